"""The PA duty rota: shifts, swaps, leave, coverage and the duty log."""

from django.apps import AppConfig


class RotaConfig(AppConfig):
    name = "rota"
    verbose_name = "Duty rota"

    def ready(self) -> None:
        from people.audit import audit_register
        from people.panels import register_my_panel
        from rota import permissions, receivers  # noqa: F401  (rules and signal receivers)
        from rota.models import DutyEnquiry, Leave, PatternSlot, Shift, SwapOffer
        from rota.panels import duty_now_context

        for model in (Shift, Leave, PatternSlot, SwapOffer, DutyEnquiry):
            audit_register(model)
        register_my_panel(template="rota/_my_panel.html", context=duty_now_context, order=5)

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council, its staff and young people exist."""
        from rota.demo import seed_rota

        seed_rota(authority=authority, today=today, seed=seed, **options)
