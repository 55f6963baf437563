"""Copies without metadata, made by the worker in a child process under limits; the original stays as evidence."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader, PdfWriter

from garda.whistle import actions, sanitize
from garda.whistle.cleaning import clean_pending
from garda.whistle.models import Attachment, CleanStatus, Report
from garda.whistle.tests.conftest import jpeg_with_gps, submit


def _pdf_with_author() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Author": "Pelapor Rahasia", "/Creator": "Laptop-Kantor-07"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_worker_strips_exif_and_pdf_information_and_keeps_the_original(offices, handlers) -> None:
    photo, pdf = jpeg_with_gps(), _pdf_with_author()
    submit(Client(), offices, attachments=[SimpleUploadedFile("a.jpg", photo), SimpleUploadedFile("b.pdf", pdf)])
    report = Report.objects.get()
    assert set(Attachment.objects.values_list("clean_status", flat=True)) == {CleanStatus.PENDING}
    assert clean_pending(report.pk) == {"done": 2}
    from garda.conftest import PASSWORD

    kabid = handlers["kabid"]
    key = actions.report_key_for_user(report, kabid, actions.do_open_key_pair(kabid, PASSWORD))
    image_att, pdf_att = Attachment.objects.order_by("pk")
    assert image_att.worker_sealed_key is None  # the worker's copy of the file key is gone
    clean_image = actions.file_bytes(image_att, key, clean=True)
    assert not Image.open(io.BytesIO(clean_image)).getexif()
    assert b"KameraRahasia" not in clean_image
    assert actions.file_bytes(image_att, key, clean=False) == photo
    clean_pdf = actions.file_bytes(pdf_att, key, clean=True)
    assert PdfReader(io.BytesIO(clean_pdf)).metadata is None and b"Pelapor Rahasia" not in clean_pdf
    assert len(PdfReader(io.BytesIO(clean_pdf)).pages) == 1


def test_a_file_the_parser_rejects_fails_alone(offices, handlers) -> None:
    broken = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # a PNG signature and nothing after it
    good = jpeg_with_gps()
    submit(Client(), offices, attachments=[SimpleUploadedFile("x.png", broken), SimpleUploadedFile("y.jpg", good)])
    report = Report.objects.get()
    assert clean_pending(report.pk) == {"failed": 1, "done": 1}
    failed = Attachment.objects.get(clean_status=CleanStatus.FAILED)
    assert failed.clean_note and failed.clean_blob == ""


def test_a_decompression_bomb_is_refused_by_the_child() -> None:
    image = Image.new("L", (12000, 12000))  # 144 megapixels, far over the limit, tiny when compressed
    out = io.BytesIO()
    image.save(out, "PNG")
    try:
        sanitize.clean_isolated(out.getvalue(), "image/png")
    except sanitize.SanitizeError as exc:
        assert "DecompressionBomb" in str(exc) or "pixels" in str(exc)
    else:
        raise AssertionError("the bomb was not refused")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2048))
def test_sniff_accepts_only_the_four_kinds(data: bytes) -> None:
    kind = sanitize.sniff(data)
    assert kind is None or kind in sanitize.KINDS
    if kind == "image/jpeg":
        assert data.startswith(b"\xff\xd8\xff")


def _pdf_with_active_content() -> bytes:
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

    def javascript(code: str) -> DictionaryObject:
        return DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)}
        )

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): javascript("app.alert('buka-halaman')")})
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(50), NumberObject(50)]),
            NameObject("/A"): javascript("app.launchURL('http://contoh.invalid/lacak')"),
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    writer._root_object[NameObject("/OpenAction")] = javascript("app.alert('buka-dokumen')")
    writer.add_attachment("sisipan.exe", b"MZ-bukan-program")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_clean_pdf_copy_carries_no_active_content() -> None:
    dirty = _pdf_with_active_content()
    assert b"/JavaScript" in dirty and b"/EmbeddedFile" in dirty
    clean = sanitize.clean_bytes(dirty, "application/pdf")
    for marker in (b"/JavaScript", b"/JS", b"/AA", b"/OpenAction", b"/EmbeddedFile", b"/Annots", b"/Launch"):
        assert marker not in clean, marker
    assert b"buka-halaman" not in clean and b"lacak" not in clean and b"bukan-program" not in clean
    assert len(PdfReader(io.BytesIO(clean)).pages) == 1  # the page itself is kept
