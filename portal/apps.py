from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "People and accounts"

    def ready(self) -> None:
        from portal import permissions  # noqa: F401  (registers the rules)
        from portal.audit import register_audited_models

        register_audited_models()
