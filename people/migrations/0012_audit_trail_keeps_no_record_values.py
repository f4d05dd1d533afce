"""Entries written before people/audit.py masked values lose those values now.

For every model the portal audits with people.audit.audit_register, each entry's values
become "(not recorded)" (field names stay) and the record is named by its kind and id.
It reads the running registry, so it uses the models as they are today. It works in
batches, each its own transaction, so a large trail is not locked for the whole run.
"""

from django.apps import apps as live_apps
from django.db import migrations, transaction

from people.audit import _NAMED_BY_ID, NOT_RECORDED, masked_fields, neutral_name

BATCH = 2000


def mask_old_entries(apps, schema_editor):
    LogEntry = apps.get_model("auditlog", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    masked = {}
    for content_type in ContentType.objects.all():
        model = live_apps.all_models.get(content_type.app_label, {}).get(content_type.model)
        if model in _NAMED_BY_ID:
            # Kept: the id and the links, by today's model; every other name is masked,
            # including fields since renamed or removed.
            kept = {f.name for f in model._meta.concrete_fields} - set(masked_fields(model))
            masked[content_type.pk] = (model, kept)
    last = 0
    while True:
        with transaction.atomic():
            entries = list(
                LogEntry.objects.filter(content_type_id__in=masked, pk__gt=last).order_by("pk")[
                    :BATCH
                ]
            )
            if not entries:
                return
            for entry in entries:
                model, kept = masked[entry.content_type_id]
                changes = entry.changes if isinstance(entry.changes, dict) else None
                if changes is not None:
                    entry.changes = {
                        name: values if name in kept else [NOT_RECORDED, NOT_RECORDED]
                        for name, values in changes.items()
                    }
                entry.changes_text = ""
                entry.object_repr = neutral_name(model, entry.object_pk)
            LogEntry.objects.bulk_update(entries, ["changes", "changes_text", "object_repr"])
            last = entries[-1].pk


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("portal", "0011_auditor_role"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(mask_old_entries, migrations.RunPython.noop)]
