"""What the nightly sweep sends, pinned against a definition of each rule.

The sweep reads rows of only the columns it needs and inserts without model objects (for
speed at 100,000 young people); here each rule is defined again the plain way, from whole
records and their own properties, and for a small world on several days the notifications
the sweep makes must be exactly those: recipient, key, kind, message, link, due date, young
person and email state.
"""

import dataclasses
import datetime as dt
from unittest.mock import patch

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from common.dates import add_months, birthday
from common.lookups import among
from finance import services as finance_services
from finance.models import Award
from finance.selectors import awards_for
from finance.templatetags.finance_tags import pounds
from handovers import day as handovers_day
from notifications.kinds import is_digest
from notifications.models import EmailState, Notification
from notifications.services import links, rule_run, rules
from partners.models import Referral, ReferralStatus
from pathway import services as pathway_services
from pathway.models import Action, ActionOwner, ActionStatus, Matter, Plan
from people.models import Allocation, EndReason, User, YoungPerson
from tests.factories import (
    AllocationFactory,
    YoungPersonFactory,
    care_leaver_account,
    partner_world,
    pathway_world,
    scheme,
    signed_plan,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
CHANGED = {
    "review_due",
    "review_overdue",
    "review_escalated",
    "contact_overdue",
    "action_overdue",
    "birthday",
    "award_unspent",
    "referral_no_answer",
}


def _day(day: dt.date) -> str:
    return f"{day:%-d %B %Y}"


def defined(day: dt.date) -> set[tuple]:
    """Every notification the changed rules should make on `day`, from whole records."""
    current = {
        allocation.young_person_id: allocation
        for allocation in Allocation.objects.filter(ended_on__isnull=True).select_related(
            "pa__team"
        )
    }
    made = []

    def tell(recipient_id, key, kind, message, link, person_id, due_on):
        made.append((recipient_id, key, kind, message, link, person_id, due_on))

    for plan in Plan.objects.select_related("young_person"):
        person, due, allocation = (
            plan.young_person,
            plan.review_due_on,
            current.get(plan.young_person_id),
        )
        if allocation is None or due is None:
            continue
        link = reverse("pathway:plan", args=[person.pk])
        if day <= due <= day + dt.timedelta(days=settings.REMINDER_REVIEW_DAYS_AHEAD):
            message = f"{person.full_name}'s pathway plan review is due by {_day(due)}."
            tell(
                allocation.pa_id,
                f"review-due:{plan.pk}:{due}",
                "review_due",
                message,
                link,
                person.pk,
                due,
            )
        if due < day:
            message = f"{person.full_name}'s pathway plan review was due by {_day(due)}."
            tell(
                allocation.pa_id,
                f"review-overdue:{plan.pk}:{due}",
                "review_overdue",
                message,
                link,
                person.pk,
                due,
            )
            team = allocation.pa.team
            late = day >= due + dt.timedelta(days=settings.REMINDER_ESCALATE_AFTER_DAYS)
            if late and team is not None and team.manager_id is not None:
                message = (
                    f"{person.full_name}'s pathway plan review is {(day - due).days} days "
                    f"overdue (it was due by {_day(due)})."
                )
                tell(
                    team.manager_id,
                    f"review-escalated:{plan.pk}:{due}",
                    "review_escalated",
                    message,
                    link,
                    person.pk,
                    due,
                )

    for person in YoungPerson.objects.select_related("authority"):
        allocation = current.get(person.pk)
        if allocation is None:
            continue
        days = list(person.contacts.values_list("happened_on", flat=True))
        last = max(days) if days else None
        due = (last or allocation.started_on) + dt.timedelta(
            weeks=person.authority.contact_interval_weeks
        )
        if due < day:
            since = f"since {_day(last)}" if last else "since you took over"
            tell(
                allocation.pa_id,
                f"contact-overdue:{person.pk}:{due}",
                "contact_overdue",
                f"You have not been in touch with {person.full_name} {since}.",
                reverse("pathway:contacts", args=[person.pk]),
                person.pk,
                due,
            )
        ahead = day + dt.timedelta(days=settings.REMINDER_BIRTHDAY_DAYS_AHEAD)
        for age in (17, 18, 21):
            on = birthday(person.date_of_birth, age)
            if not day <= on <= ahead:
                continue
            name, when = person.full_name, _day(on)
            signed = Plan.objects.filter(young_person=person, last_signed_on__isnull=False)
            message = {
                17: f"{name} turns 17 on {when}. Check their pathway plan is in place and up "
                "to date."
                if signed.exists()
                else f"{name} turns 17 on {when} and has no signed pathway plan yet.",
                18: f"{name} turns 18 on {when}. Plan for what changes: legal status, money, "
                "housing, and moving to adult health services.",
                21: f"{name} turns 21 on {when}. Ask them whether they want support from a PA "
                "to carry on until they are 25.",
            }[age]
            tell(
                allocation.pa_id,
                f"birthday-{age}:{person.pk}:{on}",
                "birthday",
                message,
                reverse("portal:young-person-detail", args=[person.pk]),
                person.pk,
                on,
            )
            if age == 21 and person.user_id is not None:
                tell(
                    person.user_id,
                    f"birthday-{age}:{person.pk}:{on}",
                    "birthday",
                    f"You turn 21 on {when}. You can keep having support from your PA until "
                    "you are 25, if you want it. Your PA will ask you.",
                    reverse("portal:my-home"),
                    person.pk,
                    on,
                )

        for award in awards_for(person):
            if not (day <= award.expires_on <= add_months(day, 3) and award.left > 0):
                continue
            key, left = f"award-unspent:{award.pk}:{award.expires_on}", pounds(award.left)
            until, name = _day(award.expires_on), award.scheme.name
            tell(
                allocation.pa_id,
                key,
                "award_unspent",
                f"{person.full_name} has {left} of their {name} left to use by {until}.",
                reverse("finance:person-money", args=[person.pk]),
                person.pk,
                award.expires_on,
            )
            if person.user_id is not None:
                tell(
                    person.user_id,
                    key,
                    "award_unspent",
                    f"You have {left} of your {name} left. Use it by {until}, or it ends. "
                    "Ask your PA if you are not sure how.",
                    reverse("finance:my-money"),
                    person.pk,
                    award.expires_on,
                )

    open_actions = Action.objects.filter(status=ActionStatus.OPEN, due_on__lt=day)
    for action in open_actions.select_related("plan__young_person"):
        person = action.plan.young_person
        allocation = current.get(person.pk)
        if allocation is None:
            continue
        key, when = f"action-overdue:{action.pk}:{action.due_on}", _day(action.due_on)
        tell(
            allocation.pa_id,
            key,
            "action_overdue",
            f"A step in {person.full_name}'s plan was due by {when}: {action.what}",
            reverse("pathway:plan", args=[person.pk]),
            person.pk,
            action.due_on,
        )
        if action.owner == ActionOwner.YOUNG_PERSON and person.user_id is not None:
            tell(
                person.user_id,
                key,
                "action_overdue",
                f"One of your steps was due by {when}: {action.what}. If it is done, mark it "
                "done. If you need help, ask your PA.",
                reverse("pathway:my-plan"),
                person.pk,
                action.due_on,
            )

    waiting = Referral.objects.filter(status__in=(ReferralStatus.SENT, ReferralStatus.RECEIVED))
    for referral in waiting.select_related("service"):
        due = referral.answer_due_on
        if due >= day:
            continue
        allocation = current.get(referral.young_person_id)
        tell(
            allocation.pa_id if allocation else referral.made_by_id,
            f"referral-no-answer:{referral.pk}",
            "referral_no_answer",
            f"{referral.service.name} has not answered a referral sent on "
            f"{_day(referral.sent_at)}. It was due an answer by {_day(due)}.",
            reverse("partners:referral", args=[referral.young_person_id, referral.pk]),
            referral.young_person_id,
            due,
        )

    wants = dict(User.objects.filter(is_active=True).values_list("pk", "wants_email"))
    return {
        (*reminder, _state(reminder[2], wants[reminder[0]]))
        for reminder in made
        if reminder[0] in wants
    }


def _state(kind: str, wants_email: bool) -> str:
    if not wants_email:
        return EmailState.NOT_WANTED
    return EmailState.DIGEST if is_digest(kind) else EmailState.PENDING


def swept(day: dt.date) -> set[tuple]:
    """What the morning's sweep makes on `day` of the changed rules' kinds; undone after."""
    with transaction.atomic():
        top = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        handovers_day.day_steps(day)
        for name in rules():
            rule_run(name=name, day=day)
        made = set(
            Notification.objects.filter(pk__gt=top, kind__in=CHANGED).values_list(
                "recipient_id",
                "key",
                "kind",
                "message",
                "link",
                "young_person_id",
                "due_on",
                "email_state",
            )
        )
        transaction.set_rollback(True)
    return made


@pytest.fixture
def world(young_person, care_leaver, pa, manager, partner, other_partner, other_pa):
    """Young people in every state the changed rules look at, some with accounts."""
    plan, _, _ = pathway_world(young_person, pa=pa, manager=manager)
    pathway_services.action_create(
        plan=plan,
        matter=Matter.HEALTH,
        what="Register with a GP",
        owner=ActionOwner.PA,
        agency="",
        due_on=TODAY + dt.timedelta(days=3),
        by=pa,
    )
    Plan.objects.filter(pk=plan.pk).update(review_due_on=TODAY + dt.timedelta(days=10))
    partner_world(young_person, pa=pa, partner=partner, other_partner=other_partner)
    award = finance_services.award_grant(
        young_person=young_person, scheme=scheme(young_person.authority), amount_pence=40000, by=pa
    )
    Award.objects.filter(pk=award.pk).update(expires_on=add_months(TODAY, 2))
    # Someone turning 18 soon with no account, whose review is long overdue; someone turning
    # 21 in a month with an account who does not want email; someone with no PA now.
    turning = YoungPersonFactory(authority=young_person.authority, date_of_birth=_born(18, 20))
    AllocationFactory(young_person=turning, pa=other_pa)
    late = signed_plan(turning, pa=other_pa, manager=manager)
    Plan.objects.filter(pk=late.pk).update(review_due_on=TODAY - dt.timedelta(days=3))
    older = YoungPersonFactory(authority=young_person.authority, date_of_birth=_born(21, 50))
    AllocationFactory(young_person=older, pa=pa)
    User.objects.filter(pk=care_leaver_account(older, "older@example.org").pk).update(
        wants_email=False
    )
    YoungPersonFactory(authority=young_person.authority)


def _born(age: int, days: int) -> dt.date:
    """A date of birth for someone who turns `age` in `days` days (never on 29 February)."""
    on = TODAY + dt.timedelta(days=days)
    return dt.date(on.year - age, on.month, min(on.day, 28))


def test_the_sweep_sends_what_each_rule_defines(world):
    days = [TODAY, TODAY + dt.timedelta(days=8), TODAY + dt.timedelta(days=45)]
    for day in days:
        expected = defined(day)
        assert swept(day) == expected, day
    # The world reaches every changed rule on one day or another.
    assert {row[2] for day in days for row in defined(day)} == CHANGED


def test_a_link_reversed_once_is_filled_in_as_reverse_would(pa, manager):
    return_fix, plan = links("pathway:return-fix", 2), links("pathway:plan")
    assert return_fix(12, 18) == reverse("pathway:return-fix", args=[12, 18])
    assert plan(7) == reverse("pathway:plan", args=[7])
    assert set(User.objects.filter(pk__in=among([pa.pk, 0]))) == {pa}


def test_each_batch_is_read_as_the_record_is_then(settings, authority, pa, other_pa, manager):
    """A young person moved to another PA while the sweep runs is the new PA's to be told:
    each batch is read afresh, not from the rows as they were when the rule began."""
    settings.REMINDER_BATCH_SIZE = 1
    today = timezone.localdate()
    people = []
    for _ in range(2):
        person = YoungPersonFactory(authority=authority)
        AllocationFactory(young_person=person, pa=pa)
        plan = signed_plan(person, pa=pa, manager=manager)
        Plan.objects.filter(pk=plan.pk).update(review_due_on=today - dt.timedelta(days=2))
        people.append(person)
    rule = rules()["review_overdue"]

    def reminders_then_move(batch, day):
        yield from rule.reminders(batch, day)
        if people[1].allocations.filter(pa=pa, ended_on__isnull=True).exists():
            Allocation.objects.filter(young_person=people[1], ended_on__isnull=True).update(
                ended_on=today, end_reason=EndReason.REALLOCATED
            )
            AllocationFactory(young_person=people[1], pa=other_pa)

    moving = dataclasses.replace(rule, reminders=reminders_then_move)
    with patch.dict("notifications.services._rules", {"review_overdue": moving}):
        rule_run(name="review_overdue", day=today)
    told = set(Notification.objects.values_list("young_person_id", "recipient_id"))
    assert told == {(people[0].pk, pa.pk), (people[1].pk, other_pa.pk)}
