"""Kept dashboards and returns: worked out again as soon as the council's records change."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pathway.models import Contact, ReturnDownload
from portal import caching, freshness
from portal.models import Notification
from tests.factories import AuthorityFactory, UserFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db


def generations(*authorities):
    return freshness.current(
        freshness.EVERY_COUNCIL, *(freshness.records(a.pk) for a in authorities)
    )


def as_request_by(user, work):
    request = RequestFactory().post("/")
    request.user = user
    return freshness.WriterMiddleware(lambda _: work())(request)


def test_a_change_by_staff_moves_on_their_council_only(authority, pa, young_person):
    elsewhere = AuthorityFactory(name="Otherham Council", slug="otherham")
    every, ours, theirs = generations(authority, elsewhere)
    as_request_by(
        pa,
        lambda: Contact.objects.create(
            young_person=young_person,
            happened_on=date(2026, 11, 2),
            method="phone",
            seen=False,
            recorded_by=pa,
        ),
    )
    after = generations(authority, elsewhere)
    assert after[0] == every and after[2] == theirs
    assert after[1] != ours


def test_a_change_outside_a_request_moves_on_every_council(authority, pa, young_person):
    before = generations(authority)
    young_person.preferred_name = "Jo"
    young_person.save()
    after = generations(authority)
    assert after[0] != before[0]


def test_reminders_and_downloads_are_not_changes(authority, pa, manager):
    before = generations(authority)
    Notification.objects.create(recipient=pa, key="test", kind="review_due", message="Review due")
    ReturnDownload.objects.create(
        authority=authority, what="annex-a", year=2026, rows=0, by=manager
    )
    assert generations(authority) == before


def test_kept_is_worked_out_again_after_a_change(authority, young_person):
    worked = []

    def work():
        worked.append(1)
        return len(worked)

    assert freshness.council_kept("count", authority.pk, work) == 1
    assert freshness.council_kept("count", authority.pk, work) == 1
    assert freshness.council_kept("other", authority.pk, work) == 2  # a different name
    young_person.save()
    assert freshness.council_kept("count", authority.pk, work) == 3


IN_TOUCH = re.compile(
    r'id="figure-in-touch">In touch</h2>\s*<p[^>]*>\s*<strong[^>]*>[^<]*</strong> (\d+) of (\d+)'
)


def test_the_dashboard_is_kept_until_a_record_changes(client, manager, pa, young_person):
    client.force_login(manager)
    client.get(reverse("portal:dashboard"))  # a session's first request starts its clock
    caching.empty()  # so the next view works the figures out

    def view():
        with CaptureQueriesContext(connection) as captured:
            text = client.get(reverse("portal:dashboard")).content.decode()
        return IN_TOUCH.search(text).groups(), len(captured)

    (counted, everyone), worked_out = view()
    kept_figures, kept_queries = view()
    assert kept_figures == (counted, everyone) and kept_queries < worked_out - 10
    # A contact today is in the very next view.
    as_request_by(
        pa,
        lambda: Contact.objects.create(
            young_person=young_person,
            happened_on=timezone.localdate(),
            method="phone",
            seen=False,
            recorded_by=pa,
        ),
    )
    (now_counted, now_everyone), queries = view()
    assert (int(now_counted), now_everyone) == (int(counted) + 1, everyone)
    assert queries > kept_queries


def test_a_kept_return_is_recorded_on_every_download_and_shows_a_fix_at_once(
    client, authority, manager, pa
):
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
    with CaptureQueriesContext(connection) as kept:
        again = client.get(url).content.decode()
    assert again == first and "EVE,F,05/05/2005,WBRI" in first
    assert ReturnDownload.objects.filter(what="903-header").count() == 2
    assert not any("pathway_contact" in q["sql"] for q in kept.captured_queries)
    person.sex = "M"
    as_request_by(manager, person.save)
    assert "EVE,M,05/05/2005,WBRI" in client.get(url).content.decode()


def test_every_record_about_a_young_person_moves_them_on(young_person, pa, manager, care_leaver):
    from pathway.models import Section, SectionView
    from tests.factories import money_world, signed_plan

    def moved(change) -> bool:
        before = freshness.current(freshness.person_records(young_person.pk))
        change()
        return freshness.current(freshness.person_records(young_person.pk)) != before

    plan = signed_plan(young_person, pa=pa, manager=manager)
    section = Section.objects.filter(plan=plan).first()
    assert moved(
        lambda: SectionView.objects.create(
            section=section, text="I want to drive.", written_by=care_leaver
        )
    )
    assert moved(lambda: money_world(young_person, pa=pa, manager=manager))
    assert moved(young_person.save)


def _audited(young_person) -> int:
    from auditlog.models import LogEntry

    return LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(young_person.pk)
    ).count()


def test_the_plan_is_kept_until_it_changes_and_every_reading_is_audited(
    client, young_person, pa, manager
):
    from pathway.models import Matter
    from tests.factories import signed_plan

    signed_plan(young_person, pa=pa, manager=manager, needs="Help to find a college course.")
    client.force_login(pa)
    url = reverse("pathway:plan", args=[young_person.pk])
    client.get(url)  # a session's first request starts its clock
    caching.empty()
    read_before = _audited(young_person)
    with CaptureQueriesContext(connection) as made:
        assert "Help to find a college course." in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as kept:
        again = client.get(url).content.decode()
    assert "Help to find a college course." in again and 'aria-current="page">Pathway plan' in again
    assert len(kept) < len(made) - 4
    assert not any("pathway_section" in q["sql"] for q in kept.captured_queries)
    assert _audited(young_person) == read_before + 2
    edit = reverse("pathway:section-edit", args=[young_person.pk, Matter.EDUCATION])
    revision = client.get(edit).context["form"].initial["revision"]
    saved = client.post(edit, {"revision": revision, "needs": "A place on the plumbing course."})
    assert saved.status_code == 302
    assert "A place on the plumbing course." in client.get(url).content.decode()


def test_the_money_page_is_kept_until_the_money_changes(client, young_person, pa, manager):
    from finance.models import Award
    from tests.factories import money_world

    money_world(young_person, pa=pa, manager=manager)
    client.force_login(pa)
    url = reverse("finance:person-money", args=[young_person.pk])
    first = client.get(url).content.decode()
    assert first.count('class="govuk-table__row"') > 0
    with CaptureQueriesContext(connection) as kept:
        assert client.get(url).content.decode() == first
    assert not any("finance_ledgerentry" in q["sql"] for q in kept.captured_queries)
    claim = reverse("finance:person-claim", args=[young_person.pk])
    answer = client.post(
        claim, {"award": Award.objects.get().pk, "amount": "12.34", "purpose": "Bus pass"}
    )
    assert answer.status_code == 302, answer.context["form"].errors
    assert "Bus pass" not in first and "Bus pass" in client.get(url).content.decode()


def test_the_profiles_panels_are_kept_until_the_record_changes(client, young_person, pa):
    from pathway import services

    client.force_login(pa)
    url = reverse("portal:young-person-detail", args=[young_person.pk])
    first = client.get(url).content.decode()
    assert "None recorded" in first
    with CaptureQueriesContext(connection) as kept:
        assert "None recorded" in client.get(url).content.decode()
    assert not any("pathway_contact" in q["sql"] for q in kept.captured_queries)
    services.contact_record(
        young_person=young_person,
        happened_on=date(2026, 11, 20),
        method="visit",
        seen=True,
        note="Met at the flat.",
        by=pa,
    )
    assert "20 November 2026 (visit" in client.get(url).content.decode()


def test_a_caseload_row_is_made_once_for_the_same_values(monkeypatch, young_person):
    from pathway.views import CASELOAD_ROW_FIELDS

    made = []
    real = caching.render_to_string
    monkeypatch.setattr(
        caching, "render_to_string", lambda *a, **k: made.append(1) or real(*a, **k)
    )
    young_person.plan_id, young_person.last_signed = 7, date(2026, 5, 1)
    young_person.review_due, young_person.contact_due = date(2026, 11, 1), date(2026, 12, 1)
    young_person.last_contact, young_person.actions_overdue = date(2026, 11, 3), 0
    young_person.birthday_that_matters = None
    today = timezone.localdate()

    def row():
        (only,) = caching.rows(
            "pathway/_caseload_row.html", [young_person], CASELOAD_ROW_FIELDS, today=today
        )
        return str(only)

    first = row()
    assert "Overdue since 1 Nov 2026" in first and "3 Nov 2026" in first
    assert row() == first and len(made) == 1
    young_person.last_contact = date(2026, 11, 20)
    assert "20 Nov 2026" in row() and len(made) == 2


def test_every_field_the_caseload_row_shows_is_in_its_key():
    from pathlib import Path

    from django.conf import settings

    from pathway.views import CASELOAD_ROW_FIELDS

    made_from = {
        "full_name": {"first_name", "last_name"},
        "get_absolute_url": {"pk"},
        "get_legal_status_display": {"legal_status"},
        "age": {"date_of_birth"},  # and the day, which is in the key too
    }
    source = (Path(settings.BASE_DIR) / "pathway/templates/pathway/_caseload_row.html").read_text()
    shown = set(re.findall(r"\brow\.(\w+)", source))
    assert shown
    for name in shown:
        assert made_from.get(name, {name}) <= set(CASELOAD_ROW_FIELDS), name


def test_redis_not_answering_fails_no_save_and_no_page(monkeypatch, authority, young_person):
    from django.core.cache import caches
    from redis.exceptions import ConnectionError as RedisDown

    def down(*args, **kwargs):
        raise RedisDown("no answer")

    monkeypatch.setattr(caches["default"], "set", down)
    monkeypatch.setattr(caches["default"], "get_many", down)
    young_person.preferred_name = "Jo"
    young_person.save()  # saved, though the generations could not move
    assert freshness.council_kept("count", authority.pk, lambda: 41) == 41
    assert freshness.council_kept("count", authority.pk, lambda: 42) == 42  # nothing kept
    monkeypatch.undo()
    monkeypatch.setattr(caches["default"], "set", down)  # the numbers read, the keeping not
    assert freshness.council_kept("count", authority.pk, lambda: 43) == 43


def test_a_sign_in_is_not_a_change_and_an_administrators_change_is_everyones(
    authority, pa, young_person
):
    from django.contrib.auth.models import update_last_login

    before = generations(authority)
    update_last_login(None, pa)
    assert generations(authority) == before
    admin = UserFactory(authority=authority, is_superuser=True, is_staff=True)
    before = generations(authority)
    as_request_by(admin, young_person.save)
    assert generations(authority)[0] != before[0]
