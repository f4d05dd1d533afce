from django.apps import AppConfig


class OfferConfig(AppConfig):
    name = "offer"
    verbose_name = "Local offer"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.db.models.signals import post_delete, post_save

        from finance.models import Scheme
        from offer import cache as public_pages
        from offer import permissions  # noqa: F401  (registers the rules)
        from offer.models import OfferItem, OfferItemVersion, OfferSignOff, RegionalNote
        from offer.selectors import my_offer_context
        from people.models import Authority, Region
        from people.panels import register_my_panel

        # The offer is public words, not a case record: its change entries keep the values.
        auditlog.register(OfferItem)
        auditlog.register(OfferItemVersion, exclude_fields=["search_vector"])
        auditlog.register(OfferSignOff)
        auditlog.register(RegionalNote)
        # The public pages show councils' names and addresses, their regions and the
        # amounts of their schemes (the comparison): a change to those, from the admin or
        # anywhere, clears the kept pages as the offer's own changes do.
        for model in (Scheme, Authority, Region):
            for signal in (post_save, post_delete):
                signal.connect(public_pages.cleared_by, sender=model, dispatch_uid="offer-pages")
        register_my_panel(
            template="offer/_my_offer.html",
            context=my_offer_context,
            order=50,
        )

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council and its staff exist."""
        from offer.demo import seed_offer

        seed_offer(authority=authority, today=today, seed=seed)
