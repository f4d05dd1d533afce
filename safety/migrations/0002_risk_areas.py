"""The areas a risk assessment looks at; a council may add its own or retire one."""

from django.db import migrations

AREAS = [
    ("exploitation", "Criminal and sexual exploitation"),
    ("going-missing", "Going missing"),
    ("home-at-risk", "Tenancy or home at risk"),
    ("mental-health", "Mental health and self-harm"),
    ("drugs-and-alcohol", "Drugs and alcohol"),
    ("offending", "Offending and custody"),
    ("domestic-abuse", "Domestic abuse"),
    ("debt", "Debt and financial exploitation"),
]


def create(apps, schema_editor):
    RiskArea = apps.get_model("safety", "RiskArea")
    for position, (slug, name) in enumerate(AREAS):
        RiskArea.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
