from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "People and accounts"

    def ready(self) -> None:
        from portal import permissions, signals  # noqa: F401  (registers rules and receivers)
        from portal.audit import register_audited_models

        register_audited_models()
