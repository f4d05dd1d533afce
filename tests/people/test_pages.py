"""Caseload, team and profile pages: what they show, and queries that do not grow."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.factories import AllocationFactory, UserFactory, YoungPersonFactory
from tests.helpers import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def test_caseload_lists_only_the_pas_own_young_people(client, pa, young_person, other_young_person):
    client.force_login(pa)
    page = client.get(reverse("pathway:caseload")).content.decode()
    assert young_person.full_name in page
    assert other_young_person.full_name not in page


def test_caseload_search_finds_by_part_of_a_name(client, pa, young_person):
    AllocationFactory(young_person=YoungPersonFactory(first_name="Zainab", last_name="Ali"), pa=pa)
    client.force_login(pa)
    response = client.post(reverse("pathway:caseload"), {"q": "zain"}, follow=True)
    assert "zain" not in response.redirect_chain[-1][0]
    page = response.content.decode()
    assert "Zainab Ali" in page
    assert young_person.full_name not in page


def test_caseload_is_paged(client, pa, authority):
    for number in range(30):
        person = YoungPersonFactory(authority=authority, last_name=f"Surname{number:02}")
        AllocationFactory(young_person=person, pa=pa)
    client.force_login(pa)
    first = client.get(reverse("pathway:caseload")).content.decode()
    second = client.get(reverse("pathway:caseload"), {"page": 2}).content.decode()
    assert "Page 1 of 2" in first and "Surname00" in first and "Surname29" not in first
    assert "Surname29" in second


def test_caseload_queries_do_not_grow_with_the_caseload(client, pa, authority):
    def add_people():
        for _ in range(5):
            AllocationFactory(young_person=YoungPersonFactory(authority=authority), pa=pa)

    client.force_login(pa)
    assert_queries_do_not_grow(client, reverse("pathway:caseload"), add_people)


def test_team_queries_do_not_grow_with_pas_or_young_people(client, manager, team, authority):
    def add_pas_and_people():
        new_pa = UserFactory(authority=authority, team=team)
        AllocationFactory(young_person=YoungPersonFactory(authority=authority), pa=new_pa)
        YoungPersonFactory(authority=authority)

    client.force_login(manager)
    assert_queries_do_not_grow(client, reverse("portal:team"), add_pas_and_people)


def test_profile_queries_do_not_grow_with_allocation_history(
    client, manager, young_person, pa, other_pa
):
    from people.services import allocation_change

    def reallocate():
        current = young_person.allocations.get(ended_on__isnull=True).pa
        allocation_change(
            young_person=young_person, pa=other_pa if current == pa else pa, by=manager
        )

    client.force_login(manager)
    url = reverse("portal:young-person-detail", args=[young_person.pk])
    # Reallocating to `other_pa` moves the young person out of this manager's team,
    # so measure as the manager of both teams.
    other_pa.team.manager = manager
    other_pa.team.save()
    assert_queries_do_not_grow(client, url, reallocate)


def test_team_page_shows_each_pas_caseload_and_who_is_over_the_limit(
    client, manager, team, pa, authority
):
    team.caseload_limit = 2
    team.save()
    for _ in range(3):
        AllocationFactory(young_person=YoungPersonFactory(authority=authority), pa=pa)
    client.force_login(manager)
    page = client.get(reverse("portal:team")).content.decode()
    assert escape(pa.get_full_name()) in page
    assert "3 (over 2)" in page


def test_care_leaver_home_shows_their_pa_and_how_to_reach_them(client, care_leaver, pa):
    pa.phone = "07700 900456"
    pa.save()
    client.force_login(care_leaver)
    page = client.get(reverse("portal:my-home")).content.decode()
    assert escape(pa.get_full_name()) in page
    assert "07700 900456" in page
    assert pa.email in page


def test_home_sends_each_role_to_their_start_page(client, pa, manager, care_leaver):
    expected = {pa: "/caseload/", manager: "/team/", care_leaver: "/my/"}
    for user, start in expected.items():
        client.force_login(user)
        assert client.get("/")["Location"] == start


def test_manager_finds_an_allocated_young_person_to_reallocate(
    client, manager, young_person, other_young_person
):
    client.force_login(manager)
    team = reverse("portal:team")
    page = client.post(team, {"q": young_person.last_name}, follow=True).content.decode()
    assert young_person.full_name in page
    assert (
        f'Reallocate<span class="govuk-visually-hidden"> a PA for {young_person.full_name}' in page
    )
    # Ryan is in another manager's team, so this manager cannot find him.
    other = client.post(team, {"q": other_young_person.last_name}, follow=True).content.decode()
    assert other_young_person.full_name not in other


def test_team_search_queries_do_not_grow_with_results(client, manager, team, pa, authority):
    def add_people():
        for _ in range(4):
            person = YoungPersonFactory(authority=authority, last_name="Searchable")
            AllocationFactory(young_person=person, pa=pa)

    client.force_login(manager)
    client.post(reverse("portal:team"), {"q": "Searchable"})
    assert_queries_do_not_grow(client, reverse("portal:team"), add_people)


def test_a_name_search_never_appears_in_a_url_and_can_be_cleared(client, pa, young_person):
    client.force_login(pa)
    response = client.post(reverse("pathway:caseload"), {"q": "Okoro"})
    assert response["Location"] == reverse("pathway:caseload")
    page = client.get(reverse("pathway:caseload")).content.decode()
    assert "matching “Okoro”" in page and young_person.full_name in page
    cleared = client.get(reverse("pathway:caseload") + "?clear=1").content.decode()
    assert "matching" not in cleared


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("pa", "/caseload/"),
        ("pa", "young-person-edit"),
        ("pa", "health-edit"),
        ("pa", "/money/claims/"),
        ("care_leaver", "/my/"),
        ("care_leaver", "/offer/"),
        ("manager", "/dashboard/"),
    ],
)
def test_no_page_shown_to_someone_signed_in_is_kept_by_their_browser(
    client, request, young_person, who, url
):
    """On a shared computer, the back button must not show the next person a record."""
    person = request.getfixturevalue(who)
    addresses = {
        "young-person-edit": reverse("portal:young-person-edit", args=[young_person.pk]),
        "health-edit": reverse("pathway:health-edit", args=[young_person.pk]),
    }
    client.force_login(person)
    response = client.get(addresses.get(url, url))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_public_offer_stays_shareable_for_visitors_not_signed_in(client):
    assert "no-store" not in client.get("/offer/").get("Cache-Control", "")


def test_the_menu_marks_only_the_page_you_are_on(client, care_leaver):
    client.force_login(care_leaver)
    navigation = client.get(reverse("finance:my-money")).context["navigation"]
    assert [item.label for item in navigation if item.is_current] == ["Your money"]
