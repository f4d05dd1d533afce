"""Whether a home is suitable is kept in one place: the dated accommodation history.

It was kept twice: as a yes or no in the plan's accommodation section, and on each home
in the history, which the dashboard and the statutory returns read. The two could
disagree. From now on the plan reads the current home's answer and writes a changed one
into the history (a new spell of the same home, `is_reassessment`).

Which side wins where they disagree: the newer judgement. If the section was saved after
the current home was recorded, its answer is a later judgement of the same home, so it
goes into the history from the day the section was saved; the returns for earlier dates
keep what was recorded then. If the home was recorded after the section was saved, the
plan's answer was about an earlier home or an older view, and the history stands. No
fixed abode and custody stay not suitable whatever the plan said, as the DfE counts them.
A section whose young person has no home recorded keeps its old answer (no longer read):
it cannot be given a date or a home, and nothing is thrown away.
"""

from django.db import migrations, models
from django.utils import timezone

NEVER_SUITABLE = ("S", "X")


def _latest_home(spells, young_person_id):
    return spells.filter(young_person_id=young_person_id).order_by("-started_on", "-pk").first()


def reconcile(apps, schema_editor):
    Section = apps.get_model("pathway", "Section")
    AccommodationSpell = apps.get_model("pathway", "AccommodationSpell")
    sections = Section.objects.filter(
        matter="accommodation", suitability__has_key="suitable"
    ).select_related("plan")
    for section in sections.iterator(chunk_size=500):
        plan = section.plan
        home = _latest_home(AccommodationSpell.objects, plan.young_person_id)
        if home is None:
            continue
        said = {"yes": True, "no": False}.get(section.suitability.get("suitable"))
        judged_at = section.updated_at or plan.created_at
        if (
            said is not None
            and said != home.suitable
            and judged_at > home.recorded_at
            and not (said and home.kind in NEVER_SUITABLE)
        ):
            day = max(timezone.localdate(judged_at), home.started_on)
            if day == home.started_on:
                home.suitable = said
                home.save(update_fields=["suitable"])
            else:
                AccommodationSpell.objects.create(
                    young_person_id=plan.young_person_id,
                    started_on=day,
                    kind=home.kind,
                    suitable=said,
                    description=home.description,
                    is_reassessment=True,
                    recorded_by_id=section.updated_by_id or plan.started_by_id,
                    recorded_at=judged_at,
                )
        del section.suitability["suitable"]
        section.save(update_fields=["suitability"])


def answer_again(apps, schema_editor):
    """Backwards: the section says again what the current home's record says."""
    Section = apps.get_model("pathway", "Section")
    AccommodationSpell = apps.get_model("pathway", "AccommodationSpell")
    sections = Section.objects.filter(matter="accommodation").select_related("plan")
    for section in sections.iterator(chunk_size=500):
        home = _latest_home(AccommodationSpell.objects, section.plan.young_person_id)
        if home is not None and "suitable" not in section.suitability:
            section.suitability["suitable"] = "yes" if home.suitable else "no"
            section.save(update_fields=["suitability"])


class Migration(migrations.Migration):
    dependencies = [
        ("pathway", "0007_contact_request"),
    ]

    operations = [
        migrations.AddField(
            model_name="accommodationspell",
            name="is_reassessment",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(reconcile, answer_again),
    ]
