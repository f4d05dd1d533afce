"""The ledger: append-only, never below zero, every claim paid once, balances are sums."""

import contextlib
import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finance import selectors, services
from finance.models import Award, Claim, ClaimState, EntryKind, LedgerEntry
from finance.services import FinanceError
from tests.factories import PNG_BYTES, YoungPersonFactory, image_bytes, scheme, upload

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 100


@pytest.fixture
def home(authority):
    return scheme(authority)


def _sum(award) -> int:
    return award.entries.aggregate(t=Sum("amount_pence"))["t"] or 0


@pytest.mark.django_db
def test_an_entry_can_never_be_changed_or_deleted(young_person, home, pa):
    award = services.award_grant(young_person=young_person, scheme=home, amount_pence=300000, by=pa)
    entry = award.entries.get()
    with pytest.raises(IntegrityError, match="never changed"), transaction.atomic():
        LedgerEntry.objects.filter(pk=entry.pk).update(amount_pence=999999)
    with (
        pytest.raises(IntegrityError, match="never changed"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM finance_ledgerentry WHERE id = %s", [entry.pk])
    assert LedgerEntry.objects.get(pk=entry.pk).amount_pence == 300000


@pytest.mark.django_db
def test_the_database_refuses_an_entry_below_zero_and_a_second_payment(
    young_person, home, pa, manager
):
    award = services.award_grant(young_person=young_person, scheme=home, amount_pence=1000, by=pa)
    claim = services.claim_make(award=award, amount_pence=600, purpose="Bed", receipt=None, by=pa)
    services.claim_approve(claim=claim, amount_pence=600, reason="", by=manager)
    batch = services.payment_run(authority_id=young_person.authority_id, by=manager)
    with pytest.raises(IntegrityError, match="below zero"), transaction.atomic():
        LedgerEntry.objects.create(
            award=award,
            kind=EntryKind.REVERSAL,
            amount_pence=-401,
            idempotency_key="x",
            reverses=award.entries.get(kind="award"),
            created_by=manager,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(
            award=award,
            kind=EntryKind.PAYMENT,
            amount_pence=-1,
            idempotency_key="again",
            claim=claim,
            batch=batch,
            created_by=manager,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(
            award=award,
            kind=EntryKind.AWARD,
            amount_pence=5,
            idempotency_key=f"award:{award.pk}",
            created_by=manager,
        )
    assert services.balance_of(award) == 400 == _sum(award)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "message"),
    [(0, "more than £0"), (-500, "more than £0"), (300001, "more than is left")],
)
def test_bad_claims_get_a_clear_message_and_save_nothing(young_person, home, pa, amount, message):
    award = services.award_grant(young_person=young_person, scheme=home, amount_pence=300000, by=pa)
    with pytest.raises(FinanceError, match=message):
        services.claim_make(award=award, amount_pence=amount, purpose="Sofa", receipt=None, by=pa)
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_a_claim_on_someone_elses_award_or_with_a_bad_file_is_refused(
    young_person, other_young_person, home, pa, other_pa, care_leaver, settings
):
    award = services.award_grant(
        young_person=other_young_person, scheme=home, amount_pence=5000, by=other_pa
    )
    with pytest.raises(FinanceError, match="your own money"):
        services.claim_make(
            award=award, amount_pence=100, purpose="Kettle", receipt=None, by=care_leaver
        )
    mine = services.award_grant(young_person=young_person, scheme=home, amount_pence=5000, by=pa)
    with pytest.raises(FinanceError, match="must be a PDF"):
        services.claim_make(
            award=mine,
            amount_pence=100,
            purpose="Kettle",
            receipt=upload("r.pdf", ELF),
            by=care_leaver,
        )
    assert not Claim.objects.exists()
    claim = services.claim_make(
        award=mine,
        amount_pence=100,
        purpose="Kettle",
        receipt=upload("r.png", PNG_BYTES),
        by=care_leaver,
    )
    assert claim.receipt.name.startswith("receipts/") and claim.receipt_type == "image/png"


@pytest.mark.django_db
def test_a_receipt_photo_is_kept_without_what_was_hidden_after_it(young_person, home, pa):
    award = services.award_grant(young_person=young_person, scheme=home, amount_pence=5000, by=pa)
    polyglot = image_bytes("JPEG") + b"<html><script>alert(1)</script></html>"
    claim = services.claim_make(
        award=award, amount_pence=100, purpose="Kettle", receipt=upload("r.jpg", polyglot), by=pa
    )
    with claim.receipt.open("rb") as stored_file:
        stored = stored_file.read()
    assert claim.receipt_type == "image/jpeg" and stored.startswith(b"\xff\xd8")
    assert b"<script" not in stored


@pytest.mark.django_db
def test_caps_ages_and_approval_limits(young_person, home, pa, manager, authority):
    services.award_grant(young_person=young_person, scheme=home, amount_pence=200000, by=pa)
    with pytest.raises(FinanceError, match="more than the £3,000 cap"):
        services.award_grant(young_person=young_person, scheme=home, amount_pence=100001, by=pa)
    teen = scheme(authority, code="bursary", name="16-19 bursary", max_age=19, cap_pence=None)
    older = YoungPersonFactory(authority=authority, date_of_birth=dt.date(2005, 1, 1))
    with pytest.raises(FinanceError, match="until they turn 19"):
        services.award_grant(young_person=older, scheme=teen, amount_pence=100, by=pa)
    award = Award.objects.get(scheme=home)
    big = services.claim_make(
        award=award, amount_pence=60000, purpose="Cooker", receipt=None, by=pa
    )
    with pytest.raises(FinanceError, match="need a manager"):
        services.claim_approve(claim=big, amount_pence=60000, reason="", by=pa)
    with pytest.raises(FinanceError, match="why only part"):
        services.claim_approve(claim=big, amount_pence=30000, reason="", by=manager)
    services.claim_approve(
        claim=big, amount_pence=30000, reason="The quote was for two.", by=manager
    )
    assert list(selectors.claims_waiting_for(pa)) == []


@pytest.mark.django_db(transaction=True)
def test_parallel_approvals_and_payments_never_pay_past_the_award_or_twice(
    young_person, home, pa, manager
):
    award = services.award_grant(young_person=young_person, scheme=home, amount_pence=10000, by=pa)
    claims = [
        services.claim_make(award=award, amount_pence=700, purpose=f"Item {n}", receipt=None, by=pa)
        for n in range(30)
    ]  # 21,000p asked for, 10,000p to give
    start = threading.Barrier(8)

    def work(n: int) -> None:
        try:
            start.wait()
            for claim in claims[n::8]:
                with contextlib.suppress(FinanceError):  # nothing left: refused, as it should be
                    services.claim_approve(claim=claim, amount_pence=700, reason="", by=manager)
                services.payment_run(authority_id=young_person.authority_id, by=manager)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(work, range(8)))
    services.payment_run(authority_id=young_person.authority_id, by=manager)

    paid = LedgerEntry.objects.filter(award=award, kind=EntryKind.PAYMENT)
    total_paid = -(paid.aggregate(t=Sum("amount_pence"))["t"] or 0)
    assert total_paid <= 10000
    assert total_paid == 700 * Claim.objects.filter(state=ClaimState.PAID).count()
    assert paid.values("claim").distinct().count() == paid.count()  # no claim paid twice
    assert services.balance_of(award) == 10000 - total_paid == _sum(award) >= 0
    assert total_paid == 9800  # as much as fits was paid: 14 claims
    assert paid.values("batch").distinct().count() >= 1


operations = st.lists(
    st.one_of(
        st.tuples(st.just("claim"), st.integers(-50, 4000)),
        st.tuples(st.just("approve"), st.integers(0, 20), st.integers(1, 100)),
        st.tuples(st.just("refuse"), st.integers(0, 20)),
        st.tuples(st.just("pay")),
        st.tuples(st.just("reverse"), st.integers(0, 20)),
        st.tuples(st.just("award"), st.integers(1, 3000)),
    ),
    max_size=25,
)


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations)
def test_any_sequence_keeps_the_ledger_whole(ops, authority, pa, manager):
    person = YoungPersonFactory(authority=authority)
    from people.models import Allocation

    Allocation.objects.create(young_person=person, pa=pa, started_on=dt.date(2025, 1, 1))
    home = scheme(authority, code=f"s{person.pk}", cap_pence=None)
    awards = [services.award_grant(young_person=person, scheme=home, amount_pence=5000, by=pa)]
    claims: list[Claim] = []
    for op in ops:
        try:
            if op[0] == "award":
                awards.append(
                    services.award_grant(
                        young_person=person, scheme=home, amount_pence=op[1], by=pa
                    )
                )
            elif op[0] == "claim":
                claims.append(
                    services.claim_make(
                        award=awards[op[1] % len(awards)],
                        amount_pence=op[1],
                        purpose="x",
                        receipt=None,
                        by=pa,
                    )
                )
            elif op[0] == "approve" and claims:
                claim = claims[op[1] % len(claims)]
                amount = max(1, claim.amount_pence * op[2] // 100)
                services.claim_approve(claim=claim, amount_pence=amount, reason="part", by=manager)
            elif op[0] == "refuse" and claims:
                services.claim_refuse(claim=claims[op[1] % len(claims)], reason="no", by=manager)
            elif op[0] == "pay":
                services.payment_run(authority_id=authority.pk, by=manager)
            elif op[0] == "reverse":
                entries = list(LedgerEntry.objects.filter(award__young_person=person))
                services.entry_reverse(
                    entry=entries[op[1] % len(entries)], reason="mistake", by=manager
                )
        except FinanceError:
            pass
        for award in Award.objects.filter(young_person=person):
            balance = services.balance_of(award)
            assert balance == _sum(award) >= 0
            assert services.available_of(award) >= 0
        for claim in Claim.objects.filter(award__young_person=person):
            payments = claim.entries.filter(kind=EntryKind.PAYMENT).count()
            assert payments == (1 if claim.state in (ClaimState.PAID, ClaimState.REVERSED) else 0)
    shown = {a.pk: a.left for a in selectors.awards_for(person)}
    assert shown == {a.pk: _sum(a) for a in Award.objects.filter(young_person=person)}


@pytest.mark.django_db
def test_a_pa_cannot_approve_a_claim_they_made_and_a_reversed_award_frees_the_cap(
    young_person, home, pa, manager
):
    award = services.award_grant(young_person=young_person, scheme=home, amount_pence=300000, by=pa)
    claim = services.claim_make(award=award, amount_pence=100, purpose="Mop", receipt=None, by=pa)
    with pytest.raises(FinanceError, match="someone else must approve"):
        services.claim_approve(claim=claim, amount_pence=100, reason="", by=pa)
    services.claim_refuse(claim=claim, reason="Bought already", by=manager)
    services.entry_reverse(entry=award.entries.get(kind="award"), reason="Wrong scheme", by=manager)
    again = services.award_grant(young_person=young_person, scheme=home, amount_pence=30000, by=pa)
    assert services.balance_of(again) == 30000
