"""Record text never reaches a page as markup: every text field of every record is hostile.

A security review set a young person's preferred name to a `<button formaction=...>`; the
plan section form printed it unescaped in its labels, and a manager's click on "Save"
approved a claim. Here every text column of every record in the access matrix's world is
set to markup, and every page anyone can open is read as every kind of person: the
markup must never arrive as a tag. In the PDFs it must arrive as the words themselves.
"""

import io

import pytest
from django.apps import apps
from django.db import DatabaseError, models, transaction
from pypdf import PdfReader

from pathway import selectors, services, snapshot
from pathway.models import Review, ReviewState
from tests.test_access_matrix import each_page_as_each_role, world  # noqa: F401  (a fixture)

TAG = "<i hx>"
HOSTILE = TAG + "\"'&"
OUR_APPS = {"portal", "notifications", "offer", "pathway", "finance", "rota", "handovers"}
# Columns that are keys or codes, not words a person wrote.
NOT_WORDS = ("token", "hash", "sha256", "key", "secret", "password", "slug", "email", "code")


def text_columns(model):
    for column in model._meta.concrete_fields:
        if not isinstance(column, models.CharField | models.TextField):
            continue
        if column.choices or column.unique or column.primary_key:
            continue
        if any(word in column.name for word in NOT_WORDS):
            continue
        if column.max_length and column.max_length < len(HOSTILE):
            continue
        yield column.name


def make_every_text_hostile() -> int:
    changed = 0
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS or model._meta.proxy:
            continue
        for name in text_columns(model):
            # Some tables refuse changes (the ledger is append-only): leave those as they are.
            try:
                with transaction.atomic():
                    changed += model._base_manager.exclude(**{name: ""}).update(**{name: HOSTILE})
            except DatabaseError:
                continue
    return changed


@pytest.mark.django_db
def test_no_record_text_reaches_a_page_as_markup(client, world):  # noqa: F811
    people = world[0]
    assert make_every_text_hostile() > 50
    # A plan signed now freezes the hostile words into its version (and its PDF).
    review = Review.objects.get(state=ReviewState.AWAITING)
    young_person_pk = review.plan.young_person_id
    read = snapshot.digest(snapshot.to_sign(selectors.plan_detail(young_person_pk), review))
    services.review_sign(review=review, read=read, by=people["manager"])
    leaks, pdfs_shown, pages, escaped = [], 0, 0, 0
    for name, role, _, response in each_page_as_each_role(client, world):
        assert response.status_code < 500, f"{name} as {role}: {response.status_code}"
        kind = response.get("Content-Type", "")
        body = b"".join(response) if response.streaming else response.content
        if kind.startswith("application/pdf"):
            text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
            pdfs_shown += TAG in text
        elif kind.startswith("text/html"):
            pages += 1
            html = body.decode()
            escaped += "&lt;i hx&gt;" in html
            if TAG in html:
                leaks.append(f"{name} as {role}")
    assert pages > 150
    assert escaped > 100, "the hostile words should show, escaped, on most pages"
    assert pdfs_shown >= 1, "the care leaver's plan PDF should show the hostile words as words"
    assert not leaks, "Record text arrived as markup on:\n" + "\n".join(leaks)
