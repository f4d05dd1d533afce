"""A PA's shifts as an iCalendar feed, built with the icalendar library."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from people.models import User
from rota.models import Shift


def shifts_calendar(pa: User) -> bytes:
    """Every shift of the PA from 30 days ago onwards, one event each."""
    calendar = Calendar()
    calendar.add("prodid", "-//Leaving care portal//Duty rota//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Duty rota")
    since = timezone.now() - timezone.timedelta(days=30)
    shifts = Shift.objects.filter(pa=pa, ends_at__gte=since).order_by("starts_at")
    site = settings.SITE_URL.split("//")[-1].split("/")[0]
    for shift in shifts:
        event = Event()
        event.add("uid", f"shift-{shift.pk}@{site}")
        event.add("summary", f"{shift.get_role_display()} shift")
        event.add("dtstart", shift.starts_at)
        event.add("dtend", shift.ends_at)
        event.add("dtstamp", shift.created_at)
        calendar.add_component(event)
    return calendar.to_ical()
