"""The benchmark's own parts: the timing headers, the sums and the report that keeps history."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from devtools import bench
from people.middleware import ServerTimingMiddleware


@pytest.mark.django_db
def test_the_benchmark_server_says_its_time_and_queries(settings, authority):
    settings.MIDDLEWARE = ["people.middleware.ServerTimingMiddleware", *settings.MIDDLEWARE]
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response["X-Queries"] == "1"  # SELECT 1
    assert response["Server-Timing"].startswith("app;dur=")
    assert float(response["Server-Timing"].split("=")[1]) > 0


def test_the_timing_middleware_is_off_unless_benchmarking(settings):
    assert settings.BENCHMARK is False
    assert ServerTimingMiddleware.__module__ + ".ServerTimingMiddleware" not in settings.MIDDLEWARE


def test_the_baseline_views_are_not_routed_outside_the_benchmark(client):
    assert client.get("/bench/minimal").status_code == 404


def test_percentiles_are_read_off_the_sorted_samples():
    samples = [float(n) for n in range(1, 101)]
    assert bench._percentile(samples, 0.95) == 95.0
    assert bench._percentile([3.0], 0.95) == 3.0


def test_a_new_result_goes_on_top_and_earlier_ones_stay(tmp_path, monkeypatch):
    report = tmp_path / "benchmarks.md"
    report.write_text(f"# Benchmarks\n\nHow to run it.\n\n{bench.RESULTS_MARK}\n\n### Old run\n")
    monkeypatch.setattr(bench, "REPORT", report)
    bench.report_add("### New run\n\n| a | b |\n")
    text = report.read_text()
    assert text.index("How to run it.") < text.index("### New run") < text.index("### Old run")
    assert text.count(bench.RESULTS_MARK) == 1


def test_a_pages_share_is_the_median_of_its_rounds_beside_the_minimal_page(monkeypatch):
    page = bench.Page("Caseload", "PA", "/caseload/")
    minimal = bench.Page("Minimal page", "PA", "/bench/minimal", kind="baseline")
    page.results = minimal.results = {"headers": {}, "body": None}
    # The warm-up, then (page, minimal) three times: the machine slows in the second round.
    runs = iter([0.0, 100.0, 300.0, 50.0, 100.0, 90.0, 300.0])
    monkeypatch.setattr(bench, "_throughput", lambda *args: next(runs))
    monkeypatch.setattr(bench, "_request", lambda *args: None)  # waiting for the queue
    bench.throughput("127.0.0.1:1", page, minimal, rounds=3, seconds=1)
    assert page.results["rps"] == 90.0
    assert page.results["share"] == pytest.approx(1 / 3)  # of 1/3, 1/2 and 3/10
    assert minimal.results["rps_runs"] == [300.0, 100.0, 300.0]


def test_the_benchmark_server_passes_the_production_settings_checks():
    """It runs with DEBUG off, so the settings that refuse unsafe production apply to it."""
    env = dict(bench.server_env())
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
