"""The local offer: categories, items, and the versions that hold their words and rules.

An item's words and rules live in versions, so a draft never touches what the public
reads: a manager approves a version and it replaces the published one.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from people.models import Authority, LegalStatus, Region

# Paths under /offer/ that a category slug would hide.
RESERVED_SLUGS = frozenset({"search", "check", "items", "manage"})
YOUNGEST, OLDEST = 16, 25


class Circumstance(models.TextChoices):
    """What may be true of a care leaver's life, in the words the checker uses."""

    IN_EDUCATION = "in_education", "In school, college or training"
    AT_UNIVERSITY = "at_university", "At university or in other higher education"
    IN_WORK = "in_work", "In work or an apprenticeship"
    LOOKING_FOR_WORK = "looking_for_work", "Looking for work"
    PARENT = "parent", "A parent"
    PREGNANT = "pregnant", "Pregnant, or your partner is"
    DISABLED = "disabled", "Disabled, or with a long-term health condition"
    ASYLUM_SEEKER = "asylum_seeker", "Came to the UK alone as a child, seeking asylum"
    IN_CUSTODY = "in_custody", "In custody, or recently released"
    OUT_OF_AREA = "out_of_area", "Living outside the council's area"


class AmountPeriod(models.TextChoices):
    ONCE = "once", "in total"
    WEEK = "week", "a week"
    MONTH = "month", "a month"
    YEAR = "year", "a year"


class Category(models.Model):
    """One area of the offer; the statutory areas are created by a migration."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=80)
    summary = models.CharField(max_length=240)
    position = models.PositiveSmallIntegerField(default=0)
    # Searched with every item in the area (offer/search.py): what the area is called says what
    # its items are about, as a title does.
    search_vector = models.GeneratedField(
        expression=SearchVector("name", "slug", weight="A", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name_plural = "categories"
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(RESERVED_SLUGS)), name="category_slug_not_reserved"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("offer:category", args=[self.slug])


class OfferItem(models.Model):
    """One thing the council offers. Its slug, owner and review date stay across versions.

    A regional item belongs to a region instead of a council: written once, approved by
    the region's lead, and shown on every member council's offer."""

    authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="offer_items", null=True, blank=True
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="offer_items", null=True, blank=True
    )
    slug = models.SlugField(max_length=80)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="offer_items_owned",
        help_text="Who keeps this item accurate.",
    )
    review_by = models.DateField(help_text="When the owner must next check it is still right.")
    checked_on = models.DateField(
        null=True, blank=True, help_text="When it was last approved or checked as still right."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "slug"], name="offer_item_slug_unique"),
            models.UniqueConstraint(
                fields=["region", "slug"], name="offer_regional_item_slug_unique"
            ),
            models.CheckConstraint(
                condition=Q(authority__isnull=False, region__isnull=True)
                | Q(authority__isnull=True, region__isnull=False),
                name="offer_item_council_or_region",
            ),
        ]
        indexes = [models.Index(fields=["authority", "review_by"], name="offer_item_review_idx")]

    def __str__(self) -> str:
        return self.slug

    def get_absolute_url(self) -> str:
        return reverse("offer:item-detail", args=[self.slug])

    @property
    def is_regional(self) -> bool:
        return self.region_id is not None

    def is_stale_on(self, day: dt.date) -> bool:
        return self.review_by < day

    @property
    def is_stale(self) -> bool:
        return self.is_stale_on(timezone.localdate())


class VersionState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for approval"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Replaced by a later version"


OPEN_STATES = (VersionState.DRAFT, VersionState.SUBMITTED)

# The words and rules a version holds; an edit copies them into a new version.
CONTENT_FIELDS = (
    "category",
    "title",
    "summary",
    "body",
    "how_to_get",
    "provider_name",
    "provider_phone",
    "provider_email",
    "provider_website",
    "amount_pence",
    "amount_period",
    "scheme",
    "keywords",
    "min_age",
    "max_age",
    "legal_statuses",
    "circumstances",
)


class OfferItemVersion(models.Model):
    """The words and rules of an item at one moment. Saved once; never edited afterwards."""

    item = models.ForeignKey(OfferItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=20, choices=VersionState.choices)

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="versions")
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=240)
    body = models.TextField(help_text="Plain text. A blank line starts a new paragraph.")
    how_to_get = models.TextField("how to get it")
    provider_name = models.CharField("who provides it", max_length=120)
    provider_phone = models.CharField("their phone number", max_length=40, blank=True)
    provider_email = models.EmailField("their email address", blank=True)
    provider_website = models.URLField("their website", blank=True)
    amount_pence = models.PositiveIntegerField(null=True, blank=True)
    amount_period = models.CharField(max_length=10, choices=AmountPeriod.choices, blank=True)
    scheme = models.ForeignKey(
        "finance.Scheme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offer_versions",
        help_text="The money scheme this item pays from, if any.",
    )
    keywords = models.CharField(
        max_length=300, blank=True, help_text="Other words people might search for."
    )
    min_age = models.PositiveSmallIntegerField(null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(null=True, blank=True)
    legal_statuses = ArrayField(
        models.CharField(max_length=20, choices=LegalStatus.choices), default=list, blank=True
    )
    circumstances = ArrayField(
        models.CharField(max_length=20, choices=Circumstance.choices), default=list, blank=True
    )

    change_note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    published_at = models.DateTimeField(null=True, blank=True)
    return_note = models.CharField(max_length=500, blank=True)

    search_vector = models.GeneratedField(
        expression=(
            SearchVector("title", weight="A", config="english")
            + SearchVector("keywords", weight="B", config="english")
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("body", weight="C", config="english")
            + SearchVector("how_to_get", "provider_name", weight="D", config="english")
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["item", "-number"]
        indexes = [
            GinIndex(fields=["search_vector"], name="offer_version_search_idx"),
            models.Index(
                fields=["category"],
                condition=Q(state=VersionState.PUBLISHED),
                name="offer_published_category_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="offer_version_number_unique"),
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(state=VersionState.PUBLISHED),
                name="one_published_version_per_item",
            ),
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(state__in=OPEN_STATES),
                name="one_open_draft_per_item",
            ),
            models.CheckConstraint(
                condition=(Q(min_age__isnull=True) | Q(min_age__gte=YOUNGEST, min_age__lte=OLDEST))
                & (Q(max_age__isnull=True) | Q(max_age__gte=YOUNGEST, max_age__lte=OLDEST))
                & (
                    Q(min_age__isnull=True)
                    | Q(max_age__isnull=True)
                    | Q(min_age__lte=models.F("max_age"))
                ),
                name="offer_version_ages_in_range",
            ),
            models.CheckConstraint(
                condition=(Q(amount_pence__isnull=True) & Q(amount_period=""))
                | (Q(amount_pence__gt=0) & ~Q(amount_period="")),
                name="offer_version_amount_has_period",
            ),
            models.CheckConstraint(
                condition=Q(state=VersionState.PUBLISHED, published_at__isnull=False)
                | ~Q(state=VersionState.PUBLISHED),
                name="published_version_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url()

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def amount_display(self) -> str:
        """ "£3,000 in total", "£30 a week", or "" when there is no amount."""
        if self.amount_pence is None:
            return ""
        pounds, pence = divmod(self.amount_pence, 100)
        money = f"£{pounds:,}" if not pence else f"£{pounds:,}.{pence:02d}"
        return f"{money} {self.get_amount_period_display()}"

    def content(self) -> dict:
        """This version's words and rules, ready to copy into the next version."""
        return {name: getattr(self, name) for name in CONTENT_FIELDS}


class OfferSignOff(models.Model):
    """A manager's sign-off of the published offer as a whole, with what was published then."""

    authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="offer_sign_offs"
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=500, blank=True)
    versions = models.ManyToManyField(OfferItemVersion, related_name="sign_offs")

    class Meta:
        ordering = ["-signed_off_at"]
        get_latest_by = "signed_off_at"

    def __str__(self) -> str:
        return f"Sign-off {self.pk}"


class RegionalNote(models.Model):
    """A council's own words on a regional item, shown only on that council's offer."""

    item = models.ForeignKey(OfferItem, on_delete=models.CASCADE, related_name="local_notes")
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(help_text="Plain text. Shown only on your council's offer.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "authority"], name="one_local_note_per_council")
        ]

    def __str__(self) -> str:
        return f"Local note on {self.item}"


class NotificationKind(models.TextChoices):
    """What this app's notifications are about (registered in reminders.py)."""

    OFFER_STALE = "offer_stale", "Local offer content needs checking"
