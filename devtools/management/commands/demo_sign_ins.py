from django.conf import settings
from django.core.management.base import BaseCommand

from people.demo import DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the portal's address and the demo sign-ins."

    def add_arguments(self, parser):
        parser.add_argument("--address", default="http://127.0.0.1:8000/")

    def handle(self, *args, address: str, **options):
        lines = ["", f"The portal is at {address}", ""]
        if settings.DEMO_MODE:
            lines.append(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
            lines += [f"  {role:<18} {email}" for role, email in DEMO_SIGN_INS]
            lines += [
                "",
                "Staff must use an authenticator app. In demo mode the sign-in page shows",
                "the current code, or add this secret to any authenticator app:",
                f"  {DEMO_TOTP_SECRET}",
                "",
            ]
        self.stdout.write("\n".join(lines))
