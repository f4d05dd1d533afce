"""Pathway plans, reviews, contacts, actions and the health passport."""

from django.apps import AppConfig


class PathwayConfig(AppConfig):
    name = "pathway"
    verbose_name = "Pathway plans"

    def ready(self) -> None:
        from pathway import (
            models,
            permissions,  # noqa: F401  (registers the rules)
        )
        from pathway.panels import (
            my_area_panel_context,
            my_contact_panel_context,
            my_panel_context,
            profile_panel_context,
        )
        from pathway.subject_access import tables
        from people.audit import audit_register
        from people.panels import PROFILE, register_my_panel, register_panel
        from people.subject_access import register_part

        for model in (
            models.Plan,
            models.Section,
            models.SectionView,
            models.Action,
            models.ReviewRequest,
            models.Review,
            models.PlanVersion,
            models.Contact,
            models.ContactRequest,
            models.AccommodationSpell,
            models.ActivitySpell,
            models.HealthPassport,
            models.Document,
            models.ContactCorrection,
            models.ActionUndo,
            models.DocumentMove,
        ):
            audit_register(model)
        register_my_panel(
            template="pathway/_my_contact_panel.html", context=my_contact_panel_context, order=8
        )
        register_my_panel(template="pathway/_my_panel.html", context=my_panel_context, order=20)
        register_my_panel(
            template="pathway/_my_area_panel.html", context=my_area_panel_context, order=25
        )
        register_panel(
            PROFILE, template="pathway/_profile_panel.html", context=profile_panel_context, order=10
        )
        register_part("pathway", tables=tables, order=20)

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council, its staff and young people exist."""
        from pathway.demo import seed_pathway

        seed_pathway(authority=authority, today=today, seed=seed)
