"""The rota: the database refuses clashes, the generator is fair, swaps are checked."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from notifications.models import Notification
from people.models import Role
from rota import selectors, services
from rota.calendar import shifts_calendar
from rota.models import Leave, PatternSlot, Shift, SwapOffer, SwapState
from rota.patterns import bank_holidays
from rota.services import RotaError
from tests.factories import UserFactory, week_pattern

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


def next_monday() -> dt.date:
    today = timezone.localdate()
    return today + dt.timedelta(days=7 - today.weekday())


def test_the_database_refuses_a_pa_on_two_overlapping_shifts(authority, pa):
    day = next_monday()
    Shift.objects.create(
        authority=authority, role="duty", starts_at=at(day, 9), ends_at=at(day, 17), pa=pa
    )
    with pytest.raises(IntegrityError, match="pa_on_one_shift_at_a_time"), transaction.atomic():
        Shift.objects.create(
            authority=authority, role="backup", starts_at=at(day, 16), ends_at=at(day, 20), pa=pa
        )
    with pytest.raises(IntegrityError, match="one_shift_per_role_at_a_time"), transaction.atomic():
        Shift.objects.create(
            authority=authority, role="duty", starts_at=at(day, 12), ends_at=at(day, 13)
        )
    # Back to back is fine: ranges are [start, end).
    Shift.objects.create(
        authority=authority, role="duty", starts_at=at(day, 17), ends_at=at(day, 20), pa=pa
    )


def test_the_database_refuses_a_shift_during_leave_and_leave_over_a_shift(authority, pa, manager):
    day = next_monday()
    Leave.objects.create(pa=pa, starts_on=day, ends_on=day + dt.timedelta(days=2), created_by=pa)
    with pytest.raises(IntegrityError, match="on leave"), transaction.atomic():
        Shift.objects.create(
            authority=authority,
            role="duty",
            starts_at=at(day + dt.timedelta(days=2), 9),
            ends_at=at(day + dt.timedelta(days=2), 17),
            pa=pa,
        )
    shift = Shift.objects.create(
        authority=authority,
        role="duty",
        starts_at=at(day + dt.timedelta(days=3), 9),
        ends_at=at(day + dt.timedelta(days=3), 17),
        pa=pa,
    )
    with pytest.raises(RotaError, match="has shifts during this leave"):
        services.leave_record(
            pa=pa,
            starts_on=day + dt.timedelta(days=3),
            ends_on=day + dt.timedelta(days=3),
            kind="sick",
            by=manager,
        )
    assert Shift.objects.get(pk=shift.pk).pa == pa


def test_bad_input_gets_a_clear_message_and_changes_nothing(authority, pa, manager, other_pa):
    day = next_monday()
    with pytest.raises(RotaError, match="end must be after the start"):
        services.shift_create(
            authority=authority,
            role="duty",
            starts_at=at(day, 17),
            ends_at=at(day, 9),
            pa=pa,
            by=manager,
        )
    with pytest.raises(RotaError, match="current PA"):
        services.shift_create(
            authority=authority,
            role="duty",
            starts_at=at(day, 9),
            ends_at=at(day, 17),
            pa=manager,
            by=manager,
        )
    past = Shift.objects.create(
        authority=authority,
        role="duty",
        starts_at=timezone.now() - dt.timedelta(hours=3),
        ends_at=timezone.now() - dt.timedelta(hours=1),
        pa=pa,
    )
    with pytest.raises(RotaError, match="already started"):
        services.swap_offer(shift=past, note="", by=pa)
    assert Shift.objects.count() == 1


def test_a_swap_that_would_overlap_is_refused_and_a_valid_one_tells_both(
    authority, pa, other_pa, manager, django_capture_on_commit_callbacks
):
    day = next_monday()
    mine = services.shift_create(
        authority=authority,
        role="duty",
        starts_at=at(day, 9),
        ends_at=at(day, 17),
        pa=pa,
        by=manager,
    )
    theirs = services.shift_create(
        authority=authority,
        role="backup",
        starts_at=at(day, 9),
        ends_at=at(day, 17),
        pa=other_pa,
        by=manager,
    )
    offer = services.swap_offer(shift=mine, note="Dentist", by=pa)
    with pytest.raises(RotaError, match="already on another shift"):
        services.swap_take(offer=offer, by=other_pa)
    assert Shift.objects.get(pk=mine.pk).pa == pa
    services.shift_assign(shift=theirs, pa=None, by=manager)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.swap_take(offer=offer, by=other_pa)
    assert Shift.objects.get(pk=mine.pk).pa == other_pa
    offer.refresh_from_db()
    assert offer.state == SwapState.TAKEN and offer.told_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == sorted([pa.email, other_pa.email])
    assert {n.recipient for n in Notification.objects.filter(kind="swap_done")} == {pa, other_pa}


def test_the_calendar_feed_is_valid_icalendar_with_the_pas_shifts(
    client, authority, pa, other_pa, manager
):
    day = next_monday()
    services.shift_create(
        authority=authority,
        role="duty",
        starts_at=at(day, 9),
        ends_at=at(day, 17),
        pa=pa,
        by=manager,
    )
    services.shift_create(
        authority=authority,
        role="backup",
        starts_at=at(day, 9),
        ends_at=at(day, 17),
        pa=other_pa,
        by=manager,
    )
    calendar = Calendar.from_ical(shifts_calendar(pa))
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Duty shift"]
    assert events[0].decoded("dtstart") == at(day, 9)


def test_who_is_on_duty_now(authority, pa, manager):
    now = timezone.now()
    services.shift_create(
        authority=authority,
        role="duty",
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=1),
        pa=pa,
        by=manager,
    )
    assert selectors.on_duty(authority.pk).pa == pa
    assert selectors.on_duty(authority.pk, now + dt.timedelta(hours=2)) is None


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pa_count=st.integers(3, 8),
    leave=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 27), st.integers(0, 6)), max_size=6),
    seed=st.integers(0, 1000),
)
def test_the_generator_is_fair_over_four_weeks_with_random_leave(
    authority, manager, pa_count, leave, seed
):
    Shift.objects.filter(authority=authority).delete()
    Leave.objects.all().delete()
    PatternSlot.objects.filter(authority=authority).delete()
    week_pattern(authority)
    from people.models import User

    User.objects.filter(authority=authority, role=Role.PA).update(is_active=False)
    pas = [UserFactory(role=Role.PA, authority=authority) for _ in range(pa_count)]
    start = next_monday()
    on_leave = set()
    for who, first, length in leave:
        if who < pa_count:
            pa = pas[who]
            services.leave_record(
                pa=pa,
                starts_on=start + dt.timedelta(days=first),
                ends_on=start + dt.timedelta(days=first + length),
                kind="annual",
                by=manager,
            )
            on_leave.add(pa.pk)
    shifts = services.rota_generate(
        authority=authority,
        start=start,
        end=start + dt.timedelta(days=27),
        max_per_week=10,
        by=manager,
        seed=seed,
    )
    closed = bank_holidays(start, start + dt.timedelta(days=27))
    working = [d for d in (start + dt.timedelta(days=n) for n in range(28)) if d.weekday() < 5]
    # 4 weeks x 5 days x duty and back-up, but for bank holidays
    assert len(shifts) == 2 * len([d for d in working if d not in closed])
    counts = {pa.pk: 0 for pa in pas}
    for shift in Shift.objects.filter(authority=authority, pa__isnull=False):
        counts[shift.pa_id] += 1
    whole_period = [counts[pk] for pk in counts if pk not in on_leave]
    if whole_period:
        assert max(whole_period) - min(whole_period) <= 1, counts
    assert (
        not Shift.objects.filter(authority=authority, pa__isnull=True).exists()
        or pa_count - len(on_leave) < 2
    )


def test_a_revoked_or_replaced_calendar_address_gives_404(client, authority, pa, manager):
    day = next_monday()
    services.shift_create(
        authority=authority,
        role="duty",
        starts_at=at(day, 9),
        ends_at=at(day, 17),
        pa=pa,
        by=manager,
    )
    first = services.feed_create(pa=pa)
    response = client.get(f"/rota/calendar/{first}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert len(list(Calendar.from_ical(response.content).walk("VEVENT"))) == 1
    second = services.feed_create(pa=pa)
    assert client.get(f"/rota/calendar/{first}.ics").status_code == 404
    assert client.get(f"/rota/calendar/{second}.ics").status_code == 200
    services.feed_revoke(pa=pa)
    assert client.get(f"/rota/calendar/{second}.ics").status_code == 404


def test_show_the_month_from_this_week_opens_this_month(client, pa):
    client.force_login(pa)
    today = timezone.localdate()
    response = client.get(reverse("rota:rota"))
    link = f"?view=month&amp;from={today:%Y-%m-%d}"
    assert link in response.content.decode()
    month = client.get(reverse("rota:rota") + link.replace("&amp;", "&"))
    assert month.context["first"] == today.replace(day=1)


@pytest.mark.parametrize(
    ("week", "month"),
    [("2026-11-30", "2026-12-03"), ("2027-03-29", "2027-04-01"), ("2026-08-26", "2026-08-27")],
)
def test_show_the_month_of_another_week_opens_the_month_most_of_it_is_in(client, pa, week, month):
    client.force_login(pa)
    today = timezone.localdate()
    response = client.get(reverse("rota:rota") + f"?from={week}")
    if response.context["first"] <= today <= response.context["last"]:
        month = f"{today:%Y-%m-%d}"
    assert f"?view=month&amp;from={month}" in response.content.decode()


def test_the_duty_log_is_in_a_pas_navigation_and_linked_from_the_duty_pages(client, pa, manager):
    client.force_login(pa)
    log = reverse("rota:duty-log")
    for name in ("rota:mine", "rota:rota"):
        response = client.get(reverse(name))
        assert ("Duty log", log) in [(i.label, i.url) for i in response.context["navigation"]]
        assert f'href="{log}"' in response.content.decode()
    client.force_login(manager)
    for name in ("rota:coverage", "rota:rota"):
        assert f'href="{log}"' in client.get(reverse(name)).content.decode()


@pytest.mark.parametrize("query", ["from=garbage", "from=0001-01-01", "view=month&from=9999-12-31"])
def test_odd_dates_on_the_rota_page_show_this_week(client, pa, query):
    client.force_login(pa)
    response = client.get(f"/rota/?{query}")
    assert response.status_code == 200
    assert response.context["first"] <= timezone.localdate() <= response.context["last"]


def test_an_offer_ends_when_a_manager_gives_the_shift_to_someone_else(
    authority, pa, other_pa, manager
):
    day = next_monday()
    shift = services.shift_create(
        authority=authority,
        role="duty",
        starts_at=at(day, 9),
        ends_at=at(day, 17),
        pa=pa,
        by=manager,
    )
    offer = services.swap_offer(shift=shift, note="", by=pa)
    third = UserFactory(role=Role.PA, authority=authority)
    services.shift_assign(shift=shift, pa=other_pa, by=manager)
    with pytest.raises(RotaError):
        services.swap_take(offer=offer, by=third)
    assert Shift.objects.get(pk=shift.pk).pa == other_pa
    offer.refresh_from_db()
    assert offer.state == SwapState.WITHDRAWN


def test_a_calendar_token_never_reaches_the_logs(client, pa, caplog):
    from config.logging import redact

    token = services.feed_create(pa=pa)
    services.feed_revoke(pa=pa)
    with caplog.at_level("WARNING", logger="django.request"):
        assert client.get(f"/rota/calendar/{token}.ics").status_code == 404
    assert caplog.records and all(token not in r.getMessage() for r in caplog.records)
    assert redact(f"GET /rota/calendar/{token}.ics HTTP/1.1") == (
        "GET /rota/calendar/[hidden] HTTP/1.1"
    )
    assert redact("/invitations/abc123/") == "/invitations/[hidden]/"
    assert redact("/invitations/accept/") == "/invitations/accept/"


def test_a_long_or_nul_swap_note_is_refused_and_nothing_is_offered(client, pa, authority):
    start = timezone.now() + dt.timedelta(days=3)
    shift = Shift.objects.create(
        authority=authority, starts_at=start, ends_at=start + dt.timedelta(hours=8), pa=pa
    )
    client.force_login(pa)
    for note in ["x" * 5000, "Training\x00day"]:
        response = client.post(reverse("rota:swap-offer", args=[shift.pk]), {"note": note})
        assert response.status_code == 302
    assert not SwapOffer.objects.filter(shift=shift).exists()
    client.post(reverse("rota:swap-offer", args=[shift.pk]), {"note": "Training"})
    assert SwapOffer.objects.get(shift=shift).note == "Training"


def test_the_calendar_address_is_the_portals_public_one_behind_a_proxy(client, pa, settings):
    """The address a PA copies into their calendar is SITE_URL's, not the one the request
    came in on (behind a proxy, that is the proxy's inside address)."""
    settings.SITE_URL = "https://portal.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "10.0.0.5"]
    client.force_login(pa)
    client.post(reverse("rota:feed-create"), HTTP_HOST="10.0.0.5:8000")
    page = client.get(reverse("rota:mine")).content.decode()
    assert "https://portal.example.org/rota/calendar/" in page and "10.0.0.5" not in page
