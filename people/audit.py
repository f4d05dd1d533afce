"""The audit trail: django-auditlog records every change and every staff read."""

from __future__ import annotations

from auditlog.registry import auditlog
from auditlog.signals import accessed
from django.db import models

from people.models import Allocation, Authority, Invitation, Team, User, YoungPerson


def register_audited_models() -> None:
    auditlog.register(YoungPerson)
    auditlog.register(Allocation)
    auditlog.register(Invitation, exclude_fields=["token_hash"])
    auditlog.register(User, exclude_fields=["password", "last_login"])
    auditlog.register(Team)
    auditlog.register(Authority)


def record_access(instance: models.Model) -> None:
    """Log that the current actor (set by AuditlogMiddleware) read this record."""
    accessed.send(sender=instance.__class__, instance=instance)
