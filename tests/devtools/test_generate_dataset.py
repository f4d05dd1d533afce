"""The benchmark's population: councils in proportion, whose records agree with each other."""

import datetime as dt
import io
import tempfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django.utils import timezone

from devtools.management.commands.seed_demo import team_plan
from finance.models import Award, Claim
from offer.models import OfferItem, OfferSignOff
from pathway.models import Contact, Plan, Review
from pathway.returns import care_leavers
from people.demo import sign_ins
from people.models import Allocation, Authority, Region, Role, User, YoungPerson
from rota.models import DutyEnquiry, Shift


def test_the_demo_keeps_its_three_teams_of_four():
    assert team_plan(250) == [
        ("North team", 4, False),
        ("South team", 4, False),
        ("21 plus team", 4, True),
    ]


def test_a_large_council_has_a_pa_for_about_twenty_young_people():
    plan = team_plan(2500)
    assert sum(size for _, size, _ in plan) == 125
    assert all(5 <= size <= 7 for _, size, _ in plan)
    assert sum(1 for _, _, older in plan if older) == round(len(plan) / 3)
    assert len({name for name, _, _ in plan}) == len(plan)


# In this process (`--workers 1`), inside the test's transaction: the parallel processes
# commit on connections of their own, which a test's transaction would not see.
@pytest.mark.django_db
def test_a_consistent_population_in_councils_of_the_size_asked():
    call_command(
        "generate_dataset", "--young-people", "240", "--council-size", "120", "--workers", "1"
    )
    _the_people_are_shared_between_councils_of_the_size_asked()
    _every_record_stays_inside_its_council()
    _each_council_has_years_of_records_a_year_of_rota_and_its_offer()
    _every_councils_returns_pass_the_portals_own_checks()


@pytest.mark.django_db
def test_a_generation_that_stopped_goes_on_with_the_councils_not_yet_built():
    call_command("generate_dataset", "--young-people", "50", "--workers", "1", stdout=io.StringIO())
    first = set(YoungPerson.objects.values_list("pk", flat=True))
    with pytest.raises(CommandError, match="already has accounts"):
        call_command("generate_dataset", "--young-people", "100", "--council-size", "50")
    out = io.StringIO()
    call_command(
        "generate_dataset",
        *("--young-people", "100", "--council-size", "50", "--workers", "1", "--resume"),
        stdout=out,
    )
    assert "50 are there already; building 1 councils" in out.getvalue()
    assert Authority.objects.count() == 2
    assert (
        set(YoungPerson.objects.filter(authority__slug="northmoor").values_list("pk", flat=True))
        == first
    )
    assert YoungPerson.objects.count() == 100
    # The council built later joins the region of the first, which had room.
    region = Region.objects.get()
    assert region.name == "Moors and Marshes" and region.councils.count() == 2
    assert region.lead.email == sign_ins(Authority.objects.get(slug="northmoor"))["Manager"]
    assert OfferItem.objects.filter(region=region, versions__state="published").exists()


def _the_people_are_shared_between_councils_of_the_size_asked():
    assert Authority.objects.count() == 2
    for authority in Authority.objects.all():
        assert authority.young_people.count() == 120
        pas = User.objects.filter(authority=authority, role=Role.PA)
        assert pas.count() == 12
        assert User.objects.get(email=sign_ins(authority)["Personal adviser"]) in pas
    assert YoungPerson.objects.count() == 240
    assert Authority.objects.filter(slug="northmoor").exists()  # the demo sign-ins work


def _every_record_stays_inside_its_council():
    assert not Allocation.objects.exclude(pa__authority=F("young_person__authority")).exists()
    assert not Contact.objects.exclude(recorded_by__authority=F("young_person__authority")).exists()
    assert not Award.objects.exclude(scheme__authority=F("young_person__authority")).exists()
    assert not Claim.objects.exclude(
        award__young_person__authority=F("created_by__authority")
    ).exists()
    assert not Shift.objects.filter(pa__isnull=False).exclude(pa__authority=F("authority")).exists()
    assert (
        not DutyEnquiry.objects.filter(young_person__isnull=False)
        .exclude(young_person__authority=F("authority"))
        .exists()
    )


def _each_council_has_years_of_records_a_year_of_rota_and_its_offer():
    today = timezone.localdate()
    year_ago = timezone.now() - dt.timedelta(days=360)
    for authority in Authority.objects.all():
        people = authority.young_people.all()
        assert Plan.objects.filter(young_person__in=people).count() > 60
        assert Review.objects.filter(plan__young_person__in=people).count() > 100
        assert Contact.objects.filter(young_person__in=people).count() > 20 * 120
        assert Contact.objects.filter(
            young_person__in=people, happened_on__lt=today - dt.timedelta(days=3 * 365)
        ).exists()
        shifts = Shift.objects.filter(authority=authority)
        assert shifts.filter(starts_at__lt=year_ago).exists()
        assert DutyEnquiry.objects.filter(authority=authority, received_at__lt=year_ago).exists()
        assert OfferItem.objects.filter(authority=authority).count() >= 40
        assert OfferSignOff.objects.filter(authority=authority).exists()


def _every_councils_returns_pass_the_portals_own_checks():
    """In touch around a birthday means an activity and a home recorded for the day."""
    for authority in Authority.objects.all():
        rows = care_leavers(authority.pk, 2026, timezone.localdate())
        assert [row.problems for row in rows if row.problems] == []
        assert sum(row.in_touch == "YES" for row in rows) > len(rows) / 2
        with tempfile.TemporaryDirectory() as out:
            call_command(
                "export_returns", "--year", "2026", "--out", out, "--authority", authority.slug,
                "--strict", stdout=io.StringIO(),
            )  # fmt: skip


@pytest.mark.django_db
def test_it_only_fills_an_empty_database(pa):
    with pytest.raises(CommandError, match="empty"):
        call_command("generate_dataset", "--young-people", "100")
