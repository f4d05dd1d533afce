"""The outbox's own emails: invitations and messages to young people without an account."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0002_scheduled_task_names'),
    ]

    operations = [
        migrations.CreateModel(
            name='Email',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200, unique=True)),
                ('kind', models.CharField(max_length=40)),
                ('to', models.EmailField(max_length=254)),
                ('object_id', models.BigIntegerField()),
                ('state', models.CharField(choices=[('not_wanted', 'Not emailed'), ('pending', 'Waiting to be emailed'), ('sent', 'Emailed'), ('failed', 'Email failed')], default='pending', max_length=12)),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('retry_at', models.DateTimeField(blank=True, help_text='When the task will try again, after a failure.', null=True)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(condition=models.Q(('state', 'pending')), fields=['created_at'], name='email_pending')],
                'constraints': [models.CheckConstraint(condition=models.Q(('sent_at__isnull', True), ('state', 'sent'), _connector='OR'), name='email_sent_means_sent')],
            },
        ),
    ]
