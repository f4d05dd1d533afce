"""`manage.py auditor_add EMAIL --first-name ... --last-name ...`: name an auditor.

Run on the server by whoever runs the service, not in the admin, so that no
administrator can give themselves the audit trail. The auditor is emailed a set-up link.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction

from people import services
from people.models import Role, User


class Command(BaseCommand):
    help = "Make an auditor's account and email them a set-up link."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--first-name", required=True)
        parser.add_argument("--last-name", required=True)

    def handle(self, *args, email: str, first_name: str, last_name: str, **options):
        try:
            with transaction.atomic():
                user = User(
                    email=email.strip().lower(),
                    first_name=first_name,
                    last_name=last_name,
                    role=Role.AUDITOR,
                )
                user.set_unusable_password()
                user.save()
                services.staff_set_up_start(user=user, by=None)
        except IntegrityError as error:
            raise CommandError("Someone already uses this email address.") from error
        self.stdout.write(f"Auditor account made; a set-up link is on its way to {user.email}.")
