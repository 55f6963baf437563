"""The figures of the dashboards and of the periodic reports, computed once for both: the page draws each table as
a chart beside the table, the report writes each table to its own sheet (XLSX) or page section (PDF). A figure the
head reads on the dashboard is the same number the quarterly workbook carries, because it is the same object.

Every table is plain data: a title, column headings, rows whose first cell is the label, and — where the rows add
up — a last row `Jumlah`. Words, not codes: a heading or a label is in the interface language.
"""

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Max, Sum
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from garda.core import vocabulary
from garda.core.models import Office
from garda.stats.aggregates import DECISION_MEASURES, PLACEMENT, office_versions
from garda.stats.decisions import COUNTED, _months
from garda.stats.models import MonthlyCount

TOTAL = "Jumlah"  # the total row's label in every language: the reports' readers look for it by name
TOP = 15  # rows of a ranking (destinations, agents, indicators)
CACHED_FOR = 600  # seconds a scope's sums stay in the cache (a recount changes the key before that)


@dataclass
class Table:
    key: str  # the sheet's name in the workbook, the section's anchor on the page
    title: str
    columns: list[str]
    rows: list[list[Any]]
    total: bool = True  # the rows add up: a `Jumlah` row is appended
    note: str = ""
    chart_column: int = 1  # the column the chart draws (0: no chart)

    def with_total(self) -> list[list[Any]]:
        if not self.total or not self.rows:
            return self.rows
        sums: list[Any] = [TOTAL]
        for index in range(1, len(self.columns)):
            cells = [row[index] for row in self.rows]
            sums.append(sum(c for c in cells if isinstance(c, int)) if all(isinstance(c, int) for c in cells) else "")
        return [*self.rows, sums]


@dataclass
class Scope:
    """What the figures cover: the offices, the months (both ends inclusive) and optionally one category."""

    offices: list[Office]
    start: date  # the first day of the first month
    end: date  # the last day of the last month
    category: str = ""
    everything: bool = False  # the whole country (the ministry's roll-up): no office filter at all

    @property
    def codes(self) -> list[str]:
        return [o.code for o in self.offices]

    @property
    def label(self) -> str:
        if self.everything:
            return _("Seluruh kantor")
        return ", ".join(self.codes) if len(self.offices) <= 3 else _("%(n)s kantor") % {"n": len(self.offices)}


@dataclass
class Figures:
    scope: Scope
    tables: list[Table] = field(default_factory=list)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def month_end(day: date) -> date:
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def last_twelve_months(codes: list[str] | None, today: date) -> tuple[date, date]:
    """The twelve months up to the latest month that has applications or decisions (not today's month when the
    data stops earlier: an installation loaded with last year's history opens on last year, not on an empty
    range; a decision taken today on an older application brings the range up to today). Read from the monthly
    counts, not from the applications: a national history has millions."""
    counted = MonthlyCount.objects.filter(measure__in=["risk", "decision"], category="")
    if codes is not None:
        counted = counted.filter(office_code__in=codes)
    latest = counted.aggregate(last=Max("month"))["last"]
    last = min(latest, today) if latest else today
    first = date(last.year - (last.month <= 11), (last.month - 12) % 12 + 1, 1)
    return first, month_end(last)


@dataclass
class Counts:
    """The monthly counts of a scope, added up over its offices and months: (measure, category, label, detail)
    → n. The category is "" for the counts of all flagged applications."""

    sums: dict[tuple[str, str, str, str], int]

    def of(self, measure: str, category: str = "") -> list[tuple[str, str, int]]:
        """(label, detail, n) of one measure, largest first, then by label (a stable order for equal counts)."""
        found = [(label, detail, n) for (m, c, label, detail), n in self.sums.items() if m == measure and c == category]
        return sorted(found, key=lambda row: (-row[2], row[0], row[1]))


def _counted(scope: Scope) -> Any:
    rows = MonthlyCount.objects.filter(month__gte=scope.start.replace(day=1), month__lte=scope.end)
    return rows if scope.everything else rows.filter(office_code__in=scope.codes)


def counts(scope: Scope) -> Counts:
    """Every ranking measure of the scope, for all flagged applications and for the scope's category: each office's
    sums over the scope's months, kept in the cache under the office's stamp. A recount at one office leaves the
    other nine offices' sums good, so the ministry's view adds up one office's months again, not forty thousand
    rows of agents."""
    stamps = office_versions()
    codes = sorted(stamps) if scope.everything else [c for c in sorted(scope.codes) if c in stamps]
    keys = {
        code: "stats:counts:"
        + hashlib.sha256(repr((code, scope.start, scope.end, scope.category, stamps[code])).encode()).hexdigest()
        for code in codes
    }
    cached = cache.get_many(list(keys.values()))
    missing = [code for code in codes if keys[code] not in cached]
    fresh = _summed(scope, missing) if missing else {}
    if fresh or missing:
        cache.set_many({keys[code]: fresh.get(code, {}) for code in missing}, timeout=CACHED_FOR)
    total: Counter[tuple[str, str, str, str]] = Counter()
    for code in codes:
        total.update(fresh[code] if code in fresh else cached.get(keys[code], {}))
    return Counts(dict(total))


def _summed(scope: Scope, codes: list[str]) -> dict[str, dict[tuple[str, str, str, str], int]]:
    """One query: the offices' sums over the scope's months."""
    rows = (
        MonthlyCount.objects.filter(
            office_code__in=codes,
            month__gte=scope.start.replace(day=1),
            month__lte=scope.end,
            measure__in=RANKING_MEASURES,
            category__in=sorted({"", scope.category}),
        )
        .order_by()
        .values_list("office_code", "measure", "category", "label", "detail")
        .annotate(total=Sum("n"))
    )
    by_office: dict[str, dict[tuple[str, str, str, str], int]] = {}
    for code, m, c, label, detail, n in rows:
        by_office.setdefault(code, {})[(m, c, label, detail)] = n
    return by_office


def screening_table(scope: Scope) -> Table:
    months = {m: [0, 0, 0] for m in _months(scope.start, scope.end)}
    counted = (
        _counted(scope)
        .filter(measure="risk", category="")
        .order_by()
        .values_list("month", "label")
        .annotate(total=Sum("n"))
    )
    for month, risk, n in counted:
        key = month.strftime("%Y-%m")
        if key not in months:
            continue
        months[key][0] += n
        if risk == "high":
            months[key][1] += n
        elif risk == "medium":
            months[key][2] += n
    return Table(
        key="screening",
        title=_("Permohonan disaring per bulan"),
        columns=[_("Bulan"), _("Permohonan"), _("Risiko tinggi"), _("Risiko sedang")],
        rows=[[month, *counts] for month, counts in months.items()],
    )


def flag_tables(scope: Scope, counted: Counts) -> list[Table]:
    chosen = scope.category
    by_category = [(c, n) for c, _detail, n in counted.of("category") if not chosen or c == chosen]
    by_indicator = [(code, c, n) for code, c, n in counted.of("indicator") if not chosen or c == chosen][:TOP]
    return [
        Table(
            key="flags",
            title=_("Permohonan ditandai menurut kategori"),
            columns=[_("Kategori"), _("Permohonan")],
            rows=[[capfirst(vocabulary.label("category", c)), n] for c, n in by_category],
            total=False,  # one application may be flagged in several categories
            note=_("Satu permohonan dapat ditandai dalam beberapa kategori."),
        ),
        Table(
            key="indicators",
            title=_("Indikator yang paling sering muncul"),
            columns=[_("Indikator"), _("Permohonan"), _("Kategori")],
            rows=[
                [vocabulary.label("indicator", code), n, vocabulary.label("category", category)]
                for code, category, n in by_indicator
            ],
            total=False,
        ),
    ]


def decisions_table(scope: Scope) -> Table:
    """From the monthly counts of decisions, by the month each was taken in its office's time."""
    kinds = list(COUNTED.values())
    by_kind = {month: dict.fromkeys(kinds, 0) for month in _months(scope.start, scope.end)}
    by_ground: dict[str, Counter[str]] = {month: Counter() for month in by_kind}
    counted = (
        _counted(scope)
        .filter(measure__in=DECISION_MEASURES, category__in=sorted({"", scope.category}))
        .order_by()
        .values_list("month", "measure", "category", "label")
        .annotate(total=Sum("n"))
    )
    for month, measure, category, label, n in counted:
        key = month.strftime("%Y-%m")
        if key not in by_kind:
            continue
        if measure == "decision" and category == scope.category:
            by_kind[key][label] += n
        elif measure == "decision_ground" and (not scope.category or label == scope.category):
            by_ground[key][label] += n
    categories = sorted({c for counts in by_ground.values() for c in counts})
    rows = []
    for month, counts in by_kind.items():
        row: list[Any] = [month, *(counts[k] for k in kinds), *(by_ground[month][c] for c in categories)]
        rows.append([*row, sum(counts.values())])
    return Table(
        key="decisions",
        title=_("Keputusan penundaan, penolakan dan pembatalan per bulan"),
        columns=[
            _("Bulan"),
            *(capfirst(vocabulary.label("decision_kind", k)) for k in kinds),
            *(_("Dasar: %(category)s") % {"category": vocabulary.label("category", c)} for c in categories),
            _("Jumlah keputusan"),
        ],
        rows=rows,
        note=_(
            "Menurut jenis, dasar (kategori penyaringan) dan bulan keputusan; satu keputusan dapat memiliki "
            "beberapa dasar, sehingga kolom dasar dapat berjumlah lebih dari jumlah keputusan."
        ),
        chart_column=len(rows[0]) - 1 if rows else 0,
    )


def destination_table(scope: Scope, counted: Counts) -> Table:
    every = {country: n for country, _detail, n in counted.of("destination")}
    flagged_by = {country: n for country, _detail, n in counted.of("flagged_destination", scope.category)}
    ranked = sorted(every, key=lambda c: (-flagged_by.get(c, 0), -every[c], c))[:TOP]
    return Table(
        key="destinations",
        title=_("Negara tujuan"),
        columns=[_("Negara"), _("Permohonan ditandai"), _("Semua permohonan")],
        rows=[[vocabulary.country(c) or _("(tidak diisi)"), flagged_by.get(c, 0), every[c]] for c in ranked],
        total=False,
    )


def agents_table(scope: Scope, counted: Counts) -> Table:
    """The companies and agents named on flagged applications: the companion who is an agent, travel agent or
    employer (by organisation, else by name) and the placement company."""

    def role(code: str) -> str:
        return _("perusahaan penempatan") if code == PLACEMENT else vocabulary.label("relation", code)

    return Table(
        key="agents",
        title=_("Perusahaan dan agen di balik permohonan yang ditandai"),
        columns=[_("Nama"), _("Permohonan ditandai"), _("Peran")],
        rows=[[name, n, role(code)] for name, code, n in counted.of("agent", scope.category)[:TOP]],
        total=False,
    )


def channel_table(scope: Scope, today: date) -> Table:
    from garda.whistle.api import deadline_figures

    offices = Office.objects.all() if scope.everything else Office.objects.filter(code__in=scope.codes)
    figures = deadline_figures(list(offices.values_list("pk", flat=True)), scope.start, scope.end, today)
    words = {
        "received": _("Laporan diterima"),
        "open": _("Masih terbuka"),
        "late_acknowledgement": _("Lewat tenggat tanggapan (3 hari kerja)"),
        "late_first_answer": _("Lewat tenggat jawaban pertama (14 hari)"),
    }
    return Table(
        key="channel",
        title=_("Saluran pengaduan: tenggat"),
        columns=[_("Ukuran"), _("Jumlah")],
        rows=[[words[k], n] for k, n in figures.items()],
        total=False,
    )


OVERSIGHT_ROWS = (
    ("inspections", "planned", gettext_lazy("Inspeksi direncanakan")),
    ("findings", "recorded", gettext_lazy("Temuan inspeksi")),
    ("findings", "overdue", gettext_lazy("Temuan lewat tenggat")),
    ("signals", "raised", gettext_lazy("Sinyal integritas")),
    ("investigations", "examined", gettext_lazy("Pemeriksaan disiplin dibuka")),
    ("sanctions", "decreed", gettext_lazy("Hukuman disiplin dijatuhkan")),
    ("referrals", "pro_justitia", gettext_lazy("Dirujuk pro justitia")),
)


def oversight_table(scope: Scope) -> Table:
    from garda.oversight.api import statistics

    offices = list(Office.objects.filter(kind="kanim")) if scope.everything else scope.offices
    sums: Counter[tuple[str, str]] = Counter()
    for office in offices:
        raw = statistics(office, scope.start, scope.end)
        for section, key, _word in OVERSIGHT_ROWS:
            value = raw.get(section, {}).get(key, 0)
            sums[(section, key)] += value if isinstance(value, int) else 0
    return Table(
        key="oversight",
        title=_("Pengawasan internal"),
        columns=[_("Ukuran"), _("Jumlah")],
        rows=[[str(word), sums[(section, key)]] for section, key, word in OVERSIGHT_ROWS],
        total=False,
    )


def training_table(scope: Scope, today: date) -> Table:
    from garda.training.api import coverage

    offices = list(Office.objects.filter(kind="kanim")) if scope.everything else scope.offices
    by_role: dict[str, list[Any]] = {}
    for office in offices:
        roles, _officers = coverage(office, today)
        for role in roles:
            if not role.officers:
                continue
            row = by_role.setdefault(role.label, [role.label, 0, 0, 0])
            row[1] += role.officers
            row[2] += role.current
            row[3] += role.due + role.never
    return Table(
        key="training",
        title=_("Pelatihan: sertifikat yang berlaku"),
        columns=[_("Peran"), _("Petugas"), _("Bersertifikat"), _("Belum atau perlu penyegaran")],
        rows=list(by_role.values()),
        chart_column=2,
    )


# The sections each kind of reader starts with; the rest follow in the default order.
SECTIONS = (
    "decisions",
    "screening",
    "flags",
    "indicators",
    "destinations",
    "agents",
    "channel",
    "oversight",
    "training",
)


Progress = Callable[[int, str], None]
RANKINGS = {"flags", "indicators", "destinations", "agents"}  # the sections read from the ranking counts
RANKING_MEASURES = ["category", "indicator", "destination", "flagged_destination", "agent"]


def compute(
    scope: Scope, today: date, *, sections: tuple[str, ...] = SECTIONS, progress: Progress | None = None
) -> Figures:
    """The tables of `sections`, in that order; `progress(percent, section)` after each (the worker shows it)."""
    counted = counts(scope) if RANKINGS & set(sections) else Counts({})
    both: list[Table] = []  # the flags and indicators tables come from one pass over the flagged applications

    def flag(key: str) -> list[Table]:
        if not both:
            both.extend(flag_tables(scope, counted))
        return [t for t in both if t.key == key]

    builders: dict[str, Callable[[], list[Table]]] = {
        "screening": lambda: [screening_table(scope)],
        "decisions": lambda: [decisions_table(scope)],
        "flags": lambda: flag("flags"),
        "indicators": lambda: flag("indicators"),
        "destinations": lambda: [destination_table(scope, counted)],
        "agents": lambda: [agents_table(scope, counted)],
        "channel": lambda: [channel_table(scope, today)],
        "oversight": lambda: [oversight_table(scope)],
        "training": lambda: [training_table(scope, today)],
    }
    tables: list[Table] = []
    for done, key in enumerate(sections):
        if progress:
            progress(round(90 * done / len(sections)), key)
        tables += builders[key]()
    return Figures(scope=scope, tables=tables)
