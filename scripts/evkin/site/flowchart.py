"""The SOP as a swimlane flowchart (the layout of SOP sheets under PermenPAN-RB 35/2012:
activity, one lane per actor, then the quality standard columns), drawn as SVG from
``sop.yml``. Pure.

Drawn here rather than by Mermaid so that the page runs no script and loads nothing from
outside the site; the same shapes: a capsule starts and ends the process, a rectangle is an
activity, a diamond is a decision whose "Tidak" arrow returns to an earlier step.
"""

from __future__ import annotations

import itertools
import textwrap
from dataclasses import dataclass

from evkin.site.safe import text
from evkin.sop import Sop, SopStep

FONT = 12
LINE = 15
CHAR = 6.4  # average glyph width at 12 px in a sans-serif face
HEADER = 56
PAD = 12
SHAPE_W, SHAPE_H = 84, 34
DIAMOND_W, DIAMOND_H = 72, 46
RETURN_OFFSET = 20


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int


def _wrap(value: str, width: int) -> list[str]:
    chars = max(6, int((width - 2 * PAD) / CHAR))
    return textwrap.wrap(" ".join(value.split()), chars) or [""]


def _lines(x: float, y: float, lines: list[str], anchor: str = "start",
           css: str = "evkin-sop-teks") -> str:
    spans = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else LINE}">{text(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{css}">{spans}</text>'


def flowchart(sop: Sop) -> str:
    actors: list[str] = []
    for step in sop.steps:
        if step.actor not in actors:
            actors.append(step.actor)
    columns = [Column("no", "No", 40), Column("kegiatan", "Kegiatan", 250)]
    columns += [Column(f"lane:{a}", sop.role_label(a), 112) for a in actors]
    columns += [Column("kelengkapan", "Kelengkapan", 160), Column("waktu", "Waktu", 78),
                Column("output", "Output", 160)]
    xs: dict[str, float] = {}
    x = 0.0
    for c in columns:
        xs[c.key] = x
        x += c.width
    width = x
    widths = {c.key: c.width for c in columns}

    def cell_lines(step: SopStep) -> dict[str, list[str]]:
        return {
            "no": [str(step.number)],
            "kegiatan": _wrap(step.uraian, widths["kegiatan"]),
            "kelengkapan": _wrap(step.kelengkapan, widths["kelengkapan"]),
            "waktu": _wrap(step.waktu.label(), widths["waktu"]),
            "output": _wrap(step.output, widths["output"]),
        }

    rows: list[tuple[SopStep, float, float, dict[str, list[str]]]] = []
    y = float(HEADER)
    for step in sop.steps:
        content = cell_lines(step)
        height = max(78.0, max(len(v) for v in content.values()) * LINE + 2 * PAD)
        rows.append((step, y, height, content))
        y += height
    total_h = y

    out = [f'<svg class="evkin-sop" viewBox="0 0 {width:.0f} {total_h:.0f}" '
           f'width="{width:.0f}" role="img" aria-label="Diagram alir SOP {text(sop.nomor)}" '
           'xmlns="http://www.w3.org/2000/svg">',
           '<defs><marker id="evkin-panah" viewBox="0 0 10 10" refX="9" refY="5" '
           'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
           '<path d="M0,0 L10,5 L0,10 z" class="evkin-sop-panah"/></marker></defs>']
    lane_keys = [f"lane:{a}" for a in actors]
    # Header: "Pelaksana" over the lanes, "Mutu Baku" over the last three columns.
    first_lane, last_lane = xs[lane_keys[0]], xs[lane_keys[-1]] + widths[lane_keys[-1]]
    out.append(f'<rect x="0" y="0" width="{width:.0f}" height="{HEADER}" '
               'class="evkin-sop-kepala"/>')
    out.append(_lines((first_lane + last_lane) / 2, 18, ["Pelaksana"], "middle",
                      "evkin-sop-judul"))
    mutu = xs["kelengkapan"]
    out.append(_lines((mutu + width) / 2, 18, ["Mutu Baku"], "middle", "evkin-sop-judul"))
    out.append(f'<line x1="{first_lane}" x2="{last_lane}" y1="26" y2="26" '
               'class="evkin-sop-garis"/>')
    out.append(f'<line x1="{mutu}" x2="{width}" y1="26" y2="26" class="evkin-sop-garis"/>')
    for c in columns:
        cx = xs[c.key] + c.width / 2
        if c.key in ("no", "kegiatan"):
            out.append(_lines(cx, HEADER / 2 + 4, [c.title], "middle", "evkin-sop-judul"))
        else:
            out.append(_lines(cx, 44, _wrap(c.title, c.width)[:1], "middle", "evkin-sop-judul"))
    # Grid.
    for c in columns[1:]:
        top = 26 if (c.key in lane_keys[1:] or c.key in ("waktu", "output")) else 0
        out.append(f'<line x1="{xs[c.key]}" x2="{xs[c.key]}" y1="{top}" y2="{total_h}" '
                   'class="evkin-sop-garis"/>')
    for _, row_y, _, _ in rows:
        out.append(f'<line x1="0" x2="{width:.0f}" y1="{row_y:.1f}" y2="{row_y:.1f}" '
                   'class="evkin-sop-garis"/>')
    out.append(f'<rect x="0.5" y="0.5" width="{width - 1:.0f}" height="{total_h - 1:.0f}" '
               'class="evkin-sop-bingkai"/>')
    # Text cells.
    for _step, row_y, _, content in rows:
        for key, lines in content.items():
            anchor = "middle" if key in ("no", "waktu") else "start"
            tx = xs[key] + (widths[key] / 2 if anchor == "middle" else PAD)
            out.append(_lines(tx, row_y + PAD + FONT, lines, anchor))
    # Shapes.
    centres: dict[int, tuple[float, float]] = {}
    for index, (step, row_y, height, _) in enumerate(rows):
        lane = f"lane:{step.actor}"
        cx, cy = xs[lane] + widths[lane] / 2, row_y + height / 2
        centres[step.number] = (cx, cy)
        label = text(str(step.number))
        if step.approval:
            hw, hh = DIAMOND_W / 2, DIAMOND_H / 2
            out.append(f'<polygon points="{cx},{cy - hh} {cx + hw},{cy} {cx},{cy + hh} '
                       f'{cx - hw},{cy}" class="evkin-sop-bentuk"><title>Langkah {label}: '
                       f'{text(step.output)}</title></polygon>')
        else:
            radius = SHAPE_H / 2 if index in (0, len(rows) - 1) else 3
            out.append(f'<rect x="{cx - SHAPE_W / 2}" y="{cy - SHAPE_H / 2}" width="{SHAPE_W}" '
                       f'height="{SHAPE_H}" rx="{radius}" class="evkin-sop-bentuk"><title>'
                       f"Langkah {label}: {text(step.output)}</title></rect>")
        out.append(f'<text x="{cx}" y="{cy + 4}" text-anchor="middle" '
                   f'class="evkin-sop-nomor">{label}</text>')
    # Flow arrows: down, across at the row boundary, down into the next shape.
    for (step, _, _, _), (nxt, next_y, _, _) in itertools.pairwise(rows):
        (x1, y1), (x2, y2) = centres[step.number], centres[nxt.number]
        start = y1 + (DIAMOND_H if step.approval else SHAPE_H) / 2
        end = y2 - (DIAMOND_H if nxt.approval else SHAPE_H) / 2
        mid = next_y + 10
        points = f"{x1},{start} {x1},{mid} {x2},{mid} {x2},{end}"
        out.append(f'<polyline points="{points}" class="evkin-sop-alur" '
                   'marker-end="url(#evkin-panah)"/>')
        if step.approval:
            out.append(f'<text x="{x1 + 6}" y="{start + 13}" class="evkin-sop-kecil">Ya</text>')
    # Return arrows of decisions: from the diamond's side to the lane of the earlier step,
    # then up into that step's shape.
    by_number = {s.number: s for s, _, _, _ in rows}
    for step, _, _, _ in rows:
        if not step.approval or step.return_to_step is None:
            continue
        target = by_number.get(step.return_to_step)
        if target is None:
            continue
        (x1, y1), (x2, y2) = centres[step.number], centres[target.number]
        side = 1 if x2 >= x1 else -1
        tx = x2 + side * RETURN_OFFSET if x2 != x1 else x1 + DIAMOND_W / 2 + RETURN_OFFSET
        sx = x1 + side * DIAMOND_W / 2
        if target.approval:
            frac = 1 - RETURN_OFFSET / (DIAMOND_W / 2)
            ty = y2 + DIAMOND_H / 2 * frac
        else:
            ty = y2 + SHAPE_H / 2
        out.append(f'<polyline points="{sx},{y1} {tx},{y1} {tx},{ty}" '
                   'class="evkin-sop-alur evkin-sop-kembali" marker-end="url(#evkin-panah)"/>')
        out.append(f'<text x="{sx + side * 6}" y="{y1 - 6}" '
                   f'text-anchor="{"start" if side > 0 else "end"}" '
                   'class="evkin-sop-kecil">Tidak</text>')
    out.append("</svg>")
    return "".join(out)
