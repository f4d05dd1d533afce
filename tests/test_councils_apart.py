"""Councils kept apart: every URL of the access matrix, tried by each role of council A on
council B's objects, answers 403 or 404 (or the sign-in page, for someone signed out),
except the public pages; the lists A's staff open show nothing of B's.

Council B is a second world like the matrix's (`world_of`), built once for this module in
a transaction rolled back at its end, so the sweep, fuzz and hostile-text tests (which walk
the matrix's own `world`) never see it.
"""

import datetime as dt
from functools import partial

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.contrib import admin
from django.db import DatabaseError, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from finance import services as finance_services
from finance.models import Award, Claim
from finance.selectors import usable_awards
from finance.services import FinanceError, claim_make
from handovers import services as handover_services
from handovers.models import Handover
from notifications import services as notification_services
from notifications.models import Notification
from offer import selectors as offer_selectors
from pathway import returns
from pathway.models import Contact, Document, PlanVersion
from people.models import Allocation, CouncilMove, EndReason, Team, User, YoungPerson
from tests.factories import cast_of_people
from tests.helpers import signed_in_as
from tests.test_access_matrix import (  # the matrix's fixtures for its documents' folder
    ROLES,
    _matrix_files,  # noqa: F401
    _private_files,  # noqa: F401
    full_matrix,
    row_url,
    worlds_for_the_module,
)

# Names only council B's records carry: none of them may appear on a page A's staff open.
B_NAMES = ("Zofia Quennell", "Tobias Vantongeren")
B_MARKERS = [part for name in B_NAMES for part in name.split()]

# Addresses that are their own key, or public pages that name an object: anyone holding
# the address gets what the matrix says, whichever council it is of.
KEYED = {"rota:feed", "portal:invitation-open"}
# Public pages of one council's own objects: another council's deployment does not have them.
NOT_IN_THIS_DEPLOYMENT = {"openreferral:service"}


@pytest.fixture(autouse=True)
def _deployment_of_a(settings):
    settings.OFFER_AUTHORITY = "testshire"  # A's deployment, with B in the same database


@pytest.fixture(scope="module")
def councils(django_db_setup, django_db_blocker, _matrix_files):  # noqa: F811
    """Council A's world and council B's, made once for every test of the module."""
    council_b = partial(cast_of_people, council="Otherton", prefix="b.", names=B_NAMES)
    with worlds_for_the_module(
        django_db_blocker, _matrix_files, cast_of_people, council_b
    ) as worlds:
        yield worlds


def crosses_councils(row, a_values: dict, b_values: dict) -> bool:
    """Whether the row's address names one of B's own objects (not a shared catalogue's)."""
    return any(
        isinstance(value, str) and a_values.get(value, value) != b_values.get(value, value)
        for value in row.kwargs.values()
    )


def is_public(row) -> bool:
    return row.expected["anonymous"] == 200


# Who sees the most of a list: the service manager first, a care leaver last.
WIDEST_FIRST = ["other_manager", "manager", "pa", "other_pa", "admin_user", "auditor",
                "offer_editor", "care_leaver", "other_care_leaver", "partner", "other_partner",
                "anonymous"]  # fmt: skip


def widest_viewer(row) -> str | None:
    """The one role that opens A's own page for a look at what it lists (one request)."""
    return next((role for role in WIDEST_FIRST if row.expected[role] == 200), None)


ROWS = sorted(full_matrix())


@pytest.mark.django_db
@pytest.mark.parametrize("name", ROWS)
def test_council_a_cannot_reach_council_b(name, client, councils):
    (a_people, a_values), (_, b_values) = councils
    row = full_matrix()[name]
    crossing = crosses_councils(row, a_values, b_values)
    url = row_url(name, row, b_values if crossing else a_values)
    failures = []
    for role in ROLES:
        if crossing:
            # B's objects by their ids: refused, or the matrix's answer for public pages.
            as_matrix = is_public(row) or name in KEYED or role == "anonymous"
            allowed = {row.expected[role]} if as_matrix else {403, 404}
            if name in NOT_IN_THIS_DEPLOYMENT:
                allowed = {404}
        elif row.method == "get" and role == widest_viewer(row):
            allowed = {200}  # A's own page: what it lists holds nothing of B's
        else:
            continue  # A's own actions on A's objects are the matrix's own test
        signed_in_as(client, a_people.get(role))
        response = getattr(client, row.method)(url)
        if response.status_code not in allowed:
            failures.append(f"{role}: expected {sorted(allowed)}, got {response.status_code}")
        elif not crossing and response.status_code == 200 and not response.streaming:
            shown = [word for word in B_MARKERS if word.encode() in response.content]
            if shown:
                failures.append(f"{role}: the page shows council B's {shown}")
    assert not failures, f"{name} ({url}):\n" + "\n".join(failures)


# --- However else A's staff might reach B's records ----------------------------------------


def _council(people: dict):
    return people["pa"].authority


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "page"), [("pa", "caseload"), ("other_manager", "duty")])
def test_name_searches_find_nobody_of_council_b(role, page, client, councils):
    (a_people, _), _ = councils
    url = reverse({"caseload": "pathway:caseload", "duty": "rota:enquiry-find"}[page])
    client.force_login(a_people[role])
    client.post(url, {"q": "Jade"})
    assert b"Okoro" in client.get(url).content  # the search works, for A's own
    for name in B_NAMES:
        first, last = name.split()
        client.post(url, {"q": first})
        assert last.encode() not in client.get(url).content


@pytest.mark.django_db
def test_offer_editors_list_only_their_own_councils_items(councils):
    (a_people, _), (b_people, _) = councils
    a, b = _council(a_people), _council(b_people)
    assert offer_selectors.items_for_editors(b).exists()
    assert set(offer_selectors.items_for_editors(a).values_list("authority", flat=True)) == {a.pk}


@pytest.mark.django_db
@pytest.mark.parametrize("what", ["903-header", "903-care-leavers", "annex-a"])
def test_statutory_returns_of_council_a_hold_nobody_of_b(what, councils):
    (a_people, _), (b_people, _) = councils
    a, b = _council(a_people), _council(b_people)
    today = timezone.localdate()
    year = returns.latest_year(today)
    ids = YoungPerson.objects.exclude(child_id="").values_list("child_id", flat=True)
    a_ids, b_ids = set(ids.filter(authority=a)), set(ids.filter(authority=b))
    cells = {cell for line in returns.file_rows(what, a.pk, year, today)[1:] for cell in line}
    assert cells & a_ids  # A's own young people are in it
    assert not cells & b_ids


@pytest.mark.django_db
def test_reminders_and_alerts_of_council_b_reach_nobody_of_a(councils):
    (a_people, _), (b_people, _) = councils
    a = _council(a_people)
    today = timezone.localdate()
    for name in notification_services.rules():
        for day in (today, today + dt.timedelta(days=21)):
            notification_services.rule_run(name=name, day=day)
    told_a = Notification.objects.filter(recipient__authority=a)
    assert told_a.exists()
    assert not told_a.exclude(young_person=None).exclude(young_person__authority=a).exists()
    b_pa = b_people["pa"]
    words = [*B_MARKERS, f"{b_pa.first_name} {b_pa.last_name}"]
    for message in told_a.values_list("message", flat=True):
        assert not [word for word in words if word in message], message


@pytest.mark.django_db
def test_open_data_holds_only_the_deployments_council(client, councils):
    (_, a_values), (_, b_values) = councils
    listing = client.get(reverse("openreferral:services"), {"per_page": 200}).json()
    ids = {service["id"] for service in listing["contents"]}
    assert a_values["service_uid"] in ids
    assert b_values["service_uid"] not in ids
    places = client.get(reverse("openreferral:service-at-locations"), {"per_page": 200}).json()
    assert {row["service_id"] for row in places["contents"]} <= ids
    missing = client.get(reverse("openreferral:service", kwargs={"uid": b_values["service_uid"]}))
    assert missing.status_code == 404


@pytest.mark.django_db
def test_an_administrator_of_a_sees_no_record_of_b_in_any_admin_list(rf, councils):
    """Every model the admin lists: council A's administrator's list holds none of B's
    (shared catalogues, such as the checklist areas, are the same for every council)."""
    (a_people, _), (b_people, _) = councils
    a, b = _council(a_people), _council(b_people)
    b_users = User.objects.filter(authority=b)
    request = rf.get("/")
    request.user = a_people["admin_user"]
    checked = []
    for model, model_admin in admin.site._registry.items():
        path = getattr(model_admin, "council", None)
        if path is None or not model._default_manager.filter(**{path: b.pk}).exists():
            continue
        assert model_admin.get_queryset(request).filter(**{path: a.pk}).exists(), model
        assert not model_admin.get_queryset(request).exclude(**{path: a.pk}).exists(), model
        checked.append(model._meta.model_name)
    assert len(checked) >= 8, checked  # B's world has records of most of them
    # The system's own change (no one signed in) to B's record: B's trail, not A's, even
    # in a thread where A's administrator acted before (auditlog leaves its context set).
    with set_actor(a_people["admin_user"]):
        pass
    b_person = YoungPerson.objects.filter(authority=b).first()
    b_person.preferred_name = "Zo"
    b_person.save()
    by_system = LogEntry.objects.filter(actor=None).latest("pk")
    trails = {}
    for people in (a_people, b_people):
        request.user = people["auditor"]
        trails[people is a_people] = admin.site._registry[LogEntry].get_queryset(request)
    assert LogEntry.objects.filter(actor__in=b_users).exists()
    assert not trails[True].filter(actor__in=b_users).exists()
    assert trails[True].filter(actor__authority=a).exists()
    assert not trails[True].filter(pk=by_system.pk).exists()
    assert trails[False].filter(pk=by_system.pk).exists()
    request.user = a_people["admin_user"]
    b_emails = list(b_users.values_list("email", flat=True))
    AccessAttempt.objects.create(
        username=b_emails[0], ip_address="192.0.2.1", failures_since_start=1
    )
    assert not admin.site._registry[AccessAttempt].get_queryset(request).exists()


def test_every_admin_list_says_which_council_its_records_are_of():
    """A model an administrator edits is a council's (its admin says how it leads there), or
    a catalogue every council shares, named here."""
    shared = {
        "offer.category", "voice.area", "voice.skill", "safety.riskarea", "partners.taxonomy",
        "partners.taxonomyterm", "auditlog.logentry", "axes.accessattempt", "axes.accesslog",
        "axes.accessfailurelog", "django_celery_beat.periodictask",
        "django_celery_beat.clockedschedule", "django_celery_beat.solarschedule",
        "django_celery_beat.intervalschedule", "django_celery_beat.crontabschedule",
    }  # fmt: skip
    unsaid = {
        model._meta.label_lower
        for model, model_admin in admin.site._registry.items()
        if not hasattr(model_admin, "council")
    }
    assert unsaid == shared


@pytest.mark.django_db
def test_an_administrator_of_a_cannot_open_a_record_of_b_in_the_admin(client, councils):
    (a_people, _), (b_people, _) = councils
    b = _council(b_people)
    client.force_login(a_people["admin_user"])
    opened = []
    for model, model_admin in admin.site._registry.items():
        path = getattr(model_admin, "council", None)
        record = path and model._default_manager.filter(**{path: b.pk}).first()
        if not record:
            continue
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
        response = client.get(url)
        # The admin's answer for a record that does not exist: back to its index.
        assert response.status_code == 302, (url, response.status_code)
        opened.append(meta.model_name)
    assert "user" in opened and "scheme" in opened


# --- Moving a young person's support to another council ------------------------------------

CONSENT = {
    "consent_given": True,
    "consent_by": "Jade, in her review meeting",
    "consent_how": "in_person",
}


def _move(a_people, b_people, **changes):
    person = YoungPerson.objects.get(user=a_people["care_leaver"])
    fields = {
        "young_person": person,
        "to_team": Team.objects.get(manager=b_people["manager"]),
        "consent_on": timezone.localdate(),
        "by": a_people["manager"],
        **CONSENT,
        **changes,
    }
    return handover_services.council_move(**fields)


def _record_pages(values: dict, role: str = "manager") -> list[str]:
    """Every page of the matrix about one young person's record that `role` opens."""
    return [
        row_url(name, row, values)
        for name, row in sorted(full_matrix().items())
        if row.method == "get"
        and "young_person" in row.kwargs.values()
        and row.expected[role] == 200
    ]


@pytest.mark.django_db
def test_a_moved_young_person_is_whole_in_the_new_council_and_read_only_in_the_old(
    client, councils
):
    (a_people, a_values), (b_people, _) = councils
    a, b = _council(a_people), _council(b_people)
    person = YoungPerson.objects.get(user=a_people["care_leaver"])
    held = {
        "versions": list(PlanVersion.objects.filter(plan__young_person=person).values("pk")),
        "contacts": list(Contact.objects.filter(young_person=person).values("pk")),
        "documents": list(Document.objects.filter(young_person=person).values("pk")),
    }
    assert all(held.values())

    move = _move(a_people, b_people)

    person.refresh_from_db()
    assert person.authority == b
    assert held == {
        "versions": list(PlanVersion.objects.filter(plan__young_person=person).values("pk")),
        "contacts": list(Contact.objects.filter(young_person=person).values("pk")),
        "documents": list(Document.objects.filter(young_person=person).values("pk")),
    }
    # This council's PA stops; its handover closes; the claim not yet decided is withdrawn.
    allocation = Allocation.objects.get(young_person=person)
    assert allocation.end_reason == EndReason.MOVED_COUNCIL
    assert not Handover.objects.filter(young_person=person, closed_at=None).exists()
    assert not Claim.objects.filter(award__young_person=person, state="waiting").exists()
    # The new council's team manager is told to allocate a PA, and opens the record.
    told = Notification.objects.get(recipient=b_people["manager"], young_person=person)
    client.force_login(b_people["manager"])
    assert client.get(told.link).status_code == 200
    pages = _record_pages(a_values)
    assert client.get(pages[0]).status_code == 200
    # The first council's PA and manager no longer open any page of the record.
    for role in ("pa", "manager", "other_manager"):
        client.force_login(a_people[role])
        opened = {url: client.get(url).status_code for url in _record_pages(a_values, role)}
        assert set(opened.values()) == {404}, (role, opened)
    # Nor the handovers of them (closed, but still a page of their record).
    for role in ("pa", "manager"):
        client.force_login(a_people[role])
        for handover in Handover.objects.filter(young_person=person):
            url = reverse("handovers:detail", kwargs={"pk": handover.pk})
            assert client.get(url).status_code == 404, (role, url)
    # Their sign-in is the new council's; the first council's awards pay nothing more.
    person.user.refresh_from_db()
    assert person.user.authority == b
    old_award = Award.objects.filter(young_person=person, scheme__authority=a).first()
    assert old_award is not None
    assert old_award.pk not in {award.pk for award in usable_awards(person, timezone.localdate())}
    with pytest.raises(FinanceError, match="no longer supports"):
        claim_make(
            award=old_award, amount_pence=500, purpose="Bus pass", receipt=None, by=person.user
        )
    # Its statutory returns for the year they were its still count them.
    today = timezone.localdate()
    year = returns.latest_year(today)
    for what in ("903-care-leavers", "annex-a"):
        cells = {cell for line in returns.file_rows(what, a.pk, year, today) for cell in line}
        assert person.child_id in cells, what
    # The move is in both councils' audit trails, and the database keeps it as it is.
    request = RequestFactory().get("/")
    for people in (a_people, b_people):
        request.user = people["auditor"]
        trail = admin.site._registry[LogEntry].get_queryset(request)
        assert trail.filter(object_pk=str(move.pk), content_type__model="councilmove").exists()
    with pytest.raises(DatabaseError), transaction.atomic():
        CouncilMove.objects.filter(pk=move.pk).update(consent_by="someone else")
    with pytest.raises(DatabaseError), transaction.atomic():
        CouncilMove.objects.filter(pk=move.pk).delete()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent_given": False}, "who agreed"),
        ({"consent_by": "  "}, "who agreed"),
        ({"consent_how": "guessed"}, "how they agreed"),
        ({"consent_on": timezone.localdate() + dt.timedelta(days=1)}, "today or before"),
        ({"by": "pa"}, "Only a manager of their council"),
        ({"by": "b_manager"}, "Only a manager of their council"),
        ({"to_team": "own_team"}, "another council"),
    ],
)
def test_a_move_without_consent_or_by_the_wrong_person_is_refused(changes, message, councils):
    (a_people, _), (b_people, _) = councils
    named = {
        "pa": a_people["pa"],
        "b_manager": b_people["manager"],
        "own_team": Team.objects.get(manager=a_people["manager"]),
    }
    changes = {key: named.get(value, value) for key, value in changes.items()}
    with pytest.raises(handover_services.CouncilMoveError, match=message):
        _move(a_people, b_people, **changes)
    assert not CouncilMove.objects.exists()


@pytest.mark.django_db
def test_a_move_waits_while_a_payment_is_on_its_way(councils):
    (a_people, _), (b_people, _) = councils
    waiting = Claim.objects.get(award__young_person__user=a_people["care_leaver"], state="waiting")
    finance_services.claim_approve(
        claim=waiting, amount_pence=waiting.amount_pence, reason="", by=a_people["manager"]
    )
    with pytest.raises(handover_services.CouncilMoveError, match="payment run"):
        _move(a_people, b_people)
    assert YoungPerson.objects.get(user=a_people["care_leaver"]).authority == _council(a_people)


@pytest.mark.django_db
def test_a_manager_moves_their_support_from_its_confirmation_page(client, councils):
    (a_people, _), (b_people, _) = councils
    person = YoungPerson.objects.get(user=a_people["care_leaver"])
    team = Team.objects.get(manager=b_people["manager"])
    url = reverse("handovers:council-move", kwargs={"pk": person.pk})
    client.force_login(a_people["manager"])
    assert b"Otherton Council" in client.get(url).content
    today = timezone.localdate()
    answers = {
        "to_team": team.pk,
        "consent_given": "yes",
        "consent_by": "Jade",
        "consent_on_0": today.day,
        "consent_on_1": today.month,
        "consent_on_2": today.year,
        "consent_how": "phone",
    }
    refused = client.post(url, {**answers, "consent_given": "no"})
    assert b"Their support moves only when they agree to it" in refused.content
    page = client.post(url, answers)
    assert page.status_code == 200 and b"stops being their PA" in page.content
    seen = page.context["seen"]
    done = client.post(url, {**answers, "seen": seen, "confirm": "yes"})
    assert done.status_code == 302
    move = CouncilMove.objects.get(young_person=person)
    assert (move.to_team, move.consent_by, move.consent_how) == (team, "Jade", "phone")
    assert client.get(url).status_code == 404  # no longer theirs
