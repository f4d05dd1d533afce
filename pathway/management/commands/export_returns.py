"""Write the statutory returns for a collection year to a folder, for scheduled exports."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from common.csvfile import csv_text
from pathway import returns
from people.models import Authority


class Command(BaseCommand):
    help = (
        "Write the SSDA903 header and care leavers tables and the Annex A care leavers list "
        "as CSV. --year 2026 is the collection year ending 31 March 2026."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--out", type=Path, required=True, help="The folder to write to")
        parser.add_argument("--authority", help="The council's slug (needed if there are several)")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Fail (exit 1) when any record cannot be completed, instead of warning",
        )

    def handle(self, *args, year: int, out: Path, authority: str | None, strict: bool, **options):
        councils = Authority.objects.all()
        if authority:
            councils = councils.filter(slug=authority)
        if councils.count() != 1:
            raise CommandError("Name the council with --authority (its slug).")
        if not 2000 <= year <= 2100:
            raise CommandError("--year is a four-figure year, such as 2026.")
        council = councils.get()
        today = timezone.localdate()
        unfinished = [r for r in returns.care_leavers(council.pk, year, today) if r.problems]
        for row in unfinished:
            problems = "; ".join(row.problems)
            self.stderr.write(f"Child {row.person.child_id or row.person.pk}: {problems}")
        if unfinished and strict:
            raise CommandError(
                f"{len(unfinished)} records cannot be completed; nothing written. Each is in "
                '"Records to check before sending" on the returns page, with a form to put it '
                "right."
            )
        out.mkdir(parents=True, exist_ok=True)
        with transaction.atomic():
            for what in returns.FILES:
                lines = returns.file_rows(what, council.pk, year, today)
                path = out / returns.file_name(what, year)
                path.write_text(csv_text(lines), encoding="utf-8")
                returns.download_record(
                    authority_id=council.pk, what=what, year=year, rows=len(lines) - 1, by=None
                )
                self.stdout.write(f"{path}: {len(lines) - 1} rows")
