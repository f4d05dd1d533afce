"""Administrators look after accounts, not cases; staff come in only by their set-up link.

A security review found that the administrator could read health details, addresses and
whole signed plans in the audit log, could set a care leaver's password and sign in as
them, and that a staff account with no authenticator yet could be taken over with its
password alone (the password led to authenticator set-up, which enrolled the attacker's app).
"""

import importlib
import re

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from notifications.models import Email
from notifications.outbox import outbox_email_send_now
from pathway import services as pathway_services
from pathway.models import HealthPassport
from people.demo import current_totp_code
from people.models import Role, User, YoungPerson
from people.services import staff_set_up_start
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/staff/set-up/\S+/")


def health_saved(young_person, pa, conditions: str) -> HealthPassport:
    passport, _ = HealthPassport.objects.get_or_create(young_person=young_person)
    return pathway_services.health_passport_save(
        young_person=young_person,
        fields={"conditions": conditions, "medication": "Salbutamol inhaler"},
        revision=passport.revision,
        by=pa,
    )


def test_change_entries_name_the_fields_but_keep_no_record_text(young_person, pa):
    passport = health_saved(young_person, pa, "Asthma since childhood")
    YoungPerson.objects.get(pk=young_person.pk)
    entries = LogEntry.objects.get_for_object(passport)
    assert entries.exists()
    written = " ".join(str(entry.changes) + entry.changes_text for entry in entries)
    assert "conditions" in written and "medication" in written
    assert "Asthma" not in written and "Salbutamol" not in written


def test_old_change_entries_lose_their_record_text(young_person, pa):
    passport = health_saved(young_person, pa, "Asthma")
    entry = LogEntry.objects.get_for_object(passport).first()
    LogEntry.objects.filter(pk=entry.pk).update(
        changes={"conditions": ["", "Asthma"], "revision": ["0", "1"]},
        changes_text="Asthma",
        object_repr="Asthma",
    )
    migration = importlib.import_module("people.migrations.0012_audit_trail_keeps_no_record_values")
    migration.mask_old_entries(importlib.import_module("django.apps").apps, None)
    entry.refresh_from_db()
    assert entry.changes == {
        "conditions": ["(not recorded)", "(not recorded)"],
        "revision": ["(not recorded)", "(not recorded)"],
    }
    assert entry.changes_text == ""
    assert entry.object_repr == f"health passport {passport.pk}"


def test_only_auditors_read_the_audit_trail(client, admin_user, auditor, young_person, pa):
    health_saved(young_person, pa, "Asthma")
    trail = reverse("admin:auditlog_logentry_changelist")
    client.force_login(admin_user)
    assert client.get(trail).status_code == 403
    assert "Log entries" not in client.get(reverse("admin:index")).content.decode()
    client.force_login(auditor)
    page = client.get(trail)
    assert page.status_code == 200
    assert "health passport" in page.content.decode().lower()
    # The auditor sees the trail and nothing else of the admin.
    assert client.get(reverse("admin:portal_user_changelist")).status_code == 403


def test_no_administrator_can_set_a_password_or_a_care_leavers_address(
    client, admin_user, care_leaver
):
    client.force_login(admin_user)
    change = reverse("admin:portal_user_change", args=[care_leaver.pk])
    page = client.get(change).content.decode()
    assert f"/user/{care_leaver.pk}/password/" not in page
    assert 'name="password' not in page
    assert client.get(f"/admin/portal/user/{care_leaver.pk}/password/").status_code in {302, 404}
    client.post(
        change,
        {
            "email": "admin@example.org.evil",
            "first_name": "Jade",
            "last_name": "Okoro",
            "is_active": "on",
            "wants_email": "on",
            "password": "md5$x$y",
        },
    )
    care_leaver.refresh_from_db()
    assert care_leaver.email != "admin@example.org.evil"
    assert care_leaver.check_password(TEST_PASSWORD)


def test_administrators_cannot_make_an_auditor(client, admin_user, authority):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:portal_user_add"),
        {"email": "me.too@example.org", "first_name": "Me", "last_name": "Too", "role": "auditor"},
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="me.too@example.org").exists()


def set_up_link_from_the_outbox(email_address: str) -> str:
    """The link in the set-up email (sent now, unless a commit has sent it already)."""
    email = Email.objects.get(kind="staff-set-up", to=email_address)
    outbox_email_send_now(email_id=email.pk)
    (sent,) = [message for message in mail.outbox if message.to == [email_address]]
    return LINK.search(sent.body).group(0)


# Transactional: allauth counts the new app as the session's MFA in an on_commit callback.
@pytest.mark.django_db(transaction=True)
def test_a_new_staff_account_is_set_up_by_its_emailed_link_once(client, admin_user, authority):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:portal_user_add"),
        {
            "email": "new.pa@example.org",
            "first_name": "Sam",
            "last_name": "Reid",
            "role": "pa",
            "authority": authority.pk,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.pa@example.org")
    assert not user.has_usable_password()
    link = set_up_link_from_the_outbox(user.email)

    newcomer = Client()
    response = newcomer.get(link)
    assert response["Location"] == reverse("portal:staff-set-up")
    password = "correct horse battery staple"
    response = newcomer.post(
        reverse("portal:staff-set-up"), {"password1": password, "password2": password}
    )
    assert response["Location"] == reverse("mfa_activate_totp")
    page = newcomer.get(reverse("mfa_activate_totp")).content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page)
    secret = secret or re.search(r'value="([A-Z2-7]{16,})"', page)
    response = newcomer.post(
        reverse("mfa_activate_totp"), {"code": current_totp_code(secret.group(1))}
    )
    assert response.status_code == 302
    assert newcomer.get(reverse("pathway:caseload")).status_code == 200

    # The link has done its work.
    assert Client().get(link).status_code == 410


def test_a_staff_password_alone_cannot_add_an_authenticator(authority):
    user = UserFactory(role=Role.PA, authority=authority, mfa=False, email="no.app@example.org")
    attacker = Client()
    response = attacker.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("portal:staff-not-set-up")
    assert "_auth_user_id" not in attacker.session
    response = attacker.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert reverse("mfa_activate_totp") not in response["Location"]


def test_a_new_set_up_link_stops_the_old_password_and_app(client, pa):
    staff_set_up_start(user=pa, by=None)
    pa.refresh_from_db()
    assert not pa.has_usable_password()
    assert not pa.authenticator_set.exists()
    response = client.post(reverse("account_login"), {"login": pa.email, "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_an_auditor_is_named_on_the_server(authority):
    call_command("auditor_add", "audit@example.org", "--first-name", "Ada", "--last-name", "Shah")
    auditor = User.objects.get(email="audit@example.org")
    assert auditor.role == Role.AUDITOR and auditor.is_staff
    assert not auditor.has_usable_password()
    assert Email.objects.filter(kind="staff-set-up", to=auditor.email).exists()
    assert ContentType.objects.get_for_model(LogEntry)


def test_the_first_administrator_is_emailed_a_set_up_link_from_the_server():
    User.objects.create_superuser("first.admin@example.org", "a long first password")
    call_command("set_up_link", "First.Admin@example.org")
    first = User.objects.get(email="first.admin@example.org")
    assert not first.has_usable_password()
    assert Email.objects.filter(kind="staff-set-up", to=first.email).exists()


# What the admin shows: accounts, teams, councils, schemes, rota patterns, offer
# categories, sign-in lockouts, the schedule, and the trail (for auditors). Nothing that
# holds a young person's record, a password, an address to sign in with or a secret.
ADMIN_MAY_SHOW = {
    "auditlog.logentry",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    "django_celery_beat.clockedschedule",
    "django_celery_beat.crontabschedule",
    "django_celery_beat.intervalschedule",
    "django_celery_beat.periodictask",
    "django_celery_beat.solarschedule",
    "finance.scheme",
    "offer.category",
    # The partner directory, sessions and which service a partner account answers for.
    "partners.location",
    "partners.organization",
    "partners.partnerworker",
    "partners.service",
    "partners.session",
    "partners.taxonomy",
    "partners.taxonomyterm",
    "portal.authority",
    "portal.region",
    "portal.team",
    "portal.user",
    "rota.patternslot",
    "safety.riskarea",
    # Checklist areas and questions, skills, office hours and surveys' questions: never
    # anyone's answers.
    "voice.area",
    "voice.outofhours",
    "voice.skill",
    "voice.survey",
}


def test_the_admin_shows_only_what_administrators_look_after():
    from django.contrib import admin

    shown = {f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry}
    assert shown == ADMIN_MAY_SHOW


def test_no_administrator_adds_a_sign_in_address_or_reads_an_authenticator(
    client, admin_user, care_leaver, pa
):
    """allauth's own admin pages let an administrator add an address to a care leaver's
    account (then reset its password) and read a member of staff's authenticator secret."""
    client.force_login(admin_user)
    assert client.get("/admin/account/emailaddress/add/").status_code in {302, 404}
    totp = pa.authenticator_set.get(type="totp")
    assert client.get(f"/admin/mfa/authenticator/{totp.pk}/change/").status_code in {302, 404}


def test_a_signed_in_members_address_cannot_be_changed_in_the_admin(client, admin_user, pa):
    pa.last_login = pa.date_joined
    pa.save()
    client.force_login(admin_user)
    page = client.get(reverse("admin:portal_user_change", args=[pa.pk])).content.decode()
    assert 'name="email"' not in page


def test_change_entries_keep_no_special_category_values_and_name_records_by_id(young_person, pa):
    YoungPerson.objects.filter(pk=young_person.pk).update(ethnicity="", has_disability=None)
    person = YoungPerson.objects.get(pk=young_person.pk)
    person.ethnicity, person.has_disability = "WBRI", True
    person.save()
    plan = pathway_services.plan_start(young_person=person, by=pa)
    action = pathway_services.action_create(
        plan=plan,
        matter="health",
        what="Appointment at the HIV clinic",
        owner="young_person",
        agency="",
        due_on=plan.started_on,
        by=pa,
    )
    written = " ".join(
        f"{entry.changes} {entry.changes_text} {entry.object_repr}"
        for entry in LogEntry.objects.all()
    )
    assert "WBRI" not in written and "True" not in written
    assert "HIV" not in written and "Okoro" not in written
    assert f"action {action.pk}" in written


def test_a_set_up_email_waiting_for_an_address_since_corrected_is_not_sent(
    client, admin_user, authority
):
    user = UserFactory(role=Role.PA, authority=authority, mfa=False, email="sam.reid@exmaple.org")
    user.set_unusable_password()
    user.save()
    staff_set_up_start(user=user, by=admin_user)
    first = Email.objects.get(kind="staff-set-up", to="sam.reid@exmaple.org")
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:portal_user_change", args=[user.pk]),
        {
            "email": "sam.reid@example.org",
            "first_name": "Sam",
            "last_name": "Reid",
            "role": "pa",
            "authority": authority.pk,
            "is_active": "on",
            "wants_email": "on",
        },
    )
    assert response.status_code == 302
    assert not outbox_email_send_now(email_id=first.pk)
    assert not [message for message in mail.outbox if message.to == ["sam.reid@exmaple.org"]]
    assert set_up_link_from_the_outbox("sam.reid@example.org")
