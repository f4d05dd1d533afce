"""Partner agencies: the directory, referrals, partner workers, sessions and open data."""

from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partners"

    def ready(self) -> None:
        from offer.providers import register_provider_lookup, register_upcoming_sessions
        from partners import models, permissions, receivers  # noqa: F401  (the rules)
        from partners.panels import (
            late_transitions_context,
            my_referrals_context,
            profile_referrals_context,
        )
        from partners.selectors import providers_for_items, upcoming_public_sessions
        from partners.subject_access import tables
        from pathway.extras import register_caseload_box
        from people.audit import audit_register
        from people.panels import PROFILE, register_my_panel, register_panel
        from people.subject_access import register_part

        receivers.connect()
        for model in (models.Referral, models.PartnerWorker, models.Booking):
            audit_register(model)
        register_provider_lookup(providers_for_items)
        register_upcoming_sessions(upcoming_public_sessions)
        register_my_panel(
            template="partners/_my_referrals.html", context=my_referrals_context, order=40
        )
        register_panel(
            PROFILE,
            template="partners/_profile_referrals.html",
            context=profile_referrals_context,
            order=40,
        )
        register_part("partners", tables=tables, order=60)
        register_caseload_box(
            template="partners/_caseload_late_transitions.html",
            context=late_transitions_context,
            order=50,
        )

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council, its staff, young people and offer exist."""
        from partners.demo import seed_partners

        seed_partners(authority=authority, today=today, seed=seed)
