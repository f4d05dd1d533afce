"""Shared test helpers."""

import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from celery.contrib.testing.worker import start_worker
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.celery import app
from devtools.embedded import redis_server_start, redis_server_stop


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
    (so a `make run` worker on the same Redis never takes their tasks)."""
    app.conf.task_always_eager = False
    default_queue = app.conf.task_default_queue
    app.conf.task_default_queue = "portal-tests"
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, shutdown_timeout=10, queues=["portal-tests"]
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
