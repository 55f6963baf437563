"""The figures of the dashboards and of the periodic reports, computed once for both: the page draws each table as
a chart beside the table, the report writes each table to its own sheet (XLSX) or page section (PDF). A figure the
head reads on the dashboard is the same number the quarterly workbook carries, because it is the same object.

Every table is plain data: a title, column headings, rows whose first cell is the label, and — where the rows add
up — a last row `Jumlah`. Words, not codes: a heading or a label is in the interface language.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Max
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from garda.core import vocabulary
from garda.core.models import Office
from garda.screening.api import Application, Screening
from garda.stats.decisions import COUNTED, DEFAULT_ZONE, _months, decision_stats

TOTAL = "Jumlah"  # the total row's label in every language: the reports' readers look for it by name
FLAGGED = ("high", "medium")
AGENT_RELATIONS = ("agent", "travel_agent", "employer")
TOP = 15  # rows of a ranking (destinations, agents, indicators)


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
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.offices[0].time_zone if len(self.offices) == 1 else DEFAULT_ZONE)

    @property
    def label(self) -> str:
        if self.everything:
            return _("Seluruh kantor")
        return ", ".join(self.codes) if len(self.offices) <= 3 else _("%(n)s kantor") % {"n": len(self.offices)}

    def bounds(self) -> tuple[datetime, datetime]:
        return (
            datetime.combine(self.start, time.min, tzinfo=self.zone),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=self.zone),
        )


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
    range; a decision taken today on an older application brings the range up to today)."""
    rows = Application.objects.all() if codes is None else Application.objects.filter(office_code__in=codes)
    found = rows.aggregate(submitted=Max("submitted_at"), decided=Max("decided_at"))
    moments = [m for m in (found["submitted"], found["decided"]) if m is not None]
    last = min(timezone.localtime(max(moments)).date(), today) if moments else today
    first = date(last.year - (last.month <= 11), (last.month - 12) % 12 + 1, 1)
    return first, month_end(last)


def _applications(scope: Scope) -> Any:
    since, until = scope.bounds()
    rows = Application.objects.filter(submitted_at__gte=since, submitted_at__lt=until)
    return rows if scope.everything else rows.filter(office_code__in=scope.codes)


@dataclass(frozen=True)
class Flagged:
    """A flagged application as the ranking tables need it: its latest screening's indicators, its destination
    and its record (for the agent and the company it names)."""

    indicators: list[dict[str, Any]]
    destination: str
    record: dict[str, Any]


def _flagged(scope: Scope) -> list[Flagged]:
    """The flagged applications of the scope, in the scope's category if one is chosen: two queries (the
    applications, then their screenings newest first, of which the first per application is kept)."""
    apps = {
        pk: (destination, record)
        for pk, destination, record in _applications(scope)
        .filter(risk_level__in=FLAGGED)
        .values_list("pk", "destination_country", "record")
        .iterator(chunk_size=2000)
    }
    latest: dict[int, list[dict[str, Any]]] = {}
    screenings = Screening.objects.filter(application_id__in=list(apps)).order_by(
        "application_id", "-created_at", "-id"
    )
    for application_id, indicators in screenings.values_list("application_id", "indicators").iterator(chunk_size=2000):
        latest.setdefault(application_id, indicators or [])
    return [
        Flagged(indicators, destination, record)
        for pk, (destination, record) in apps.items()
        if _in_category(indicators := latest.get(pk, []), scope.category)
    ]


def _in_category(indicators: list[dict[str, Any]], category: str) -> bool:
    return not category or any(i.get("category") == category for i in indicators)


def screening_table(scope: Scope) -> Table:
    months = {m: [0, 0, 0] for m in _months(scope.start, scope.end)}
    counted = (
        _applications(scope)
        .annotate(month=TruncMonth("submitted_at", tzinfo=scope.zone))
        .values("month", "risk_level")
        .annotate(n=Count("pk"))
    )
    for row in counted:
        key = row["month"].strftime("%Y-%m")
        if key not in months:
            continue
        months[key][0] += row["n"]
        if row["risk_level"] == "high":
            months[key][1] += row["n"]
        elif row["risk_level"] == "medium":
            months[key][2] += row["n"]
    return Table(
        key="screening",
        title=_("Permohonan disaring per bulan"),
        columns=[_("Bulan"), _("Permohonan"), _("Risiko tinggi"), _("Risiko sedang")],
        rows=[[month, *counts] for month, counts in months.items()],
    )


def flag_tables(scope: Scope, flagged: list[Flagged]) -> list[Table]:
    by_category: Counter[str] = Counter()
    by_indicator: Counter[tuple[str, str]] = Counter()
    for indicators in (f.indicators for f in flagged):
        for category in {i.get("category", "") for i in indicators}:
            if not scope.category or category == scope.category:
                by_category[category] += 1
        for code, category in {(i.get("code", ""), i.get("category", "")) for i in indicators}:
            if not scope.category or category == scope.category:
                by_indicator[(code, category)] += 1
    return [
        Table(
            key="flags",
            title=_("Permohonan ditandai menurut kategori"),
            columns=[_("Kategori"), _("Permohonan")],
            rows=[[capfirst(vocabulary.label("category", c)), n] for c, n in by_category.most_common()],
            total=False,  # one application may be flagged in several categories
            note=_("Satu permohonan dapat ditandai dalam beberapa kategori."),
        ),
        Table(
            key="indicators",
            title=_("Indikator yang paling sering muncul"),
            columns=[_("Indikator"), _("Permohonan"), _("Kategori")],
            rows=[
                [vocabulary.label("indicator", code), n, vocabulary.label("category", category)]
                for (code, category), n in by_indicator.most_common(TOP)
            ],
            total=False,
        ),
    ]


def decisions_table(scope: Scope) -> Table:
    stats = decision_stats(
        None,
        scope.start,
        scope.end,
        office_codes=None if scope.everything else scope.codes,
        category=scope.category,
    )
    kinds = list(COUNTED.values())
    categories = sorted({c for counts in stats.by_month_category.values() for c in counts})
    if scope.category:
        categories = [c for c in categories if c == scope.category]
    rows = []
    for month, total in stats.by_month.items():
        row: list[Any] = [month, *(stats.by_month_kind[month][k] for k in kinds)]
        row += [stats.by_month_category[month].get(c, 0) for c in categories]
        rows.append([*row, total])
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


def destination_table(scope: Scope, flagged: list[Flagged]) -> Table:
    every = Counter(
        dict(_applications(scope).values("destination_country").annotate(n=Count("pk")).values_list(
            "destination_country", "n"
        ))
    )  # fmt: skip
    flagged_by = Counter(f.destination for f in flagged)
    ranked = sorted(every, key=lambda c: (-flagged_by[c], -every[c], c))[:TOP]
    return Table(
        key="destinations",
        title=_("Negara tujuan"),
        columns=[_("Negara"), _("Permohonan ditandai"), _("Semua permohonan")],
        rows=[[vocabulary.country(c) or _("(tidak diisi)"), flagged_by[c], every[c]] for c in ranked],
        total=False,
    )


def agents_table(scope: Scope, flagged: list[Flagged]) -> Table:
    """The companies and agents named on flagged applications: the companion who is an agent, travel agent or
    employer (by organisation, else by name) and the placement company."""
    named: Counter[tuple[str, str]] = Counter()
    for record in (f.record for f in flagged):
        companion = record.get("companion") or {}
        if companion.get("relation") in AGENT_RELATIONS:
            name = (companion.get("organisation") or companion.get("full_name") or "").strip().upper()
            if name:
                named[(name, vocabulary.label("relation", companion["relation"]))] += 1
        company = ((record.get("travel") or {}).get("placement_company") or {}).get("name", "").strip().upper()
        if company:
            named[(company, _("perusahaan penempatan"))] += 1
    return Table(
        key="agents",
        title=_("Perusahaan dan agen di balik permohonan yang ditandai"),
        columns=[_("Nama"), _("Permohonan ditandai"), _("Peran")],
        rows=[[name, n, role] for (name, role), n in named.most_common(TOP)],
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
RANKINGS = {"flags", "indicators", "destinations", "agents"}  # the sections read from the flagged applications


def compute(
    scope: Scope, today: date, *, sections: tuple[str, ...] = SECTIONS, progress: Progress | None = None
) -> Figures:
    """The tables of `sections`, in that order; `progress(percent, section)` after each (the worker shows it)."""
    flagged = _flagged(scope) if RANKINGS & set(sections) else []
    both: list[Table] = []  # the flags and indicators tables come from one pass over the flagged applications

    def flag(key: str) -> list[Table]:
        if not both:
            both.extend(flag_tables(scope, flagged))
        return [t for t in both if t.key == key]

    builders: dict[str, Callable[[], list[Table]]] = {
        "screening": lambda: [screening_table(scope)],
        "decisions": lambda: [decisions_table(scope)],
        "flags": lambda: flag("flags"),
        "indicators": lambda: flag("indicators"),
        "destinations": lambda: [destination_table(scope, flagged)],
        "agents": lambda: [agents_table(scope, flagged)],
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
