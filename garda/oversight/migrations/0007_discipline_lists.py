"""The discipline catalogue (offences, sanctions, who may impose what on whom) and the procedure's deadlines, as
editable lists (version 1). PP 94/2021 is the source; what the domain brief marks uncertain is marked so here."""

from django.db import migrations

from garda.core.migration_helpers import add_reference_list


def offence(code, article, title_id, title_en, levels, uncertain=True):
    return {"code": code, "article": article, "title_id": title_id, "title_en": title_en, "levels": levels,
            "uncertain": uncertain}


OFFENCES = [
    offence("sop", "PP 94/2021 Pasal 3 dan 4", "Tidak melaksanakan tugas sesuai SOP dan ketentuan",
            "Not carrying out duties according to the SOP and the rules", ["ringan", "sedang", "berat"]),
    offence("abuse", "PP 94/2021 Pasal 5 huruf a", "Menyalahgunakan wewenang", "Abuse of authority",
            ["sedang", "berat"]),
    offence("extortion", "PP 94/2021 Pasal 5", "Pungutan liar atau menerima imbalan terkait jabatan",
            "Extortion, or accepting a reward connected with the position", ["berat"]),
    offence("brokers", "PP 94/2021 Pasal 5", "Bekerja sama dengan calo atau biro jasa di luar prosedur",
            "Working with brokers or agencies outside the procedure", ["sedang", "berat"]),
    offence("trafficking", "PP 94/2021 Pasal 5; UU 21/2007", "Terlibat perdagangan orang atau penempatan "
            "PMI non-prosedural", "Involvement in trafficking or non-procedural migrant placement", ["berat"]),
    offence("supervision", "PP 94/2021 Pasal 26 dan 28", "Atasan tidak memeriksa dugaan pelanggaran bawahan",
            "A superior not examining a subordinate's suspected breach", ["ringan", "sedang", "berat"]),
    offence("absence", "PP 94/2021 Pasal 4", "Tidak masuk kerja tanpa alasan yang sah",
            "Absence from work without a valid reason", ["ringan", "sedang", "berat"], uncertain=False),
]


def sanction(code, level, title_id, title_en, uncertain=False):
    return {"code": code, "level": level, "title_id": title_id, "title_en": title_en, "uncertain": uncertain}


SANCTIONS = [
    sanction("oral_reprimand", "ringan", "Teguran lisan", "Oral reprimand"),
    sanction("written_reprimand", "ringan", "Teguran tertulis", "Written reprimand"),
    sanction("written_dissatisfaction", "ringan", "Pernyataan tidak puas secara tertulis",
             "Written statement of dissatisfaction"),
    sanction("allowance_cut_6", "sedang", "Pemotongan tunjangan kinerja 25 % selama 6 bulan",
             "Performance allowance cut by 25 % for 6 months", True),
    sanction("allowance_cut_9", "sedang", "Pemotongan tunjangan kinerja 25 % selama 9 bulan",
             "Performance allowance cut by 25 % for 9 months", True),
    sanction("allowance_cut_12", "sedang", "Pemotongan tunjangan kinerja 25 % selama 12 bulan",
             "Performance allowance cut by 25 % for 12 months", True),
    sanction("demotion_12", "berat", "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
             "Demotion by one level for 12 months", True),
    sanction("release_from_position_12", "berat", "Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan",
             "Release from the position to an executive post for 12 months", True),
    sanction("honourable_dismissal", "berat", "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
             "Honourable dismissal from the civil service, not at own request", True),
]


def authority(code, role, office_kind, levels, title_id, title_en):
    return {"code": code, "imposer_role": role, "imposer_office_kind": office_kind, "levels": levels,
            "title_id": title_id, "title_en": title_en, "uncertain": True}


AUTHORITY = [
    authority("kanim_head", "kakanim", "kanim", ["ringan", "sedang"], "Kepala Kantor Imigrasi: pegawai kantornya",
              "Head of an immigration office: the office's staff"),
    authority("national", "investigator", "pusat", ["ringan", "sedang", "berat"],
              "Pejabat pusat (atas nama Direktur Jenderal): seluruh pegawai",
              "National official (for the Director General): all staff"),
]


def p(code, value, unit, title_id, title_en, uncertain=True):
    return {"code": code, "value": value, "unit": unit, "title_id": title_id, "title_en": title_en,
            "uncertain": uncertain}


DEADLINES = [
    p("summons_notice_working_days", 7, "hari kerja", "Surat panggilan diterima paling lambat sebelum pemeriksaan",
      "A summons reaches the officer at least this long before the examination"),
    p("second_summons_working_days", 7, "hari kerja", "Panggilan II sejak tanggal pemeriksaan yang tidak dihadiri",
      "Second summons after the examination date missed"),
    p("decree_delivery_working_days", 14, "hari kerja", "Keputusan hukuman disampaikan paling lama",
      "The decree is delivered within", False),
    p("objection_working_days", 14, "hari kerja", "Keberatan atau banding diajukan paling lama sejak diterima",
      "An objection or appeal is filed within, from delivery"),
]


def load(apps, schema_editor):
    common = {"schema_editor": schema_editor, "effective_from": "2021-08-31",
              "note": "Versi awal yang dikirim bersama Garda; butir 'perlu verifikasi' harus dipastikan Biro Kepegawaian."}
    add_reference_list(
        key="discipline_offences", kind="catalogue",
        titles=("Katalog pelanggaran disiplin", "Disciplinary offence catalogue"),
        descriptions=("Pelanggaran, pasalnya, dan tingkat hukuman yang mungkin.",
                      "Offences, their article, and the sanction levels they may carry."),
        items=OFFENCES, source="PP 94/2021 tentang Disiplin PNS; Peraturan BKN 6/2022.", **common,
    )
    add_reference_list(
        key="discipline_sanctions", kind="catalogue",
        titles=("Jenis hukuman disiplin", "Disciplinary sanctions"),
        descriptions=("Hukuman per tingkat (PP 94/2021 Pasal 8). PTDH bukan hukuman disiplin: lihat jalur pidana.",
                      "Sanctions per level (PP 94/2021 Art. 8). Dishonourable dismissal is not one: see the criminal "
                      "track."),
        items=SANCTIONS, source="PP 94/2021 Pasal 8.", **common,
    )
    add_reference_list(
        key="discipline_authority", kind="catalogue",
        titles=("Kewenangan menjatuhkan hukuman", "Authority to impose sanctions"),
        descriptions=("Siapa boleh menjatuhkan tingkat hukuman apa kepada siapa.",
                      "Who may impose which sanction levels on whom."),
        items=AUTHORITY, source="PP 94/2021 (pejabat yang berwenang menghukum); perlu dipastikan.", **common,
    )
    add_reference_list(
        key="discipline_deadlines", kind="parameters",
        titles=("Tenggat pemeriksaan disiplin", "Disciplinary procedure deadlines"),
        descriptions=("Tenggat panggilan, penyampaian keputusan, dan keberatan.",
                      "Deadlines of summons, delivery of the decree, and objection."),
        items=DEADLINES, source="PP 94/2021; Peraturan BKN 6/2022.", **common,
    )


class Migration(migrations.Migration):
    dependencies = [("oversight", "0006_investigation_procedure"), ("core", "0003_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
