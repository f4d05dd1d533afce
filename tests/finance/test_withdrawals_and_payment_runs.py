"""Withdrawing a claim not yet decided, and the payment run's confirmation page."""

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from finance import selectors, services
from finance.models import Claim, ClaimState, EntryKind, LedgerEntry, NotificationKind, PaymentBatch
from notifications.models import Notification
from tests.factories import scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(young_person, pa):
    return services.award_grant(
        young_person=young_person, scheme=scheme(young_person.authority), amount_pence=300000, by=pa
    )


def claim(award, by, pence=4500, purpose="Kettle and toaster"):
    return services.claim_make(
        award=award, amount_pence=pence, purpose=purpose, receipt=None, by=by
    )


def test_a_withdrawn_claim_stays_marked_with_who_and_when_and_the_ledger_is_unchanged(
    award, care_leaver
):
    waiting = claim(award, care_leaver)
    entries = list(LedgerEntry.objects.values_list("pk", "amount_pence"))

    services.claim_withdraw(claim=waiting, by=care_leaver)

    kept = Claim.objects.get(pk=waiting.pk)
    assert (kept.state, kept.withdrawn_by, kept.purpose) == (
        ClaimState.WITHDRAWN,
        care_leaver,
        "Kettle and toaster",
    )
    assert kept.withdrawn_at is not None
    assert list(LedgerEntry.objects.values_list("pk", "amount_pence")) == entries
    assert services.available_of(award) == 300000


def test_a_decided_claim_cannot_be_withdrawn_and_says_so_plainly(award, care_leaver, pa, manager):
    approved = claim(award, care_leaver)
    services.claim_approve(claim=approved, amount_pence=4500, reason="", by=pa)
    with pytest.raises(services.FinanceError, match="already been decided, so it cannot"):
        services.claim_withdraw(claim=approved, by=care_leaver)
    assert Claim.objects.get(pk=approved.pk).state == ClaimState.APPROVED


def test_a_care_leaver_cannot_withdraw_someone_elses_claim(award, pa, other_care_leaver):
    waiting = claim(award, pa)
    with pytest.raises(services.FinanceError, match="your own"):
        services.claim_withdraw(claim=waiting, by=other_care_leaver)


def test_a_care_leaver_confirms_a_withdrawal_on_its_own_page(client, award, care_leaver):
    waiting = claim(award, care_leaver)
    url = reverse("finance:my-claim-withdraw", args=[waiting.pk])
    client.force_login(care_leaver)
    page = client.get(url).content.decode()
    assert "Kettle and toaster" in page and "£45" in page and "Withdraw the claim" in page
    client.post(url)  # without the confirmation's button: nothing happens
    assert Claim.objects.get(pk=waiting.pk).state == ClaimState.WAITING
    response = client.post(url, {"seen": str(waiting.pk), "confirm": "yes"})
    assert response.status_code == 302
    assert Claim.objects.get(pk=waiting.pk).state == ClaimState.WITHDRAWN
    money = client.get(reverse("finance:my-money")).content.decode()
    assert "Withdrawn" in money and f"by {care_leaver.get_full_name()}" in money


def test_a_pa_withdraws_on_their_behalf_and_a_decided_one_shows_why_not(
    client, award, care_leaver, pa, manager
):
    waiting = claim(award, care_leaver)
    client.force_login(pa)
    url = reverse("finance:claim-withdraw", args=[waiting.pk])
    client.post(url, {"seen": str(waiting.pk), "confirm": "yes"})
    assert Claim.objects.get(pk=waiting.pk).withdrawn_by == pa

    decided = claim(award, care_leaver, purpose="Curtains")
    services.claim_refuse(claim=decided, reason="Not for this allowance", by=pa)
    page = client.get(reverse("finance:claim-withdraw", args=[decided.pk])).content.decode()
    assert "already been decided, so it cannot be withdrawn" in page
    assert "Withdraw the claim</button>" not in page


@pytest.fixture
def approved(award, care_leaver, pa, young_person, authority):
    """Two approved claims on one scheme and one on another: £45 + £120, and £80."""
    second = services.award_grant(
        young_person=young_person,
        scheme=scheme(authority, code="bursary", name="Education bursary"),
        amount_pence=100000,
        by=pa,
    )
    claims = [claim(award, care_leaver), claim(award, care_leaver, 12000, "Bedding")]
    claims.append(claim(second, care_leaver, 8000, "Books"))
    for each in claims:
        services.claim_approve(claim=each, amount_pence=each.amount_pence, reason="", by=pa)
    return claims


def test_the_payment_run_page_shows_count_total_and_each_scheme(client, approved, manager):
    manager.sees_all_teams = True
    manager.save()
    client.force_login(manager)
    response = client.get(reverse("finance:payment-run"))
    run = response.context["run"]
    assert (run["count"], run["total_pence"]) == (3, 24500)
    assert [(row["name"], row["count"], row["total_pence"]) for row in run["schemes"]] == [
        ("Education bursary", 1, 8000),
        ("Setting up home allowance", 2, 16500),
    ]
    page = response.content.decode()
    assert "3 approved claims, £245 in all" in page and "Pay 3 claims" in page


def test_a_payment_run_is_not_made_without_its_confirmation(client, approved, manager):
    manager.sees_all_teams = True
    manager.save()
    client.force_login(manager)
    # The old one-step POST, and a POST without the button, pay nothing.
    assert client.post(reverse("finance:payments")).url == reverse("finance:payment-run")
    client.post(reverse("finance:payment-run"))
    assert not PaymentBatch.objects.exists()
    assert Claim.objects.filter(state=ClaimState.APPROVED).count() == 3


def test_a_stale_summary_cannot_confirm_a_different_run(client, approved, manager, pa):
    manager.sees_all_teams = True
    manager.save()
    seen = selectors.payment_run_preview(manager.authority_id)["seen"]
    late = claim(approved[0].award, pa, 1000, "Lamp")
    services.claim_approve(claim=late, amount_pence=1000, reason="", by=manager)

    client.force_login(manager)
    response = client.post(reverse("finance:payment-run"), {"seen": seen, "confirm": "yes"})
    assert response.status_code == 409
    assert "changed after you opened the summary" in response.content.decode()
    assert not PaymentBatch.objects.exists()
    fresh = response.context["seen"]
    client.post(reverse("finance:payment-run"), {"seen": fresh, "confirm": "yes"})
    assert PaymentBatch.objects.get().entries.count() == 4


def test_a_payment_run_pays_in_bulk_with_the_ledger_and_audit_trail_of_one_by_one(
    young_person, care_leaver, pa, manager
):
    """Paid in a fixed number of queries, each claim still has its ledger entry, its state,
    its audit entries (as a save one by one writes them) and its notification."""
    home = scheme(young_person.authority)
    awards = [
        services.award_grant(young_person=young_person, scheme=home, amount_pence=9000, by=pa)
        for _ in range(2)
    ]

    def approved(award, pence):
        made = claim(award, pa, pence=pence)
        return services.claim_approve(claim=made, amount_pence=pence, reason="", by=manager)

    def pay():
        with CaptureQueriesContext(connection) as queries:
            batch = services.payment_run(authority_id=young_person.authority_id, by=manager)
        return batch, len(queries)

    approved(awards[0], 100)
    first, one = pay()
    claims = [approved(awards[1], 500), approved(awards[0], 700), approved(awards[1], 900)]
    batch, three = pay()
    assert first.entries.count() == 1 and three <= one  # no more queries for more claims

    entries = list(batch.entries.order_by("claim_id"))
    assert [
        (e.claim_id, e.award_id, e.amount_pence, e.kind, e.idempotency_key) for e in entries
    ] == [
        (c.pk, c.award_id, -c.approved_pence, EntryKind.PAYMENT, f"payment:{c.pk}") for c in claims
    ]
    assert {c.state for c in Claim.objects.filter(pk__in=[c.pk for c in claims])} == {
        ClaimState.PAID
    }
    assert [services.balance_of(award) for award in awards] == [9000 - 800, 9000 - 1400]

    def logs(model, pk):
        return LogEntry.objects.get_for_object(model.objects.get(pk=pk)).order_by("pk")

    granted = logs(LedgerEntry, awards[0].entries.get(kind=EntryKind.AWARD).pk).get()
    approve_log = logs(Claim, claims[0].pk).last()
    for entry, paid in zip(entries, claims, strict=True):
        created = logs(LedgerEntry, entry.pk).get()
        assert (created.action, created.actor, created.object_repr) == (
            LogEntry.Action.CREATE,
            manager,
            f"ledger entry {entry.pk}",
        )
        assert set(created.changes_dict) == set(granted.changes_dict)
        assert created.additional_data == {"council": young_person.authority_id}
        state = logs(Claim, paid.pk).last()
        assert (state.action, state.actor, state.additional_data) == (
            LogEntry.Action.UPDATE,
            manager,
            {"council": young_person.authority_id},
        )
        assert state.changes_dict == {"state": approve_log.changes_dict["state"]}
    told = Notification.objects.filter(recipient=care_leaver, kind=NotificationKind.CLAIM_PAID)
    assert told.count() == 4
