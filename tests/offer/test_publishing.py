"""Draft, approve, publish, sign off: the public only ever sees what a manager approved."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from offer import selectors, services
from offer.models import OfferItemVersion, VersionState
from tests.factories import AuthorityFactory, UserFactory, offer_content, offer_item

pytestmark = pytest.mark.django_db


def public_page(client, item) -> tuple[int, str]:
    response = client.get(reverse("offer:item-detail", args=[item.slug]))
    return response.status_code, response.content.decode()


def edit(item, by, **changes) -> OfferItemVersion | None:
    latest = item.versions.order_by("-number").first()
    return services.item_draft_save(
        item=item,
        content={**latest.content(), **changes},
        owner=item.owner,
        review_by=item.review_by,
        based_on=services.edit_token(item, latest),
        by=by,
    )


def approve(item, by):
    return services.item_approve(item=item, number=item.versions.latest("number").number, by=by)


def test_a_new_item_is_not_public_until_a_manager_approves_it(
    client, authority, offer_editor, manager
):
    item = offer_item(editor=offer_editor, manager=manager, publish=False)
    assert public_page(client, item)[0] == 404
    assert "Setting up home allowance" not in client.get("/offer/money/").content.decode()

    services.item_submit(item=item, by=offer_editor)
    assert public_page(client, item)[0] == 404

    approve(item, manager)
    status, page = public_page(client, item)
    assert status == 200
    assert "Setting up home allowance" in page
    assert "Setting up home allowance" in client.get("/offer/money/").content.decode()


def test_editing_a_published_item_leaves_the_public_version_until_approved(
    client, offer_editor, manager
):
    item = offer_item(editor=offer_editor, manager=manager)
    draft = edit(item, offer_editor, title="Home start grant")
    assert draft.state == VersionState.DRAFT and draft.number == 2

    status, page = public_page(client, item)
    assert "Setting up home allowance" in page and "Home start grant" not in page
    services.item_submit(item=item, by=offer_editor)
    assert "Home start grant" not in public_page(client, item)[1]

    approve(item, manager)
    assert "Home start grant" in public_page(client, item)[1]
    states = dict(item.versions.values_list("number", "state"))
    assert states == {1: VersionState.SUPERSEDED, 2: VersionState.PUBLISHED}


def test_every_save_is_kept_and_a_later_draft_replaces_the_earlier(offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    edit(item, offer_editor, summary="First try.")
    edit(item, offer_editor, summary="Second try.")
    versions = list(item.versions.order_by("number").values_list("summary", "state"))
    assert versions == [
        ("Money to buy what you need for your first home.", VersionState.PUBLISHED),
        ("First try.", VersionState.SUPERSEDED),
        ("Second try.", VersionState.DRAFT),
    ]


def test_saving_only_the_review_date_makes_no_new_version(offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    later = item.review_by + dt.timedelta(days=30)
    result = services.item_draft_save(
        item=item,
        content=item.versions.get().content(),
        owner=item.owner,
        review_by=later,
        based_on=services.edit_token(item, item.versions.get()),
        by=offer_editor,
    )
    item.refresh_from_db()
    assert result is None
    assert item.review_by == later
    assert item.versions.count() == 1


def test_an_edit_from_an_out_of_date_form_is_refused(offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    opened = services.edit_token(item, item.versions.get())
    edit(item, manager, title="Someone else's change")
    with pytest.raises(services.StaleDraftError):
        services.item_draft_save(
            item=item,
            content=offer_content(title="My change"),
            owner=item.owner,
            review_by=item.review_by,
            based_on=opened,
            by=offer_editor,
        )
    assert not item.versions.filter(title="My change").exists()


def test_an_edit_opened_before_someone_checked_the_item_does_not_undo_their_check(
    offer_editor, manager
):
    item = offer_item(editor=offer_editor, manager=manager)
    opened = services.edit_token(item, item.versions.get())
    checked = services.item_mark_reviewed(item=item, by=manager)
    with pytest.raises(services.StaleDraftError):
        services.item_draft_save(
            item=item,
            content=offer_content(title="My change"),
            owner=item.owner,
            review_by=item.review_by,  # the date the form showed, before the check
            based_on=opened,
            by=offer_editor,
        )
    item.refresh_from_db()
    assert item.review_by == checked.review_by


def form_data(form, item, **changes) -> dict:
    """What the edit form would post, as it was opened, with `changes` typed in."""
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        category=item.versions.first().category_id,
        owner=form.initial["owner"],
        review_by_0=item.review_by.day,
        review_by_1=item.review_by.month,
        review_by_2=item.review_by.year,
        legal_statuses=[],
        circumstances=[],
        amount="3000",
        amount_period="once",
        scheme="",
    )
    data.update(changes)
    return data


def test_the_edit_page_keeps_what_was_typed_when_someone_saved_first(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    client.force_login(offer_editor)
    form = client.get(reverse("offer:item-edit", args=[item.pk])).context["form"]
    edit(item, manager, title="Manager's change")
    data = form_data(form, item, title="Editor's change")
    response = client.post(reverse("offer:item-edit", args=[item.pk]), data)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone changed this item while you were editing it" in page
    assert "?from=1&amp;to=2" in page
    assert 'value="Editor&#x27;s change"' in page
    assert not item.versions.filter(title="Editor's change").exists()


def test_only_a_manager_approves(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager, publish=False)
    services.item_submit(item=item, by=offer_editor)
    with pytest.raises(services.OfferError):
        approve(item, offer_editor)
    client.force_login(offer_editor)
    assert client.post(reverse("offer:item-approve", args=[item.pk])).status_code == 403
    assert not item.versions.filter(state=VersionState.PUBLISHED).exists()


def test_a_manager_sends_a_draft_back_with_a_note(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager, publish=False)
    services.item_submit(item=item, by=offer_editor)
    client.force_login(manager)
    response = client.post(
        reverse("offer:item-return", args=[item.pk]),
        {"note": "Add the phone number.", "number": 1},
    )
    assert response.status_code == 302
    draft = item.versions.get()
    assert (draft.state, draft.return_note) == (VersionState.DRAFT, "Add the phone number.")
    client.force_login(offer_editor)
    assert "Add the phone number." in client.get(response.url).content.decode()


def test_sending_back_without_a_note_says_what_is_missing(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager, publish=False)
    services.item_submit(item=item, by=offer_editor)
    client.force_login(manager)
    response = client.post(reverse("offer:item-return", args=[item.pk]), {"note": "", "number": 1})
    assert response.status_code == 400
    assert "Say what needs changing" in response.content.decode()
    assert item.versions.get().state == VersionState.SUBMITTED


def test_the_database_refuses_two_published_versions_of_one_item(offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    draft = edit(item, offer_editor, title="Another")
    draft.state = VersionState.PUBLISHED
    draft.published_at = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        draft.save()


def test_history_and_compare_show_what_changed(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    edit(item, offer_editor, body="You can spend it on a bed, a sofa and a fridge.")
    client.force_login(offer_editor)
    history = client.get(reverse("offer:item-history", args=[item.pk])).content.decode()
    assert "Compare with version 1" in history
    page = client.get(
        reverse("offer:item-compare", args=[item.pk]), {"from": 1, "to": 2}
    ).content.decode()
    assert (
        '<del class="portal-removed"><span class="govuk-visually-hidden">[removed: </span>cooker'
        in page
    )
    assert (
        '<ins class="portal-added"><span class="govuk-visually-hidden">[added: </span>sofa' in page
    )
    assert "Title" not in page  # unchanged fields are not listed


def test_comparing_a_version_that_does_not_exist_is_not_found(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    client.force_login(offer_editor)
    url = reverse("offer:item-compare", args=[item.pk])
    assert client.get(url, {"from": 1, "to": 9}).status_code == 404
    assert client.get(url, {"from": "x"}).status_code == 404


def test_another_councils_items_are_not_found(client, offer_editor, manager):
    elsewhere = AuthorityFactory(name="Elsewhere Council", slug="elsewhere")
    their_editor = UserFactory(role="offer_editor", authority=elsewhere)
    their_manager = UserFactory(role="manager", authority=elsewhere)
    item = offer_item(editor=their_editor, manager=their_manager)
    client.force_login(offer_editor)
    assert client.get(reverse("offer:item-preview", args=[item.pk])).status_code == 404
    assert client.post(reverse("offer:item-submit", args=[item.pk])).status_code == 404


def test_items_past_their_review_date_are_listed_as_stale(client, offer_editor, manager):
    fresh = offer_item(editor=offer_editor, manager=manager, slug="fresh", title="Fresh item")
    stale = offer_item(editor=offer_editor, manager=manager, slug="stale", title="Stale item")
    stale.review_by = timezone.localdate() - dt.timedelta(days=1)
    stale.save()
    assert [i.pk for i in selectors.stale_items(stale.authority, timezone.localdate())] == [
        stale.pk
    ]
    client.force_login(offer_editor)
    page = client.get(reverse("offer:manage")).content.decode()
    stale_section = page.split("Past their review date")[1].split("</table>")[0]
    assert "Stale item" in stale_section and "Fresh item" not in stale_section
    assert "1 of them is yours" in page

    client.post(reverse("offer:item-reviewed", args=[stale.pk]))
    stale.refresh_from_db()
    assert not stale.is_stale and stale.review_by > fresh.review_by


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 24), 6, dt.date(2027, 5, 24)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
    ],
)
def test_the_next_review_date_lands_on_a_real_day(day, months, expected):
    assert services.review_date_after(day, months) == expected


def test_sign_off_is_shown_on_the_public_pages(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    assert "has not been signed off" in client.get("/offer/").content.decode()
    sign_off = services.offer_sign_off(authority=item.authority, by=manager)
    assert list(sign_off.versions.all()) == [item.versions.get()]
    name = escape(manager.get_full_name())  # as the page shows it: O'Neill is O&#x27;Neill
    for url in ("/offer/", "/offer/money/", item.get_absolute_url()):
        assert f"signed off by {name}, manager" in client.get(url).content.decode()


def test_changes_since_sign_off_are_counted_for_managers(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    services.offer_sign_off(authority=item.authority, by=manager)
    edit(item, offer_editor, title="Changed")
    services.item_submit(item=item, by=offer_editor)
    approve(item, manager)
    latest = selectors.latest_sign_off(item.authority)
    assert selectors.changes_since_sign_off(item.authority, latest) == 1
    client.force_login(manager)
    assert "1 published item changed since then" in client.get("/offer/manage/").content.decode()


def test_only_a_manager_signs_off(client, offer_editor, manager):
    offer_item(editor=offer_editor, manager=manager)
    with pytest.raises(services.OfferError):
        services.offer_sign_off(authority=offer_editor.authority, by=offer_editor)
    client.force_login(manager)
    response = client.post(reverse("offer:sign-off"), {"note": "Checked with the forum."})
    assert response.status_code == 302
    assert selectors.latest_sign_off(manager.authority).note == "Checked with the forum."


def test_signing_off_an_empty_offer_explains_why_not(client, manager):
    client.force_login(manager)
    response = client.post(reverse("offer:sign-off"), {"note": ""})
    assert "Nothing is published yet" in response.content.decode()


def test_a_manager_approves_only_the_version_they_read(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager, publish=False)
    services.item_submit(item=item, by=offer_editor)
    client.force_login(manager)
    confirm = client.get(reverse("offer:item-approve", args=[item.pk])).content.decode()
    assert 'name="number" value="1"' in confirm
    # The editor changes and resubmits while the manager is reading version 1.
    edit(item, offer_editor, title="Not what the manager read")
    services.item_submit(item=item, by=offer_editor)

    response = client.post(
        reverse("offer:item-approve", args=[item.pk]), {"number": 1, "seen": "1", "confirm": "yes"}
    )
    assert response.status_code == 302
    assert not item.versions.filter(state=VersionState.PUBLISHED).exists()
    page = client.get(response.url).content.decode()
    assert "The item changed after you opened it" in page


def test_a_manager_cannot_approve_their_own_version(offer_editor, manager, other_manager):
    item = offer_item(editor=offer_editor, manager=manager)
    edit(item, manager, title="My own change")
    services.item_submit(item=item, by=manager)
    with pytest.raises(services.OfferError, match="another manager"):
        approve(item, manager)
    assert approve(item, other_manager).title == "My own change"


def test_changing_a_draft_that_waits_for_approval_says_it_must_be_sent_again(
    client, offer_editor, manager
):
    item = offer_item(editor=offer_editor, manager=manager, publish=False)
    services.item_submit(item=item, by=offer_editor)
    client.force_login(offer_editor)
    form = client.get(reverse("offer:item-edit", args=[item.pk])).context["form"]
    data = form_data(form, item, title="A better title")
    response = client.post(reverse("offer:item-edit", args=[item.pk]), data, follow=True)
    assert "send it for approval again" in response.content.decode()
    assert item.versions.get(state=VersionState.DRAFT).title == "A better title"


def test_an_item_changed_since_the_sign_off_says_so(client, offer_editor, manager):
    item = offer_item(editor=offer_editor, manager=manager)
    services.offer_sign_off(authority=item.authority, by=manager)
    assert "last signed off by" in client.get(item.get_absolute_url()).content.decode()
    edit(item, offer_editor, title="Changed")
    services.item_submit(item=item, by=offer_editor)
    approve(item, manager)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "This page changed after a manager last signed off the whole offer" in page


def test_an_offer_editor_starts_at_the_list_of_items_to_check(client, offer_editor):
    client.force_login(offer_editor)
    assert client.get(reverse("portal:home")).url == reverse("offer:manage")


def test_approval_confirms_what_changed_since_the_published_version(
    client, offer_editor, manager, other_manager
):
    item = offer_item(editor=offer_editor, manager=other_manager)
    edit(item, offer_editor, title="Setting up your first home")
    services.item_submit(item=item, by=offer_editor)
    client.force_login(manager)
    url = reverse("offer:item-approve", args=[item.pk])

    response = client.get(url)
    assert [change.label for change in response.context["changes"]] == ["Title"]
    assert "from version 1" in response.content.decode()
    # The old one-step POST (the version number alone) shows the page again, publishing nothing.
    assert client.post(url, {"number": 2}).status_code == 200
    assert item.versions.get(state=VersionState.PUBLISHED).number == 1

    client.post(url, {"number": 2, "seen": "2", "confirm": "yes"})
    assert item.versions.get(state=VersionState.PUBLISHED).number == 2
