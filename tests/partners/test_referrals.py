"""Referrals: consent, who reads them, their answers, the no-answer reminder, transitions."""

import datetime as dt
from importlib import import_module

import pytest
from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.apps import apps as django_apps
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from notifications.services import rule_run
from partners import selectors, services
from partners.models import (
    OfferProvider,
    Referral,
    ReferralStatus,
    Transition,
    transition_due_on,
)
from partners.subject_access import tables as partners_pack
from pathway.models import HealthPassport
from tests.factories import offer_item, partner_service, partner_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(young_person, pa, partner, other_partner):
    return partner_world(young_person, pa=pa, partner=partner, other_partner=other_partner)


def _send(person, service, by, **overrides):
    fields = {
        "reason": "Needs somewhere to live.",
        "shared": "Name and phone.",
        "consent_given": True,
        "consent_by": "young_person",
        "consent_on": timezone.localdate(),
        "consent_for": "To share details with housing.",
    }
    return services.referral_send(young_person=person, service=service, by=by, **fields | overrides)


def test_a_referral_without_consent_is_refused(young_person, pa, world):
    with pytest.raises(services.ReferralError, match="needs the young person's consent"):
        _send(young_person, world["housing"], pa, consent_given=False, lawful_reason="Risk")
    assert Referral.objects.count() == 1  # only the world's


def test_a_manager_sends_without_consent_only_with_the_lawful_reason(young_person, manager, world):
    with pytest.raises(services.ReferralError, match="lawful reason"):
        _send(young_person, world["housing"], manager, consent_given=False, lawful_reason=" ")
    referral = _send(
        young_person,
        world["housing"],
        manager,
        consent_given=False,
        lawful_reason="To protect her from serious harm.",
    )
    assert referral.lawful_reason_by == manager
    assert referral.consent_on is None


def test_the_database_refuses_a_referral_with_neither_consent_nor_reason(young_person, pa, world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.create(
            young_person=young_person,
            service=world["housing"],
            made_by=pa,
            reason="x",
            shared="x",
            consent_given=False,
        )


def test_a_partner_worker_reads_only_their_own_services_referrals(
    client, world, partner, other_partner
):
    referral = world["referral"]
    assert list(selectors.referrals_visible_to(partner)) == [referral]
    assert list(selectors.referrals_visible_to(other_partner)) == []
    url = reverse("partners:worker-referral", args=[referral.pk])
    client.force_login(other_partner)
    assert client.get(url).status_code == 404
    client.force_login(partner)
    page = client.get(url)
    assert page.status_code == 200
    assert "Her tenancy ends next month." in page.content.decode()
    reads = LogEntry.objects.get_for_object(referral).filter(action=LogEntry.Action.ACCESS)
    assert reads.filter(actor=partner).count() == 1
    assert not reads.filter(actor=other_partner).exists()


def test_accepting_and_finishing_tells_the_pa_and_the_young_person(world, partner, pa, care_leaver):
    referral = world["referral"]
    services.referral_answer(referral=referral, status=ReferralStatus.ACCEPTED, by=partner)
    with pytest.raises(services.ReferralError, match="outcome"):
        services.referral_answer(referral=referral, status=ReferralStatus.FINISHED, by=partner)
    services.referral_answer(
        referral=referral, status=ReferralStatus.FINISHED, outcome="Has a flat.", by=partner
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.FINISHED and referral.outcome == "Has a flat."
    assert referral.was_answered_in_time
    assert Notification.objects.filter(recipient=pa, key__startswith="referral-").count() == 2
    assert Notification.objects.filter(recipient=care_leaver).count() == 2
    assert referral.in_plain_words == "Their help has finished."


def test_declining_needs_a_reason_and_another_service_cannot_answer(world, partner, other_partner):
    referral = world["referral"]
    with pytest.raises(services.ReferralError, match="sent to"):
        services.referral_answer(
            referral=referral, status=ReferralStatus.ACCEPTED, by=other_partner
        )
    with pytest.raises(services.ReferralError, match="why"):
        services.referral_answer(referral=referral, status=ReferralStatus.DECLINED, by=partner)
    services.referral_answer(
        referral=referral, status=ReferralStatus.DECLINED, reason="Out of area", by=partner
    )
    with pytest.raises(services.ReferralError, match="declined"):
        services.referral_answer(referral=referral, status=ReferralStatus.ACCEPTED, by=partner)


def test_the_no_answer_reminder_comes_once(world, pa):
    referral = world["referral"]  # the service expects to answer in 5 days
    sent_on = timezone.localdate(referral.sent_at)
    assert rule_run(name="referral_no_answer", day=sent_on + dt.timedelta(days=5)) == 0
    late = sent_on + dt.timedelta(days=6)
    rule_run(name="referral_no_answer", day=late)
    rule_run(name="referral_no_answer", day=late)
    rule_run(name="referral_no_answer", day=late + dt.timedelta(days=10))
    reminders = Notification.objects.filter(recipient=pa, kind="referral_no_answer")
    assert reminders.count() == 1
    assert "has not answered" in reminders.get().message


def test_a_transition_referral_is_due_at_17_and_a_half_and_listed_late(
    young_person, pa, world, client
):
    today = timezone.localdate()
    young_person.date_of_birth = today - relativedelta(years=17, months=6, days=1)
    young_person.save(update_fields=["date_of_birth"])
    HealthPassport.objects.create(young_person=young_person, known_to_camhs=True)
    assert transition_due_on(young_person.date_of_birth) == today - dt.timedelta(days=1)
    people = young_person.__class__.objects.filter(pk=young_person.pk)
    (due,) = selectors.transitions_for(people)
    assert due.transition == Transition.CAMHS and due.due_on == today - dt.timedelta(days=1)
    assert [d.young_person for d in selectors.late_transitions(people, today)] == [young_person]
    # The day it is due is not late.
    assert selectors.late_transitions(people, today - dt.timedelta(days=1)) == []
    client.force_login(pa)
    page = client.get(reverse("partners:transitions")).content.decode()
    assert young_person.full_name in page and "Late" in page
    caseload = client.get(reverse("pathway:caseload")).content.decode()
    assert "Transition referrals late" in caseload
    assert f"{young_person.full_name}</a>: Adult mental health (from CAMHS)" in caseload
    _send(young_person, world["careers"], pa, transition=Transition.CAMHS)
    assert selectors.late_transitions(people, today) == []
    assert not selectors.transitions_for(people)[0].sent_on_time


def test_a_session_is_not_booked_past_its_places_and_needs_noticed_reach_the_pa(
    world, pa, partner, young_person, other_care_leaver
):
    session = world["session"]
    session.places = 1
    session.save()
    with pytest.raises(services.SessionError, match="full"):
        services.session_book(session=session, young_person=other_care_leaver.young_person, by=pa)
    services.attendance_record(
        booking=world["booking"],
        attended=True,
        needs_noticed="Seemed worried about rent.",
        by=partner,
    )
    note = Notification.objects.get(recipient=pa, kind="needs_noticed")
    assert "worried about rent" in note.message


def test_the_offer_item_shows_its_provider_from_the_directory(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    service = partner_service(item.authority, name="Home starter team", org="Testshire Homes")
    OfferProvider.objects.create(item=item, service=service)
    page = client.get(reverse("offer:item-detail", args=[item.slug])).content.decode()
    assert "Home starter team, Testshire Homes" in page
    assert "Monday 09:00 to 17:00" in page
    assert "Testshire leaving care team" not in page  # the old free text


def test_the_public_offer_lists_sessions_coming_up_as_soon_as_they_are_added(
    client, young_person, pa, partner, other_partner
):
    assert "Coming up" not in client.get(reverse("offer:home")).content.decode()  # now kept
    partner_world(young_person, pa=pa, partner=partner, other_partner=other_partner)
    page = client.get(reverse("offer:home")).content.decode()
    assert "Coming up" in page and "Your first tenancy" in page
    assert young_person.first_name not in page


def test_the_migration_turns_an_items_free_text_provider_into_a_directory_service(
    offer_editor, manager
):
    item = offer_item(editor=offer_editor, manager=manager)
    migration = import_module("partners.migrations.0002_offer_providers_from_text")
    migration.forwards(django_apps, None)
    service = OfferProvider.objects.get(item=item).service
    assert (service.name, service.organization.name) == ("Testshire leaving care team",) * 2
    assert service.phone == "01632 960 100" and service.is_published
    assert not service.takes_referrals
    migration.forwards(django_apps, None)  # items already linked are left as they are
    assert OfferProvider.objects.filter(item=item).count() == 1


def test_a_young_person_books_their_own_place(client, world, other_care_leaver):
    client.force_login(other_care_leaver)
    page = client.get(reverse("partners:my-referrals")).content.decode()
    assert "Your first tenancy" in page
    client.post(reverse("partners:my-session-book"), {"session": world["session"].pk})
    booking = world["session"].bookings.get(young_person=other_care_leaver.young_person)
    assert booking.booked_by == other_care_leaver
    page = client.get(reverse("partners:my-referrals")).content.decode()
    assert "Your places on sessions" in page


def test_the_young_persons_own_pack_has_no_staff_reasons_and_the_partner_no_lawful_reason(
    client, young_person, manager, partner, world
):
    """A manager's lawful reason for sharing without consent, and the PA's why, are staff's:
    neither reaches the young person's own download; the partner reads the why (the form
    says so) but not the lawful reason."""
    referral = _send(
        young_person,
        world["housing"],
        manager,
        consent_given=False,
        lawful_reason="Her brother's record puts her at risk.",
    )
    own = {table.filename: table for table in partners_pack(young_person, False)}
    text = repr([row for table in own.values() for row in table.rows])
    assert "brother" not in text and "Needs somewhere to live." not in text
    assert "brother" in repr(partners_pack(young_person, True))
    client.force_login(partner)
    page = client.get(reverse("partners:worker-referral", args=[referral.pk])).content.decode()
    assert "brother" not in page and "A manager recorded the lawful reason" in page


def test_an_urgent_referral_is_due_in_two_working_days(young_person, pa, world):
    """Sent on a Friday, an urgent referral is due on the Tuesday, whatever the service's
    usual days."""
    referral = _send(young_person, world["housing"], pa, urgency="urgent")
    Referral.objects.filter(pk=referral.pk).update(
        sent_at=dt.datetime(2026, 11, 27, 10, tzinfo=timezone.get_current_timezone())
    )
    referral.refresh_from_db()
    assert referral.answer_due_on == dt.date(2026, 12, 1)
