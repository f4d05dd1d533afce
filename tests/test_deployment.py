"""The production web stack of docs/deployment.md: nginx with its snippet, then gunicorn.

A security review found that six slow anonymous POSTs stopped gunicorn answering
`/healthz`, and that a 300 MB upload was read whole before the portal refused it. Here
gunicorn runs with config/gunicorn.py and nginx with docs/deployment/portal-proxy.conf,
as the guide says, and both attacks are tried: first straight at gunicorn (which they
stop, as the review saw), then through nginx (which holds them, and turns the huge
upload away unread).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SNIPPET = ROOT / "docs" / "deployment" / "portal-proxy.conf"
# gunicorn as small as a busy server's spare capacity: one process of two threads.
THREADS = 2
SLOW_CLIENTS = 6


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health(port: int, timeout: float) -> str:
    """The status line of GET /healthz, or "" if nothing came back in time."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            return sock.recv(200).decode(errors="replace").split("\r\n", 1)[0]
    except OSError:
        return ""


def wait_until_up(port: int) -> None:
    for _ in range(100):
        if "200" in health(port, 1):
            return
        time.sleep(0.1)
    raise AssertionError(f"nothing answered on port {port}")


@contextmanager
def serving(command: list, port: int, **popen) -> Iterator[None]:
    """Run a server until the block ends, once it answers /healthz on `port`."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen
    )
    try:
        wait_until_up(port)
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def slow_posts(port: int, *, length: int = 100_000) -> list[socket.socket]:
    """Clients that start a sign-in POST and then send its body a byte at a time, slowly."""
    clients = []
    for _ in range(SLOW_CLIENTS):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(
            b"POST /accounts/login/ HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {length}\r\n\r\n".encode()
            + b"login="
        )
        clients.append(sock)
    return clients


@pytest.fixture
def gunicorn():
    port = free_port()
    env = {**os.environ, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"}
    env["WEB_THREADS"] = str(THREADS)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [Path(sys.executable).parent / "gunicorn", "-c", "python:config.gunicorn"]
    with serving([*command, "config.wsgi"], port, cwd=ROOT, env=env):
        yield port


@pytest.fixture
def nginx(gunicorn, tmp_path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(binary).exists(), "nginx is missing: `make test` installs Debian's nginx-light"
    port = free_port()
    # nginx's workers may run as another user: let them write their buffers here.
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / name).mkdir(mode=0o777)
        (tmp_path / name).chmod(0o777)
    tmp_path.chmod(0o777)
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"""
daemon off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    upstream portal {{ server 127.0.0.1:{gunicorn}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port};
        include {SNIPPET};
    }}
}}
"""
    )
    with serving([binary, "-p", str(tmp_path), "-c", str(conf)], port):
        yield port


def test_slow_clients_stop_gunicorn_alone_but_not_behind_nginx(gunicorn, nginx):
    clients = slow_posts(gunicorn)
    try:
        time.sleep(0.5)
        # The attack the review found: gunicorn's threads are all waiting for slow bodies.
        assert health(gunicorn, 3) == ""
    finally:
        for sock in clients:
            sock.close()
    wait_until_up(gunicorn)

    clients = slow_posts(nginx)
    try:
        time.sleep(0.5)
        assert health(nginx, 3) == "HTTP/1.1 200 OK"
        assert health(gunicorn, 3) == "HTTP/1.1 200 OK"
    finally:
        for sock in clients:
            sock.close()


def test_a_huge_upload_is_turned_away_before_it_is_read(nginx):
    with socket.create_connection(("127.0.0.1", nginx), timeout=5) as sock:
        sock.sendall(
            b"POST /my/money/claim/ HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            + f"Content-Length: {300 * 1024 * 1024}\r\n\r\n".encode()
            + b"--x\r\n"
        )
        started = time.monotonic()
        answer = sock.recv(200).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413")
    assert time.monotonic() - started < 2
