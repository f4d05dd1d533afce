"""What pathway adds to a young person's subject access pack (people.subject_access).

Everything pathway holds about them: the plan, its reviews and signed versions, contacts with
their notes, homes and activities, the health passport and the list of documents. Staff
names are included; nothing here reads another young person's records.
"""

from __future__ import annotations

from pathway import selectors
from pathway.models import (
    HEALTH_FIELDS_FOR_YOUNG_PERSON,
    SUITABILITY_POINTS,
    Plan,
    PlanVersion,
    ReviewReason,
    ReviewRequest,
)
from people.models import YoungPerson
from people.subject_access import Table

PLAN_COLUMNS = ("Part of the plan", "Needs", "Strengths", "What you said", "How needs will be met")


def _name(user) -> str:
    return user.get_full_name() if user else ""


def tables(person: YoungPerson, full: bool) -> list[Table]:
    plan = selectors.plan_detail(person.pk)
    return [
        *(_plan_tables(plan, full) if plan else []),
        *_record_tables(person, full),
    ]


def _plan_tables(plan: Plan, full: bool) -> list[Table]:
    sections = list(plan.sections.all())
    suitability = dict(SUITABILITY_POINTS)
    accommodation = next((s for s in sections if s.matter == "accommodation"), None)
    versions = PlanVersion.objects.filter(plan=plan).select_related("signed_by", "review")
    requests = ReviewRequest.objects.filter(plan=plan).select_related("raised_by")
    if not full:
        # A review brought forward for a high risk says there is one, which their safety
        # plan may not share with them (information from others): staff's full pack only.
        requests = requests.exclude(reason=ReviewReason.HIGH_RISK)
    return [
        Table(
            title="Your pathway plan now",
            filename="plan",
            intro=f"Started on {plan.started_on:%-d %B %Y}. Next review by "
            f"{plan.review_due_on:%-d %B %Y}.",
            columns=(*PLAN_COLUMNS, "Last changed", "Changed by"),
            rows=[
                (
                    s.get_matter_display(),
                    s.needs,
                    s.strengths,
                    s.young_person_says,
                    s.how_met,
                    s.updated_at,
                    _name(s.updated_by),
                )
                for s in sections
                if not s.is_empty
            ],
        ),
        Table(
            title="Whether your home is right for you",
            filename="plan-accommodation",
            columns=("Point", "What the plan says"),
            rows=[
                (suitability.get(key, "Suitable overall"), note)
                for key, note in (accommodation.suitability if accommodation else {}).items()
            ],
        ),
        Table(
            title="What you wrote on your plan",
            filename="plan-your-views",
            columns=("Part of the plan", "Written on", "What you wrote"),
            rows=[
                (s.get_matter_display(), view.written_at, view.text)
                for s in sections
                for view in s.views.all()
            ],
        ),
        Table(
            title="Steps in your plan",
            filename="plan-steps",
            columns=("Part of the plan", "What", "Who", "By when", "What happened", "Done on"),
            rows=[
                (a.get_matter_display(), a.what, a.who, a.due_on, a.get_status_display(), a.done_on)
                for a in plan.actions.all()
            ],
        ),
        Table(
            title="Reviews of your plan",
            filename="plan-reviews",
            columns=(
                "Review",
                "Held on",
                "Who took part",
                "You took part",
                "Outcome",
                "Where it is",
                "Signed off by",
                "Signed off on",
            ),
            rows=[
                (
                    r.number,
                    r.held_on,
                    r.participants,
                    r.young_person_took_part,
                    r.outcome,
                    r.get_state_display(),
                    _name(r.signed_by),
                    r.signed_at,
                )
                for r in plan.reviews.all()
            ],
        ),
        Table(
            title="When a review was asked for",
            filename="plan-review-requests",
            columns=("Asked on", "Why", "Note", "Asked by"),
            rows=[
                (r.raised_on, r.get_reason_display(), r.note, _name(r.raised_by)) for r in requests
            ],
        ),
        Table(
            title="Signed versions of your plan",
            filename="plan-signed-versions",
            intro="Each time a review is signed off, the whole plan is kept as it was then.",
            columns=("Version", "Signed off on", "Signed off by", *PLAN_COLUMNS),
            rows=[
                (
                    v.number,
                    v.signed_at,
                    _name(v.signed_by),
                    section["title"],
                    section.get("needs", ""),
                    section.get("strengths", ""),
                    section.get("young_person_says", ""),
                    section.get("how_met", ""),
                )
                for v in versions
                for section in v.content.get("sections", [])
                if any(
                    section.get(k) for k in ("needs", "strengths", "young_person_says", "how_met")
                )
            ],
        ),
    ]


# In the young person's own download, in place of staff's notes and unshared documents.
ASK_STAFF = (
    "Your PA's notes{what} are not in this download. Ask your PA for them: the service checks "
    "them first, as the law asks, and sends them to you within a month."
)


def _record_tables(person: YoungPerson, full: bool) -> list[Table]:
    accommodation, activity = selectors.histories(person)
    passport = selectors.health_passport(person)
    contacts = selectors.contacts_for(person)
    documents = (
        selectors.documents_for(person) if full else selectors.documents_for_young_person(person)
    )
    return [
        Table(
            title="Keeping in touch",
            filename="contacts",
            intro="" if full else ASK_STAFF.format(what=""),
            columns=("Date", "How", "You were seen", *(("What was noted",) if full else ()))
            + ("Recorded by",),
            rows=[
                (
                    c.happened_on,
                    c.get_method_display(),
                    c.seen,
                    *((c.note,) if full else ()),
                    _name(c.recorded_by),
                )
                for c in contacts
            ],
        ),
        Table(
            title="Where you have lived",
            filename="homes",
            columns=("From", "Type of home", "Right for you", "Where", "Recorded by"),
            rows=[
                (
                    s.started_on,
                    s.get_kind_display(),
                    s.suitable,
                    s.description,
                    _name(s.recorded_by),
                )
                for s in accommodation
            ],
        ),
        Table(
            title="What you have been doing",
            filename="activities",
            columns=("From", "Main activity", "Details", "Recorded by"),
            rows=[
                (s.started_on, s.get_code_display(), s.description, _name(s.recorded_by))
                for s in activity
            ],
        ),
        Table(
            title="Your health passport",
            filename="health",
            columns=("What", "What we have recorded"),
            rows=[
                (label, getattr(passport, name))
                for name, label in HEALTH_FIELDS_FOR_YOUNG_PERSON.items()
                if passport and getattr(passport, name)
            ],
        ),
        Table(
            title="Your documents",
            filename="documents",
            intro="The documents themselves are not in this pack. Ask your PA for a copy of any."
            + ("" if full else " " + ASK_STAFF.format(what=" and documents not shared with you")),
            columns=("Name", "What it is", "Added on", "Added by", "You can see it in the portal"),
            rows=[
                (
                    d.title,
                    d.get_kind_display(),
                    d.uploaded_at,
                    "You" if d.added_by_young_person else _name(d.uploaded_by),
                    d.added_by_young_person or d.shared_with_young_person,
                )
                for d in documents
            ],
        ),
    ]
