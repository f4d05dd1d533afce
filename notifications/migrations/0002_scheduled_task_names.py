"""The scheduled tasks moved with their code; point the stored schedules at the new names."""

from django.db import migrations
from django.utils import timezone

MOVED = {
    "portal.tasks.reminders_sweep": "notifications.tasks.reminders_sweep",
    "portal.tasks.notifications_queue_pending": "notifications.outbox.notifications_queue_pending",
    "portal.tasks.dashboards_warm": "dashboard.tasks.dashboards_warm",
}


def rename(apps, schema_editor, names: dict[str, str]) -> None:
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for old, new in names.items():
        PeriodicTask.objects.filter(task=old).update(task=new)
    # An update() does not tell a running beat that the schedule changed; this does.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("portal", "0009_dashboards_warm_schedule"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, editor: rename(apps, editor, MOVED),
            lambda apps, editor: rename(apps, editor, {new: old for old, new in MOVED.items()}),
        )
    ]
