"""Pathway plans as PDF, drawn by WeasyPrint from the same content the pages show."""

from __future__ import annotations

from django.utils import timezone

from common.pdf import pdf_from_template


def plan_pdf(content: dict) -> bytes:
    return pdf_from_template(
        "pathway/plan_pdf.html", {"content": content, "printed_on": timezone.localdate()}
    )
