"""Risk assessments and safety plans, Staying Close, and homelessness prevention."""

from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "safety"
    verbose_name = "Safe and housed"

    def ready(self) -> None:
        from people.audit import audit_register
        from people.panels import PROFILE, register_my_panel, register_panel
        from people.subject_access import register_part
        from safety import (
            models,
            permissions,  # noqa: F401  (registers the rules)
        )
        from safety.panels import my_panel_context, profile_panel_context
        from safety.subject_access import tables

        for model in (
            models.RiskAssessment,
            models.RiskEntry,
            models.SafetyStep,
            models.SafetyContact,
            models.HomeAtRisk,
            models.DutyToRefer,
            models.CustodyRelease,
            models.StayingCloseAssessment,
        ):
            audit_register(model)
        register_my_panel(template="safety/_my_panel.html", context=my_panel_context, order=25)
        register_panel(
            PROFILE, template="safety/_profile_panel.html", context=profile_panel_context, order=12
        )
        register_part("safety", tables=tables, order=30)

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council, its people and the pathway records exist."""
        from safety.demo import seed_safety

        seed_safety(authority=authority, today=today, seed=seed)
