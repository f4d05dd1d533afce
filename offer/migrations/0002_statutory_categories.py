"""The areas the Children and Social Work Act 2017 (s.2) says a local offer covers, and money."""

from django.db import migrations

CATEGORIES = [
    (
        "money",
        "Money",
        "Grants, allowances and help to manage your money.",
    ),
    (
        "accommodation",
        "Somewhere to live",
        "Finding a home, staying put, and help to keep your home.",
    ),
    (
        "education-and-training",
        "Education and training",
        "School, college, university and training, and money to help you study.",
    ),
    (
        "employment",
        "Work and jobs",
        "Finding work, apprenticeships, and help with CVs and interviews.",
    ),
    (
        "health-and-wellbeing",
        "Health and wellbeing",
        "Your health, your mind, doctors, dentists and feeling well.",
    ),
    (
        "relationships",
        "Family, friends and relationships",
        "Keeping in touch with people who matter to you, and support as a parent.",
    ),
    (
        "participation-in-society",
        "Your rights and having a say",
        "Your records, your voice, advice, ID, and things to do.",
    ),
]


def create(apps, schema_editor):
    Category = apps.get_model("offer", "Category")
    for position, (slug, name, summary) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "summary": summary, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("offer", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
