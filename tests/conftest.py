"""The cast every test can use: two teams, their managers and PAs, two care leavers."""

import pytest

from common.cache import own_keys_delete
from config.celery import app
from devtools.sessions import passed_mfa
from people.models import Role
from tests.factories import (
    AllocationFactory,
    AuthorityFactory,
    TeamFactory,
    UserFactory,
    YoungPersonFactory,
    care_leaver_account,
)
from tests.helpers import TESTS_OWN, celery_worker
from tests.notify_server import NotifyServer, serve


def pytest_configure(config):
    from django.conf import settings

    # Real hashing costs a second per account; tests make hundreds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The embedded Redis may also serve a `make run` of this checkout, and the tests run in
    # two processes at once: each keeps to keys of its own.
    settings.CACHES["default"]["KEY_PREFIX"] = TESTS_OWN


@pytest.fixture(autouse=True)
def _eager_celery(settings):
    """Unit tests run tasks in-process; the `worker` fixture runs a real one."""
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _force_login_includes_mfa(monkeypatch):
    """`force_login` stands in for a whole sign-in, so staff sessions record an MFA step too.

    `Client.force_login_without_mfa` keeps the bare version for tests of the MFA rule.
    """
    from django.test import Client

    bare = Client.force_login

    def force_login(self, user, backend=None):
        bare(self, user, backend)
        if user.is_staff_role:
            session = self.session
            passed_mfa(session)
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
    monkeypatch.setattr(Client, "force_login_without_mfa", bare, raising=False)


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Uploaded documents go to a folder of the test's own, not var/private."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _texts_to_files(settings, tmp_path):
    """Without a Notify key, texts are written to files: a folder of the test's own."""
    settings.NOTIFY_API_KEY = ""
    settings.NOTIFY_TEXT_FILE_PATH = tmp_path / "texts"


@pytest.fixture
def notify_api(settings):
    """A local GOV.UK Notify (tests/notify_server.py) that the portal's texts go to."""
    notify = NotifyServer()
    server, url = serve(notify)
    settings.NOTIFY_API_KEY = notify.api_key
    settings.NOTIFY_BASE_URL = url
    settings.NOTIFY_SMS_TEMPLATE_ID = notify.template_id
    yield notify
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth keeps used TOTP codes and rate limits in the cache, beside the public offer
    pages and the dashboard's earlier months; each test starts clean.

    Only the tests' own keys go (their prefix), never a running `make run`'s."""
    own_keys_delete()
    yield


@pytest.fixture
def authority(db):
    return AuthorityFactory()


@pytest.fixture
def manager(authority):
    return UserFactory(role=Role.MANAGER, authority=authority, email="manager@example.org")


@pytest.fixture
def other_manager(authority):
    return UserFactory(role=Role.MANAGER, authority=authority, email="other.manager@example.org")


@pytest.fixture
def team(authority, manager):
    return TeamFactory(authority=authority, manager=manager, name="North team")


@pytest.fixture
def other_team(authority, other_manager):
    return TeamFactory(authority=authority, manager=other_manager, name="South team")


@pytest.fixture
def pa(authority, team):
    return UserFactory(role=Role.PA, authority=authority, team=team, email="pa@example.org")


@pytest.fixture
def other_pa(authority, other_team):
    return UserFactory(
        role=Role.PA, authority=authority, team=other_team, email="other.pa@example.org"
    )


@pytest.fixture
def admin_user(authority):
    return UserFactory(
        role=Role.ADMIN, authority=authority, email="admin@example.org", is_superuser=True
    )


@pytest.fixture
def auditor(authority):
    return UserFactory(role=Role.AUDITOR, authority=authority, email="auditor@example.org")


@pytest.fixture
def offer_editor(authority):
    return UserFactory(role=Role.OFFER_EDITOR, authority=authority, email="editor@example.org")


@pytest.fixture
def partner(authority):
    return UserFactory(role=Role.PARTNER, authority=authority, email="partner@example.org")


@pytest.fixture
def other_partner(authority):
    return UserFactory(role=Role.PARTNER, authority=authority, email="other.partner@example.org")


@pytest.fixture
def young_person(authority, pa):
    """A young person allocated to `pa`, with a care leaver account (`care_leaver`)."""
    person = YoungPersonFactory(authority=authority, first_name="Jade", last_name="Okoro")
    AllocationFactory(young_person=person, pa=pa)
    return person


@pytest.fixture
def care_leaver(young_person):
    return care_leaver_account(young_person, "jade@example.org")


@pytest.fixture
def other_young_person(authority, other_pa):
    person = YoungPersonFactory(authority=authority, first_name="Ryan", last_name="Doyle")
    AllocationFactory(young_person=person, pa=other_pa)
    return person


@pytest.fixture
def other_care_leaver(other_young_person):
    return care_leaver_account(other_young_person, "ryan@example.org")


@pytest.fixture
def worker():
    """A Celery worker thread consuming from the configured Redis broker.

    For the background-work tests; the others run tasks in-process."""
    assert app.conf.broker_url.startswith(("redis://", "rediss://", "redis+socket://"))
    with celery_worker():
        yield
