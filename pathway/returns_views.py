"""The statutory returns pages: check the year's records, then download the files."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from common.csvfile import csv_text
from common.paging import Paginator
from pathway import returns
from people.views import PAGE_SIZE

MAKE = "pathway.make_returns"


@login_required
@permission_required(MAKE, raise_exception=True)
@require_GET
@never_cache
def returns_page(request):
    today = timezone.localdate()
    latest = returns.latest_year(today)
    years = list(range(latest + 1, latest - 5, -1))
    try:
        year = int(request.GET.get("year", latest))
    except ValueError:
        year = latest
    if year not in years:
        year = latest
    authority_id = request.user.authority_id
    rows = returns.care_leavers(authority_id, year, today)
    start, end = returns.collection_year(year)
    context = {
        "year": year,
        "years": years,
        "start": start,
        "end": end,
        "count": len(rows),
        "in_touch": sorted(Counter(row.in_touch for row in rows).items()),
        "to_check": Paginator([row for row in rows if row.problems], PAGE_SIZE).get_page(
            request.GET.get("page")
        ),
        "query": f"year={year}",
        "files": returns.FILES,
        "annex_a_on": returns.annex_a_date(year, today),
    }
    return render(request, "pathway/returns.html", context)


@login_required
@permission_required(MAKE, raise_exception=True)
@require_GET
@never_cache
def returns_download(request, year: int, what: str):
    """One file as CSV; every download is recorded with who took it."""
    if what not in returns.FILES or not 2000 <= year <= 2100:
        raise Http404
    authority_id = request.user.authority_id
    today = timezone.localdate()

    lines = returns.file_rows(what, authority_id, year, today)
    returns.download_record(
        authority_id=authority_id, what=what, year=year, rows=len(lines) - 1, by=request.user
    )
    response = HttpResponse(csv_text(lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{returns.file_name(what, year)}"'
    return response
