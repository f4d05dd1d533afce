"""The benchmark: the pages people use most, under gunicorn, against a generated population.

`manage.py bench --young-people N` is the whole run, in one command:

1. It makes (once) a database of its own, `bench_N`, on the same PostgreSQL server,
   migrates it and fills it with `generate_dataset --young-people N`. Later runs reuse it
   (drop it to measure fresh data: `make bench` does not notice a change to the generator).
2. It starts gunicorn on that database as `make run` does (two workers of two threads),
   with DEBUG off and BENCHMARK on, so each response carries its server time and queries.
3. It signs in the demo council's people, one per role, and measures each page: 60
   requests one after another (median and 95th percentile of the server's time and of the
   time the client saw, queries per request). Then `wrk` with 4 connections gives its
   requests per second, in short runs each followed by one of a minimal page for the
   same visitor; each page's throughput is given as a share of the minimal page's, so
   that results compare across machines.
4. The busy day (devtools/busy.py, locust in a child process): 22 signed-in PAs and
   managers reading and writing at once through the real pages and forms, between two
   runs of the minimal page by as many people; then each write alone, and each web
   process's memory while 2,000 young people's profiles are opened. The run measures a
   copy of `bench_N` (`bench_N_run`), since the busy day writes.
5. It times the nightly reminder sweep (every rule, in one process, as a worker runs them)
   in a child process, inside a transaction rolled back at the end so that every run
   measures the same night. Peak memory is the child's maximum resident set size.
6. It adds the results, with the machine, the data and the date, at the top of the
   results in docs/benchmarks.md, and writes them as docs/benchmarks/latest.json (and a
   copy named by date and commit beside it). Earlier results stay.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from common.cache import own_keys_delete
from devtools import bench


class Command(BaseCommand):
    help = "Benchmark the portal at N young people and add the results to docs/benchmarks.md."

    def add_arguments(self, parser):
        parser.add_argument("--young-people", type=int, default=10_000)
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--seconds", type=int, default=3, help="How long each wrk run is.")
        parser.add_argument(
            "--rounds", type=int, default=3, help="wrk runs of each page, each beside its baseline."
        )
        parser.add_argument("--requests", type=int, default=60, help="Timed one at a time.")
        parser.add_argument(
            "--busy-seconds", type=int, default=60, help="How long the busy day's load runs."
        )
        parser.add_argument(
            "--busy-requests", type=int, default=20_000, help="The busy day's most requests."
        )
        parser.add_argument("--writes", type=int, default=20, help="Each write alone, this often.")
        parser.add_argument("--records", type=int, default=2000, help="Profiles for the memory.")
        parser.add_argument("--note", default="", help="A line about this run, for the report.")
        parser.add_argument("--no-report", action="store_true", help="Print, do not record.")
        parser.add_argument(
            "--busy-only",
            action="store_true",
            help="Only the busy day, each write alone and the memory; print, do not record.",
        )
        # Internal: the run itself, inside the benchmark's database; and the sweep's child.
        parser.add_argument("--in-dataset", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument("--sweep-only", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument("--payment-only", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        if options["sweep_only"]:
            self.stdout.write(json.dumps(bench.sweep_measure()))
        elif options["payment_only"]:
            self.stdout.write(json.dumps(bench.payment_measure()))
        elif options["in_dataset"]:
            self._run(options)
        else:
            self._prepare_and_run(options)

    def _prepare_and_run(self, options):
        """Make the benchmark's database if need be, then run inside it.

        The data are generated into `bench_N_building`, renamed `bench_N` only when
        generation has finished: a run that was stopped half way is never measured.
        """
        people = options["young_people"]
        name = f"bench_{people}"
        if not bench.database_exists(name):
            building = f"{name}_building"
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{building}"')
                cursor.execute(f'CREATE DATABASE "{building}"')
            manage = [sys.executable, "manage.py"]
            env = {**os.environ, "DATABASE_URL": bench.database_url(building)}
            subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
            self.stdout.write(f"Generating {people:,} young people into {name}…")
            started = time.monotonic()
            subprocess.run(
                [*manage, "generate_dataset", "--young-people", str(people)], env=env, check=True
            )
            bench.generation_save(name, time.monotonic() - started)
            with connection.cursor() as cursor:
                cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        # Data generated before regions existed: the schema and the regions now, in the
        # generated data itself, so that every later run measures the same regions.
        env = {**os.environ, "DATABASE_URL": bench.database_url(name)}
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
        subprocess.run([*manage, "generate_dataset", "--regions-only", "--young-people",
                        str(people)], env=env, check=True)  # fmt: skip
        # The busy day writes: each run measures a copy of the generated data, so that
        # every run starts from the same day.
        copy = f"{name}_run"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
            cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
        # The run itself has the server's settings, so that its sessions are the server's.
        # Its own cache prefix: team and page keys must not meet another database's.
        run_env = {
            **bench.server_env(),
            "DATABASE_URL": bench.database_url(copy),
            "CACHE_KEY_PREFIX": name,
        }
        # Migrations added since the data were generated.
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env=run_env, check=True
        )
        forwarded = [
            f"--{key.replace('_', '-')}={options[key]}"
            for key in (
                "young_people", "port", "seconds", "rounds", "requests", "note",
                "busy_seconds", "busy_requests", "writes", "records",
            )
        ]  # fmt: skip
        forwarded += [
            f"--{flag.replace('_', '-')}" for flag in ("no_report", "busy_only") if options[flag]
        ]
        try:
            subprocess.run(
                [sys.executable, "manage.py", "bench", "--in-dataset", *forwarded],
                env=run_env,
                check=True,
            )
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')

    def _run(self, options):
        if not connection.settings_dict["NAME"].startswith("bench_"):
            raise CommandError("--in-dataset runs only inside a bench_N database.")
        if not bench.wrk_path():
            raise CommandError("wrk is not installed: `make bench` installs Debian's wrk.")
        env = bench.server_env()
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, check=True
        )
        pages, cookies = bench.pages_and_sessions()
        night = None
        if not options["busy_only"]:
            self.stdout.write("  the night's regional figures")
            night = bench.regional_night()
        own_keys_delete()  # each page's first request is as the day's first visitor's
        waited = bench.quiet_database()
        if waited > 1:
            self.stdout.write(f"  waited {waited:.0f} s for autovacuum to finish")
        with bench.gunicorn(env, options["port"]) as (base, master):
            if options["busy_only"]:
                busy = self._busy(base, options)
                memory = bench.memory_after_records(base, master, options["records"])
                self.stdout.write(bench.busy_render(busy["day"], busy["alone"], memory))
                return
            for page in pages:
                self.stdout.write(f"  {page.label} ({page.role})")
                page.results = bench.measure(
                    base, page, cookies.get(page.role, ""), options["requests"]
                )
            baselines = {page.role == "anyone": page for page in pages if page.kind == "baseline"}
            for page in pages:
                if page.kind != "baseline":
                    self.stdout.write(f"  {page.label} ({page.role}): requests per second")
                    bench.throughput(
                        base,
                        page,
                        baselines[page.role == "anyone"],
                        options["rounds"],
                        options["seconds"],
                    )
            busy = self._busy(base, options)
            self.stdout.write(f"  memory after {options['records']:,} young people's records")
            memory = bench.memory_after_records(base, master, options["records"])
        self.stdout.write("  the nightly sweep")
        sweep = bench.sweep_in_child() | {"regional": night}
        self.stdout.write("  a payment run of 100 claims")
        payment = bench.sweep_in_child("--payment-only")
        database = connection.settings_dict["NAME"].removesuffix("_run")
        report = bench.render(
            pages,
            sweep,
            options["young_people"],
            database,
            options["note"],
            options["rounds"],
            options["seconds"],
        ) + bench.busy_render(busy["day"], busy["alone"], memory, payment)
        self.stdout.write(report)
        result = bench.results_json(
            pages, sweep, busy["day"], busy["alone"], memory, options["young_people"], database,
            payment,
        )  # fmt: skip
        if not options["no_report"]:
            bench.report_add(report)
            kept = bench.results_save(result)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added to docs/benchmarks.md and {kept.relative_to(bench.ROOT)}."
                )
            )
        busy_errors = sum(p["errors"] for p in busy["day"]["load"]["pages"].values())
        if busy_errors:
            self.stdout.write(self.style.WARNING(f"The busy day had {busy_errors} errors."))
        if any(not page.results.get("ok", True) for page in pages):
            failed = [f"{p.label}: {p.results['statuses']}" for p in pages if not p.results["ok"]]
            raise CommandError("Not every answer was 200: " + "; ".join(failed))

    def _busy(self, base: str, options) -> dict:
        """The busy day between two runs of the minimal page by as many people, then each
        write alone."""
        people = bench.busy_people()
        everyone = len(people["pa"]) + len(people["manager"])
        minimal_people = {"pa": [people["pa"][i % len(people["pa"])] for i in range(everyone)],
                          "manager": []}  # fmt: skip
        self.stdout.write(f"  the busy day: {everyone} people for {options['busy_seconds']} s")
        minimal = [bench.busy_run(base, minimal_people, 15, 10**6, minimal=True)]
        load = bench.busy_run(base, people, options["busy_seconds"], options["busy_requests"])
        minimal.append(bench.busy_run(base, minimal_people, 15, 10**6, minimal=True))
        self.stdout.write("  each write alone")
        # Afresh: the busy day has made claims and decided some since.
        alone = bench.writes_alone(base, bench.busy_people(), options["writes"])
        return {"day": {"load": load, "minimal": minimal}, "alone": alone}
