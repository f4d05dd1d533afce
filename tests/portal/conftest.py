"""Fixtures for the background-work tests: a worker thread on the real Redis."""

import time

import pytest
from celery.contrib.testing.worker import start_worker

from portal.celery import app


@pytest.fixture
def worker():
    """A Celery worker thread consuming from the configured Redis broker."""
    assert app.conf.broker_url.startswith(("redis://", "rediss://", "redis+socket://"))
    app.conf.task_always_eager = False
    # A queue of the tests' own, so a `make run` worker on the same Redis never takes them.
    default_queue = app.conf.task_default_queue
    app.conf.task_default_queue = "portal-tests"
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, shutdown_timeout=10, queues=["portal-tests"]
        ):
            yield
    finally:
        app.conf.task_default_queue = default_queue


def wait_for(condition, *, seconds: float = 10, pause: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(pause)
    return False
