"""The statutory returns pages: check the year's records, then download the files."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from rules.contrib.views import permission_required

from common.csvfile import csv_text
from common.errors import DomainError, form_error
from common.paging import Paginator
from pathway import returns, selectors, services, windows
from pathway.forms import ReturnFixForm
from people.audit import record_access
from people.models import YoungPerson
from people.views import PAGE_SIZE, form_page, young_person_read

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


FIXES = {
    "sex": "their sex",
    "ethnicity": "their ethnicity",
    "contact": "a contact in the three months before their birthday or the month after",
    "activity": "their main activity on their birthday",
    "home": "where they lived on their birthday",
}


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def return_fix(request, pk: int, age: int):
    """Exactly what one record of the return lacks, for the birthday at `age`; saving it
    takes the record off "Records to check before sending".

    Whoever makes the returns (a service manager) lists the whole council's records, so
    may put right any of them; a PA or team manager only those they may change."""
    if request.user.has_perm(MAKE):
        people = YoungPerson.objects.filter(authority_id=request.user.authority_id)
        person = get_object_or_404(people, pk=pk)
        record_access(person)
    else:
        person = young_person_read(request, pk, "pathway.change_plan")
    if age not in windows.AGES:
        raise Http404("Not a birthday the return asks about")
    window = windows.window_for(person.date_of_birth, age)
    year = returns.year_of(window.birthday)
    today = timezone.localdate()
    rows = returns.care_leavers(person.authority_id, year, today, young_person_id=person.pk)
    if request.user.has_perm(MAKE):
        back = reverse("pathway:returns") + f"?year={year}#to-check"
    else:
        back = reverse("pathway:situation", args=[person.pk])
    if not rows or not rows[0].to_fix:
        messages.success(request, "This record has everything the return needs.")
        return redirect(back)
    row = rows[0]
    initial = {"version": person.updated_at.isoformat()}
    initial |= selectors.birthday_facts_initial(person, window, today)
    form = ReturnFixForm(
        request.POST or None, initial=initial, window=window, to_fix=row.to_fix, today=today
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.return_record_complete(
                young_person=person,
                details=form.details(),
                version=form.cleaned_data["version"],
                contact=form.contact(),
                facts=form.birthday_facts(),
                by=request.user,
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, f"Saved. {person.full_name}'s record is complete.")
            return redirect(back)
    missing = [FIXES[name] for name in FIXES if name in row.to_fix]
    return form_page(
        request,
        form,
        title=f"Complete their {windows.ordinal(age)} birthday return",
        back=back,
        caption=person.full_name,
        intro=(
            f"Their {windows.ordinal(age)} birthday {'is' if window.birthday > today else 'was'} "
            f"on {window.birthday:%-d %B %Y}. The return still needs {_and(missing)}."
        ),
    )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
