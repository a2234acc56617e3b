"""Charts as SVG written on the server: no JavaScript, readable by screen readers, and printable.

Each chart is an <svg role="img"> named by its <title> and described by a <desc> that lists every value, and
the
page shows the same figures as a table beside it (templates/insight/includes/chart.html) with a CSV download.
Hand-written rather than drawn by a charting library: measured against pygal 3.1.3 (see docs/adr), these are
about a tenth of the size, need no script, and carry role and labels that pygal's output lacks.
"""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .disclosure import Shown

WIDTH = 640
BAR_ROW = 30
LABEL_WIDTH = 230
BAR_AREA = 320
COLUMN_HEIGHT = 180
INK = "#0b0c0c"
BAR = "#1d70b8"
MUTED = "#505a5f"


@dataclass(frozen=True)
class Row:
    label: str
    shown: Shown
    key: str = ""


@dataclass
class Chart:
    """One chart: a bar chart of categories, or a column chart of months."""

    slug: str
    title: str
    rows: list[Row]
    kind: str = "bar"
    value_label: str = field(default_factory=lambda: _("Number"))

    @property
    def empty(self) -> bool:
        return all(row.shown.value in (0, None) for row in self.rows) and not any(
            row.shown.suppressed for row in self.rows
        )

    def value_text(self, shown: Shown) -> str:
        if shown.suppressed:
            return _("fewer than %(n)s") % {"n": shown.fewer_than}
        return f"{shown.value:,}"

    @property
    def description(self) -> str:
        parts = [f"{row.label}: {self.value_text(row.shown)}" for row in self.rows]
        return "; ".join(parts) + "."

    @property
    def svg(self) -> SafeString:
        return column_svg(self) if self.kind == "column" else bar_svg(self)


def _frame(chart: Chart, height: int, body: list[str]) -> SafeString:
    ident = f"chart-{chart.slug}"
    head = (
        '<svg xmlns="http://www.w3.org/2000/svg" class="porth-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" style="max-width:{WIDTH}px;font-family:inherit" '
        f'aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{escape(chart.title)}</title>'
        f'<desc id="{ident}-desc">{escape(chart.description)}</desc>'
    )
    return mark_safe(head + "".join(body) + "</svg>")


def _largest(chart: Chart) -> int:
    return max([row.shown.value or 0 for row in chart.rows] + [1])


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_svg(chart: Chart) -> SafeString:
    largest, body = _largest(chart), []
    for index, row in enumerate(chart.rows):
        y = index * BAR_ROW + 6
        width = round((row.shown.value or 0) / largest * BAR_AREA)
        body.append(
            f'<text x="0" y="{y + 16}" font-size="14" fill="{INK}">{escape(_clip(row.label, 32))}</text>'
        )
        if width:
            body.append(f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{width}" height="18" fill="{BAR}"/>')
        colour = MUTED if row.shown.suppressed else INK
        body.append(
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 16}" font-size="14" fill="{colour}">'
            f"{escape(chart.value_text(row.shown))}</text>"
        )
    return _frame(chart, max(len(chart.rows), 1) * BAR_ROW + 8, body)


def column_svg(chart: Chart) -> SafeString:
    largest, count = _largest(chart), max(len(chart.rows), 1)
    slot = WIDTH / count
    bar_width = max(4, round(slot * 0.6))
    body = [
        f'<line x1="0" y1="{COLUMN_HEIGHT + 20}" x2="{WIDTH}" y2="{COLUMN_HEIGHT + 20}" stroke="{MUTED}"/>'
    ]
    for index, row in enumerate(chart.rows):
        height = round((row.shown.value or 0) / largest * COLUMN_HEIGHT)
        x = round(index * slot + (slot - bar_width) / 2)
        middle = round(index * slot + slot / 2)
        if height:
            body.append(
                f'<rect x="{x}" y="{COLUMN_HEIGHT + 20 - height}" width="{bar_width}" '
                f'height="{height}" fill="{BAR}"/>'
            )
        value = "<5" if row.shown.suppressed else f"{row.shown.value:,}"
        body.append(
            f'<text x="{middle}" y="{COLUMN_HEIGHT + 14 - height}" font-size="12" text-anchor="middle" '
            f'fill="{INK}">{escape(value)}</text>'
        )
        body.append(
            f'<text x="{middle}" y="{COLUMN_HEIGHT + 38}" font-size="11" text-anchor="middle" fill="{INK}">'
            f"{escape(row.label)}</text>"
        )
    return _frame(chart, COLUMN_HEIGHT + 46, body)
