"""Allocations: one current PA per young person, whatever the route in."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from people.models import Allocation, EndReason
from people.services import AllocationError, allocation_change, allocation_start
from tests.factories import AllocationFactory

pytestmark = pytest.mark.django_db


def test_database_refuses_a_second_current_allocation(young_person, other_pa):
    with pytest.raises(IntegrityError), transaction.atomic():
        Allocation.objects.create(young_person=young_person, pa=other_pa, started_on="2026-01-01")
    assert young_person.allocations.filter(ended_on__isnull=True).count() == 1


def test_starting_a_second_allocation_says_why_and_changes_nothing(young_person, other_pa, manager):
    before = list(young_person.allocations.values_list("pk", "pa_id", "ended_on"))
    with pytest.raises(AllocationError, match="already has a PA"):
        allocation_start(young_person=young_person, pa=other_pa, by=manager)
    assert list(young_person.allocations.values_list("pk", "pa_id", "ended_on")) == before


def test_reallocating_ends_the_old_allocation_and_starts_a_new_one(
    young_person, pa, other_pa, manager
):
    new = allocation_change(young_person=young_person, pa=other_pa, by=manager)
    old = young_person.allocations.get(pa=pa)
    assert old.ended_on is not None and old.end_reason == EndReason.REALLOCATED
    assert new.pa == other_pa and new.is_current
    assert young_person.allocations.filter(ended_on__isnull=True).count() == 1


def test_reallocating_to_the_same_pa_is_refused(young_person, pa, manager):
    with pytest.raises(AllocationError, match="already"):
        allocation_change(young_person=young_person, pa=pa, by=manager)


def test_an_ended_allocation_needs_a_reason(young_person):
    allocation = young_person.allocations.get()
    allocation.ended_on = allocation.started_on
    with pytest.raises(IntegrityError), transaction.atomic():
        allocation.save()


def test_manager_allocates_an_unallocated_young_person(client, manager, pa, authority):
    from tests.factories import YoungPersonFactory

    person = YoungPersonFactory(authority=authority)
    client.force_login(manager)
    response = client.post(reverse("portal:allocation-create", args=[person.pk]), {"pa": pa.pk})
    assert response.status_code == 302
    assert person.allocations.get().pa == pa


def test_manager_cannot_allocate_to_a_pa_outside_their_teams(client, manager, other_pa, authority):
    from tests.factories import YoungPersonFactory

    person = YoungPersonFactory(authority=authority)
    client.force_login(manager)
    response = client.post(
        reverse("portal:allocation-create", args=[person.pk]), {"pa": other_pa.pk}
    )
    assert response.status_code == 200
    assert "Choose a personal adviser from the list" in response.content.decode()
    assert not person.allocations.exists()


def test_a_young_person_with_history_keeps_every_allocation(young_person, pa, other_pa, manager):
    AllocationFactory.reset_sequence()
    allocation_change(young_person=young_person, pa=other_pa, by=manager)
    allocation_change(young_person=young_person, pa=pa, by=manager)
    assert young_person.allocations.count() == 3
    assert young_person.allocations.filter(ended_on__isnull=True).get().pa == pa
