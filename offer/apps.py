from django.apps import AppConfig


class OfferConfig(AppConfig):
    name = "offer"
    verbose_name = "Local offer"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from offer import permissions  # noqa: F401  (registers the rules)
        from offer.models import OfferItem, OfferItemVersion, OfferSignOff
        from offer.selectors import items_for_young_person
        from portal.panels import register_my_panel

        auditlog.register(OfferItem)
        auditlog.register(OfferItemVersion, exclude_fields=["search_vector"])
        auditlog.register(OfferSignOff)
        # Any change to what the public pages show retires the cached pages.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from finance.models import Scheme
        from offer.cache import changed
        from offer.models import Category
        from portal.models import Authority

        for model in (OfferItem, OfferItemVersion, OfferSignOff, Category, Scheme, Authority):
            post_save.connect(changed, sender=model, dispatch_uid=f"offer-cache-{model.__name__}")
            post_delete.connect(changed, sender=model, dispatch_uid=f"offer-gone-{model.__name__}")
        m2m_changed.connect(
            changed, sender=OfferSignOff.versions.through, dispatch_uid="offer-cache-sign-off"
        )
        register_my_panel(
            template="offer/_my_offer.html",
            context=lambda person, today: {"offer": items_for_young_person(person, today)},
            order=50,
        )

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council and its staff exist."""
        from offer.demo import seed_offer

        seed_offer(authority=authority, today=today, seed=seed)
