"""Notifications become an app of their own, over the table they already had."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('portal', '0010_delete_notification'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # The table was made by the people app ("portal"); only Django's idea of who owns it moves.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='Notification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200)),
                ('kind', models.CharField(max_length=30)),
                ('due_on', models.DateField(blank=True, null=True)),
                ('message', models.CharField(max_length=500)),
                ('link', models.CharField(blank=True, max_length=300)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('read_at', models.DateTimeField(blank=True, null=True)),
                ('email_state', models.CharField(choices=[('not_wanted', 'Not emailed'), ('pending', 'Waiting to be emailed'), ('sent', 'Emailed'), ('failed', 'Email failed')], default='not_wanted', max_length=12)),
                ('email_attempts', models.PositiveSmallIntegerField(default=0)),
                ('email_retry_at', models.DateTimeField(blank=True, help_text='When the task will try the email again, after a failure.', null=True)),
                ('emailed_at', models.DateTimeField(blank=True, null=True)),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                ('young_person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='portal.youngperson')),
            ],
            options={
                'db_table': 'portal_notification',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(condition=models.Q(('read_at__isnull', True)), fields=['recipient'], name='notification_unread'), models.Index(condition=models.Q(('email_state', 'pending')), fields=['created_at'], name='notification_email_pending')],
                'constraints': [models.UniqueConstraint(fields=('recipient', 'key'), name='notification_sent_once'), models.CheckConstraint(condition=models.Q(('emailed_at__isnull', True), ('email_state', 'sent'), _connector='OR'), name='notification_emailed_means_sent')],
            },
        ),
            ],
        ),
    ]
