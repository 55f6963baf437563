"""An inspection in a real browser: compliance plans it, draws the sample, checks a file and records a finding;
the Kasi who owns the finding reports the follow-up; the inspector closes it and reports. The officer concerned and
the office's head see nothing of the plan."""

from datetime import timedelta

import pytest
from django.utils import timezone

from garda.conftest import assert_accessible, browser_login
from garda.oversight.models import (
    Finding,
    FindingStatus,
    Inspection,
    InspectionStatus,
    IntegritySignal,
    Investigation,
)
from garda.oversight.tests.test_inspections import _processed

pytestmark = pytest.mark.browser


def test_plan_sample_findings_follow_up_and_report(page, personas, offices) -> None:
    _processed(personas, n=6)
    today = timezone.localdate()
    browser_login(page, personas["investigator"])
    page.get_by_role("navigation").get_by_role("link", name="Inspeksi internal").click()
    assert_accessible(page)
    page.get_by_role("link", name="Rencanakan inspeksi").click()
    assert_accessible(page)
    page.get_by_label("Berkala", exact=True).check()
    page.get_by_label("Yang diperiksa").select_option("applications")
    page.get_by_label("Periode berkas dari").fill(today.replace(day=1).isoformat())
    page.get_by_label("Periode berkas sampai").fill(today.isoformat())
    page.get_by_label("Tanggal inspeksi (berkala)").fill(today.isoformat())
    page.get_by_role("button", name="Simpan rencana").click()
    assert "59 berkas" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Tarik sampel").click()
    assert "6 berkas dari populasi 6" in page.locator("main").inner_text()
    assert "Diperiksa ulang" in page.locator("main").inner_text()
    inspection = Inspection.objects.get()
    first = inspection.items.order_by("position").first()
    page.get_by_role("link", name=first.label).click()
    assert_accessible(page)
    for radio in page.get_by_label("Sesuai", exact=True).all():
        radio.check()
    page.locator("input[name=q_app_fees][value=no]").check()
    page.get_by_label("Catatan pemeriksa").fill("Pemohon menyebut membayar Rp500.000 kepada orang di depan kantor.")
    page.get_by_role("button", name="Simpan hasil").click()
    assert_accessible(page)  # the next file's page
    page.goto(f"/pengawasan/inspeksi/{inspection.number}/berkas/{first.position}/")
    assert "Menyimpang" in page.locator("main").inner_text()  # the finding form opens by itself on a deviation
    page.locator("#id_finding-severity").select_option("high")
    page.locator("#id_finding-description").fill("Indikasi pungutan di luar PNBP melalui perantara di depan kantor.")
    page.locator("#id_finding-evidence").fill("Keterangan pemohon pada berkas 1; rekaman CCTV gerbang 08.40.")
    page.locator("#id_finding-owner").select_option(str(personas["kasi"].pk))
    page.get_by_role("button", name="Catat temuan").click()
    assert "Temuan dicatat" in page.locator(".messages").inner_text()
    finding = Finding.objects.get()
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["interviewer"])  # the officer concerned: no inspections, no findings
    assert page.goto(f"/pengawasan/inspeksi/{inspection.number}/").status == 403
    assert page.goto(f"/pengawasan/temuan/{finding.number}/").status == 403
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["kasi"])
    page.get_by_role("navigation").get_by_role("link", name="Temuan inspeksi").click()
    assert_accessible(page)
    page.get_by_role("link", name=finding.number).click()
    assert_accessible(page)
    page.get_by_label("Catatan").fill("Petugas pengamanan ditempatkan di gerbang; papan larangan pungli dipasang.")
    page.get_by_role("button", name="Catat tindak lanjut").click()
    assert "Tindak lanjut dicatat" in page.locator(".messages").inner_text()
    assert page.get_by_role("button", name="Tutup temuan").count() == 0  # the owner does not close it
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, personas["investigator"])
    page.goto(f"/pengawasan/temuan/{finding.number}/")
    page.locator("#id_close-note").fill("Diperiksa di lokasi 3 hari berturut-turut; tidak ada perantara.")
    page.get_by_role("button", name="Tutup temuan").click()
    finding.refresh_from_db()
    assert finding.status == FindingStatus.CLOSED
    for item in inspection.items.filter(result="pending"):
        page.goto(f"/pengawasan/inspeksi/{inspection.number}/berkas/{item.position}/")
        for radio in page.get_by_label("Sesuai", exact=True).all():
            radio.check()
        page.get_by_role("button", name="Simpan hasil").click()
    page.goto(f"/pengawasan/inspeksi/{inspection.number}/")
    page.get_by_label("Kesimpulan dan rekomendasi").fill("Satu penyimpangan (pungutan); pengawasan gerbang diperketat.")
    page.get_by_role("button", name="Buat laporan").click()
    assert "Pengendalian belum efektif" in page.locator("main").inner_text()
    assert_accessible(page)
    inspection.refresh_from_db()
    assert inspection.status == InspectionStatus.REPORTED


def test_a_signal_reviewed_into_an_investigation(page, personas, offices, office_with_one_outlier) -> None:
    today = timezone.localdate()
    browser_login(page, personas["investigator"])
    page.get_by_role("navigation").get_by_role("link", name="Sinyal integritas").click()
    assert_accessible(page)
    page.get_by_text("Hitung sinyal untuk satu kantor dan periode").click()
    page.get_by_label("Periode dari").fill((today - timedelta(days=3)).isoformat())
    page.get_by_label("Periode sampai").fill(today.isoformat())
    page.get_by_role("button", name="Hitung", exact=True).click()
    assert "Sinyal dihitung: 2" in page.locator(".messages").inner_text()
    signal = IntegritySignal.objects.get(metric="high_risk_clearance")
    page.get_by_role("link", name=str(signal)).click()
    assert "11 / 12" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_label("Dugaan pelanggaran yang diperiksa").fill("Meloloskan 11 dari 12 permohonan berisiko tinggi.")
    page.get_by_role("button", name="Buka pemeriksaan").click()
    assert "Diteruskan ke pemeriksaan" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name=Investigation.objects.get().number).click()
    assert "Bambang Susilo" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("navigation").get_by_role("link", name="Statistik pengawasan").click()
    assert "Sinyal integritas" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Keluar").click()

    browser_login(page, office_with_one_outlier["suspect"])  # the officer concerned sees no trace
    assert page.get_by_role("navigation").get_by_role("link", name="Sinyal integritas").count() == 0
    assert page.goto(f"/pengawasan/sinyal/{signal.pk}/").status == 403
