"""Change entries written before people/audit.py masked values lose those values now.

It reads which fields are masked from the running registry (people.audit), so it uses the
models as they are today; masked values become "(not recorded)", field names stay.
"""

from auditlog.registry import auditlog
from django.apps import apps as live_apps
from django.db import migrations

NOT_RECORDED = "(not recorded)"


def mask_old_entries(apps, schema_editor):
    LogEntry = apps.get_model("auditlog", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    masked = {}
    for content_type in ContentType.objects.all():
        model = live_apps.all_models.get(content_type.app_label, {}).get(content_type.model)
        if model is not None and auditlog.contains(model):
            fields = set(auditlog.get_model_fields(model)["mask_fields"])
            if fields:
                masked[content_type.pk] = fields
    batch = []
    entries = LogEntry.objects.filter(content_type_id__in=masked).exclude(changes=None)
    for entry in entries.iterator(chunk_size=2000):
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        fields = masked[entry.content_type_id]
        if not any(name in fields for name in changes):
            continue
        entry.changes = {
            name: [NOT_RECORDED, NOT_RECORDED] if name in fields else values
            for name, values in changes.items()
        }
        entry.changes_text = ""
        batch.append(entry)
        if len(batch) == 2000:
            LogEntry.objects.bulk_update(batch, ["changes", "changes_text"])
            batch = []
    LogEntry.objects.bulk_update(batch, ["changes", "changes_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0011_auditor_role"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(mask_old_entries, migrations.RunPython.noop)]
