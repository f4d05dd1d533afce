"""The offer's areas include those section 8 of the 2026 Act adds; the sign-off page names
the areas with nothing published."""

import pytest
from django.urls import reverse

from offer.models import Category
from tests.factories import offer_item

pytestmark = pytest.mark.django_db

SECTION_8 = {
    "transition-to-adulthood": "Growing up and moving on",
    "homelessness-and-housing": "Homelessness and housing",
    "after-custody": "After custody",
    "money": "Money and managing it",
}


def test_the_offer_has_the_section_8_areas():
    names = dict(Category.objects.values_list("slug", "name"))
    assert SECTION_8.items() <= names.items()


def test_the_sign_off_page_names_the_areas_with_nothing_published(client, offer_editor, manager):
    offer_item(editor=offer_editor, manager=manager)  # in "Money and managing it"
    client.force_login(manager)
    page = client.get(reverse("offer:sign-off")).content.decode()
    listed = page[page.index("nothing published") : page.index("Signing off says")]
    assert "After custody" in listed and "Homelessness and housing" in listed
    assert "Money and managing it" not in listed
    assert f"{Category.objects.count() - 1} areas have nothing published" in " ".join(page.split())
