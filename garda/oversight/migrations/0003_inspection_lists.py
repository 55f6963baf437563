"""The inspection checklists (questions per SOP step) and the sampling parameters, as editable lists (version 1)."""

from django.db import migrations

from garda.core.migration_helpers import add_reference_list


def q(code, scope, step_id, step_en, title_id, title_en):
    return {"code": code, "scope": scope, "step_id": step_id, "step_en": step_en, "title_id": title_id,
            "title_en": title_en}


CHECKLISTS = [
    q("app_identity", "applications", "Loket: verifikasi identitas", "Counter: identity check",
      "Identitas pemohon dicocokkan dengan KTP, KK dan akta asli; data sama dengan formulir",
      "The applicant's identity was matched with the original KTP, KK and birth certificate; the form agrees"),
    q("app_documents", "applications", "Loket: dokumen tujuan perjalanan", "Counter: documents for the purpose",
      "Dokumen pendukung sesuai tujuan perjalanan diperiksa (SE IMI-0277.GR.02.06/2017)",
      "The documents the travel purpose requires were checked (SE IMI-0277.GR.02.06/2017)"),
    q("app_screening", "applications", "Wawancara: hasil penyaringan", "Interview: the screening result",
      "Setiap indikasi penyaringan ditanyakan dan jawabannya dicatat",
      "Every screening indication was asked about and the answer recorded"),
    q("app_interview", "applications", "Wawancara: pencatatan", "Interview: the record",
      "Catatan wawancara memuat tujuan, penjamin/sponsor, biaya dan kontak di negara tujuan",
      "The interview notes give the purpose, the sponsor, who pays and the contact abroad"),
    q("app_clearance", "applications", "Wawancara: risiko tinggi", "Interview: high risk",
      "Risiko tinggi yang dilanjutkan dikonfirmasi pejabat kedua dengan alasan tertulis",
      "A high-risk application that went ahead was confirmed by a second official with a written reason"),
    q("app_fees", "applications", "Pembayaran", "Payment",
      "Tidak ada tanda pungutan di luar PNBP (kuitansi, keterangan pemohon, catatan)",
      "No sign of any charge beyond the official fee (receipts, the applicant's account, notes)"),
    q("app_timing", "applications", "Waktu proses", "Processing time",
      "Waktu proses wajar untuk wawancara yang dicatat (tidak selesai dalam beberapa menit tanpa wawancara)",
      "The processing time fits the interview recorded (not done in minutes without an interview)"),
    q("dec_grounds", "decisions", "Usulan: alasan dan dasar hukum", "Proposal: grounds and legal basis",
      "Alasan keputusan sesuai fakta yang dicatat dan dasar hukumnya tepat",
      "The grounds fit the facts recorded and the legal basis is the right one"),
    q("dec_four_eyes", "decisions", "Pemeriksaan dan persetujuan", "Check and approval",
      "Pembuat, pemeriksa dan penyetuju berbeda orang; tiap langkah dalam tenggat",
      "Maker, checker and approver are different people; each step within its deadline"),
    q("dec_bap", "decisions", "Berita acara pemeriksaan", "Examination record",
      "Pembatalan didahului BAP yang ditandatangani pemeriksa",
      "A cancellation was preceded by an examination record signed by the examiner"),
    q("dec_letter", "decisions", "Pemberitahuan", "Notice",
      "Surat pemberitahuan disampaikan dan memuat hak serta tenggat keberatan",
      "The notice was delivered and states the right and the period to object"),
    q("cash_official", "cash", "Pembayaran PNBP", "Official fee",
      "PNBP dibayar hanya melalui bank atau kanal resmi; petugas tidak menerima uang tunai",
      "The fee is paid only through a bank or official channel; no officer takes cash"),
    q("cash_receipts", "cash", "Bukti bayar", "Receipts",
      "Setiap pembayaran hari itu punya bukti setor yang cocok dengan permohonannya",
      "Every payment of the day has a receipt that matches its application"),
    q("cash_signage", "cash", "Informasi publik", "Public notices",
      "Papan tarif resmi dan larangan pungli terpasang dan terbaca di area layanan",
      "The official fee board and the no-extortion notice are up and legible in the service area"),
    q("cash_desk", "cash", "Meja layanan", "Service desk",
      "Tidak ada uang tunai yang tidak dapat dijelaskan di meja atau laci petugas (pemeriksaan mendadak)",
      "No unexplained cash on the officers' desks or drawers (surprise check)"),
    q("queue_order", "queue", "Antrean", "Queue",
      "Nomor antrean dilayani berurutan; tidak ada berkas titipan yang didahulukan",
      "Queue numbers are served in order; no files handed in by others are put ahead"),
    q("queue_agents", "queue", "Area layanan", "Service area",
      "Tidak ada calo atau biro jasa di area layanan, atau satu orang yang menyerahkan banyak berkas",
      "No brokers or agencies in the service area, nor one person handing in many files"),
    q("queue_priority", "queue", "Layanan prioritas", "Priority service",
      "Layanan prioritas (lansia, disabilitas, ibu hamil, anak) sesuai ketentuan dan tercatat",
      "Priority service (elderly, disabled, pregnant women, children) follows the rules and is recorded"),
    q("queue_cctv", "queue", "Rekaman", "Recording",
      "Rekaman CCTV area antrean tersedia untuk hari yang diperiksa",
      "The queue area's CCTV recording is there for the day inspected"),
]


def p(code, value, unit, title_id, title_en, uncertain=False):
    return {"code": code, "value": value, "unit": unit, "title_id": title_id, "title_en": title_en,
            "uncertain": uncertain}


PARAMETERS = [
    p("confidence_percent", 95, "%", "Tingkat keyakinan sampel", "Sampling confidence"),
    p("tolerable_percent", 5, "%", "Tingkat penyimpangan yang dapat ditoleransi", "Tolerable deviation rate"),
    p("expected_percent", 0, "%", "Tingkat penyimpangan yang diperkirakan", "Expected deviation rate"),
    p("weight_high_risk_clearance", 20, "×", "Bobot strata: risiko tinggi yang dilanjutkan",
      "Stratum weight: high-risk applications that went ahead", True),
    p("weight_override", 10, "×", "Bobot strata: berbeda dari rekomendasi penyaringan",
      "Stratum weight: outcome against the screening's recommendation", True),
    p("weight_fast", 5, "×", "Bobot strata: diproses sangat cepat", "Stratum weight: processed very fast", True),
    p("weight_rejected", 10, "×", "Bobot strata: usulan keputusan yang tidak disetujui",
      "Stratum weight: decision proposals not approved", True),
    p("weight_cancellation", 5, "×", "Bobot strata: pembatalan", "Stratum weight: cancellations", True),
    p("weight_postponement", 2, "×", "Bobot strata: penundaan", "Stratum weight: postponements", True),
    p("weight_other", 1, "×", "Bobot strata: lainnya", "Stratum weight: the rest"),
    p("fast_processing_minutes", 5, "menit", "Diproses sangat cepat: wawancara dicatat kurang dari",
      "Processed very fast: interview outcome recorded within", True),
    p("surprise_window_working_days", 20, "hari kerja", "Inspeksi mendadak diundi di antara hari kerja berikut",
      "A surprise inspection's day is drawn among the coming working days"),
    p("finding_due_days_low", 30, "hari kerja", "Batas tindak lanjut temuan rendah", "Follow-up due, low finding", True),
    p("finding_due_days_medium", 20, "hari kerja", "Batas tindak lanjut temuan sedang",
      "Follow-up due, medium finding", True),
    p("finding_due_days_high", 10, "hari kerja", "Batas tindak lanjut temuan tinggi", "Follow-up due, high finding",
      True),
    p("finding_due_days_critical", 5, "hari kerja", "Batas tindak lanjut temuan kritis",
      "Follow-up due, critical finding", True),
]


def load(apps, schema_editor):
    add_reference_list(
        schema_editor,
        key="inspection_checklists",
        kind="checklists",
        titles=("Daftar periksa inspeksi internal", "Internal inspection checklists"),
        descriptions=(
            "Pertanyaan yang dijawab pemeriksa untuk setiap berkas atau hari sampel, per langkah SOP.",
            "The questions an inspector answers for each sampled file or day, by SOP step.",
        ),
        items=CHECKLISTS,
        source="SOP pelayanan paspor; SE IMI-0277.GR.02.06/2017; komitmen integritas Kanim Jakarta Selatan (2025).",
        note="Versi awal yang dikirim bersama Garda; sesuaikan dengan SOP kantor.",
        effective_from="2025-01-01",
    )
    add_reference_list(
        schema_editor,
        key="inspection_parameters",
        kind="parameters",
        titles=("Parameter sampel dan tindak lanjut inspeksi", "Inspection sampling and follow-up parameters"),
        descriptions=(
            "Tingkat keyakinan dan penyimpangan (sampel atribut: 95 %/5 %/0 % memberi 59 berkas), bobot strata "
            "risiko, dan batas waktu tindak lanjut temuan.",
            "Confidence and deviation rates (attribute sampling: 95 %/5 %/0 % gives 59 files), risk stratum "
            "weights, and follow-up deadlines of findings.",
        ),
        items=PARAMETERS,
        source="Tabel sampel atribut (AICPA); bobot dan tenggat: usulan Garda, perlu ditetapkan Direktorat Kepatuhan "
        "Internal.",
        note="Versi awal yang dikirim bersama Garda.",
        effective_from="2025-01-01",
    )


class Migration(migrations.Migration):
    dependencies = [("oversight", "0002_inspections"), ("core", "0003_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
