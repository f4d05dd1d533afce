"""Background work for the dashboard."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.utils import timezone

from dashboard import figures as dashboard
from dashboard import regional


@shared_task(acks_late=True)
def dashboards_warm() -> int:
    """Nightly (beat): work out the dashboards' earlier months before the first manager
    looks, and keep every region's figures at the end of the day that has just ended."""
    today = timezone.localdate()
    try:
        return dashboard.warm(today)
    finally:  # the regions' figures even if a council's dashboard failed
        regional.figures_every_region(today - dt.timedelta(days=1))
