"""Files people upload: checked by what they contain, kept where the web server cannot serve them.

Documents live under `PRIVATE_MEDIA_ROOT`, never under MEDIA_ROOT or STATIC_ROOT, and are
only ever sent by a view that checks permission and audits the download.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import FileResponse
from django.utils.datastructures import MultiValueDict

from common import file_checks

# What we accept, by content: the type the bytes show -> (content type, extension, name).
ACCEPTED = {
    "pdf": ("application/pdf", ".pdf", "PDF"),
    "jpg": ("image/jpeg", ".jpg", "JPEG"),
    "png": ("image/png", ".png", "PNG"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
        "Word (DOCX)",
    ),
}
ACCEPTED_NAMES = "PDF, JPEG, PNG or Word (DOCX)"
# What each type's content must pass; each returns the file to keep (a picture is redrawn).
CONTENT_CHECKS: dict[str, Callable[[File], File]] = {
    "pdf": file_checks.check_pdf,
    "jpg": partial(file_checks.clean_image, image_format="JPEG"),
    "png": partial(file_checks.clean_image, image_format="PNG"),
    "docx": file_checks.check_docx,
}


class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT (read each time, so tests can point it elsewhere).

    There is no URL for them: `url()` refuses, so a template cannot link to one by mistake.
    Only the portal's own user may read them, whatever the umask or FILE_UPLOAD_PERMISSIONS.
    """

    file_permissions_mode = 0o600
    directory_permissions_mode = 0o700

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view.")


private_storage = PrivateStorage()


class UploadLimitHandler(FileUploadHandler):
    """Stops reading a request as soon as its files are known to pass UPLOAD_MAX_BYTES.

    It comes first in FILE_UPLOAD_HANDLERS, so nothing past the limit is read or kept. The
    form then gets a stand-in from `uploaded_files`, which check_upload refuses as too large.
    """

    refused: UploadedFile | None = None

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request_length = content_length
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        # The other fields are at most DATA_UPLOAD_MAX_MEMORY_SIZE: the rest must be file.
        fields = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if fields is not None and self.request_length > settings.UPLOAD_MAX_BYTES + fields:
            self._refuse(size=self.request_length)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            self._refuse(size=self.received)
        return raw_data

    def file_complete(self, file_size):
        return None

    def _refuse(self, *, size: int):
        self.refused = UploadedFile(io.BytesIO(), name=self.file_name, size=size)
        # Otherwise Django would read the rest of the body to throw it away.
        raise StopUpload(connection_reset=True)


def uploaded_files(request) -> MultiValueDict:
    """request.FILES, with a stand-in for a file that UploadLimitHandler stopped reading.

    Without it the form would see no file at all, and ask for one, or make a claim without
    its receipt. The stand-in is empty and as large as we know the file was.
    """
    files = request.FILES
    for handler in request.upload_handlers:
        if isinstance(handler, UploadLimitHandler) and handler.refused is not None:
            files = files.copy()
            files[handler.field_name] = handler.refused
    return files


@dataclass(frozen=True)
class CheckedFile:
    """What to store: `file`, which may differ from the upload, and its type, size and checksum."""

    file: File
    content_type: str
    extension: str
    size: int
    sha256: str


def _is_docx(upload: UploadedFile) -> bool:
    """A DOCX is a ZIP holding a Word document part; any other ZIP is not one."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and "word/document.xml" in names


def check_upload(upload: UploadedFile | None) -> CheckedFile:
    """The file to store, with its real type and size, or a ValidationError saying what is wrong.

    A picture is drawn again from its pixels, so what is stored is not what was sent: callers
    must store `file`, not the upload.
    """
    if upload is None:
        raise ValidationError("Choose a file to upload")
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size == 0:
        raise ValidationError("The file is empty. Choose another file")
    if upload.size > limit:
        raise ValidationError(f"The file must be smaller than {limit // (1024 * 1024)} MB")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    found = kind.extension if kind else None
    if found in ("zip", "docx"):
        # Only a ZIP with a Word document part is a DOCX, whatever its first bytes say.
        found = "docx" if _is_docx(upload) else None
    if found not in ACCEPTED:
        raise ValidationError(f"The file must be a {ACCEPTED_NAMES}")
    content_type, extension, _ = ACCEPTED[found]
    kept = CONTENT_CHECKS[found](upload)
    digest = hashlib.sha256()
    for chunk in kept.chunks():
        digest.update(chunk)
    kept.seek(0)
    return CheckedFile(
        file=kept,
        content_type=content_type,
        extension=extension,
        size=kept.size,
        sha256=digest.hexdigest(),
    )


def private_file_response(file, *, name: str, content_type: str):
    """Send a private file as a download named `name` plus its stored extension.

    Only views that have checked permission and written the audit entry call this.
    """
    extension = file.name.rsplit(".", 1)[-1]
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=f"{name}.{extension}",
        content_type=content_type,
    )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
