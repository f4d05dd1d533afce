"""The areas the Children's Wellbeing and Schools Act 2026 (s.8) adds to the local offer:
transition to adulthood, homelessness and housing (with the housing authorities), after
custody, and money and managing it (the existing money area, widened to financial literacy)."""

from django.db import migrations

NEW_AREAS = [
    (
        "transition-to-adulthood",
        "Growing up and moving on",
        "Getting ready for adult life: adult services, your rights at 18, and what changes.",
    ),
    (
        "homelessness-and-housing",
        "Homelessness and housing",
        "If you might lose your home, help early, and how we work with housing services.",
    ),
    (
        "after-custody",
        "After custody",
        "Help before and after you leave prison or a young offender institution.",
    ),
]
MONEY = ("Money and managing it", "Grants, allowances, and help to budget and manage your money.")
OLD_MONEY = ("Money", "Grants, allowances and help to manage your money.")


def create(apps, schema_editor):
    Category = apps.get_model("offer", "Category")
    Category.objects.filter(slug="money").update(name=MONEY[0], summary=MONEY[1])
    last = max(Category.objects.values_list("position", flat=True), default=0)
    for position, (slug, name, summary) in enumerate(NEW_AREAS, start=last + 1):
        Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "summary": summary, "position": position}
        )


def remove(apps, schema_editor):
    Category = apps.get_model("offer", "Category")
    Category.objects.filter(slug="money").update(name=OLD_MONEY[0], summary=OLD_MONEY[1])
    Category.objects.filter(slug__in=[slug for slug, _, _ in NEW_AREAS], versions=None).delete()


class Migration(migrations.Migration):
    dependencies = [("offer", "0004_category_search_vector")]

    operations = [migrations.RunPython(create, remove)]
