"""Legal bases as a letter cites them, and the periods of an objection and of a withdrawal's surrender.

`legal_bases` v2 gives every item its `citation` — the article in words, as an official letter states it — and adds
the objection route (UU 30/2014). An item still marked `uncertain` cannot be cited until the national administrator
has verified it against the official text (an audited revision of the list). `decision_deadlines` v2 adds the
objection period and the time to surrender a withdrawn passport."""

from django.db import migrations

from garda.core.migration_helpers import revise_shipped_list

PERMEN = (
    "Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 8 Tahun 2014 tentang Paspor Biasa dan Surat Perjalanan "
    "Laksana Paspor sebagaimana telah diubah dengan Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 18 Tahun 2022"
)
UU6 = "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian"
CITATIONS = {
    "UU6-2011-P2": f"Pasal 2 {UU6}",
    "UU6-2011-P31": f"Pasal 31 {UU6}",
    "UU6-2011-P126C": f"Pasal 126 huruf c {UU6}",
    "SE-IMI-0277-2017": "Surat Edaran Direktur Jenderal Imigrasi Nomor IMI-0277.GR.02.06 Tahun 2017 tentang "
    "Pencegahan Tenaga Kerja Indonesia Non-Prosedural",
    "PERMEN8-2014-P4": f"Pasal 4 {PERMEN}",
    "PEMBATALAN-A": f"{PERMEN}, tentang pembatalan paspor yang diperoleh secara tidak sah",
    "PEMBATALAN-B": f"{PERMEN}, tentang pembatalan paspor karena pemegang memberikan keterangan palsu atau tidak "
    "benar",
    "PEMBATALAN-C": f"{PERMEN}, tentang pembatalan paspor karena pemohon meninggal dunia dalam proses penerbitan",
    "PEMBATALAN-D": f"{PERMEN}, tentang pembatalan paspor yang tidak diambil dalam 1 (satu) bulan sejak terbit",
    "PEMBATALAN-E": f"{PERMEN}, tentang pembatalan paspor karena kesalahan atau kerusakan dalam proses penerbitan",
    "PENANGGUHAN": f"{PERMEN}, tentang penangguhan penerbitan paspor paling singkat 6 (enam) bulan dan paling lama "
    "2 (dua) tahun sejak pembatalan",
    "PENARIKAN-A": f"Pasal 26 {PERMEN}, tentang penarikan paspor karena pemegang ditetapkan sebagai tersangka tindak "
    "pidana yang diancam pidana penjara paling singkat 5 (lima) tahun atau berada di luar negeri dengan red notice",
    "PENARIKAN-B": f"Pasal 26 {PERMEN}, tentang penarikan paspor karena pemegang termasuk dalam daftar Pencegahan",
    "PENCABUTAN-A": f"{PERMEN}, tentang pencabutan paspor karena pemegang dijatuhi pidana penjara paling singkat "
    "5 (lima) tahun",
    "PENCABUTAN-H": f"{PERMEN}, tentang pencabutan paspor karena pemegang tidak menyerahkan paspor pada saat "
    "penarikan",
    "UU18-2017-P49": "Pasal 49 Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia",
    "UU21-2007-P1": "Pasal 1 angka 1 Undang-Undang Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana "
    "Perdagangan Orang",
}


def legal(items):
    revised = [{**item, "citation": CITATIONS.get(item["code"], item["article"])} for item in items]
    if not any(i["code"] == "UU30-2014-P77" for i in revised):
        revised.append(
            {
                "code": "UU30-2014-P77",
                "title_id": "Keberatan atas keputusan: diajukan paling lama 21 hari kerja, dijawab paling lama 10 hari "
                "kerja",
                "title_en": "Objection to a decision: filed within 21 working days, answered within 10 working days",
                "article": "UU 30/2014 Pasal 77",
                "citation": "Pasal 77 Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan",
                "applies_to": [],
                "uncertain": False,
            }
        )
    return revised


DEADLINES = [
    {"code": "objection_working_days", "value": 21, "unit": "hari kerja", "uncertain": False,
     "title_id": "Keberatan diajukan paling lama sejak keputusan diterima (UU 30/2014 Pasal 77)",
     "title_en": "An objection is filed at the latest after the decision is received (UU 30/2014 art. 77)"},
    {"code": "objection_answer_working_days", "value": 10, "unit": "hari kerja", "uncertain": False,
     "title_id": "Keberatan diputus paling lama sejak diterima (UU 30/2014 Pasal 77)",
     "title_en": "An objection is decided at the latest after it is received (UU 30/2014 art. 77)"},
    {"code": "surrender_days", "value": 3, "unit": "hari", "uncertain": False,
     "title_id": "Paspor yang ditarik diserahkan pemegang paling lama sejak surat pemberitahuan",
     "title_en": "A withdrawn passport is surrendered at the latest after the notification letter"},
    {"code": "bap_working_days", "value": 2, "unit": "hari kerja", "uncertain": True,
     "title_id": "Berita Acara Pemeriksaan dibuat petugas pemeriksa sejak usulan diterima",
     "title_en": "The examining officer draws up the examination report after the proposal is received"},
]  # fmt: skip


def deadlines(items):
    known = {i["code"] for i in items}
    return items + [d for d in DEADLINES if d["code"] not in known]


def load(apps, schema_editor):
    revise_shipped_list(
        schema_editor,
        key="legal_bases",
        revise=legal,
        source="UU 6/2011; UU 18/2017; UU 21/2007; UU 30/2014; Permenkumham 8/2014 jo. 18/2022; SE IMI-0277/2017.",
        note="Setiap butir diberi bunyi kutipan untuk surat; jalur keberatan (UU 30/2014 Pasal 77) ditambahkan.",
        effective_from="2026-12-01",
    )
    revise_shipped_list(
        schema_editor,
        key="decision_deadlines",
        revise=deadlines,
        source="UU 30/2014 Pasal 77; publikasi Kanim tentang penarikan paspor (3 hari); SOP pembatalan.",
        note="Jangka waktu keberatan, penyerahan paspor yang ditarik, dan pembuatan BAP ditambahkan.",
        effective_from="2026-12-01",
    )


class Migration(migrations.Migration):
    dependencies = [("decisions", "0007_letterhead"), ("core", "0007_letterhead")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
