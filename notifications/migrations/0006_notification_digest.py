"""Kinds that come in bursts are emailed once a day, together: the digest and its schedule
(17:30, UK time, so a burst in the working day reaches people the same evening)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

NAME = "Notifications: the day's digest emails"


def add_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    evening, _ = CrontabSchedule.objects.get_or_create(
        minute="30",
        hour="17",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/London",
    )
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={
            "task": "notifications.tasks.notifications_digest",
            "crontab": evening,
            "description": "Emails each person one message a day for each kind of "
            "notification that comes in bursts (a PA's leaving date), listing them.",
        },
    )
    # A running beat reads the schedule again only when this moves on.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=NAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0005_text_outbox'),
        ('portal', '0012_audit_trail_keeps_no_record_values'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.AlterField(
            model_name='email',
            name='state',
            field=models.CharField(choices=[('not_wanted', 'Not emailed'), ('pending', 'Waiting to be emailed'), ('digest', "Waiting for the day's email"), ('sent', 'Emailed'), ('failed', 'Email failed')], default='pending', max_length=12),
        ),
        migrations.AlterField(
            model_name='notification',
            name='email_state',
            field=models.CharField(choices=[('not_wanted', 'Not emailed'), ('pending', 'Waiting to be emailed'), ('digest', "Waiting for the day's email"), ('sent', 'Emailed'), ('failed', 'Email failed')], default='not_wanted', max_length=12),
        ),
        migrations.CreateModel(
            name='NotificationDigest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=30)),
                ('day', models.DateField()),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.AddField(
            model_name='notification',
            name='digest',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='notifications', to='notifications.notificationdigest'),
        ),
        migrations.AddIndex(
            model_name='notification',
            index=models.Index(condition=models.Q(('digest__isnull', True), ('email_state', 'digest')), fields=['recipient', 'kind'], name='notification_digest_waiting'),
        ),
        migrations.AddConstraint(
            model_name='notificationdigest',
            constraint=models.UniqueConstraint(fields=('recipient', 'kind', 'day'), name='notification_digest_once_a_day'),
        ),
        migrations.RunPython(add_schedule, remove_schedule),
    ]
