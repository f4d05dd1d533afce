"""Nothing kept between web processes: a record changed through one is new in the other.

Two real gunicorn processes on loopback ports serve the test database, as two web
servers of a council's portal would. A PA saves through one, and the very next request,
to the other, shows the change. Then no key in the cache names or holds anything about
the young person or what was written.
"""

import http.client
import subprocess
import sys
import urllib.parse
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from common.cache import own_keys
from devtools import bench
from devtools.formfill import fields_filled
from pathway.services import plan_start
from tests.test_deployment import free_port, wait_until_up

ROOT = Path(settings.BASE_DIR)


def server_env() -> dict:
    """`make run`'s settings (demo mode: Django's DEBUG off, static files served from the
    checkout, so nothing needs collecting), on the test database and the tests' keys."""
    env = {
        **bench.server_env(),
        "DEBUG": "true",
        "DEMO_MODE": "true",
        "BENCHMARK": "false",
        "DATABASE_URL": bench.database_url(connection.settings_dict["NAME"]),
        "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


@contextmanager
def web_processes(tmp_path: Path, count: int = 2):
    """`count` gunicorn processes (one worker of one thread each) on loopback ports; yields
    their addresses. What they say goes to a log each, printed if the test fails."""
    env = server_env()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    ports = [free_port() for _ in range(count)]
    with ExitStack() as stack:
        processes = []
        for port in ports:
            log = stack.enter_context((tmp_path / f"{port}.log").open("w"))
            command = [gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{port}"]
            command += ["--workers", "1", "--threads", "1"]
            processes.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log))
        try:
            for port in ports:
                wait_until_up(port)
            yield [f"127.0.0.1:{port}" for port in ports]
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)


def get(base: str, path: str, cookies: dict) -> tuple[int, str, dict]:
    conn = http.client.HTTPConnection(base, timeout=30)
    conn.request("GET", path, headers={"Cookie": "; ".join(cookies.values())})
    response = conn.getresponse()
    body = response.read().decode()
    for value in response.headers.get_all("Set-Cookie") or []:
        name = value.split("=", 1)[0]
        cookies[name] = value.split(";", 1)[0]
    conn.close()
    return response.status, body, dict(response.headers)


def post(base: str, path: str, cookies: dict, fields: dict) -> tuple[int, str]:
    conn = http.client.HTTPConnection(base, timeout=30)
    headers = {
        "Cookie": "; ".join(cookies.values()),
        "Content-Type": "application/x-www-form-urlencoded",
    }
    conn.request("POST", path, body=urllib.parse.urlencode(fields), headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status, response.getheader("Location", "")


@pytest.mark.django_db(transaction=True)
def test_a_write_through_one_web_process_shows_on_the_next_request_to_another(
    pa, young_person, settings, tmp_path
):
    settings.SECRET_KEY = bench.server_env()["SECRET_KEY"]  # the servers', to sign the session
    plan_start(young_person=young_person, by=pa)
    session = bench._session(pa)
    with web_processes(tmp_path) as (first, second):
        cookies = {"session": session}
        pk = young_person.pk

        # Each process has read the record before the write (whatever it might keep).
        for base in (first, second):
            assert get(base, reverse("pathway:contacts", args=[pk]), cookies)[0] == 200
            assert get(base, reverse("pathway:plan", args=[pk]), cookies)[0] == 200

        form_path = reverse("pathway:contact-create", args=[pk])
        status, form, _ = get(first, form_path, cookies)
        assert status == 200
        note = "Talked about the flat in Hexham Road and the deposit"
        fields = fields_filled(form, {"method": "phone", "seen": "no", "note": note})
        status, location = post(first, form_path, cookies, fields)
        assert (status, location) == (302, reverse("pathway:contacts", args=[pk]))
        status, page, _ = get(second, location, cookies)
        assert status == 200
        assert note in page

        section_path = reverse("pathway:section-edit", args=[pk, "education"])
        needs = "A laptop for the college course in Alnwick"
        status, form, _ = get(second, section_path, cookies)
        assert status == 200
        status, location = post(
            second, section_path, cookies, fields_filled(form, {"needs": needs})
        )
        assert status == 302
        status, page, _ = get(first, reverse("pathway:plan", args=[pk]), cookies)
        assert status == 200
        assert needs in page

    # Nothing about the young person, their PA or what was written is in the cache.
    personal = [
        young_person.first_name,
        young_person.last_name,
        young_person.date_of_birth.isoformat(),
        pa.email,
        note,
        needs,
        str(session.split("=", 1)[1]),
    ]
    client = cache._cache.get_client()
    for key in own_keys():
        value = client.get(key) or b""
        text = key + value.decode("latin-1")
        for word in personal:
            assert word not in text, f"{key} holds {word!r}"


@pytest.fixture(autouse=True)
def _servers_say_why(tmp_path):
    """On a failure, what the servers logged (their errors are not in the test's output)."""
    yield
    for log in sorted(tmp_path.glob("*.log")):
        print(log.name, log.read_text()[-3000:])
