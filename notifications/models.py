"""Notifications: something one person needs to know, once, on the page and by email."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from notifications.kinds import kind_label
from people.models import YoungPerson


class EmailState(models.TextChoices):
    NOT_WANTED = "not_wanted", "Not emailed"
    PENDING = "pending", "Waiting to be emailed"
    DIGEST = "digest", "Waiting for the day's email"
    SENT = "sent", "Emailed"
    FAILED = "failed", "Email failed"


class NotificationDigest(models.Model):
    """One person's email of the day for one kind that comes in bursts, listing each
    notification it gathered. Unique per (recipient, kind, day), so a second run of the
    day's task makes no second email."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=30)
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "day"], name="notification_digest_once_a_day"
            ),
        ]

    def __str__(self) -> str:
        return f"Digest {self.pk}"

    def get_kind_display(self) -> str:
        return kind_label(self.kind)


class Notification(models.Model):
    """Something one person needs to know, once: `key` says what, about whom and for which date.

    The database keeps (recipient, key) unique, so a sweep that runs twice, or a task that
    is delivered twice, tells nobody twice.
    """

    # No index of its own: (recipient, key)'s unique index leads with it. The nightly sweep
    # inserts tens of thousands of rows, each into every index.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,
    )
    key = models.CharField(max_length=200)
    # One of the kinds the apps register (notifications.kinds).
    kind = models.CharField(max_length=30)
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    due_on = models.DateField(null=True, blank=True)
    message = models.CharField(max_length=500)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(
        max_length=12, choices=EmailState.choices, default=EmailState.NOT_WANTED
    )
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_retry_at = models.DateTimeField(
        null=True, blank=True, help_text="When the task will try the email again, after a failure."
    )
    emailed_at = models.DateTimeField(null=True, blank=True)
    # For a kind emailed once a day: the day's email it went in (notifications.digest).
    # Indexed only where it is set (most notifications are in no digest).
    digest = models.ForeignKey(
        NotificationDigest,
        on_delete=models.SET_NULL,
        related_name="notifications",
        null=True,
        blank=True,
        db_index=False,
    )

    class Meta:
        # Made when notifications were part of the people app; the table stays where it is.
        db_table = "portal_notification"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_sent_once"),
            models.CheckConstraint(
                condition=Q(emailed_at__isnull=True) | Q(email_state="sent"),
                name="notification_emailed_means_sent",
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
            models.Index(
                fields=["created_at"],
                condition=Q(email_state="pending"),
                name="notification_email_pending",
            ),
            models.Index(
                fields=["recipient", "kind"],
                condition=Q(email_state="digest", digest__isnull=True),
                name="notification_digest_waiting",
            ),
            models.Index(
                fields=["digest"], condition=Q(digest__isnull=False), name="notification_in_digest"
            ),
        ]

    def __str__(self) -> str:
        return f"Notification {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("notifications:open", args=[self.pk])

    def get_kind_display(self) -> str:
        return kind_label(self.kind)

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class OutboxMessage(models.Model):
    """What the outbox's emails and texts share: `kind` names the writer an app registered,
    which writes the message from `object_id` when it is sent, so nothing secret is stored
    here or passes through the broker; `key` is unique, so asking twice sends once."""

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    attempts = models.PositiveSmallIntegerField(default=0)
    retry_at = models.DateTimeField(
        null=True, blank=True, help_text="When the task will try again, after a failure."
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class Email(OutboxMessage):
    """An email the outbox sends that is not a notification: an invitation, a message to a
    young person without an account (writers: `notifications.outbox.register_email`)."""

    to = models.EmailField()
    state = models.CharField(max_length=12, choices=EmailState.choices, default=EmailState.PENDING)

    class Meta(OutboxMessage.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(sent_at__isnull=True) | Q(state="sent"), name="email_sent_means_sent"
            ),
        ]
        indexes = [
            models.Index(fields=["created_at"], condition=Q(state="pending"), name="email_pending"),
        ]

    def __str__(self) -> str:
        return f"Email {self.pk} ({self.kind})"


class TextState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"
    NOT_WANTED = "not_wanted", "No longer needed"


class Text(OutboxMessage):
    """A text message the outbox sends through GOV.UK Notify: a notification for a care
    leaver who prefers texts, or an invitation's link (writers:
    `notifications.texts.register_text`)."""

    # The mobile number as Notify takes it (+447700900123).
    to = models.CharField(max_length=16)
    # Whose record the text is about, so staff see on it a text that could not be sent.
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    state = models.CharField(max_length=12, choices=TextState.choices, default=TextState.PENDING)
    # Why it could not be sent, in plain words for staff (never the message itself).
    failure_reason = models.CharField(max_length=200, blank=True)
    notify_id = models.CharField("Notify's id for it", max_length=36, blank=True)

    class Meta(OutboxMessage.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(sent_at__isnull=True) | Q(state="sent"), name="text_sent_means_sent"
            ),
        ]
        indexes = [
            models.Index(fields=["created_at"], condition=Q(state="pending"), name="text_pending"),
            models.Index(
                fields=["young_person", "created_at"],
                condition=Q(state="failed"),
                name="text_failed_by_young_person",
            ),
        ]

    def __str__(self) -> str:
        return f"Text {self.pk} ({self.kind})"
