from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin, on the portal's admin site (people/admin_site.py)."""

    default_site = "people.admin_site.PortalAdminSite"


class PeopleConfig(AppConfig):
    name = "people"
    # The tables, permissions and migrations were made under this label; keeping it means
    # no data moves.
    label = "portal"
    verbose_name = "People and accounts"

    def ready(self) -> None:
        from people import permissions, signals  # noqa: F401  (registers rules and receivers)
        from people.audit import install_audit_blocks, register_audited_models
        from people.subject_access import people_tables, register_part

        install_audit_blocks()
        register_audited_models()
        register_part("people", tables=people_tables, order=10)
