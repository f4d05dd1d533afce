"""The offer's receivers (imported by OfferConfig.ready()).

The public pages show councils' names and addresses, their regions and the amounts of their
schemes (the comparison): a change to any of those, from the admin or anywhere, clears the
kept pages as the offer's own changes do.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from finance.models import Scheme
from offer import cache as public_pages
from people.models import Authority, Region


@receiver([post_save, post_delete], sender=Scheme, dispatch_uid="offer-pages-scheme")
@receiver([post_save, post_delete], sender=Authority, dispatch_uid="offer-pages-council")
@receiver([post_save, post_delete], sender=Region, dispatch_uid="offer-pages-region")
def shown_row_changed(sender, **kwargs) -> None:
    public_pages.clear()
