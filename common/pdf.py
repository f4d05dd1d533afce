"""PDFs drawn by WeasyPrint from a template: plans, and the subject access pack."""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML


def pdf_from_template(template: str, context: dict) -> bytes:
    return HTML(string=render_to_string(template, context)).write_pdf()
