"""Every staff read of a young person's record is audited, as is every change."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from people.models import YoungPerson
from people.services import allocation_change

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
