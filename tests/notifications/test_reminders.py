"""Reminder rules at their edges: the day before, the day, the day after; once each."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.dates import add_months, birthday
from finance import services as finance_services
from notifications.models import Notification
from notifications.services import rule_run, rules
from offer.models import OfferItem
from pathway import services as pathway_services
from pathway.models import ActionOwner, Matter, Plan
from people.models import Role
from rota import services as rota_services
from tests.factories import (
    AllocationFactory,
    UserFactory,
    YoungPersonFactory,
    offer_item,
    scheme,
    signed_plan,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def told(name: str, day: dt.date) -> list[tuple[str, str]]:
    """Run the rule for `day`; every notification so far as (recipient email, kind)."""
    rule_run(name=name, day=day)
    return sorted(Notification.objects.values_list("recipient__email", "kind"))


def test_every_app_registers_its_rules():
    assert set(rules()) == {
        "action_overdue",
        "award_unspent",
        "birthdays",
        "check_in_reminder",
        "contact_overdue",
        "follow_up_late",
        "handover_check",
        "offer_stale",
        "return_windows",
        "referral_no_answer",
        "home_at_risk_clock",
        "custody_release_clock",
        "review_overdue",
        "review_soon",
        "shift_tomorrow",
        "shift_unfilled",
        "support_ending",
    }


@pytest.fixture
def plan(young_person, pa, manager):
    plan = signed_plan(young_person, pa=pa, manager=manager)
    Plan.objects.filter(pk=plan.pk).update(review_due_on=TODAY + dt.timedelta(days=20))
    return plan


def test_a_review_due_soon_is_told_to_the_pa_from_14_days_before(plan, pa):
    due = TODAY + dt.timedelta(days=20)
    assert told("review_soon", due - dt.timedelta(days=15)) == []
    assert told("review_soon", due - dt.timedelta(days=14)) == [(pa.email, "review_due")]
    assert told("review_soon", due - dt.timedelta(days=13)) == [(pa.email, "review_due")]


def test_a_review_brought_forward_is_a_new_reminder(plan, pa):
    told("review_soon", TODAY + dt.timedelta(days=6))
    Plan.objects.filter(pk=plan.pk).update(review_due_on=TODAY + dt.timedelta(days=10))
    assert told("review_soon", TODAY + dt.timedelta(days=6)) == [(pa.email, "review_due")] * 2


def test_an_overdue_review_goes_to_the_pa_the_day_after_then_the_manager_a_week_on(
    plan, pa, manager
):
    due = TODAY + dt.timedelta(days=20)
    assert told("review_overdue", due) == []
    assert told("review_overdue", due + dt.timedelta(days=1)) == [(pa.email, "review_overdue")]
    assert told("review_overdue", due + dt.timedelta(days=6)) == [(pa.email, "review_overdue")]
    assert told("review_overdue", due + dt.timedelta(days=7)) == [
        (manager.email, "review_escalated"),
        (pa.email, "review_overdue"),
    ]
    assert len(told("review_overdue", due + dt.timedelta(days=8))) == 2


def test_contact_becomes_overdue_the_day_after_the_interval(young_person, pa):
    last = TODAY - dt.timedelta(days=3)
    pathway_services.contact_record(
        young_person=young_person, happened_on=last, method="phone", seen=False, note="", by=pa
    )
    due = last + dt.timedelta(weeks=8)
    assert told("contact_overdue", due) == []
    assert told("contact_overdue", due + dt.timedelta(days=1)) == [(pa.email, "contact_overdue")]
    assert told("contact_overdue", due + dt.timedelta(days=2)) == [(pa.email, "contact_overdue")]


def test_an_overdue_step_of_the_young_persons_own_tells_them_and_their_pa(plan, care_leaver, pa):
    due = TODAY + dt.timedelta(days=5)
    pathway_services.action_create(
        plan=plan,
        matter=Matter.EDUCATION,
        what="Apply for the bursary",
        owner=ActionOwner.YOUNG_PERSON,
        agency="",
        due_on=due,
        by=pa,
    )
    # The new step is told to the young person at once; the overdue reminder comes later.
    assert told("action_overdue", due) == [(care_leaver.email, "step_added")]
    expected = sorted(
        [
            (pa.email, "action_overdue"),
            (care_leaver.email, "action_overdue"),
            (care_leaver.email, "step_added"),
        ]
    )
    assert told("action_overdue", due + dt.timedelta(days=1)) == expected
    assert told("action_overdue", due + dt.timedelta(days=2)) == expected


@pytest.mark.parametrize("age", [17, 18, 21])
def test_a_birthday_that_matters_is_told_30_days_ahead(authority, pa, age):
    born = dt.date(TODAY.year - age, 2, 28) + dt.timedelta(days=300)
    person = YoungPersonFactory(authority=authority, date_of_birth=born)
    AllocationFactory(young_person=person, pa=pa)
    on = birthday(born, age)
    assert told("birthdays", on - dt.timedelta(days=31)) == []
    assert told("birthdays", on - dt.timedelta(days=30)) == [(pa.email, "birthday")]
    assert told("birthdays", on) == [(pa.email, "birthday")]
    assert told("birthdays", on + dt.timedelta(days=1)) == [(pa.email, "birthday")]
    message = Notification.objects.get().message
    assert {17: "turns 17", 18: "turns 18", 21: "carry on until they are 25"}[age] in message


def test_unspent_money_is_told_three_months_before_it_expires(young_person, care_leaver, pa):
    award = finance_services.award_grant(
        young_person=young_person, scheme=scheme(young_person.authority), amount_pence=50000, by=pa
    )
    expires = add_months(TODAY, 5)
    award.__class__.objects.filter(pk=award.pk).update(expires_on=expires)
    first = add_months(expires, -3)
    assert told("award_unspent", first - dt.timedelta(days=1)) == []
    expected = sorted([(pa.email, "award_unspent"), (care_leaver.email, "award_unspent")])
    assert told("award_unspent", first) == expected
    assert told("award_unspent", first + dt.timedelta(days=1)) == expected
    assert "£500 of your" in Notification.objects.get(recipient=care_leaver).message


def test_offer_content_past_its_review_date_is_told_to_its_owner(offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    OfferItem.objects.filter(pk=item.pk).update(review_by=TODAY + dt.timedelta(days=3))
    review_by = TODAY + dt.timedelta(days=3)
    assert told("offer_stale", review_by) == []
    assert told("offer_stale", review_by + dt.timedelta(days=1)) == [
        (offer_editor.email, "offer_stale")
    ]
    assert told("offer_stale", review_by + dt.timedelta(days=2)) == [
        (offer_editor.email, "offer_stale")
    ]


def _shift(authority, manager, day: dt.date, pa=None):
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(9)))
    return rota_services.shift_create(
        authority=authority,
        role="duty",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=8),
        pa=pa,
        by=manager,
    )


def test_an_unfilled_shift_is_told_to_managers_within_seven_days(authority, manager, other_manager):
    day = TODAY + dt.timedelta(days=20)
    _shift(authority, manager, day)
    assert told("shift_unfilled", day - dt.timedelta(days=7)) == []
    both = sorted([(manager.email, "shift_unfilled"), (other_manager.email, "shift_unfilled")])
    assert told("shift_unfilled", day - dt.timedelta(days=6)) == both
    assert told("shift_unfilled", day) == both
    assert told("shift_unfilled", day + dt.timedelta(days=1)) == both


def test_a_pa_is_reminded_of_their_shift_the_day_before(authority, manager, pa):
    day = TODAY + dt.timedelta(days=20)
    _shift(authority, manager, day, pa=pa)
    assert told("shift_tomorrow", day - dt.timedelta(days=2)) == []
    assert told("shift_tomorrow", day - dt.timedelta(days=1)) == [(pa.email, "shift_tomorrow")]
    assert told("shift_tomorrow", day) == [(pa.email, "shift_tomorrow")]


def test_a_late_duty_follow_up_is_told_to_whoever_took_the_call(authority, young_person, pa):
    by = timezone.make_aware(dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(17)))
    rota_services.enquiry_log(
        authority=authority,
        received_at=timezone.now(),
        channel="phone",
        young_person=young_person,
        caller="",
        about="Rent arrears letter",
        action="Said we would call the landlord",
        follow_up_by=by,
        by=pa,
    )
    assert told("follow_up_late", by.date()) == []
    assert told("follow_up_late", by.date() + dt.timedelta(days=1)) == [
        (pa.email, "follow_up_late")
    ]
    assert told("follow_up_late", by.date() + dt.timedelta(days=2)) == [
        (pa.email, "follow_up_late")
    ]


def test_nobody_is_told_twice_however_often_every_rule_runs(plan, pa, manager, young_person):
    day = TODAY + dt.timedelta(days=40)
    for _ in range(3):
        for name in rules():
            rule_run(name=name, day=day)
    keys = list(Notification.objects.values_list("recipient", "key"))
    assert keys and len(keys) == len(set(keys))


def test_a_sweep_batch_makes_the_same_queries_however_many_rows(settings, authority, manager):
    """Per batch: the recipients' preferences and the insert (the rows come through one
    cursor, a batch at a time)."""
    settings.REMINDER_BATCH_SIZE = 5
    team_pa = UserFactory(role=Role.PA, authority=authority)
    day = TODAY + dt.timedelta(days=30)

    def queries_for(how_many: int) -> int:
        Notification.objects.all().delete()
        for _ in range(how_many - Plan.objects.count()):
            person = YoungPersonFactory(authority=authority)
            AllocationFactory(young_person=person, pa=team_pa)
            plan = pathway_services.plan_start(young_person=person, by=team_pa)
            Plan.objects.filter(pk=plan.pk).update(review_due_on=TODAY)
        with CaptureQueriesContext(connection) as queries:
            rule_run(name="review_overdue", day=day)
        assert Notification.objects.count() == how_many
        return len(queries)

    empty = queries_for(0)
    one_batch, two_batches = queries_for(5), queries_for(10)
    assert two_batches - one_batch == one_batch - empty <= 6
