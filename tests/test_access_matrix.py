"""Every named URL x every kind of person -> the status they get.

A new URL pattern without a row here fails `test_every_url_pattern_has_a_row`.
Staff here have MFA set up; `tests/people/test_mfa_and_sessions.py` covers staff without it.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from notifications.models import Text, TextState
from offer import services
from pathway.services import contact_record
from people.models import Invitation, Region
from people.services import invitation_create
from tests.factories import (
    cast_of_people,
    handover_world,
    money_world,
    offer_content,
    offer_item,
    partner_world,
    pathway_world,
    region_world,
    rota_world,
    safety_world,
    voice_world,
)
from tests.helpers import signed_in_as

ROLES = [
    "anonymous",
    "care_leaver",
    "other_care_leaver",
    "pa",
    "other_pa",
    "manager",
    "other_manager",
    "admin_user",
    "auditor",
    "offer_editor",
    "partner",
    "other_partner",
]
STAFF = ["pa", "other_pa", "manager", "other_manager", "admin_user", "auditor", "offer_editor"]
PARTNERS = ["partner", "other_partner"]
CARE_LEAVERS = ["care_leaver", "other_care_leaver"]
SIGNED_IN = CARE_LEAVERS + STAFF


def statuses(default: int, **overrides: int) -> dict[str, int]:
    return {role: overrides.get(role, default) for role in ROLES}


@dataclass
class Row:
    expected: dict[str, int]
    kwargs: dict = field(default_factory=dict)
    method: str = "get"


# Shorthands for the common shapes.
PUBLIC = statuses(200)
SIGNED_IN_ONLY = statuses(200, anonymous=302)
ANONYMOUS_ONLY = statuses(302, anonymous=200)
STAFF_ONLY = statuses(200, anonymous=302, care_leaver=403, other_care_leaver=403)
ALLAUTH_SIGNED_IN = statuses(200, anonymous=302)
OFFER_EDITORS = statuses(403, anonymous=302, manager=200, other_manager=200, offer_editor=200)
OFFER_EDITOR_ACTION = statuses(403, anonymous=302, manager=302, other_manager=302, offer_editor=302)
MANAGER_ACTION = statuses(403, anonymous=302, manager=302, other_manager=302)
# A page of `young_person`'s record: their PA and that PA's manager only. The care leaver
# is refused staff pages about themselves; everyone else is told it does not exist.
PERSON_PAGE = statuses(404, anonymous=302, care_leaver=403, pa=200, manager=200)
PERSON_ACTION = statuses(404, anonymous=302, care_leaver=403, pa=302, manager=302)
SIGN_OFF_ACTION = statuses(404, anonymous=302, care_leaver=403, pa=403, manager=302)
CARE_LEAVER_PAGE = statuses(403, anonymous=302, care_leaver=200, other_care_leaver=200)
# `other_care_leaver` has no plan yet, so their plan's pages do not exist.
OWN_PLAN_PAGE = statuses(403, anonymous=302, care_leaver=200, other_care_leaver=404)
OWN_PLAN_ACTION = statuses(403, anonymous=302, care_leaver=302, other_care_leaver=404)
PERSON = {"pk": "young_person"}
ROTA_STAFF = statuses(403, anonymous=302, pa=200, other_pa=200, manager=200, other_manager=200)
PAS = statuses(403, anonymous=302, pa=200, other_pa=200)
PA_ACTION = statuses(403, anonymous=302, pa=302, other_pa=302)
MANAGERS = statuses(403, anonymous=302, manager=200, other_manager=200)
SERVICE_MANAGER = statuses(403, anonymous=302, other_manager=200)
HELP_FLAG_ACTION = statuses(404, anonymous=302, care_leaver=403, pa=302)
HANDOVER_PAGE = statuses(403, anonymous=302, pa=200, other_pa=404, manager=200, other_manager=404)

MATRIX: dict[str, Row] = {
    "portal:home": Row(statuses(302, anonymous=200)),
    "portal:health": Row(PUBLIC),
    "portal:staff-home": Row(STAFF_ONLY),
    "pathway:caseload": Row(statuses(403, anonymous=302, pa=200, other_pa=200)),
    "pathway:reviews-to-sign": Row(statuses(403, anonymous=302, manager=200, other_manager=200)),
    "pathway:plan": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:plan-start": Row(PERSON_ACTION, kwargs=PERSON, method="post"),
    "pathway:section-edit": Row(PERSON_PAGE, kwargs={**PERSON, "matter": "accommodation"}),
    "pathway:action-create": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:action-edit": Row(PERSON_PAGE, kwargs={**PERSON, "action_pk": "action"}),
    "pathway:review-request": Row(PERSON_PAGE, kwargs=PERSON),
    # The world's plan has a review open, so recording another goes to that one.
    "pathway:review-create": Row(PERSON_ACTION, kwargs=PERSON),
    "pathway:review-detail": Row(PERSON_PAGE, kwargs={**PERSON, "number": "open_review"}),
    "pathway:review-edit": Row(PERSON_PAGE, kwargs={**PERSON, "number": "open_review"}),
    # Signing without the page's fingerprint of the plan is refused, and sent back to the page.
    "pathway:review-sign": Row(
        SIGN_OFF_ACTION, kwargs={**PERSON, "number": "open_review"}, method="post"
    ),
    # Sending back without a note shows the page again with its error.
    "pathway:review-return": Row(
        statuses(404, anonymous=302, care_leaver=403, pa=403, manager=400),
        kwargs={**PERSON, "number": "open_review"},
        method="post",
    ),
    "pathway:version-detail": Row(PERSON_PAGE, kwargs={**PERSON, "number": 1}),
    "pathway:version-compare": Row(PERSON_PAGE, kwargs={**PERSON, "number": 1}),
    "pathway:version-pdf": Row(PERSON_PAGE, kwargs={**PERSON, "number": 1}),
    "pathway:contacts": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:contact-create": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:contact-correct": Row(PERSON_PAGE, kwargs={**PERSON, "contact_pk": "contact"}),
    "pathway:situation": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:accommodation-create": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:activity-create": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:health": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:health-edit": Row(PERSON_PAGE, kwargs=PERSON),
    "pathway:document-create": Row(PERSON_PAGE, kwargs=PERSON),
    # Documents are for staff; a care leaver is refused even their own through this page.
    "pathway:document-download": Row(
        statuses(404, anonymous=302, care_leaver=403, other_care_leaver=403, pa=200, manager=200),
        kwargs={**PERSON, "document_pk": "document"},
    ),
    # The statutory returns are the council's, for its service manager (`other_manager`
    # here); a team manager and a PA get 403.
    # Moving a document put on the wrong record: those who may change the record it is on.
    "pathway:document-move": Row(PERSON_PAGE, kwargs={**PERSON, "document_pk": "document"}),
    "pathway:returns": Row(SERVICE_MANAGER),
    # Putting right one record of the return: those who may change the record. The world's
    # young person turned 19 about five weeks ago, with no sex or ethnicity recorded.
    # Putting a return's record right: the young person's PA and that PA's manager, and
    # the service manager who makes the returns (they list the whole council's records).
    "pathway:return-fix": Row({**PERSON_PAGE, "other_manager": 200}, kwargs={**PERSON, "age": 19}),
    "pathway:returns-download": Row(SERVICE_MANAGER, kwargs={"year": 2026, "what": "annex-a"}),
    # Sharing a document with the young person, or not: their PA and that PA's manager.
    "pathway:document-share": Row(
        PERSON_ACTION, kwargs={**PERSON, "document_pk": "document"}, method="post"
    ),
    # The care leaver's own health passport and documents; staff are refused these pages.
    "pathway:my-health": Row(CARE_LEAVER_PAGE),
    "pathway:my-documents": Row(CARE_LEAVER_PAGE),
    "pathway:my-document-create": Row(CARE_LEAVER_PAGE),
    # `document` is `care_leaver`'s, shared with them: nobody else's to download.
    "pathway:my-document-download": Row(
        statuses(403, anonymous=302, care_leaver=200, other_care_leaver=404),
        kwargs={"document_pk": "document"},
    ),
    "pathway:my-contact-request": Row(CARE_LEAVER_PAGE),
    "pathway:my-plan": Row(CARE_LEAVER_PAGE),
    "pathway:my-plan-pdf": Row(OWN_PLAN_PAGE),
    "pathway:my-review-request": Row(OWN_PLAN_PAGE),
    "pathway:my-section-view": Row(OWN_PLAN_PAGE, kwargs={"matter": "education"}),
    "pathway:my-action-done": Row(OWN_PLAN_ACTION, kwargs={"action_pk": "action"}, method="post"),
    # Undoing a step that is not done says so and goes back to the plan.
    "pathway:my-action-undo": Row(OWN_PLAN_ACTION, kwargs={"action_pk": "action"}, method="post"),
    # Safe and housed: the young person's PA and that PA's manager; a care leaver reads the
    # shared part of their own safety plan (`other_care_leaver` has none, so no PDF).
    "safety:person": Row(PERSON_PAGE, kwargs=PERSON),
    "safety:assessment-save": Row(PERSON_PAGE, kwargs=PERSON),
    "safety:version": Row(PERSON_PAGE, kwargs={**PERSON, "number": "risk_version"}),
    "safety:version-compare": Row(PERSON_PAGE, kwargs={**PERSON, "number": "risk_version"}),
    # Agreeing (already agreed, or refused for a PA) goes back to the version.
    "safety:version-agree": Row(
        PERSON_ACTION, kwargs={**PERSON, "number": "risk_version"}, method="post"
    ),
    "safety:home-at-risk-create": Row(PERSON_PAGE, kwargs=PERSON),
    "safety:referral-create": Row(PERSON_PAGE, kwargs={**PERSON, "home_pk": "home"}),
    "safety:home-at-risk-close": Row(PERSON_PAGE, kwargs={**PERSON, "home_pk": "home"}),
    "safety:custody-release-create": Row(PERSON_PAGE, kwargs=PERSON),
    "safety:staying-close-create": Row(PERSON_PAGE, kwargs=PERSON),
    "safety:staying-close": Row(ROTA_STAFF),
    "safety:sufficiency": Row(MANAGERS),
    "safety:sufficiency-csv": Row(MANAGERS),
    "safety:my-safety": Row(CARE_LEAVER_PAGE),
    "safety:my-safety-pdf": Row(
        statuses(403, anonymous=302, care_leaver=200, other_care_leaver=404)
    ),
    # Money: the care leaver's own page, the young person's tab, claims and payment runs.
    "finance:my-money": Row(CARE_LEAVER_PAGE),
    # `other_care_leaver` has nothing to claim from, so is sent back to their money page.
    "finance:my-claim": Row(statuses(403, anonymous=302, care_leaver=200, other_care_leaver=302)),
    # Withdrawing a waiting claim: the young person's own, or their PA or manager for them.
    "finance:my-claim-withdraw": Row(
        statuses(403, anonymous=302, care_leaver=200, other_care_leaver=404),
        kwargs={"claim_pk": "claim"},
    ),
    "finance:claim-withdraw": Row(
        statuses(403, anonymous=302, pa=200, other_pa=404, manager=200, other_manager=404),
        kwargs={"claim_pk": "claim"},
    ),
    "finance:person-money": Row(PERSON_PAGE, kwargs=PERSON),
    "finance:award-create": Row(PERSON_PAGE, kwargs=PERSON),
    "finance:person-claim": Row(PERSON_PAGE, kwargs=PERSON),
    "finance:entry-reverse": Row(
        statuses(404, anonymous=302, care_leaver=403, manager=200),
        kwargs={**PERSON, "entry_pk": "ledger_entry"},
    ),
    "finance:claims-waiting": Row(
        statuses(403, anonymous=302, pa=200, other_pa=200, manager=200, other_manager=200)
    ),
    "finance:claim-detail": Row(
        statuses(403, anonymous=302, pa=200, other_pa=404, manager=200, other_manager=404),
        kwargs={"claim_pk": "claim"},
    ),
    "finance:claim-receipt": Row(
        statuses(403, anonymous=302, pa=200, other_pa=404, manager=200, other_manager=404),
        kwargs={"claim_pk": "claim"},
    ),
    "finance:payments": Row(statuses(403, anonymous=302, manager=200, other_manager=200)),
    # The payment run's confirmation page (count, total, per scheme): the service manager's.
    "finance:payment-run": Row(SERVICE_MANAGER),
    # A payment file names young people of every team: the service manager's only.
    "finance:payment-csv": Row(SERVICE_MANAGER, kwargs={"batch_pk": "batch"}),
    "finance:budget": Row(statuses(403, anonymous=302, manager=200, other_manager=200)),
    # The duty rota: PAs and managers; a PA's own page; the manager's coverage and pattern.
    "rota:rota": Row(ROTA_STAFF),
    "rota:mine": Row(PAS),
    "rota:leave-create": Row(PAS),
    "rota:feed-create": Row(PA_ACTION, method="post"),
    "rota:feed-revoke": Row(PA_ACTION, method="post"),
    # The calendar address is its own key: anyone holding a live one gets the feed.
    "rota:feed": Row(PUBLIC, kwargs={"token": "feed_token"}),
    "rota:swap-offer": Row(
        statuses(403, anonymous=302, pa=302, other_pa=404),
        kwargs={"shift_pk": "shift"},
        method="post",
    ),
    "rota:swap-take": Row(PA_ACTION, kwargs={"offer_pk": "swap_offer"}, method="post"),
    "rota:swap-withdraw": Row(
        statuses(403, anonymous=302, pa=302, other_pa=404),
        kwargs={"offer_pk": "swap_offer"},
        method="post",
    ),
    "rota:fill": Row(MANAGERS, kwargs={"shift_pk": "shift"}),
    "rota:coverage": Row(MANAGERS),
    "rota:generate": Row(MANAGERS),
    "rota:shift-create": Row(MANAGERS),
    "rota:duty-log": Row(ROTA_STAFF),
    "rota:enquiry-create": Row(ROTA_STAFF),
    "rota:enquiry-find": Row(ROTA_STAFF),
    # About one young person: anyone of the council for managers and whoever is on duty
    # today (nobody here), else only a PA's own young people.
    "rota:enquiry-create-for": Row(
        statuses(403, anonymous=302, pa=200, other_pa=404, manager=200, other_manager=200),
        kwargs={"young_person_pk": "young_person"},
    ),
    "rota:enquiry-done": Row(
        statuses(403, anonymous=302, pa=302, other_pa=302, manager=302, other_manager=302),
        kwargs={"enquiry_pk": "enquiry"},
        method="post",
    ),
    "portal:team": Row(statuses(403, anonymous=302, manager=200, other_manager=200)),
    # The dashboard, the young people behind a figure, and a figure as CSV: managers only.
    "dashboard:home": Row(MANAGERS),
    "dashboard:list": Row(MANAGERS, kwargs={"slug": "in-touch"}),
    "dashboard:csv": Row(MANAGERS, kwargs={"slug": "eet"}),
    # A manager sets the leaving date of a PA in their own teams.
    "portal:pa-leaving": Row(
        statuses(403, anonymous=302, manager=200, other_manager=404), kwargs={"pk": "pa"}
    ),
    # ... and cancels it, from a confirmation page (`pa` is leaving in the world).
    "portal:pa-leaving-cancel": Row(
        statuses(403, anonymous=302, manager=200, other_manager=404), kwargs={"pk": "pa"}
    ),
    # Notifications: everyone's own; one of `pa`'s is nobody else's to open.
    "notifications:list": Row(SIGNED_IN_ONLY),
    "notifications:settings": Row(SIGNED_IN_ONLY),
    "notifications:open": Row(statuses(404, anonymous=302, pa=200), kwargs={"pk": "notification"}),
    # Handovers: PAs and managers; `young_person`'s is `pa`'s and `manager`'s to see.
    "handovers:list": Row(ROTA_STAFF),
    "handovers:detail": Row(HANDOVER_PAGE, kwargs={"pk": "handover"}),
    "handovers:summary": Row(HANDOVER_PAGE, kwargs={"pk": "handover"}),
    "handovers:told": Row(HANDOVER_PAGE, kwargs={"pk": "handover"}),
    "handovers:intro": Row(HANDOVER_PAGE, kwargs={"pk": "handover"}),
    "handovers:ending": Row(HANDOVER_PAGE, kwargs={"pk": "handover"}),
    # Moving a young person's support to another council: a manager of their team.
    "handovers:council-move": Row(
        statuses(404, anonymous=302, care_leaver=403, pa=403, manager=200), kwargs=PERSON
    ),
    "portal:my-home": Row(statuses(403, anonymous=302, care_leaver=200, other_care_leaver=200)),
    # The young person's voice: their own pages; their PA's and that PA's manager's page on
    # their record. No page shows staff one person's survey answers; an administrator none.
    "voice:my-home": Row(CARE_LEAVER_PAGE),
    "voice:my-check-in": Row(CARE_LEAVER_PAGE),
    "voice:my-help-now": Row(CARE_LEAVER_PAGE),
    "voice:my-checklist": Row(CARE_LEAVER_PAGE, kwargs={"area": "area"}),
    "voice:my-skills": Row(CARE_LEAVER_PAGE),
    "voice:my-survey": Row(CARE_LEAVER_PAGE, kwargs={"survey_pk": "survey"}),
    "voice:person": Row(PERSON_PAGE, kwargs=PERSON),
    "voice:person-checklist": Row(PERSON_PAGE, kwargs={**PERSON, "area": "area"}),
    # The PA answers the help flag first, so for the manager after them it is gone.
    "voice:help-action": Row(
        HELP_FLAG_ACTION, kwargs={**PERSON, "answer_pk": "help_answer"}, method="post"
    ),
    "voice:help-close": Row(
        HELP_FLAG_ACTION, kwargs={**PERSON, "answer_pk": "help_answer"}, method="post"
    ),
    "voice:check-in-ask": Row(PERSON_ACTION, kwargs=PERSON, method="post"),
    "voice:skill-confirm": Row(
        PERSON_ACTION, kwargs={**PERSON, "skill_pk": "skill"}, method="post"
    ),
    # Recording a phone call's answers: the form is the PA's; once saved it is never shown.
    "voice:survey-phone": Row(PERSON_PAGE, kwargs={**PERSON, "survey_pk": "survey"}),
    "voice:surveys": Row(MANAGERS),
    "voice:survey-results": Row(MANAGERS, kwargs={"survey_pk": "survey"}),
    "voice:you-said-manage": Row(MANAGERS),
    "voice:you-said": Row(PUBLIC),
    # A copy of everything held: each care leaver their own; staff for their young people.
    "portal:my-information": Row(CARE_LEAVER_PAGE),
    "portal:my-information-download": Row(CARE_LEAVER_PAGE),
    "portal:subject-access": Row(PERSON_PAGE, kwargs=PERSON),
    "portal:subject-access-download": Row(PERSON_PAGE, kwargs=PERSON),
    # The young person below is `care_leaver`'s record, allocated to `pa` in `manager`'s team.
    "portal:young-person-detail": Row(
        statuses(404, anonymous=302, care_leaver=403, pa=200, manager=200),
        kwargs={"pk": "young_person"},
    ),
    "portal:young-person-create": Row(statuses(403, anonymous=302, manager=200, other_manager=200)),
    "portal:young-person-edit": Row(
        statuses(404, anonymous=302, care_leaver=403, pa=200, manager=200),
        kwargs={"pk": "young_person"},
    ),
    "portal:allocation-create": Row(
        statuses(403, anonymous=302, manager=200, other_manager=404),
        kwargs={"pk": "young_person"},
    ),
    "portal:invitation-create": Row(
        statuses(404, anonymous=302, care_leaver=403, pa=200, manager=200),
        kwargs={"pk": "young_person"},
    ),
    # The emailed link redirects (302) to the password page, which then needs the session.
    "portal:invitation-open": Row(statuses(302), kwargs={"token": "invitation_token"}),
    "portal:invitation-accept": Row(statuses(302, anonymous=410)),
    # A staff set-up link: a broken or used one says so; the password page needs its session.
    "portal:staff-set-up-open": Row(statuses(410), kwargs={"uidb64": "MQ", "token": "x-y"}),
    "portal:staff-set-up": Row(statuses(410)),
    "portal:staff-not-set-up": Row(PUBLIC),
    # The local offer: public pages, then the editors' and managers' pages.
    "offer:home": Row(PUBLIC),
    "offer:search": Row(PUBLIC),
    "offer:check": Row(PUBLIC),
    "offer:category": Row(PUBLIC, kwargs={"slug": "money"}),
    "offer:item-detail": Row(PUBLIC, kwargs={"slug": "offer_slug"}),
    "offer:manage": Row(OFFER_EDITORS),
    "offer:item-create": Row(OFFER_EDITORS),
    "offer:item-preview": Row(OFFER_EDITORS, kwargs={"pk": "offer_item"}),
    "offer:item-edit": Row(OFFER_EDITORS, kwargs={"pk": "offer_item"}),
    "offer:item-history": Row(OFFER_EDITORS, kwargs={"pk": "offer_item"}),
    "offer:item-compare": Row(OFFER_EDITORS, kwargs={"pk": "offer_item"}),
    # Actions answer with a redirect back to the item, whether or not there was anything to do.
    "offer:item-submit": Row(OFFER_EDITOR_ACTION, kwargs={"pk": "offer_item"}, method="post"),
    "offer:item-reviewed": Row(OFFER_EDITOR_ACTION, kwargs={"pk": "offer_item"}, method="post"),
    # Approving without its confirmation page's button approves nothing: with nothing
    # waiting, it goes back to the item.
    "offer:item-approve": Row(MANAGER_ACTION, kwargs={"pk": "offer_item"}, method="post"),
    # Without a note, sending back shows the form again with its error.
    "offer:item-return": Row(
        statuses(403, anonymous=302, manager=400, other_manager=400),
        kwargs={"pk": "offer_item"},
        method="post",
    ),
    "offer:sign-off": Row(statuses(403, anonymous=302, manager=200, other_manager=200)),
    # The regional offer: written by the region's councils' editors, approved by its lead.
    "offer:regional-item-create": Row(OFFER_EDITORS, kwargs={"region": "region"}),
    # A council's local note on a regional item: its managers'.
    "offer:item-note": Row(MANAGER_ACTION, kwargs={"pk": "regional_item"}, method="post"),
    # Each council's public offer under its slug, and a region's pages: public.
    "council_offer:home": Row(PUBLIC, kwargs={"council": "council"}),
    "council_offer:search": Row(PUBLIC, kwargs={"council": "council"}),
    "council_offer:check": Row(PUBLIC, kwargs={"council": "council"}),
    "council_offer:category": Row(PUBLIC, kwargs={"council": "council", "slug": "money"}),
    "council_offer:item-detail": Row(
        PUBLIC, kwargs={"council": "council", "slug": "regional_slug"}
    ),
    "region:home": Row(PUBLIC, kwargs={"region": "region"}),
    # The regional dashboard: the region's lead (here the manager) only.
    "dashboard:region": Row(statuses(404, anonymous=302, manager=200), kwargs={"region": "region"}),
    "region:compare": Row(PUBLIC, kwargs={"region": "region"}),
    "region:compare-area": Row(PUBLIC, kwargs={"region": "region", "area": "money"}),
    # Partners: a young person's referrals and sessions, for their PA and that PA's manager.
    "partners:referrals": Row(PERSON_PAGE, kwargs=PERSON),
    "partners:referral-create": Row(PERSON_PAGE, kwargs=PERSON),
    "partners:referral": Row(PERSON_PAGE, kwargs={**PERSON, "referral_pk": "referral"}),
    # Booking without a session chosen says so and goes back to the page.
    "partners:session-book": Row(PERSON_ACTION, kwargs=PERSON, method="post"),
    "partners:transitions": Row(ROTA_STAFF),
    "partners:my-referrals": Row(CARE_LEAVER_PAGE),
    # Booking their own place without a session chosen says so and goes back.
    "partners:my-session-book": Row(
        statuses(403, anonymous=302, **dict.fromkeys(CARE_LEAVERS, 302)), method="post"
    ),
    # A partner worker: the referrals and sessions of their own service, and nothing else.
    "partners:worker-home": Row(statuses(403, anonymous=302, **dict.fromkeys(PARTNERS, 200))),
    "partners:worker-referral": Row(
        statuses(403, anonymous=302, partner=200, other_partner=404),
        kwargs={"pk": "referral"},
    ),
    "partners:worker-session": Row(
        statuses(403, anonymous=302, partner=200, other_partner=404),
        kwargs={"pk": "session"},
    ),
    # Open data (Open Referral UK): public, read-only, the same for everyone.
    "openreferral:index": Row(PUBLIC),
    "openreferral:services": Row(PUBLIC),
    "openreferral:service": Row(PUBLIC, kwargs={"uid": "service_uid"}),
    "openreferral:service-at-locations": Row(PUBLIC),
    "openreferral:taxonomies": Row(PUBLIC),
    "openreferral:taxonomy-terms": Row(PUBLIC),
    # One council's open data, with its region's items.
    "council_openreferral:index": Row(PUBLIC, kwargs={"council": "council"}),
    "council_openreferral:services": Row(PUBLIC, kwargs={"council": "council"}),
    "council_openreferral:service": Row(
        PUBLIC, kwargs={"council": "council", "uid": "service_uid"}
    ),
    "council_openreferral:service-at-locations": Row(PUBLIC, kwargs={"council": "council"}),
    "council_openreferral:taxonomies": Row(PUBLIC, kwargs={"council": "council"}),
    "council_openreferral:taxonomy-terms": Row(PUBLIC, kwargs={"council": "council"}),
    # allauth: sign-in and account pages.
    "account_login": Row(ANONYMOUS_ONLY),
    "account_logout": Row(statuses(200, anonymous=302)),
    "account_inactive": Row(PUBLIC),
    "account_signup": Row(statuses(302, anonymous=200)),  # shows "sign-up is closed"
    "account_reauthenticate": Row(ALLAUTH_SIGNED_IN),
    # Confirming who you are by an emailed code is off, as signing in by code is: allauth
    # sends everyone back (to sign in, or to confirm with their password instead).
    "account_request_reauthentication_code": Row(statuses(302)),
    "account_confirm_reauthentication_code": Row(statuses(302)),
    # Both names are one address: the portal's page, which allauth's is behind.
    "account_email": Row(ALLAUTH_SIGNED_IN),
    "portal:email-address": Row(ALLAUTH_SIGNED_IN),
    "account_email_verification_sent": Row(PUBLIC),
    "account_change_password": Row(ALLAUTH_SIGNED_IN),
    "account_set_password": Row(statuses(302)),  # everyone here has a password already
    "account_reset_password": Row(PUBLIC),
    "account_confirm_login_code": Row(statuses(302)),  # login by code is off
    "account_confirm_email": Row(PUBLIC, kwargs={"key": "not-a-real-key"}),
    "account_reset_password_from_key_done": Row(PUBLIC),
    "account_reset_password_from_key": Row(PUBLIC, kwargs={"uidb36": "1", "key": "not-a-real-key"}),
    "account_reset_password_done": Row(PUBLIC),
    "mfa_index": Row(ALLAUTH_SIGNED_IN),
    "mfa_authenticate": Row(statuses(302)),  # only mid-sign-in
    "mfa_reauthenticate": Row(statuses(200, anonymous=302, care_leaver=302, other_care_leaver=302)),
    # Staff already have an app; care leavers may add one if they wish.
    # (care leavers are asked to confirm their password first).
    "mfa_activate_totp": Row(statuses(302)),
    "mfa_deactivate_totp": Row(statuses(302, anonymous=302, **dict.fromkeys(CARE_LEAVERS, 404))),
    "mfa_view_recovery_codes": Row(
        statuses(302, anonymous=302, **dict.fromkeys(CARE_LEAVERS, 404))
    ),
    "mfa_generate_recovery_codes": Row(
        statuses(302, anonymous=302, **dict.fromkeys(CARE_LEAVERS, 302))
    ),
    "mfa_download_recovery_codes": Row(
        statuses(302, anonymous=302, **dict.fromkeys(CARE_LEAVERS, 404))
    ),
}

# Django's admin: only administrators get in; everyone else is sent to its sign-in. The
# auditor gets in too, to the audit trail only (403 on everything else).
ADMIN_ONLY = statuses(302, admin_user=200, auditor=403)
AUDITOR_ONLY = statuses(302, admin_user=403, auditor=200)


def admin_rows() -> dict[str, Row]:
    both = statuses(302, admin_user=200, auditor=200)
    rows = {
        "admin:index": Row(both),
        "admin:logout": Row(both, method="post"),
    }
    # The admin's sign-in form is replaced by allauth's (with MFA): anonymous people are
    # sent there, signed-in non-administrators are refused.
    rows["admin:login"] = Row(statuses(403, anonymous=302, admin_user=302, auditor=302))
    rows["admin:password_change"] = Row(both)
    rows["admin:password_change_done"] = Row(both)
    rows["admin:jsi18n"] = Row(both)
    rows["admin:autocomplete"] = Row(statuses(302, admin_user=403, auditor=403))
    rows["admin:view_on_site"] = Row(
        statuses(302, admin_user=404, auditor=404), kwargs={"content_type_id": 0, "object_id": 0}
    )
    rows["admin:app_list"] = Row(
        statuses(302, admin_user=200, auditor=404), kwargs={"app_label": "portal"}
    )
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        is_trail = model._meta.app_label == "auditlog"
        rows[f"{prefix}_changelist"] = Row(AUDITOR_ONLY if is_trail else ADMIN_ONLY)
        # Regions are set up by the deployment's own superuser, not a council's administrator.
        refused = {"auditlog", "axes"}
        add_status = 403 if model._meta.app_label in refused or model is Region else 200
        rows[f"{prefix}_add"] = Row(statuses(302, admin_user=add_status, auditor=403))
        # A missing object: the admin sends those who may see the list back to it (and
        # everyone back from a history page, before it looks at who they are).
        for action in ("change", "delete"):
            rows[f"{prefix}_{action}"] = Row(
                statuses(302, auditor=302 if is_trail else 403), kwargs={"object_id": "0"}
            )
        rows[f"{prefix}_history"] = Row(statuses(302), kwargs={"object_id": "0"})
        if model is Region:
            rows[f"{prefix}_delete"] = Row(
                statuses(302, admin_user=403, auditor=403), kwargs={"object_id": "0"}
            )
        if is_trail:
            # The audit trail cannot be deleted, by anyone; administrators cannot read it.
            rows[f"{prefix}_change"] = Row(
                statuses(302, admin_user=403, auditor=302), kwargs={"object_id": "0"}
            )
            rows[f"{prefix}_delete"] = Row(
                statuses(302, admin_user=403, auditor=403), kwargs={"object_id": "0"}
            )
    return rows


def url_names() -> set[str]:
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                ns = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
                yield from walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns))


def full_matrix() -> dict[str, Row]:
    return {**MATRIX, **admin_rows()}


def row_url(name: str, row: Row, values: dict) -> str:
    """The row's URL, with the world's objects in place of the names its kwargs give."""
    kwargs = {
        key: values.get(value, value) if isinstance(value, str) else value
        for key, value in row.kwargs.items()
    }
    return reverse(name, kwargs=kwargs or None)


def each_page_as_each_role(client, world, include=lambda name: True):
    """(name, role, url, response) for each page of the matrix, as each role that gets it."""
    people, values = world
    for name, row in sorted(full_matrix().items()):
        if row.method != "get" or not include(name):
            continue
        url = row_url(name, row, values)
        for role in ROLES:
            if row.expected[role] != 200:
                continue
            signed_in_as(client, people.get(role))
            yield name, role, url, client.get(url)


def test_every_url_pattern_has_a_row():
    missing = url_names() - set(full_matrix())
    assert not missing, f"Add these URLs to the access matrix: {sorted(missing)}"


def test_matrix_has_no_rows_for_urls_that_are_gone():
    gone = set(full_matrix()) - url_names()
    assert not gone, f"These rows name URLs that no longer exist: {sorted(gone)}"


def world_of(cast: dict) -> tuple[dict, dict]:
    """Everything the matrix's pages need, for the people in `cast` (named as its roles)."""
    care_leaver, pa, manager = cast["care_leaver"], cast["pa"], cast["manager"]
    other_manager, offer_editor = cast["other_manager"], cast["offer_editor"]
    young_person = care_leaver.young_person
    other_manager.sees_all_teams = True
    other_manager.save()
    invitation_person = young_person.__class__.objects.create(
        authority=young_person.authority,
        first_name="Kai",
        last_name="Mensah",
        date_of_birth=young_person.date_of_birth,
        legal_status=young_person.legal_status,
    )
    _, token = invitation_create(young_person=invitation_person, email="kai@example.org", by=pa)
    assert Invitation.objects.filter(young_person=invitation_person).exists()
    people = {role: cast[role] for role in ROLES if role != "anonymous"}
    # An offer item with a published version and a later draft, so there is something to compare.
    item = offer_item(editor=offer_editor, manager=manager)
    services.item_draft_save(
        item=item,
        content=offer_content(title="Setting up home allowance (changed)"),
        owner=offer_editor,
        review_by=item.review_by,
        based_on=services.edit_token(item, item.versions.get()),
        by=offer_editor,
    )
    region, regional = region_world(editor=offer_editor, lead=manager)
    plan, action, document = pathway_world(young_person, pa=pa, manager=manager)
    contact = contact_record(
        young_person=young_person,
        happened_on=plan.started_on,
        method="phone",
        seen=False,
        note="Talked about college.",
        by=pa,
    )
    claim, batch = money_world(young_person, pa=pa, manager=manager)
    shift, offer, feed_token, enquiry = rota_world(young_person, pa=pa, manager=manager)
    handover, notification = handover_world(young_person, pa=pa, manager=manager)
    voice = voice_world(young_person, pa=pa, manager=manager)
    partners = partner_world(
        young_person, pa=pa, partner=cast["partner"], other_partner=cast["other_partner"]
    )
    safety = safety_world(young_person, pa=pa, manager=manager)
    # A text GOV.UK Notify refused: the profile warns about the number, in plain words.
    Text.objects.create(
        key=f"notification:0:{young_person.pk}",
        kind="notification",
        to="+447700900123",
        object_id=0,
        young_person=young_person,
        state=TextState.FAILED,
        failure_reason="This is not a UK mobile number. Check the number on their record.",
    )
    values = {
        "shift": shift.pk,
        "handover": handover.pk,
        "notification": notification.pk,
        "pa": pa.pk,
        "swap_offer": offer.pk,
        "feed_token": feed_token,
        "enquiry": enquiry.pk,
        "claim": claim.pk,
        "batch": batch.pk,
        "ledger_entry": batch.entries.get().pk,
        "action": action.pk,
        "contact": contact.pk,
        "document": document.pk,
        "open_review": plan.reviews.get(state="awaiting").number,
        "young_person": young_person.pk,
        "invitation_token": token,
        "offer_item": item.pk,
        "offer_slug": item.slug,
        "region": region.slug,
        "council": young_person.authority.slug,
        "regional_item": regional.pk,
        "regional_slug": regional.slug,
        **voice,
        "referral": partners["referral"].pk,
        "session": partners["session"].pk,
        "service_uid": str(partners["housing"].uid),
        **safety,
    }
    return people, values


@pytest.fixture
def world(
    care_leaver,
    other_care_leaver,
    pa,
    other_pa,
    manager,
    other_manager,
    admin_user,
    auditor,
    offer_editor,
    partner,
    other_partner,
):
    """The matrix's world, for a test of its own (the fuzz and hostile-text tests)."""
    return world_of(
        {
            "care_leaver": care_leaver,
            "other_care_leaver": other_care_leaver,
            "pa": pa,
            "other_pa": other_pa,
            "manager": manager,
            "other_manager": other_manager,
            "admin_user": admin_user,
            "auditor": auditor,
            "offer_editor": offer_editor,
            "partner": partner,
            "other_partner": other_partner,
        }
    )


@pytest.fixture(scope="module")
def _matrix_files(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-private")


@pytest.fixture(autouse=True)
def _private_files(settings, _matrix_files):
    """This module's documents live in one folder for all its tests, as its world does."""
    settings.PRIVATE_MEDIA_ROOT = _matrix_files


@contextmanager
def worlds_for_the_module(django_db_blocker, files, *casts: Callable[[], dict]):
    """Worlds made once for a module's tests, inside a transaction rolled back at its end;
    each test runs in a savepoint of its own, so what one test posts no other sees."""
    with (
        override_settings(PRIVATE_MEDIA_ROOT=files),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        yield [world_of(cast()) for cast in casts]
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, _matrix_files):
    """The world made once for every row."""
    with worlds_for_the_module(django_db_blocker, _matrix_files, cast_of_people) as (world,):
        yield world


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(full_matrix()))
def test_access(name, client, shared_world):
    world = shared_world
    people, values = world
    row = full_matrix()[name]
    url = row_url(name, row, values)
    failures = []
    for role in ROLES:
        signed_in_as(client, people.get(role))
        response = getattr(client, row.method)(url)
        if response.status_code != row.expected[role]:
            failures.append(f"{role}: expected {row.expected[role]}, got {response.status_code}")
    assert not failures, f"{name} ({url}):\n" + "\n".join(failures)
