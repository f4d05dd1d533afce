"""The benchmark's baselines, routed only when BENCHMARK is on (devtools/bench.py)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def bench_bare(request):
    """The benchmark's floor (routed only when BENCHMARK is on): no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def bench_minimal(request):
    """The benchmark's baseline (routed only when BENCHMARK is on): the layout, empty."""
    return render(request, "devtools/bench_minimal.html")
