"""Target against realisasi per indicator as one SVG (matplotlib), shared by the PDF and the site.

Indicators have different units (%, hari, dokumen) and polarities, so raw values cannot share an
axis. Each row therefore shows the target as 100 % (grey) and the realisasi as its capaian
(blue), which already accounts for negative polarity and range targets; the label gives the raw
realisasi and target in the indicator's own unit.

Text stays text (``svg.fonttype: none``): searchable in the PDF and the site, a sixth of the size
of glyph paths and twice as fast to draw. It is laid out for DejaVu Sans, which Typst always has
(evkin's font chain ends with it) and which the site may serve; browsers without it fall back to
Liberation Sans/Arial. The output is byte-stable (fixed hash salt, no date).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from decimal import Decimal

from evkin.capaian import Result
from evkin.evaluation.numbers import format_number, format_percent

TARGET_COLOUR = "#c9ced6"
ACTUAL_COLOUR = "#1f4e8c"
FONT_FAMILY = "font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
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


def chart_svg(results: Sequence[Result]) -> str:
    """SVG text: one row per indicator, target (100 %) against realisasi (capaian)."""
    import matplotlib
    from matplotlib.figure import Figure

    rows = list(results)
    n = max(len(rows), 1)
    values = [float(r.value) if r.value is not None else 0.0 for r in rows]
    top = max([125.0, *(v + 5 for v in values)])
    top = 25.0 * -(-top // 25)
    with matplotlib.rc_context({
        "svg.fonttype": "none", "svg.hashsalt": "evkin", "font.family": "DejaVu Sans",
        "font.size": 7.5, "axes.edgecolor": "#666666", "axes.linewidth": 0.6,
    }):
        height = ROW_IN * n + 0.85
        fig = Figure(figsize=(WIDTH_IN, height))
        # Fixed margins instead of bbox_inches="tight", which draws the figure twice.
        fig.subplots_adjust(left=LEFT_IN / WIDTH_IN, right=1 - RIGHT_IN / WIDTH_IN,
                            top=1 - 0.32 / height, bottom=0.45 / height)
        ax = fig.add_subplot()
        ys = list(range(n))
        ax.barh(ys, [100.0] * len(rows), height=0.72, color=TARGET_COLOUR, label="Target (100 %)",
                zorder=1)
        ax.barh(ys, values, height=0.38, color=ACTUAL_COLOUR,
                label="Realisasi (capaian terhadap target)", zorder=2)
        ax.axvline(100, color="#444444", linewidth=0.8, linestyle=(0, (3, 2)), zorder=3)
        column = ax.get_yaxis_transform()  # x in axes fractions, y in rows
        for y, result in zip(ys, rows, strict=True):
            colour = "#222222" if result.value is not None else MISSING_COLOUR
            ax.text(1.03, y, value_label(result, "\n"), va="center", ha="left",
                    fontsize=6.5, color=colour, zorder=4, transform=column, linespacing=1.25)
        ax.set_yticks(ys, [_label(r) for r in rows] if rows else [""], fontsize=6.5)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlim(0, top)
        ticks = [t for t in range(0, int(top) + 1, 25)]
        ax.set_xticks(ticks, [f"{t} %" for t in ticks])
        ax.set_xlabel("Capaian terhadap target")
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="x", color="#e5e5e5", linewidth=0.5, zorder=0)
        ax.set_axisbelow(True)
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, frameon=False,
                  fontsize=7, borderaxespad=0.2)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue().replace("font-family: 'DejaVu Sans'", FONT_FAMILY)
