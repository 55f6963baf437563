"""What a copy of the database and the file store gives away (nothing of the report), and what the channel records
about the reporter's connection (nothing)."""

import logging
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from garda.whistle.tests.conftest import channel_post, jpeg_with_gps, submit

SECRET_TEXT = "Rahasia-Ĳzer: Pak Zulqorni Wirasatyo menjual paspor di Gang Kelinci № 7"
SECRET_FILE = b"%PDF-1.4\n% bukti-transfer-unik-8f3a2c " + bytes(range(256)) * 40 + b"\n%%EOF\n"
ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 PenandaPeramban-91c2"
REFERRER = "https://contoh.invalid/halaman-rahasia-asal"


def _database_dump() -> bytes:
    """Every value of every table, as bytes (SQLite: the file itself, WAL included; PostgreSQL: a text dump)."""
    if connection.vendor == "sqlite":
        connection.close()
        name = Path(django_settings.DATABASES["default"]["NAME"])
        return b"".join(p.read_bytes() for p in name.parent.glob(name.name + "*"))
    chunks = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        for (table,) in cursor.fetchall():
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for value in row:
                    chunks.append(bytes(value) if isinstance(value, memoryview | bytes) else str(value).encode())
    return b"\n".join(chunks)


def _files() -> bytes:
    return b"".join(p.read_bytes() for p in Path(django_settings.MEDIA_ROOT).rglob("*") if p.is_file())


@pytest.mark.django_db(transaction=True)
def test_a_copy_of_database_and_files_holds_no_report_text_file_or_identity(offices, handlers) -> None:
    client = Client()
    photo = jpeg_with_gps()
    _, receipt = submit(
        client,
        offices,
        what=SECRET_TEXT,
        people="Zulqorni Wirasatyo, 0812-9999-0000, PT Sejahtera Palsu",
        identity_name="Wati Pelapor-Unik",
        identity_contact="wati.unik@contoh.invalid",
        attachments=[SimpleUploadedFile("transfer.pdf", SECRET_FILE), SimpleUploadedFile("foto.jpg", photo)],
    )
    assert receipt
    dump = _database_dump() + _files()
    for secret in (
        SECRET_TEXT,
        "Zulqorni Wirasatyo",
        "Sejahtera Palsu",
        "Wati Pelapor-Unik",
        "wati.unik",
        "transfer.pdf",
    ):
        assert secret.encode() not in dump, secret
    assert SECRET_FILE[20:80] not in dump and photo[100:160] not in dump
    assert receipt.encode() not in dump and receipt.replace("-", "").encode() not in dump


@pytest.mark.django_db(transaction=True)
def test_no_address_browser_or_referrer_is_kept_anywhere(offices, handlers, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT, HTTP_REFERER=REFERRER, HTTP_X_FORWARDED_FOR=ADDRESS)
    client.get("/pengaduan/")
    _, receipt = submit(client, offices, attachments=[SimpleUploadedFile("b.pdf", b"%PDF-1.4\n%%EOF\n")])
    channel_post(client, "/pengaduan/lanjut/", {"receipt": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"})
    channel_post(client, "/pengaduan/lanjut/", {"receipt": receipt})
    channel_post(client, "/pengaduan/kotak/", {"text": "Tambahan keterangan."})
    dump = _database_dump() + _files() + caplog.text.encode()
    for trace in (ADDRESS, AGENT, REFERRER):
        assert trace.encode() not in dump, trace


@pytest.mark.django_db(transaction=True)
def test_the_copy_check_finds_what_is_stored_in_clear(offices, handlers) -> None:
    """The checks above can fail: text stored in clear (an office's name) and a file written as is are found."""
    offices["JAKSEL"].name = "Penanda-Teks-Terbuka"
    offices["JAKSEL"].save()
    plain = Path(django_settings.MEDIA_ROOT) / "whistle" / "kontrol"
    plain.parent.mkdir(parents=True, exist_ok=True)
    plain.write_bytes(SECRET_FILE)
    dump = _database_dump() + _files()
    assert b"Penanda-Teks-Terbuka" in dump and SECRET_FILE[20:80] in dump
