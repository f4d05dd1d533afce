"""Corrections and undo that keep the history: a contact's note, a document on the wrong
record, a step marked done by mistake; a young person's view said to be permanent; and the
review sign-off page showing what changed since the last signed version."""

import datetime as dt
import json

import pytest
from auditlog.models import LogEntry
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from pathway import services
from pathway.models import (
    ActionOwner,
    ActionStatus,
    ActionUndo,
    ContactCorrection,
    Document,
    DocumentMove,
    Matter,
)
from tests.factories import AllocationFactory, YoungPersonFactory, signed_plan, upload

pytestmark = pytest.mark.django_db


def test_a_corrected_note_keeps_the_earlier_text_and_staff_see_both(client, young_person, pa):
    contact = services.contact_record(
        young_person=young_person,
        happened_on=timezone.localdate(),
        method="phone",
        seen=False,
        note="Talked about Leeds college.",
        by=pa,
    )
    services.contact_correct(contact=contact, note="Talked about York college.", by=pa)

    contact.refresh_from_db()
    assert contact.note == "Talked about York college."
    correction = ContactCorrection.objects.get(contact=contact)
    assert (correction.earlier_note, correction.corrected_by) == ("Talked about Leeds college.", pa)
    with pytest.raises(IntegrityError, match="frozen"), transaction.atomic():
        ContactCorrection.objects.filter(pk=correction.pk).update(earlier_note="")

    client.force_login(pa)
    page = client.get(reverse("pathway:contacts", args=[young_person.pk])).content.decode()
    when = f"{timezone.localdate():%-d %B %Y}"
    assert f"Corrected on {when} by {pa.get_full_name()}. Earlier note:" in page
    assert "Talked about Leeds college." in page and "Talked about York college." in page


def test_a_note_is_corrected_through_its_page_and_the_same_text_is_refused(
    client, young_person, pa
):
    contact = services.contact_record(
        young_person=young_person,
        happened_on=timezone.localdate(),
        method="visit",
        seen=True,
        note="First note",
        by=pa,
    )
    client.force_login(pa)
    url = reverse("pathway:contact-correct", args=[young_person.pk, contact.pk])
    assert "First note" in client.get(url).content.decode()
    same = client.post(url, {"note": "First note"})
    assert "The note is the same as before" in same.content.decode()
    assert client.post(url, {"note": "Second note"}).status_code == 302
    assert list(contact.corrections.values_list("earlier_note", flat=True)) == ["First note"]


@pytest.fixture
def misfiled(young_person, pa):
    return services.document_upload(
        young_person=young_person, kind="health", title="GP letter", upload=upload(), by=pa
    )


def test_a_document_moves_to_the_right_record_and_both_records_show_the_move(
    client, misfiled, young_person, pa, authority
):
    right = YoungPersonFactory(authority=authority, first_name="Sam", last_name="Reid")
    AllocationFactory(young_person=right, pa=pa)
    stored_as = misfiled.file.name

    client.force_login(pa)
    url = reverse("pathway:document-move", args=[young_person.pk, misfiled.pk])
    assert "Sam Reid" in client.get(url).content.decode()
    form = {"to_young_person": right.pk, "reason": "Uploaded to Jade by mistake"}
    moved = client.post(url, form, follow=True).content.decode()
    assert "“GP letter” is moved to Sam Reid." in moved  # the mover may see both

    document = Document.objects.get(pk=misfiled.pk)
    assert document.young_person == right and document.file.name == stored_as  # not copied
    move = DocumentMove.objects.get(document=document)
    assert (move.from_young_person, move.to_young_person, move.moved_by) == (
        young_person,
        right,
        pa,
    )
    # The audit trail names both records (by id), on the document and on the move.
    document_change = LogEntry.objects.get_for_object(document).filter(
        action=LogEntry.Action.UPDATE
    )
    assert document_change.get().changes_dict["young_person"] == [
        str(young_person.pk),
        str(right.pk),
    ]
    move_entry = json.dumps(LogEntry.objects.get_for_object(move).get().changes_dict)
    assert str(young_person.pk) in move_entry and str(right.pk) in move_entry

    old = client.get(reverse("pathway:health", args=[young_person.pk])).content.decode()
    new = client.get(reverse("pathway:health", args=[right.pk])).content.decode()
    assert "A document was moved from this record to another" in old and "Sam Reid" not in old
    assert "“GP letter” was moved here from another young person" in new


def test_a_document_cannot_move_to_someone_the_mover_may_not_see(misfiled, pa, other_young_person):
    with pytest.raises(services.PlanError, match="young person you work with"):
        services.document_move(
            document=misfiled, to_young_person=other_young_person, reason="Wrong", by=pa
        )
    assert Document.objects.get(pk=misfiled.pk).young_person_id == misfiled.young_person_id
    assert not DocumentMove.objects.exists()


@pytest.fixture
def plan(young_person, pa, manager):
    return signed_plan(young_person, pa=pa, manager=manager)


def _step(plan, pa, owner=ActionOwner.YOUNG_PERSON):
    return services.action_create(
        plan=plan,
        matter=Matter.EDUCATION,
        what="Visit two colleges",
        owner=owner,
        agency="",
        due_on=plan.started_on + dt.timedelta(days=30),
        by=pa,
    )


def test_a_young_person_undoes_their_own_done_and_the_history_is_kept(
    client, plan, pa, care_leaver
):
    step = _step(plan, pa)
    services.action_done_by_young_person(action=step, by=care_leaver)
    client.force_login(care_leaver)
    page = client.get(reverse("pathway:my-plan")).content.decode()
    assert "Not done yet? Undo" in page
    client.post(reverse("pathway:my-action-undo", args=[step.pk]))

    step.refresh_from_db()
    assert (step.status, step.done_on, step.done_by) == (ActionStatus.OPEN, None, None)
    undo = ActionUndo.objects.get(action=step)
    assert (undo.was_done_on, undo.was_done_by, undo.undone_by) == (
        timezone.localdate(),
        care_leaver,
        care_leaver,
    )
    client.force_login(pa)
    staff_page = client.get(reverse("pathway:plan", args=[plan.young_person_id])).content.decode()
    assert f"by {care_leaver.get_full_name()}; undone on" in staff_page


def test_only_whoever_marked_it_or_staff_can_undo_done(plan, pa, care_leaver):
    step = _step(plan, pa)
    services.action_set_status(action=step, status=ActionStatus.DONE, by=pa)
    with pytest.raises(services.PlanError, match="Only the person who marked"):
        services.action_undo(action=step, by=care_leaver)
    # Staff undo through the plan's "update an action" page; the history is kept there too.
    services.action_set_status(action=step, status=ActionStatus.OPEN, by=pa)
    assert ActionUndo.objects.get(action=step).was_done_by == pa
    with pytest.raises(services.PlanError, match="nothing to undo"):
        services.action_undo(action=step, by=pa)


def test_the_add_your_view_page_says_before_the_button_that_a_view_is_permanent(
    client, plan, care_leaver
):
    client.force_login(care_leaver)
    page = client.get(reverse("pathway:my-section-view", args=["health"])).content.decode()
    warning = page.index("You cannot change it or take it out")
    assert warning < page.index("Send my view")


def test_the_sign_off_page_shows_what_changed_since_the_last_signed_version(
    client, plan, pa, manager
):
    section = plan.sections.get(matter=Matter.EDUCATION)
    services.section_save(
        section=section, fields={"needs": "Help to find an apprenticeship."}, revision=1, by=pa
    )
    review = services.review_record(
        plan=plan,
        held_on=timezone.localdate(),
        participants="Jade and her PA",
        young_person_took_part=True,
        outcome="Apprenticeship instead of college.",
        by=pa,
    )
    client.force_login(manager)
    url = reverse("pathway:review-detail", args=[plan.young_person_id, review.number])
    response = client.get(url)
    page = response.content.decode()
    assert "What changed since version 1" in page
    changed = response.context["changes"]
    assert [change["title"] for change in changed] == ["Education and training"]
    runs = changed[0]["parts"][0]["runs"]
    assert "apprenticeship" in "".join(text for kind, text in runs if kind == "added")
    assert "college" in "".join(text for kind, text in runs if kind == "removed")


# What a second reading of the merged work found, each kept from coming back.


def test_a_moved_document_is_not_shared_with_the_young_person_it_lands_on(
    misfiled, young_person, pa, authority
):
    right = YoungPersonFactory(authority=authority)
    AllocationFactory(young_person=right, pa=pa)
    services.document_share_set(document=misfiled, shared=True, by=pa)
    services.document_move(document=misfiled, to_young_person=right, reason="Misfiled", by=pa)
    misfiled.refresh_from_db()
    assert misfiled.young_person == right and not misfiled.shared_with_young_person


def test_a_contact_logged_late_does_not_answer_an_ask_made_after_it(young_person, care_leaver, pa):
    asked = services.contact_request_make(young_person=young_person, message="", by=care_leaver)
    services.contact_record(
        young_person=young_person,
        happened_on=timezone.localdate() - dt.timedelta(days=14),
        method="visit",
        seen=True,
        note="Catching up the log.",
        by=pa,
    )
    asked.refresh_from_db()
    assert asked.answered_at is None
    services.contact_record(
        young_person=young_person,
        happened_on=timezone.localdate(),
        method="phone",
        seen=False,
        note="Rang back.",
        by=pa,
    )
    asked.refresh_from_db()
    assert asked.answered_at is not None


def test_a_call_to_the_duty_line_cannot_be_corrected_away_from_its_duty_log(young_person, pa):
    duty = services.contact_record(
        young_person=young_person,
        happened_on=timezone.localdate(),
        method="duty",
        seen=False,
        note="Rang about rent arrears.",
        by=pa,
    )
    with pytest.raises(services.PlanError, match="duty line"):
        services.contact_correct(contact=duty, note="Something else.", by=pa)
    assert not ContactCorrection.objects.exists()


def test_the_plans_own_old_answer_does_not_stop_a_home_less_section_being_saved(
    client, young_person, pa
):
    """Migration 0008 left the plan's old "suitable" on sections of young people with no
    home recorded; the form must not tick it, or the section could never be saved."""
    plan = services.plan_start(young_person=young_person, by=pa)
    plan.sections.filter(matter=Matter.ACCOMMODATION).update(suitability={"suitable": "yes"})
    url = reverse("pathway:section-edit", args=[young_person.pk, Matter.ACCOMMODATION])
    client.force_login(pa)
    form = client.get(url).context["form"]
    assert "suitable" not in form.initial
    saved = client.post(url, {"revision": form.initial["revision"], "needs": "A flat near work."})
    assert saved.status_code == 302


def test_a_move_takes_the_place_of_the_plans_judgement_of_the_home_they_had_left(young_person, pa):
    today = timezone.localdate()
    services.accommodation_record(
        young_person=young_person,
        started_on=today - dt.timedelta(days=60),
        kind="U",
        suitable=True,
        description="Flat on Mill Lane",
        by=pa,
    )
    plan = services.plan_start(young_person=young_person, by=pa)
    section = plan.sections.get(matter=Matter.ACCOMMODATION)
    services.section_save(
        section=section,
        fields={"needs": "", "suitable": "no", "suitable_shown": "yes"},
        revision=section.revision,
        by=pa,
    )
    assert young_person.accommodation_spells.filter(is_reassessment=True).count() == 1
    # They had moved three days before: recorded now, the move replaces today's judgement,
    # and the new home is the current one everywhere.
    services.accommodation_record(
        young_person=young_person,
        started_on=today - dt.timedelta(days=3),
        kind="S",
        suitable=True,
        description="Supported lodgings, Elm Road",
        by=pa,
    )
    latest = young_person.accommodation_spells.order_by("-started_on").first()
    assert (latest.description, latest.is_reassessment) == ("Supported lodgings, Elm Road", False)
    assert not young_person.accommodation_spells.filter(is_reassessment=True).exists()
    # A move on the day of a judgement is not refused as "already recorded on that date".
    section.refresh_from_db()
    services.section_save(
        section=section,
        fields={"needs": "", "suitable": "no", "suitable_shown": "yes"},
        revision=section.revision,
        by=pa,
    )
    services.accommodation_record(
        young_person=young_person,
        started_on=today,
        kind="U",
        suitable=True,
        description="Flat on Bridge Street",
        by=pa,
    )
    assert young_person.accommodation_spells.order_by("-started_on").first().suitable
