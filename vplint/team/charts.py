"""The report's charts: small inline SVG, written here rather than by a charting library.

A library (matplotlib, pygal, Vega) would add megabytes or a browser runtime for two kinds of chart,
and most stamp ids, dates or float noise into their output; the report must be the same bytes for
the same canvases (``vplint report --check``), load nothing from the network and print well.  So
there are two shapes — horizontal bars and weekly lines — each an ``<svg role="img">`` with a
``<title>`` and a ``<desc>`` that say what it shows and its numbers, for screen readers and for the
tooltip; every number in the markup is an integer or has one decimal.  Colours come from the page's
stylesheet (classes), so a printed page stays legible in black and white: highlighted bars are also
outlined and darker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Bar", "Series", "bar_chart", "line_chart"]

_WIDTH = 640
_LABEL = 220
_ROW = 22


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    highlight: bool = False
    note: str = ""
    """Shown after the number (``30 %``)."""


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    css: str
    """The class that gives the line its colour and dash (``s1`` .. ``s4``)."""


def _n(x: float) -> str:
    """A coordinate: an integer when it is one, else one decimal (the same bytes on every machine)."""
    r = round(x, 1)
    return str(int(r)) if r == int(r) else f"{r:.1f}"


def _width(text: str) -> int:
    """Rough width in half-em units: a CJK character is two."""
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _clip(text: str, units: int) -> str:
    if _width(text) <= units:
        return text
    out = ""
    for c in text:
        if _width(out + c) > units - 1:
            break
        out += c
    return out + "…"


def _frame(chart_id: str, title: str, desc: str, height: int, body: list[str]) -> str:
    return (
        f'<svg class="chart" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], value_format: str = "{value}") -> str:
    """Horizontal bars, one row per label, longest scale at the largest value."""
    top = max((b.value for b in bars), default=0) or 1
    height = max(1, len(bars)) * _ROW + 8
    span = _WIDTH - _LABEL - 90
    body = []
    said = []
    for i, b in enumerate(bars):
        y = 4 + i * _ROW
        shown = value_format.format(value=_n(b.value)) + (f" {b.note}" if b.note else "")
        said.append(f"{b.label}: {shown}")
        css = "bar hi" if b.highlight else "bar"
        length = span * b.value / top
        body.append(
            f'<g class="{css}">'
            f'<text x="{_LABEL - 6}" y="{y + 15}" text-anchor="end">{escape(_clip(b.label, 34))}</text>'
            f'<rect x="{_LABEL}" y="{y + 3}" width="{_n(max(length, 1 if b.value else 0))}" height="{_ROW - 6}"/>'
            f'<text class="v" x="{_n(_LABEL + length + 5)}" y="{y + 15}">{escape(shown)}</text></g>'
        )
    return _frame(chart_id, title, "; ".join(said) or "—", height, body)


def line_chart(chart_id: str, title: str, dates: Sequence[str], series: Sequence[Series]) -> str:
    """One line per series over the weeks (``dates``, oldest first); a missing value breaks the line."""
    height, left, right, top_pad, bottom = 220, 48, _WIDTH - 12, 26, 190
    values = [v for s in series for v in s.values if v is not None]
    top = max(values, default=0) or 1
    step = (right - left) / max(1, len(dates) - 1)

    def xy(i: int, v: float) -> str:
        return f"{_n(left + i * step)},{_n(bottom - (bottom - top_pad) * v / top)}"

    body = [
        f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>',
        f'<text class="tick" x="{left - 6}" y="{bottom + 4}" text-anchor="end">0</text>',
        f'<text class="tick" x="{left - 6}" y="{top_pad + 4}" text-anchor="end">{_n(top)}</text>',
        f'<line class="grid" x1="{left}" y1="{top_pad}" x2="{right}" y2="{top_pad}"/>',
    ]
    if dates:
        body.append(f'<text class="tick" x="{left}" y="{bottom + 18}">{escape(dates[0])}</text>')
        body.append(f'<text class="tick" x="{right}" y="{bottom + 18}" text-anchor="end">{escape(dates[-1])}</text>')
    legend_x = left
    said = []
    for s in series:
        runs: list[list[str]] = [[]]
        for i, v in enumerate(s.values):
            if v is None:
                runs.append([])
            else:
                runs[-1].append(xy(i, v))
        for run in runs:
            if len(run) > 1:
                body.append(f'<polyline class="line {s.css}" points="{" ".join(run)}"/>')
            for point in run:
                x, y = point.split(",")
                body.append(f'<circle class="dot {s.css}" cx="{x}" cy="{y}" r="2.5"/>')
        body.append(
            f'<g class="legend {s.css}"><line x1="{legend_x}" y1="10" x2="{legend_x + 18}" y2="10"/>'
            f'<text x="{legend_x + 22}" y="14">{escape(s.name)}</text></g>'
        )
        legend_x += 34 + 7 * _width(s.name)
        shown = ", ".join("—" if v is None else _n(v) for v in s.values)
        said.append(f"{s.name}: {shown}")
    desc = f"{dates[0]} – {dates[-1]}. " if dates else ""
    return _frame(chart_id, title, desc + "; ".join(said), height, body)
