"""Reminder rules for homelessness prevention: the 56-day clock of a home at risk, and the
start of accommodation planning eight weeks before a release from custody.

Each clock reminds the young person's PA once on the day before its boundary, once on the
day and once on the day after (the key names the boundary and which of the three it is).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from notifications.kinds import register_kinds
from notifications.services import Reminder, register_rule
from people.selectors import with_current_pa
from safety import rules
from safety.models import CustodyRelease, DutyToRefer, HomeAtRisk, NotificationKind

WHEN = {rules.BEFORE: "tomorrow", rules.ON_THE_DAY: "today", rules.AFTER: "yesterday"}
HOME_CLOCK = {
    rules.BEFORE: "end tomorrow",
    rules.ON_THE_DAY: "end today",
    rules.AFTER: "ended yesterday",
}


def _near(day: dt.date) -> tuple[dt.date, dt.date]:
    return day - dt.timedelta(days=1), day + dt.timedelta(days=1)


def home_clock_rows(day: dt.date) -> QuerySet[HomeAtRisk]:
    """Open homes at risk whose 56 days end the day before, on or after `day`."""
    homes = HomeAtRisk.objects.filter(
        closed_on__isnull=True, clock_ends_on__range=_near(day)
    ).annotate(is_referred=Exists(DutyToRefer.objects.filter(home_at_risk=OuterRef("pk"))))
    return with_current_pa(homes, "young_person").select_related("young_person")


def home_clock(homes: list[HomeAtRisk], day: dt.date):
    for home in homes:
        phase = rules.phase(home.clock_ends_on, day)
        if phase is None:
            continue
        person = home.young_person
        yield Reminder(
            recipient_id=home.current_pa_id,
            key=f"home-at-risk:{home.pk}:{home.clock_ends_on}:{phase}",
            kind=NotificationKind.HOME_AT_RISK,
            message=(
                f"The 56 days since {person.full_name}'s home was known to be at risk "
                f"{HOME_CLOCK[phase]} "
                f"({home.clock_ends_on:%-d %B %Y}). "
                + (
                    "Check what the housing authority has done."
                    if home.is_referred
                    else "Make the referral to the housing authority now."
                )
            ),
            link=reverse("safety:person", args=[person.pk]),
            young_person_id=person.pk,
            due_on=home.clock_ends_on,
        )


def custody_clock_rows(day: dt.date) -> QuerySet[CustodyRelease]:
    """Releases whose accommodation planning starts the day before, on or after `day`."""
    releases = CustodyRelease.objects.filter(planning_from__range=_near(day), release_on__gt=day)
    return with_current_pa(releases, "young_person").select_related("young_person")


def custody_clock(releases: list[CustodyRelease], day: dt.date):
    for release in releases:
        phase = rules.phase(release.planning_from, day)
        if phase is None:
            continue
        person = release.young_person
        starts = "started yesterday" if phase == rules.AFTER else f"starts {WHEN[phase]}"
        yield Reminder(
            recipient_id=release.current_pa_id,
            key=f"custody-release:{release.pk}:{release.planning_from}:{phase}",
            kind=NotificationKind.CUSTODY_RELEASE,
            message=(
                f"{person.full_name} is due out of custody on {release.release_on:%-d %B %Y}. "
                f"Planning where they will live {starts}."
            ),
            link=reverse("safety:person", args=[person.pk]),
            young_person_id=person.pk,
            due_on=release.planning_from,
        )


register_rule("home_at_risk_clock", rows=home_clock_rows, reminders=home_clock)
register_rule("custody_release_clock", rows=custody_clock_rows, reminders=custody_clock)
register_kinds(NotificationKind)
