"""A care leaver's own health passport and documents: theirs alone, in plain words."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from notifications.models import Notification
from pathway import services
from pathway.models import Document, NotificationKind
from tests.common.test_file_checks import _pdf_with_javascript
from tests.factories import PNG_BYTES, upload
from tests.helpers import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def test_a_care_leaver_reads_their_own_health_passport_in_plain_words(
    client, young_person, care_leaver, pa, other_young_person, other_care_leaver
):
    services.health_passport_save(
        young_person=young_person,
        fields={"gp": "Dr Amin, Riverside Surgery", "immunisations": "MMR, HPV"},
        revision=0,
        by=pa,
    )
    client.force_login(care_leaver)
    page = client.get(reverse("pathway:my-health")).content.decode()
    assert "Your health" in page
    assert "Your doctor (GP)" in page and "Dr Amin, Riverside Surgery" in page
    assert "Vaccinations" in page and "immunisations" not in page.lower()

    client.force_login(other_care_leaver)
    other = client.get(reverse("pathway:my-health")).content.decode()
    assert "Dr Amin" not in other
    assert "Your PA has not written your health passport yet" in other


def test_a_care_leaver_sees_only_what_they_added_and_what_staff_shared(
    client, young_person, care_leaver, pa, other_young_person, other_pa
):
    kept = services.document_upload(
        young_person=young_person, kind="other", title="Strategy notes", upload=upload(), by=pa
    )
    shared = services.document_upload(
        young_person=young_person,
        kind="health",
        title="GP letter",
        upload=upload(),
        by=pa,
        shared_with_young_person=True,
    )
    theirs = services.document_upload(
        young_person=other_young_person,
        kind="health",
        title="Ryan's letter",
        upload=upload(),
        by=other_pa,
        shared_with_young_person=True,
    )
    assert kept.shared_with_young_person is False  # nothing is shared unless staff choose

    client.force_login(care_leaver)
    page = client.get(reverse("pathway:my-documents")).content.decode()
    assert "GP letter" in page
    assert "Strategy notes" not in page and "Ryan" not in page
    for document in (kept, theirs):
        url = reverse("pathway:my-document-download", args=[document.pk])
        assert client.get(url).status_code == 404

    response = client.get(reverse("pathway:my-document-download", args=[shared.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG_BYTES
    assert "no-store" in response["Cache-Control"]
    reads = LogEntry.objects.get_for_object(shared).filter(action=LogEntry.Action.ACCESS)
    assert [entry.actor for entry in reads] == [care_leaver]


def test_a_care_leaver_adds_a_document_their_pa_is_told_once_and_sees_who_added_it(
    client, young_person, care_leaver, pa
):
    client.force_login(care_leaver)
    response = client.post(
        reverse("pathway:my-document-create"),
        {"title": "College offer", "kind": "education", "file": upload("offer.png")},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.uploaded_by == care_leaver and document.young_person == young_person
    assert "College offer" in client.get(reverse("pathway:my-documents")).content.decode()

    told = Notification.objects.filter(kind=NotificationKind.YOUNG_PERSON_DOCUMENT)
    assert [(n.recipient, n.young_person_id) for n in told] == [(pa, young_person.pk)]
    assert told.get().link == reverse("pathway:health", args=[young_person.pk])

    client.force_login(pa)
    staff_page = client.get(reverse("pathway:health", args=[young_person.pk])).content.decode()
    assert "added by Jade themselves" in staff_page


def test_a_refused_file_gets_a_clear_message_and_nothing_is_saved_or_told(
    client, young_person, care_leaver, pa, settings
):
    client.force_login(care_leaver)
    response = client.post(
        reverse("pathway:my-document-create"),
        {"title": "Letter", "kind": "other", "file": upload("letter.pdf", _pdf_with_javascript())},
    )
    assert response.status_code == 200
    assert "The PDF contains scripts or embedded files" in response.content.decode()
    assert not Document.objects.exists()
    assert not Notification.objects.exists()
    stored = settings.PRIVATE_MEDIA_ROOT
    assert not stored.exists() or not any(path.is_file() for path in stored.rglob("*"))


def test_staff_share_a_document_with_the_young_person_and_stop_sharing_it(
    client, young_person, care_leaver, pa
):
    document = services.document_upload(
        young_person=young_person, kind="housing", title="Tenancy", upload=upload(), by=pa
    )
    share = reverse("pathway:document-share", args=[young_person.pk, document.pk])
    mine = reverse("pathway:my-documents")
    client.force_login(pa)
    assert client.post(share, {"shared": "on"}).status_code == 302
    client.get(reverse("pathway:health", args=[young_person.pk]))  # reads the message shown
    client.force_login(care_leaver)
    assert "Tenancy" in client.get(mine).content.decode()

    client.force_login(pa)
    client.post(share, {}, follow=True)
    client.force_login(care_leaver)
    assert "Tenancy" not in client.get(mine).content.decode()


def test_the_documents_pages_make_the_same_queries_however_many_documents(
    client, young_person, care_leaver, pa
):
    def add_documents():
        for by in (pa, care_leaver):
            services.document_upload(
                young_person=young_person,
                kind="other",
                title="Letter",
                upload=upload(),
                by=by,
                shared_with_young_person=True,
            )

    client.force_login(care_leaver)
    assert_queries_do_not_grow(client, reverse("pathway:my-documents"), add_documents)
    client.force_login(pa)
    assert_queries_do_not_grow(
        client, reverse("pathway:health", args=[young_person.pk]), add_documents
    )
