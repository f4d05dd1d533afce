"""Background work through the real Redis broker and a real Celery worker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from portal.celery import app
from portal.services import invitation_create
from tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


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


def wait_for(condition, *, attempts: int = 200, pause: float = 0.05) -> bool:
    for _ in range(attempts):
        if condition():
            return True
        time.sleep(pause)
    return False


def test_invitation_email_goes_through_redis_to_a_worker(worker, pa, authority):
    person = YoungPersonFactory(authority=authority, first_name="Nia")
    invitation, _ = invitation_create(young_person=person, email="nia@example.org", by=pa)

    def sent() -> bool:
        invitation.refresh_from_db()
        return invitation.emailed_at is not None

    assert wait_for(sent), "the worker did not send the invitation within 10 seconds"
    assert [message.to for message in mail.outbox] == [["nia@example.org"]]
