"""Target against realisasi per indicator as one SVG, shared by the PDF and the site.

Indicators have different units (%, hari, dokumen) and polarities, so raw values cannot share an
axis. Each row therefore shows the target as 100 % (grey) and the realisasi as its capaian
(blue), which already accounts for negative polarity and range targets; the label gives the raw
realisasi and target in the indicator's own unit.

Text stays text: searchable in the PDF and the site. It names Liberation Sans, which Typst
always has (evkin ships it and its font chain ends with it), then its metric twin Arial for
browsers. The output is byte-stable (no date, no random ids).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from decimal import Decimal

from evkin.evaluation.capaian import Result
from evkin.numbers import format_number, format_percent

TARGET_COLOUR = "#c9ced6"
ACTUAL_COLOUR = "#1f4e8c"
FONT_FAMILY = "font-family: 'Liberation Sans', Arial, sans-serif"
MISSING_COLOUR = "#b00020"
WIDTH_IN = 6.3  # the text width of A4/F4 with 3 cm + 2 cm margins
ROW_IN = 0.42
LEFT_IN = 2.2  # room for "IK-01  " and two lines of the indicator's name
RIGHT_IN = 1.75  # the column of figures right of the bars
LABEL_CHARS = 32


def _label(result: Result) -> str:
    ind = result.indicator
    lines = textwrap.wrap(ind.indikator, LABEL_CHARS) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), LABEL_CHARS, placeholder=" …")]
    return f"{ind.id}  " + "\n".join(lines)


def _unit(result: Result, value: Decimal) -> str:
    unit = result.indicator.satuan
    text = format_number(value)
    return f"{text} %" if unit == "%" else f"{text} {unit}"


def _target(result: Result) -> str:
    ind = result.indicator
    if ind.target_maks is not None:
        unit = "%" if ind.satuan == "%" else ind.satuan
        return f"{format_number(ind.target)}–{format_number(ind.target_maks)} {unit}"
    return _unit(result, ind.target)


def value_label(result: Result, sep: str = "  ") -> str:
    """``101,46 %  (R 81,17 % / T 80,50 %)``: the capaian, then the raw figures."""
    head = format_percent(result.value) if result.value is not None else "tidak dapat dihitung"
    return f"{head}{sep}(R {_unit(result, result.indicator.realisasi)} / T {_target(result)})"


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _lines(x: float, y: float, lines: Sequence[str], anchor: str, size: float,
           colour: str = "#222222") -> str:
    """Text lines centred vertically on ``y`` (points)."""
    step = size * 1.25
    first = y - step * (len(lines) - 1) / 2 + size * 0.35
    spans = "".join(f'<tspan x="{x:.2f}" y="{first + i * step:.2f}">{_esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    return (f'<text text-anchor="{anchor}" font-size="{size}" fill="{colour}" '
            f'style="{FONT_FAMILY}">{spans}</text>')


def chart_svg(results: Sequence[Result]) -> str:
    """SVG text: one row per indicator, target (100 %) against realisasi (capaian).

    Drawn directly rather than through a plotting library: the layout is fixed (rows of bars
    with labels in set columns), and this takes a millisecond where a figure library takes a
    tenth of a second per report plus its import.
    """
    rows = list(results)
    n = max(len(rows), 1)
    values = [float(r.value) if r.value is not None else 0.0 for r in rows]
    top = max([125.0, *(v + 5 for v in values)])
    top = 25.0 * -(-top // 25)
    pt = 72.0
    width, row = WIDTH_IN * pt, ROW_IN * pt
    left, right = LEFT_IN * pt, WIDTH_IN * pt - RIGHT_IN * pt
    plot_top = 0.32 * pt
    plot_bottom = plot_top + row * n
    height = plot_bottom + 0.53 * pt

    def x_of(value: float) -> float:
        return left + (right - left) * min(max(value, 0.0), top) / top

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2f}pt" '
           f'height="{height:.2f}pt" viewBox="0 0 {width:.2f} {height:.2f}" version="1.1">',
           '<rect width="100%" height="100%" fill="#ffffff"/>']
    ticks = list(range(0, int(top) + 1, 25))
    for tick in ticks:  # grid, tick labels
        x = x_of(tick)
        out.append(f'<line x1="{x:.2f}" y1="{plot_top:.2f}" x2="{x:.2f}" y2="{plot_bottom:.2f}" '
                   'stroke="#e5e5e5" stroke-width="0.5"/>')
        out.append(_lines(x, plot_bottom + 9, [f"{tick} %"], "middle", 7.5))
    out.append(_lines((left + right) / 2, plot_bottom + 24, ["Capaian terhadap target"],
                      "middle", 7.5))
    for i, (result, value) in enumerate(zip(rows, values, strict=True)):
        centre = plot_top + row * (i + 0.5)
        wide, thin = row * 0.72, row * 0.38
        out.append(f'<rect x="{left:.2f}" y="{centre - wide / 2:.2f}" '
                   f'width="{x_of(100) - left:.2f}" height="{wide:.2f}" fill="{TARGET_COLOUR}"/>')
        out.append(f'<rect x="{left:.2f}" y="{centre - thin / 2:.2f}" '
                   f'width="{x_of(value) - left:.2f}" height="{thin:.2f}" '
                   f'fill="{ACTUAL_COLOUR}"/>')
        out.append(_lines(left - 4, centre, _label(result).split("\n"), "end", 6.5))
        colour = "#222222" if result.value is not None else MISSING_COLOUR
        out.append(_lines(right + 0.03 * (right - left), centre,
                          value_label(result, "\n").split("\n"), "start", 6.5, colour))
    x100 = x_of(100)
    out.append(f'<line x1="{x100:.2f}" y1="{plot_top:.2f}" x2="{x100:.2f}" '
               f'y2="{plot_bottom:.2f}" stroke="#444444" stroke-width="0.8" '
               'stroke-dasharray="3 2"/>')
    out.append(f'<path d="M {left:.2f} {plot_top:.2f} V {plot_bottom:.2f} H {right:.2f}" '
               'fill="none" stroke="#666666" stroke-width="0.6"/>')
    legend_y = plot_top - 10
    out.append(f'<rect x="{left:.2f}" y="{legend_y - 4:.2f}" width="14" height="7" '
               f'fill="{TARGET_COLOUR}"/>')
    out.append(_lines(left + 18, legend_y, ["Target (100 %)"], "start", 7))
    second = left + 100
    out.append(f'<rect x="{second:.2f}" y="{legend_y - 4:.2f}" width="14" height="7" '
               f'fill="{ACTUAL_COLOUR}"/>')
    out.append(_lines(second + 18, legend_y, ["Realisasi (capaian terhadap target)"], "start",
                      7))
    out.append("</svg>")
    return "\n".join(out) + "\n"
