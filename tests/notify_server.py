"""A local stand-in for GOV.UK Notify's API, for the real `notifications-python-client`.

It answers POST /v2/notifications/sms as Notify documents: the bearer JWT must name the
service (iss) and be signed with the key's secret, else 403 AuthError; an unknown template,
missing personalisation or a number it will not text is a 400 with Notify's error body
({"status_code": ..., "errors": [{"error": ..., "message": ...}]}); otherwise 201 with the
new notification's id. `answers` queues other replies first (a 429 RateLimitError, a 500).
Every request is kept in `requests`.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from notifications_python_client.authentication import decode_jwt_token, get_token_issuer
from notifications_python_client.errors import TokenError

RATE_LIMITED = (
    429,
    "RateLimitError",
    "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds",
)
SERVER_ERROR = (500, "Exception", "Internal server error")
# Numbers Notify takes: +44 or 0, then a UK mobile (7 and nine digits).
UK_MOBILE = re.compile(r"(?:\+44|0)7\d{9}")


@dataclass
class Seen:
    path: str
    body: dict
    authorised: bool
    status: int = 0


@dataclass
class NotifyServer:
    service_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    secret: str = field(default_factory=lambda: str(uuid.uuid4()))
    template_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    answers: list[tuple[int, str, str]] = field(default_factory=list)
    refused_numbers: set[str] = field(default_factory=set)
    requests: list[Seen] = field(default_factory=list)

    @property
    def api_key(self) -> str:
        return f"portal_tests-{self.service_id}-{self.secret}"

    @property
    def sent(self) -> list[dict]:
        """The bodies of the texts it accepted."""
        return [seen.body for seen in self.requests if seen.status == 201]

    def answer(self, path: str, token: str, body: dict) -> tuple[int, dict]:
        seen = Seen(path=path, body=body, authorised=self._authorised(token))
        self.requests.append(seen)
        status, answer = self._answer(seen)
        seen.status = status
        return status, answer

    def _authorised(self, token: str) -> bool:
        try:
            authorised = get_token_issuer(token) == self.service_id and decode_jwt_token(
                token, self.secret
            )
        except TokenError:
            return False
        return bool(authorised)

    def _answer(self, seen: Seen) -> tuple[int, dict]:
        body = seen.body
        if not seen.authorised:
            return _error(403, "AuthError", "Invalid token: API key not found")
        if seen.path != "/v2/notifications/sms":
            return _error(404, "ResourceNotFound", "Not found")
        if self.answers:
            return _error(*self.answers.pop(0))
        if body.get("template_id") != self.template_id:
            return _error(400, "BadRequestError", "Template not found")
        if "message" not in (body.get("personalisation") or {}):
            return _error(400, "BadRequestError", "Missing personalisation: message")
        number = body.get("phone_number", "")
        if not UK_MOBILE.fullmatch(number) or number in self.refused_numbers:
            return _error(400, "ValidationError", "phone_number Not a UK mobile number")
        sent_id = str(uuid.uuid4())
        return 201, {
            "id": sent_id,
            "reference": body.get("reference"),
            "content": {"body": body["personalisation"]["message"], "from_number": "GOVUK"},
            "uri": f"/v2/notifications/{sent_id}",
            "template": {"id": self.template_id, "version": 1, "uri": "/v2/template/x"},
        }


def _error(status: int, error: str, message: str) -> tuple[int, dict]:
    return status, {"status_code": status, "errors": [{"error": error, "message": message}]}


def serve(notify: NotifyServer) -> tuple[ThreadingHTTPServer, str]:
    """Start answering in a thread; returns the server (to shut down) and its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            status, answer = notify.answer(self.path, token, body)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args) -> None:  # quiet: the test reads `requests`
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
