"""The demo data: a believable service whose facts agree with each other."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from finance.models import Claim, ClaimState
from notifications.models import Notification, Text, TextState
from offer.models import OfferItem
from offer.regional import entitlement_rows
from partners.models import Booking, Referral, ReferralStatus, Schedule, Service, Session
from pathway.models import AccommodationSpell, Contact, ContactCorrection, Section
from pathway.selectors import documents_for, documents_for_young_person
from people.demo import DEMO_PASSWORD, DEMO_SIGN_INS
from people.models import (
    Allocation,
    Authority,
    EndReason,
    LegalStatus,
    Region,
    Role,
    Team,
    User,
    YoungPerson,
)
from rota.models import Shift
from rota.patterns import bank_holidays
from safety.models import (
    CustodyRelease,
    HomeAtRisk,
    RiskAssessment,
    RiskEntry,
    StayingCloseAssessment,
)
from safety.selectors import staying_close_rows
from voice.models import Answer, AnswerSet, CheckIn, Reply, SkillConfirmation, SurveyResponse
from voice.selectors import help_flags_for_pa
from voice.surveys import results

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, seeded once for the module inside a transaction that is rolled back at
    its end; each test runs inside it (in a savepoint of its own). Its documents go to a
    folder of the module's own."""
    with (
        override_settings(PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("demo-private")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("seed_demo", "--if-empty", "--young-people", "120")
        yield
        transaction.set_rollback(True)


def test_demo_has_the_cast_of_a_real_service(seeded):
    northmoor = User.objects.filter(authority__slug="northmoor")
    assert Team.objects.count() == 3
    assert northmoor.filter(role=Role.PA).count() == 12
    assert northmoor.filter(role=Role.MANAGER).count() == 2
    assert northmoor.filter(role=Role.OFFER_EDITOR).count() == 1
    assert User.objects.filter(role=Role.ADMIN).count() == 1
    assert YoungPerson.objects.count() == 120
    for _, email in DEMO_SIGN_INS:
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)


def test_demo_statuses_ages_and_allocations_agree(seeded):
    today = timezone.localdate()
    over_21_without_pa = 0
    for person in YoungPerson.objects.prefetch_related("allocations"):
        age = person.age_on(today)
        assert 16 <= age <= 25
        if person.legal_status in (LegalStatus.ELIGIBLE, LegalStatus.RELEVANT):
            assert age < 18
        if person.legal_status == LegalStatus.FORMER_RELEVANT:
            assert age >= 18
        current = [a for a in person.allocations.all() if a.ended_on is None]
        assert len(current) <= 1
        if age < 21:
            assert current, f"{person} is under 21 and has no PA"
        elif not current:
            over_21_without_pa += 1
        person.full_clean()
    assert over_21_without_pa > 0


def test_seeding_twice_does_not_add_anything(seeded):
    before = (User.objects.count(), YoungPerson.objects.count(), Allocation.objects.count())
    call_command("seed_demo", "--if-empty")
    assert (User.objects.count(), YoungPerson.objects.count(), Allocation.objects.count()) == before


def test_demo_care_leaver_is_on_the_demo_pas_caseload(seeded):
    person = YoungPerson.objects.get(user__email="care.leaver@example.org")
    assert person.allocations.get(ended_on__isnull=True).pa.email == "pa@example.org"
    # ...and has asked the demo PA to get in touch, who sees it on their caseload.
    asked = person.contact_requests.get(answered_at__isnull=True)
    assert asked.message and asked.asked_at.date() < timezone.localdate()


def test_demo_care_leaver_sees_a_shared_letter_and_their_own_photo_but_not_staff_notes(seeded):
    person = YoungPerson.objects.get(user__email="care.leaver@example.org")
    assert documents_for(person).count() == 3
    assert {(d.title, d.added_by_young_person) for d in documents_for_young_person(person)} == {
        ("Letter from the GP about the asthma review", False),
        ("My college offer", True),
    }
    told = Notification.objects.get(kind="young_person_document")
    assert told.recipient.email == "pa@example.org"


def test_demo_has_handovers_under_way_and_this_mornings_reminders(seeded):
    from handovers.models import CheckOutcome, Handover
    from notifications.models import EmailState, Notification

    leaving = User.objects.get(role=Role.PA, leaving_on__isnull=False)
    handovers = Handover.objects.filter(from_pa=leaving, closed_at__isnull=True)
    assert (
        handovers.count()
        == Allocation.objects.filter(pa=leaving, ended_on__isnull=True).count() + 2
    )
    late = handovers.get(to_allocation__pa__email="pa@example.org")
    assert late.check_outcome == CheckOutcome.ESCALATED
    manager = User.objects.get(email="manager@example.org")
    assert Notification.objects.filter(recipient=manager, kind="handover_late").count() == 1
    assert Notification.objects.filter(recipient__email="pa@example.org").exists()
    assert not Notification.objects.filter(email_state=EmailState.PENDING).exists()
    keys = list(Notification.objects.values_list("recipient", "key"))
    assert len(keys) == len(set(keys))


def test_demo_shows_texts_sent_and_one_notify_refused(seeded):
    """One texted invitation that Notify refused, on the demo PA's caseload; none waiting."""
    failed = Text.objects.get(state=TextState.FAILED)
    demo_pa = dict(DEMO_SIGN_INS)["Personal adviser"]
    assert failed.kind == "invitation"
    assert failed.young_person.allocations.filter(pa__email=demo_pa, ended_on=None).exists()
    assert not Text.objects.filter(state=TextState.PENDING).exists()


def test_the_demo_rota_frees_a_leaving_pas_later_shifts_and_keeps_bank_holidays(seeded):
    leaving = User.objects.get(leaving_on__isnull=False)
    later = Shift.objects.filter(starts_at__date__gt=leaving.leaving_on)
    assert later.exists() and not later.filter(pa=leaving).exists()
    # Their manager hears once, if the rota had given them any of those shifts.
    assert Notification.objects.filter(kind="leaving_gaps").count() <= 1
    for day in bank_holidays(timezone.localdate(), timezone.localdate() + dt.timedelta(days=27)):
        # Only what a manager added by hand: one short shift on the first, none on the rest.
        assert Shift.objects.filter(starts_at__date=day).count() <= 1


def test_demo_homes_judged_again_in_the_plan_are_the_same_home(seeded):
    judged = AccommodationSpell.objects.filter(is_reassessment=True).order_by("pk")
    assert judged.exists()
    for spell in judged:
        before = (
            AccommodationSpell.objects.filter(
                young_person=spell.young_person_id, started_on__lt=spell.started_on
            )
            .order_by("-started_on")
            .first()
        )
        assert (before.kind, before.description) == (spell.kind, spell.description)
        assert before.suitable and not spell.suitable
    # The plan keeps no answer of its own: it reads the home history.
    assert not Section.objects.filter(suitability__has_key="suitable").exists()


def test_demo_shows_withdrawn_claims_and_corrected_notes_with_their_history(seeded):
    withdrawn = Claim.objects.filter(state=ClaimState.WITHDRAWN)
    assert withdrawn.exists() and not withdrawn.filter(entries__isnull=False).exists()
    assert all(c.withdrawn_at > c.created_at for c in withdrawn)
    corrections = ContactCorrection.objects.select_related("contact")
    assert corrections.exists()
    assert all(c.earlier_note != c.contact.note for c in corrections)


def test_the_demos_returns_pass_the_portals_own_checks(seeded, tmp_path):
    """`export_returns --strict` writes the year's files: nothing for the check list."""
    council = Authority.objects.get(slug="northmoor")
    call_command(
        "export_returns",
        "--authority",
        council.slug,
        "--year",
        "2026",
        "--out",
        str(tmp_path),
        "--strict",
    )
    lines = (tmp_path / "ssda903_care_leavers_2026.csv").read_text().splitlines()
    assert len(lines) > 20 and any(",YES," in line for line in lines)
    # Those who did not ask for support after 21 had a PA until then, and were in touch.
    ended = Allocation.objects.filter(
        young_person__authority=council, end_reason=EndReason.SUPPORT_ENDED
    )
    assert ended.exists()
    assert Contact.objects.filter(young_person__allocations__in=ended).exists()


def test_demo_has_a_year_of_the_young_persons_voice_that_follows_their_plans(seeded):
    first, last = (
        AnswerSet.objects.order_by(field).values_list("answered_at", flat=True).first()
        for field in ("answered_at", "-answered_at")
    )
    assert (last - first).days > 300
    people = YoungPerson.objects.filter(pathway_plan__isnull=False, allocations__ended_on=None)
    assert CheckIn.objects.count() > 3 * people.count()
    assert not AnswerSet.objects.filter(young_person__pathway_plan__isnull=True).exists()
    assert SkillConfirmation.objects.exists()
    # Someone whose home is recorded as unsuitable does not say they feel safe there.
    latest = AccommodationSpell.objects.order_by("young_person_id", "-started_on").distinct(
        "young_person_id"
    )
    unsuitable = [spell.young_person_id for spell in latest if spell.suitable is False]
    safe = Answer.objects.filter(
        answer_set__young_person__in=unsuitable, question__text__startswith="I feel safe where"
    ).values_list("reply", flat=True)
    assert safe and set(safe) == {Reply.HELP}
    # The demo PA has an "I need help" from the demo care leaver waiting on the caseload.
    pa = User.objects.get(email="pa@example.org")
    flags = help_flags_for_pa(pa)
    assert flags.filter(answer_set__young_person__user__email="care.leaver@example.org").exists()
    # One survey round, everyone counted once, some by phone, results for groups of five.
    responses = SurveyResponse.objects.all()
    assert responses.values("survey").distinct().count() == 1
    assert responses.filter(by_phone=True).exists()
    survey = responses.first().survey
    assert results(survey).overall.respondents >= 5 and not results(survey).overall.hidden


def test_demo_partners_have_a_directory_referrals_in_every_state_and_sessions(seeded):
    services = Service.objects.filter(takes_referrals=True)
    assert services.count() == 30
    assert all(s.at_locations.exists() or "Women's Aid" in str(s) for s in services)
    assert Schedule.objects.count() >= 90
    referrals = Referral.objects.all()
    assert 300 <= referrals.count() <= 450
    assert set(referrals.values_list("status", flat=True)) == set(ReferralStatus)
    assert referrals.exclude(transition="").exists()
    assert Session.objects.filter(starts_at__gt=timezone.now()).count() >= 5
    assert Booking.objects.filter(attended=True).exists()
    partner = User.objects.get(email=dict(DEMO_SIGN_INS)["Partner worker"])
    assert partner.role == Role.PARTNER and partner.partner_worker.service.referrals.exists()
    # Every Northmoor offer item's "who provides it" is a service of the directory.
    assert OfferItem.objects.filter(authority__slug="northmoor", provider__isnull=True).count() == 0


def test_demo_is_safe_and_housed_across_levels_with_late_staying_close_and_a_home_at_risk(seeded):
    today = timezone.localdate()
    levels = set(RiskAssessment.objects.values_list("highest_level", flat=True))
    assert levels == {"low", "medium", "high"}
    assert RiskAssessment.objects.filter(number=2).exists()  # a second version to compare
    assert RiskEntry.objects.filter(is_shared=False).exists()
    demo_pa = User.objects.get(email="pa@example.org")
    at_risk = HomeAtRisk.objects.get(young_person__allocations__pa=demo_pa, referrals=None)
    assert at_risk.known_on < today < at_risk.clock_ends_on  # mid-clock, not yet referred
    assert CustodyRelease.objects.filter(release_on__gt=today, planning_from__gt=today).exists()
    late = [row for row in staying_close_rows(demo_pa, today) if row.is_late(today)]
    manager = User.objects.get(email="manager@example.org")
    late += [row for row in staying_close_rows(manager, today) if row.is_late(today)]
    assert late and StayingCloseAssessment.objects.exists()


def test_demo_has_a_region_of_three_councils_that_differ(seeded, client, settings):

    region = Region.objects.get()
    councils = list(region.councils.order_by("name"))
    assert [c.slug for c in councils] == ["eastmarsh", "northmoor", "wolds"]
    rows = {row.label: [cell.words for cell in row.cells] for row in entitlement_rows(councils)}
    assert len(set(rows["Setting up home allowance"])) > 1
    assert rows["Driving lessons"][0] == "Not offered"
    # A regional item on every council's offer; Northmoor's care leaver lives in Wolds.
    for council in councils:
        page = client.get(f"/{council.slug}/offer/items/staying-close-across-the-region/")
        assert page.status_code == 200
    settings.OFFER_AUTHORITY = "northmoor"
    client.force_login(User.objects.get(email="care.leaver@example.org"))
    assert "You live in Wolds District Council’s area" in client.get("/my/").text
