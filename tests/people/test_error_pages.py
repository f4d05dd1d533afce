"""The portal's own pages for a missing page, a refused one and a server error."""

import pytest
from django.test import RequestFactory
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
