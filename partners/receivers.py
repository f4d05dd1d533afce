"""The public offer's pages show the directory's providers and the sessions coming up, so a
change to either moves the offer's cache on."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from offer import cache as offer_cache
from partners import models

SHOWN_ON_THE_OFFER = (
    models.Organization,
    models.Service,
    models.Location,
    models.ServiceAtLocation,
    models.Schedule,
    models.OfferProvider,
    models.Session,
)


def offer_pages_changed(sender, **kwargs) -> None:
    offer_cache.clear()  # now, and again once the change is committed


def connect() -> None:
    for model in SHOWN_ON_THE_OFFER:
        for signal in (post_save, post_delete):
            signal.connect(
                offer_pages_changed, sender=model, dispatch_uid=f"partners-offer-{model.__name__}"
            )
