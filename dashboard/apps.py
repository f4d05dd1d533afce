from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = "Dashboard"

    def ready(self) -> None:
        # Each app's figures.py registers its figures (common.figures.register_figures).
        autodiscover_modules("figures")
