"""The portal's own pages for a missing page, a refused one and a server error."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_a_missing_page_says_so_in_plain_words(client):
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in page and "Go to the home page" in page


def test_a_refused_page_says_who_to_ask(client, care_leaver):
    client.force_login(care_leaver)
    response = client.get(reverse("pathway:caseload"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "You cannot see this page" in page and "ask your personal adviser" in page


def test_a_server_error_page_needs_neither_the_database_nor_the_person():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in page and "999" in page


def test_a_form_sent_without_its_token_gets_the_portals_expired_page(client):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("account_login"), {"login": "someone@example.org", "password": "x"}
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "This page has expired" in page and "go back" in page.lower()
    assert "someone@example.org" not in page and "CSRF" not in page


PROBE = """
import django
django.setup()
from django.conf import settings
from django.test import Client
page = Client().get("/no-such-page/").content.decode()
print(settings.DEBUG, "Go to the home page" in page, "URLconf" in page)
"""


def probe(**env: str) -> str:
    """Django's DEBUG, and which 404 page it draws, under these environment variables."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    environment.pop("DEMO_MODE", None)
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_make_run_in_demo_mode_never_shows_djangos_debug_pages():
    """`make run` is DEBUG=true with demo mode on: a missing page is the portal's own."""
    assert probe(DEBUG="true") == "False True False"


def test_a_developer_who_turns_demo_mode_off_gets_djangos_debug_pages():
    assert probe(DEBUG="true", DEMO_MODE="false") == "True False True"
