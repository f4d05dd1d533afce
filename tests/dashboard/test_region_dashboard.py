"""The regional dashboard: each council's figures side by side, no cell under five."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from dashboard import figures as dashboard_figures
from dashboard import regional
from dashboard.regional import Cell, hide_small
from dashboard.tasks import dashboards_warm
from people.models import Authority, Region
from tests.factories import AuthorityFactory

pytestmark = pytest.mark.django_db


def test_a_cell_about_fewer_than_five_is_hidden_with_the_next_smallest():
    cells = [Cell(3, None), Cell(40, None), Cell(12, None)]
    hide_small(cells)
    # 3 alone would be given away by the total less the others: 12 goes too.
    assert [cell.hidden for cell in cells] == [True, False, True]


def test_the_readers_own_council_never_protects_a_small_cell():
    """The lead knows their own council's figure: hiding it with the small one would leave
    total - shown - own = the small cell. Another council's goes instead, and the labels say
    which cell is small and which is hidden to protect it."""
    wolds, northmoor, eastmarsh = Cell(3, None), Cell(40, None), Cell(100, None)
    assert hide_small([wolds, northmoor, eastmarsh], known=northmoor)
    assert wolds.hidden and wolds.small
    assert eastmarsh.hidden and not eastmarsh.small
    assert not northmoor.hidden


def test_the_total_is_hidden_when_no_other_council_can_protect_a_small_cell():
    wolds, northmoor = Cell(3, None), Cell(40, None)
    assert not hide_small([wolds, northmoor], known=northmoor)


def test_a_share_of_fewer_than_five_people_is_hidden():
    cells = [Cell(2, 4), Cell(30, 40), Cell(60, 80)]
    hide_small(cells)
    assert cells[0].hidden and cells[1].hidden and not cells[2].hidden


def test_nothing_is_hidden_when_every_cell_is_big_enough():
    cells = [Cell(10, 20), Cell(0, None), Cell(7, None)]
    hide_small(cells)
    assert not any(cell.hidden for cell in cells)


def test_only_the_regions_lead_sees_its_dashboard(client, manager, other_manager, authority):
    region = Region.objects.create(name="Testshire and Wolds", slug="tw", lead=manager)
    authority.region = region
    authority.save(update_fields=["region"])
    url = reverse("dashboard:region", args=[region.slug])
    client.force_login(other_manager)
    assert client.get(url).status_code == 404
    client.force_login(manager)
    # Before the first night: nothing worked out yet, and the page says when it will be.
    first = client.get(url)
    assert first.status_code == 200 and "The first will be here tomorrow" in first.text
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    dashboards_warm.delay().get()  # the nightly task
    assert region.figures_by_day.get().day == yesterday
    page = client.get(url)
    assert page.status_code == 200
    assert "Testshire Council" in page.text and "Testshire and Wolds" in page.text
    assert f"at the end of {yesterday:%-d %B %Y}" in page.text
    rows = page.context["rows"]
    assert rows and all(len(row.cells) == 1 for row in rows)
    # The region's total is the sum of its councils' cells.
    for row in rows:
        assert row.total.count == sum(cell.count for cell in row.cells)
    assert not any(row.slug == "spend" for row in rows)


def test_the_kept_figures_are_each_councils_own_dashboards_on_that_day(
    manager, authority, young_person, pa
):
    """The same figures as each council's dashboard: worked out by its functions, over
    every team of the council, at the end of the day."""
    wolds = AuthorityFactory(name="Wolds Council", slug="wolds")
    region = Region.objects.create(name="Testshire and Wolds", slug="tw", lead=manager)
    Authority.objects.filter(pk__in=[authority.pk, wolds.pk]).update(region=region)
    day = timezone.localdate()  # any day; the nightly task asks for the one just ended
    kept = regional.figures_make(region, day)
    assert kept.councils == [[authority.pk, "Testshire Council"], [wolds.pk, "Wolds Council"]]
    for index, council in enumerate([authority, wolds]):
        team_ids = list(council.teams.values_list("pk", flat=True))
        own = {
            figure.slug: figure.latest
            for figure in dashboard_figures.figures(
                authority=council, team_ids=team_ids, as_at=day, query=""
            )
            if not figure.is_money
        }
        assert [row["slug"] for row in kept.rows] == list(own)
        for row in kept.rows:
            assert row["cells"][index] == [own[row["slug"]].count, own[row["slug"]].out_of]
    assert any(row["cells"][0][1] for row in kept.rows)  # Testshire has someone to count
    # Worked out again the same day, it is the one row for the day, not a second.
    regional.figures_make(region, day)
    assert region.figures_by_day.count() == 1


def test_a_council_that_left_is_gone_at_once_and_one_that_joined_is_named(
    client, manager, authority
):
    wolds = AuthorityFactory(name="Wolds Council", slug="wolds")
    region = Region.objects.create(name="Testshire and Wolds", slug="tw", lead=manager)
    Authority.objects.filter(pk__in=[authority.pk, wolds.pk]).update(region=region)
    regional.figures_make(region, timezone.localdate() - dt.timedelta(days=1))
    wolds.region = None
    wolds.save()
    AuthorityFactory(name="Eastmarsh Council", slug="eastmarsh", region=region)
    client.force_login(manager)
    page = client.get(reverse("dashboard:region", args=[region.slug]))
    assert page.context["councils"] == ["Testshire Council"]
    assert all(len(row.cells) == 1 for row in page.context["rows"])
    assert "Wolds Council" not in page.text
    assert "Eastmarsh Council joined the region after these figures" in page.text
