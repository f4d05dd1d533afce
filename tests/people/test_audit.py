"""Every staff read of a young person's record is audited, as is every change."""

import datetime as dt

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.db.models.signals import pre_save
from django.dispatch.dispatcher import _make_id
from django.urls import reverse

from pathway import services as pathway_services
from pathway.models import Contact
from pathway.windows import BirthdayFacts, window_for
from people.models import YoungPerson
from people.services import allocation_change
from tests.factories import AllocationFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db


def test_a_pa_opening_a_profile_is_recorded_with_who_and_what(client, pa, young_person):
    client.force_login(pa)
    client.get(reverse("portal:young-person-detail", args=[young_person.pk]))
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert entry.actor == pa
    assert entry.object_pk == str(young_person.pk)
    assert entry.content_type.model_class() is YoungPerson


def test_a_refused_read_is_not_recorded_as_an_access(client, other_pa, young_person):
    client.force_login(other_pa)
    response = client.get(reverse("portal:young-person-detail", args=[young_person.pk]))
    assert response.status_code == 404
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_a_reallocation_is_recorded_as_changes(young_person, other_pa, manager):
    allocation_change(young_person=young_person, pa=other_pa, by=manager)
    assert LogEntry.objects.filter(action=LogEntry.Action.CREATE).exists()
    assert LogEntry.objects.filter(action=LogEntry.Action.UPDATE).exists()


def test_the_password_hash_never_enters_the_audit_log(pa):
    pa.set_password("another-long-password")
    pa.save()
    for entry in LogEntry.objects.all():
        assert "password" not in (entry.changes or "")


def _audit_receivers() -> int:
    return sum(1 for key, *_ in pre_save.receivers if key[1] == _make_id(LogEntry))


def test_a_change_after_a_service_inside_another_still_names_who_made_it(young_person, pa, manager):
    """A service inside another's `set_actor` block (or inside a request's) ends its own
    block; what is written next is still the outer actor's, and once every block has
    ended nothing is anybody's and no receiver is left behind."""
    before = _audit_receivers()
    with set_actor(pa):
        with set_actor(manager):
            young_person.preferred_name = "Jay"
            young_person.save()
        young_person.preferred_name = "Jade"
        young_person.save()
    young_person.preferred_name = ""
    young_person.save()
    entries = LogEntry.objects.get_for_object(young_person).order_by("pk")
    assert [entry.actor for entry in entries][-3:] == [manager, pa, None]
    assert _audit_receivers() == before


def test_a_contact_with_the_birthday_questions_is_the_pas(authority, pa):
    """The contact's service records the birthday answers in a block of their own first."""
    person = YoungPersonFactory(authority=authority, date_of_birth=dt.date(2008, 1, 20))
    AllocationFactory(young_person=person, pa=pa, started_on=dt.date(2024, 1, 20))
    today = dt.date(2026, 1, 25)
    facts = BirthdayFacts(
        window=window_for(person.date_of_birth, 18),
        activity="F4",
        home_kind="E",
        home_suitable=True,
    )
    pathway_services.contact_record(
        young_person=person, happened_on=today, method="visit", seen=True, note="",
        by=pa, today=today, birthday_facts=facts,
    )  # fmt: skip
    contact = Contact.objects.get(young_person=person)
    assert LogEntry.objects.get_for_object(contact).get().actor == pa
