"""The return window: what the DfE asks about a birthday is asked for while it happens.

One rule (pathway.windows) says when a window is open: from three months before each 17th
to 21st birthday to one month after. The prompt on logging a contact, the reminder, the
check list and `export_returns --strict` all follow it.
"""

import datetime as dt
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from notifications.models import Notification
from notifications.services import rule_run
from pathway import services, windows
from pathway.models import AccommodationSpell, ActivitySpell, Contact
from pathway.returns import care_leavers, year_of
from tests.factories import AllocationFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("born", "day", "age"),
    [
        # 18 on 10 June 2025: open from 10 March 2025 to 10 July 2025.
        (date(2007, 6, 10), date(2025, 3, 9), None),
        (date(2007, 6, 10), date(2025, 3, 10), 18),
        (date(2007, 6, 10), date(2025, 3, 11), 18),
        (date(2007, 6, 10), date(2025, 6, 9), 18),
        (date(2007, 6, 10), date(2025, 6, 10), 18),
        (date(2007, 6, 10), date(2025, 6, 11), 18),
        (date(2007, 6, 10), date(2025, 7, 10), 18),
        (date(2007, 6, 10), date(2025, 7, 11), None),
        # Born on 29 February: 18 on 1 March 2026, as the law in England counts it.
        (date(2008, 2, 29), date(2025, 11, 30), None),
        (date(2008, 2, 29), date(2025, 12, 1), 18),
        (date(2008, 2, 29), date(2026, 2, 28), 18),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2026, 4, 1), 18),
        (date(2008, 2, 29), date(2026, 4, 2), None),
        # ... and 20 on 29 February 2028, a leap year.
        (date(2008, 2, 29), date(2027, 11, 28), None),
        (date(2008, 2, 29), date(2027, 11, 29), 20),
        (date(2008, 2, 29), date(2028, 3, 29), 20),
        (date(2008, 2, 29), date(2028, 3, 30), None),
        # Nothing at 16 or 22.
        (date(2009, 6, 10), date(2025, 6, 10), None),
        (date(2003, 6, 10), date(2025, 6, 10), None),
    ],
)
def test_the_window_opens_and_closes_on_the_right_days(born, day, age):
    window = windows.window_open_on(born, day)
    assert (window.age if window else None) == age


def test_the_check_list_counts_contact_on_the_first_and_last_days_of_a_leap_day_window(
    authority, pa
):
    early, first, last, late = (
        YoungPersonFactory(authority=authority, date_of_birth=date(2008, 2, 29), sex="F")
        for _ in range(4)
    )
    for person, day in (
        (early, date(2025, 11, 30)),
        (first, date(2025, 12, 1)),
        (last, date(2026, 4, 1)),
        (late, date(2026, 4, 2)),
    ):
        AllocationFactory(young_person=person, pa=pa, started_on=date(2024, 3, 1))
        Contact.objects.create(
            young_person=person, happened_on=day, method="phone", seen=False, recorded_by=pa
        )
    in_touch = {
        row.person.pk: row.in_touch for row in care_leavers(authority.pk, 2026, date(2026, 5, 1))
    }
    assert in_touch == {early.pk: "NO", first.pk: "YES", last.pk: "YES", late.pk: "NO"}


def _person_with_a_pa(authority, pa, born: date):
    person = YoungPersonFactory(authority=authority, date_of_birth=born, sex="M", ethnicity="WBRI")
    AllocationFactory(young_person=person, pa=pa, started_on=born.replace(year=born.year + 16))
    return person


def _return_reminders(pa) -> list[str]:
    return sorted(
        Notification.objects.filter(recipient=pa, kind="return_window").values_list(
            "key", flat=True
        )
    )


def test_the_reminder_comes_once_as_the_window_opens_and_once_in_its_last_week(authority, pa):
    amy = _person_with_a_pa(authority, pa, date(2007, 6, 10))  # 18 on 10 June 2025
    for day in (date(2025, 3, 9), date(2025, 3, 10), date(2025, 3, 11), date(2025, 5, 1)):
        rule_run(name="return_windows", day=day)
    assert _return_reminders(pa) == [f"return-window-open:{amy.pk}:2025-06-10"]
    told = Notification.objects.get(recipient=pa, kind="return_window")
    assert "between 10 March 2025 and 10 July 2025" in told.message
    assert "their main activity on their birthday" in told.message
    assert told.link == reverse("pathway:contact-create", args=[amy.pk])  # it asks there
    for day in (date(2025, 7, 3), date(2025, 7, 4), date(2025, 7, 10), date(2025, 7, 11)):
        rule_run(name="return_windows", day=day)
    assert _return_reminders(pa) == [
        f"return-window-closing:{amy.pk}:2025-06-10",
        f"return-window-open:{amy.pk}:2025-06-10",
    ]
    # The next birthday's window is a window of its own.
    rule_run(name="return_windows", day=date(2026, 3, 10))
    assert f"return-window-open:{amy.pk}:2026-06-10" in _return_reminders(pa)


def test_no_reminder_in_its_last_week_once_the_facts_are_in(authority, pa):
    ben, cy = (_person_with_a_pa(authority, pa, date(2007, 6, 10)) for _ in range(2))
    for person in (ben, cy):
        ActivitySpell.objects.create(
            young_person=person, started_on=date(2024, 9, 1), code="F2", recorded_by=pa
        )
        Contact.objects.create(
            young_person=person,
            happened_on=date(2025, 6, 20),
            method="phone",
            seen=True,
            recorded_by=pa,
        )
    AccommodationSpell.objects.create(
        young_person=ben, started_on=date(2024, 9, 1), kind="U", suitable=True, recorded_by=pa
    )
    rule_run(name="return_windows", day=date(2025, 7, 5))
    assert _return_reminders(pa) == [f"return-window-closing:{cy.pk}:2025-06-10"]
    told = Notification.objects.get(recipient=pa, kind="return_window")
    assert "Still to record: where they lived on their birthday." in told.message
    assert told.link == reverse("pathway:return-fix", args=[cy.pk, 18])


def test_a_contact_logged_in_the_window_with_the_facts_confirmed_takes_them_off_the_list(
    client, authority, pa, manager
):
    """The PA logs a contact ten days after an 18th birthday that nothing was recorded for;
    the form asks about the birthday, and once saved the return has what it needs."""
    manager.sees_all_teams = True
    manager.save()
    today = timezone.localdate()
    turned_18 = today - dt.timedelta(days=10)
    born = turned_18.replace(year=turned_18.year - 18, day=min(turned_18.day, 28))
    cara = _person_with_a_pa(authority, pa, born)
    window = windows.window_open_on(born, today)
    year = year_of(window.birthday)

    client.force_login(manager)
    listed = client.get(reverse("pathway:returns"), {"year": year}).content.decode()
    assert escape(cara.full_name) in listed and "Put it right" in listed

    client.force_login(pa)
    url = reverse("pathway:contact-create", args=[cara.pk])
    page = client.get(url).content.decode()
    assert f"Their 18th birthday, {window.birthday:%-d %B %Y}" in page
    assert f"Main activity on {window.birthday:%-d %B %Y}" in page
    response = client.post(
        url,
        {
            "happened_on_0": today.day,
            "happened_on_1": today.month,
            "happened_on_2": today.year,
            "method": "phone",
            "seen": "no",
            "note": "Talked about college.",
            "birthday_activity": "F2",
            "birthday_home": "D",
            "birthday_home_suitable": "yes",
        },
    )
    assert response.status_code == 302
    assert list(cara.activity_spells.values_list("started_on", "code")) == [(window.birthday, "F2")]
    assert list(cara.accommodation_spells.values_list("kind", "suitable")) == [("D", True)]

    client.force_login(manager)
    listed = client.get(reverse("pathway:returns"), {"year": year}).content.decode()
    assert cara.full_name not in listed
    (row,) = [r for r in care_leavers(authority.pk, year, today) if r.person.pk == cara.pk]
    assert (row.in_touch, row.activity, row.accommodation, row.problems) == ("YES", "F2", "D1", [])


def test_confirming_what_is_recorded_writes_nothing_and_a_change_starts_on_the_birthday(
    authority, pa
):
    dan = _person_with_a_pa(authority, pa, date(2007, 6, 10))
    ActivitySpell.objects.create(
        young_person=dan, started_on=date(2024, 9, 1), code="F2", recorded_by=pa
    )
    AccommodationSpell.objects.create(
        young_person=dan, started_on=date(2024, 9, 1), kind="U", suitable=True, recorded_by=pa
    )
    window = windows.window_for(dan.date_of_birth, 18)
    same = windows.BirthdayFacts(window=window, activity="F2", home_kind="U", home_suitable=True)
    services.birthday_facts_record(young_person=dan, facts=same, by=pa, today=date(2025, 6, 20))
    assert (dan.activity_spells.count(), dan.accommodation_spells.count()) == (1, 1)
    moved = windows.BirthdayFacts(window=window, activity="G5", home_kind="U", home_suitable=False)
    services.birthday_facts_record(young_person=dan, facts=moved, by=pa, today=date(2025, 6, 20))
    assert list(dan.activity_spells.order_by("started_on").values_list("started_on", "code")) == [
        (date(2024, 9, 1), "F2"),
        (date(2025, 6, 10), "G5"),
    ]
    judged = dan.accommodation_spells.get(started_on=date(2025, 6, 10))
    assert (judged.kind, judged.suitable, judged.is_reassessment) == ("U", False, True)


def test_a_different_answer_puts_right_a_spell_that_began_on_the_birthday(authority, pa):
    """A home and an activity recorded as from the birthday itself are put right in place
    (a new spell that day would clash with them, and the contact could never be saved)."""
    eve = _person_with_a_pa(authority, pa, date(2007, 6, 10))
    birthday = date(2025, 6, 10)
    ActivitySpell.objects.create(young_person=eve, started_on=birthday, code="F2", recorded_by=pa)
    AccommodationSpell.objects.create(
        young_person=eve, started_on=birthday, kind="D", suitable=True, recorded_by=pa
    )
    window = windows.window_for(eve.date_of_birth, 18)
    other = windows.BirthdayFacts(window=window, activity="G5", home_kind="E", home_suitable=True)
    services.birthday_facts_record(young_person=eve, facts=other, by=pa, today=date(2025, 6, 20))
    assert list(eve.activity_spells.values_list("started_on", "code")) == [(birthday, "G5")]
    assert list(eve.accommodation_spells.values_list("started_on", "kind")) == [(birthday, "E")]


def test_the_service_manager_puts_right_a_record_of_another_team(
    client, authority, other_pa, other_manager, manager
):
    """The returns list the whole council to whoever makes them; each link opens."""
    manager.sees_all_teams = True
    manager.save()
    today = timezone.localdate()
    turned_18 = today - dt.timedelta(days=10)
    born = turned_18.replace(year=turned_18.year - 18, day=min(turned_18.day, 28))
    fay = _person_with_a_pa(authority, other_pa, born)
    client.force_login(manager)
    page = client.get(reverse("pathway:return-fix", args=[fay.pk, 18]))
    assert page.status_code == 200 and escape(fay.full_name) in page.content.decode()


def test_each_record_to_check_links_to_a_form_for_exactly_what_is_missing(
    client, authority, pa, manager, tmp_path
):
    manager.sees_all_teams = True
    manager.save()
    eve = _person_with_a_pa(authority, pa, date(2006, 9, 1))  # 19 on 1 September 2025
    eve.ethnicity = ""
    eve.save()
    Contact.objects.create(
        young_person=eve, happened_on=date(2025, 8, 1), method="phone", seen=False, recorded_by=pa
    )
    client.force_login(manager)
    listed = client.get(reverse("pathway:returns"), {"year": 2026}).content.decode()
    fix = reverse("pathway:return-fix", args=[eve.pk, 19])
    assert f'href="{fix}"' in listed
    form = client.get(fix).context["form"]
    assert set(form.fields) == {
        "version",
        "ethnicity",
        "birthday_activity",
        "birthday_home",
        "birthday_home_suitable",
    }
    with pytest.raises(CommandError, match="1 records cannot be completed"):
        call_command("export_returns", "--year", "2026", "--out", str(tmp_path), "--strict")
    response = client.post(
        fix,
        {
            "version": form.initial["version"],
            "ethnicity": "WBRI",
            "birthday_activity": "P5",
            "birthday_home": "U",
            "birthday_home_suitable": "yes",
        },
    )
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("pathway:returns")
    )
    listed = client.get(reverse("pathway:returns"), {"year": 2026}).content.decode()
    assert "Records to check before sending (0)" in listed
    call_command("export_returns", "--year", "2026", "--out", str(tmp_path), "--strict")
    assert (
        (tmp_path / "ssda903_care_leavers_2026.csv")
        .read_text()
        .splitlines()[1]
        .endswith("YES,P5,U1")
    )
    # Nothing left to put right: the form says so and goes back.
    assert client.get(fix).status_code == 302


def test_a_birthday_still_to_come_is_confirmed_from_today(authority, pa):
    fay = _person_with_a_pa(authority, pa, date(2008, 1, 20))  # 18 on 20 January 2026
    window = windows.window_for(fay.date_of_birth, 18)
    today = date(2025, 11, 2)
    services.contact_record(
        young_person=fay,
        happened_on=today,
        method="visit",
        seen=True,
        note="",
        by=pa,
        today=today,
        birthday_facts=windows.BirthdayFacts(
            window=window, activity="F4", home_kind="E", home_suitable=True
        ),
    )
    assert list(fay.activity_spells.values_list("started_on", "code")) == [(today, "F4")]
    (row,) = care_leavers(authority.pk, 2026, date(2026, 5, 1))
    assert (row.in_touch, row.activity, row.accommodation, row.problems) == ("YES", "F4", "E1", [])
