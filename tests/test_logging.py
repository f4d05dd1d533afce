"""A database error's text quotes the row it was given; the logs keep only what went wrong where."""

import datetime as dt
import io
import logging

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.logging import HideDatabaseErrors
from people.models import YoungPerson
from rota import services
from rota.models import Shift


@pytest.fixture
def log_output():
    """What the portal's console log handler (as settings.LOGGING builds it) writes."""
    (console,) = [handler for handler in logging.getLogger().handlers if handler.name == "console"]
    stream = io.StringIO()
    before = console.setStream(stream)
    yield stream
    console.setStream(before)


def _save_a_row_with_a_name_and_no_birthday(authority) -> None:
    """A real not-null violation: PostgreSQL's message quotes the whole failing row."""
    YoungPerson.objects.create(
        authority=authority,
        first_name="Zephyrine",
        last_name="Quoxley",
        date_of_birth=None,
        legal_status="relevant",
    )


def test_a_database_error_in_a_request_is_logged_without_the_rows_text(
    pa, manager, authority, monkeypatch, log_output
):
    start = timezone.now() + dt.timedelta(days=3)
    shift = Shift.objects.create(
        authority=authority,
        role="duty",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=8),
        pa=pa,
    )
    monkeypatch.setattr(
        services, "swap_offer", lambda **_: _save_a_row_with_a_name_and_no_birthday(authority)
    )
    client = Client(raise_request_exception=False)
    client.force_login(pa)

    with transaction.atomic():
        response = client.post(reverse("rota:swap-offer", args=[shift.pk]))
        transaction.set_rollback(True)

    assert response.status_code == 500
    logged = log_output.getvalue()
    assert "Internal Server Error" in logged
    assert "django.db.utils.IntegrityError" in logged
    assert "SQLSTATE 23502" in logged and "column date_of_birth" in logged
    assert "_save_a_row_with_a_name_and_no_birthday" in logged  # where it happened
    assert "Zephyrine" not in logged and "Quoxley" not in logged
    assert "Failing row" not in logged


def test_a_database_error_quoted_in_a_message_is_hidden_too(authority, log_output):
    try:
        with transaction.atomic():
            _save_a_row_with_a_name_and_no_birthday(authority)
    except IntegrityError as error:
        logging.getLogger("portal").warning("Could not save: %s", error)

    logged = log_output.getvalue()
    assert "Could not save: [database error text hidden]" in logged
    assert "Zephyrine" not in logged


def test_a_log_call_with_a_bad_format_does_not_fail_the_caller():
    """Filters run outside logging's own error handling; the filter must not raise."""
    record = logging.LogRecord("portal.x", logging.WARNING, __file__, 1, "a %s %s", (1,), None)
    assert HideDatabaseErrors().filter(record) is True
