"""Shared test helpers."""

import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.celery import app
from devtools.embedded import redis_server_start, redis_server_stop
from devtools.sessions import signed_in_session
from people.demo import current_totp_code
from tests.factories import TEST_PASSWORD

# The name of the tests' own queue and cache keys in the shared Redis: one per xdist worker
# (gw0, gw1...), so two workers running at once never take each other's tasks or keys.
TESTS_OWN = "portal-tests-" + os.environ.get("PYTEST_XDIST_WORKER", "main")


def signed_in_as(client: Client, user) -> None:
    """The client as `user` (signed out for None), with no cookie of whoever it was before.

    For tests that try page after page as role after role: a session row made directly is
    a tenth of `force_login` and `logout` (their lockout records, last sign-in dates and new
    keys), which the tests of signing in cover."""
    client.cookies = SimpleCookie()
    if user is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = signed_in_session(user)


def count_queries(client, url: str) -> tuple[int, int]:
    """Fetch `url`; return (status code, number of database queries it made)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


def assert_queries_do_not_grow(
    client, url: str, add_data: Callable[[], None], *, times: int = 3
) -> int:
    """Fetch `url`, add more data `times` over, and fail if the page's query count rises.

    Data is added once before the first count, so that an empty page (which may skip
    a query) is not the baseline.
    """
    add_data()
    status, baseline = count_queries(client, url)
    assert status == 200, f"{url} answered {status}"
    for round_number in range(1, times + 1):
        add_data()
        status, queries = count_queries(client, url)
        assert status == 200, f"{url} answered {status}"
        assert queries <= baseline, (
            f"{url} made {queries} queries after adding data (round {round_number}), "
            f"{baseline} before: the count grows with the data"
        )
    return baseline


def wait_for(condition, *, seconds: float = 10, pause: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(pause)
    return False


@contextmanager
def celery_worker() -> Iterator[None]:
    """A Celery worker thread consuming from the app's broker, on a queue of the tests' own
    (so a `make run` worker on the same Redis, or another xdist worker's, never takes their
    tasks)."""
    app.conf.task_always_eager = False
    default_queue = app.conf.task_default_queue
    app.conf.task_default_queue = TESTS_OWN
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, shutdown_timeout=10, queues=[TESTS_OWN]
        ):
            yield
    finally:
        app.conf.task_default_queue = default_queue


class OwnRedis:
    """A redis-server of one test's own on a unix socket, to stop and start again."""

    def __init__(self) -> None:
        # A short path: a unix socket's must fit in 107 bytes.
        self.workdir = Path(tempfile.mkdtemp(prefix="portal-redis-"))
        self.sock = self.workdir / "redis.sock"
        self.url = f"unix://{self.sock}?db=0"
        self.broker_url = f"redis+socket://{self.sock}?db=0"

    def start(self) -> None:
        # No snapshot: what was queued before a stop is lost, as after a real crash.
        redis_server_start(self.sock, self.workdir, "--save", "")

    def stop(self) -> None:
        """As a crash does: at once, with no goodbye to its clients."""
        redis_server_stop(self.workdir, signal.SIGKILL)
        self.sock.unlink(missing_ok=True)
        (self.workdir / "redis.pid").unlink(missing_ok=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


@contextmanager
def broker_at(url: str) -> Iterator[None]:
    """Point the Celery app (its producers and any worker started inside) at `url`."""
    before = app.conf.broker_url
    app.conf.broker_url = url
    _forget_connections()
    try:
        yield
    finally:
        app.conf.broker_url = before
        _forget_connections()


def _forget_connections() -> None:
    # Celery keeps a pool of broker connections made from the URL it first saw (as after a fork).
    app._pool = None
    app.amqp._producer_pool = None


class MadeUpUpload:
    """A multipart request body made up as it is read: the fields, then one file of `size` bytes.

    `position` says how much of it the server read, so a test can show that a huge upload was
    refused without being read, and none of it is ever held in the test's own memory.
    """

    boundary = "MadeUpBoundary"

    def __init__(self, fields: dict[str, str], *, field: str, size: int):
        lines = []
        for name, value in fields.items():
            lines += [f"--{self.boundary}", f'Content-Disposition: form-data; name="{name}"', ""]
            lines.append(value)
        lines += [
            f"--{self.boundary}",
            f'Content-Disposition: form-data; name="{field}"; filename="big.pdf"',
            "Content-Type: application/pdf",
            "",
            "%PDF-1.7",
        ]
        self.head = "\r\n".join(lines).encode()
        self.size = size
        self.tail = f"\r\n--{self.boundary}--\r\n".encode()
        self.length = len(self.head) + size + len(self.tail)
        self.position = 0

    def _bytes(self, start: int, end: int) -> bytes:
        file_end = len(self.head) + self.size
        head = self.head[start:end]
        filler = b"0" * max(0, min(end, file_end) - max(start, len(self.head)))
        tail = self.tail[max(0, start - file_end) : max(0, end - file_end)]
        return head + filler + tail

    def read(self, size: int | None = -1) -> bytes:
        end = self.length if size is None or size < 0 else min(self.length, self.position + size)
        data = self._bytes(self.position, end)
        self.position = end
        return data

    def readline(self, size: int | None = -1) -> bytes:
        """WSGI asks for it; the multipart parser reads in chunks and never calls it."""
        line = b""
        while self.position < self.length and not line.endswith(b"\n"):
            if size is not None and 0 <= size <= len(line):
                break
            line += self.read(1)
        return line

    def post(self, client, url: str):
        """Send it to `url` through the test client, as a browser would."""
        return client.generic(
            "POST",
            url,
            CONTENT_TYPE=f"multipart/form-data; boundary={self.boundary}",
            CONTENT_LENGTH=str(self.length),
            **{"wsgi.input": self},
        )


def five_wrong_codes_then_the_right_one(user) -> tuple[Client, object]:
    """Five wrong authenticator codes for `user`, each from an address of its own after the
    right password, then the right code from a sixth: the client and its last response."""
    wrong = "000000" if current_totp_code() != "000000" else "111111"

    def at_code_step(address: str) -> Client:
        client = Client(REMOTE_ADDR=address)
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
        )
        assert response["Location"] == reverse("mfa_authenticate")
        return client

    for n in range(5):
        response = at_code_step(f"10.0.0.{n}").post(reverse("mfa_authenticate"), {"code": wrong})
        assert "Incorrect code" in response.content.decode()
    client = at_code_step("10.0.1.1")
    return client, client.post(reverse("mfa_authenticate"), {"code": current_totp_code()})
