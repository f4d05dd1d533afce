"""Keep secrets that travel in URL paths out of the logs.

A calendar address (`/rota/calendar/<token>.ics`), an invitation link
(`/invitations/<token>/`) and a staff set-up link (`/staff/set-up/<id>/<token>/`) are
their own keys: whoever reads them in a log could use them.
Django's request log and gunicorn's access log both show paths, so both redact them.
"""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger

_SECRET_IN_PATH = re.compile(r"(/rota/calendar/|/invitations/)(?!accept/)[^/\s?\"]+")
# A staff set-up link: the account's id and the token, both hidden.
_SET_UP_LINK = re.compile(r"(/staff/set-up/)[^\s?\"]+")


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


class GunicornLogger(Logger):
    """gunicorn's logger, with secret path parts hidden in the access log."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms
