"""The managers' dashboard: figures for their teams, the people behind them, and CSV."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from common.csvfile import csv_text
from common.dates import add_months
from common.figures import CLOSE_POINTS
from common.paging import Paginator
from dashboard import figures as dashboard_figures
from dashboard import regional
from people import selectors
from people.audit import record_access


def _dashboard_scope(request):
    """(authority, teams chosen, every team they may choose, the day, month and team params)."""
    today = timezone.localdate()
    try:
        month = dt.date.fromisoformat(request.GET.get("month", "") + "-01")
    except ValueError:
        month = today.replace(day=1)
    if not (add_months(today, -60) <= month <= today):
        month = today.replace(day=1)
    as_at = min(today, add_months(month, 1) - dt.timedelta(days=1))
    teams = list(selectors.dashboard_teams(request.user))
    chosen = [team for team in teams if str(team.pk) == request.GET.get("team")] or teams
    # Only a team they may choose carries on into links and the cached earlier months' keys.
    team = str(chosen[0].pk) if len(chosen) == 1 and len(teams) > 1 else "all"
    params = {"month": f"{month:%Y-%m}", "team": team}
    authority = request.user.authority
    return authority, chosen, teams, as_at, params


def _figure(request, slug: str):
    """(the figure, its scope) for the chosen teams and month; 404 for no such figure."""
    authority, chosen, teams, as_at, params = _dashboard_scope(request)
    team_ids = [team.pk for team in chosen]
    figures = dashboard_figures.figures(
        authority=authority, team_ids=team_ids, as_at=as_at, query=urlencode(params)
    )
    figure = next((f for f in figures if f.slug == slug), None)
    if figure is None:
        raise Http404
    return figure, (authority, team_ids, as_at, params)


@login_required
@permission_required("portal.view_dashboard", raise_exception=True)
@require_GET
@never_cache
def dashboard(request):
    """Every figure as a tile against its target, on one screen; each opens to its page."""
    authority, chosen, teams, as_at, params = _dashboard_scope(request)
    team_ids = [team.pk for team in chosen]
    today = timezone.localdate()
    query = urlencode(params)
    context = {
        "figures": dashboard_figures.figures(
            authority=authority, team_ids=team_ids, as_at=as_at, query=query
        ),
        "spend": dashboard_figures.spend_total(dashboard_figures.spend(authority, as_at)),
        "as_at": as_at,
        "close_points": CLOSE_POINTS,
        "query": query,
        "teams": teams,
        "chosen": chosen,
        "params": params,
        "months": [add_months(today.replace(day=1), -n) for n in range(12)],
    }
    return render(request, "dashboard/dashboard.html", context)


@login_required
@permission_required("portal.view_dashboard", raise_exception=True)
@require_GET
@never_cache
def dashboard_list(request, slug: str):
    """One figure's page: its chart and months, and who is behind it on the chosen day."""
    figure, (authority, team_ids, as_at, params) = _figure(request, slug)
    context = {"figure": figure, "as_at": as_at, "query": urlencode(params)}
    if slug in dashboard_figures.LISTS:
        people, counts = dashboard_figures.people_behind(slug, authority, team_ids, as_at)
        page = Paginator(people, 50).get_page(request.GET.get("page"))
        rows = [(person, counts(person)) for person in page.object_list]
        context |= {"lists_people": True, "page": page, "rows": rows}
    elif slug == "over-limit":
        context["caseloads"] = dashboard_figures.caseloads(team_ids, as_at)
    return render(request, "dashboard/dashboard_list.html", context)


@login_required
@permission_required("portal.view_dashboard", raise_exception=True)
@require_GET
@never_cache
def dashboard_csv(request, slug: str):
    """One figure's twelve months as CSV."""
    figure, (_, _, as_at, _) = _figure(request, slug)
    if figure.is_share:
        rows = [["month_end", "counted", "out_of", "percent"]] + [
            [point.day.isoformat(), point.count, point.out_of, point.percent]
            for point in figure.points
        ]
    else:
        rows = [["month_end", "pence" if figure.is_money else "count"]] + [
            [point.day.isoformat(), point.count] for point in figure.points
        ]
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{as_at:%Y-%m}.csv"'
    return response


@login_required
@require_GET
@never_cache
def region_dashboard(request, region: str):
    """The region's lead: each member council's figures side by side (counts and shares,
    no cell under five), with the region's total, at the end of the day before (worked out
    each night). Anyone else is told it does not exist."""
    led = regional.led_region(request.user, region)
    if led is None or not request.user.has_perm("portal.lead_region", led):
        raise Http404("No such region")
    record_access(led)
    kept = led.figures_by_day.order_by("-day").first()  # last night's
    members = dict(led.councils.values_list("pk", "name"))
    context = {"region": led, "kept": kept, "councils": [], "rows": [], "joined": []}
    if kept:
        in_kept = {pk for pk, _ in kept.councils}
        context |= {
            "councils": regional.kept_councils(kept, set(members)),
            "rows": regional.protected_rows(kept, set(members), request.user.authority_id),
            "joined": sorted(name for pk, name in members.items() if pk not in in_kept),
        }
    return render(request, "dashboard/region.html", context)
