"""Charts drawn on the server as SVG: no script, nothing fetched, readable by a screen reader. Each chart is a
picture of the table printed beside it (the table is the accessible original; the SVG has a title and a summary,
and each bar its value as text), so a chart never says what the table does not."""

from dataclasses import dataclass

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from garda.stats.figures import Table

BAR = 18  # height of one bar, px
GAP = 6
LABEL_WIDTH = 150
PLOT_WIDTH = 260
VALUE_WIDTH = 50


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    text_y: int


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    summary: str
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    plot_width: int

    @property
    def bars_html(self) -> SafeString:
        return bars_svg(self)


def _short(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def bar_chart(table: Table) -> Chart | None:
    """A horizontal bar per row of the table's chart column; None when there is nothing to draw."""
    column = table.chart_column
    if not column or not table.rows:
        return None
    values = [(str(row[0]), row[column]) for row in table.rows if isinstance(row[column], int)]
    if not values:
        return None
    top = max(v for _label, v in values) or 1
    bars = [
        Bar(
            label=_short(label),
            value=value,
            y=i * (BAR + GAP),
            width=round(PLOT_WIDTH * value / top),
            text_y=i * (BAR + GAP) + BAR - 4,
        )
        for i, (label, value) in enumerate(values)
    ]
    biggest = max(values, key=lambda lv: lv[1])
    summary = _("%(column)s: %(n)s baris, tertinggi %(label)s (%(value)s).") % {
        "column": table.columns[column],
        "n": len(values),
        "label": biggest[0],
        "value": biggest[1],
    }
    return Chart(
        key=table.key,
        title=f"{table.title} — {table.columns[column]}",
        summary=summary,
        bars=bars,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=len(bars) * (BAR + GAP),
        label_width=LABEL_WIDTH,
        plot_width=PLOT_WIDTH,
    )


def charts_for(tables: list[Table]) -> list[tuple[Table, Chart | None, SafeString]]:
    """Each table with its chart and its body's rows as HTML: a dashboard has some thousand cells, which the
    template engine took a third of the page's time to write one by one."""
    return [(t, bar_chart(t), body_rows(t)) for t in tables]


def body_rows(table: Table) -> SafeString:
    """The table's <tr> rows (escaped): the label as the row's header, the counts right-aligned, the total row
    marked."""
    rows = table.with_total()
    last = len(rows) - 1
    return format_html_join(
        "\n",
        '<tr{}><th scope="row">{}</th>{}</tr>',
        (
            (
                mark_safe(' class="total"') if n == last and table.total else "",
                row[0],
                format_html_join("", '<td class="num">{}</td>', ((cell,) for cell in row[1:])),
            )
            for n, row in enumerate(rows)
        ),
    )


def bars_svg(chart: Chart) -> SafeString:
    """The chart's bars, each a label, a bar and its value (escaped)."""
    return format_html_join(
        "\n",
        '<g><text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="18" class="chart-bar"></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text></g>',
        (
            (chart.label_width - 6, bar.text_y, bar.label, chart.label_width, bar.y, bar.width,
             chart.label_width + bar.width + 4, bar.text_y, bar.value)
            for bar in chart.bars
        ),
    )  # fmt: skip
