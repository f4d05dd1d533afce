from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    # The tables, permissions and migrations were made under this label; keeping it means
    # no data moves.
    label = "portal"
    verbose_name = "People and accounts"

    def ready(self) -> None:
        from people import permissions, signals  # noqa: F401  (registers rules and receivers)
        from people.audit import register_audited_models

        register_audited_models()
