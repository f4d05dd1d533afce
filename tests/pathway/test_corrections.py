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
