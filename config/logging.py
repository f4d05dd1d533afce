"""Keep secrets that travel in URL paths, and records' contents, out of the logs.

A calendar address (`/rota/calendar/<token>.ics`), an invitation link
(`/invitations/<token>/`) and a staff set-up link (`/staff/set-up/<id>/<token>/`) are
their own keys: whoever reads them in a log could use them.
Django's request log and gunicorn's access log both show paths, so both redact them.

A database error's text quotes the values it was given ("Failing row contains (...)",
"Key (email)=(...) already exists"), so its text is hidden wherever it is logged.
"""

from __future__ import annotations

import contextlib
import logging
import re
import traceback

import psycopg
from django.db import Error as DjangoDatabaseError
from gunicorn.glogging import Logger

_SECRET_IN_PATH = re.compile(r"(/rota/calendar/|/invitations/)(?!accept/)[^/\s?\"]+")
# A staff set-up link: the account's id and the token, both hidden.
_SET_UP_LINK = re.compile(r"(/staff/set-up/)[^\s?\"]+")
# PostgreSQL's detail lines, should a database error's text arrive inside a message.
_DATABASE_DETAIL = re.compile(r"(DETAIL|HINT|CONTEXT):.*|Failing row contains.*|Key \(.*", re.S)
HIDDEN = "[database error text hidden]"


def redact(text: str) -> str:
    return _SET_UP_LINK.sub(r"\1[hidden]", _SECRET_IN_PATH.sub(r"\1[hidden]", text))


class RedactSecrets(logging.Filter):
    """A logging filter: the message, with any secret path part replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = redact(message)
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True


def _chain(error: BaseException) -> list[BaseException]:
    """`error` and the exceptions behind it, the first raised first, as Python prints them."""
    chain: list[BaseException] = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return chain[::-1]


def _is_database_error(error: BaseException) -> bool:
    return isinstance(error, DjangoDatabaseError | psycopg.Error)


def _where(error: BaseException) -> str:
    """The SQLSTATE and the table, column and constraint, which name no one."""
    cause = error if isinstance(error, psycopg.Error) else error.__cause__
    if not isinstance(cause, psycopg.Error):
        return ""
    diag = cause.diag
    known = {
        "SQLSTATE": cause.sqlstate,
        "table": diag.table_name,
        "column": diag.column_name,
        "constraint": diag.constraint_name,
    }
    return " ".join(f"{key} {value}" for key, value in known.items() if value)


def _hidden_traceback(error: BaseException) -> str:
    """The traceback of `error`: every frame, but the database errors' text left out."""
    parts = []
    for link in _chain(error):
        name = f"{type(link).__module__}.{type(link).__qualname__}"
        if _is_database_error(link):
            text = " ".join(filter(None, [_where(link), HIDDEN]))
        else:
            text = _DATABASE_DETAIL.sub(HIDDEN, str(link))
        frames = "".join(traceback.format_tb(link.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{name}: {text}")
    return "\n\nThe above exception led to the following exception:\n\n".join(parts)


class HideDatabaseErrors(logging.Filter):
    """A logging filter: a database error keeps its class, SQLSTATE and traceback, not its text."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Logging runs filters outside its own error handling: a log call with a bad format
        # must not become the caller's exception (logging itself reports it when writing).
        with contextlib.suppress(Exception):
            self._hide(record)
        return True

    def _hide(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and any(_is_database_error(link) for link in _chain(error)):
            record.exc_info, record.exc_text = None, _hidden_traceback(error)
        args = record.args if isinstance(record.args, tuple) else ()
        errors = [item for item in (error, *args) if isinstance(item, BaseException)]
        texts = {str(link) for item in errors for link in _chain(item) if _is_database_error(link)}
        message = record.getMessage()
        hidden = message
        for text in sorted(filter(None, texts), key=len, reverse=True):
            hidden = hidden.replace(text, HIDDEN)
        hidden = _DATABASE_DETAIL.sub(HIDDEN, hidden)
        if hidden != message:
            record.msg, record.args = hidden, ()


class GunicornLogger(Logger):
    """gunicorn's logger, with secret path parts hidden in the access log."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms
