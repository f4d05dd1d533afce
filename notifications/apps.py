from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        # Each app's reminders.py registers its rules and the kinds of notification it
        # sends, so this app never imports the apps above it.
        autodiscover_modules("reminders")
