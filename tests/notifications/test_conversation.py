"""The two sides hear each other: what a care leaver does reaches their PA, once, and what
is decided about their money reaches them, once; a burst is one email a day (the digest)."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from finance import services as finance
from finance.models import ClaimState
from handovers.models import NotificationKind as HandoverKind
from notifications.models import EmailState, Notification, NotificationDigest, Text
from notifications.tasks import notifications_digest
from notifications.texts import outbox_text_send
from pathway import selectors
from pathway import services as pathway
from pathway.models import ActionOwner, ContactRequest, Matter, ReviewReason
from people import services as portal_services
from tests.factories import (
    AllocationFactory,
    YoungPersonFactory,
    care_leaver_account,
    scheme,
    signed_plan,
    upload,
)
from tests.notify_server import RATE_LIMITED

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def told(user, kind) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=kind))


def caseload_row(pa, young_person):
    return selectors.caseload(pa, today=TODAY).get(pk=young_person.pk)


def test_what_a_care_leaver_does_reaches_their_pa_once_and_decisions_reach_them(
    client, care_leaver, young_person, pa, manager, django_capture_on_commit_callbacks, notify_api
):
    plan = signed_plan(young_person, pa=pa, manager=manager)
    step = pathway.action_create(
        plan=plan,
        matter=Matter.EDUCATION,
        what="Visit two colleges",
        owner=ActionOwner.YOUNG_PERSON,
        agency="",
        due_on=TODAY + dt.timedelta(days=30),
        by=pa,
    )
    award = finance.award_grant(
        young_person=young_person, scheme=scheme(young_person.authority), amount_pence=300000, by=pa
    )
    # The PA's side reaches the care leaver: their plan agreed, a new step for them.
    [agreed] = told(care_leaver, "plan_agreed")
    assert "is agreed" in agreed.message and agreed.link == reverse("pathway:my-plan")
    [new_step] = told(care_leaver, "step_added")
    assert "Visit two colleges" in new_step.message
    client.force_login(care_leaver)

    # Ask my PA to get in touch: linked from their home, told once, asked once.
    assert reverse("pathway:my-contact-request") in client.get(reverse("portal:my-home")).text
    page = client.get(reverse("pathway:my-contact-request")).text
    assert "What would you like to talk about? (optional)" in page
    response = client.post(
        reverse("pathway:my-contact-request"), {"message": "My rent has gone up."}
    )
    assert response.status_code == 302
    again = client.post(reverse("pathway:my-contact-request"), {"message": "Hello?"})
    assert "You asked on" in again.text and ContactRequest.objects.count() == 1
    with pytest.raises(pathway.PlanError, match="already asked"):
        pathway.contact_request_make(young_person=young_person, message="", by=care_leaver)
    [asked] = told(pa, "contact_asked")
    assert "My rent has gone up." in asked.message and asked.email_state == EmailState.PENDING

    # Ask for a review (twice: asked once), add a view, tick off a step, claim.
    for _ in range(2):
        client.post(reverse("pathway:my-review-request"), {"note": "I am moving in March."})
    client.post(
        reverse("pathway:my-section-view", args=[Matter.EDUCATION]),
        {"text": "I want to study art."},
    )
    client.post(reverse("pathway:my-action-done", args=[step.pk]))
    client.post(reverse("pathway:my-action-done", args=[step.pk]))  # already done: no more
    claim = finance.claim_make(
        award=award, amount_pence=4500, purpose="A kettle", receipt=None, by=care_leaver
    )
    for kind in ("review_asked", "view_added", "step_done", "claim_made"):
        assert len(told(pa, kind)) == 1, kind
    assert "moving in March" in told(pa, "review_asked")[0].message

    # The caseload flags both asks, and the PA's home page (the caseload) lists the ask.
    row = caseload_row(pa, young_person)
    assert row.contact_asked and row.review_asked
    client.force_login(pa)
    caseload = client.get(reverse("pathway:caseload")).text
    assert 'govuk-tag--blue">Asked you to get in touch' in caseload
    assert 'govuk-tag--blue">Asked for a review' in caseload
    assert "My rent has gone up." in caseload
    contacts = client.get(reverse("pathway:contacts", args=[young_person.pk])).text
    assert "asked you to get in touch" in contacts and "My rent has gone up." in contacts
    asked_only = selectors.caseload(pa, today=TODAY, show="asked")
    assert list(asked_only) == [young_person]

    # The PA answers by logging a contact, and starts the review: both flags go.
    pathway.contact_record(
        young_person=young_person, happened_on=TODAY, method="phone", seen=False, note="", by=pa
    )
    pathway.review_record(
        plan=plan,
        held_on=TODAY,
        participants="Jade and her PA",
        young_person_took_part=True,
        outcome="Moving in March: new home to plan.",
        by=pa,
    )
    row = caseload_row(pa, young_person)
    assert not row.contact_asked and not row.review_asked
    answered = ContactRequest.objects.get()
    assert answered.answered_by.recorded_by == pa and answered.answered_at is not None
    caseload = client.get(reverse("pathway:caseload")).text
    assert "My rent has gone up." not in caseload and "govuk-tag--blue" not in caseload
    # Now answered, they can ask again.
    pathway.contact_request_make(young_person=young_person, message="", by=care_leaver)
    assert len(told(pa, "contact_asked")) == 2

    # The PA decides the claim: the care leaver is told, emailed and (they prefer texts)
    # texted through GOV.UK Notify, once, though Notify first answers "too many requests".
    mail.outbox.clear()
    notify_api.answers = [RATE_LIMITED]
    with django_capture_on_commit_callbacks(execute=True):
        finance.claim_approve(claim=claim, amount_pence=4500, reason="", by=pa)
    with pytest.raises(finance.FinanceError):
        finance.claim_approve(claim=claim, amount_pence=4500, reason="", by=pa)
    [approved] = told(care_leaver, "claim_approved")
    assert "£45 for “A kettle” is approved" in approved.message
    assert [m.subject for m in mail.outbox] == ["Leaving care: Your claim is approved"]
    assert mail.outbox[0].to == [care_leaver.email] and "kettle" not in mail.outbox[0].body
    assert [seen.status for seen in notify_api.requests] == [429, 201]
    [text] = notify_api.sent
    assert text["phone_number"] == "+447700900123"
    message = text["personalisation"]["message"]
    assert message.endswith(approved.get_absolute_url())
    assert "kettle" not in message and "45" not in message and "claim" not in message
    assert outbox_text_send.apply(args=[Text.objects.get(object_id=approved.pk).pk]).get() is False
    assert len(notify_api.sent) == 1

    # Paid (a second run pays nothing and tells nobody), then reversed by a manager.
    for _ in range(2):
        finance.payment_run(authority_id=young_person.authority_id, by=manager)
    assert len(told(care_leaver, "claim_paid")) == 1
    payment = claim.entries.get(kind="payment")
    finance.entry_reverse(entry=payment, reason="Paid to the wrong account", by=manager)
    [reversed_] = told(care_leaver, "claim_reversed")
    assert "Paid to the wrong account." in reversed_.message
    claim.refresh_from_db()
    assert claim.state == ClaimState.REVERSED


def test_a_refused_claim_and_a_colleagues_document_are_told(care_leaver, young_person, pa, manager):
    award = finance.award_grant(
        young_person=young_person, scheme=scheme(young_person.authority), amount_pence=300000, by=pa
    )
    claim = finance.claim_make(
        award=award, amount_pence=2000, purpose="Phone", receipt=None, by=care_leaver
    )
    finance.claim_refuse(claim=claim, reason="The bursary pays for this", by=pa)
    [refused] = told(care_leaver, "claim_refused")
    assert "The reason: The bursary pays for this." in refused.message
    # A PA claiming for them is not told of their own claim.
    finance.claim_make(award=award, amount_pence=1000, purpose="Bus pass", receipt=None, by=pa)
    assert len(told(pa, "claim_made")) == 1
    # The PA's own requests for a review, or their own documents, tell nobody.
    plan = pathway.plan_start(young_person=young_person, by=pa)
    pathway.review_request_raise(plan=plan, reason=ReviewReason.PA_ASKED, note="", by=pa)
    assert told(pa, "review_asked") == []
    for by in (pa, manager):
        pathway.document_upload(
            young_person=young_person, kind="health", title="GP letter", upload=upload(), by=by
        )
    [document] = told(pa, "document_added")
    assert document.message.startswith(manager.get_full_name())


def test_a_pa_leaving_reaches_the_manager_as_one_email_a_day(
    client, authority, pa, manager, django_capture_on_commit_callbacks
):
    people = YoungPersonFactory.create_batch(14, authority=authority)
    for person in people:
        AllocationFactory(young_person=person, pa=pa)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY + dt.timedelta(days=28), by=manager)
    # Fourteen notices each, none emailed yet.
    notices = Notification.objects.filter(recipient=manager, kind=HandoverKind.HANDOVER_NEW_PA)
    assert notices.count() == 14
    assert set(notices.values_list("email_state", flat=True)) == {EmailState.DIGEST}
    assert [m for m in mail.outbox if manager.email in m.to] == []

    # The evening's task, run twice: one email each for the manager and the leaving PA.
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_digest.delay(TODAY.isoformat()).get() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_digest.delay(TODAY.isoformat()).get() == 0
    to_manager = [m for m in mail.outbox if m.to == [manager.email]]
    assert [m.subject for m in to_manager] == ["Leaving care: A young person needs a new PA (14)"]
    body = to_manager[0].body
    assert all(notice.get_absolute_url() in body for notice in notices)
    assert not any(person.last_name in body for person in people)
    assert [m.subject for m in mail.outbox if m.to == [pa.email]] == [
        "Leaving care: Write a handover summary (14)"
    ]
    assert set(notices.values_list("email_state", flat=True)) == {EmailState.SENT}
    assert NotificationDigest.objects.filter(recipient=manager).count() == 1

    # The notifications page still lists each one.
    client.force_login(manager)
    page = client.get(reverse("notifications:list")).text
    assert sum(escape(person.full_name) in page for person in people) == 14


def test_a_notice_after_the_days_digest_waits_for_the_next_and_no_email_means_none(
    authority, pa, manager, django_capture_on_commit_callbacks
):
    first, second, third = YoungPersonFactory.create_batch(3, authority=authority)
    AllocationFactory(young_person=first, pa=pa)
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY + dt.timedelta(days=28), by=manager)
    assert notifications_digest.delay(TODAY.isoformat()).get() == 2
    # Given to the leaving PA after the digest: their handover starts now.
    portal_services.allocation_change(young_person=second, pa=pa, by=manager)
    # Only the kind not yet emailed today goes now: "a young person is allocated to you".
    assert notifications_digest.delay(TODAY.isoformat()).get() == 1
    assert NotificationDigest.objects.filter(day=TODAY).count() == 3
    [allocated] = Notification.objects.filter(recipient=pa, kind="new_on_caseload")
    assert allocated.young_person == second
    waiting = Notification.objects.get(recipient=manager, young_person=second)
    assert waiting.email_state == EmailState.DIGEST and waiting.digest is None
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert notifications_digest.delay(tomorrow).get() == 2
    # Someone who turned emails off gets theirs in the portal only.
    manager.wants_email = False
    manager.save(update_fields=["wants_email"])
    portal_services.allocation_change(young_person=third, pa=pa, by=manager)
    notice = Notification.objects.get(recipient=manager, young_person=third)
    assert notice.email_state == EmailState.NOT_WANTED
    with django_capture_on_commit_callbacks(execute=True):
        notifications_digest.delay((TODAY + dt.timedelta(days=2)).isoformat()).get()
    assert [m for m in mail.outbox if manager.email in m.to and "(1)" in m.subject] == []


def test_a_young_person_with_no_pa_just_now_is_heard_by_the_service_manager(
    authority, other_manager
):
    other_manager.sees_all_teams = True
    other_manager.save()
    alone = YoungPersonFactory(authority=authority, first_name="Mia", last_name="Hart")
    account = care_leaver_account(alone, "mia@example.org")
    pathway.contact_request_make(
        young_person=alone, message="I have nowhere to stay tonight", by=account
    )
    [asked] = told(other_manager, "contact_asked")
    assert "nowhere to stay tonight" in asked.message


def test_a_cancelled_leaving_date_emails_nobody_about_its_handovers(
    authority, pa, manager, django_capture_on_commit_callbacks
):
    for person in YoungPersonFactory.create_batch(2, authority=authority):
        AllocationFactory(young_person=person, pa=pa)
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY + dt.timedelta(days=28), by=manager)
    portal_services.pa_leaving_cancel(pa=pa, by=manager)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_digest.delay(TODAY.isoformat()).get() == 0
    assert mail.outbox == []
    notices = Notification.objects.filter(kind=HandoverKind.HANDOVER_NEW_PA)
    assert notices.count() == 2 and not notices.filter(read_at__isnull=True).exists()
