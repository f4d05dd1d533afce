"""What is inside an upload: scripts, macros and hidden extras, refused or removed.

Each check is given a file whose type its first bytes already showed. It returns the file to
keep, or raises a ValidationError that says plainly what to do instead.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from PIL import Image, ImageOps
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

PDF_ACTIVE = (
    "The PDF contains scripts or embedded files, which we cannot accept. "
    "Save it again as a plain PDF (for example, print it to PDF) and upload that."
)
PDF_UNREADABLE = (
    "We could not open the PDF. It may be damaged or protected by a password. "
    "Save it again as a plain PDF (for example, print it to PDF) and upload that."
)
DOCX_ACTIVE = (
    "The Word document contains macros or embedded objects, which we cannot accept. "
    "Save it as a PDF and upload that."
)
DOCX_TOO_BIG = (
    "The Word document is too big to check once it is opened. Save it as a PDF and upload that."
)
DOCX_UNREADABLE = "We could not open the Word document. Save it as a PDF and upload that."
IMAGE_TOO_BIG = (
    "The picture is too big. Take it again at a smaller size, or take a screenshot of it, "
    "and upload that."
)
IMAGE_UNREADABLE = (
    "We could not open the picture. Take it again, or save it again, and upload that."
)

# Names that make a PDF act when it is opened or clicked, or carry other files: as keys (/JS,
# /AA, /XFA, /EmbeddedFiles) or as values (/S /JavaScript, /S /Launch, /Type /EmbeddedFile,
# /Subtype /RichMedia). An /OpenAction that only turns to a page is harmless and common.
PDF_ACTIVE_NAMES = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/AA",
        "/Launch",
        "/EmbeddedFile",
        "/EmbeddedFiles",
        "/RichMedia",
        "/XFA",
        # Actions that open another file or send the form somewhere: on a staff desktop a
        # link to a network share gives away the person's Windows sign-in.
        "/GoToR",
        "/GoToE",
        "/SubmitForm",
        "/ImportData",
    }
)

# A Word document is a ZIP; a small one can expand to fill a disk or a reader's memory.
DOCX_MAX_PARTS = 1000
DOCX_MAX_EXPANDED_BYTES = 50 * 1024 * 1024
DOCX_MAX_RATIO = 100  # for parts over DOCX_RATIO_FROM_BYTES; Word's own XML is nearer 10
DOCX_RATIO_FROM_BYTES = 1024 * 1024
# Macros, ActiveX controls and OLE objects, found by part name, content type or relationship.
DOCX_ACTIVE_PART_WORDS = ("vbaproject", "vbadata", "activex", "oleobject")
DOCX_ACTIVE_TYPE_WORDS = ("macroenabled", "vbaproject", "activex", "oleobject")
DOCX_ACTIVE_RELATIONSHIPS = frozenset(
    {
        "vbaproject",
        "wordvbadata",
        "activexcontrol",
        "activexcontrolbinary",
        "oleobject",
        "control",
        "package",
    }
)
# A chart keeps its figures in an embedded workbook (a "package"); anywhere else it is an object.
DOCX_CHART_RELATIONSHIPS = "word/charts/_rels/"

# Phones take 12 to 50 megapixels; more is a picture built to exhaust the server's memory.
IMAGE_MAX_PIXELS = 50_000_000
JPEG_QUALITY = 90


@contextmanager
def _unreadable(message: str):
    """Any error from a parser reading a hostile file means we cannot vouch for the file."""
    try:
        yield
    except ValidationError:
        raise
    except Exception as error:
        raise ValidationError(message) from error


def _pdf_names(reader: PdfReader) -> Iterator[str]:
    """Every name, key or value, in every object the cross-reference lists, and in the trailer.

    Objects kept inside compressed object streams are listed in `xref_objStm`. pypdf has
    already decoded escaped names such as /J#61vaScript.
    """
    pending = [reader.trailer]
    for generation, numbers in reader.xref.items():
        pending.extend(reader.get_object(IndirectObject(n, generation, reader)) for n in numbers)
    pending.extend(reader.get_object(IndirectObject(n, 0, reader)) for n in reader.xref_objStm)
    while pending:
        item = pending.pop()
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                yield key
                pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(item)
        elif isinstance(item, NameObject):
            yield item


def check_pdf(upload: File) -> File:
    """The PDF as sent, unless it has scripts or files inside, is encrypted or cannot be read."""
    upload.seek(0)
    with _unreadable(PDF_UNREADABLE):
        reader = PdfReader(upload)
        if reader.is_encrypted:
            raise ValidationError(PDF_UNREADABLE)
        if not reader.pages:
            raise ValidationError(PDF_UNREADABLE)
        is_active = any(name in PDF_ACTIVE_NAMES for name in _pdf_names(reader))
    upload.seek(0)
    if is_active:
        raise ValidationError(PDF_ACTIVE)
    return upload


def _xml_attributes(data: bytes) -> list[dict[str, str]]:
    """The attributes of every element, refusing a DTD, so that no entity can expand."""
    found = []

    def refuse(*args):
        raise ValueError("A document type declaration in a Word document's part")

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = lambda name, attributes: found.append(attributes)
    parser.Parse(data, True)
    return found


def _is_too_big(parts: list[zipfile.ZipInfo]) -> bool:
    if len(parts) > DOCX_MAX_PARTS:
        return True
    if sum(part.file_size for part in parts) > DOCX_MAX_EXPANDED_BYTES:
        return True
    return any(
        part.file_size > DOCX_RATIO_FROM_BYTES
        and part.file_size > DOCX_MAX_RATIO * max(part.compress_size, 1)
        for part in parts
    )


def _is_active_relationship(part: str, relationship_type: str) -> bool:
    kind = relationship_type.rsplit("/", 1)[-1].lower()
    if kind == "package" and part.startswith(DOCX_CHART_RELATIONSHIPS):
        return False
    return kind in DOCX_ACTIVE_RELATIONSHIPS


def _has_active_content(archive: zipfile.ZipFile) -> bool:
    """Macros, ActiveX controls or OLE objects, by part name, content type or relationship."""
    for name in archive.namelist():
        lowered = name.lower()
        if any(word in lowered for word in DOCX_ACTIVE_PART_WORDS):
            return True
        if lowered == "[content_types].xml":
            for attributes in _xml_attributes(archive.read(name)):
                content_type = attributes.get("ContentType", "").lower()
                if any(word in content_type for word in DOCX_ACTIVE_TYPE_WORDS):
                    return True
        elif lowered.endswith(".rels"):
            for attributes in _xml_attributes(archive.read(name)):
                if _is_active_relationship(lowered, attributes.get("Type", "")):
                    return True
    return False


def check_docx(upload: File) -> File:
    """The Word document as sent, unless it has macros or objects inside, or expands too far."""
    upload.seek(0)
    with _unreadable(DOCX_UNREADABLE), zipfile.ZipFile(upload) as archive:
        parts = archive.infolist()
        if _is_too_big(parts):
            raise ValidationError(DOCX_TOO_BIG)
        if any(p.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for p in parts):
            raise ValidationError(DOCX_UNREADABLE)
        # Reading every part checks that it really is the size and checksum it says it is.
        if archive.testzip() is not None:
            raise ValidationError(DOCX_UNREADABLE)
        is_active = _has_active_content(archive)
    upload.seek(0)
    if is_active:
        raise ValidationError(DOCX_ACTIVE)
    return upload


def clean_image(upload: File, *, image_format: str) -> File:
    """The picture drawn again from its pixels, without anything hidden after or around it.

    That also drops the details a phone adds (where the photo was taken, the camera); the
    photo is turned first the way the phone said it should be seen.
    """
    upload.seek(0)
    with _unreadable(IMAGE_UNREADABLE):
        try:
            image = Image.open(upload, formats=[image_format])
        except Image.DecompressionBombError as error:
            raise ValidationError(IMAGE_TOO_BIG) from error
        with image:
            if image.width * image.height > IMAGE_MAX_PIXELS:
                raise ValidationError(IMAGE_TOO_BIG)
            drawn = ImageOps.exif_transpose(image)
        # Pillow writes some of what it read (a JPEG's comment, a PNG's colour profile) back out.
        drawn.info = {key: value for key, value in drawn.info.items() if key == "transparency"}
        options = {}
        if image_format == "JPEG":
            options["quality"] = JPEG_QUALITY
            if drawn.mode not in ("L", "RGB"):
                drawn = drawn.convert("RGB")
        cleaned = io.BytesIO()
        drawn.save(cleaned, image_format, **options)
    upload.seek(0)
    return ContentFile(cleaned.getvalue())
