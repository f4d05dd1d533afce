"""Financial entitlements: schemes, awards, claims and the append-only ledger."""

from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "finance"
    verbose_name = "Money"

    def ready(self) -> None:
        from finance import permissions  # noqa: F401  (registers the rules)
        from finance.models import Award, Claim, LedgerEntry, PaymentBatch, Scheme
        from finance.panels import my_money_context
        from finance.subject_access import tables
        from people.audit import audit_register
        from people.panels import register_my_panel
        from people.subject_access import register_part

        for model in (Scheme, Award, Claim, LedgerEntry, PaymentBatch):
            audit_register(model)
        register_my_panel(template="finance/_my_panel.html", context=my_money_context, order=30)
        register_part("finance", tables=tables, order=30)

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council, its staff and young people exist."""
        from finance.demo import seed_finance

        seed_finance(authority=authority, today=today, seed=seed)
