"""factory-boy factories for the cast of every test."""

import datetime as dt
import io
import zipfile
from importlib import import_module

import factory
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps as django_apps
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from offer import cache as public_pages
from partners import services as partner_services
from partners.models import (
    Location,
    Organization,
    PartnerWorker,
    Schedule,
    Service,
    ServiceAtLocation,
    Session,
    SessionKind,
    TaxonomyTerm,
)
from people.demo import DEMO_TOTP_SECRET
from people.models import Allocation, Authority, LegalStatus, Role, Team, User, YoungPerson
from voice import services as voice_services
from voice.models import Area, Reply, Skill, Survey, SurveyQuestion

TEST_PASSWORD = "a-long-test-password"


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authority
        django_get_or_create = ["slug"]

    name = "Testshire Council"
    slug = "testshire"
    duty_phone = "01632 960 999"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    role = Role.PA
    authority = factory.SubFactory(AuthorityFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def mfa(obj, create, extracted, **kwargs):
        """Staff get an authenticator app unless the test says `mfa=False`."""
        if create and obj.is_staff_role and extracted is not False:
            TOTP.activate(obj, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(obj)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    authority = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    manager = factory.SubFactory(UserFactory, role=Role.MANAGER)


class YoungPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YoungPerson

    authority = factory.SubFactory(AuthorityFactory)
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = factory.LazyFunction(
        lambda: timezone.localdate() - dt.timedelta(days=19 * 365 + 40)
    )
    legal_status = LegalStatus.FORMER_RELEVANT
    date_left_care = factory.LazyAttribute(
        lambda o: o.date_of_birth + dt.timedelta(days=18 * 365 + 10)
    )
    phone = "07700 900123"
    child_id = factory.Sequence(lambda n: f"C{n:05d}")


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    young_person = factory.SubFactory(YoungPersonFactory)
    pa = factory.SubFactory(UserFactory, role=Role.PA)
    started_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=200))


def care_leaver_account(person, email: str):
    """A care leaver's account, linked to their record."""
    user = UserFactory(
        role=Role.CARE_LEAVER, authority=person.authority, email=email, first_name=person.first_name
    )
    person.user = user
    person.save(update_fields=["user"])
    return user


def cast_of_people(
    *, council: str = "Testshire", prefix: str = "", names=("Jade Okoro", "Ryan Doyle")
) -> dict:
    """The conftest's cast, made in one go (for a world shared by a module's tests); another
    `council`, with a `prefix` for its emails and other `names`, makes a second council's."""
    authority = AuthorityFactory(name=f"{council} Council", slug=council.lower())

    def email(name: str) -> str:
        return f"{prefix}{name}@example.org"

    manager = UserFactory(role=Role.MANAGER, authority=authority, email=email("manager"))
    other_manager = UserFactory(
        role=Role.MANAGER, authority=authority, email=email("other.manager")
    )
    team = TeamFactory(authority=authority, manager=manager, name="North team")
    other_team = TeamFactory(authority=authority, manager=other_manager, name="South team")
    pa = UserFactory(role=Role.PA, authority=authority, team=team, email=email("pa"))
    other_pa = UserFactory(
        role=Role.PA, authority=authority, team=other_team, email=email("other.pa")
    )
    (first, last), (other_first, other_last) = (name.split() for name in names)
    young_person = YoungPersonFactory(authority=authority, first_name=first, last_name=last)
    AllocationFactory(young_person=young_person, pa=pa)
    other_young_person = YoungPersonFactory(
        authority=authority, first_name=other_first, last_name=other_last
    )
    AllocationFactory(young_person=other_young_person, pa=other_pa)
    return {
        "care_leaver": care_leaver_account(young_person, email(first.lower())),
        "other_care_leaver": care_leaver_account(other_young_person, email(other_first.lower())),
        "pa": pa,
        "other_pa": other_pa,
        "manager": manager,
        "other_manager": other_manager,
        "admin_user": UserFactory(
            role=Role.ADMIN, authority=authority, email=email("admin"), is_superuser=True
        ),
        "auditor": UserFactory(role=Role.AUDITOR, authority=authority, email=email("auditor")),
        "offer_editor": UserFactory(
            role=Role.OFFER_EDITOR, authority=authority, email=email("editor")
        ),
        "partner": UserFactory(role=Role.PARTNER, authority=authority, email=email("partner")),
        "other_partner": UserFactory(
            role=Role.PARTNER, authority=authority, email=email("other.partner")
        ),
    }


def offer_content(**overrides) -> dict:
    """The words and rules of an offer item, as the item form hands them to the services."""
    from offer.models import Category

    content = {
        "category": Category.objects.get(slug="money"),
        "title": "Setting up home allowance",
        "summary": "Money to buy what you need for your first home.",
        "body": "You can spend it on a bed, a cooker and a fridge.",
        "how_to_get": "Ask your personal adviser.",
        "provider_name": "Testshire leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "",
        "provider_website": "",
        "amount_pence": 300000,
        "amount_period": "once",
        "scheme": None,
        "keywords": "furniture, white goods",
        "min_age": None,
        "max_age": None,
        "legal_statuses": [],
        "circumstances": [],
    }
    content.update(overrides)
    return content


def offer_item(
    *, editor, manager, slug: str = "setting-up-home-allowance", publish=True, **content
):
    """An offer item made through the services: drafted by `editor`, approved by `manager`."""
    from offer import services

    item = services.item_create(
        authority=editor.authority,
        slug=slug,
        owner=editor,
        review_by=timezone.localdate() + dt.timedelta(days=90),
        content=offer_content(**content),
        by=editor,
    )
    if publish:
        services.item_submit(item=item, by=editor)
        services.item_approve(item=item, number=1, by=manager)
    return item


def regional_item(*, region, editor, lead, slug: str = "staying-close", **content):
    """A regional item of `region`, written by `editor` (of a member council) and
    approved by the region's `lead`, through the services."""
    from offer import services

    content.setdefault("title", "Staying Close across the region")
    content.setdefault("amount_pence", None)
    content.setdefault("amount_period", "")
    item = services.item_create(
        authority=None,
        region=region,
        slug=slug,
        owner=editor,
        review_by=timezone.localdate() + dt.timedelta(days=90),
        content=offer_content(**content),
        by=editor,
    )
    services.item_submit(item=item, by=editor)
    services.item_approve(item=item, number=1, by=lead)
    return item


def region_world(*, editor, lead, slug: str = ""):
    """A region with the editor's council in it, led by `lead`, with one approved regional
    item carrying the council's own local note."""
    from dashboard.regional import figures_make
    from offer import services
    from people.models import Region

    region = Region.objects.create(
        name=f"{editor.authority.name.removesuffix(' Council')} and Wolds",
        slug=slug or f"{editor.authority.slug}-and-wolds",
        lead=lead,
    )
    for council in {editor.authority, lead.authority}:
        council.region = region
        council.save(update_fields=["region"])
    editor.authority.refresh_from_db()
    item = regional_item(region=region, editor=editor, lead=lead)
    # A council's local note is its managers'.
    council_manager = (
        lead
        if lead.authority_id == editor.authority_id and lead.role == Role.MANAGER
        else UserFactory(role=Role.MANAGER, authority=editor.authority)
    )
    services.local_note_save(
        item=item,
        authority=editor.authority,
        text="In Testshire, ask at the Hub on Market Street.",
        by=council_manager,
    )
    figures_make(region, timezone.localdate() - dt.timedelta(days=1))  # as the night keeps
    return region, item


def published_in_bulk(authority, editor, overrides: list[dict], *, start: int = 0) -> list:
    """One published item per entry of `overrides` (its rules or words), in two bulk inserts.

    For tests that need many items quickly; the services make items one at a time.
    """
    from offer.models import OfferItem, OfferItemVersion, VersionState

    review_by = timezone.localdate() + dt.timedelta(days=60)
    items = OfferItem.objects.bulk_create(
        OfferItem(authority=authority, slug=f"bulk-{n}", owner=editor, review_by=review_by)
        for n in range(start, start + len(overrides))
    )
    versions = OfferItemVersion.objects.bulk_create(
        OfferItemVersion(
            item=item,
            number=1,
            state=VersionState.PUBLISHED,
            created_by=editor,
            published_by=editor,
            published_at=timezone.now(),
            **offer_content(**{"title": f"Grant {item.slug}", **changes}),
        )
        for item, changes in zip(items, overrides, strict=True)
    )
    public_pages.clear()  # as publishing through the services would
    return versions


# --- Pathway plans -------------------------------------------------------------------------


def docx_bytes(parts: dict[str, str | bytes] | None = None, *, content_types="<Types/>") -> bytes:
    """A Word document: a ZIP with the two parts Word needs, and any `parts` added."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("word/document.xml", "<w:document/>")
        for name, content in (parts or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def image_bytes(image_format: str = "JPEG", size=(20, 10), **options) -> bytes:
    """A small picture drawn by Pillow, saved with `options` (exif=, comment=, pnginfo=...)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, image_format, **options)
    return buffer.getvalue()


def pdf_bytes(writer: PdfWriter | None = None) -> bytes:
    """A one-page PDF written by pypdf; pass a writer to add to it first."""
    writer = writer or PdfWriter()
    if not writer.pages:
        writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# A real one-pixel PNG: pictures are opened and drawn again, so signature bytes will not do.
PNG_BYTES = image_bytes("PNG", size=(1, 1))


def upload(name: str = "letter.png", content: bytes = PNG_BYTES):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def signed_plan(young_person, *, pa, manager, needs: str = "Help to find a college course."):
    """A plan started by `pa`, with one section written, reviewed and signed off by `manager`."""
    from pathway import selectors, services, snapshot
    from pathway.models import Matter

    plan = services.plan_start(young_person=young_person, by=pa)
    section = plan.sections.get(matter=Matter.EDUCATION)
    services.section_save(section=section, fields={"needs": needs}, revision=0, by=pa)
    review = services.review_record(
        plan=plan,
        held_on=plan.started_on,
        participants=f"{young_person.first_name} and their PA",
        young_person_took_part=True,
        outcome="The plan was agreed.",
        by=pa,
    )
    read = snapshot.digest(snapshot.to_sign(selectors.plan_detail(young_person.pk), review))
    services.review_sign(review=review, read=read, by=manager)
    plan.refresh_from_db()
    return plan


def pathway_world(young_person, *, pa, manager):
    """A signed plan with an action for the young person, a review waiting, and a document
    shared with them."""
    import datetime as dt

    from pathway import services
    from pathway.models import ActionOwner, Matter

    plan = signed_plan(young_person, pa=pa, manager=manager)
    action = services.action_create(
        plan=plan,
        matter=Matter.EDUCATION,
        what="Visit two colleges",
        owner=ActionOwner.YOUNG_PERSON,
        agency="",
        due_on=plan.started_on + dt.timedelta(days=30),
        by=pa,
    )
    services.review_record(
        plan=plan,
        held_on=plan.started_on,
        participants="Their PA",
        young_person_took_part=False,
        outcome="College place confirmed.",
        by=pa,
    )
    document = services.document_upload(
        young_person=young_person,
        kind="health",
        title="GP letter",
        upload=upload(),
        by=pa,
        shared_with_young_person=True,
    )
    return plan, action, document


# --- Money ---------------------------------------------------------------------------------


def scheme(authority, **overrides):
    from finance.models import Scheme

    fields = {
        "code": "setting-up-home",
        "name": "Setting up home allowance",
        "description": "Money for furniture and things for your first home.",
        "cap_pence": 300000,
        "cap_period": "lifetime",
        "min_age": 16,
        "max_age": 25,
        "evidence": "",
        "yearly_budget_pence": 5000000,
        "pa_approval_limit_pence": 50000,
    }
    fields.update(overrides)
    return Scheme.objects.create(authority=authority, **fields)


def money_world(young_person, *, pa, manager):
    """An award with a paid claim (in a payment run) and a claim with a receipt waiting."""
    from finance import services

    award = services.award_grant(
        young_person=young_person, scheme=scheme(young_person.authority), amount_pence=300000, by=pa
    )
    paid = services.claim_make(award=award, amount_pence=25000, purpose="Bed", receipt=None, by=pa)
    services.claim_approve(claim=paid, amount_pence=25000, reason="", by=manager)
    batch = services.payment_run(authority_id=young_person.authority_id, by=manager)
    waiting = services.claim_make(
        award=award, amount_pence=4500, purpose="Kettle and toaster", receipt=upload(), by=pa
    )
    return waiting, batch


def week_pattern(authority):
    """A Monday-to-Friday rota pattern: a duty and a back-up shift, 9:00 to 17:00."""
    from rota.models import PatternSlot

    for weekday in range(5):
        for role in ("duty", "backup"):
            PatternSlot.objects.create(
                authority=authority, weekday=weekday, role=role,
                starts=dt.time(9), ends=dt.time(17),
            )  # fmt: skip


def rota_world(young_person, *, pa, manager):
    """A shift of `pa`'s next week, offered for swap; `pa`'s calendar feed; a duty enquiry."""
    from rota import services

    authority = young_person.authority
    start = timezone.localtime() + dt.timedelta(days=7)
    shift = services.shift_create(
        authority=authority,
        role="duty",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=8),
        pa=pa,
        by=manager,
    )
    offer = services.swap_offer(shift=shift, note="Training day", by=pa)
    token = services.feed_create(pa=pa)
    enquiry = services.enquiry_log(
        authority=authority,
        received_at=timezone.now() - dt.timedelta(hours=2),
        channel="phone",
        young_person=young_person,
        caller="",
        about="Lost her bank card",
        action="Gave her the bank's number",
        follow_up_by=timezone.now() + dt.timedelta(days=1),
        by=pa,
    )
    return shift, offer, token, enquiry


def handover_world(young_person, *, pa, manager):
    """`pa` is leaving: a handover of `young_person` opens, and `pa` is notified of it."""
    from handovers.models import Handover
    from notifications.models import Notification
    from people.services import pa_leaving_set

    pa_leaving_set(pa=pa, leaving_on=timezone.localdate() + dt.timedelta(days=21), by=manager)
    handover = Handover.objects.get(young_person=young_person, closed_at=None)
    return handover, Notification.objects.filter(recipient=pa).latest("pk")


def voice_catalogue() -> None:
    """The checklist areas, questions and skills a fresh install has (from the voice app's
    data migration), again: a test that empties the tables (a browser test) removes them."""
    seed = import_module("voice.migrations.0002_seed_areas_questions_skills").seed
    seed(django_apps, None)


def voice_world(young_person, *, pa, manager):
    """A checklist with an "I need help", a check-in, a skill rated, and an open survey."""
    voice_catalogue()
    area = Area.objects.get(slug="finances")
    questions = list(area.questions.all())
    replies = {q.pk: (Reply.YES, "") for q in questions}
    replies[questions[0].pk] = (Reply.HELP, "I lost my card")
    answer_set = voice_services.checklist_answer(
        young_person=young_person, area=area, replies=replies, by=young_person.user or pa
    )
    voice_services.check_in_make(
        young_person=young_person, mood=4, feels_supported=True, needs_help_with="", by=pa
    )
    skill = Skill.objects.order_by("order").first()
    voice_services.skills_rate(young_person=young_person, ratings={skill.pk: 2}, by=pa)
    today = timezone.localdate()
    survey = Survey.objects.create(
        authority=young_person.authority,
        title="Your views on leaving care",
        opens_on=today - dt.timedelta(days=7),
        closes_on=today + dt.timedelta(days=21),
    )
    SurveyQuestion.objects.create(
        survey=survey, text="I get the support I need", order=1, is_support_measure=True
    )
    return {
        "area": area.slug,
        "help_answer": answer_set.answers.get(reply=Reply.HELP).pk,
        "skill": skill.pk,
        "survey": survey.pk,
    }


def partner_taxonomies() -> None:
    """The taxonomies partners' migration made, which the flush after a browser test removed."""
    migration = import_module("partners.migrations.0002_offer_providers_from_text")
    migration.taxonomies(django_apps, None)


def partner_service(authority, *, name="Housing options", org="Testshire Housing", **fields):
    """A published service of the directory, at one place, open on Mondays."""
    partner_taxonomies()
    organization, _ = Organization.objects.get_or_create(
        authority=authority, name=org, defaults={"description": f"{org} helps people."}
    )
    service = Service.objects.create(
        organization=organization,
        name=name,
        description=f"{name} for young people.",
        email="team@housing.example.org",
        phone="01632 960 400",
        expected_days=fields.pop("expected_days", 5),
        is_published=fields.pop("is_published", True),
        **fields,
    )
    location, _ = Location.objects.get_or_create(
        organization=organization,
        name="Civic Centre",
        defaults={"address_1": "1 Market Street", "city": "Testshire", "postal_code": "NM1 1AA"},
    )
    ServiceAtLocation.objects.create(service=service, location=location)
    Schedule.objects.create(service=service, byday="MO", opens_at=dt.time(9), closes_at=dt.time(17))
    service.terms.add(TaxonomyTerm.objects.get(code="housing"))
    return service


def partner_world(young_person, *, pa, partner, other_partner):
    """`partner` answers for a housing service, `other_partner` for a careers one; `pa` has
    referred `young_person` to housing; a session coming up with `young_person` booked."""
    authority = young_person.authority
    housing = partner_service(authority)
    careers = partner_service(authority, name="Careers advice", org="Testshire Careers")
    PartnerWorker.objects.create(user=partner, service=housing)
    PartnerWorker.objects.create(user=other_partner, service=careers)
    referral = partner_services.referral_send(
        young_person=young_person,
        service=housing,
        reason="Her tenancy ends next month.",
        shared="Her name and phone number.",
        consent_given=True,
        consent_by="young_person",
        consent_on=timezone.localdate(),
        consent_for="To share her details with housing options.",
        by=pa,
    )
    starts = timezone.now() + dt.timedelta(days=7)
    session = Session.objects.create(
        service=housing,
        kind=SessionKind.WORKSHOP,
        title="Your first tenancy",
        for_whom="Anyone moving into their own place soon.",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        location=housing.at_locations.get().location,
        places=10,
    )
    booking = partner_services.session_book(session=session, young_person=young_person, by=pa)
    return {
        "housing": housing,
        "careers": careers,
        "referral": referral,
        "session": session,
        "booking": booking,
    }


# --- Safe and housed -----------------------------------------------------------------------


def risk_areas() -> None:
    """The areas a migration made, which the flush after a browser test removes."""
    from importlib import import_module

    from django.apps import apps

    import_module("safety.migrations.0002_risk_areas").create(apps, None)


def risk_entry(area_slug: str, level: str, **overrides):
    """One area's answer for `safety.services.assessment_save`."""
    from safety.models import RiskArea
    from safety.services import EntryAnswer

    answer = {
        "area": RiskArea.objects.get(slug=area_slug),
        "level": level,
        "reason": f"What we know about {area_slug}.",
        "keeps_safe": "Talking to their PA every week.",
        "warning_signs": "Not answering the phone.",
    }
    answer.update(overrides)
    return EntryAnswer(**answer)


def safety_world(young_person, *, pa, manager):
    """Two versions of a risk assessment (the second with a high level, agreed, and an area
    not shared with the young person), a home at risk referred, a release from custody and a
    Staying Close assessment."""
    from safety import services
    from safety.services import ContactAnswer, StepAnswer

    today = timezone.localdate()
    risk_areas()
    services.assessment_save(
        young_person=young_person, entries=[risk_entry("going-missing", "low")], by=pa
    )
    second = services.assessment_save(
        young_person=young_person,
        entries=[
            risk_entry("going-missing", "medium"),
            risk_entry(
                "exploitation",
                "high",
                known="A neighbour saw older men collecting them.",
                is_shared=False,
                not_shared_reason="From a third party",
            ),
        ],
        steps=[StepAnswer(what="Agree a safe word", who="Their PA", by_when=today)],
        contacts=[ContactAnswer(name="Northmoor emergency duty team", phone="01632 960 555")],
        by=pa,
    )
    services.assessment_agree(assessment=second, by=manager)
    home = services.home_at_risk_record(
        young_person=young_person,
        risk="rent_arrears",
        known_on=today - dt.timedelta(days=10),
        eviction_on=None,
        details="Two months behind with the rent.",
        by=pa,
    )
    services.referral_record(
        home_at_risk=home,
        housing_authority="Northmoor housing options",
        referred_on=today,
        their_reference="HO-123",
        outcome="waiting",
        by=pa,
    )
    services.custody_release_record(
        young_person=young_person,
        release_on=today + dt.timedelta(days=90),
        establishment="HMP Northmoor",
        accommodation_plan="Supported lodgings with Mrs Ahmed.",
        by=pa,
    )
    services.staying_close_record(
        young_person=young_person,
        assessed_on=today,
        needs="Help to keep the tenancy.",
        decision="support",
        support=["keep_home"],
        support_details="Weekly visits from the tenancy team.",
        lives_out_of_area=False,
        review_on=today + dt.timedelta(days=180),
        by=pa,
    )
    return {"risk_version": second.number, "home": home.pk}
