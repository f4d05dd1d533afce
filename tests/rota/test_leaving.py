"""A PA's leaving date takes them off every later shift (each becomes a gap their manager
hears about once), and allocation says who is leaving and leaves out who has left."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from notifications.models import Notification
from people.models import User
from people.services import pa_leaving_set
from rota import services
from rota.models import PatternSlot, Shift, SwapOffer, SwapState
from rota.services import RotaError
from tests.factories import UserFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db


def _shift(authority, pa, days_ahead: int, role: str = "duty") -> Shift:
    start = timezone.make_aware(
        dt.datetime.combine(timezone.localdate() + dt.timedelta(days=days_ahead), dt.time(9))
    )
    return Shift.objects.create(
        authority=authority, role=role, starts_at=start, ends_at=start + dt.timedelta(hours=8),
        pa=pa,
    )  # fmt: skip


def test_a_leaving_pa_is_taken_off_every_later_shift_and_their_manager_is_told_once(
    client, authority, pa, other_pa, manager, other_manager
):
    earlier = [_shift(authority, pa, days) for days in (2, 10)]
    later = [_shift(authority, pa, days) for days in (11, 20, 45)]
    colleague = _shift(authority, other_pa, 20, role="backup")
    offer = services.swap_offer(shift=later[0], note="Training", by=pa)
    last_day = timezone.localdate() + dt.timedelta(days=10)

    pa_leaving_set(pa=pa, leaving_on=last_day, by=manager)

    assert {s.pk for s in Shift.objects.filter(pa=pa)} == {s.pk for s in earlier}
    assert {s.pk for s in Shift.objects.filter(pa__isnull=True)} == {s.pk for s in later}
    assert Shift.objects.get(pk=colleague.pk).pa == other_pa
    assert SwapOffer.objects.get(pk=offer.pk).state == SwapState.WITHDRAWN
    told = Notification.objects.filter(kind="leaving_gaps")
    assert [(n.recipient, n.message) for n in told] == [
        (
            manager,
            f"{pa.get_full_name()}'s last working day is {last_day:%-d %B %Y}. "
            "You have 3 new gaps on the duty rota to fill.",
        )
    ]
    pa_leaving_set(pa=pa, leaving_on=last_day, by=manager)  # saved again: nobody told twice
    assert told.count() == 1

    client.force_login(other_manager)
    page = client.get(reverse("rota:coverage")).content.decode()
    assert "2 gaps to fill" in page  # the two within four weeks
    assert "Gaps after the next four weeks" in page
    for shift in later:
        assert reverse("rota:fill", args=[shift.pk]) in page


def test_after_their_last_day_a_pa_cannot_be_put_on_a_shift_or_generated_onto_one(
    authority, pa, manager
):
    User.objects.filter(pk=pa.pk).update(leaving_on=timezone.localdate() + dt.timedelta(days=3))
    pa.refresh_from_db()
    gap = _shift(authority, None, 5)
    with pytest.raises(RotaError, match="last working day is"):
        services.shift_assign(shift=gap, pa=pa, by=manager)
    services.shift_assign(shift=_shift(authority, None, 2, role="backup"), pa=pa, by=manager)
    for weekday in range(7):
        PatternSlot.objects.create(
            authority=authority, weekday=weekday, role="duty", starts=dt.time(18),
            ends=dt.time(22),
        )  # fmt: skip
    made = services.rota_generate(
        authority=authority,
        start=timezone.localdate() + dt.timedelta(days=1),
        end=timezone.localdate() + dt.timedelta(days=13),
        max_per_week=7,
        by=manager,
    )
    days = {timezone.localdate(s.starts_at) for s in made if s.pa_id == pa.pk}
    assert days and max(days) <= pa.leaving_on


def test_allocation_names_a_leaving_pa_and_does_not_offer_one_who_has_left(
    client, authority, team, pa, manager, young_person
):
    leaving = UserFactory(role="pa", authority=authority, team=team, first_name="Sam",
                          last_name="Patel")  # fmt: skip
    gone = UserFactory(role="pa", authority=authority, team=team, first_name="Ola",
                       last_name="Bello")  # fmt: skip
    User.objects.filter(pk=leaving.pk).update(leaving_on=dt.date(2099, 12, 19))
    User.objects.filter(pk=gone.pk).update(leaving_on=timezone.localdate() - dt.timedelta(days=1))
    person = YoungPersonFactory(authority=authority)
    client.force_login(manager)
    url = reverse("portal:allocation-create", args=[person.pk])
    page = client.get(url).content.decode()
    assert "Sam Patel (leaving 19 December 2099; 0 young people)" in page
    # The name as the page writes it (an apostrophe, as in O'Neill, is escaped).
    assert f"{escape(pa.get_full_name())} (1 young person)" in page
    assert "Ola Bello" not in page
    response = client.post(url, {"pa": gone.pk})
    assert response.status_code == 200
    assert not person.allocations.exists()
