"""What `manage.py bench` measures, and how it writes it down (see that command)."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone

from common.queries import QueryCounter
from dashboard import regional
from devtools.sessions import signed_in_session
from finance import selectors as finance_selectors
from finance import services as finance_services
from finance.models import Claim, ClaimState
from handovers import day as handovers_day
from notifications import services as notifications
from notifications.models import Notification
from pathway import returns
from people.demo import DEMO_SLUG, sign_ins
from people.models import Authority, Role, User, YoungPerson
from people.selectors import young_people_visible_to

ROOT = Path(settings.BASE_DIR)
REPORT = ROOT / "docs" / "benchmarks.md"
RESULTS = ROOT / "docs" / "benchmarks"  # latest.json, and each run's beside it
RESULTS_MARK = "<!-- results: newest first; `manage.py bench` adds each run below -->"
WRK_CONNECTIONS = 4
WARM_SECONDS = 2
WORKERS, THREADS = 2, 2  # as the Procfile runs the portal
# Rows counted for the report: what the data holds.
COUNTED = [
    ("councils", "portal_authority"),
    ("staff", "portal_user"),
    ("contacts", "pathway_contact"),
    ("plan reviews", "pathway_review"),
    ("plan actions", "pathway_action"),
    ("homes and activities", "pathway_accommodationspell"),
    ("awards", "finance_award"),
    ("claims", "finance_claim"),
    ("ledger entries", "finance_ledgerentry"),
    ("duty shifts", "rota_shift"),
    ("duty enquiries", "rota_dutyenquiry"),
    ("offer items", "offer_offeritem"),
]


@dataclass
class Page:
    label: str
    role: str
    path: str
    form: dict | None = None  # sent as a POST, with the CSRF token added
    limit_ms: int = 150
    # "public" and "staff" pages are compared with the "baseline" for the same visitor
    # (signed in or not); the "floor" is Django's least, for reference.
    kind: str = "staff"
    results: dict = field(default_factory=dict)


# Setting up


def database_url(name: str) -> str:
    """The URL of database `name` on the server the portal uses."""
    url = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", "postgres:///portal"))
    return url._replace(path=f"/{name}").geturl()


def database_exists(name: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def server_env() -> dict:
    """The server's environment: production settings, plus the benchmark's headers."""
    return {
        **os.environ,
        "DEBUG": "false",
        "DEMO_MODE": "false",
        "BENCHMARK": "true",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30),
        "SECURE_SSL_REDIRECT": "false",
        # Production refuses file mail and http links; the benchmark sends no email (no
        # worker takes the outbox's tasks) and follows no link.
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "SITE_URL": "https://127.0.0.1",
        "OFFER_AUTHORITY": DEMO_SLUG,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def wrk_path() -> str | None:
    return shutil.which("wrk")


def _session(user: User) -> str:
    """The session cookie of a new session of `user`'s."""
    return f"{settings.SESSION_COOKIE_NAME}={signed_in_session(user)}"


def pages_and_sessions() -> tuple[list[Page], dict[str, str]]:
    """The pages to measure, for the demo council's people, and a session per role."""
    council = Authority.objects.get(slug=DEMO_SLUG)
    emails = sign_ins(council)
    pa = User.objects.get(email=emails["Personal adviser"])
    service_manager = User.objects.get(email=emails["Manager"])
    team_manager = (
        User.objects.filter(authority=council, role=Role.MANAGER, sees_all_teams=False)
        .filter(managed_teams__isnull=False)
        .order_by("pk")
        .first()
    )
    care_leaver = User.objects.get(email=emails["Care leaver"])
    person = (
        YoungPerson.objects.filter(
            allocations__pa=pa, allocations__ended_on__isnull=True, pathway_plan__isnull=False
        )
        .order_by("pk")
        .first()
    )
    year = returns.latest_year(timezone.localdate())
    pages = [
        Page("Bare Django view (no template, no database)", "anyone", "/bench/bare", kind="floor"),
        Page("Minimal page (the layout, empty)", "anyone", "/bench/minimal", kind="baseline"),
        Page("Minimal page (the layout, empty)", "PA", "/bench/minimal", kind="baseline"),
        Page("Offer home", "anyone", reverse("offer:home"), kind="public"),
        Page("Offer search", "anyone", reverse("offer:search") + "?q=money", kind="public"),
        Page(
            "Offer checker, answered",
            "anyone",
            reverse("offer:check"),
            form={"age": "19", "status": "former_relevant", "circumstances": "in_education"},
            kind="public",
        ),
        Page("My money", "care leaver", reverse("finance:my-money")),
        Page("Caseload", "PA", reverse("pathway:caseload")),
        Page(
            "Young person's profile", "PA", reverse("portal:young-person-detail", args=[person.pk])
        ),
        Page("Pathway plan", "PA", reverse("pathway:plan", args=[person.pk])),
        Page("Young person's money", "PA", reverse("finance:person-money", args=[person.pk])),
        Page("Duty rota", "PA", reverse("rota:rota")),
        Page("Dashboard, two teams", "team manager", reverse("dashboard:home"), limit_ms=500),
        Page(
            "Dashboard, whole council",
            "service manager",
            reverse("dashboard:home"),
            limit_ms=500,
        ),
        Page(
            "SSDA903 care leavers export",
            "service manager",
            reverse("pathway:returns-download", args=[year, "903-care-leavers"]),
            limit_ms=500,
        ),
    ]
    pages += regional_pages(council)
    people = {
        "PA": pa,
        "team manager": team_manager,
        "service manager": service_manager,
        "care leaver": care_leaver,
    }
    if council.region is not None and council.region.lead is not None:
        people["regional lead"] = council.region.lead
    return pages, {role: _session(user) for role, user in people.items()}


def regional_pages(council: Authority) -> list[Page]:
    """The demo council's own offer address and its region's pages, with how big the region
    is in their names (generated data: ten councils of 2,500 at 100,000 young people)."""
    region = council.region
    if region is None:
        return []
    councils = region.councils.count()
    people = YoungPerson.objects.filter(authority__region=region).count()
    size = f"a region of {councils} council{'s' if councils != 1 else ''}, {people:,} young people"
    return [
        Page("A council's offer home", "anyone", reverse("council_offer:home", args=[council.slug]),
             kind="public"),
        Page(f"Region home ({size})", "anyone", reverse("region:home", args=[region.slug]),
             kind="public"),
        Page(f"Compare councils ({size})", "anyone", reverse("region:compare", args=[region.slug]),
             kind="public"),
        Page(f"Regional dashboard ({size})", "regional lead",
             reverse("dashboard:region", args=[region.slug]), limit_ms=500),
    ]  # fmt: skip


def regional_night() -> dict | None:
    """The night's regional figures for the demo council's region, as the nightly task
    keeps them (so the regional dashboard has last night's to show): how long, and the
    queries. None when the council is in no region."""
    region = Authority.objects.get(slug=DEMO_SLUG).region
    if region is None:
        return None
    started = time.perf_counter()
    with QueryCounter() as counted:
        regional.figures_make(region, timezone.localdate() - dt.timedelta(days=1))
    return {
        "seconds": time.perf_counter() - started,
        "queries": counted.queries,
        "councils": region.councils.count(),
        "young_people": YoungPerson.objects.filter(authority__region=region).count(),
    }


BUSY_PAS, BUSY_MANAGERS = 16, 6  # the busy day's simulated people: 22 at once
CLAIM_PENCE = 1250  # each claim the simulated PAs make: £12.50


def _paths() -> dict[str, str]:
    """The pages the simulated people open, with 0 for a young person's (or claim's) id."""
    person = {
        "profile": "portal:young-person-detail",
        "plan": "pathway:plan",
        "contacts": "pathway:contacts",
        "contact": "pathway:contact-create",
        "review": "pathway:review-create",
        "money": "finance:person-money",
        "claim": "finance:person-claim",
    }
    return {
        **{key: reverse(name, args=[0]) for key, name in person.items()},
        "section": reverse("pathway:section-edit", args=[0, "matter"]),
        "claim_detail": reverse("finance:claim-detail", args=[0]),
        "caseload": reverse("pathway:caseload"),
        "dashboard": reverse("dashboard:home"),
        "claims": reverse("finance:claims-waiting"),
        "sign_offs": reverse("pathway:reviews-to-sign"),
        "enquiry": reverse("rota:enquiry-create"),
        "minimal": reverse("devtools:bench-minimal"),
    }


def _free_of(award) -> int:
    """What a new claim can take without leaving a claim already made unpayable."""
    waiting = award.claims.filter(state=ClaimState.WAITING).aggregate(n=Sum("amount_pence"))
    return finance_services.available_of(award) - (waiting["n"] or 0)


def busy_people() -> dict[str, list[dict]]:
    """The busy day's PAs and managers: the demo council's, each signed in with a session
    of their own, with the young people they may open (who have a plan)."""
    council = Authority.objects.get(slug=DEMO_SLUG)
    staff = User.objects.filter(authority=council, is_active=True).order_by("pk")
    pas = (
        staff.filter(role=Role.PA)
        .annotate(caseload=Count("allocations", filter=Q(allocations__ended_on__isnull=True)))
        .filter(caseload__gte=5)[:BUSY_PAS]
    )
    managers = list(staff.filter(role=Role.MANAGER, sees_all_teams=True)[:1]) + list(
        staff.filter(
            role=Role.MANAGER, sees_all_teams=False, managed_teams__isnull=False
        ).distinct()[: BUSY_MANAGERS - 1]
    )

    today = timezone.localdate()

    def signed_in(user: User) -> dict:
        people = young_people_visible_to(user).filter(pathway_plan__isnull=False)
        people = list(people.order_by("pk")[:200])
        return {
            "cookie": _session(user),
            "young_people": [person.pk for person in people],
            # Who has money to claim from without a receipt: (young person, award, pence
            # free of what is approved or waiting, which a manager may yet approve).
            "claimable": [
                [person.pk, award.pk, free]
                for person in people[:40]
                for award in finance_selectors.usable_awards(person, today)[:1]
                if not award.scheme.evidence and (free := _free_of(award)) >= CLAIM_PENCE
            ],
        }

    return {"pa": [signed_in(u) for u in pas], "manager": [signed_in(u) for u in managers]}


def busy_run(base: str, people: dict, seconds: int, most: int, **mode) -> dict:
    """The load of devtools/busy.py, in a child process (locust patches the standard
    library for gevent, which this process must not have)."""
    spec = {
        "base": base,
        "people": people,
        "paths": _paths(),
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "claim_pence": CLAIM_PENCE,
        "seconds": seconds,
        "most_requests": most,
        **mode,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json") as file:
        json.dump(spec, file)
        file.flush()
        output = subprocess.run(
            [sys.executable, "-m", "devtools.busy", file.name],
            cwd=ROOT, check=True, capture_output=True, text=True, timeout=seconds + 120,
        ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


BUSY_WRITES = {  # each write alone: who makes it, and its method in devtools/busy.py
    "Log a contact": ("pa", "contact_log"),
    "Save a plan section": ("pa", "section_save"),
    "Make a claim": ("pa", "claim_make"),
    "Record a review": ("pa", "review_record"),
    "Log a duty enquiry": ("pa", "enquiry_log"),
    "Approve a claim": ("manager", "claim_approve"),
}


def writes_alone(base: str, people: dict, each: int) -> dict:
    """Each write by one person at a time, `each` times: the post's server time alone."""
    results = {}
    for name, (role, method) in BUSY_WRITES.items():
        one = {"pa": [], "manager": [], role: [people[role][0]]}
        run = busy_run(base, one, 60, 3 * each, only=method)
        results[name] = run["pages"].get(name, {"requests": 0, "errors": 0})
        results[name]["after"] = {k: v for k, v in run["pages"].items() if "after a write" in k}
    return results


def _worker_rss_mb(master: int) -> dict[int, float]:
    """The resident memory of each of gunicorn's workers (the master's children)."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = {}
    for pid in map(int, children):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes[pid] = int(line.split()[1]) / 1024
    return sizes


def memory_after_records(base: str, master: int, records: int = 2000) -> dict:
    """Each web process's memory as the service manager opens `records` young people's
    profiles, each once, four at a time: at the start, half way and at the end."""
    council = Authority.objects.get(slug=DEMO_SLUG)
    manager = User.objects.get(email=sign_ins(council)["Manager"])
    cookie = {"Cookie": _session(manager)}
    pks = list(young_people_visible_to(manager).order_by("pk").values_list("pk", flat=True))
    pks = (pks * (records // max(len(pks), 1) + 1))[:records]
    statuses: dict[int, int] = {}

    def open_records(chunk: list[int]) -> None:
        conn = http.client.HTTPConnection(base, timeout=60)
        for pk in chunk:
            status = _request(
                base, reverse("portal:young-person-detail", args=[pk]), cookie, conn=conn
            )[0]
            statuses[status] = statuses.get(status, 0) + 1
        conn.close()

    def four_at_a_time(part: list[int]) -> None:
        threads = [threading.Thread(target=open_records, args=(part[i::4],)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    four_at_a_time(pks[:100])  # warm: every worker has loaded what a profile needs
    start = _worker_rss_mb(master)
    four_at_a_time(pks[100 : records // 2])
    half = _worker_rss_mb(master)
    four_at_a_time(pks[records // 2 :])
    end = _worker_rss_mb(master)
    return {
        "records": records,
        "distinct": len(set(pks)),
        "statuses": statuses,
        "workers": [
            {
                "start_mb": round(start[pid], 1),
                "half_mb": round(half.get(pid, 0), 1),
                "end_mb": round(end.get(pid, 0), 1),
            }
            for pid in start
        ],  # fmt: skip
    }


def quiet_database(most_seconds: int = 600) -> float:
    """Wait until no autovacuum is running (it would take CPU from the pages); seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < most_seconds:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'"
            )
            if cursor.fetchone()[0] == 0:
                break
        time.sleep(2)
    return time.monotonic() - started


@contextlib.contextmanager
def gunicorn(env: dict, port: int):
    """The portal under gunicorn, as the Procfile runs it; yields its address and pid."""
    command = [
        str(Path(sys.executable).with_name("gunicorn")), "config.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--threads", str(THREADS),
        "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    # (terminate() lets the workers finish what they hold, which a loaded machine may take
    # a while over.)
    base = f"127.0.0.1:{port}"
    try:
        for _ in range(150):
            if server.poll() is not None:
                raise RuntimeError("gunicorn stopped while starting")
            with contextlib.suppress(OSError):
                if _request(base, "/bench/bare")[0] == 200:
                    break
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not answer within 30 s")
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=120)


# Measuring


def _request(base: str, path: str, headers: dict | None = None, body: str | None = None, conn=None):
    """(status, server ms, queries, client ms, response headers, body) of one request."""
    own = conn is None
    conn = conn or http.client.HTTPConnection(base, timeout=60)
    started = time.perf_counter()
    conn.request("POST" if body is not None else "GET", path, body=body, headers=headers or {})
    response = conn.getresponse()
    content = response.read()
    client_ms = (time.perf_counter() - started) * 1000
    if own:
        conn.close()
    timing = re.search(r"dur=([\d.]+)", response.getheader("Server-Timing", ""))
    return (
        response.status,
        float(timing.group(1)) if timing else None,
        int(response.getheader("X-Queries", "-1")),
        client_ms,
        response.getheaders(),
        content,
    )


def _form_request(base: str, page: Page) -> tuple[dict, str]:
    """Headers and body for a form POST, with the CSRF cookie and token if the form has one
    (the checker has none)."""
    _, _, _, _, answer_headers, content = _request(base, page.path)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    form = dict(page.form)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
    if token:
        headers["Cookie"] = next(
            value.split(";")[0]
            for name, value in answer_headers
            if name.lower() == "set-cookie" and value.startswith(settings.CSRF_COOKIE_NAME)
        )
        form["csrfmiddlewaretoken"] = token.group(1).decode()
    return headers, urllib.parse.urlencode(form)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(base: str, page: Page, cookie: str, requests: int) -> dict:
    """The page's times and queries, one request after another."""
    headers, body = ({"Cookie": cookie} if cookie else {}), None
    if page.form is not None:
        headers, body = _form_request(base, page)
    conn = http.client.HTTPConnection(base, timeout=60)
    samples, statuses, first_ms, failed = [], set(), None, 0
    for number in range(3 + requests):  # three to warm up
        status, server_ms, queries, client_ms, _, _ = _request(base, page.path, headers, body, conn)
        statuses.add(status)
        failed += status != 200
        first_ms = server_ms if first_ms is None else first_ms
        if number >= 3:
            samples.append((server_ms, client_ms, queries))
    conn.close()
    server = [s for s, _, _ in samples]
    client = [c for _, c, _ in samples]
    queries = sorted({q for _, _, q in samples})
    return {
        "requests": requests,
        "ok": statuses == {200},
        "statuses": sorted(statuses),
        "first_ms": first_ms,
        "server_median": statistics.median(server),
        "server_p95": _percentile(server, 0.95),
        "server_p99": _percentile(server, 0.99),
        "errors": failed,
        "client_median": statistics.median(client),
        "client_p95": _percentile(client, 0.95),
        "queries": queries,
        "headers": headers,
        "body": body,
    }


def throughput(base: str, page: Page, baseline: Page, rounds: int, seconds: int) -> None:
    """The page's requests per second and its share of its baseline's, in alternate runs.

    On a shared machine throughput drifts by a third over minutes, so the page and its
    minimal page are measured in turns, `rounds` times, and the share is the median of
    the rounds' ratios: each ratio compares two runs a few seconds apart."""
    mine, theirs = page.results, baseline.results

    def run(results: dict, path: str) -> float:
        return _throughput(base, path, results["headers"], results["body"], seconds)

    def drained() -> None:
        # A slow page's requests may still be queued when wrk stops; the minimal page's run
        # starts once they are served (one request waits behind them).
        _request(base, baseline.path, theirs["headers"])

    _throughput(base, page.path, mine["headers"], mine["body"], WARM_SECONDS)  # not counted
    pairs = []
    for _ in range(rounds):
        ours = run(mine, page.path)
        drained()
        pairs.append((ours, run(theirs, baseline.path)))
    mine["rps"] = statistics.median(ours for ours, _ in pairs)
    # A round whose minimal run completed nothing (a loaded machine) says nothing.
    mine["share"] = statistics.median(
        [ours / minimal for ours, minimal in pairs if minimal] or [0.0]
    )
    theirs.setdefault("rps_runs", []).extend(minimal for _, minimal in pairs)


def _throughput(base: str, path: str, headers: dict, body: str | None, seconds: int) -> float:
    """Requests per second from wrk with several connections at once."""
    # A new connection for each request, as from many visitors: with a few kept-alive
    # connections, gunicorn's workers may take them unevenly, and one core sit idle.
    headers = {**headers, "Connection": "close"}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            f"wrk.method = {json.dumps('POST' if body is not None else 'GET')}\n"
            f"wrk.body = {json.dumps(body or '')}\n"
            + "".join(
                f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}\n" for k, v in headers.items()
            )
        )
    try:
        output = subprocess.run(
            [
                wrk_path(), "-t2", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "-s", script.name,
                f"http://{base}{path}",
            ],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(script.name)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        raise RuntimeError(f"{path}: {bad.group(1)} responses were not 200 under load")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


# The nightly sweep


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sweep_measure() -> dict:
    """The handovers' morning, then every reminder rule for today, as the worker runs them;
    undone at the end."""
    day = timezone.localdate()
    rules: dict[str, float] = {}
    before_mb = _rss_mb()
    with transaction.atomic(), QueryCounter() as counted:
        existing = Notification.objects.count()
        started = time.perf_counter()
        rule_started = time.perf_counter()
        handovers_day.day_steps(day)
        rules["handovers_day"] = time.perf_counter() - rule_started
        for name in notifications.rules():
            rule_started = time.perf_counter()
            notifications.rule_run(name=name, day=day)
            rules[name] = time.perf_counter() - rule_started
        seconds = time.perf_counter() - started
        made = Notification.objects.count() - existing
        transaction.set_rollback(True)
    return {
        "seconds": seconds,
        "rules": rules,
        "queries": counted.queries,
        "notifications": made,
        "young_people": YoungPerson.objects.count(),
        "rss_before_mb": before_mb,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def payment_measure(claims: int = 100) -> dict:
    """A payment run of `claims` approved claims of the demo council, each on an award of its
    own, as a manager makes it; undone at the end, so every run pays the same claims."""
    council = Authority.objects.get(slug=DEMO_SLUG)
    manager = User.objects.get(email=sign_ins(council)["Manager"])
    today = timezone.localdate()
    with transaction.atomic():
        # Claims already approved are paid too: the run pays every approved claim.
        waiting = Claim.objects.filter(
            state=ClaimState.APPROVED, award__scheme__authority=council
        ).count()
        made = 0
        people = YoungPerson.objects.filter(authority=council).order_by("pk")
        for person in people.iterator():
            if waiting + made >= claims:
                break
            award = next(
                (a for a in finance_selectors.usable_awards(person, today)
                 if not a.scheme.evidence and a.left >= 1000),
                None,
            )  # fmt: skip
            if award is None:
                continue
            claim = finance_services.claim_make(
                award=award, amount_pence=1000, purpose="Bus fares", receipt=None, by=manager
            )
            finance_services.claim_approve(claim=claim, amount_pence=1000, reason="", by=manager)
            made += 1
        started = time.perf_counter()
        with QueryCounter() as counted:
            batch = finance_services.payment_run(authority_id=council.pk, by=manager)
        seconds = time.perf_counter() - started
        paid = batch.entries.count() if batch else 0
        transaction.set_rollback(True)
    return {"claims": paid, "seconds": seconds, "queries": counted.queries}


def sweep_in_child(which: str = "--sweep-only") -> dict:
    output = subprocess.run(
        [sys.executable, "manage.py", "bench", which],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


# Reporting


def generation_save(database: str, seconds: float) -> None:
    path = ROOT / "var" / "bench" / f"{database}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"seconds": seconds, "at": timezone.now().isoformat()}))


def _generation(database: str) -> str:
    path = ROOT / "var" / "bench" / f"{database}.json"
    if not path.exists():
        return "generated before this run (time not recorded)"
    seconds = json.loads(path.read_text())["seconds"]
    return f"generated in {seconds / 60:.1f} minutes ({os.cpu_count()} processes)"


def _machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    return (
        f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB; Python {platform.python_version()}, "
        f"PostgreSQL {postgres}; gunicorn with {WORKERS} workers of {THREADS} threads"
    )


def _counts() -> str:
    parts = []
    with connection.cursor() as cursor:
        for label, table in COUNTED:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (fixed table names)
            parts.append(f"{cursor.fetchone()[0]:,} {label}")
    return ", ".join(parts)


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def render(
    pages: list[Page], sweep: dict, people: int, database: str, note: str, rounds: int, seconds: int
) -> str:
    now = timezone.localtime()
    for page in pages:
        if page.kind == "baseline":
            page.results["rps"] = statistics.median(page.results["rps_runs"])
            page.results["share"] = 1.0
    council = Authority.objects.get(slug=DEMO_SLUG)
    lines = [
        f"### {now:%Y-%m-%d %H:%M} — {people:,} young people",
        "",
        *([note, ""] if note else []),
        f"- Machine: {_machine()}.",
        f"- Data: {people:,} young people; {_counts()}; {_generation(database)}. "
        f"The pages are {council.name}'s, with "
        f"{council.young_people.count():,} young people.",
        f"- Each page: 3 requests to warm up, {pages[0].results['requests']} timed one after "
        "another, "
        f"then wrk with {WRK_CONNECTIONS} connections for the throughput: {WARM_SECONDS} s not "
        f"counted, then {rounds} runs of {seconds} s, each followed by a run of the "
        "minimal page for the same visitor; the share is the median of the rounds' "
        "ratios. The cache is "
        "emptied before the run, so the first request is as the day's first visitor's; "
        "the queries are the timed requests'.",
        "",
        "| Page | As | First request ms | Server median ms | Server p95 ms | Client p95 ms "
        "| Queries | Requests/s | Share of minimal | Target met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for page in pages:
        r = page.results
        share = r["share"]
        needed = {"public": 0.5, "staff": 1 / 3}.get(page.kind, 0)
        met = r["ok"] and r["server_p95"] < page.limit_ms and share >= needed
        target = {
            "baseline": "(the baseline)",
            "floor": "(for reference)",
        }.get(page.kind, f"{_met(met)} (p95 < {page.limit_ms} ms, ≥ {needed:.0%})")
        rps = f"{r['rps']:.0f}"
        if page.kind == "baseline":
            runs = r["rps_runs"]
            rps += f" ({min(runs):.0f}–{max(runs):.0f} over {len(runs)} runs)"
        low, high = r["queries"][0], r["queries"][-1]
        queries = str(low) if low == high else f"{low}–{high}"
        lines.append(
            f"| {page.label} | {page.role} | {r['first_ms']:.0f} "
            f"| {r['server_median']:.1f} | {r['server_p95']:.1f} "
            f"| {r['client_p95']:.1f} | {queries} | {rps} | {share:.0%} | {target} |"
        )
    growth = sweep["peak_mb"] - sweep["rss_before_mb"]
    slowest = sorted(sweep["rules"].items(), key=lambda item: -item[1])[:3]
    lines += [
        "",
        f"Nightly reminder sweep over {sweep['young_people']:,} young people: "
        f"**{sweep['seconds']:.1f} s** for {len(sweep['rules'])} rules "
        f"({_met(sweep['seconds'] < 120)} under 2 minutes), {sweep['queries']:,} queries, "
        f"{sweep['notifications']:,} notifications (the first night after generating, so "
        f"every reminder is new). Peak memory {sweep['peak_mb']:.0f} MB, "
        f"{growth:.0f} MB more than before it started. Slowest rules: "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in slowest)
        + ".",
        "",
    ]
    if night := sweep.get("regional"):
        lines += [
            f"The night's regional figures for a region of {night['councils']} council(s) "
            f"({night['young_people']:,} young people), which the regional dashboard shows "
            f"the next day: **{night['seconds']:.1f} s**, {night['queries']:,} queries.",
            "",
        ]
    return "\n".join(lines)


def report_add(section: str) -> None:
    text = REPORT.read_text() if REPORT.exists() else f"# Benchmarks\n\n{RESULTS_MARK}\n"
    if RESULTS_MARK not in text:
        text = text.rstrip("\n") + f"\n\n{RESULTS_MARK}\n"
    head, tail = text.split(RESULTS_MARK, 1)
    REPORT.write_text(f"{head}{RESULTS_MARK}\n\n{section}\n{tail.lstrip(chr(10))}")


# The busy day's part of the report, and the machine-readable result


def busy_share(busy: dict) -> float:
    """The busy day's requests per second as a share of the minimal page's, under the same
    number of people at once, measured just before and just after it."""
    minimal = statistics.mean(run["rps"] for run in busy["minimal"])
    return busy["load"]["rps"] / minimal


def busy_render(busy: dict, alone: dict, memory: dict, payment: dict | None = None) -> str:
    load = busy["load"]
    total = sum(p["server_total_ms"] for p in load["pages"].values()) or 1
    writes = sum(p["requests"] for p in load["pages"].values() if p["kind"] == "write")
    errors = sum(p["errors"] for p in load["pages"].values())
    minimal_runs = " and ".join(f"{run['rps']:.0f}" for run in busy["minimal"])
    lines = [
        "",
        f"**The busy day**: {load['people']['pa']} PAs and {load['people']['manager']} managers "
        f"at once, with no pause between requests, for {load['seconds']:.0f} s: "
        f"{load['requests']:,} requests ({writes / max(load['requests'], 1):.0%} writes), "
        f"{load['rps']:.0f} a second, **{busy_share(busy):.0%} of the minimal page's** "
        f"({minimal_runs} a second for the same "
        f"number of people just before and after); {errors} errors. Server time "
        '(the `Server-Timing` header) for each page and write; "after a write" is the page '
        "a person is sent to after saving, the first view after the change.",
        "",
        "| Page or write | Kind | Requests | p50 ms | p95 ms | p99 ms | Queries "
        "| Share of server time | Errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in sorted(load["pages"].items(), key=lambda item: (item[1]["kind"], item[0])):
        low, high = page["queries"]
        lines.append(
            f"| {name} | {page['kind']} | {page['requests']} | {page['p50']:.1f} "
            f"| {page['p95']:.1f} | {page['p99']:.1f} | {low if low == high else f'{low}–{high}'} "
            f"| {page['server_total_ms'] / total:.0%} | {page['errors']} |"
        )
    lines += [
        "",
        "Each write alone (one person, one write after another; the post's server time):",
        "",
        "| Write | Requests | p50 ms | p95 ms | p99 ms | Queries | Errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in alone.items():
        if not page.get("requests"):
            lines.append(f"| {name} | 0 | | | | | {page.get('errors', 0)} |")
            continue
        low, high = page["queries"]
        lines.append(
            f"| {name} | {page['requests']} | {page['p50']:.1f} | {page['p95']:.1f} "
            f"| {page['p99']:.1f} | {low if low == high else f'{low}–{high}'} | {page['errors']} |"
        )
    came_back = [
        f"{name} ({where}): “{message}” {times}×"
        for where, pages in (("busy day", load["pages"]), ("alone", alone))
        for name, page in pages.items()
        for message, times in page.get("why", {}).items()
    ]
    if came_back:
        lines += ["", "Posts that came back unsaved, with what the form said: "
                  + "; ".join(came_back) + "."]  # fmt: skip
    workers = "; ".join(
        f"{w['start_mb']:.0f} → {w['half_mb']:.0f} → {w['end_mb']:.0f} MB"
        for w in memory["workers"]
    )
    lines += [
        "",
        f"Web process memory while the service manager opens {memory['records']:,} young "
        f"people's profiles ({memory['distinct']:,} different people), after 100 to warm up, "
        f"half way and at the end, each worker: {workers}.",
        "",
    ]
    if payment:
        lines += [
            f"A payment run of {payment['claims']} approved claims (made and approved just "
            f"before, undone after): **{payment['seconds'] * 1000:.0f} ms**, "
            f"{payment['queries']:,} queries.",
            "",
        ]
    return "\n".join(lines)


def _commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            [shutil.which("git") or "git", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()

    return git("rev-parse", "--short", "HEAD") + ("-dirty" if git("status", "--porcelain") else "")


def _entry(name: str, kind: str, people: int, **values) -> dict:
    entry = {"name": name, "kind": kind, "young_people": people}
    for key in ("load", "p50", "p95", "p99", "share_of_minimal", "queries", "errors"):
        entry[key] = values.pop(key, None)
    return entry | values


def results_json(
    pages: list[Page], sweep: dict, busy: dict, alone: dict, memory: dict, people: int,
    database: str, payment: dict | None = None,
) -> dict:  # fmt: skip
    """Every figure of the run, one entry for each page or write (docs/benchmarks.md)."""
    entries = []
    for page in pages:
        r = page.results
        entries.append(_entry(
            f"{page.label} ({page.role})", "read", people, load="alone",
            p50=round(r["server_median"], 1), p95=round(r["server_p95"], 1),
            p99=round(r["server_p99"], 1), share_of_minimal=round(r["share"], 3),
            queries=r["queries"], errors=r["errors"], requests_per_second=round(r["rps"], 1),
        ))  # fmt: skip
    for name, page in busy["load"]["pages"].items():
        entries.append(_entry(
            name, page["kind"], people, load="busy", p50=page["p50"], p95=page["p95"],
            p99=page["p99"], queries=page["queries"], errors=page["errors"],
            requests=page["requests"], unsaved_because=page.get("why"),
        ))  # fmt: skip
    load = busy["load"]
    entries.append(_entry(
        "Busy day, every request", "busy", people, load="busy",
        share_of_minimal=round(busy_share(busy), 3),
        errors=sum(p["errors"] for p in load["pages"].values()),
        requests=load["requests"], seconds=load["seconds"], requests_per_second=load["rps"],
        simulated_people=load["people"],
        minimal_requests_per_second=[run["rps"] for run in busy["minimal"]],
    ))  # fmt: skip
    for name, page in alone.items():
        entries.append(_entry(
            name, "write", people, load="alone", p50=page.get("p50"), p95=page.get("p95"),
            p99=page.get("p99"), queries=page.get("queries"), errors=page.get("errors"),
            requests=page.get("requests", 0), unsaved_because=page.get("why"),
        ))  # fmt: skip
    if payment:
        ms = round(payment["seconds"] * 1000, 1)
        entries.append(_entry(
            f"Payment run of {payment['claims']} claims", "write", people, load="alone",
            p50=ms, p95=ms, p99=ms, queries=[payment["queries"]], errors=0,
        ))  # fmt: skip
    sweep_ms = round(sweep["seconds"] * 1000)
    entries.append(_entry(
        "Nightly reminder sweep", "sweep", people, p50=sweep_ms, p95=sweep_ms, p99=sweep_ms,
        queries=[sweep["queries"]], errors=0, rules_seconds=sweep["rules"],
        peak_mb=round(sweep["peak_mb"]), growth_mb=round(sweep["peak_mb"] - sweep["rss_before_mb"]),
    ))  # fmt: skip
    if night := sweep.get("regional"):
        night_ms = round(night["seconds"] * 1000)
        entries.append(_entry(
            f"Nightly regional figures (a region of {night['councils']} council(s), "
            f"{night['young_people']:,} young people)", "sweep", people, p50=night_ms,
            p95=night_ms, p99=night_ms, queries=[night["queries"]], errors=0,
        ))  # fmt: skip
    generated = ROOT / "var" / "bench" / f"{database}.json"
    if generated.exists():
        seconds = json.loads(generated.read_text())["seconds"]
        entries.append(_entry(
            "Generating the data", "generate", people, p50=round(seconds * 1000),
            p95=round(seconds * 1000), p99=round(seconds * 1000), errors=0,
            processes=os.cpu_count(),
        ))  # fmt: skip
    return {
        "date": timezone.localtime().isoformat(timespec="seconds"),
        "commit": _commit(),
        "machine": _machine(),
        "young_people": people,
        "units": "milliseconds of server time; share_of_minimal is of the minimal page's "
        "requests per second in the same run",
        "memory_after_records": memory,
        "results": entries,
    }


def results_save(result: dict) -> Path:
    """docs/benchmarks/latest.json, and the same beside it as <date>-<commit>.json."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=1, ensure_ascii=False) + "\n"
    kept = RESULTS / f"{result['date'][:16].replace(':', '')}-{result['commit']}.json"
    kept.write_text(text)
    (RESULTS / "latest.json").write_text(text)
    return kept
