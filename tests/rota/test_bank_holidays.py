"""Bank holidays are not duty days: the pattern skips them, the pages say why, and a
manager can still add a shift on one by hand."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from rota import selectors, services
from rota.models import Shift
from tests.factories import UserFactory, week_pattern

LONDON = ZoneInfo("Europe/London")
CHRISTMAS, SUBSTITUTE, NEW_YEAR = dt.date(2026, 12, 25), dt.date(2026, 12, 28), dt.date(2027, 1, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture
def christmas_rota(authority, manager):
    """A Monday-to-Friday pattern (duty and back-up), three PAs, and the rota generated
    over Christmas and New Year 2026."""
    week_pattern(authority)
    for _ in range(3):
        UserFactory(role="pa", authority=authority)
    return services.rota_generate(
        authority=authority,
        start=dt.date(2026, 12, 21),
        end=dt.date(2027, 1, 3),
        max_per_week=5,
        by=manager,
        seed=1,
    )


def _days(shifts) -> set[dt.date]:
    return {timezone.localtime(s.starts_at).date() for s in shifts}


def test_the_generated_rota_has_no_shift_on_a_bank_holiday(christmas_rota):
    days = _days(christmas_rota)
    assert not days & {CHRISTMAS, SUBSTITUTE, NEW_YEAR}
    # The other weekdays have both shifts: 21-24, 29-31 December.
    assert len(christmas_rota) == 2 * 7
    assert days == {dt.date(2026, 12, d) for d in (21, 22, 23, 24, 29, 30, 31)}


def test_the_rota_page_says_which_bank_holiday_it_is_instead_of_a_gap(
    client, christmas_rota, authority, pa
):
    client.force_login(pa)
    page = client.get(reverse("rota:rota") + "?from=2026-12-21").content.decode()
    assert "Bank holiday: Christmas Day" in page
    assert "Bank holiday: Boxing Day (substitute day)" not in page  # that is the next week
    page = client.get(reverse("rota:rota") + "?from=2026-12-28").content.decode()
    assert "Bank holiday: Boxing Day (substitute day)" in page
    assert "Bank holiday: New Year’s Day" in page or "Bank holiday: New Year&#x27;s Day" in page
    assert "No shift yet" not in page
    days = {d.date: d for d in selectors.coverage(authority, dt.date(2026, 12, 21), 14)}
    assert days[CHRISTMAS].bank_holiday == "Christmas Day" and days[CHRISTMAS].gaps == 0
    assert days[dt.date(2026, 12, 24)].bank_holiday == ""


def test_the_coverage_page_says_bank_holiday_and_offers_to_add_a_shift(
    client, christmas_rota, manager, monkeypatch
):
    real = timezone.localdate
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, tz=None: real(value, tz) if value else
        dt.date(2026, 12, 14),
    )  # fmt: skip
    client.force_login(manager)
    page = client.get(reverse("rota:coverage")).content.decode()
    assert "Bank holiday: Christmas Day. No duty unless you add a shift." in page
    assert reverse("rota:shift-create") + "?day=2026-12-25" in page


def test_a_manager_can_still_add_a_shift_on_christmas_day(
    client, christmas_rota, authority, manager, pa
):
    client.force_login(manager)
    url = reverse("rota:shift-create")
    assert client.get(url + "?day=2026-12-25").context["form"].initial["day"] == CHRISTMAS
    response = client.post(
        url,
        {
            "day_0": "25", "day_1": "12", "day_2": "2026", "role": "duty",
            "starts": "10:00", "ends": "14:00", "pa": pa.pk,
        },
    )  # fmt: skip
    assert response.status_code == 302, response.context["form"].errors
    shift = Shift.objects.get(authority=authority, starts_at__date=CHRISTMAS)
    assert (shift.pa, timezone.localtime(shift.starts_at).hour) == (pa, 10)
    # Filling the pattern again leaves the hand-made shift alone and adds none beside it.
    again = services.rota_generate(
        authority=authority,
        start=dt.date(2026, 12, 21),
        end=dt.date(2027, 1, 3),
        max_per_week=5,
        by=manager,
    )
    assert again == []
    assert Shift.objects.filter(starts_at__date=CHRISTMAS).count() == 1
    page = client.get(reverse("rota:rota") + "?from=2026-12-21").content.decode()
    assert "Bank holiday: Christmas Day" in page and pa.get_full_name() in page


def test_a_shift_that_ends_before_it_starts_is_refused_with_a_message(client, manager):
    client.force_login(manager)
    response = client.post(
        reverse("rota:shift-create"),
        {"day_0": "25", "day_1": "12", "day_2": "2026", "role": "duty",
         "starts": "14:00", "ends": "10:00"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "The end must be after the start" in response.content.decode()
    assert not Shift.objects.exists()
