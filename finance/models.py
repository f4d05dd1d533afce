"""Entitlement schemes. Awards, claims and the ledger arrive with the finance issue."""

from __future__ import annotations

from django.db import models

from portal.models import Authority


class Scheme(models.Model):
    """A kind of money the council gives care leavers, such as the setting up home allowance.

    Amounts and rules are data an administrator edits, never constants in code.
    """

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="schemes")
    code = models.SlugField(max_length=60, help_text="A short name that stays the same.")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    cap_pence = models.PositiveIntegerField(
        "most that can be awarded (pence)", null=True, blank=True
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "code"], name="scheme_code_unique"),
        ]

    def __str__(self) -> str:
        return self.name
