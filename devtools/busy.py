"""The busy day: signed-in PAs and managers reading and writing at once, driven by locust.

`manage.py bench` runs this module in a child process of its own (locust patches the
standard library for gevent when imported, which the benchmark's Django process must not
have): `python -m devtools.busy SPEC.json` reads who signs in and what they may open,
drives the portal on loopback for a bounded time and number of requests, and prints one
JSON line: for each page and write, the server's times (its `Server-Timing` header),
queries (`X-Queries`), errors, and the run's requests per second. This module does not
import Django.

Every simulated person has a session cookie of their own (a real one, as after a password
and an authenticator code: `devtools.bench._session`) and walks journeys through the real
pages and forms: each write fetches its form, posts it with the form's CSRF token and
hidden fields, and then opens the page it was sent to, which is timed apart as the record
page "after a write".
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
import time
import urllib.parse
from collections import defaultdict

import gevent
from locust import FastHttpUser, constant, events, task
from locust.env import Environment

from devtools.formfill import fields_filled, today_parts

# A step is one read, or a write (its form, the post, the page after it: three requests).
# One step in eight a write makes about one request in ten a post: 0.125 / 1.25.
WRITE_SHARE = 0.125
REVIEW_TRIES = 5  # plans opened to find one with no review waiting for sign-off
samples: dict[str, dict] = defaultdict(
    lambda: {"server": [], "queries": [], "errors": 0, "why": defaultdict(int)}
)
KINDS: dict[str, str] = {}
SPEC: dict = {}
count = {"requests": 0}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# Recording


@events.request.add_listener
def _recorded(request_type, name, response_time, response_length, response, exception, **kw):
    count["requests"] += 1
    sample = samples[name]
    timing = re.search(r"dur=([\d.]+)", (response.headers or {}).get("Server-Timing", "") or "")
    if timing:
        sample["server"].append(float(timing.group(1)))
    queries = (response.headers or {}).get("X-Queries")
    if queries is not None:
        sample["queries"].append(int(queries))
    if exception is not None:
        sample["errors"] += 1


def summary() -> dict:
    pages = {}
    for name, sample in samples.items():
        server = sample["server"] or [0.0]
        queries = sample["queries"] or [-1]
        pages[name] = {
            "kind": KINDS.get(name, "read"),
            "requests": len(sample["server"]),
            "p50": round(statistics.median(server), 1),
            "p95": round(_percentile(server, 0.95), 1),
            "p99": round(_percentile(server, 0.99), 1),
            "server_total_ms": round(sum(sample["server"]), 1),
            "queries": [min(queries), max(queries)],
            "queries_mean": round(statistics.mean(queries), 1),
            "errors": sample["errors"],
            # What the form said when a post came back unsaved: its error summary's first line.
            **({"why": dict(sample["why"])} if sample["why"] else {}),
        }
    return pages


def _form_says(html: str) -> str:
    """The first message of a form's error summary, as the person would read it."""
    found = re.search(r"govuk-error-summary__list.*?<a [^>]*>(.*?)</a>", html, re.S)
    return re.sub(r"\s+", " ", found.group(1)).strip() if found else "no message shown"


# The people


class Staff(FastHttpUser):
    abstract = True
    wait_time = constant(0)  # as busy as the server lets them: throughput is the measure
    role = ""
    reads: list = []
    writes: list = []

    def on_start(self):
        person = SPEC["people"][self.role].pop()
        self.cookies = {"session": person["cookie"]}
        self.young_people = person["young_people"]
        # [young person, award, pence free]: each claim made is taken off what is free.
        self.claimable = person.get("claimable") or []
        self.rng = random.Random(person["cookie"])  # noqa: S311 (a benchmark's choices)
        only = SPEC.get("only")
        if only:  # one write alone, again and again
            self.reads, self.writes = [], [w for w in self.writes if w.__name__ == only]

    def path(self, name: str, pk: int | str = 0) -> str:
        return SPEC["paths"][name].replace("/0/", f"/{pk}/")

    # Requests

    def _headers(self) -> dict:
        return {"Cookie": "; ".join(self.cookies.values())}

    def _keep_cookies(self, response) -> None:
        for name, value in response.headers.items():
            if name.lower() == "set-cookie" and value.startswith(SPEC["csrf_cookie"] + "="):
                self.cookies["csrf"] = value.split(";", 1)[0]

    def read(self, name: str, path: str, **options) -> str:
        KINDS.setdefault(name, "read")
        headers = self._headers()
        with self.client.get(path, headers=headers, name=name, catch_response=True, **options) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
                return ""
            self._keep_cookies(r)
            return r.text or ""

    def write(self, name: str, form_path: str, overrides: dict, after: str) -> bool:
        """The form, the post (timed as `name`), and the page it sends the person to; whether
        it was saved."""
        html = self.read(f"{name}: its form", form_path, allow_redirects=False)
        if not html:
            return False
        fields = fields_filled(html, overrides)
        KINDS[name] = "write"
        headers = {**self._headers(), "Content-Type": "application/x-www-form-urlencoded"}
        with self.client.post(
            form_path,
            data=urllib.parse.urlencode(fields),
            headers=headers,
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code not in (302, 303):
                r.failure(f"not saved: status {r.status_code}")
                samples[name]["why"][_form_says(r.text or "")] += 1
                return False
            location = r.headers.get("Location", "")
        self.read(f"{after} (after a write)", location)
        return True

    def someone(self) -> int:
        return self.rng.choice(self.young_people)

    @task
    def step(self):
        if not self.reads or self.rng.random() < WRITE_SHARE:
            self.rng.choice(self.writes)(self)
        else:
            self.rng.choice(self.reads)(self)

    # What everyone does

    def profile(self):
        self.read("Young person's profile", self.path("profile", self.someone()))

    def plan(self):
        self.read("Pathway plan", self.path("plan", self.someone()))

    def money(self):
        self.read("Young person's money", self.path("money", self.someone()))

    def enquiry_log(self):
        overrides = {"caller": "A parent", "about": "Asked about a rent deposit."}
        self.write("Log a duty enquiry", self.path("enquiry"), overrides, "Duty log")


class PA(Staff):
    role = "pa"

    def caseload(self):
        self.read("Caseload", self.path("caseload"))

    def contacts(self):
        self.read("Contacts", self.path("contacts", self.someone()))

    def contact_log(self):
        overrides = {"method": "phone", "seen": "no", "note": "Rang about the bus pass."}
        path = self.path("contact", self.someone())
        self.write("Log a contact", path, overrides, "Contacts")

    def section_save(self):
        pk = self.someone()
        html = self.read("Pathway plan", self.path("plan", pk))
        matters = re.findall(
            re.escape(self.path("section", pk)).replace("matter", r"([\w-]+)"), html
        )
        if matters:
            overrides = {"needs": f"Help with a budget ({self.rng.randint(1, 10**6)})."}
            path = self.path("section", pk).replace("matter", self.rng.choice(matters))
            self.write("Save a plan section", path, overrides, "Pathway plan")

    def claim_make(self):
        """A claim from an award with that much left, as a PA would choose."""
        pence = SPEC["claim_pence"]
        overrides = {"amount": f"{pence / 100:.2f}", "purpose": "Bus fares to college this week."}
        usable = [entry for entry in self.claimable if entry[2] >= pence]
        if usable:
            entry = self.rng.choice(usable)
            overrides["award"] = str(entry[1])
            saved = self.write("Make a claim", self.path("claim", entry[0]), overrides, "Money")
            # Refused, it would be refused again (the award had less left than thought).
            entry[2] = entry[2] - pence if saved else 0

    def review_record(self):
        """From the plan page, as a PA records one: a plan with a review already waiting for
        sign-off offers that review instead (the service refuses a second), so they choose
        someone else. Writes alone repeat the day's choices, and found those waiting."""
        overrides = {
            **today_parts("held_on"),
            "participants": "Their PA and their college tutor.",
            "young_person_took_part": "yes",
            "outcome": "Agreed to look again at money in a month.",
        }
        for _ in range(REVIEW_TRIES):
            pk = self.someone()
            html = self.read("Pathway plan", self.path("plan", pk))
            if f'href="{self.path("review", pk)}"' in html:
                self.write("Record a review", self.path("review", pk), overrides, "Review")
                return

    reads = [caseload, Staff.profile, Staff.plan, contacts, Staff.money]
    writes = [contact_log, section_save, claim_make, review_record, Staff.enquiry_log]


class Manager(Staff):
    role = "manager"

    def dashboard(self):
        self.read("Dashboard", self.path("dashboard"))

    def claims(self):
        self.read("Claims waiting", self.path("claims"))

    def sign_offs(self):
        self.read("Reviews to sign", self.path("sign_offs"))

    def claim_approve(self):
        html = self.read("Claims waiting", self.path("claims"))
        claims = re.findall(
            r'href="' + re.escape(self.path("claim_detail")).replace("/0/", r"/(\d+)/"), html
        )
        if claims:
            path = self.path("claim_detail", self.rng.choice(claims))
            self.write("Approve a claim", path, {"decision": "all"}, "Claim")

    reads = [dashboard, claims, sign_offs, Staff.profile, Staff.plan, Staff.money]
    writes = [claim_approve, claim_approve, Staff.enquiry_log]


class Minimal(Staff):
    """The minimal signed-in page, by as many people at once: the run's baseline."""

    role = "pa"

    @task
    def step(self):
        self.read("Minimal page", self.path("minimal"))


def run(spec: dict) -> dict:
    """Drive the portal with `spec`'s people until its time or its count of requests is up."""
    SPEC.update(spec)
    SPEC["people"] = {role: list(people) for role, people in spec["people"].items()}
    pas, managers = len(SPEC["people"]["pa"]), len(SPEC["people"]["manager"])
    if spec.get("minimal"):
        Minimal.fixed_count, managers, classes = pas, 0, [Minimal]
    else:
        PA.fixed_count, Manager.fixed_count, classes = pas, managers, [PA, Manager]
        classes = [c for c in classes if c.fixed_count]
    env = Environment(user_classes=classes, host=f"http://{spec['base']}", events=events)
    runner = env.create_local_runner()
    started = time.monotonic()
    runner.start(pas + managers, spawn_rate=pas + managers)

    def stop_when_done():
        while count["requests"] < spec["most_requests"]:
            if time.monotonic() - started > spec["seconds"]:
                break
            gevent.sleep(0.05)
        runner.quit()

    gevent.spawn(stop_when_done)
    runner.greenlet.join()
    elapsed = time.monotonic() - started
    return {
        "people": {"pa": pas, "manager": managers},
        "seconds": round(elapsed, 1),
        "requests": count["requests"],
        "rps": round(count["requests"] / elapsed, 1),
        "pages": summary(),
    }


if __name__ == "__main__":
    with open(sys.argv[1]) as file:
        result = run(json.load(file))
    print(json.dumps(result))
