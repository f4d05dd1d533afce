"""Good endings: handovers between PAs, and endings when support stops."""

from django.apps import AppConfig


class HandoversConfig(AppConfig):
    name = "handovers"
    verbose_name = "Handovers and endings"

    def ready(self) -> None:
        from handovers import permissions, receivers  # noqa: F401  (rules and signal receivers)
        from handovers.models import Handover
        from handovers.panels import profile_context
        from handovers.telling import NEW_PA_EMAIL, new_pa_email
        from notifications.outbox import register_email
        from people.audit import audit_register
        from people.panels import PROFILE, register_panel

        audit_register(Handover)
        register_email(NEW_PA_EMAIL, write=new_pa_email)
        register_panel(
            PROFILE, template="handovers/_profile_panel.html", context=profile_context, order=15
        )

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council, its people and the other apps' data exist."""
        from handovers.demo import seed_handovers

        seed_handovers(authority=authority, today=today, seed=seed)
