from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from notifications import receivers  # noqa: F401  (connects the receivers)
        from notifications.digest import (
            DIGEST_EMAIL,
            digest_address,
            digest_email,
            digest_emailed,
        )
        from notifications.outbox import register_email
        from notifications.panels import profile_context
        from notifications.texts import NOTIFICATION, notification_text, register_text
        from people.invitations import invitation_email, invitation_emailed, invitation_text
        from people.panels import PROFILE, register_panel
        from people.setup_links import set_up_address, set_up_email

        register_email("invitation", write=invitation_email, sent=invitation_emailed)
        register_email("staff-set-up", write=set_up_email, addressed=set_up_address)
        register_text(NOTIFICATION, write=notification_text)
        register_text("invitation", write=invitation_text, sent=invitation_emailed)
        register_panel(
            PROFILE, template="notifications/_texts_panel.html", context=profile_context, order=12
        )
        register_email(
            DIGEST_EMAIL, write=digest_email, sent=digest_emailed, addressed=digest_address
        )
        # Each app's reminders.py registers its rules and the kinds of notification it
        # sends, so this app never imports the apps above it.
        autodiscover_modules("reminders")

    def seed_demo(self, *, authority, today, seed: int, **options) -> None:
        """Called by `seed_demo` once the council and its people exist."""
        from notifications.demo import seed_texts

        seed_texts(authority=authority, today=today)
