"""The regional dashboard's figures, worked out each night for each region."""

from __future__ import annotations

from django.db import models


class RegionFigures(models.Model):
    """Each member council's figures at the end of `day`, as its own dashboard counts them:
    counts and shares of people only, never names or money. Kept whole (small cells too):
    the page hides cells about fewer than five people for whoever reads it
    (`regional.protected_rows`), since what must be hidden depends on the reader's council.

    `councils` is [[id, name], ...] in the table's order; `rows` is
    [{"slug", "title", "is_share", "cells": [[count, out_of or null] or null, ...]}, ...].
    """

    region = models.ForeignKey(
        "portal.Region", on_delete=models.CASCADE, related_name="figures_by_day"
    )
    day = models.DateField()
    councils = models.JSONField()
    rows = models.JSONField()
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "day"], name="region_figures_once_a_day")
        ]
        ordering = ["region", "-day"]

    def __str__(self) -> str:
        return f"{self.region} figures, {self.day}"
