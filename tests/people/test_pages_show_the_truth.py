"""A page read just after a save shows what was saved: nothing personal is kept."""

import re
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from finance.models import Award
from pathway import services as pathway_services
from pathway.models import Contact, Matter, ReturnDownload
from tests.factories import YoungPersonFactory, money_world, signed_plan

pytestmark = pytest.mark.django_db

IN_TOUCH = re.compile(r'id="tile-in-touch">.*?class="lc-tile__of">(\d+) of (\d+)<', re.S)


def test_the_dashboard_counts_a_contact_made_today_at_once(client, manager, pa, young_person):
    client.force_login(manager)

    def in_touch():
        text = client.get(reverse("dashboard:home")).content.decode()
        return tuple(int(n) for n in IN_TOUCH.search(text).groups())

    counted, everyone = in_touch()
    Contact.objects.create(
        young_person=young_person,
        happened_on=timezone.localdate(),
        method="phone",
        seen=False,
        recorded_by=pa,
    )
    assert in_touch() == (counted + 1, everyone)


def test_every_return_download_is_recorded_and_shows_a_fix_at_once(client, authority, manager, pa):
    manager.sees_all_teams = True
    manager.save()
    person = YoungPersonFactory(
        authority=authority,
        child_id="EVE",
        date_of_birth=date(2005, 5, 5),
        sex="F",
        ethnicity="WBRI",
    )
    url = reverse("pathway:returns-download", args=[2026, "903-header"])
    client.force_login(manager)
    first = client.get(url).content.decode()
    assert client.get(url).content.decode() == first and "EVE,F,05/05/2005,WBRI" in first
    assert ReturnDownload.objects.filter(what="903-header").count() == 2
    person.sex = "M"
    person.save()
    assert "EVE,M,05/05/2005,WBRI" in client.get(url).content.decode()


def _audited(young_person) -> int:
    return LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(young_person.pk)
    ).count()


def test_the_plan_shows_an_edit_at_once_and_every_reading_is_audited(
    client, young_person, pa, manager
):
    signed_plan(young_person, pa=pa, manager=manager, needs="Help to find a college course.")
    client.force_login(pa)
    url = reverse("pathway:plan", args=[young_person.pk])
    read_before = _audited(young_person)
    assert "Help to find a college course." in client.get(url).content.decode()
    again = client.get(url).content.decode()
    assert "Help to find a college course." in again and 'aria-current="page">Pathway plan' in again
    assert _audited(young_person) == read_before + 2
    edit = reverse("pathway:section-edit", args=[young_person.pk, Matter.EDUCATION])
    revision = client.get(edit).context["form"].initial["revision"]
    saved = client.post(edit, {"revision": revision, "needs": "A place on the plumbing course."})
    assert saved.status_code == 302
    assert "A place on the plumbing course." in client.get(url).content.decode()


def test_the_money_page_shows_a_claim_at_once(client, young_person, pa, manager):
    money_world(young_person, pa=pa, manager=manager)
    client.force_login(pa)
    url = reverse("finance:person-money", args=[young_person.pk])
    first = client.get(url).content.decode()
    assert first.count('class="govuk-table__row"') > 0
    claim = reverse("finance:person-claim", args=[young_person.pk])
    answer = client.post(
        claim, {"award": Award.objects.get().pk, "amount": "12.34", "purpose": "Bus pass"}
    )
    assert answer.status_code == 302, answer.context["form"].errors
    assert "Bus pass" not in first and "Bus pass" in client.get(url).content.decode()


def test_the_profile_shows_a_contact_at_once(client, young_person, pa):
    client.force_login(pa)
    url = reverse("portal:young-person-detail", args=[young_person.pk])
    assert "No contact recorded" in client.get(url).content.decode()
    pathway_services.contact_record(
        young_person=young_person,
        happened_on=date(2026, 11, 20),
        method="visit",
        seen=True,
        note="Met at the flat.",
        by=pa,
    )
    assert "20 November 2026 (visit" in client.get(url).content.decode()
