"""Background work for the dashboard."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from dashboard import figures as dashboard


@shared_task(acks_late=True)
def dashboards_warm() -> int:
    """Nightly (beat): work out the dashboards' earlier months before the first manager looks."""
    return dashboard.warm(timezone.localdate())
