"""The handovers' own morning (06:15, UK time), before the reminders at 06:30."""

from django.db import migrations
from django.utils import timezone

NAME = "Handovers: the day's steps"


def add_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    morning, _ = CrontabSchedule.objects.get_or_create(
        minute="15",
        hour="6",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/London",
    )
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={
            "task": "handovers.tasks.handovers_day",
            "crontab": morning,
            "description": "Records the 14-day checks, starts endings 90 days before a 25th "
            "birthday, tells young people who their new PA is, and closes endings whose day "
            "has come. The reminders about them follow at 06:30.",
        },
    )
    # A running beat reads the schedule again only when this moves on.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("handovers", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(add_schedule, remove_schedule)]
