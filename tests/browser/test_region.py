"""A region's pages in a real browser, without JavaScript, on a 320 px screen."""

import pytest
from playwright.sync_api import expect

from finance.models import Entitlement, Scheme
from people.models import Region, Role
from tests.browser.conftest import BROWSER_TIMEOUT_MS
from tests.browser.test_offer import statutory_categories  # noqa: F401  (a fixture)
from tests.factories import AuthorityFactory, UserFactory, regional_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_care_leaver_finds_their_councils_offer_and_compares_without_javascript(
    browser,
    live_server,
    authority,
    offer_editor,
    manager,
    statutory_categories,  # noqa: F811
):
    wolds = AuthorityFactory(name="Wolds Council", slug="wolds")
    region = Region.objects.create(name="Testshire and Wolds", slug="tw", lead=manager)
    for council in (authority, wolds):
        council.region = region
        council.save(update_fields=["region"])
    wolds_editor = UserFactory(role=Role.OFFER_EDITOR, authority=wolds)
    regional_item(region=region, editor=wolds_editor, lead=manager, title="Staying Close")
    for council, pounds in ((authority, 3000), (wolds, 3500)):
        Scheme.objects.create(
            authority=council,
            code="suha",
            name="Setting up home allowance",
            cap_pence=pounds * 100,
            entitlement=Entitlement.SETTING_UP_HOME,
        )
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto("/regions/tw/")
        page.get_by_role("link", name="Wolds Council").click()
        expect(page).to_have_url(f"{live_server.url}/wolds/offer/")
        page.get_by_role("link", name="Money").first.click()
        page.get_by_role("link", name="Staying Close").click()
        expect(
            page.get_by_text("Every council in Testshire and Wolds offers this.")
        ).to_be_visible()
        page.goto("/regions/tw/compare/")
        table = page.get_by_role("table")
        expect(table).to_contain_text("£3,500 in total")
        expect(table).to_contain_text("£3,000 in total")
        # Only the table scrolls sideways (in its own region); the page fits the screen.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"the comparison is {width} px wide at 320 px"
    finally:
        context.close()
