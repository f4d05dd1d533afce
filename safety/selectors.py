"""Reads of safety records that more than one page (or the dashboard) needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from common.diff import word_runs
from pathway.selectors import Home, home_histories
from people.models import Allocation, LegalStatus, User, YoungPerson
from people.selectors import people_at, people_on_any, people_on_days, young_people_visible_to
from safety import rules
from safety.models import (
    CustodyRelease,
    DutyToRefer,
    HomeAtRisk,
    Level,
    RiskAssessment,
    RiskEntry,
    SafetyContact,
    SafetyStep,
    StayingCloseAssessment,
)

# Who Staying Close is for: care leavers owed duties (not the qualifying group).
STAYING_CLOSE_STATUSES = (LegalStatus.ELIGIBLE, LegalStatus.RELEVANT, LegalStatus.FORMER_RELEVANT)


def _with_parts(assessments: QuerySet[RiskAssessment]) -> QuerySet[RiskAssessment]:
    return assessments.select_related("saved_by", "agreed_by").prefetch_related(
        Prefetch("entries", queryset=RiskEntry.objects.select_related("area")),
        "steps",
        "contacts",
    )


def versions(person: YoungPerson) -> QuerySet[RiskAssessment]:
    """Every saved version, newest first."""
    return person.risk_assessments.select_related("saved_by", "agreed_by").order_by("-number")


def version(person: YoungPerson, number: int) -> RiskAssessment | None:
    return _with_parts(person.risk_assessments.filter(number=number)).first()


def latest(person: YoungPerson) -> RiskAssessment | None:
    return _with_parts(person.risk_assessments.order_by("-number")).first()


def in_force(person: YoungPerson) -> RiskAssessment | None:
    """The newest version in force: a high level counts only once a manager has agreed it."""
    candidates = person.risk_assessments.exclude(highest_level=Level.HIGH, agreed_by__isnull=True)
    return _with_parts(candidates.order_by("-number")).first()


@dataclass(frozen=True)
class SharedPlan:
    """What of a safety plan the young person reads: only what is shared with them."""

    assessment: RiskAssessment
    entries: list[RiskEntry]
    steps: list[SafetyStep]
    contacts: list[SafetyContact]


def shared_plan(person: YoungPerson) -> SharedPlan | None:
    """The young person's own safety plan: the version in force, without unshared entries."""
    assessment = in_force(person)
    if assessment is None:
        return None
    return SharedPlan(
        assessment=assessment,
        entries=[entry for entry in assessment.entries.all() if entry.is_shared],
        steps=[step for step in assessment.steps.all() if step.is_shared],
        contacts=[contact for contact in assessment.contacts.all() if contact.is_shared],
    )


@dataclass(frozen=True)
class Change:
    area: str
    what: str
    old: str
    new: str

    @property
    def runs(self) -> list[tuple[str, str]]:
        """Word by word, for the comparison page."""
        return word_runs(self.old, self.new)


ENTRY_FIELDS = (
    ("level", "Level"),
    ("reason", "Why this level"),
    ("known", "What is known"),
    ("keeps_safe", "What keeps them safe"),
    ("warning_signs", "Warning signs"),
    ("shared", "Shared with the young person"),
)


def _entry_values(entry: RiskEntry | None) -> dict[str, str]:
    if entry is None:
        return dict.fromkeys(name for name, _ in ENTRY_FIELDS[:-1]) | {"shared": ""}
    return {
        "level": entry.get_level_display(),
        "reason": entry.reason,
        "known": entry.known,
        "keeps_safe": entry.keeps_safe,
        "warning_signs": entry.warning_signs,
        "shared": "Yes" if entry.is_shared else f"No: {entry.not_shared_reason}",
    }


def _lines(items, shown) -> str:
    return "\n".join(shown(item) for item in items)


def compare(old: RiskAssessment, new: RiskAssessment) -> list[Change]:
    """What changed from `old` to `new`, area by area, then the steps and people to call."""
    old_entries = {entry.area_id: entry for entry in old.entries.all()}
    new_entries = {entry.area_id: entry for entry in new.entries.all()}
    areas = {entry.area_id: entry.area for entry in [*old_entries.values(), *new_entries.values()]}
    changes = []
    for area in sorted(areas.values(), key=lambda a: (a.position, a.pk)):
        before = _entry_values(old_entries.get(area.pk))
        after = _entry_values(new_entries.get(area.pk))
        for name, label in ENTRY_FIELDS:
            if (before[name] or "") != (after[name] or ""):
                changes.append(Change(area.name, label, before[name] or "", after[name] or ""))

    def step(s):
        return f"{s.what} ({s.who}{f', by {s.by_when:%-d %B %Y}' if s.by_when else ''})"

    def contact(c):
        return f"{c.name}, {c.phone}"

    for label, shown, related in (
        ("Steps", step, "steps"),
        ("Who to call", contact, "contacts"),
    ):
        before = _lines(getattr(old, related).all(), shown)
        after = _lines(getattr(new, related).all(), shown)
        if before != after:
            changes.append(Change("Safety plan", label, before, after))
    if old.emergency_duty_team != new.emergency_duty_team:
        changes.append(
            Change(
                "Safety plan",
                "Emergency duty team",
                old.emergency_duty_team,
                new.emergency_duty_team,
            )
        )
    return changes


def homes_at_risk(person: YoungPerson) -> QuerySet[HomeAtRisk]:
    return person.homes_at_risk.prefetch_related(
        Prefetch("referrals", queryset=DutyToRefer.objects.order_by("referred_on", "pk"))
    )


def home_at_risk_for(person: YoungPerson, pk: int) -> HomeAtRisk | None:
    return homes_at_risk(person).filter(pk=pk).first()


def nights_without_home(person: YoungPerson, today: dt.date) -> list[Home]:
    """The stretches of the home history with no fixed abode, oldest first."""
    homes = home_histories([person.pk], until=today).get(person.pk, [])
    return [home for home in homes if home.is_without_home]


def custody_releases(person: YoungPerson) -> QuerySet[CustodyRelease]:
    return person.custody_releases.all()


def staying_close(person: YoungPerson) -> QuerySet[StayingCloseAssessment]:
    return person.staying_close_assessments.select_related("recorded_by")


def _joined_on(person: YoungPerson) -> dt.date:
    """The day they joined the service: their first PA, else the day their record was made
    (so a young person with no PA yet still falls due, and late)."""
    return min(
        (a.started_on for a in person.allocations.all()),
        default=timezone.localdate(person.created_at),
    )


def staying_close_due(person: YoungPerson, today: dt.date) -> dt.date | None:
    """When this young person's next Staying Close assessment is due (None if not owed)."""
    if person.legal_status not in STAYING_CLOSE_STATUSES:
        return None
    last = staying_close(person).first()
    return _staying_close_due_after(person, last.review_on if last else None)


def _staying_close_due_after(person: YoungPerson, last_review_on: dt.date | None) -> dt.date | None:
    if person.legal_status not in STAYING_CLOSE_STATUSES:
        return None
    return rules.staying_close_due_on(
        born=person.date_of_birth, joined_on=_joined_on(person), last_review_on=last_review_on
    )


@dataclass(frozen=True)
class ProfileSummary:
    """What the profile shows: the newest risk assessment version (its number, level, review
    date and agreement only, not saved), when each open home at risk's 56 days end, and
    when the next Staying Close assessment is due."""

    latest: RiskAssessment | None
    open_homes_end: list[dt.date]
    staying_close_due: dt.date | None


def profile_summary(person: YoungPerson) -> ProfileSummary:
    """The profile's safety summary in one query, whatever the number of versions or homes."""
    versions = RiskAssessment.objects.filter(young_person=OuterRef("pk")).order_by("-number")
    open_homes = (
        HomeAtRisk.objects.filter(young_person=OuterRef("pk"), closed_on__isnull=True)
        .order_by()
        .values("young_person")
        .annotate(ends=ArrayAgg("clock_ends_on", order_by=("-known_on", "-pk")))
        .values("ends")
    )
    last_review = StayingCloseAssessment.objects.filter(young_person=OuterRef("pk")).order_by(
        "-assessed_on", "-pk"
    )
    row = (
        YoungPerson.objects.filter(pk=person.pk)
        .values(
            number=Subquery(versions.values("number")[:1]),
            highest_level=Subquery(versions.values("highest_level")[:1]),
            review_due_on=Subquery(versions.values("review_due_on")[:1]),
            agreed_by_id=Subquery(versions.values("agreed_by")[:1]),
            open_homes_end=Subquery(open_homes),
            last_review_on=Subquery(last_review.values("review_on")[:1]),
        )
        .get()
    )
    latest = None
    if row["number"] is not None:
        latest = RiskAssessment(
            young_person=person,
            number=row["number"],
            highest_level=row["highest_level"],
            review_due_on=row["review_due_on"],
            agreed_by_id=row["agreed_by_id"],
        )
    return ProfileSummary(
        latest=latest,
        open_homes_end=row["open_homes_end"] or [],
        staying_close_due=_staying_close_due_after(person, row["last_review_on"]),
    )


@dataclass(frozen=True)
class StayingCloseRow:
    person: YoungPerson
    due_on: dt.date
    last: StayingCloseAssessment | None

    def is_late(self, today: dt.date) -> bool:
        return self.due_on < today


def staying_close_rows(user: User, today: dt.date) -> list[StayingCloseRow]:
    """Young people this user supports whose Staying Close assessment is due within four
    weeks or late, the longest overdue first; wherever they live (out of area too)."""
    people = (
        young_people_visible_to(user)
        .filter(
            legal_status__in=STAYING_CLOSE_STATUSES,
            date_of_birth__gt=_born_after_25(today),
        )
        .prefetch_related(
            "allocations",
            Prefetch(
                "staying_close_assessments",
                queryset=StayingCloseAssessment.objects.order_by("-assessed_on", "-pk"),
            ),
        )
    )
    rows = []
    horizon = today + dt.timedelta(weeks=4)
    for person in people:
        last = next(iter(person.staying_close_assessments.all()), None)
        joined = _joined_on(person)
        due = rules.staying_close_due_on(
            born=person.date_of_birth,
            joined_on=joined,
            last_review_on=last.review_on if last else None,
        )
        if due is not None and due <= horizon:
            rows.append(StayingCloseRow(person=person, due_on=due, last=last))
    return sorted(rows, key=lambda row: (row.due_on, row.person.pk))


def _born_after_25(today: dt.date) -> dt.date:
    """Born after this day: not yet 25 today."""
    try:
        return today.replace(year=today.year - 25)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 25, day=28)


def high_risks_reviewed_on_time(team_ids, days: list[dt.date]) -> list[tuple[int, int]]:
    """(reviewed on time, out of) for each day: young people supported then whose version in
    force that day had a high level, and whose review date had not passed."""
    results = []
    for day in days:
        people = people_at(day, team_ids)
        # The newest version saved by the day, in force (agreed) by then.
        assessments = (
            RiskAssessment.objects.filter(young_person__in=people, saved_on__lte=day)
            .exclude(highest_level=Level.HIGH, agreed_by__isnull=True)
            .order_by("young_person_id", "-number")
            .distinct("young_person_id")
            .values_list("highest_level", "review_due_on")
        )
        high = [due for level, due in assessments if level == Level.HIGH]
        results.append((sum(1 for due in high if due >= day), len(high)))
    return results


def staying_close_on_time(team_ids, days: list[dt.date]) -> list[tuple[int, int]]:
    """(done on time, out of) for each day: young people supported then whose Staying Close
    assessment had fallen due by the day, and had one made by its due date.

    In one pass over the days: who was supported on each, each young person's dates (first
    PA, the record made) and their assessments' dates, each read once."""
    supported = people_on_days(days, team_ids)
    people = (
        people_on_any(days, team_ids)
        .filter(legal_status__in=STAYING_CLOSE_STATUSES)
        .annotate(
            first_pa=Subquery(
                Allocation.objects.filter(young_person=OuterRef("pk"))
                .order_by("started_on")
                .values("started_on")[:1]
            )
        )
        .values_list("pk", "date_of_birth", "created_at", "first_pa")
    )
    first_due = {
        pk: rules.staying_close_due_on(
            born=born, joined_on=first_pa or timezone.localdate(created_at), last_review_on=None
        )
        for pk, born, created_at, first_pa in people
    }
    made: dict[int, list[tuple[dt.date, dt.date]]] = {}
    for pk, assessed_on, review_on in (
        StayingCloseAssessment.objects.filter(
            young_person__in=people_on_any(days, team_ids), assessed_on__lte=max(days)
        )
        .order_by("assessed_on", "pk")
        .values_list("young_person_id", "assessed_on", "review_on")
    ):
        made.setdefault(pk, []).append((assessed_on, review_on))
    results = []
    for day in days:
        due_count = on_time = 0
        for pk in supported[day]:
            due = first_due.get(pk)
            if due is None or due > day:
                continue
            due_count += 1
            done = [review_on for assessed_on, review_on in made.get(pk, []) if assessed_on <= day]
            if done and made[pk][0][0] <= due and done[-1] >= day:
                on_time += 1
        results.append((on_time, due_count))
    return results


def referrals_in_time(team_ids, months: list[tuple[dt.date, dt.date]]) -> list[tuple[int, int]]:
    """(referred within the 56 days, out of) for each month: homes at risk open at any time in
    the month, of young people supported at its end, whose clock had ended by the month's end
    or that were referred by then (one still mid-clock, not yet referred, is not due yet);
    referred by the month's end and within their clock."""
    results = []
    for first, last in months:
        people = people_at(last, team_ids)
        homes = HomeAtRisk.objects.filter(young_person__in=people, known_on__lte=last).exclude(
            closed_on__lt=first
        )
        referred_by_then = DutyToRefer.objects.filter(
            home_at_risk=OuterRef("pk"), referred_on__lte=last
        )
        homes = homes.filter(Q(clock_ends_on__lte=last) | Exists(referred_by_then))
        in_time = DutyToRefer.objects.filter(
            home_at_risk=OuterRef("pk"),
            referred_on__lte=last,
        ).filter(referred_on__lte=OuterRef("clock_ends_on"))
        rows = homes.annotate(referred=Exists(in_time)).values_list("referred", flat=True)
        rows = list(rows)
        results.append((sum(rows), len(rows)))
    return results
