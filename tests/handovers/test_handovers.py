"""Good endings: a PA leaving with three young people, walked through to the end."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from common.dates import birthday
from handovers import services
from handovers.day import day_steps
from handovers.models import CheckOutcome, Handover, Kind, ToldHow
from notifications.models import Notification
from notifications.services import rule_run
from pathway import services as pathway_services
from people import services as portal_services
from people.models import Allocation, EndReason, Role
from tests.factories import AllocationFactory, UserFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def morning(day, rule: str | None = None) -> None:
    """The morning as beat runs it: the handovers' own steps, then the reminders."""
    day_steps(day)
    if rule:
        rule_run(name=rule, day=day)


def notes_for(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


@pytest.fixture
def three(authority, pa):
    """Amira (has an account, prefers email), Ben (prefers texts), Cara (email, no account)."""
    amira = YoungPersonFactory(authority=authority, first_name="Amira", preferred_contact="email")
    amira.user = UserFactory(role=Role.CARE_LEAVER, authority=authority, email="amira@example.org")
    amira.save(update_fields=["user"])
    ben = YoungPersonFactory(authority=authority, first_name="Ben", preferred_contact="text")
    cara = YoungPersonFactory(
        authority=authority, first_name="Cara", preferred_contact="email", email="cara@example.org"
    )
    for person in (amira, ben, cara):
        AllocationFactory(young_person=person, pa=pa)
    return amira, ben, cara


def test_a_pa_leaving_with_three_young_people_is_handed_over_well(
    three, pa, manager, team, django_capture_on_commit_callbacks
):
    amira, ben, cara = three
    new_pa = UserFactory(role=Role.PA, authority=pa.authority, team=team, phone="01632 960 123")
    leaving = TODAY + dt.timedelta(days=21)

    # The manager sets the leaving date: three handovers, and both of them are told.
    with django_capture_on_commit_callbacks(execute=True):
        portal_services.pa_leaving_set(pa=pa, leaving_on=leaving, by=manager)
    handovers = {h.young_person: h for h in Handover.objects.filter(closed_at=None)}
    assert set(handovers) == {amira, ben, cara}
    assert {h.kind for h in handovers.values()} == {Kind.HANDOVER}
    assert notes_for(pa) == ["handover_summary"] * 3
    assert notes_for(manager) == ["handover_new_pa"] * 3
    # Setting it again starts nothing new.
    portal_services.pa_leaving_set(pa=pa, leaving_on=leaving, by=manager)
    assert Handover.objects.count() == 3

    # The leaving PA writes a summary for each.
    for handover in handovers.values():
        services.summary_write(
            handover=handover, text="Likes texts in the afternoon.", revision=0, by=pa
        )
    # The manager allocates the new PA to each; each young person is told the way they prefer.
    mail.outbox.clear()
    for person in (amira, ben, cara):
        with django_capture_on_commit_callbacks(execute=True):
            portal_services.allocation_change(young_person=person, pa=new_pa, by=manager)
    handovers = {h.young_person: h for h in Handover.objects.filter(closed_at=None)}
    assert all(
        h.to_allocation.pa == new_pa and h.check_due_on == TODAY + dt.timedelta(days=14)
        for h in handovers.values()
    )
    assert handovers[amira].told_how == ToldHow.PORTAL_AND_EMAIL
    assert "new personal adviser is" in Notification.objects.get(recipient=amira.user).message
    assert handovers[cara].told_how == ToldHow.PORTAL_AND_EMAIL
    assert handovers[ben].told_at is None
    assert (
        "prefer a text message"
        in Notification.objects.get(
            recipient=new_pa, key=f"handover-tell:{handovers[ben].pk}"
        ).message
    )
    sent_to = [m.to[0] for m in mail.outbox]
    assert sent_to.count("amira@example.org") == sent_to.count("cara@example.org") == 1
    assert new_pa.email in sent_to  # asked to text Ben
    # Nobody's email names the new PA or the young person: Amira's is a notification email.
    assert "Leaving care: You have a new personal adviser" in [m.subject for m in mail.outbox]

    # The new PA texts Ben and records it, and holds all three introduction meetings.
    services.told_record(handover=handovers[ben], how=ToldHow.TEXT, revision=1, by=new_pa)
    for person in (amira, ben, cara):
        handover = Handover.objects.get(pk=handovers[person].pk)
        services.intro_record(
            handover=handover, held_on=TODAY, revision=handover.revision, by=new_pa
        )
    # ...and logs contact with Amira and Ben, but not Cara.
    for person in (amira, ben):
        pathway_services.contact_record(
            young_person=person, happened_on=TODAY, method="visit", seen=True, note="", by=new_pa
        )

    # The 14-day check: not yet on day 13; on day 14 Amira's and Ben's close, Cara's escalates.
    morning(TODAY + dt.timedelta(days=13), "handover_check")
    assert Handover.objects.filter(closed_at=None).count() == 3
    morning(TODAY + dt.timedelta(days=14), "handover_check")
    assert list(Handover.objects.filter(closed_at=None)) == [handovers[cara]]
    late = Handover.objects.get(pk=handovers[cara].pk)
    assert late.check_outcome == CheckOutcome.ESCALATED
    escalations = Notification.objects.filter(recipient=manager, kind="handover_late")
    assert [n.young_person for n in escalations] == [cara]
    # The manager's page lists it with the late step.
    steps = {step.name: step for step in late.steps(TODAY + dt.timedelta(days=15))}
    assert steps["check"].is_late and not steps["summary"].is_late
    morning(TODAY + dt.timedelta(days=15), "handover_check")
    assert escalations.count() == 1

    # Once the new PA logs contact, the next check closes it.
    pathway_services.contact_record(
        young_person=cara, happened_on=TODAY, method="phone", seen=False, note="", by=new_pa
    )
    morning(TODAY + dt.timedelta(days=16), "handover_check")
    assert not Handover.objects.filter(closed_at=None).exists()


def test_the_manager_sees_open_handovers_and_what_is_late(client, three, pa, manager, team):
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY, by=manager)
    Handover.objects.update(
        started_at=timezone.now() - dt.timedelta(days=10), due_on=TODAY - dt.timedelta(days=1)
    )
    client.force_login(manager)
    page = client.get(reverse("handovers:list"), {"show": "late"})
    text = page.content.decode()
    assert page.status_code == 200
    assert all(escape(person.full_name) in text for person in three)
    assert "Late" in text
    profile = client.get(reverse("portal:young-person-detail", args=[three[0].pk]))
    assert "0 of 5 steps done. Late: Write a handover summary; Allocate a new PA." in (
        profile.content.decode()
    )


def test_a_manager_sets_a_leaving_date_through_the_team_page(client, three, pa, manager):
    client.force_login(manager)
    url = reverse("portal:pa-leaving", args=[pa.pk])
    past = TODAY - dt.timedelta(days=1)
    refused = client.post(
        url, {"leaving_on_0": past.day, "leaving_on_1": past.month, "leaving_on_2": past.year}
    )
    assert "must be today or later" in refused.content.decode()
    day = TODAY + dt.timedelta(days=30)
    date = {"leaving_on_0": day.day, "leaving_on_1": day.month, "leaving_on_2": day.year}
    summary = client.post(url, date)
    assert summary.status_code == 200 and not Handover.objects.exists()
    response = client.post(url, {**date, "seen": summary.context["seen"], "confirm": "yes"})
    assert response.status_code == 302
    assert Handover.objects.filter(from_pa=pa, due_on=day).count() == 3


def test_turning_25_starts_an_ending_that_closes_the_allocation(authority, pa, care_leaver):
    person = care_leaver.young_person
    born = TODAY - dt.timedelta(days=24 * 365 + 300)
    person.date_of_birth = born
    person.save(update_fields=["date_of_birth"])
    turns_25 = birthday(born, 25)
    morning(turns_25 - dt.timedelta(days=91), "support_ending")
    assert not Handover.objects.exists()
    morning(turns_25 - dt.timedelta(days=90), "support_ending")
    ending = Handover.objects.get()
    assert ending.kind == Kind.ENDING and ending.due_on == turns_25
    assert notes_for(pa) == ["support_ending"] and notes_for(care_leaver) == ["support_ending"]
    morning(turns_25 - dt.timedelta(days=89), "support_ending")
    assert Handover.objects.count() == 1

    ending = services.summary_write(handover=ending, text="Settled, working.", revision=0, by=pa)
    ending = services.ending_record(
        handover=ending,
        signposting="GP at Elm Street; the council's housing options team.",
        stay_in_touch="yes",
        revision=ending.revision,
        by=pa,
    )
    # Ready, but support goes on until their birthday; that morning's sweep closes it.
    assert ending.closed_at is None
    morning(turns_25 - dt.timedelta(days=1))
    assert Allocation.objects.get(young_person=person).ended_on is None
    morning(turns_25)
    allocation = Allocation.objects.get(young_person=person)
    assert allocation.end_reason == EndReason.SUPPORT_ENDED
    assert not Handover.objects.filter(closed_at=None).exists()


def test_someone_without_a_pa_gets_no_ending_and_no_reminders_meant_for_a_pa(authority, pa):
    born = TODAY - dt.timedelta(days=24 * 365 + 300)
    YoungPersonFactory(authority=authority, date_of_birth=born)  # never had a PA
    morning(birthday(born, 25) - dt.timedelta(days=30), "support_ending")
    assert not Handover.objects.exists() and not Notification.objects.exists()


def test_a_moved_leaving_date_moves_the_handovers(three, pa, manager):
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY + dt.timedelta(days=10), by=manager)
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY + dt.timedelta(days=20), by=manager)
    assert set(Handover.objects.values_list("due_on", flat=True)) == {TODAY + dt.timedelta(days=20)}


def test_when_the_new_pa_also_stops_the_handover_waits_for_the_next(
    three, pa, manager, team, django_capture_on_commit_callbacks
):
    amira = three[0]
    first, second = (UserFactory(role=Role.PA, authority=pa.authority, team=team) for _ in range(2))
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY, by=manager)
    with django_capture_on_commit_callbacks(execute=True):
        portal_services.allocation_change(young_person=amira, pa=first, by=manager)
    handover = Handover.objects.get(young_person=amira)
    assert handover.to_allocation.pa == first and handover.told_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        portal_services.allocation_change(young_person=amira, pa=second, by=manager)
    handover.refresh_from_db()
    assert Handover.objects.filter(young_person=amira).count() == 1
    assert handover.to_allocation.pa == second and handover.check_due_on is not None


def test_a_young_person_without_an_account_hears_of_each_new_pa_by_email(
    three, pa, manager, team, django_capture_on_commit_callbacks
):
    cara = three[2]
    first = UserFactory(role=Role.PA, authority=pa.authority, team=team, first_name="Femi")
    second = UserFactory(role=Role.PA, authority=pa.authority, team=team, first_name="Sian")
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY, by=manager)
    mail.outbox.clear()
    for new_pa in (first, second):
        with django_capture_on_commit_callbacks(execute=True):
            portal_services.allocation_change(young_person=cara, pa=new_pa, by=manager)
    to_cara = [m.body for m in mail.outbox if m.to == ["cara@example.org"]]
    assert len(to_cara) == 2
    assert "Femi" in to_cara[0] and "Sian" in to_cara[1]


def test_someone_given_to_a_leaving_pa_gets_a_handover_straight_away(authority, pa, manager):
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY + dt.timedelta(days=9), by=manager)
    person = YoungPersonFactory(authority=authority)
    portal_services.allocation_start(young_person=person, pa=pa, by=manager)
    handover = Handover.objects.get(young_person=person)
    assert handover.from_pa == pa and handover.due_on == TODAY + dt.timedelta(days=9)


def test_a_stale_form_is_refused_and_a_closed_handover_cannot_change(three, pa, manager):
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY, by=manager)
    handover = Handover.objects.first()
    services.summary_write(handover=handover, text="First.", revision=0, by=pa)
    with pytest.raises(services.StaleHandoverError):
        services.summary_write(handover=handover, text="Second.", revision=0, by=manager)
    assert Handover.objects.get(pk=handover.pk).summary == "First."
    with pytest.raises(services.HandoverError, match="Allocate a new PA first"):
        services.intro_record(handover=handover, held_on=TODAY, revision=1, by=pa)


def test_without_a_team_manager_the_late_check_goes_to_the_service_manager(
    authority, pa, manager, other_manager, django_capture_on_commit_callbacks
):
    from tests.factories import TeamFactory

    other_manager.sees_all_teams = True
    other_manager.save()
    leaderless = TeamFactory(authority=authority, manager=None, name="New team")
    new_pa = UserFactory(role=Role.PA, authority=authority, team=leaderless)
    person = YoungPersonFactory(authority=authority, preferred_contact="text")
    AllocationFactory(young_person=person, pa=pa)
    portal_services.pa_leaving_set(pa=pa, leaving_on=TODAY, by=manager)
    with django_capture_on_commit_callbacks(execute=True):
        portal_services.allocation_change(young_person=person, pa=new_pa, by=manager)
    morning(TODAY + dt.timedelta(days=14), "handover_check")
    assert notes_for(other_manager) == ["handover_late"]
