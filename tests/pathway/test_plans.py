"""Plans, reviews and signed versions: the rules, and the database keeping them."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from common.dates import add_months, birthday
from pathway import selectors, services, snapshot
from pathway.models import (
    Matter,
    PlanVersion,
    Review,
    ReviewReason,
    ReviewState,
    SectionView,
)
from tests.factories import signed_plan

pytestmark = pytest.mark.django_db


def _read(person, review):
    """The fingerprint of what a manager reads before signing `review`."""
    review.refresh_from_db()
    return snapshot.digest(snapshot.to_sign(selectors.plan_detail(person.pk), review))


def _review(plan, by, **overrides):
    fields = {
        "held_on": timezone.localdate(),
        "participants": "Jade, her PA and her college tutor",
        "young_person_took_part": True,
        "outcome": "Agreed to apply for the bursary.",
    }
    return services.review_record(plan=plan, by=by, **{**fields, **overrides})


def test_a_new_plan_has_a_section_for_each_matter_of_schedule_1(young_person, pa):
    plan = services.plan_start(young_person=young_person, by=pa)
    assert sorted(plan.sections.values_list("matter", flat=True)) == sorted(Matter.values)
    allocated = young_person.allocations.get().started_on
    assert plan.review_due_on == add_months(
        max(allocated, birthday(young_person.date_of_birth, 16)), 3
    )
    with pytest.raises(services.PlanError, match="already has a pathway plan"):
        services.plan_start(young_person=young_person, by=pa)


def test_signing_a_review_freezes_the_whole_plan_and_sets_the_next_review(
    young_person, pa, manager
):
    plan = signed_plan(young_person, pa=pa, manager=manager, needs="A place at college.")
    version = plan.versions.get()
    education = next(s for s in version.content["sections"] if s["matter"] == "education")
    assert education["needs"] == "A place at college."
    assert version.content["review"]["participants"]
    assert version.content["signed"]["by"] == manager.get_full_name()
    assert plan.last_signed_on == timezone.localdate()
    assert plan.review_due_on == add_months(timezone.localdate(), 6)
    # Later edits change the draft, never the signed version.
    section = plan.sections.get(matter=Matter.EDUCATION)
    services.section_save(
        section=section, fields={"needs": "Changed"}, revision=section.revision, by=pa
    )
    version.refresh_from_db()
    education = next(s for s in version.content["sections"] if s["matter"] == "education")
    assert education["needs"] == "A place at college."


def test_the_database_refuses_to_change_or_delete_a_signed_version(young_person, pa, manager):
    plan = signed_plan(young_person, pa=pa, manager=manager)
    version = plan.versions.get()
    with pytest.raises(IntegrityError, match="frozen"), transaction.atomic():
        PlanVersion.objects.filter(pk=version.pk).update(content={"sections": []})
    with (
        pytest.raises(IntegrityError, match="frozen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE pathway_planversion SET signed_at = now() WHERE id = %s", [version.pk]
        )
    with pytest.raises(IntegrityError, match="frozen"), transaction.atomic():
        PlanVersion.objects.filter(pk=version.pk).delete()
    review = version.review
    with pytest.raises(IntegrityError, match="frozen"), transaction.atomic():
        Review.objects.filter(pk=review.pk).update(outcome="Rewritten")
    assert PlanVersion.objects.get(pk=version.pk).content == version.content


def test_a_young_persons_words_cannot_be_changed_in_the_database(
    young_person, pa, manager, care_leaver
):
    plan = signed_plan(young_person, pa=pa, manager=manager)
    view = services.section_view_add(
        section=plan.sections.get(matter=Matter.HEALTH), text="I want a new GP.", by=care_leaver
    )
    with pytest.raises(IntegrityError, match="frozen"), transaction.atomic():
        SectionView.objects.filter(pk=view.pk).update(text="Something else")
    assert SectionView.objects.get(pk=view.pk).text == "I want a new GP."


def test_a_manager_signs_exactly_what_they_read(young_person, pa, manager):
    plan = services.plan_start(young_person=young_person, by=pa)
    review = _review(plan, pa)
    read = _read(young_person, review)
    section = plan.sections.get(matter=Matter.FINANCE)
    services.section_save(section=section, fields={"needs": "A budget"}, revision=0, by=pa)
    with pytest.raises(services.PlanError, match="changed after you opened"):
        services.review_sign(review=review, read=read, by=manager)
    assert not PlanVersion.objects.exists()
    version = services.review_sign(review=review, read=_read(young_person, review), by=manager)
    finance = next(s for s in version.content["sections"] if s["matter"] == "finance")
    assert finance["needs"] == "A budget"


def test_the_person_who_recorded_a_review_cannot_sign_it(young_person, pa, manager):
    plan = services.plan_start(young_person=young_person, by=manager)
    review = _review(plan, manager)
    with pytest.raises(services.PlanError, match="Someone other than"):
        services.review_sign(review=review, read=_read(young_person, review), by=manager)


def test_only_one_review_waits_at_a_time_and_a_sent_back_one_can_be_corrected(
    young_person, pa, manager
):
    plan = services.plan_start(young_person=young_person, by=pa)
    review = _review(plan, pa)
    with pytest.raises(services.PlanError, match="already waiting"):
        _review(plan, pa)
    services.review_return(review=review, note="Add who from college took part.", by=manager)
    review.refresh_from_db()
    assert review.state == ReviewState.RETURNED
    services.review_update(
        review=review,
        held_on=review.held_on,
        participants="Jade, her PA, Mr Amin (college)",
        young_person_took_part=True,
        outcome=review.outcome,
        revision=review.revision,
        by=pa,
    )
    review.refresh_from_db()
    assert review.state == ReviewState.AWAITING
    services.review_sign(review=review, read=_read(young_person, review), by=manager)
    with pytest.raises(services.PlanError, match="cannot be changed"):
        services.review_update(
            review=review,
            held_on=review.held_on,
            participants="x",
            young_person_took_part=True,
            outcome="x",
            revision=review.revision,
            by=pa,
        )


def test_recording_a_review_while_one_is_open_goes_to_the_open_one(client, young_person, pa):
    plan = services.plan_start(young_person=young_person, by=pa)
    client.force_login(pa)
    create = reverse("pathway:review-create", args=[young_person.pk])
    assert client.get(create).status_code == 200  # nothing open: the form
    review = _review(plan, pa)
    response = client.get(create)
    assert response.url == reverse("pathway:review-edit", args=[young_person.pk, review.number])
    page = client.get(response.url)
    assert "already has a review that is not signed off yet" in page.text


def test_a_review_in_the_future_is_refused(young_person, pa):
    plan = services.plan_start(young_person=young_person, by=pa)
    with pytest.raises(services.PlanError, match="today or in the past"):
        _review(plan, pa, held_on=timezone.localdate() + dt.timedelta(days=1))
    assert not Review.objects.exists()


def test_asking_for_a_review_brings_it_forward_and_signing_answers_it(
    young_person, pa, manager, care_leaver
):
    plan = signed_plan(young_person, pa=pa, manager=manager)
    today = timezone.localdate()
    services.review_request_raise(
        plan=plan, reason=ReviewReason.YOUNG_PERSON_ASKED, note="", by=care_leaver
    )
    plan.refresh_from_db()
    assert plan.review_due_on == today + dt.timedelta(days=28)
    review = _review(plan, pa)
    services.review_sign(review=review, read=_read(young_person, review), by=manager)
    plan.refresh_from_db()
    assert plan.review_due_on == add_months(today, 6)
    assert plan.review_requests.get().answered_by == review


def test_a_move_and_leaving_college_bring_the_review_forward(young_person, pa, manager):
    plan = signed_plan(young_person, pa=pa, manager=manager)
    today = timezone.localdate()
    services.accommodation_record(
        young_person=young_person,
        started_on=today - dt.timedelta(days=300),
        kind="D",
        suitable=True,
        description="Northmoor Foyer",
        by=pa,
    )
    services.activity_record(
        young_person=young_person,
        started_on=today - dt.timedelta(days=300),
        code="F2",
        description="Level 2 catering",
        by=pa,
    )
    assert not plan.review_requests.exists()  # first records are history, not a change
    services.accommodation_record(
        young_person=young_person,
        started_on=today - dt.timedelta(days=10),
        kind="U",
        suitable=True,
        description="Council flat",
        by=pa,
    )
    services.activity_record(
        young_person=young_person, started_on=today, code="G5", description="", by=pa
    )
    reasons = set(plan.review_requests.values_list("reason", flat=True))
    assert reasons == {ReviewReason.NEW_ACCOMMODATION, ReviewReason.LEFT_EDUCATION}
    plan.refresh_from_db()
    assert plan.review_due_on == today + dt.timedelta(days=28)


def test_the_situation_on_any_date_comes_from_the_histories(young_person, pa):
    today = timezone.localdate()
    for days_ago, kind, suitable in [(400, "Z", True), (100, "S", True), (20, "U", True)]:
        services.accommodation_record(
            young_person=young_person,
            started_on=today - dt.timedelta(days=days_ago),
            kind=kind,
            suitable=suitable,
            description="",
            by=pa,
        )
    assert (
        selectors.situation_on(young_person, today - dt.timedelta(days=500)).accommodation is None
    )
    then = selectors.situation_on(young_person, today - dt.timedelta(days=50)).accommodation
    assert (then.kind, then.ssda903_code) == ("S", "S2")  # homeless is never counted suitable
    assert selectors.situation_on(young_person, today).accommodation.ssda903_code == "U1"
    with pytest.raises(services.PlanError, match="already recorded"):
        services.accommodation_record(
            young_person=young_person,
            started_on=today - dt.timedelta(days=20),
            kind="E",
            suitable=True,
            description="",
            by=pa,
        )


def test_compare_shows_the_words_that_changed_between_versions(young_person, pa, manager):
    plan = signed_plan(young_person, pa=pa, manager=manager, needs="Find a college course.")
    section = plan.sections.get(matter=Matter.EDUCATION)
    services.section_save(
        section=section,
        fields={"needs": "Find an evening college course."},
        revision=section.revision,
        by=pa,
    )
    review = _review(plan, pa)
    services.review_sign(review=review, read=_read(young_person, review), by=manager)
    old, new = plan.versions.order_by("number")
    changes = snapshot.compare(old, new)
    assert [c["title"] for c in changes] == ["Education and training"]
    runs = changes[0]["parts"][0]["runs"]
    assert [text for kind, text in runs if kind == "added"] == ["an evening"]
    assert [text for kind, text in runs if kind == "removed"] == ["a"]


def test_a_manager_signs_off_through_the_page(client, young_person, pa, manager):
    plan = services.plan_start(young_person=young_person, by=pa)
    review = _review(plan, pa)
    client.force_login(manager)
    url = reverse("pathway:review-detail", args=[young_person.pk, review.number])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        reverse("pathway:review-sign", args=[young_person.pk, review.number]),
        {"read": page.context["read"]},
    )
    assert response.status_code == 302
    assert plan.versions.get().review == review
    version_page = client.get(reverse("pathway:version-detail", args=[young_person.pk, 1]))
    assert "cannot be changed" in version_page.content.decode()


def test_a_review_changed_after_the_manager_read_it_is_not_signed(young_person, pa, manager):
    plan = services.plan_start(young_person=young_person, by=pa)
    review = _review(plan, pa)
    read = _read(young_person, review)
    services.review_update(
        review=review,
        held_on=review.held_on,
        participants=review.participants,
        young_person_took_part=True,
        outcome="Changed after the manager read it.",
        revision=review.revision,
        by=pa,
    )
    review.refresh_from_db()
    with pytest.raises(services.PlanError, match="changed after you opened"):
        services.review_sign(review=review, read=read, by=manager)
    assert not PlanVersion.objects.exists()


def test_a_manager_who_changed_a_review_cannot_sign_it_and_edits_do_not_overwrite(
    young_person, pa, manager
):
    plan = services.plan_start(young_person=young_person, by=pa)
    review = _review(plan, pa)
    opened = review.revision
    fields = {"held_on": review.held_on, "participants": "x", "young_person_took_part": True}
    services.review_update(
        review=review, outcome="Manager's words", revision=opened, by=manager, **fields
    )
    # The PA's form was opened before the manager's change: refused, nothing overwritten.
    with pytest.raises(services.StaleEditError):
        services.review_update(
            review=review, outcome="PA's words", revision=opened, by=pa, **fields
        )
    review.refresh_from_db()
    assert review.outcome == "Manager's words"
    read = _read(young_person, review)
    with pytest.raises(services.PlanError, match="Someone other than"):
        services.review_sign(review=review, read=read, by=manager)


def test_a_manager_signs_only_for_their_own_teams_young_people(
    young_person, pa, manager, other_manager
):
    plan = services.plan_start(young_person=young_person, by=pa)
    _review(plan, pa)
    assert manager.has_perm("pathway.sign_review", young_person)
    assert not other_manager.has_perm("pathway.sign_review", young_person)
    assert list(selectors.reviews_to_sign(other_manager)) == []
    assert len(selectors.reviews_to_sign(manager)) == 1


def test_a_closed_step_cannot_be_ticked_off(young_person, pa, care_leaver):
    plan = services.plan_start(young_person=young_person, by=pa)
    action = services.action_create(
        plan=plan,
        matter=Matter.SKILLS,
        what="Cook a meal",
        owner="young_person",
        agency="",
        due_on=timezone.localdate(),
        by=pa,
    )
    services.action_set_status(action=action, status="dropped", by=pa)
    action.refresh_from_db()
    with pytest.raises(services.PlanError, match="already closed"):
        services.action_done_by_young_person(action=action, by=care_leaver)
