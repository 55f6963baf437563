"""`garda stats decisions --office CODE --from DATE --to DATE [--json]`: postponement, refusal and cancellation
decisions of an office in a period (inclusive), in total and by kind, category and month.

`garda stats fairness --office CODE --from DATE --to DATE [--json]`: flag rates of the applications that ended
clean, by province group, sex and age band, with 95 % intervals (garda.stats.fairness).

`garda stats oversight --office CODE --from DATE --to DATE [--json]`: internal oversight in the directorate's shape,
in six sections: inspections, findings, signals, investigations, sanctions, referrals (garda.oversight.api).

`garda stats refresh [--all]`: bring the monthly counts behind the dashboards and reports up to date (what changed
since the last count), or count every month again (`--all`, e.g. after restoring a backup)."""

import json
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from garda.core.commandline import iso_date
from garda.stats.decisions import decision_stats
from garda.stats.fairness import fairness_stats


class Command(BaseCommand):
    help = "Statistics for the office and the ministry: `decisions --office CODE --from DATE --to DATE [--json]`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="report", required=True)
        decisions = sub.add_parser("decisions", help="postponement, refusal and cancellation decisions")
        decisions.add_argument("--office", required=True)
        decisions.add_argument("--from", dest="start", required=True, type=iso_date)
        decisions.add_argument("--to", dest="end", required=True, type=iso_date)
        decisions.add_argument("--json", action="store_true", help="one JSON object")
        fairness = sub.add_parser("fairness", help="flag rates of clean applications by province group, sex, age")
        fairness.add_argument("--office", required=True)
        fairness.add_argument("--from", dest="start", required=True, type=iso_date)
        fairness.add_argument("--to", dest="end", required=True, type=iso_date)
        fairness.add_argument("--json", action="store_true", help="one JSON object")
        oversight = sub.add_parser("oversight", help="inspections, findings, signals, investigations, sanctions")
        oversight.add_argument("--office", required=True)
        oversight.add_argument("--from", dest="start", required=True, type=iso_date)
        oversight.add_argument("--to", dest="end", required=True, type=iso_date)
        oversight.add_argument("--json", action="store_true", help="one JSON object")
        refresh = sub.add_parser("refresh", help="bring the dashboards' monthly counts up to date")
        refresh.add_argument("--all", action="store_true", help="count every office's every month again")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["report"] == "refresh":
            from garda.stats import aggregates

            if options["all"]:
                self.stdout.write(f"{aggregates.refresh_all()} bulan-kantor dihitung ulang")
            else:
                aggregates.bring_up_to_date()
                self.stdout.write("Hitungan bulanan mutakhir")
            return
        if options["end"] < options["start"]:
            sys.stderr.write("garda stats: --to lebih awal dari --from\n")
            sys.exit(2)
        if options["report"] == "fairness":
            self._fairness(options)
            return
        if options["report"] == "oversight":
            self._oversight(options)
            return
        stats = decision_stats(options["office"], options["start"], options["end"])
        if options["json"]:
            self.stdout.write(json.dumps(stats.as_json(), ensure_ascii=False))
            return
        self.stdout.write(f"Kantor {stats.office}, {stats.start} s.d. {stats.end}: {stats.total} keputusan")
        for title, counts in (("Jenis", stats.by_kind), ("Kategori", stats.by_category), ("Bulan", stats.by_month)):
            self.stdout.write(f"{title}:")
            for key, n in counts.items():
                self.stdout.write(f"  {key:<20} {n:>6}")
        self.stdout.write("Usulan dan keputusan di Garda (diusulkan / berjalan / disetujui / tidak disetujui):")
        for kind, row in stats.steps.items():
            self.stdout.write(
                f"  {kind:<20} {row['proposed']:>6} {row['pending']:>6} {row['approved']:>6} {row['rejected']:>6}"
            )

    def _fairness(self, options: dict[str, Any]) -> None:
        stats = fairness_stats(options["office"], options["start"], options["end"])
        if options["json"]:
            self.stdout.write(json.dumps(stats.as_json(), ensure_ascii=False))
            return
        self.stdout.write(
            f"Kantor {stats.office}, {stats.start} s.d. {stats.end}: {stats.clean} permohonan berakhir bersih"
            f" ({stats.unscreened} belum disaring)"
        )
        titles = {"province_group": "Kelompok provinsi", "sex": "Jenis kelamin", "age_band": "Kelompok umur"}
        for dimension, rows in stats.by.items():
            self.stdout.write(f"{titles.get(dimension, dimension)}:")
            for rate in rows.values():
                row = rate.as_json()
                self.stdout.write(
                    f"  {rate.group:<12} {rate.n:>7} bersih {rate.flagged:>6} ditandai "
                    f"{100 * rate.rate:6.2f} % [{100 * row['ci_low']:.2f}–{100 * row['ci_high']:.2f}]"
                )
        gaps = stats.as_json()["gaps_points"]
        self.stdout.write(
            f"Selisih provinsi pengirim PMI − lainnya: {gaps['province_group']:+.2f} poin (sasaran ≤ 1); "
            f"perempuan − laki-laki: {gaps['sex']:+.2f} poin"
        )

    def _oversight(self, options: dict[str, Any]) -> None:
        from garda.core.models import Office
        from garda.oversight.api import SECTIONS, statistics

        office = Office.objects.filter(code=options["office"]).first()
        if office is None:
            sys.stderr.write(f"garda stats: kantor {options['office']!r} tidak dikenal\n")
            sys.exit(2)
        figures = statistics(office, options["start"], options["end"])
        if options["json"]:
            payload = {"office": office.code, "from": str(options["start"]), "to": str(options["end"]), **figures}
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        self.stdout.write(f"Kantor {office.code}, {options['start']} s.d. {options['end']}: pengawasan internal")
        for section in SECTIONS:
            self.stdout.write(f"{section}:")
            for key, value in figures[section].items():
                shown = ", ".join(f"{k} {v}" for k, v in value.items()) if isinstance(value, dict) else value
                self.stdout.write(f"  {key:<22} {shown}")
