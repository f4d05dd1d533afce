"""Adding a young person and changing their details: clear rules, no lost edits."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from people.models import LegalStatus, YoungPerson

pytestmark = pytest.mark.django_db


def details(**overrides) -> dict:
    born = timezone.localdate() - dt.timedelta(days=19 * 365 + 100)
    left = born + dt.timedelta(days=17 * 365 + 30)
    data = {
        "first_name": "Amara",
        "last_name": "Osei",
        "preferred_name": "",
        "date_of_birth_0": born.day,
        "date_of_birth_1": born.month,
        "date_of_birth_2": born.year,
        "legal_status": LegalStatus.FORMER_RELEVANT,
        "date_left_care_0": left.day,
        "date_left_care_1": left.month,
        "date_left_care_2": left.year,
        "phone": "07700 900321",
        "email": "amara@example.org",
        "address": "Flat 2, 14 Mill Lane",
        "preferred_contact": "text",
        "version": "",
    }
    data.update(overrides)
    return data


def test_manager_adds_a_young_person_and_is_taken_to_allocate_a_pa(client, manager):
    client.force_login(manager)
    response = client.post(reverse("portal:young-person-create"), details())
    person = YoungPerson.objects.get(last_name="Osei")
    assert response["Location"] == reverse("portal:allocation-create", args=[person.pk])
    assert person.authority_id == manager.authority_id
    entry = LogEntry.objects.get_for_object(person).get(action=LogEntry.Action.CREATE)
    assert entry.actor == manager


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date_of_birth_2": timezone.localdate().year - 14}, "from age 16"),
        ({"date_of_birth_2": timezone.localdate().year - 30}, "up to age 25"),
        ({"legal_status": LegalStatus.RELEVANT}, "Eligible and relevant are for 16 and 17"),
        (
            {"date_left_care_0": "", "date_left_care_1": "", "date_left_care_2": ""},
            "Enter the date they left care",
        ),
        ({"date_of_birth_0": "31", "date_of_birth_1": "2"}, "Enter a real date"),
        ({"first_name": ""}, "Enter their first name"),
        ({"email": "amara at example"}, "Enter an email address in the right format"),
    ],
)
def test_bad_details_get_a_clear_message_and_nothing_is_saved(client, manager, overrides, message):
    client.force_login(manager)
    response = client.post(reverse("portal:young-person-create"), details(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not YoungPerson.objects.filter(last_name="Osei").exists()


def test_pa_changes_a_phone_number(client, pa, young_person):
    client.force_login(pa)
    url = reverse("portal:young-person-edit", args=[young_person.pk])
    form = client.get(url).context["form"]
    data = details(
        first_name=young_person.first_name,
        last_name=young_person.last_name,
        phone="07700 900999",
        version=form.initial["version"],
    )
    response = client.post(url, data)
    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.phone == "07700 900999"


def test_two_people_editing_at_once_cannot_overwrite_each_other(client, pa, manager, young_person):
    url = reverse("portal:young-person-edit", args=[young_person.pk])
    client.force_login(pa)
    version = client.get(url).context["form"].initial["version"]
    names = {"first_name": young_person.first_name, "last_name": young_person.last_name}

    client.force_login(manager)
    assert (
        client.post(url, details(**names, phone="07700 900111", version=version)).status_code == 302
    )

    client.force_login(pa)
    response = client.post(url, details(**names, phone="07700 900222", version=version))
    assert response.status_code == 409
    assert "Someone else changed these details" in response.content.decode()
    young_person.refresh_from_db()
    assert young_person.phone == "07700 900111"

    # Nothing typed is lost: the form still holds it, beside what the other person saved,
    # and saving again (now knowing both) goes through.
    page = response.content.decode()
    assert 'value="07700 900222"' in page
    assert "07700 900111" in page
    assert response.context["clashes"] == [
        ("Mobile or phone number (optional)", "07700 900111", "07700 900222")
    ]
    new_version = response.context["form"]["version"].value()
    again = details(**names, phone="07700 900222", version=new_version)
    assert client.post(url, again).status_code == 302
    young_person.refresh_from_db()
    assert young_person.phone == "07700 900222"
