"""`manage.py set_up_link EMAIL`: email a member of staff a new set-up link.

For the first administrator (made with `createsuperuser`), who has no one to ask; the
admin's "Email a new set-up link" action does the same for everyone after them.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from people import services
from people.models import User


class Command(BaseCommand):
    help = "Email a member of staff a single-use link to set up their account."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError("No account has this email address.")
        try:
            services.staff_set_up_start(user=user, by=None)
        except services.SetUpError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"A set-up link is on its way to {user.email}.")
