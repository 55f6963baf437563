"""Screening's rules as reference lists: thresholds, the interview-note words and licensed tour operators (version
1 each), and version 2 of the required documents, in which a family visit is shown by a guarantee letter *or* an
invitation letter and every code says which documents meet it."""

import json
from pathlib import Path

from django.db import migrations

from garda.core.migration_helpers import add_reference_list, revise_shipped_list

THRESHOLDS = [
    {"code": "window_days", "value": 90, "unit": "hari", "uncertain": True,
     "title_id": "Jangka waktu 'baru-baru ini' untuk pendamping dan telepon yang sama",
     "title_en": "How far back and ahead a shared companion or phone counts"},
    {"code": "other_families", "value": 2, "unit": "keluarga", "uncertain": True,
     "title_id": "Jumlah keluarga lain dengan pendamping atau telepon yang sama yang menjadi pola",
     "title_en": "Other families with the same companion or phone that make a pattern"},
    {"code": "same_person_pct", "value": 90, "unit": "persen", "uncertain": False,
     "title_id": "Ambang orang yang sama dalam riwayat permohonan biasa",
     "title_en": "Same-person threshold against the ordinary history"},
    {"code": "of_interest_pct", "value": 80, "unit": "persen", "uncertain": True,
     "title_id": "Ambang orang yang sama untuk subjek laporan dan keputusan (dibaca petugas)",
     "title_en": "Same-person threshold for report subjects and decisions (read by an officer)"},
    {"code": "job_seeker_points", "value": 2, "unit": "poin", "uncertain": True,
     "title_id": "Poin perilaku profil pencari kerja yang dilaporkan (tiket sekali jalan 1, dibiayai pihak lain 2,"
                 " didampingi agen 2; pekerjaan dan paspor pertama tidak dihitung)",
     "title_en": "Behaviour points of the job-seeker profile that are reported (one-way ticket 1, paid by someone"
                 " else 2, an agent along 2; occupation and a first passport do not count)"},
    {"code": "job_seeker_high_points", "value": 3, "unit": "poin", "uncertain": True,
     "title_id": "Poin profil pencari kerja yang berisiko tinggi",
     "title_en": "Job-seeker profile points that are high risk"},
]


def _note_words():
    path = Path(__file__).resolve().parents[1] / "data" / "note_words.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _documents_v2(items):
    accepts = {
        "medical_check": ["id_pmi"],
        "kemnaker_internship_recommendation": ["recommendation_disnaker"],
        "kemenag_recommendation": ["recommendation_kemenag"],
        "organiser_statement": ["travel_agent_letter"],
        "disnaker_recommendation": ["recommendation_disnaker"],
        "id_pmi": ["id_pmi"],
        "host_passport_copy": ["host_passport_copy"],
    }
    revised = []
    for item in items:
        docs = []
        for doc in item.get("documents", []):
            doc = dict(doc)
            if item["purpose"] == "family_visit" and doc["code"] == "guarantee_letter":
                doc = {
                    "code": "host_letter",
                    "label_id": "Surat jaminan atau surat undangan dari keluarga yang dikunjungi",
                    "label_en": "Guarantee letter or invitation letter from the relative visited",
                    "accepts": ["guarantee_letter", "invitation_letter"],
                }
            elif doc["code"] in accepts:
                doc["accepts"] = accepts[doc["code"]]
            if doc["code"] == "medical_check":
                doc["label_id"] += " (dibuktikan dengan ID PMI, yang terbit setelah pemeriksaan)"
                doc["label_en"] += " (shown by the ID PMI, issued after the check)"
            docs.append(doc)
        revised.append({**item, "documents": docs})
    return revised


def load(apps, schema_editor):
    add_reference_list(
        schema_editor,
        key="screening_thresholds",
        kind="parameters",
        titles=("Ambang penyaringan", "Screening thresholds"),
        descriptions=(
            "Jangka waktu, jumlah keluarga, ambang kecocokan identitas dan poin profil yang dipakai aturan penyaringan.",
            "Windows, family counts, identity-match cut-offs and profile points used by the screening rules.",
        ),
        items=THRESHOLDS,
        source="Nilai awal Garda, diukur dengan bench/bench_screening_quality.py dan docs/screening.md.",
        note="Versi awal yang dikirim bersama Garda.",
        effective_from="2026-12-01",
    )
    add_reference_list(
        schema_editor,
        key="interview_note_words",
        kind="word_lists",
        titles=("Kata pembaca catatan wawancara", "Interview-note reader words"),
        descriptions=(
            "Kelompok kata yang dipakai untuk membaca niat bekerja dalam catatan wawancara: kata kerja, penyangkalan,"
            " penanda niat, kerabat, tempat di luar negeri, dan ungkapan yang bukan tentang bekerja.",
            "Word groups used to read an intent to work in the interview notes: work words, negations, intent"
            " markers, relatives, places abroad and phrases that are not about working.",
        ),
        items=_note_words(),
        source="Ditulis dari domain brief §3.1 dan diukur pada korpus 325 catatan (docs/screening.md).",
        note="Versi awal yang dikirim bersama Garda.",
        effective_from="2026-12-01",
    )
    add_reference_list(
        schema_editor,
        key="tour_operators",
        kind="organisations",
        titles=("Biro perjalanan berizin", "Licensed tour operators"),
        descriptions=(
            "PPIU, PIHK dan biro perjalanan wisata berizin. Pemandu rombongan mereka mendampingi banyak keluarga"
            " karena pekerjaannya, bukan sebagai jaringan perekrut. Muat daftar resmi Kemenag dan Kemenparekraf.",
            "Licensed umrah (PPIU) and hajj (PIHK) organisers and tour operators. Their guides travel with many"
            " families by trade, not as a recruitment network. Load the official Kemenag and tourism lists.",
        ),
        items=[],
        source="Daftar PPIU/PIHK Kemenag (SISKOPATUH) dan daftar usaha perjalanan wisata (OSS).",
        note="Kosong sampai daftar resmi dimuat; rombongan dengan surat biro dan tiket pulang tetap dijelaskan.",
        effective_from="2026-12-01",
    )
    revise_shipped_list(
        schema_editor,
        key="required_documents_by_purpose",
        revise=_documents_v2,
        source="Sama dengan versi 1; kunjungan keluarga: surat jaminan atau undangan (praktik Kanim).",
        note="Kunjungan keluarga menerima surat undangan; setiap kode menyebut dokumen yang memenuhinya.",
        effective_from="2026-12-01",
    )


class Migration(migrations.Migration):
    dependencies = [("screening", "0004_own_decision"), ("core", "0006_role_grants")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
