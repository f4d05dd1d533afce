"""Reads about people that more than one view needs, scoped to who is asking."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import (
    Count,
    DateField,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404
from django.utils import timezone

from common.confirm import fingerprint
from people.models import Allocation, CodeFailure, Role, Team, User, YoungPerson


def code_failures_too_many(user: User) -> bool:
    """Whether the account has had its fill of wrong authenticator codes for now."""
    since = timezone.now() - settings.CODE_FAILURE_WINDOW
    recent = CodeFailure.objects.filter(user=user, at__gte=since)
    return recent.count() >= settings.CODE_FAILURE_LIMIT


def _current_allocations() -> QuerySet[Allocation]:
    return Allocation.objects.filter(ended_on__isnull=True)


def young_people_visible_to(user: User) -> QuerySet[YoungPerson]:
    """Every young person this user may open; lists and detail pages both start here."""
    people = YoungPerson.objects.all()
    if not user.is_authenticated:
        return people.none()
    if user.role == Role.CARE_LEAVER:
        return people.filter(user=user)
    if user.role == Role.PA:
        return people.filter(
            Exists(_current_allocations().filter(young_person=OuterRef("pk"), pa=user))
        )
    if user.role == Role.MANAGER:
        in_my_teams = _current_allocations().filter(
            young_person=OuterRef("pk"), pa__team__manager=user
        )
        unallocated = ~Exists(_current_allocations().filter(young_person=OuterRef("pk")))
        return people.filter(authority_id=user.authority_id).filter(
            Exists(in_my_teams) | unallocated
        )
    return people.none()


def young_person_for_user(user: User, pk: int) -> YoungPerson:
    """The young person, or 404 whether they do not exist or are not this user's to see."""
    people = (
        young_people_visible_to(user)
        .select_related("authority")  # every record page reads the council's settings
        .prefetch_related(
            # Who their PA is, and was, for the page and its permissions.
            Prefetch("allocations", queryset=Allocation.objects.select_related("pa", "pa__team"))
        )
        .filter(pk=pk)
    )
    try:
        return people.get()  # one row by its key: no ORDER BY, as `first()` would add
    except YoungPerson.DoesNotExist:
        raise Http404("No such young person") from None


def current_allocation(person: YoungPerson) -> Allocation | None:
    """The current allocation from an already prefetched `allocations`, without a query."""
    return next((a for a in person.allocations.all() if a.ended_on is None), None)


def name_search(people: QuerySet[YoungPerson], search: str) -> QuerySet[YoungPerson]:
    for term in search.split()[:5]:
        people = people.filter(
            Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
            | Q(preferred_name__icontains=term)
        )
    return people


# How people type a date of birth: 3/4/2007, 03-04-2007, 3 4 2007, 3 April 2007, 2007-04-03.
_BIRTH_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y", "%d %B %Y", "%d %b %Y")
_LARGEST_ID = 2**31 - 1


def typed_date(text: str) -> dt.date | None:
    """The date `text` is, in any of the ways people type one; None if it is not a date."""
    text = " ".join(text.replace(",", " ").split())
    for shape in (*_BIRTH_FORMATS, "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, shape).date()
        except ValueError:
            continue
    return None


def young_people_matching(people: QuerySet[YoungPerson], text: str) -> QuerySet[YoungPerson]:
    """`people` found by a date of birth, an ID (the child ID or the portal's own number) or
    a name, whichever `text` is. Each way has its index, so a council-wide search stays fast.
    """
    text = text.strip()
    born = typed_date(text)
    if born is not None:
        return people.filter(date_of_birth=born)
    if text.isalnum() and any(character.isdigit() for character in text):
        # `~Q(child_id="")` lets the (partial) unique index of child IDs serve the search.
        by_id = Q(child_id__in={text, text.upper()}) & ~Q(child_id="")
        if text.isascii() and text.isdigit() and int(text) <= _LARGEST_ID:
            by_id |= Q(pk=int(text))
        return people.filter(by_id)
    if not text:
        return people.none()
    return name_search(people, text)


def teams_for_manager(manager: User) -> QuerySet[Team]:
    """The manager's teams, each PA annotated with the size of their current caseload."""
    members = (
        User.objects.filter(role=Role.PA, is_active=True)
        .annotate(caseload=Count("allocations", filter=Q(allocations__ended_on__isnull=True)))
        .order_by("first_name", "last_name")
    )
    return Team.objects.filter(manager=manager).prefetch_related(
        Prefetch("members", queryset=members)
    )


def team_young_people(manager: User, *, search: str = "") -> QuerySet[YoungPerson]:
    """With a search, anyone the manager may see; without, those who have no PA.

    Each row carries its current PA's name, so the list needs no query per row.
    """
    current = _current_allocations().filter(young_person=OuterRef("pk"))
    people = with_pa_names(young_people_visible_to(manager))
    people = name_search(people, search) if search else people.filter(~Exists(current))
    return people.order_by("last_name", "first_name", "pk")


def with_pa_names(people: QuerySet[YoungPerson]) -> QuerySet[YoungPerson]:
    """Each row with its current PA's `pa_first_name` and `pa_last_name` (None without one),
    so a list needs no query per row."""
    current = _current_allocations().filter(young_person=OuterRef("pk"))
    return people.annotate(
        pa_first_name=Subquery(current.values("pa__first_name")[:1]),
        pa_last_name=Subquery(current.values("pa__last_name")[:1]),
    )


def pas_for_manager(manager: User) -> QuerySet[User]:
    """PAs a manager may allocate to: those in the teams they manage."""
    return (
        User.objects.filter(role=Role.PA, is_active=True, team__manager=manager)
        .annotate(caseload=Count("allocations", filter=Q(allocations__ended_on__isnull=True)))
        .order_by("first_name", "last_name")
    )


def handed_over_by(pa: User) -> QuerySet[YoungPerson]:
    """The young people a PA supports now: those their leaving date hands over."""
    return YoungPerson.objects.filter(
        Exists(_current_allocations().filter(young_person=OuterRef("pk"), pa=pa))
    ).order_by("last_name", "first_name", "pk")


def leaving_summary(pa: User, leaving_on: dt.date | None, manager: User) -> dict:
    """What setting (or cancelling) a PA's leaving date hands over: the young people by name
    where `manager` may see them, a count of any others, and `seen`, the fingerprint of
    exactly which young people and which date."""
    people = list(handed_over_by(pa))
    visible = set(
        young_people_visible_to(manager)
        .filter(pk__in=[p.pk for p in people])
        .values_list("pk", flat=True)
    )
    return {
        "pa": pa,
        "leaving_on": leaving_on,
        "shown": [person for person in people if person.pk in visible],
        "others": len([person for person in people if person.pk not in visible]),
        "count": len(people),
        "seen": fingerprint([pa.pk, leaving_on, sorted(person.pk for person in people)]),
    }


def own_record(user: User) -> YoungPerson | None:
    """A care leaver's own record with their allocations, or None if it is not linked yet."""
    return (
        YoungPerson.objects.filter(user=user)
        .select_related("authority")
        .prefetch_related(Prefetch("allocations", queryset=Allocation.objects.select_related("pa")))
        .first()
    )


def birthday_sql(age: int, field: str = "date_of_birth") -> Func:
    """The day someone turns `age`, in SQL, as common.dates.birthday counts it.

    PostgreSQL moves 29 February to the 28th in other years; the law in England (and
    `birthday`) counts the 1st of March, so a day is added back in that one case.
    """
    plus = "(%(expressions)s + make_interval(years => %(years)d))::date"
    return Func(
        F(field),
        template=(
            f"{plus} + CASE WHEN to_char(%(expressions)s, 'MM-DD') = '02-29' "
            f"AND to_char({plus}, 'MM-DD') = '02-28' THEN 1 ELSE 0 END"
        ),
        years=int(age),
        output_field=DateField(),
    )


def with_current_pa(rows: QuerySet, via: str = "") -> QuerySet:
    """Only rows whose young person has a PA now, annotated with `allocation_id`,
    `current_pa_id`, `allocated_on` and `manager_id` (the PA's team manager). `via` is the
    path from the rows to the young person ("" for young people, "plan__young_person", ...).
    """
    path = f"{via}__allocations" if via else "allocations"
    # `__isnull=False` in the same filter() makes the join an INNER one, so young people
    # who never had a PA (whose LEFT JOIN row is all NULLs) are not mistaken for current.
    current = {f"{path}__isnull": False, f"{path}__ended_on__isnull": True}
    return rows.filter(**current).annotate(
        allocation_id=F(f"{path}__pk"),
        current_pa_id=F(f"{path}__pa_id"),
        allocated_on=F(f"{path}__started_on"),
        manager_id=F(f"{path}__pa__team__manager_id"),
    )


def running_on(day: dt.date, path: str = "") -> Q:
    """An allocation running on `day` (`path` leads to it, e.g. "allocations__"). One that
    ends on `day` has handed over that day, so someone moved between teams counts in the new."""
    return Q(**{f"{path}started_on__lte": day}) & (
        Q(**{f"{path}ended_on__isnull": True}) | Q(**{f"{path}ended_on__gt": day})
    )


def active_allocations(day: dt.date, team_ids) -> QuerySet[Allocation]:
    """Allocations running on `day` with a PA in one of these teams."""
    return Allocation.objects.filter(running_on(day), pa__team__in=team_ids)


def people_at(day: dt.date, team_ids) -> QuerySet[YoungPerson]:
    """The young people these teams supported on `day`."""
    return YoungPerson.objects.filter(
        Exists(active_allocations(day, team_ids).filter(young_person=OuterRef("pk")))
    )


def people_on_days(days: list[dt.date], team_ids) -> dict[dt.date, dict[int, dt.date]]:
    """For each of `days`, the young people these teams supported then (as `people_at` says),
    each with their date of birth: one query for all the days, for figures by month."""
    supported: dict[dt.date, dict[int, dt.date]] = {day: {} for day in days}
    if not days:
        return supported
    rows = (
        Allocation.objects.filter(pa__team__in=team_ids, started_on__lte=max(days))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=min(days)))
        .order_by()
        .values_list("young_person_id", "young_person__date_of_birth", "started_on", "ended_on")
    )
    for pk, born, started_on, ended_on in rows:
        for day in days:
            if started_on <= day and (ended_on is None or ended_on > day):
                supported[day][pk] = born
    return supported


def people_on_any(days: list[dt.date], team_ids) -> QuerySet[YoungPerson]:
    """Everyone these teams supported on any of `days`, to narrow a query for
    `people_on_days`: for one day exactly `people_at`, for several those with an allocation
    to the teams at some time between the first day and the last."""
    if len(days) == 1:
        return people_at(days[0], team_ids)
    overlapping = Allocation.objects.filter(
        pa__team__in=team_ids, started_on__lte=max(days), young_person=OuterRef("pk")
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=min(days)))
    return YoungPerson.objects.filter(Exists(overlapping))


def dashboard_teams(manager: User) -> QuerySet[Team]:
    """A service manager sees every team of the council; a manager, the teams they manage."""
    if manager.sees_all_teams:
        return Team.objects.filter(authority_id=manager.authority_id)
    return Team.objects.filter(manager=manager)
