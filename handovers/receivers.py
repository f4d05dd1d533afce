"""Handovers start from the people app's signals, inside the transaction that caused them."""

from __future__ import annotations

from django.dispatch import receiver

from handovers import services
from people.signals import allocation_ended, allocation_started, pa_leaving, pa_leaving_cancelled


@receiver(pa_leaving)
def start_handovers_for_leaving_pa(sender, pa, leaving_on, **kwargs) -> None:
    services.handovers_for_leaving_pa(pa=pa, leaving_on=leaving_on)


@receiver(pa_leaving_cancelled)
def cancel_handovers_not_started(sender, pa, by, **kwargs) -> None:
    services.handovers_cancel_for_leaving_pa(pa=pa, by=by)


@receiver(allocation_ended)
def start_handover_for_ended_allocation(sender, allocation, **kwargs) -> None:
    services.handover_for_ended_allocation(allocation=allocation)


@receiver(allocation_started)
def give_the_handover_its_new_pa(sender, allocation, **kwargs) -> None:
    services.new_pa_allocated(allocation=allocation)
    services.new_pa_tell(allocation=allocation)
