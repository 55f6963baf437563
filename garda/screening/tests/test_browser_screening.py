"""The counter flow in a real browser: an officer keys in an application, sees it screened with its
indicators, evidence and interview guide; the interviewer records the outcome; the queue orders by risk."""

import re

import pytest
from playwright.sync_api import expect

from garda.conftest import assert_accessible, browser_login
from garda.core.models import AuditEvent, User
from garda.intel.imports import store_report
from garda.screening.models import Application

pytestmark = pytest.mark.browser


def test_counter_intake_screening_and_outcome(page, personas: dict[str, User]) -> None:
    store_report(
        {
            "id": "POL-7",
            "agency": "POLRI",
            "received_at": "2026-10-01T10:00:00+07:00",
            "category": "suspected_recruiter",
            "reference": "B/77/X/2026",
            "subjects": [{"role": "recruiter", "full_name": "RAHMAT HIDAYAT", "phone": "081311112222"}],
        },
        source="test",
    )
    browser_login(page, personas["counter"])
    page.get_by_role("navigation").get_by_role("link", name="Loket").click()
    page.wait_for_url("**/penyaringan/loket/")
    assert_accessible(page)
    page.locator("#id_nik").fill("3174064505900001")
    page.get_by_label("Nama lengkap").fill("Siti Aminah")
    page.get_by_label("Jenis kelamin").select_option("F")
    page.locator("#id_birth_date").fill("1990-05-05")
    page.get_by_label("Tempat lahir").fill("Jakarta")
    page.get_by_label("Pekerjaan (sesuai KTP)").fill("BELUM/TIDAK BEKERJA")
    page.locator("input[name=documents][value=ktp]").check()
    page.locator("input[name=documents][value=birth_certificate]").check()
    page.get_by_label("Tanggal lahir pada akta kelahiran/ijazah").fill("2010-05-05")
    page.get_by_label("Tujuan perjalanan").select_option("family_visit")
    page.locator("#id_destination_country").select_option("SA")
    page.get_by_label("Nama pendamping").fill("Rachmat Hidajat")
    page.get_by_label("Telepon pendamping").fill("0813-1111-2222")
    page.get_by_label("Hubungan pendamping").select_option("friend")
    page.get_by_role("button", name="Simpan dan saring").click()
    page.wait_for_url("**/penyaringan/*/")
    text = page.locator("main").inner_text()
    for title in (
        "Dugaan pemalsuan umur",
        "Dokumen wajib tujuan perjalanan tidak ada",
        "Pendamping tercatat sebagai perekrut",
        "Tercatat dalam laporan instansi mitra",
    ):
        assert title in text
    assert not re.search(r"\b(NP|INC|IA|AR|PD)_[A-Z_]+\b|\b(high|medium|postpone)\b", text)
    assert "surat jaminan" in text and "POLRI/POL-7" in text  # the document to request; the report found
    assert page.locator("figure.network svg circle").count() >= 2
    assert_accessible(page)
    app = Application.objects.get()
    assert app.channel == "counter" and app.risk_level == "high"
    assert AuditEvent.objects.filter(action="application.counter", actor_username="loket").count() == 1

    page.get_by_role("button", name="Keluar").click()
    browser_login(page, personas["interviewer"])
    page.get_by_role("navigation").get_by_role("link", name="Antrean penyaringan").click()
    assert_accessible(page)
    page.get_by_role("link", name=f"JAKSEL/{app.external_id}").click()
    page.locator("#id_outcome").select_option("propose_postponement")
    page.get_by_label("Alasan").fill("Akta menunjukkan pemohon belum dewasa; pendamping dilaporkan Polri.")
    page.get_by_role("button", name="Catat hasil").click()
    assert "Hasil pemeriksaan dicatat" in page.locator(".messages").inner_text()
    app.refresh_from_db()
    assert app.outcome == "propose_postponement"


def test_a_sister_keyed_at_the_counter_sees_her_brothers_refusal_as_family_context(
    page, personas: dict[str, User]
) -> None:
    from garda.screening import context as screening_context
    from garda.screening.imports import store_many

    brother = {
        "id": "H-77",
        "office": "CIREBON",
        "submitted_at": "2025-03-01T09:00:00+07:00",
        "applicant": {
            "nik": "3174011503940002",
            "kk_number": "3174012005100007",
            "full_name": "BUDI SANTOSO",
            "sex": "M",
            "birth_date": "1994-03-15",
            "birth_place": "JAKARTA",
            "phone": "081234567001",
            "father_name": "SUTRISNO",
            "mother_name": "SUMARNI",
            "address": {"text": "JL. TEBET BARAT DALAM II NO. 14 RT 005 RW 003, TEBET"},
        },
        "travel": {"purpose": "tourism", "destination_country": "MY"},
        "decision": {"kind": "refused", "decided_at": "2025-03-04T10:00:00+07:00", "categories": ["non_procedural"]},
    }
    store_many([brother], source="test")
    screening_context.forget()
    browser_login(page, personas["counter"])
    page.get_by_role("navigation").get_by_role("link", name="Loket").click()
    page.wait_for_url("**/penyaringan/loket/")
    page.locator("#id_nik").fill("3174014907980003")
    page.get_by_label("Nomor KK").fill("3174012005100007")
    page.get_by_label("Nama lengkap").fill("Siti Rahayu")
    page.get_by_label("Jenis kelamin").select_option("F")
    page.locator("#id_birth_date").fill("1998-07-09")
    page.get_by_label("Tempat lahir").fill("Jakarta")
    page.get_by_label("Alamat").fill("JL. TEBET BARAT DALAM II NO. 14 RT 005 RW 003, TEBET")
    page.get_by_label("Telepon", exact=True).fill("0812-3456-7001")
    page.get_by_label("Nama ayah").fill("Sutrisno")
    page.get_by_label("Nama ibu", exact=True).fill("Sumarni")
    page.get_by_label("Pekerjaan (sesuai KTP)").fill("KARYAWAN SWASTA")
    page.locator("input[name=documents][value=ktp]").check()
    page.get_by_label("Tujuan perjalanan").select_option("tourism")
    page.locator("#id_destination_country").select_option("JP")
    page.get_by_role("button", name="Simpan dan saring").click()
    page.wait_for_url("**/penyaringan/*/")
    family = page.get_by_role("heading", name="Keluarga dengan catatan")
    expect(family).to_be_visible()
    text = page.locator("main").inner_text()
    assert "CIREBON/H-77" in text and "ditolak permohonannya" in text
    assert "PD_EARLIER_DECISION" not in text and "INC_PREVIOUS_PASSPORT_DENIED" not in text
    assert_accessible(page)
    sister = Application.objects.get(external_id__startswith="LKT")
    assert sister.risk_level == "low"


def test_clearing_a_high_flag_takes_the_kasi(page, live_server, personas: dict[str, User]) -> None:
    from garda.screening.tests.test_pages import _queue

    [app] = _queue(1, seed=77)
    Application.objects.filter(pk=app.pk).update(risk_level="high")
    browser_login(page, personas["interviewer"])
    page.goto(f"{live_server.url}/penyaringan/{app.pk}/")
    page.locator("#id_outcome").select_option("proceed")
    page.get_by_label("Alasan").fill("Wawancara mendalam: keterangan konsisten, tiket pulang ada.")
    page.get_by_role("button", name="Catat hasil").click()
    expect(page.get_by_text("Menunggu konfirmasi Kepala Seksi").first).to_be_visible()
    assert page.get_by_role("button", name="Catat konfirmasi").count() == 0  # not the officer's own
    assert_accessible(page)
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["kasi"])
    page.get_by_role("navigation").get_by_role("link", name="Antrean penyaringan").click()
    page.get_by_label("Menunggu konfirmasi Kepala Seksi (semua tanggal)").check()
    page.get_by_role("button", name="Saring").click()
    assert_accessible(page)
    page.get_by_role("link", name=f"JAKSEL/{app.external_id}").click()
    page.locator("#id_clearance-decision").select_option("confirm")
    page.locator("#id_clearance-reason").fill("Bukti cukup; pendamping adalah suami pemohon.")
    page.get_by_role("button", name="Catat konfirmasi").click()
    assert "Konfirmasi dicatat" in page.locator(".messages").inner_text()
    assert_accessible(page)
    app.refresh_from_db()
    assert app.outcome == "proceed"
    assert AuditEvent.objects.filter(action="application.clearance_confirmed", actor_username="kasi").exists()
