"""The taxonomies the directory is tagged with, and every offer item's free-text provider
turned into an organisation and a service in the directory (one per provider name in each
council), linked from the item. The text stays on the item's versions, as history."""

from django.db import migrations

LGA_URI = "http://id.esd.org.uk/list/services"
PORTAL_URI = "https://github.com/leaving-care-portal/service-types"
SERVICE_TYPES = [
    ("housing", "Housing options and homelessness", "Help to find and keep a home."),
    ("mental-health", "Mental health", "Support for emotional wellbeing and mental health."),
    ("camhs", "Child and adolescent mental health", "CAMHS, up to 18."),
    ("substance-misuse", "Drugs and alcohol", "Support with drug and alcohol use."),
    ("careers", "Careers advice", "Advice on work, training and education."),
    ("education", "Colleges and training", "Courses, apprenticeships and training."),
    ("employment", "Jobcentre Plus", "Work coaches, benefits and jobs."),
    ("police", "Police", "Safety, crime prevention and support for victims."),
    ("health", "Health services", "GPs, health visitors and sexual health."),
    ("charity", "Charities and community groups", "Voluntary support and advocacy."),
    ("send", "Special educational needs and disability", "EHC plans and adult support."),
]


def taxonomies(apps, schema_editor):
    """The LGA service list's leaving care term and the portal's service types (again after
    a test flushed the tables: it makes only what is missing)."""
    Taxonomy = apps.get_model("partners", "Taxonomy")
    TaxonomyTerm = apps.get_model("partners", "TaxonomyTerm")
    lga, _ = Taxonomy.objects.get_or_create(
        uri=LGA_URI,
        defaults={
            "name": "LGA service list",
            "description": "The Local Government Association's list of the services councils "
            "provide.",
            "version": "4.00",
        },
    )
    TaxonomyTerm.objects.get_or_create(
        taxonomy=lga,
        code="918",
        defaults={
            "name": "Support for young people leaving care",
            "description": "Support for young people who were in the council's care to "
            "prepare for their future, up to 25.",
            "term_uri": "http://id.esd.org.uk/service/918",
        },
    )
    portal, _ = Taxonomy.objects.get_or_create(
        uri=PORTAL_URI,
        defaults={
            "name": "Leaving care partner service types",
            "description": "The kinds of partner service a leaving care team refers young "
            "people to.",
            "version": "1",
        },
    )
    for code, name, description in SERVICE_TYPES:
        TaxonomyTerm.objects.get_or_create(
            taxonomy=portal,
            code=code,
            defaults={
                "name": name,
                "description": description,
                "term_uri": f"{PORTAL_URI}#{code}",
            },
        )


def forwards(apps, schema_editor):
    taxonomies(apps, schema_editor)
    Organization = apps.get_model("partners", "Organization")
    Service = apps.get_model("partners", "Service")
    OfferProvider = apps.get_model("partners", "OfferProvider")
    OfferItem = apps.get_model("offer", "OfferItem")
    OfferItemVersion = apps.get_model("offer", "OfferItemVersion")

    for item in OfferItem.objects.filter(provider__isnull=True):
        version = (
            OfferItemVersion.objects.filter(item=item, state="published").first()
            or OfferItemVersion.objects.filter(item=item).order_by("-number").first()
        )
        if version is None or not version.provider_name.strip():
            continue
        name = version.provider_name.strip()[:160]
        organization, _ = Organization.objects.get_or_create(
            authority_id=item.authority_id,
            name=name,
            defaults={"description": f"{name}, who provide part of the local offer."},
        )
        service = Service.objects.filter(organization=organization, name=name).first()
        if service is None:
            service = Service.objects.create(
                organization=organization,
                name=name,
                description=version.summary,
                phone=version.provider_phone,
                email=version.provider_email,
                url=version.provider_website,
                takes_referrals=False,
                is_published=version.state == "published",
            )
        OfferProvider.objects.create(item=item, service=service)


def backwards(apps, schema_editor):
    for model in ("OfferProvider", "Service", "Organization", "TaxonomyTerm", "Taxonomy"):
        apps.get_model("partners", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_directory_referrals_sessions"),
        ("offer", "0004_category_search_vector"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
