"""A fresh install has the eight checklist areas with their questions, and the skills for
living on your own. Administrators change them in the admin."""

from django.db import migrations

AREAS = [
    ("Where I live", "housing", "accommodation", [
        "I feel safe where I live",
        "I know how to pay my rent and bills",
        "I know what to do if something breaks or needs repair",
    ]),
    ("My health", "health", "health", [
        "I am registered with a GP and a dentist",
        "I know where to get help if I feel low or anxious",
        "I eat well and sleep well most days",
    ]),
    ("People in my life", "relationships", "relationships", [
        "I have someone I can talk to when things are hard",
        "I see the family and friends I want to see",
        "I feel safe in my relationships",
    ]),
    ("Things I do", "activities", "employment", [
        "I have things to do that I enjoy",
        "I know about clubs, sport or volunteering near me",
    ]),
    ("Money", "finances", "finance", [
        "I have a bank account",
        "I have enough money for food and bills each week",
        "I know what money I can get from the council",
    ]),
    ("Learning and work", "careers", "education", [
        "I know what I want to do next in learning or work",
        "I know who can help me find a course, a job or an apprenticeship",
    ]),
    ("Doing things for myself", "independence", "skills", [
        "I can cook simple meals for myself",
        "I can keep my home clean and do my washing",
        "I can get around on my own",
    ]),
    ("Who I am", "identity", "identity", [
        "I have my passport or ID, and my birth certificate",
        "I know about my life story and where I come from",
        "I feel my culture and faith are respected",
    ]),
]

SKILLS = [
    "Cook seven simple, healthy meals",
    "Register with a GP and a dentist",
    "Manage a weekly budget",
    "Open and use a bank account",
    "Pay bills and know what happens if you miss one",
    "Understand a tenancy agreement",
    "Travel on your own by bus or train",
    "Shop for food on a budget",
    "Do your washing and keep your home clean",
    "Make and go to appointments",
]


def seed(apps, schema_editor):
    Area = apps.get_model("voice", "Area")
    Question = apps.get_model("voice", "Question")
    Skill = apps.get_model("voice", "Skill")
    for order, (name, slug, matter, questions) in enumerate(AREAS):
        area, _ = Area.objects.get_or_create(
            slug=slug, defaults={"name": name, "matter": matter, "order": order}
        )
        for number, text in enumerate(questions):
            Question.objects.get_or_create(area=area, text=text, defaults={"order": number})
    for order, name in enumerate(SKILLS):
        Skill.objects.get_or_create(name=name, defaults={"order": order, "from_age": 14})


class Migration(migrations.Migration):
    dependencies = [("voice", "0001_checklists_check_ins_skills_surveys")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
