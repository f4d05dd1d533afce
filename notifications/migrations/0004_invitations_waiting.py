"""Invitations made before the outbox sent them, and not yet emailed, go to the outbox.

Their old links were only in the lost tasks' messages; the outbox sends each a link worked
out afresh, and stores its hash then (`people.invitations.invitation_email`)."""

from django.db import migrations
from django.utils import timezone


def to_the_outbox(apps, schema_editor):
    Invitation = apps.get_model("portal", "Invitation")
    Email = apps.get_model("notifications", "Email")
    waiting = Invitation.objects.filter(
        emailed_at__isnull=True,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    Email.objects.bulk_create(
        [
            Email(
                key=f"invitation:{invitation.pk}",
                kind="invitation",
                to=invitation.email,
                object_id=invitation.pk,
            )
            for invitation in waiting
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_outbox_email"),
        ("portal", "0010_delete_notification"),
    ]

    operations = [migrations.RunPython(to_the_outbox, migrations.RunPython.noop)]
