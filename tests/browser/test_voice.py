"""The young person's voice in a real browser: on a small phone, then without JavaScript."""

import pytest
from django.urls import reverse

from tests.browser.conftest import assert_no_axe_violations, sign_in_as
from tests.factories import voice_catalogue
from voice.models import AnswerSet, CheckIn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_care_leaver_answers_a_checklist_checks_in_and_asks_for_help_now(
    phone_page, no_js_page, live_server, care_leaver
):
    voice_catalogue()  # emptied by the browser tests before this one
    page = phone_page
    sign_in_as(page, live_server, care_leaver)
    page.goto(reverse("portal:my-home"))
    page.get_by_role("link", name="answer a checklist").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Money", exact=True).click()
    for group in page.get_by_role("group").all():
        group.get_by_label("Yes").check()
    page.get_by_role("group", name="I have a bank account").get_by_label("No, I need help").check()
    page.get_by_role("button", name="Save my answers").click()
    assert page.get_by_text("Your answers are saved").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert AnswerSet.objects.get().answers.filter(reply="help").count() == 1

    # Without JavaScript: a check-in, then "I need help now".
    sign_in_as(no_js_page, live_server, care_leaver)
    no_js_page.goto(reverse("voice:my-check-in"))
    no_js_page.get_by_label("Good", exact=True).check()
    no_js_page.get_by_label("Is there anything you need help with?").fill("My gas meter")
    no_js_page.get_by_role("button", name="Send my check-in").click()
    assert no_js_page.get_by_text("Your PA can see your check-in").is_visible()
    no_js_page.goto(reverse("voice:my-help-now"))
    no_js_page.get_by_role("button", name="I need help now").click()
    assert no_js_page.get_by_role("heading", name="We have been told").is_visible()
    assert no_js_page.get_by_text("call 999").is_visible()
    assert CheckIn.objects.filter(help_now=True).count() == 1
    page.goto(reverse("voice:my-help-now"))
    assert_no_axe_violations(page)
