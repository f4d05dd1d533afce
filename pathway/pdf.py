"""Pathway plans as PDF, drawn by WeasyPrint from the same content the pages show."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML


def plan_pdf(content: dict) -> bytes:
    html = render_to_string(
        "pathway/plan_pdf.html", {"content": content, "printed_on": timezone.localdate()}
    )
    return HTML(string=html).write_pdf()
