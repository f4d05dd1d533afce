"""The built package carries every app, template and static file, and nothing of devtools."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = [
    "config",
    "common",
    "people",
    "notifications",
    "offer",
    "pathway",
    "finance",
    "rota",
    "handovers",
    "dashboard",
]
# What an installed portal finds on its own, outside the checkout, with production settings.
CHECK = """
from django.conf import settings
import django
django.setup()
from django.contrib.staticfiles import finders
from django.template.loader import get_template
assert not (settings.BASE_DIR / "manage.py").exists(), settings.BASE_DIR
assert "devtools" not in settings.INSTALLED_APPS
for name in ("base.html", "account/login.html", "pathway/plan.html", "dashboard/dashboard.html",
             "notifications/notification_list.html", "offer/home.html"):
    get_template(name)
for name in ("portal/portal.css", "govuk/govuk-frontend.min.js", "govuk/assets/manifest.json"):
    assert finders.find(name), name
from django.core.management import call_command
call_command("check", "--deploy", "--fail-level", "WARNING")
print("installed portal ok")
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
        + ["-w", str(out), str(ROOT)],
        check=True,
        cwd=ROOT,
    )
    (built,) = out.glob("*.whl")
    return built


def _shipped(root: Path) -> set[str]:
    """The files a checkout has that the package must carry (not caches, not Sass sources)."""
    files = set()
    for app in APPS:
        for path in (root / app).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files.add(path.relative_to(root).as_posix())
    return files


def test_the_wheel_has_every_app_template_and_static_file_and_no_devtools(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = _shipped(ROOT) - names
    assert not missing, sorted(missing)[:20]
    assert not [name for name in names if name.startswith(("devtools/", "tests/"))]


def test_an_installed_portal_finds_its_templates_and_static_files(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(site),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
        "ALLOWED_HOSTS": "portal.example.gov.uk",
        "DATABASE_URL": "postgres://portal@db.example.gov.uk/portal",
        "REDIS_URL": "redis://cache.example.gov.uk:6379/0",
        "EMAIL_URL": "smtp+tls://portal:secret@mail.example.gov.uk:587",
        "SITE_URL": "https://portal.example.gov.uk",
    }
    # -P: the checkout (the working folder) is not on the path; only the wheel's files are.
    answer = subprocess.run(
        [sys.executable, "-P", "-c", CHECK],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert answer.returncode == 0, answer.stderr[-3000:]
    assert "installed portal ok" in answer.stdout
