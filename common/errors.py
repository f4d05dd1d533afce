"""The one domain error every service raises, and the one way a view shows it on a form."""

from __future__ import annotations


class DomainError(Exception):
    """Something the service's rules do not allow; `message` is shown to the person.

    `field` names the form field the message belongs to, when there is one. Each app
    subclasses it (PlanError, FinanceError, ...) so a view catches only its own."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def form_error(form, error: DomainError, field: str | None = None) -> None:
    """Show `error` on `form`: on the field the error names, else on `field`, else at the top."""
    form.add_error(error.field or field, error.message)
