"""The demo data: a believable service whose facts agree with each other."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from finance.models import Claim, ClaimState
from pathway.models import ContactCorrection
from people.demo import DEMO_PASSWORD, DEMO_SIGN_INS
from people.models import Allocation, LegalStatus, Role, Team, User, YoungPerson

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo, seeded once for the module inside a transaction that is rolled back at
    its end; each test runs inside it (in a savepoint of its own)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--if-empty", "--young-people", "120")
        yield
        transaction.set_rollback(True)


def test_demo_has_the_cast_of_a_real_service(seeded):
    assert Team.objects.count() == 3
    assert User.objects.filter(role=Role.PA).count() == 12
    assert User.objects.filter(role=Role.MANAGER).count() == 2
    assert User.objects.filter(role=Role.OFFER_EDITOR).count() == 1
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


def test_demo_shows_withdrawn_claims_and_corrected_notes_with_their_history(seeded):
    withdrawn = Claim.objects.filter(state=ClaimState.WITHDRAWN)
    assert withdrawn.exists() and not withdrawn.filter(entries__isnull=False).exists()
    assert all(c.withdrawn_at > c.created_at for c in withdrawn)
    corrections = ContactCorrection.objects.select_related("contact")
    assert corrections.exists()
    assert all(c.earlier_note != c.contact.note for c in corrections)
