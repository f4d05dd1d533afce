"""What safety adds to a young person's subject access pack (people.subject_access).

Staff's full pack holds every version of the risk assessment, with what is not shared and
why, and the homelessness and Staying Close records. The young person's own download holds
only their safety plan as they read it on /my/safety/: what is shared with them.
"""

from __future__ import annotations

from people.models import YoungPerson
from people.subject_access import Table
from safety import selectors

ENTRY_COLUMNS = ("Area", "Level", "Why", "What is known", "What keeps you safe", "Warning signs")


def _entry_row(entry) -> tuple:
    return (
        entry.area.name,
        entry.get_level_display(),
        entry.reason,
        entry.known,
        entry.keeps_safe,
        entry.warning_signs,
    )


def tables(person: YoungPerson, full: bool) -> list[Table]:
    return _full_tables(person) if full else _own_tables(person)


def _own_tables(person: YoungPerson) -> list[Table]:
    plan = selectors.shared_plan(person)
    if plan is None:
        return []
    return [
        Table(
            title="Your safety plan",
            filename="safety-plan",
            intro=f"Agreed on {plan.assessment.saved_on:%-d %B %Y}.",
            columns=ENTRY_COLUMNS,
            rows=[_entry_row(entry) for entry in plan.entries],
        ),
        Table(
            title="Steps to keep you safe",
            filename="safety-plan-steps",
            columns=("What", "Who", "By when"),
            rows=[(s.what, s.who, s.by_when) for s in plan.steps],
        ),
        Table(
            title="Who to call",
            filename="safety-plan-contacts",
            columns=("Who", "Number", "When to call them"),
            rows=[(c.name, c.phone, c.why) for c in plan.contacts],
        ),
    ]


def _full_tables(person: YoungPerson) -> list[Table]:
    assessments = [selectors.version(person, v.number) for v in selectors.versions(person)]
    shared = ("Shared with you", "Why not shared")
    return [
        Table(
            title="Risk assessments, every version",
            filename="risk-assessments",
            columns=("Version", "Saved on", "Saved by", *ENTRY_COLUMNS, *shared),
            rows=[
                (
                    a.number,
                    a.saved_on,
                    a.saved_by.get_full_name(),
                    *_entry_row(e),
                    e.is_shared,
                    e.not_shared_reason,
                )
                for a in assessments
                for e in a.entries.all()
            ],
        ),
        Table(
            title="Safety plan steps and people to call, every version",
            filename="risk-assessment-steps",
            columns=("Version", "Step or person to call", "Who or number", "By when", *shared),
            rows=[
                *(
                    (a.number, s.what, s.who, s.by_when, s.is_shared, s.not_shared_reason)
                    for a in assessments
                    for s in a.steps.all()
                ),
                *(
                    (a.number, c.name, c.phone, None, c.is_shared, c.not_shared_reason)
                    for a in assessments
                    for c in a.contacts.all()
                ),
            ],
        ),
        Table(
            title="Homes at risk",
            filename="homes-at-risk",
            columns=("What", "Known on", "Eviction date", "Referred to", "Referred on", "Ended"),
            rows=[
                (
                    h.get_risk_display(),
                    h.known_on,
                    h.eviction_on,
                    ", ".join(r.housing_authority for r in h.referrals.all()),
                    ", ".join(f"{r.referred_on:%-d %B %Y}" for r in h.referrals.all()),
                    h.get_outcome_display(),
                )
                for h in selectors.homes_at_risk(person)
            ],
        ),
        Table(
            title="Release from custody",
            filename="custody-releases",
            columns=("Release date", "Where", "Planning from", "Where you will live"),
            rows=[
                (c.release_on, c.establishment, c.planning_from, c.accommodation_plan)
                for c in selectors.custody_releases(person)
            ],
        ),
        Table(
            title="Staying Close assessments",
            filename="staying-close",
            columns=("Assessed on", "Needs", "Decision", "Support", "Review by"),
            rows=[
                (
                    s.assessed_on,
                    s.needs,
                    s.get_decision_display(),
                    ", ".join(s.support_labels),
                    s.review_on,
                )
                for s in selectors.staying_close(person)
            ],
        ),
    ]
