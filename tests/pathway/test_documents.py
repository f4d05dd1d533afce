"""Documents: checked by content, kept out of public folders, sent only to who may see them."""

import hashlib
import io
import os
import stat
import zipfile
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from common.uploads import check_upload
from pathway import services
from pathway.models import Document
from tests.factories import PNG_BYTES, docx_bytes, image_bytes, pdf_bytes, upload
from tests.helpers import MadeUpUpload

pytestmark = pytest.mark.django_db


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("run.sh", "echo hello")
    return buffer.getvalue()


ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200
PDF = pdf_bytes()
JPEG = image_bytes("JPEG")
MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("letter.pdf", PDF, "application/pdf"),
        ("photo.jpeg", JPEG, "image/jpeg"),
        ("scan.png", PNG_BYTES, "image/png"),
        (
            "cv.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        # The name does not matter: the content decides.
        ("scan.pdf", PNG_BYTES, "image/png"),
    ],
)
def test_accepted_files_are_known_by_their_content(name, content, content_type):
    assert check_upload(upload(name, content)).content_type == content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", ELF, "must be a PDF, JPEG, PNG or Word"),  # a renamed program
        ("cv.docx", _zip(), "must be a PDF, JPEG, PNG or Word"),  # a ZIP that is not Word
        ("notes.txt", b"just some text", "must be a PDF, JPEG, PNG or Word"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_other_files_are_refused_with_a_clear_message(name, content, message):
    with pytest.raises(ValidationError, match=message):
        check_upload(upload(name, content))


def test_a_file_over_the_limit_is_refused(settings):
    assert settings.UPLOAD_MAX_BYTES == 10 * 1024 * 1024
    big = PDF + b"\x00" * (10 * 1024 * 1024)
    with pytest.raises(ValidationError, match="smaller than 10 MB"):
        check_upload(upload("big.pdf", big))


@pytest.mark.parametrize(
    ("size", "read_at_most"),
    [
        (300 * MB, MB),  # the request says how long it is: no need to read the file at all
        (10 * MB + MB // 2, 10 * MB + MB // 4),  # only counting shows it: stop at the limit
    ],
    ids=["300-mb", "just-over"],
)
def test_a_file_over_the_limit_is_refused_on_the_form_without_being_read(
    client, young_person, pa, size, read_at_most
):
    client.force_login(pa)
    url = reverse("pathway:document-create", args=[young_person.pk])
    body = MadeUpUpload({"title": "Bank statement", "kind": "other"}, field="file", size=size)
    response = body.post(client, url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The file must be smaller than 10 MB" in page
    assert 'value="Bank statement"' in page  # what they typed before the file is kept
    assert body.position < read_at_most < body.length
    assert not Document.objects.exists()


def test_a_picture_is_stored_cleaned_with_the_size_and_checksum_of_what_is_stored(young_person, pa):
    polyglot = image_bytes("PNG") + _zip()
    document = services.document_upload(
        young_person=young_person,
        kind="health",
        title="Scan",
        upload=upload("scan.png", polyglot),
        by=pa,
    )
    with document.file.open("rb") as stored_file:
        stored = stored_file.read()
    assert b"PK\x03\x04" not in stored and stored.startswith(b"\x89PNG")
    assert document.size == len(stored)
    assert document.sha256 == hashlib.sha256(stored).hexdigest()


def test_documents_are_kept_readable_by_the_portal_alone_whatever_the_umask(
    client, young_person, pa
):
    client.force_login(pa)
    url = reverse("pathway:document-create", args=[young_person.pk])
    # A small file is written from memory; one over 2.5 MB is moved from a temporary file.
    big = docx_bytes({"word/media/photo.bin": os.urandom(3 * MB)})
    previous = os.umask(0)
    try:
        for name, content in (("small.png", PNG_BYTES), ("big.docx", big)):
            client.post(url, {"title": name, "kind": "health", "file": upload(name, content)})
    finally:
        os.umask(previous)
    assert Document.objects.count() == 2
    for document in Document.objects.all():
        path = Path(document.file.path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        for folder in (path.parent, Path(settings.PRIVATE_MEDIA_ROOT)):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_an_upload_through_the_page_is_stored_privately_under_a_random_name(
    client, young_person, pa
):
    client.force_login(pa)
    url = reverse("pathway:document-create", args=[young_person.pk])
    refused = client.post(
        url, {"title": "Passport", "kind": "identity", "file": upload("passport.pdf", ELF)}
    )
    assert refused.status_code == 200
    assert "must be a PDF, JPEG, PNG or Word" in refused.content.decode()
    assert not Document.objects.exists()

    response = client.post(
        url, {"title": "GP letter", "kind": "health", "file": upload("jade-okoro-gp.png")}
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert "okoro" not in document.file.name and document.file.name.endswith(".png")
    path = document.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert not path.startswith(str(settings.STATIC_ROOT))


def test_a_download_is_served_to_their_pa_and_audited_but_not_to_another_pa(
    client, young_person, pa, other_pa
):
    document = services.document_upload(
        young_person=young_person, kind="health", title="GP letter", upload=upload(), by=pa
    )
    url = reverse("pathway:document-download", args=[young_person.pk, document.pk])
    client.force_login(other_pa)
    refused = client.get(url)
    assert refused.status_code == 404
    assert not getattr(refused, "streaming", False)
    assert PNG_BYTES not in refused.content

    client.force_login(pa)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG_BYTES
    # Named by its date, not its title: download lists on shared computers are not private.
    named = f'attachment; filename="document-{timezone.localdate():%Y-%m-%d}.png"'
    assert response["Content-Disposition"].startswith(named)
    reads = LogEntry.objects.get_for_object(document).filter(action=LogEntry.Action.ACCESS)
    assert [entry.actor for entry in reads] == [pa]

    # The young person's own documents are not offered through the staff page.
    wrong_person = reverse("pathway:document-download", args=[young_person.pk + 999, document.pk])
    assert client.get(wrong_person).status_code == 404
