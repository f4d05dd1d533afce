"""Money pages: a care leaver claims, a PA decides, a manager pays; CSV; queries."""

import csv
import io

import pytest
from django.urls import reverse

from finance import services
from finance.models import Claim, ClaimState
from tests.factories import PNG_BYTES, money_world, scheme, upload
from tests.helpers import MadeUpUpload, assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(young_person, pa):
    home = scheme(young_person.authority, evidence="A receipt or a quote")
    return services.award_grant(young_person=young_person, scheme=home, amount_pence=300000, by=pa)


def test_a_care_leaver_claims_a_pa_approves_and_a_manager_pays(
    client, award, care_leaver, pa, manager
):
    client.force_login(care_leaver)
    page = client.get(reverse("finance:my-money")).content.decode()
    assert "£3,000" in page and "Setting up home allowance" in page

    url = reverse("finance:my-claim")
    form = {"award": award.pk, "amount": "245.50", "purpose": "Bed and mattress"}
    no_receipt = client.post(url, form)
    assert "Add a receipt or a quote" in no_receipt.content.decode()
    response = client.post(url, {**form, "receipt": upload("receipt.png", PNG_BYTES)})
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert claim.amount_pence == 24550 and claim.created_by == care_leaver

    client.force_login(pa)
    assert "Bed and mattress" in client.get(reverse("finance:claims-waiting")).content.decode()
    detail = reverse("finance:claim-detail", args=[claim.pk])
    refused = client.post(detail, {"decision": "part", "amount": "200"})
    assert "Give a reason" in refused.content.decode()
    client.post(detail, {"decision": "part", "amount": "200", "reason": "The mattress was extra."})
    claim.refresh_from_db()
    assert (claim.state, claim.approved_pence) == (ClaimState.APPROVED, 20000)

    # A team manager sees the payment runs; only the service manager makes one, from its
    # confirmation page.
    client.force_login(manager)
    assert client.get(reverse("finance:payment-run")).status_code == 403
    manager.sees_all_teams = True
    manager.save()
    seen = client.get(reverse("finance:payment-run")).context["seen"]
    client.post(reverse("finance:payment-run"), {"seen": seen, "confirm": "yes"})
    claim.refresh_from_db()
    assert claim.state == ClaimState.PAID
    batch = claim.entries.get().batch
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("finance:payment-csv", args=[batch.pk])).content.decode()
            )
        )
    )
    assert rows[0][:3] == ["batch", "payment_ref", "date"]
    assert rows[1][7:] == ["200.00", "Bed and mattress"]

    client.force_login(care_leaver)
    page = client.get(reverse("finance:my-money")).content.decode()
    assert "£2,800" in page and "The mattress was extra." in page and "Paid" in page


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "more than £0"),
        ("-5", "more than £0"),
        ("twenty", "Enter an amount in pounds"),
        ("3000.01", "more than is left"),
        ("10.555", "pounds and pence"),
        ("Infinity", "Enter an amount in pounds"),
    ],
)
def test_bad_amounts_get_a_clear_message_and_save_nothing(
    client, award, care_leaver, amount, message
):
    client.force_login(care_leaver)
    response = client.post(
        reverse("finance:my-claim"),
        {"award": award.pk, "amount": amount, "purpose": "Sofa", "receipt": upload()},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Claim.objects.exists()


def test_a_receipt_over_the_limit_is_refused_unread_and_no_claim_is_made_without_it(
    client, young_person, care_leaver, pa
):
    # No receipt is needed for this money, so a dropped receipt would go unnoticed.
    money = scheme(young_person.authority, code="travel", evidence="")
    award = services.award_grant(young_person=young_person, scheme=money, amount_pence=5000, by=pa)
    client.force_login(care_leaver)
    fields = {"award": str(award.pk), "amount": "5", "purpose": "Bus pass"}
    body = MadeUpUpload(fields, field="receipt", size=300 * 1024 * 1024)
    response = body.post(client, reverse("finance:my-claim"))
    assert response.status_code == 200
    assert "The file must be smaller than 10 MB" in response.content.decode()
    assert body.position < 1024 * 1024
    assert not Claim.objects.exists()


def test_a_care_leaver_cannot_claim_on_someone_elses_award(
    client, award, other_care_leaver, other_young_person, other_pa
):
    theirs = services.award_grant(
        young_person=other_young_person,
        scheme=award.scheme,
        amount_pence=1000,
        by=other_pa,
    )
    client.force_login(other_care_leaver)
    response = client.post(
        reverse("finance:my-claim"),
        {"award": award.pk, "amount": "5", "purpose": "Sofa", "receipt": upload()},
    )
    assert response.status_code == 200
    assert (
        "Select a valid choice" in response.content.decode()
        or "Choose" in response.content.decode()
    )
    assert not Claim.objects.filter(award=award).exists()
    assert theirs.claims.count() == 0


def test_money_pages_make_the_same_queries_however_much_there_is(
    client, award, young_person, pa, manager
):
    def add_claims():
        for _ in range(3):
            claim = services.claim_make(
                award=award, amount_pence=100, purpose="Cups", receipt=upload(), by=pa
            )
            services.claim_approve(claim=claim, amount_pence=100, reason="", by=manager)

    client.force_login(pa)
    assert_queries_do_not_grow(
        client, reverse("finance:person-money", args=[young_person.pk]), add_claims
    )
    assert_queries_do_not_grow(client, reverse("finance:claims-waiting"), add_claims)


def test_a_team_manager_cannot_download_a_payment_file_naming_other_teams(
    client, manager, other_manager, young_person, pa
):
    """A payment run covers the whole council, so its file names every team's young people."""
    _, batch = money_world(young_person, pa=pa, manager=manager)
    csv_url = reverse("finance:payment-csv", args=[batch.pk])
    client.force_login(manager)
    assert client.get(csv_url).status_code == 403
    page = client.get(reverse("finance:payments")).content.decode()
    assert csv_url not in page and "The service manager makes payment runs" in page
    other_manager.sees_all_teams = True
    other_manager.save()
    client.force_login(other_manager)
    assert "Okoro" in client.get(csv_url).content.decode()
