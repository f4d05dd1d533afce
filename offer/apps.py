from django.apps import AppConfig


class OfferConfig(AppConfig):
    name = "offer"
    verbose_name = "Local offer"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from offer import permissions, signals  # noqa: F401  (registers rules and receivers)
        from offer.models import OfferItem, OfferItemVersion, OfferSignOff, RegionalNote
        from offer.selectors import my_offer_context
        from people.panels import register_my_panel

        # The offer is public words, not a case record: its change entries keep the values.
        auditlog.register(OfferItem)
        auditlog.register(OfferItemVersion, exclude_fields=["search_vector"])
        auditlog.register(OfferSignOff)
        auditlog.register(RegionalNote)
        register_my_panel(
            template="offer/_my_offer.html",
            context=my_offer_context,
            order=50,
        )

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council and its staff exist."""
        from offer.demo import seed_offer

        seed_offer(authority=authority, today=today, seed=seed)
