from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "People and accounts"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from portal import permissions, signals  # noqa: F401  (registers rules and receivers)
        from portal.audit import register_audited_models
        from portal.freshness import record_changed

        register_audited_models()
        # Every model's saves and deletes: kept dashboards and returns are worked out again.
        post_save.connect(record_changed, dispatch_uid="records-saved")
        post_delete.connect(record_changed, dispatch_uid="records-deleted")
