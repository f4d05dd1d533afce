"""The rota reacts to the people app's signals, inside the transaction that caused them."""

from __future__ import annotations

from django.dispatch import receiver

from people.signals import pa_leaving
from rota import services


@receiver(pa_leaving)
def free_the_shifts_of_a_leaving_pa(sender, pa, leaving_on, by=None, **kwargs) -> None:
    services.shifts_after_last_day(pa=pa, leaving_on=leaving_on, by=by)
