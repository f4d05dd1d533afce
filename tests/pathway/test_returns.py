"""The SSDA903 care leavers return on a hand-built council, every answer worked out by hand.

Collection year 2026 runs from 1 April 2025 to 31 March 2026. In touch means contact from
three months before the birthday to one month after it.
"""

import datetime as dt
import importlib
import re
from datetime import date
from html import unescape

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from dashboard import figures as dashboard
from pathway import selectors, services, snapshot
from pathway.models import AccommodationSpell, ActivitySpell, Contact, Matter, Section
from pathway.returns import ANNEX_A_COLUMNS, annex_a, care_leavers
from pathway.services import PlanError
from people.models import Allocation, EndReason
from tests.factories import AllocationFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 24)


@pytest.fixture
def council(authority, pa):
    def person(child_id, born, **fields):
        fields.setdefault("sex", "F")
        fields.setdefault("ethnicity", "WBRI")
        someone = YoungPersonFactory(
            authority=authority, child_id=child_id, date_of_birth=born, **fields
        )
        AllocationFactory(young_person=someone, pa=pa, started_on=born.replace(year=born.year + 16))
        return someone

    def contact(someone, day):
        Contact.objects.create(
            young_person=someone, happened_on=day, method="phone", seen=False, recorded_by=pa
        )

    def home(someone, day, kind, suitable):
        AccommodationSpell.objects.create(
            young_person=someone, started_on=day, kind=kind, suitable=suitable, recorded_by=pa
        )

    def doing(someone, day, code):
        ActivitySpell.objects.create(
            young_person=someone, started_on=day, code=code, recorded_by=pa
        )

    return person, contact, home, doing


def codes(year=2026):
    return {
        row.person.child_id: (row.age, row.in_touch, row.activity, row.accommodation)
        for row in care_leavers(pa_authority(), year, TODAY)
    }


def pa_authority():
    from people.models import Authority

    return Authority.objects.get().pk


def test_in_touch_activity_and_accommodation_around_the_birthday(council, pa):
    person, contact, home, doing = council
    amy = person("AMY", date(2007, 6, 10))  # 18 on 10 June 2025
    contact(amy, date(2025, 3, 10))  # the first day of her window
    home(amy, date(2024, 9, 1), "U", True)
    doing(amy, date(2024, 9, 1), "F2")
    doing(amy, date(2025, 6, 11), "G5")  # the day after: not what counts
    ben = person("BEN", date(2006, 9, 1), sex="M")  # 19 on 1 September 2025
    contact(ben, date(2025, 10, 1))  # the last day of his window
    home(ben, date(2025, 8, 1), "S", False)
    doing(ben, date(2025, 1, 1), "G5")
    cara = person("CARA", date(2005, 3, 31))  # 21 on 31 March 2026, the last day of the year
    contact(cara, date(2026, 4, 30))
    home(cara, date(2023, 3, 31), "Z", True)
    doing(cara, date(2025, 2, 1), "F5")
    dan = person("DAN", date(2005, 5, 5), sex="M")  # 20 on 5 May 2025
    contact(dan, date(2025, 2, 4))  # a day before his window opened
    contact(dan, date(2025, 6, 6))  # a day after it closed
    home(dan, date(2024, 1, 1), "U", True)
    eve = person(  # 17, having left care at 16
        "EVE",
        date(2008, 12, 1),
        refuses_contact_since=date(2025, 6, 1),
        legal_status="relevant",
        date_left_care=date(2025, 2, 1),
    )
    # At 17 and still in care (eligible), or a qualifying care leaver: not in the return.
    person("STILL", date(2008, 7, 1), legal_status="eligible", date_left_care=None)
    person("QUAL", date(2006, 7, 1), legal_status="qualifying")
    finn = person("FINN", date(2004, 8, 20), sex="M")  # 21 on 20 August 2025
    Allocation.objects.filter(young_person=finn).update(
        ended_on=date(2025, 7, 1), end_reason=EndReason.YOUNG_PERSON_CHOICE
    )
    gus = person("GUS", date(2006, 11, 11), sex="M")  # 19 on 11 November 2025
    home(gus, date(2025, 5, 11), "B", True)  # home with his mum six months to the day
    contact(gus, date(2025, 11, 1))
    hana = person("HANA", date(2007, 10, 10), died_on=date(2025, 9, 1))  # would be 18
    kim = person("KIM", date(2007, 4, 1))  # 18 on 1 April 2025, the first day of the year
    contact(kim, date(2025, 4, 1))
    home(kim, date(2025, 1, 1), "D", False)
    doing(kim, date(2025, 1, 1), "P4")
    # Not in the year: 21 the day before it began; 22 in it; 16 in it.
    person("JO", date(2004, 3, 31))
    person("IVY", date(2003, 6, 1))
    person("LEN", date(2009, 6, 1))

    assert codes() == {
        "AMY": (18, "YES", "F2", "U1"),
        "BEN": (19, "YES", "G5", "S2"),
        "CARA": (21, "YES", "F5", "Z1"),
        "DAN": (20, "NO", "0", "0"),
        "EVE": (17, "REFU", "0", "0"),
        "FINN": (21, "NREQ", "0", "0"),
        "GUS": (19, "RHOM", "0", "0"),
        "HANA": (18, "DIED", "0", "0"),
        "KIM": (18, "YES", "P4", "D2"),
    }
    del amy, ben, cara, dan, eve, finn, gus, hana, kim


def test_a_month_short_of_six_at_home_is_not_returned_home(council):
    person, contact, home, doing = council
    gus = person("GUS", date(2006, 11, 11))
    home(gus, date(2025, 5, 12), "B", True)  # a day short of six months
    contact(gus, date(2025, 11, 1))
    doing(gus, date(2025, 1, 1), "G4")
    assert codes()["GUS"] == (19, "YES", "G4", "B1")


def test_every_activity_and_accommodation_code_is_sent_as_recorded(council):
    person, contact, home, doing = council
    activities = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"]
    letters = "BCDEGHKRSTUVWXYZ"
    expected = {}
    for number, letter in enumerate(letters):
        suitable = letter not in "SX" and number % 2 == 0
        activity = activities[number % len(activities)]
        born = date(2006, 1, 1) + dt.timedelta(days=number)  # 20 in January 2026
        someone = person(f"P{number:02d}", born)
        contact(someone, born.replace(year=2026))
        # Six months or more with parents would be "returned home" (RHOM) instead.
        home(someone, date(2025, 12, 1) if letter == "B" else date(2025, 1, 1), letter, suitable)
        doing(someone, date(2025, 1, 1), activity)
        expected[f"P{number:02d}"] = (20, "YES", activity, f"{letter}{1 if suitable else 2}")
    assert codes() == expected
    assert {code for _, _, code, _ in expected.values()} == set(activities)


def test_records_that_cannot_be_completed_say_why(council):
    person, contact, home, doing = council
    dan = person("DAN", date(2005, 5, 5), sex="", ethnicity="")
    new = person(  # 17 on 1 November 2025: in the 2026 year
        "NEW", date(2008, 11, 1), legal_status="relevant", date_left_care=date(2025, 9, 1)
    )
    contact(new, date(2025, 11, 2))
    rows = {row.person.child_id: row for row in care_leavers(pa_authority(), 2026, TODAY)}
    assert rows["DAN"].problems == [
        "Sex not recorded",
        "Ethnicity not recorded",
        "No contact recorded between 5 February 2025 and 5 June 2025",
    ]
    assert rows["NEW"].problems == [
        "No main activity recorded on their birthday (1 November 2025)",
        "No accommodation recorded on their birthday (1 November 2025)",
    ]
    # In the next year, a birthday still to come cannot be sent yet.
    later = {row.person.child_id: row for row in care_leavers(pa_authority(), 2027, TODAY)}
    assert later["NEW"].problems == ["Their birthday window is still open (until 1 December 2026)"]
    del dan, new


def test_the_header_has_sex_ethnicity_and_motherhood(council):
    person, contact, home, doing = council
    person("AMY", date(2007, 6, 10), upn="A12345678901B", mothers_child_born_on=date(2025, 2, 3))
    person("BEN", date(2006, 9, 1), sex="M", ethnicity="BAFR")
    person(
        "EVE",
        date(2008, 12, 1),
        ethnicity="NOBT",
        legal_status="relevant",
        date_left_care=date(2025, 2, 1),
    )
    person("TOM", date(2006, 9, 1), sex="M", mothers_child_born_on=date(2025, 1, 1))
    rows = {
        row.person.child_id: row.header_line() for row in care_leavers(pa_authority(), 2026, TODAY)
    }
    assert rows == {
        "AMY": ["AMY", "F", "10/06/2007", "WBRI", "A12345678901B", "1", "03/02/2025"],
        "BEN": ["BEN", "M", "01/09/2006", "BAFR", "", "", ""],
        "EVE": ["EVE", "F", "01/12/2008", "NOBT", "", "0", ""],
        "TOM": ["TOM", "M", "01/09/2006", "WBRI", "", "", ""],  # a date typed by mistake
    }


def test_the_annex_a_list_on_a_hand_built_council(council, pa, team):
    from pathway.returns import ANNEX_A_COLUMNS, annex_a

    person, contact, home, doing = council
    as_at = date(2026, 3, 31)
    amy = person(
        "AMY",
        date(2007, 6, 10),
        ethnicity="MWBA",
        has_disability=False,
        legal_status="former_relevant",
        is_unaccompanied_asylum_seeker=True,
    )
    contact(amy, date(2026, 2, 1))
    home(amy, date(2025, 9, 1), "U", True)
    doing(amy, date(2025, 9, 1), "P2")
    ben = person("BEN", date(2004, 4, 1), sex="M", legal_status="qualifying")  # 21
    contact(ben, date(2025, 11, 30))  # four months before: not in touch now
    home(ben, date(2024, 1, 1), "X", False)
    person("OLD", date(2000, 3, 31))  # 26 on the day: no longer listed
    person("YOUNG", date(2010, 4, 1))  # 15: not yet
    rows = {
        row[0]: dict(zip(ANNEX_A_COLUMNS, row, strict=True))
        for row in annex_a(pa.authority_id, as_at)
    }
    assert set(rows) == {"AMY", "BEN"}
    pa_name = pa.get_full_name()
    assert rows["AMY"] == {
        "Child Unique ID": "AMY",
        "Gender": "b) Female",
        "Ethnicity": "g) MWBA",
        "Date of Birth": "10/06/2007",
        "Age of Child (Years)": "18",
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)": (
            "a) Yes"
        ),
        "Does the Child have a Disability": "b) No",
        "Allocated Team": team.name,
        "Allocated Worker": pa_name,
        "Allocated Personal Advisor": pa_name,
        "Eligibility Category": "b) Former relevant child",
        "Latest Pathway Plan Review Date": "",
        "LA in Touch": "a) Yes",
        "Latest Date of Contact": "01/02/2026",
        "Type of Accommodation": "U: Independent living",
        "Suitability of Accommodation": "a) Suitable",
        "Activity Status": "P2: Part time in education other than higher",
    }
    assert rows["BEN"]["LA in Touch"] == "b) No"
    assert rows["BEN"]["Latest Date of Contact"] == "30/11/2025"
    assert rows["BEN"]["Type of Accommodation"] == "X: In custody"
    assert rows["BEN"]["Suitability of Accommodation"] == "b) Unsuitable"
    assert rows["BEN"]["Does the Child have a Disability"] == "c) Unknown"
    assert rows["BEN"]["Activity Status"] == ""


def test_annex_a_takes_the_latest_review_signed_by_its_date(council, pa, manager):
    from django.utils import timezone

    from pathway.returns import annex_a
    from tests.factories import signed_plan

    person, contact, home, doing = council
    amy = person("AMY", date(2007, 6, 10))
    signed_plan(amy, pa=pa, manager=manager)  # reviewed today, 24 November 2026 or later
    today = timezone.localdate()
    assert annex_a(pa.authority_id, date(2026, 3, 31))[0][11] == ""
    assert annex_a(pa.authority_id, today)[0][11] == f"{today:%d/%m/%Y}"


def test_a_manager_checks_the_year_and_every_download_is_recorded(client, council, manager, pa):
    manager.sees_all_teams = True  # the returns are the service manager's
    manager.save()
    from django.urls import reverse

    from pathway.models import ReturnDownload

    person, contact, home, doing = council
    person("DAN", date(2005, 5, 5), sex="")
    client.force_login(manager)
    page = client.get(reverse("pathway:returns"), {"year": "2026"}).content.decode()
    assert "Records to check before sending (1)" in page and "Sex not recorded" in page
    response = client.get(reverse("pathway:returns-download", args=[2026, "903-care-leavers"]))
    assert response["Content-Disposition"] == 'attachment; filename="ssda903_care_leavers_2026.csv"'
    assert (
        response.content.decode() == "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\r\nDAN,05/05/2005,NO,0,0\r\n"
    )
    download = ReturnDownload.objects.get()
    assert (download.by, download.what, download.year, download.rows) == (
        manager,
        "903-care-leavers",
        2026,
        1,
    )
    assert client.get(reverse("pathway:returns-download", args=[2026, "other"])).status_code == 404
    client.force_login(pa)
    assert client.get(reverse("pathway:returns")).status_code == 403


def test_export_returns_writes_the_three_files_for_a_scheduled_export(council, tmp_path):
    from django.core.management import call_command

    from pathway.models import ReturnDownload

    person, contact, home, doing = council
    amy = person("AMY", date(2007, 6, 10))
    contact(amy, date(2025, 6, 1))
    home(amy, date(2024, 9, 1), "U", True)
    doing(amy, date(2024, 9, 1), "F2")
    call_command("export_returns", "--year", "2026", "--out", str(tmp_path))
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "annex_a_care_leavers_2026.csv",
        "ssda903_care_leavers_2026.csv",
        "ssda903_header_2026.csv",
    ]
    assert (tmp_path / "ssda903_care_leavers_2026.csv").read_text().splitlines() == [
        "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM",
        "AMY,10/06/2007,YES,F2,U1",
    ]
    assert (tmp_path / "ssda903_header_2026.csv").read_text().splitlines()[1] == (
        "AMY,F,10/06/2007,WBRI,,0,"
    )
    annex = (tmp_path / "annex_a_care_leavers_2026.csv").read_text().splitlines()
    assert annex[0].startswith("Child Unique ID,Gender,Ethnicity,Date of Birth,")
    assert annex[1].startswith("AMY,b) Female,a) WBRI,10/06/2007,18,")
    assert ReturnDownload.objects.filter(by=None, year=2026).count() == 3


def test_the_details_form_keeps_what_the_returns_need(client, young_person, pa):
    from django.urls import reverse

    client.force_login(pa)
    url = reverse("portal:young-person-edit", args=[young_person.pk])
    page = client.get(url)
    form = page.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("date_of_birth", "date_left_care")
    }
    born, left = young_person.date_of_birth, young_person.date_left_care
    data.update(
        {
            "date_of_birth_0": born.day,
            "date_of_birth_1": born.month,
            "date_of_birth_2": born.year,
            "date_left_care_0": left.day,
            "date_left_care_1": left.month,
            "date_left_care_2": left.year,
            "sex": "F",
            "ethnicity": "BAFR",
            "upn": "=CMD()",
            "has_disability": "yes",
        }
    )
    refused = client.post(url, data)
    assert "Enter a UPN like A12345678901B" in refused.content.decode()
    data["upn"] = "A12345678901B"
    assert client.post(url, data).status_code == 302
    young_person.refresh_from_db()
    assert (young_person.sex, young_person.ethnicity, young_person.has_disability) == (
        "F",
        "BAFR",
        True,
    )
    again = client.get(url).content.decode()
    chosen = [tag for tag in re.findall(r"<input[^>]*>", again) if 'name="has_disability"' in tag]
    assert [tag for tag in chosen if "checked" in tag and 'value="yes"' in tag]


def test_export_returns_warns_and_strict_refuses_an_incomplete_year(council, tmp_path):
    from django.core.management import CommandError, call_command

    person, contact, home, doing = council
    person("DAN", date(2005, 5, 5), ethnicity="")
    with pytest.raises(CommandError, match="1 records cannot be completed"):
        call_command("export_returns", "--year", "2026", "--out", str(tmp_path), "--strict")
    assert not list(tmp_path.iterdir())


def test_the_records_to_check_are_paged(client, council, manager):
    from django.urls import reverse

    manager.sees_all_teams = True
    manager.save()
    person, contact, home, doing = council
    for number in range(26):
        person(f"P{number:02d}", date(2005, 5, 5), sex="")
    client.force_login(manager)
    first = client.get(reverse("pathway:returns"), {"year": "2026"}).content.decode()
    assert "Records to check before sending (26)" in first
    assert first.count("Sex not recorded") == 25 and "year=2026&amp;page=2" in first
    second = client.get(reverse("pathway:returns"), {"year": "2026", "page": "2"}).content.decode()
    assert second.count("Sex not recorded") == 1


# --- One record of suitability: the plan writes the dated home history ----------------------


def test_a_signed_plan_that_says_not_suitable_is_what_every_page_and_return_says(
    client, council, pa, manager, team
):
    person, contact, home, doing = council
    birthday = date(2026, 6, 30)  # Eve is 19 that day, in the year to 31 March 2027
    eve = person("EVE", date(2007, 6, 30))
    home(eve, date(2025, 9, 1), "U", True)
    doing(eve, date(2025, 9, 1), "F2")
    contact(eve, birthday)
    plan = services.plan_start(young_person=eve, by=pa, today=date(2026, 6, 1))
    section = plan.sections.get(matter=Matter.ACCOMMODATION)
    services.section_save(
        section=section,
        fields={"repair": "Damp and mould in the bedroom", "suitable": "no"},
        revision=section.revision,
        by=pa,
        today=birthday,
    )
    review = services.review_record(
        plan=plan,
        held_on=birthday,
        participants="Eve and her PA",
        young_person_took_part=True,
        outcome="She needs to move.",
        by=pa,
        today=birthday,
    )
    read = snapshot.digest(snapshot.to_sign(selectors.plan_detail(eve.pk), review))
    version = services.review_sign(review=review, read=read, by=manager)
    signed = {s["matter"]: s for s in version.content["sections"]}
    assert signed["accommodation"]["suitable"] == "no"

    client.force_login(pa)
    situation = client.get(reverse("pathway:situation", args=[eve.pk])).content.decode()
    assert "Same home, judged not suitable in the pathway plan" in situation
    plan_page = client.get(reverse("pathway:plan", args=[eve.pk])).content.decode()
    assert re.search(r"Suitable</dt><dd[^>]*>No ", plan_page)

    (suitable,) = [
        figure
        for figure in dashboard.figures(
            authority=eve.authority, team_ids=[team.pk], as_at=birthday, query=""
        )
        if figure.slug == "suitable"
    ]
    assert (suitable.latest.count, suitable.latest.out_of) == (0, 1)
    assert (suitable.points[-2].count, suitable.points[-2].out_of) == (1, 1)  # May kept as was

    (row,) = care_leavers(pa.authority_id, 2027, TODAY)
    assert (row.person.child_id, row.accommodation) == ("EVE", "U2")

    def annex_a_suitability(day):
        (line,) = annex_a(pa.authority_id, day)
        return dict(zip(ANNEX_A_COLUMNS, line, strict=True))["Suitability of Accommodation"]

    assert annex_a_suitability(birthday) == "b) Unsuitable"
    assert annex_a_suitability(birthday - dt.timedelta(days=1)) == "a) Suitable"


def test_the_plans_judgement_needs_a_home_and_never_calls_homeless_suitable(council, pa):
    person, contact, home, doing = council
    fay = person("FAY", date(2006, 1, 1))
    plan = services.plan_start(young_person=fay, by=pa, today=date(2026, 6, 1))
    section = plan.sections.get(matter=Matter.ACCOMMODATION)

    def judge(answer, day=date(2026, 6, 2), shown=""):
        services.section_save(
            section=section,
            fields={"suitable": answer, "suitable_shown": shown},
            revision=Section.objects.get(pk=section.pk).revision,
            by=pa,
            today=day,
        )

    with pytest.raises(PlanError, match="Record where they live"):
        judge("no")
    home(fay, date(2026, 6, 1), "S", False)
    with pytest.raises(PlanError, match="never|always count as not suitable"):
        judge("yes")
    services.accommodation_record(
        young_person=fay,
        started_on=date(2026, 6, 3),
        kind="U",
        suitable=True,
        description="Flat on Mill Lane",
        by=pa,
        today=date(2026, 6, 3),
    )
    judge("no", date(2026, 6, 3))  # the day she moved: that day's record is corrected
    judge("no", date(2026, 6, 10))  # the same answer again adds nothing
    # A form opened before a move, saved unchanged after it, is not a judgement of the new home.
    judge("yes", date(2026, 6, 11), shown="yes")
    history = list(AccommodationSpell.objects.filter(young_person=fay).order_by("started_on"))
    assert [(s.started_on.day, s.kind, s.suitable, s.is_reassessment) for s in history] == [
        (1, "S", False, False),
        (3, "U", False, False),
    ]


def test_the_migration_keeps_the_newer_judgement(council, pa):
    reconcile = importlib.import_module(
        "pathway.migrations.0008_suitability_kept_in_home_history"
    ).reconcile
    person, contact, home, doing = council
    moment = timezone.make_aware(dt.datetime(2026, 5, 1, 12))

    def judged(someone, answer, at):
        plan = services.plan_start(young_person=someone, by=pa, today=date(2026, 1, 1))
        Section.objects.filter(plan=plan, matter=Matter.ACCOMMODATION).update(
            suitability={"safety": "Checked", "suitable": answer}, updated_at=at, updated_by=pa
        )

    gus = person("GUS", date(2006, 1, 1))  # said "no" in the plan after the home was recorded
    home(gus, date(2026, 1, 1), "U", True)
    AccommodationSpell.objects.filter(young_person=gus).update(recorded_at=moment)
    judged(gus, "no", moment + dt.timedelta(days=30))
    hal = person("HAL", date(2006, 1, 1))  # moved after the plan said "no": the move stands
    judged(hal, "no", moment)
    home(hal, date(2026, 5, 20), "E", True)
    reconcile(apps, None)
    assert [
        (s.started_on, s.suitable, s.is_reassessment)
        for s in AccommodationSpell.objects.filter(young_person=gus).order_by("started_on")
    ] == [(date(2026, 1, 1), True, False), (date(2026, 5, 31), False, True)]
    assert list(AccommodationSpell.objects.filter(young_person=hal).values_list("suitable")) == [
        (True,)
    ]
    for section in Section.objects.filter(matter=Matter.ACCOMMODATION):
        assert section.suitability == {"safety": "Checked"}


def test_the_section_page_says_where_the_answer_goes_and_shows_a_refusal(client, council, pa):
    person, contact, home, doing = council
    ida = person("IDA", date(2006, 1, 1))
    services.plan_start(young_person=ida, by=pa)
    url = reverse("pathway:section-edit", args=[ida.pk, Matter.ACCOMMODATION])
    client.force_login(pa)
    opened = client.get(url)
    hint = f"Record where {ida.known_as} lives on their home and activity page first."
    assert hint in unescape(opened.content.decode())
    refused = client.post(url, {"revision": 0, "suitable": "no"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["suitable"] == [
        "Record where they live on their home and activity page first, then say here whether "
        "it is suitable"
    ]
    assert not Section.objects.get(plan__young_person=ida, matter=Matter.ACCOMMODATION).revision
