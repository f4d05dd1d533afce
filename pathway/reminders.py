"""Reminder rules for plans, contact, actions and birthdays (the daily sweep runs them)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.db.models import (
    DateField,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from common.dates import add_months, birthday
from common.lookups import among
from notifications.kinds import register_kinds
from notifications.services import Reminder, links, register_rule
from pathway import windows
from pathway.models import (
    AccommodationSpell,
    Action,
    ActionOwner,
    ActionStatus,
    ActivitySpell,
    Contact,
    NotificationKind,
    Plan,
)
from people.models import LegalStatus, YoungPerson
from people.selectors import birthday_sql, with_current_pa

# 25 is the handovers app's: support ending starts an ending, further ahead.
BIRTHDAYS = (17, 18, 21)


@lru_cache(maxsize=4096)
def _day(day: dt.date) -> str:
    """A date in words; kept, as a sweep writes the same few hundred dates thousands of times."""
    return f"{day:%-d %B %Y}"


def _name(row: dict, via: str = "young_person__") -> str:
    return f"{row[via + 'first_name']} {row[via + 'last_name']}"


def review_soon_rows(day: dt.date) -> QuerySet[Plan]:
    ahead = day + dt.timedelta(days=settings.REMINDER_REVIEW_DAYS_AHEAD)
    plans = Plan.objects.filter(review_due_on__gte=day, review_due_on__lte=ahead)
    return _plan_values(with_current_pa(plans, "young_person"))


def _plan_values(plans: QuerySet[Plan]) -> QuerySet:
    return plans.values(
        "pk",
        "review_due_on",
        "young_person_id",
        "young_person__first_name",
        "young_person__last_name",
        "current_pa_id",
        "manager_id",
    )


def review_soon(plans: list[dict], day: dt.date):
    plan_link = links("pathway:plan")
    for plan in plans:
        person_id, due = plan["young_person_id"], plan["review_due_on"]
        yield Reminder(
            recipient_id=plan["current_pa_id"],
            key=f"review-due:{plan['pk']}:{due}",
            kind=NotificationKind.REVIEW_DUE,
            message=f"{_name(plan)}'s pathway plan review is due by {_day(due)}.",
            link=plan_link(person_id),
            young_person_id=person_id,
            due_on=due,
        )


def review_overdue_rows(day: dt.date) -> QuerySet[Plan]:
    plans = Plan.objects.filter(review_due_on__lt=day)
    return _plan_values(with_current_pa(plans, "young_person"))


def review_overdue(plans: list[dict], day: dt.date):
    """The PA the day after it was due; their manager too once it is a week overdue."""
    escalate = dt.timedelta(days=settings.REMINDER_ESCALATE_AFTER_DAYS)
    plan_link = links("pathway:plan")
    for plan in plans:
        person_id, due, name = plan["young_person_id"], plan["review_due_on"], _name(plan)
        link = plan_link(person_id)
        yield Reminder(
            recipient_id=plan["current_pa_id"],
            key=f"review-overdue:{plan['pk']}:{due}",
            kind=NotificationKind.REVIEW_OVERDUE,
            message=f"{name}'s pathway plan review was due by {_day(due)}.",
            link=link,
            young_person_id=person_id,
            due_on=due,
        )
        if day >= due + escalate and plan["manager_id"] is not None:
            yield Reminder(
                recipient_id=plan["manager_id"],
                key=f"review-escalated:{plan['pk']}:{due}",
                kind=NotificationKind.REVIEW_ESCALATED,
                message=(
                    f"{name}'s pathway plan review is {(day - due).days} days "
                    f"overdue (it was due by {_day(due)})."
                ),
                link=link,
                young_person_id=person_id,
                due_on=due,
            )


def contact_overdue_rows(day: dt.date) -> QuerySet[YoungPerson]:
    last_contact = (
        Contact.objects.filter(young_person=OuterRef("pk"))
        .order_by("-happened_on")
        .values("happened_on")[:1]
    )
    people = with_current_pa(YoungPerson.objects.all()).annotate(
        last_contact=Subquery(last_contact, output_field=DateField()),
        contact_due=ExpressionWrapper(
            Coalesce("last_contact", "allocated_on") + F("authority__contact_interval_weeks") * 7,
            output_field=DateField(),
        ),
    )
    return people.filter(contact_due__lt=day).values(
        "pk", "first_name", "last_name", "current_pa_id", "last_contact", "contact_due"
    )


def contact_overdue(people: list[dict], day: dt.date):
    contacts_link = links("pathway:contacts")
    for person in people:
        last = person["last_contact"]
        since = f"since {_day(last)}" if last else "since you took over"
        yield Reminder(
            recipient_id=person["current_pa_id"],
            key=f"contact-overdue:{person['pk']}:{person['contact_due']}",
            kind=NotificationKind.CONTACT_OVERDUE,
            message=f"You have not been in touch with {_name(person, '')} {since}.",
            link=contacts_link(person["pk"]),
            young_person_id=person["pk"],
            due_on=person["contact_due"],
        )


def action_overdue_rows(day: dt.date) -> QuerySet[Action]:
    actions = Action.objects.filter(status=ActionStatus.OPEN, due_on__lt=day)
    return with_current_pa(actions, "plan__young_person").values(
        "pk",
        "due_on",
        "what",
        "owner",
        "current_pa_id",
        "plan__young_person_id",
        "plan__young_person__first_name",
        "plan__young_person__last_name",
        "plan__young_person__user_id",
    )


def action_overdue(actions: list[dict], day: dt.date):
    """The PA for every overdue step; the young person too for their own steps."""
    plan_link, my_plan = links("pathway:plan"), reverse("pathway:my-plan")
    for action in actions:
        person_id, due, what = action["plan__young_person_id"], action["due_on"], action["what"]
        key, when = f"action-overdue:{action['pk']}:{due}", _day(due)
        yield Reminder(
            recipient_id=action["current_pa_id"],
            key=key,
            kind=NotificationKind.ACTION_OVERDUE,
            message=(
                f"A step in {_name(action, 'plan__young_person__')}'s plan was due by "
                f"{when}: {what}"
            ),
            link=plan_link(person_id),
            young_person_id=person_id,
            due_on=due,
        )
        user_id = action["plan__young_person__user_id"]
        if action["owner"] == ActionOwner.YOUNG_PERSON and user_id is not None:
            yield Reminder(
                recipient_id=user_id,
                key=key,
                kind=NotificationKind.ACTION_OVERDUE,
                message=(
                    f"One of your steps was due by {when}: {what}. "
                    "If it is done, mark it done. If you need help, ask your PA."
                ),
                link=my_plan,
                young_person_id=person_id,
                due_on=due,
            )


def _born_near(ages, earliest: dt.date, latest: dt.date) -> Q:
    """A little more than "turns one of `ages` between `earliest` and `latest`", from the
    date of birth alone: the birthday sums then run only for those it lets through."""
    slack = dt.timedelta(days=2)
    near = Q()
    for age in ages:
        near |= Q(
            date_of_birth__gte=add_months(earliest, -12 * age) - slack,
            date_of_birth__lte=add_months(latest, -12 * age) + slack,
        )
    return near


def birthday_rows(day: dt.date) -> QuerySet[YoungPerson]:
    ahead = day + dt.timedelta(days=settings.REMINDER_BIRTHDAY_DAYS_AHEAD)
    coming = Q()
    for age in BIRTHDAYS:
        coming |= Q(**{f"turns_{age}__gte": day, f"turns_{age}__lte": ahead})
    people = with_current_pa(YoungPerson.objects.filter(_born_near(BIRTHDAYS, day, ahead)))
    people = people.annotate(
        **{f"turns_{age}": birthday_sql(age) for age in BIRTHDAYS},
        plan_signed=F("pathway_plan__last_signed_on"),
    )
    return people.filter(coming).values(
        "pk", "first_name", "last_name", "date_of_birth", "user_id", "current_pa_id", "plan_signed"
    )


def _birthday_message(person: dict, age: int, on: dt.date) -> str:
    name, when = _name(person, ""), _day(on)
    if age == 17:
        if person["plan_signed"] is None:
            return f"{name} turns 17 on {when} and has no signed pathway plan yet."
        return f"{name} turns 17 on {when}. Check their pathway plan is in place and up to date."
    if age == 18:
        return (
            f"{name} turns 18 on {when}. Plan for what changes: legal status, money, "
            "housing, and moving to adult health services."
        )
    return (
        f"{name} turns 21 on {when}. Ask them whether they want support from a PA to "
        "carry on until they are 25."
    )


def birthdays(people: list[dict], day: dt.date):
    ahead = day + dt.timedelta(days=settings.REMINDER_BIRTHDAY_DAYS_AHEAD)
    profile, my_home = links("portal:young-person-detail"), reverse("portal:my-home")
    for person in people:
        for age in BIRTHDAYS:
            on = birthday(person["date_of_birth"], age)
            if not day <= on <= ahead:
                continue
            key = f"birthday-{age}:{person['pk']}:{on}"
            yield Reminder(
                recipient_id=person["current_pa_id"],
                key=key,
                kind=NotificationKind.BIRTHDAY,
                message=_birthday_message(person, age, on),
                link=profile(person["pk"]),
                young_person_id=person["pk"],
                due_on=on,
            )
            if age == 21 and person["user_id"] is not None:
                yield Reminder(
                    recipient_id=person["user_id"],
                    key=key,
                    kind=NotificationKind.BIRTHDAY,
                    message=(
                        f"You turn 21 on {_day(on)}. You can keep having support from your "
                        "PA until you are 25, if you want it. Your PA will ask you."
                    ),
                    link=my_home,
                    young_person_id=person["pk"],
                    due_on=on,
                )


def return_window_rows(day: dt.date) -> QuerySet[YoungPerson]:
    """Young people with a PA and a 17th to 21st birthday near enough for its window to be
    open; `return_windows` applies the rule itself (pathway.windows)."""
    earliest, latest = day - dt.timedelta(days=32), day + dt.timedelta(days=93)
    near = Q()
    for age in windows.AGES:
        near |= Q(**{f"turns_{age}__gte": earliest, f"turns_{age}__lte": latest})
    people = with_current_pa(
        YoungPerson.objects.exclude(legal_status=LegalStatus.QUALIFYING).filter(
            _born_near(windows.AGES, earliest, latest),
            died_on__isnull=True,
            refuses_contact_since__isnull=True,
        )
    ).annotate(**{f"turns_{age}": birthday_sql(age) for age in windows.AGES})
    # Named rows of what `windows.open_window` and the message read, not whole records.
    return people.filter(near).values_list(
        "pk",
        "first_name",
        "last_name",
        "date_of_birth",
        "legal_status",
        "died_on",
        "date_left_care",
        "current_pa_id",
        named=True,
    )


def _first_spells(spells: QuerySet) -> defaultdict[int, list]:
    """Each young person's earliest spell's start, as a list of one: whether a spell had
    started by a birthday (`windows.spell_on`) turns on the earliest alone, and a young
    person's whole history of homes or activities is many rows."""
    first = spells.order_by().values("young_person_id").annotate(first_on=Min("started_on"))
    found = defaultdict(list)
    for person_id, started_on in first.values_list("young_person_id", "first_on"):
        found[person_id].append(_Started(started_on))
    return found


class _Started(NamedTuple):
    started_on: dt.date


def return_windows(people: list, day: dt.date):
    """The PA once as a window opens, and once in its last week, while the return still
    lacks a contact in it, or the birthday's main activity or home. Three queries a batch."""
    ids = among([person.pk for person in people])
    since = day - dt.timedelta(days=130)  # longer than any window
    # Only the days (whether one falls in the window), as plain pairs, not a record each.
    contact_days = defaultdict(list)
    recent = Contact.objects.filter(young_person__in=ids, happened_on__gte=since).order_by()
    for person_id, happened_on in recent.values_list("young_person_id", "happened_on"):
        contact_days[person_id].append(happened_on)
    homes = _first_spells(AccommodationSpell.objects.filter(young_person__in=ids))
    activities = _first_spells(ActivitySpell.objects.filter(young_person__in=ids))
    contact_create, return_fix = links("pathway:contact-create"), links("pathway:return-fix", 2)
    for person in people:
        window = windows.open_window(person, day)
        if window is None:
            continue
        missing = windows.facts_missing(
            window,
            contact_days=contact_days[person.pk],
            homes=homes[person.pk],
            activities=activities[person.pk],
        )
        if not missing:
            continue
        closing = window.is_closing_soon_on(day)
        birthday_words = f"{windows.ordinal(window.age)} birthday on {_day(window.birthday)}"
        still = "; ".join(missing.values())
        name = f"{person.first_name} {person.last_name}"
        if closing:
            message = (
                f"A week left: the DfE's return for {name}'s {birthday_words} "
                f"closes on {_day(window.closes)}. Still to record: {still}."
            )
        else:
            message = (
                f"{name}'s {birthday_words} is in the DfE's return. Between "
                f"{_day(window.opens)} and {_day(window.closes)}, record {still}."
            )
        yield Reminder(
            recipient_id=person.current_pa_id,
            key=f"return-window-{'closing' if closing else 'open'}:{person.pk}:{window.birthday}",
            kind=NotificationKind.RETURN_WINDOW,
            message=message,
            link=(
                contact_create(person.pk)
                if "contact" in missing
                else return_fix(person.pk, window.age)
            ),
            young_person_id=person.pk,
            due_on=window.closes,
        )


register_rule("review_soon", rows=review_soon_rows, reminders=review_soon)
register_rule("review_overdue", rows=review_overdue_rows, reminders=review_overdue)
register_rule("contact_overdue", rows=contact_overdue_rows, reminders=contact_overdue)
register_rule("action_overdue", rows=action_overdue_rows, reminders=action_overdue)
register_rule("birthdays", rows=birthday_rows, reminders=birthdays)
register_rule("return_windows", rows=return_window_rows, reminders=return_windows)


register_kinds(NotificationKind)
