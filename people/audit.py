"""The audit trail: django-auditlog records every change and every staff read.

A change entry says who changed which fields of which record, and when; it never keeps
what a case record said. Words, dates, addresses, health details and whole signed plans
are stored as NOT_RECORDED, so the trail (read only by auditors) holds no second copy of
anyone's case. Kept as values: ids and links to other records, yes/no answers, numbers
(amounts of money) and fixed choices (a claim's state).
"""

from __future__ import annotations

from auditlog.registry import auditlog
from auditlog.signals import accessed
from django.db import models

from people.models import Allocation, Authority, Invitation, Team, User, YoungPerson

NOT_RECORDED = "(not recorded)"
# Field kinds whose values say nothing about a person on their own.
VALUES_KEPT = (
    models.AutoField,
    models.BigAutoField,
    models.ForeignKey,
    models.BooleanField,
    models.IntegerField,
    models.DecimalField,
)


def not_recorded(value: str) -> str:
    """auditlog's mask: the field's name stays in the entry, its value does not."""
    return NOT_RECORDED


def masked_fields(model: type[models.Model]) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if not (isinstance(field, VALUES_KEPT) or field.choices)
    ]


def audit_register(model: type[models.Model], exclude_fields: tuple[str, ...] = ()) -> None:
    """Audit changes to `model`, keeping field names and only the values that are not personal."""
    auditlog.register(
        model,
        exclude_fields=list(exclude_fields),
        mask_fields=[name for name in masked_fields(model) if name not in exclude_fields],
        mask_callable="people.audit.not_recorded",
    )


def register_audited_models() -> None:
    audit_register(YoungPerson)
    audit_register(Allocation)
    audit_register(Invitation, exclude_fields=("token_hash",))
    audit_register(User, exclude_fields=("password", "last_login"))
    audit_register(Team)
    audit_register(Authority)


def record_access(instance: models.Model) -> None:
    """Log that the current actor (set by AuditlogMiddleware) read this record."""
    accessed.send(sender=instance.__class__, instance=instance)
