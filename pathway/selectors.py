"""Reads about plans, contacts and circumstances, scoped to who is asking."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, GreaterThan, In

from common.dates import add_months
from pathway import due
from pathway.models import (
    TRANSITION_FIELDS,
    AccommodationSpell,
    AccommodationType,
    Action,
    ActionStatus,
    ActionUndo,
    ActivitySpell,
    Contact,
    ContactCorrection,
    ContactRequest,
    Document,
    DocumentMove,
    HealthPassport,
    Plan,
    PlanVersion,
    Review,
    ReviewReason,
    ReviewRequest,
    ReviewState,
    Section,
)
from people.models import User, YoungPerson
from people.selectors import birthday_sql, name_search, young_people_visible_to

# Reviews due within this many days show as "due soon".
DUE_SOON_DAYS = 28


def _current_home(field: str) -> Subquery:
    """A field of the plan's young person's latest home, as a subquery (None: none recorded)."""
    return Subquery(
        AccommodationSpell.objects.filter(young_person=OuterRef("young_person"))
        .order_by("-started_on", "-pk")
        .values(field)[:1]
    )


def plan_detail(young_person_id: int) -> Plan | None:
    """The plan with everything its pages show, in a fixed number of queries.

    `home_suitable` and `home_kind` are the current home's, from the accommodation history:
    the plan's judgement of suitability is kept there and nowhere else."""
    return (
        Plan.objects.select_related("young_person")
        .annotate(home_suitable=_current_home("suitable"), home_kind=_current_home("kind"))
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=Section.objects.select_related("updated_by").prefetch_related("views"),
            ),
            Prefetch(
                "actions",
                queryset=Action.objects.select_related("done_by").prefetch_related(
                    Prefetch("undos", queryset=ActionUndo.objects.select_related("undone_by"))
                ),
            ),
            Prefetch(
                "reviews",
                # Each signed version's content is the whole plan as JSON: not read here.
                queryset=Review.objects.select_related("recorded_by", "signed_by", "version").defer(
                    "version__content"
                ),
            ),
            Prefetch(
                "review_requests",
                queryset=ReviewRequest.objects.filter(answered_by__isnull=True).select_related(
                    "raised_by"
                ),
                to_attr="open_requests",
            ),
        )
        .filter(young_person_id=young_person_id)
        .first()
    )


def plan_version(plan: Plan, number: int) -> PlanVersion | None:
    return plan.versions.select_related("review", "signed_by").filter(number=number).first()


def latest_version(plan: Plan) -> PlanVersion | None:
    return plan.versions.select_related("review").first()


def _next_birthday_that_matters(today: dt.date):
    return Case(
        *(
            When(
                GreaterThan(birthday_sql(age), Value(today)),
                then=birthday_sql(age),
            )
            for age in due.BIRTHDAYS_THAT_MATTER
        ),
        default=None,
        output_field=DateField(),
    )


CASELOAD_FILTERS = {
    "review_overdue": "Review overdue",
    "review_soon": "Review due in the next 4 weeks",
    "no_plan": "No signed plan",
    "contact_overdue": "Contact overdue",
    "actions_overdue": "Actions overdue",
    "asked": "Asked you to get in touch or for a review",
}
CASELOAD_SORTS = {
    "name": "Name",
    "review": "Review due",
    "contact": "Contact due",
    "birthday": "Next birthday that matters",
}


def caseload(
    pa: User, *, today: dt.date, search: str = "", show: str = "", sort: str = "name"
) -> QuerySet[YoungPerson]:
    """A PA's young people with what needs doing for each, in one query however many.

    Each row carries: allocated_on, review_due, last_signed, last_contact, contact_due,
    actions_overdue, contact_asked and review_asked; sorted by birthday, next_birthday (18,
    21 or 25) too.
    """
    last_contact = (
        Contact.objects.filter(young_person=OuterRef("pk"))
        .order_by("-happened_on")
        .values("happened_on")[:1]
    )
    overdue_actions = (
        Action.objects.filter(
            plan__young_person=OuterRef("pk"), status=ActionStatus.OPEN, due_on__lt=today
        )
        .values("plan")
        .annotate(n=Count("pk"))
        .values("n")
    )
    people = (
        YoungPerson.objects.filter(allocations__pa=pa, allocations__ended_on__isnull=True)
        .annotate(
            allocated_on=F("allocations__started_on"),
            plan_id=F("pathway_plan__pk"),
            review_due=F("pathway_plan__review_due_on"),
            last_signed=F("pathway_plan__last_signed_on"),
            last_contact=Subquery(last_contact, output_field=DateField()),
            actions_overdue=Coalesce(Subquery(overdue_actions, output_field=IntegerField()), 0),
            contact_asked=Exists(open_contact_requests().filter(young_person=OuterRef("pk"))),
            review_asked=Exists(
                reviews_asked_not_started().filter(plan__young_person=OuterRef("pk"))
            ),
        )
        .annotate(
            contact_due=ExpressionWrapper(
                Coalesce("last_contact", "allocated_on")
                + F("authority__contact_interval_weeks") * 7,
                output_field=DateField(),
            )
        )
    )
    people = name_search(people, search)
    flags = {
        "review_overdue": Q(review_due__lt=today),
        "review_soon": Q(
            review_due__gte=today, review_due__lte=today + dt.timedelta(days=DUE_SOON_DAYS)
        ),
        "no_plan": Q(last_signed__isnull=True),
        "contact_overdue": Q(contact_due__lt=today),
        "actions_overdue": Q(actions_overdue__gt=0),
        "asked": Q(contact_asked=True) | Q(review_asked=True),
    }
    if show in flags:
        people = people.filter(flags[show])
    if sort == "birthday":  # the page works the birthday out for each row it shows
        people = people.annotate(next_birthday=_next_birthday_that_matters(today))
    order = {
        "review": [F("review_due").asc(nulls_first=True)],
        "contact": [F("contact_due").asc()],
        "birthday": [F("next_birthday").asc(nulls_last=True)],
    }.get(sort, [])
    return people.order_by(*order, "last_name", "first_name", "pk")


def open_contact_requests() -> QuerySet[ContactRequest]:
    return ContactRequest.objects.filter(answered_at__isnull=True)


def reviews_asked_not_started() -> QuerySet[ReviewRequest]:
    """Reviews young people asked for that are not yet answered (a signed review answers
    them) nor started (a review of the plan is recorded and waiting for sign-off)."""
    started = Review.objects.filter(plan=OuterRef("plan")).exclude(state=ReviewState.SIGNED)
    return ReviewRequest.objects.filter(
        reason=ReviewReason.YOUNG_PERSON_ASKED, answered_by__isnull=True
    ).exclude(Exists(started))


def contact_requests_for_pa(pa: User) -> QuerySet[ContactRequest]:
    """Open requests to get in touch from this PA's young people, oldest first."""
    return (
        open_contact_requests()
        .filter(young_person__allocations__pa=pa, young_person__allocations__ended_on__isnull=True)
        .select_related("young_person")
        .order_by("asked_at", "pk")
    )


def contact_request_open(person: YoungPerson) -> ContactRequest | None:
    return open_contact_requests().filter(young_person=person).first()


@dataclass(frozen=True)
class ContactStatus:
    last_contact: Contact | None
    due_on: dt.date
    interval_weeks: int

    def is_overdue(self, today: dt.date) -> bool:
        return self.due_on < today


def contact_status(person: YoungPerson, since: dt.date) -> ContactStatus:
    """The last contact and when the next is due (from `since`, if there has been none)."""
    last = person.contacts.select_related("recorded_by").first()
    weeks = person.authority.contact_interval_weeks
    return ContactStatus(
        last_contact=last,
        due_on=due.contact_due_on(last.happened_on if last else None, since, weeks),
        interval_weeks=weeks,
    )


def contacts_for(person: YoungPerson) -> QuerySet[Contact]:
    """Contacts with their corrections (each earlier note, who corrected it and when)."""
    return person.contacts.select_related("recorded_by").prefetch_related(
        Prefetch("corrections", queryset=ContactCorrection.objects.select_related("corrected_by"))
    )


@dataclass(frozen=True)
class Situation:
    accommodation: AccommodationSpell | None
    activity: ActivitySpell | None


def situation_on(person: YoungPerson, day: dt.date) -> Situation:
    """Where the young person lived and what they were doing on `day`, as recorded."""
    return Situation(
        accommodation=person.accommodation_spells.filter(started_on__lte=day)
        .order_by("-started_on")
        .first(),
        activity=person.activity_spells.filter(started_on__lte=day).order_by("-started_on").first(),
    )


def birthday_facts_initial(person: YoungPerson, window, today: dt.date) -> dict:
    """The birthday questions filled in from the histories: what was recorded on the day
    (today, for a birthday to come), or failing that the first thing recorded after it."""
    day = min(window.birthday, today)
    initial = {}
    activity = (
        person.activity_spells.filter(started_on__lte=day).order_by("-started_on").first()
        or person.activity_spells.filter(started_on__gt=day).order_by("started_on").first()
    )
    if activity is not None:
        initial["birthday_activity"] = activity.code
    home = (
        person.accommodation_spells.filter(started_on__lte=day).order_by("-started_on").first()
        or person.accommodation_spells.filter(started_on__gt=day).order_by("started_on").first()
    )
    if home is not None:
        initial["birthday_home"] = home.kind
        initial["birthday_home_suitable"] = "yes" if home.suitable else "no"
    return initial


def histories(person: YoungPerson) -> tuple[QuerySet, QuerySet]:
    return (
        person.accommodation_spells.select_related("recorded_by"),
        person.activity_spells.select_related("recorded_by"),
    )


@dataclass(frozen=True)
class Home:
    """A stretch of one young person's home history, for counting across many of them."""

    young_person_id: int
    started_on: dt.date
    ended_on: dt.date | None  # the day the next home began; None for the home they have now
    kind: str
    kind_label: str
    suitable: bool

    @property
    def nights(self) -> int | None:
        """Nights spent here, once they have moved on."""
        return (self.ended_on - self.started_on).days if self.ended_on else None

    @property
    def is_without_home(self) -> bool:
        return self.kind == NO_FIXED_ABODE

    def nights_in(self, first: dt.date, last: dt.date) -> int:
        """Nights spent here from `first` to `last` (both days included)."""
        start = max(self.started_on, first)
        end = min(self.ended_on or (last + dt.timedelta(days=1)), last + dt.timedelta(days=1))
        return max((end - start).days, 0)


NO_FIXED_ABODE = AccommodationType.S
ACCOMMODATION_TYPES = AccommodationType


def home_histories(
    young_people, *, until: dt.date, ever_in: frozenset | None = None
) -> dict[int, list[Home]]:
    """Every young person's homes up to `until`, oldest first, by young person (one query);
    with `ever_in` (kinds of home), only of those who had one of them by then.

    The plan's re-judgements of the same home are not moves: they change its suitability
    from their day, as a new stretch."""
    labels = dict(AccommodationType.choices)
    spells = AccommodationSpell.objects.filter(young_person__in=young_people, started_on__lte=until)
    if ever_in is not None:
        spells = spells.filter(
            young_person__in=spells.filter(kind__in=ever_in).values("young_person_id")
        )
    spells = spells.order_by("young_person_id", "started_on", "pk").values_list(
        "young_person_id", "started_on", "kind", "suitable"
    )
    histories: dict[int, list[Home]] = {}
    for person_id, started_on, kind, suitable in spells:
        homes = histories.setdefault(person_id, [])
        if homes:
            homes[-1] = dataclasses.replace(homes[-1], ended_on=started_on)
        homes.append(Home(person_id, started_on, None, kind, labels.get(kind, kind), suitable))
    return histories


def health_passport(person: YoungPerson) -> HealthPassport | None:
    return HealthPassport.objects.filter(young_person=person).select_related("updated_by").first()


def transition_needs(people: QuerySet[YoungPerson]) -> list[tuple[YoungPerson, list[str]]]:
    """Each of these young people whose health passport says they will need adult services
    (known to CAMHS, an EHC plan, an ADHD diagnosis), with which of TRANSITION_FIELDS hold."""
    any_need = Q()
    for name in TRANSITION_FIELDS:
        any_need |= Q(**{name: True})
    passports = (
        HealthPassport.objects.filter(any_need, young_person__in=people)
        .select_related("young_person")
        .order_by("young_person__date_of_birth", "young_person_id")
    )
    return [
        (passport.young_person, [name for name in TRANSITION_FIELDS if getattr(passport, name)])
        for passport in passports
    ]


def documents_for(person: YoungPerson) -> QuerySet[Document]:
    return person.documents.select_related("uploaded_by")


def documents_for_young_person(person: YoungPerson) -> QuerySet[Document]:
    """What the young person sees of their documents: what they added, and what staff shared."""
    return person.documents.filter(
        Q(shared_with_young_person=True) | Q(uploaded_by_id=person.user_id)
    ).select_related("uploaded_by")


def own_document(user: User, document_id: int) -> Document | None:
    """One of the care leaver's own documents that they may see, or None (never another's)."""
    return (
        Document.objects.filter(pk=document_id, young_person__user=user)
        .filter(Q(shared_with_young_person=True) | Q(uploaded_by=user))
        .select_related("young_person")
        .first()
    )


def document_moves_for(person: YoungPerson) -> QuerySet[DocumentMove]:
    """Documents moved onto or off this record, newest first (the other record unnamed)."""
    return DocumentMove.objects.filter(
        Q(from_young_person=person) | Q(to_young_person=person)
    ).select_related("moved_by", "document")


def document_for_user(user: User, young_person_id: int, document_id: int) -> Document | None:
    """The document, if it belongs to a young person this user may see."""
    return (
        Document.objects.filter(
            pk=document_id,
            young_person_id=young_person_id,
            young_person__in=young_people_visible_to(user),
        )
        .select_related("young_person")
        .first()
    )


def reviews_to_sign(manager: User) -> QuerySet[Review]:
    """Reviews waiting for sign-off by this manager (their PAs' young people); oldest first."""
    return (
        Review.objects.filter(
            state=ReviewState.AWAITING,
            plan__young_person__allocations__ended_on__isnull=True,
            plan__young_person__allocations__pa__team__manager=manager,
        )
        .select_related("plan__young_person", "recorded_by")
        .order_by("held_on", "pk")
    )


def open_actions_for(person: YoungPerson) -> QuerySet[Action]:
    return Action.objects.filter(plan__young_person=person, status=ActionStatus.OPEN)


def contact_by_pa_since(*, young_person, pa, since) -> Exists:
    """ "This PA has logged contact with this young person since that day", as an Exists().

    The arguments may be OuterRef()s, so a list can ask it of every row in one query.
    """
    return Exists(
        Contact.objects.filter(young_person=young_person, recorded_by=pa, happened_on__gte=since)
    )


EET_ACTIVITIES = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5")


def _latest_on(model, day: dt.date, field: str):
    """The young person's spell that had started by `day`, as a subquery of `field`."""
    return Subquery(
        model.objects.filter(young_person=OuterRef("pk"), started_on__lte=day)
        .order_by("-started_on", "-pk")
        .values(field)[:1]
    )


def _measures(day: dt.date, interval_weeks: int) -> dict:
    """What the dashboard asks of each young person on `day`, as SQL expressions."""
    review_from = add_months(day, -settings.PATHWAY_REVIEW_MONTHS)
    first_plan_from = add_months(day, -settings.PATHWAY_FIRST_PLAN_MONTHS)
    return {
        "activity": _latest_on(ActivitySpell, day, "code"),
        "suitable": _latest_on(AccommodationSpell, day, "suitable"),
        "in_touch": Exists(
            Contact.objects.filter(
                young_person=OuterRef("pk"),
                happened_on__lte=day,
                happened_on__gte=day - dt.timedelta(weeks=interval_weeks),
            )
        ),
        "reviewed": Exists(
            Review.objects.filter(
                plan__young_person=OuterRef("pk"),
                state=ReviewState.SIGNED,
                held_on__gte=review_from,
                held_on__lte=day,
            )
        ),
        "first_plan_not_due": Exists(
            Plan.objects.filter(
                young_person=OuterRef("pk"), started_on__gte=first_plan_from, started_on__lte=day
            )
        ),
    }


def on_day(people: QuerySet[YoungPerson], day: dt.date, interval_weeks: int):
    """`people` with what the dashboard counts on `day`, for the lists behind its figures:
    activity, suitable, in_touch, on_time (reviewed in the review period, or a first plan not
    yet due) and actions_overdue."""
    overdue = Action.objects.filter(plan__young_person=OuterRef("pk"), due_on__lt=day).filter(
        _not_done_by(day)
    )
    measures = _measures(day, interval_weeks)
    return people.annotate(
        activity=measures["activity"],
        suitable=measures["suitable"],
        in_touch=measures["in_touch"],
        on_time=ExpressionWrapper(
            Q(measures["reviewed"]) | Q(measures["first_plan_not_due"]),
            output_field=BooleanField(),
        ),
        actions_overdue=Coalesce(
            Subquery(
                overdue.values("plan").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            0,
        ),
    )


def dashboard_counts(people: QuerySet[YoungPerson], day: dt.date, interval_weeks: int) -> dict:
    """The figures for `day` in two aggregate queries, however many young people.

    The measures go straight into the aggregate's filters (not through annotations, which
    Django would move into a subquery the filters could no longer see)."""
    aged_19_to_21 = Q(
        date_of_birth__lte=add_months(day, -19 * 12),
        date_of_birth__gt=add_months(day, -22 * 12),
    )
    measures = _measures(day, interval_weeks)
    counts = people.aggregate(
        everyone=Count("pk"),
        aged=Count("pk", filter=aged_19_to_21),
        eet=Count("pk", filter=aged_19_to_21 & Q(In(measures["activity"], list(EET_ACTIVITIES)))),
        suitable=Count("pk", filter=Q(Exact(measures["suitable"], True))),
        in_touch=Count("pk", filter=Q(measures["in_touch"])),
        on_time=Count("pk", filter=Q(measures["reviewed"]) | Q(measures["first_plan_not_due"])),
    )
    counts["actions_overdue"] = overdue_actions_on(people, day).count()
    return counts


def overdue_actions_on(people: QuerySet[YoungPerson], day: dt.date) -> QuerySet[Action]:
    """Actions of these young people's plans past their date on `day` and not done by then."""
    return Action.objects.filter(plan__young_person__in=people, due_on__lt=day).filter(
        _not_done_by(day)
    )


def _not_done_by(day: dt.date) -> Q:
    """Still open, or done only after `day` (a dropped action counts as not overdue)."""
    return Q(status=ActionStatus.OPEN, done_on__isnull=True) | Q(done_on__gt=day)
