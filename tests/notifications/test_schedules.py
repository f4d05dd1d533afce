"""Every stored schedule names a task the workers know, in the order the mornings need."""

import pytest
from django_celery_beat.models import PeriodicTask

from config.celery import app

pytestmark = pytest.mark.django_db


def test_every_scheduled_task_is_one_the_workers_run():
    app.loader.import_default_modules()
    scheduled = dict(PeriodicTask.objects.values_list("name", "task"))
    assert set(scheduled.values()) == {
        "notifications.tasks.reminders_sweep",
        "notifications.outbox.notifications_queue_pending",
        "dashboard.tasks.dashboards_warm",
        "handovers.tasks.handovers_day",
        "notifications.tasks.notifications_digest",
    }
    unknown = sorted(task for task in scheduled.values() if task not in app.tasks)
    assert unknown == []


def test_the_handovers_morning_comes_before_the_reminders():
    handovers = PeriodicTask.objects.get(task="handovers.tasks.handovers_day").crontab
    reminders = PeriodicTask.objects.get(task="notifications.tasks.reminders_sweep").crontab
    assert (int(handovers.hour), int(handovers.minute)) < (
        int(reminders.hour),
        int(reminders.minute),
    )
