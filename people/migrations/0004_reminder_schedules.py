"""The background schedules, stored with django-celery-beat so an admin can change them.

The daily reminder sweep runs at 06:30 (UK time), before people start work; the outbox
run, which queues any email whose task was lost, every five minutes.
"""

from django.db import migrations

SWEEP = "Daily reminders"
OUTBOX = "Send emails left waiting"


def add_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    morning, _ = CrontabSchedule.objects.get_or_create(
        minute="30",
        hour="6",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/London",
    )
    every_five, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.update_or_create(
        name=SWEEP,
        defaults={
            "task": "portal.tasks.reminders_sweep",
            "crontab": morning,
            "description": "Reviews, contact, actions, birthdays, money, offer content, "
            "duty shifts and handover checks: each reminder is sent once.",
        },
    )
    PeriodicTask.objects.update_or_create(
        name=OUTBOX,
        defaults={
            "task": "portal.tasks.notifications_queue_pending",
            "interval": every_five,
            "description": "Queues any notification email still waiting after two minutes.",
        },
    )


def remove_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[SWEEP, OUTBOX]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_notifications_and_leaving_dates"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(add_schedules, remove_schedules)]
