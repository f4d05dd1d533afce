"""Production-like settings pass Django's deployment checks; unsafe ones refuse to start."""

import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-with-plenty-of-unique-characters-0123456789",
    "ALLOWED_HOSTS": "portal.example.org",
    "EMAIL_URL": "smtp+tls://portal:secret@mail.example.org:587",
    "SITE_URL": "https://portal.example.org",
}


def manage_check(changes: dict, *, drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = {**os.environ, **PRODUCTION, **changes}
    # The browser tests set this for their own process; a deployment never does.
    for name in ("DJANGO_ALLOW_ASYNC_UNSAFE", *drop):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_debug_off():
    result = manage_check({})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("changes", "drop", "said"),
    [
        ({"EMAIL_URL": "filemail://"}, (), "EMAIL_URL must name a real mail server"),
        ({"EMAIL_URL": "consolemail://"}, (), "EMAIL_URL must name a real mail server"),
        ({}, ("EMAIL_URL",), "EMAIL_URL must name a real mail server"),
        ({}, ("SECRET_KEY",), "SECRET_KEY must be set"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 50}, (), "SECRET_KEY must be set"),
        ({"DEMO_MODE": "true"}, (), "DEMO_MODE must be off"),
        ({"SITE_URL": "http://portal.example.org"}, (), "SITE_URL must be"),
        ({"DEBUG": "true"}, (), "DEBUG is on, but ALLOWED_HOSTS names portal.example.org"),
        ({"NOTIFY_API_KEY": "live-" + "x" * 73}, (), "NOTIFY_SMS_TEMPLATE_ID must be set"),
    ],
)
def test_unsafe_production_settings_refuse_to_start(changes, drop, said):
    result = manage_check(changes, drop=drop)
    assert result.returncode != 0
    assert said in result.stderr


def test_without_embedded_servers_the_database_and_redis_must_be_named(tmp_path):
    """Outside a checkout there is no var/services.env to fall back on."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(settings.BASE_DIR), **PRODUCTION}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if (settings.BASE_DIR / "var" / "services.env").exists():
        # The checkout's embedded servers fill them in; a deployment has no such file.
        assert result.returncode == 0, result.stderr[-2000:]
    else:
        assert "DATABASE_URL must be set" in result.stderr


@pytest.mark.django_db
def test_behind_a_proxy_lockouts_and_limits_count_the_visitors_own_address(settings, pa):
    """Every request reaches the portal from the proxy's address; the visitor's is in XFF."""
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for visitor in ("203.0.113.7", "198.51.100.9"):
        client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor)
        client.post(reverse("account_login"), {"login": pa.email, "password": "wrong"})
    addresses = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert addresses == {"203.0.113.7", "198.51.100.9"}


@pytest.mark.django_db
def test_with_no_proxy_a_forged_forwarded_address_is_ignored(pa):
    client = Client(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    client.post(reverse("account_login"), {"login": pa.email, "password": "wrong"})
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.1"}


def test_security_headers_are_sent(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_a_forwarded_address_shorter_than_the_proxies_counts_the_sender(settings, pa):
    """Someone who reaches the portal past a proxy sends fewer X-Forwarded-For entries."""
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    client = Client(REMOTE_ADDR="192.0.2.5", HTTP_X_FORWARDED_FOR="203.0.113.7")
    response = client.post(reverse("account_login"), {"login": pa.email, "password": "wrong"})
    assert response.status_code == 200
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.5"}
