"""What is inside an upload: scripts in PDFs, macros and bombs in Word files, extras in pictures.

Every hostile file is built here, by pypdf, zipfile and Pillow, never copied from elsewhere.
"""

import hashlib
import io
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from PIL import Image, PngImagePlugin
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from common.uploads import check_upload
from tests.factories import docx_bytes, image_bytes, pdf_bytes, upload

PDF_ACTIVE = "The PDF contains scripts or embedded files, which we cannot accept"
PDF_UNREADABLE = "We could not open the PDF"
DOCX_ACTIVE = "The Word document contains macros or embedded objects"
DOCX_TOO_BIG = "The Word document is too big to check"
DOCX_UNREADABLE = "We could not open the Word document"

CATALOG = b"<< /Type /Catalog /Pages 2 0 R %s >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] %s >>"


def _pdf(catalog: bytes = b"", page: bytes = b"", *more: bytes) -> bytes:
    """A PDF written out by hand (objects 1 to 3, then `more`), so that any name can go in."""
    bodies = [CATALOG % catalog, PAGES, PAGE % page, *more]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(bodies) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _pdf_with_object_stream(hidden: bytes) -> bytes:
    """Object 4 (`hidden`, the catalog's open action) packed in compressed object stream 5.

    Its names are then nowhere in the file's bytes; only a reader that unpacks the stream sees them.
    """
    header = b"4 0 "
    packed = zlib.compress(header + hidden)
    bodies = [
        CATALOG % b"/OpenAction 4 0 R",
        PAGES,
        PAGE % b"",
        None,  # object 4 lives inside object 5
        b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (len(header), len(packed), packed),
    ]
    out = bytearray(b"%PDF-1.7\n")
    rows = [b"\x00" + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")]
    for number, body in enumerate(bodies, start=1):
        if body is None:
            rows.append(b"\x02" + (5).to_bytes(4, "big") + (0).to_bytes(2, "big"))
            continue
        rows.append(b"\x01" + len(out).to_bytes(4, "big") + (0).to_bytes(2, "big"))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    rows.append(b"\x01" + xref.to_bytes(4, "big") + (0).to_bytes(2, "big"))
    table = b"".join(rows)
    out += b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(
        table
    )
    out += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _pdf_with_javascript() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_open_action(JavaScript("app.alert('hello');"))
    return pdf_bytes(writer)


def _pdf_with_attachment() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_attachment("run.bat", b"echo hello")
    return pdf_bytes(writer)


def _encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    return pdf_bytes(writer)


@pytest.mark.parametrize(
    "content",
    [
        pdf_bytes(),
        _pdf(),
        _pdf(catalog=b"/OpenAction [3 0 R /Fit]"),  # opens at the first page: harmless
        _pdf(
            page=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] "
            b"/A << /S /URI /URI (https://example.org) >> >>]"
        ),
        _pdf_with_object_stream(b"<< /S /GoTo /D [3 0 R /Fit] >>"),
    ],
    ids=["pypdf", "by-hand", "open-at-page", "link", "object-stream"],
)
def test_a_plain_pdf_is_accepted_as_sent(content):
    checked = check_upload(upload("letter.pdf", content))
    assert checked.content_type == "application/pdf"
    assert checked.file.read() == content
    assert checked.sha256 == hashlib.sha256(content).hexdigest()


@pytest.mark.parametrize(
    "content",
    [
        _pdf_with_javascript(),
        _pdf_with_attachment(),
        _pdf(catalog=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
        _pdf(catalog=b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"),
        _pdf(catalog=b"/OpenAction << /S /Launch /F (cmd.exe) >>"),
        _pdf(page=b"/AA << /O << /S /URI /URI (https://example.org) >> >>"),
        _pdf(page=b"/Annots [<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>]"),
        _pdf(catalog=b"/AcroForm << /Fields [] /XFA [(template) (data)] >>"),
        _pdf(catalog=b"/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>"),
        _pdf_with_object_stream(b"<< /S /JavaScript /JS (app.alert(1)) >>"),
        _pdf(catalog=b"/OpenAction << /S /GoToR /F (\\\\host\\share\\x.pdf) /D [0 /Fit] >>"),
        _pdf(page=b"/Annots [<< /Type /Annot /Subtype /Widget /A << /S /SubmitForm >> >>]"),
    ],
    ids=[
        "pypdf-javascript",
        "pypdf-attachment",
        "open-action-javascript",
        "escaped-names",
        "launch",
        "additional-actions",
        "rich-media",
        "xfa-form",
        "embedded-files",
        "javascript-in-object-stream",
        "open-another-file-on-a-share",
        "submit-form",
    ],
)
def test_a_pdf_with_scripts_or_embedded_files_is_refused(content):
    with pytest.raises(ValidationError, match=PDF_ACTIVE):
        check_upload(upload("letter.pdf", content))


def test_a_pdf_that_cannot_be_read_or_is_encrypted_is_refused():
    for content in (b"%PDF-1.7\nnot really a PDF at all\n", _encrypted_pdf()):
        with pytest.raises(ValidationError, match=PDF_UNREADABLE):
            check_upload(upload("letter.pdf", content))


CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{}</Types>'
)
MAIN = '<Override PartName="/word/document.xml" ContentType="{}"/>'
RELATIONSHIPS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/{}" Target="{}"/></Relationships>'
)
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def test_a_plain_word_document_and_one_with_a_chart_are_accepted():
    chart = {
        "word/charts/chart1.xml": "<c:chartSpace/>",
        "word/embeddings/Microsoft_Excel_Worksheet.xlsx": b"PK\x05\x06" + b"\x00" * 18,
        "word/charts/_rels/chart1.xml.rels": RELATIONSHIPS.format(
            "package", "../embeddings/Microsoft_Excel_Worksheet.xlsx"
        ),
    }
    for content in (
        docx_bytes(content_types=CONTENT_TYPES.format(MAIN.format(WORD))),
        docx_bytes(chart),
    ):
        assert check_upload(upload("cv.docx", content)).file.read() == content


@pytest.mark.parametrize(
    ("parts", "content_types"),
    [
        ({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}, "<Types/>"),
        (
            {},
            CONTENT_TYPES.format(
                MAIN.format("application/vnd.ms-word.document.macroEnabled.main+xml")
            ),
        ),
        # An escaped letter in the content type is still read as the letter.
        (
            {},
            CONTENT_TYPES.format(
                MAIN.format("application/vnd.ms-word.document.macroEn&#x61;bled.main+xml")
            ),
        ),
        ({"word/activeX/activeX1.xml": "<ax:ocx/>"}, "<Types/>"),
        ({"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}, "<Types/>"),
        (
            {"word/_rels/document.xml.rels": RELATIONSHIPS.format("oleObject", "media/x.png")},
            "<Types/>",
        ),
        (
            {"word/_rels/document.xml.rels": RELATIONSHIPS.format("package", "media/x.docm")},
            "<Types/>",
        ),
    ],
    ids=[
        "vba-project",
        "macro-enabled",
        "macro-enabled-escaped",
        "activex",
        "ole-object",
        "ole-relationship",
        "embedded-package",
    ],
)
def test_a_word_document_with_macros_or_objects_is_refused(parts, content_types):
    with pytest.raises(ValidationError, match=DOCX_ACTIVE):
        check_upload(upload("cv.docx", docx_bytes(parts, content_types=content_types)))


def _docx_with_many_parts(count: int) -> bytes:
    return docx_bytes({f"word/media/part{n}.xml": "<x/>" for n in range(count)})


@pytest.mark.parametrize(
    "content",
    [
        docx_bytes(
            {"word/media/zeros.xml": b"\x00" * (51 * 1024 * 1024)}
        ),  # 50 KB expands to 51 MB
        docx_bytes({"word/media/zeros.xml": b" " * (2 * 1024 * 1024)}),  # 2 MB from 2 KB
        _docx_with_many_parts(1000),
    ],
    ids=["expands-past-50-mb", "absurd-ratio", "too-many-parts"],
)
def test_a_word_document_that_expands_too_far_is_refused(content):
    assert len(content) < 1024 * 1024
    with pytest.raises(ValidationError, match=DOCX_TOO_BIG):
        check_upload(upload("cv.docx", content))


def test_a_word_document_with_a_document_type_declaration_is_refused():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Types>&lol2;</Types>'
    )
    with pytest.raises(ValidationError, match=DOCX_UNREADABLE):
        check_upload(upload("cv.docx", docx_bytes(content_types=laughs)))


def _stored_picture(content: bytes, name: str) -> tuple[bytes, Image.Image]:
    checked = check_upload(upload(name, content))
    stored = checked.file.read()
    assert checked.sha256 == hashlib.sha256(stored).hexdigest() and checked.size == len(stored)
    return stored, Image.open(io.BytesIO(stored))


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<html><script>alert(1)</script></html>")
    return buffer.getvalue()


HTML = b"<html><script>alert(1)</script></html>"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.png", image_bytes("PNG") + _zip_bytes()),
        ("photo.jpg", image_bytes("JPEG") + _zip_bytes()),
        ("photo.jpg", image_bytes("JPEG") + _pdf()),
        ("photo.png", image_bytes("PNG") + HTML),
        ("photo.jpg", image_bytes("JPEG", comment=_pdf())),
    ],
    ids=["png-zip", "jpeg-zip", "jpeg-pdf", "png-html", "jpeg-pdf-inside"],
)
def test_a_picture_is_kept_without_anything_hidden_after_or_inside_it(name, content):
    stored, picture = _stored_picture(content, name)
    assert picture.size == (20, 10)
    for signature in (b"PK\x03\x04", b"PK\x05\x06", b"%PDF", b"<html", b"<script"):
        assert signature not in stored


def test_html_hidden_in_a_png_text_chunk_is_removed():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", HTML.decode())
    stored, picture = _stored_picture(image_bytes("PNG", pnginfo=info), "photo.png")
    assert b"<script" not in stored and not picture.text


def test_a_photo_loses_where_it_was_taken_and_is_turned_the_way_the_phone_held_it():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90 degrees clockwise to view
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPS
    exif[0x010F] = "PhoneMaker"
    stored, picture = _stored_picture(image_bytes("JPEG", exif=exif.tobytes()), "photo.jpg")
    assert picture.size == (10, 20)
    assert not picture.getexif() and b"PhoneMaker" not in stored


def test_a_picture_too_big_to_open_safely_is_refused():
    buffer = io.BytesIO()
    Image.new("1", (8000, 8000)).save(buffer, "PNG")  # 64 megapixels in a few kilobytes
    with pytest.raises(ValidationError, match="The picture is too big"):
        check_upload(upload("photo.png", buffer.getvalue()))


def test_a_picture_that_cannot_be_opened_is_refused():
    # A picture cut short is drawn as far as it goes: WeasyPrint tells Pillow to allow that.
    content = image_bytes("PNG")[:16] + b"not the rest of a picture"
    with pytest.raises(ValidationError, match="We could not open the picture"):
        check_upload(upload("photo.png", content))
