"""Notifications move to their own app (notifications/); their table stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0009_dashboards_warm_schedule"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Notification")],
        ),
    ]
