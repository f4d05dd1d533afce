"""Browser tests: Playwright driving Debian's Chromium against the live server."""

import os
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from people.demo import DEMO_TOTP_SECRET, current_totp_code

TOTP_PERIOD = 30

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_PATH = Path(django_settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# How long an action or an `expect` waits for a page: long enough for a loaded 2-core machine.
# Checks that follow a click wait through `expect(...)`, never an immediate `is_visible()`,
# so a page still loading after a click is waited for rather than failed.
BROWSER_TIMEOUT_MS = 10_000
expect.set_options(timeout=BROWSER_TIMEOUT_MS)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package.")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, live_server, width: int, height: int):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}
    )
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    return page


@pytest.fixture
def page(browser, live_server):
    page = _new_page(browser, live_server, 1024, 800)
    yield page
    page.context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A 320 px wide screen, as on a small phone."""
    page = _new_page(browser, live_server, 320, 640)
    yield page
    page.context.close()


@pytest.fixture
def no_js_page(browser, live_server):
    """A browser with JavaScript switched off: every journey must still work."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def sign_in_as(page, live_server, user) -> None:
    """Give the browser a session for `user` without going through the sign-in pages."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def totp_code(secret: str = DEMO_TOTP_SECRET) -> str:
    """The current code, waiting out the last seconds of a period so it is still valid on submit."""
    if TOTP_PERIOD - time.time() % TOTP_PERIOD < 4:
        time.sleep(TOTP_PERIOD - time.time() % TOTP_PERIOD + 0.1)
    return current_totp_code(secret)


def assert_no_axe_violations(page) -> None:
    """Run axe-core on the page as it is now; fail listing every violation."""
    page.evaluate(AXE_PATH.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    assert not violations, f"axe-core found violations on {page.url}:\n" + "\n".join(violations)
