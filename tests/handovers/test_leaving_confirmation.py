"""A PA's leaving date: set only from its confirmation page (naming who is handed over),
and cancelled by a manager, which cancels the handovers not yet started (kept, not deleted)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from handovers import services as handover_services
from handovers.models import Handover
from people import selectors, services
from tests.factories import AllocationFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db
LEAVING = timezone.localdate() + dt.timedelta(days=21)
DATE = {"leaving_on_0": LEAVING.day, "leaving_on_1": LEAVING.month, "leaving_on_2": LEAVING.year}


@pytest.fixture
def two(authority, pa):
    people = [
        YoungPersonFactory(authority=authority, first_name="Amira", last_name="Khan"),
        YoungPersonFactory(authority=authority, first_name="Ben", last_name="Cole"),
    ]
    for person in people:
        AllocationFactory(young_person=person, pa=pa)
    return people


def test_the_leaving_date_is_not_set_without_its_confirmation_page(client, two, pa, manager):
    client.force_login(manager)
    url = reverse("portal:pa-leaving", args=[pa.pk])
    summary = client.post(url, DATE)  # the date alone only shows the summary
    page = summary.content.decode()
    assert "Amira Khan" in page and "Ben Cole" in page and "2 young people" in page
    client.post(url, {**DATE, "seen": summary.context["seen"]})  # no button pressed
    pa.refresh_from_db()
    assert pa.leaving_on is None and not Handover.objects.exists()

    client.post(url, {**DATE, "seen": summary.context["seen"], "confirm": "yes"})
    pa.refresh_from_db()
    assert pa.leaving_on == LEAVING and Handover.objects.filter(from_pa=pa).count() == 2


def test_a_stale_summary_cannot_hand_over_someone_it_did_not_show(
    client, two, pa, manager, authority
):
    seen = selectors.leaving_summary(pa, LEAVING, manager)["seen"]
    AllocationFactory(young_person=YoungPersonFactory(authority=authority), pa=pa)
    with pytest.raises(services.AllocationError, match="changed after you opened the summary"):
        services.pa_leaving_set(pa=pa, leaving_on=LEAVING, by=manager, seen=seen)
    pa.refresh_from_db()
    assert pa.leaving_on is None and not Handover.objects.exists()


def test_the_summary_names_only_the_young_people_the_manager_may_see(pa, other_manager, two):
    summary = selectors.leaving_summary(pa, LEAVING, other_manager)
    assert (summary["shown"], summary["others"], summary["count"]) == ([], 2, 2)


def test_cancelling_a_leaving_date_cancels_the_handovers_not_started_and_keeps_them(
    client, two, pa, manager
):
    services.pa_leaving_set(pa=pa, leaving_on=LEAVING, by=manager)
    started, waiting = (Handover.objects.get(young_person=person) for person in two)
    handover_services.summary_write(
        handover=started, text="Amira starts college in January.", revision=0, by=pa
    )

    client.force_login(manager)
    url = reverse("portal:pa-leaving-cancel", args=[pa.pk])
    summary = client.get(url)
    assert "Cancel the leaving date" in summary.content.decode()
    client.post(url)  # without the button: nothing changes
    pa.refresh_from_db()
    assert pa.leaving_on == LEAVING

    response = client.post(url, {"seen": summary.context["seen"], "confirm": "yes"})
    assert response.status_code == 302
    pa.refresh_from_db()
    assert pa.leaving_on is None
    waiting.refresh_from_db()
    assert waiting.closed_at is not None and waiting.cancelled_by == manager
    assert "leaving date was cancelled" in waiting.cancelled_reason
    started.refresh_from_db()
    assert started.closed_at is None and not started.cancelled_reason  # under way: carries on
    assert Handover.objects.count() == 2  # nothing deleted

    client.force_login(pa)
    page = client.get(waiting.get_absolute_url()).content.decode()
    assert "Cancelled" in page and "leaving date was cancelled" in page


def test_a_leaving_date_that_is_not_set_cannot_be_cancelled(pa, manager):
    with pytest.raises(services.AllocationError, match="no leaving date"):
        services.pa_leaving_cancel(pa=pa, by=manager)
