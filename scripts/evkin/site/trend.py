"""Per indicator, its realisasi against its target across periods: a page with a line chart
(SVG drawn here, no script) and a table with the capaian, plus the index of all indicators with
a small sparkline each. Capaian itself is not plotted: for an indicator on target it is a flat
line near 100 % that says nothing of where the figures went."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from evkin.evaluation.capaian import Result
from evkin.evaluation.summary import target_text
from evkin.numbers import format_number
from evkin.site import html, paths
from evkin.site.collect import Report
from evkin.site.html import raw
from evkin.site.indexes import KINDS
from evkin.site.safe import html_block, md_heading, plain_title, slug, text
from evkin.site.search import unsearched
from evkin.site.titles import front_matter

# The axis labels' size on a phone, in chart units (``svg .evkin-sumbu`` in evkin.css): a
# 760-unit chart is about 360 px wide there, so 19 units show as 9 px.
PHONE_FONT = 19


@dataclass(frozen=True)
class Point:
    report: Report
    result: Result


@dataclass(frozen=True)
class Series:
    """One indicator (by id, in one unit) across every report that has it, oldest first.
    An id used with several units gives one series per unit: a trend never mixes units."""

    key: str  # file-safe, unique
    indicator_id: str
    points: tuple[Point, ...]
    split: bool = False  # the id also has series in other units

    @property
    def latest(self) -> Point:
        return self.points[-1]

    @property
    def name(self) -> str:
        return self.latest.result.indicator.indikator

    @property
    def unit(self) -> str:
        return self.latest.result.indicator.satuan

    @property
    def label(self) -> str:
        """The id as lists show it: ``IK-04``, or ``IK-04 (dokumen)`` when split by unit."""
        return f"{self.indicator_id} ({self.unit})" if self.split else self.indicator_id

    def renames(self) -> list[tuple[str, str, str]]:
        """(old name, new name, period of the first report with the new name), oldest first."""
        out = []
        for before, after in zip(self.points, self.points[1:], strict=False):
            old, new = before.result.indicator.indikator, after.result.indicator.indikator
            if " ".join(old.split()).lower() != " ".join(new.split()).lower():
                ev = after.report.evaluation
                out.append((old, new, ev.period.label() if ev.period else ev.id))
        return out


def _unit_key(unit: str) -> str:
    return " ".join(unit.lower().split())


def gather(reports: Sequence[Report]) -> list[Series]:
    """Series per indicator id and unit, in order of first appearance; reports are in
    period order."""
    found: dict[tuple[str, str], list[Point]] = {}
    for report in reports:
        for result in report.results:
            ind = result.indicator
            found.setdefault((ind.id, _unit_key(ind.satuan)), []).append(Point(report, result))
    units_per_id: dict[str, int] = {}
    for indicator_id, _ in found:
        units_per_id[indicator_id] = units_per_id.get(indicator_id, 0) + 1
    used: set[str] = set()
    out = []
    for (indicator_id, unit), points in found.items():
        split = units_per_id[indicator_id] > 1
        base = slug(f"{indicator_id} {unit}") if split else slug(indicator_id)
        key, n = base, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        out.append(Series(key, indicator_id, tuple(points), split))
    return out


def short_label(report: Report) -> str:
    period = report.evaluation.period
    if period is None:
        return report.id
    if period.kind == "tahunan":
        return str(period.year)
    prefix = "S" if period.kind == "semester" else "TW"
    return f"{prefix}{period.number} {period.year}"


def _value(point: Point) -> Decimal | None:
    return point.result.rounded


def _bounds(point: Point) -> tuple[float, float | None]:
    ind = point.result.indicator
    return float(ind.target), None if ind.target_maks is None else float(ind.target_maks)


def _scale(values: Sequence[float]) -> tuple[float, float, float]:
    """(bottom, top, step) of an axis holding ``values``: about five round ticks."""
    low, high = min(values), max(values)
    if high == low:
        high, low = high + (abs(high) or 1) * 0.1, low - (abs(low) or 1) * 0.1
    pad = (high - low) * 0.12
    low, high = low - pad, high + pad
    if min(values) >= 0:
        low = max(low, 0.0)
    raw_step = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _tick_text(value: float, step: float) -> str:
    decimals = 0 if step >= 1 else 1 if step >= 0.1 else 2
    return format_number(Decimal(f"{value:.{decimals}f}"))


def chart(points: Sequence[Point], width: int = 760, height: int = 280) -> str:
    """Realisasi (solid line) against target (dashed; a shaded band for a range target), in
    the indicator's unit; each point has a tooltip with both figures and the capaian."""
    unit = points[-1].result.indicator.satuan if points else ""
    values: list[float] = []
    for p in points:
        low, high = _bounds(p)
        values += [float(p.result.indicator.realisasi), low] + ([high] if high is not None
                                                                else [])
    bottom, top, step = _scale(values or [0.0, 100.0])
    ticks = []
    tick = bottom
    while tick <= top + step / 1000:
        ticks.append(tick)
        tick += step
    # Room for the axis's numbers as a phone shows them (PHONE_FONT units, 0.6 em a character).
    widest = max((len(_tick_text(t, step)) for t in ticks), default=3)
    count = len(points)
    label_every = max(1, -(-count // 12))
    labelled = sorted({i for i in range(count) if i % label_every == 0 or i == count - 1})
    longest = max((len(short_label(points[i].report)) for i in labelled), default=0)
    # The last period's label is centred on the right edge of the plot: half of it fits.
    left = max(64, round(widest * PHONE_FONT * 0.6) + 12)
    right = max(16, round(longest * PHONE_FONT * 0.3) + 4)
    upper, lower = 14, 42
    plot_w, plot_h = width - left - right, height - upper - lower

    def x(i: int) -> float:
        return left + (plot_w / 2 if count == 1 else plot_w * i / (count - 1))

    def y(v: float) -> float:
        return upper + plot_h * (top - v) / (top - bottom)

    gaps = [x(b) - x(a) for a, b in itertools.pairwise(labelled)]
    # "lega": the period labels keep apart at a phone's larger font too (see evkin.css).
    roomy = not gaps or min(gaps) >= longest * PHONE_FONT * 0.6 + 8
    shown = set(labelled)
    parts = [f'<svg class="evkin-tren{" evkin-lega" if roomy else ""}" '
             f'viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="Grafik realisasi dan target" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for tick in ticks:
        yy = y(tick)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" '
                     f'class="evkin-grid"/><text x="{left - 6}" y="{yy + 4:.1f}" '
                     f'text-anchor="end" class="evkin-sumbu">{text(_tick_text(tick, step))}'
                     f'</text>')
    band = [(i, *_bounds(p)) for i, p in enumerate(points)]
    if any(high is not None for _, _, high in band):
        upper_edge = [f"{x(i):.1f},{y(high if high is not None else low):.1f}"
                      for i, low, high in band]
        lower_edge = [f"{x(i):.1f},{y(low):.1f}" for i, low, _ in reversed(band)]
        parts.append(f'<polygon points="{" ".join(upper_edge + lower_edge)}" '
                     'class="evkin-rentang"/>')
    if count == 1:
        _, low, high = band[0]
        for bound in (low, high):
            if bound is not None:
                parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(bound):.1f}" '
                             f'y2="{y(bound):.1f}" class="evkin-target"/>')
    else:
        parts.append('<polyline points="' + " ".join(f"{x(i):.1f},{y(low):.1f}"
                                                   for i, low, _ in band)
                     + '" class="evkin-target"/>')
        if any(high is not None for _, _, high in band):
            parts.append('<polyline points="' + " ".join(
                f"{x(i):.1f},{y(high if high is not None else low):.1f}" for i, low, high in band)
                + '" class="evkin-target"/>')
        parts.append('<polyline points="' + " ".join(
            f"{x(i):.1f},{y(float(p.result.indicator.realisasi)):.1f}"
            for i, p in enumerate(points)) + '" class="evkin-garis"/>')
    for i, p in enumerate(points):
        ind = p.result.indicator
        ev = p.report.evaluation
        tip = (f"{ev.period.label() if ev.period else ev.id}: realisasi "
               f"{format_number(ind.realisasi)} {unit}; target {target_text(p.result)} {unit}; "
               f"capaian {html.percent(_value(p))}")
        parts.append(f'<circle cx="{x(i):.1f}" cy="{y(float(ind.realisasi)):.1f}" r="4" '
                     f'class="evkin-titik"><title>{text(tip)}</title></circle>')
        if i in shown:
            parts.append(f'<text x="{x(i):.1f}" y="{height - lower + 22}" text-anchor="middle" '
                         f'class="evkin-sumbu evkin-sumbu-x">{text(short_label(p.report))}'
                         f'</text>')
    parts.append("</svg>")
    return "".join(parts)


def sparkline(points: Sequence[Point], width: int = 120, height: int = 28) -> str:
    """Realisasi (line) and target (dashed) of the last periods, without axes."""
    shown = points[-20:]
    if not shown:
        return ""
    realised = [float(p.result.indicator.realisasi) for p in shown]
    targets = [_bounds(p)[0] for p in shown]
    low, high = min(realised + targets), max(realised + targets)
    span = (high - low) or 1.0

    def y(v: float) -> float:
        return 3 + (height - 6) * (high - v) / span

    n = len(shown)

    def xs(i: int) -> float:
        return (width - 6) * (i / (n - 1) if n > 1 else 0.5) + 3

    coords = [f"{xs(i):.1f},{y(v):.1f}" for i, v in enumerate(realised)]
    target = [f"{xs(i):.1f},{y(v):.1f}" for i, v in enumerate(targets)]
    if n == 1:
        shape = (f'<line x1="0" x2="{width}" y1="{y(targets[0]):.1f}" y2="{y(targets[0]):.1f}" '
                 f'class="evkin-target"/><circle cx="{xs(0):.1f}" cy="{y(realised[0]):.1f}" '
                 f'r="3" class="evkin-titik"/>')
    else:
        shape = (f'<polyline points="{" ".join(target)}" class="evkin-target"/>'
                 f'<polyline points="{" ".join(coords)}" class="evkin-garis"/>')
    return (f'<svg class="evkin-mini" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
            f'{shape}</svg>')


def index_page(all_series: Sequence[Series]) -> str:
    page = paths.INDICATORS
    rows: list[list[html.Cell]] = []
    for s in all_series:
        latest = s.latest
        rows.append([
            s.label,
            raw(html.link(paths.url(page, paths.indicator_page(s.key)), s.name)),
            latest.result.indicator.sasaran,
            f"{html.percent(latest.result.rounded)} ({short_label(latest.report)})",
            raw(html.predikat_badge(latest.result.predikat)),
            raw(sparkline(s.points)),
        ])
    table = (html.table(["ID", "Indikator", "Sasaran", "Capaian terakhir", "Predikat", "Tren"],
                        rows, {3}, "evkin-indikator") if rows
             else '<p class="evkin-catatan">Belum ada indikator.</p>')
    return "\n".join([
        front_matter("Tren indikator kinerja"),
        md_heading(1, "Tren indikator kinerja", "tren-indikator"), "",
        html_block("<p>Realisasi setiap indikator terhadap targetnya dari periode ke periode "
                   "(garis putus-putus = target). Pilih indikator untuk melihat grafik dan "
                   "angka lengkapnya.</p>\n" + table),
    ]) + "\n"


def indicator_page(series: Series) -> str:
    page = paths.indicator_page(series.key)
    latest = series.latest.result.indicator
    parts = [front_matter(plain_title(f"{series.label} {series.name}")),
             md_heading(1, f"{series.label} {series.name}", "indikator"), "",
             html.definition_list([("Sasaran", latest.sasaran), ("Satuan", latest.satuan),
                                   ("Polaritas", "semakin tinggi semakin baik"
                                    if latest.polaritas == "positif"
                                    else "semakin rendah semakin baik")])]
    notes = []
    if series.split:
        notes.append(f"Id {text(series.indicator_id)} juga dipakai dengan satuan lain; "
                     f"angka dengan satuan lain ditampilkan pada halaman tersendiri agar "
                     f"satuan tidak tercampur.")
    for old, new, since in series.renames():
        notes.append(f"Nama indikator berubah sejak {text(since)}: “{text(old)}” menjadi "
                     f"“{text(new)}”.")
    parts[-1] = html_block(parts[-1] + "".join(
        f'<p class="evkin-catatan">{note}</p>' for note in notes))
    kinds: dict[str, list[Point]] = {}
    for p in series.points:
        period = p.report.evaluation.period
        kinds.setdefault(period.kind if period else "lainnya", []).append(p)
    for kind, points in kinds.items():
        name = KINDS.get(kind, kind.capitalize())
        parts += ["", md_heading(2, f"Tren {name.lower()}", f"tren-{kind}"), "",
                  html_block(f'<figure class="evkin-grafik">{chart(points)}<figcaption>'
                             f"Realisasi {text(series.indicator_id)} per periode "
                             f"{text(name.lower())} ({text(series.unit)}): garis biru = "
                             "realisasi, garis putus-putus = target (rentang target diarsir)."
                             "</figcaption></figure>")]
    rows: list[list[html.Cell]] = []
    for p in reversed(series.points):
        r = p.result
        ev = p.report.evaluation
        label = ev.period.label() if ev.period else ev.id
        state = "" if p.report.final else html.badge("Draf", "draf") + " "
        rows.append([raw(state + html.link(paths.url(page, paths.report_page(ev)), label)),
                     target_text(r), format_number(r.indicator.realisasi), r.indicator.satuan,
                     html.percent(r.rounded), raw(html.predikat_badge(r.predikat))])
    # Not searched: every row is a report's own figures, which its page shows and the search
    # finds there. Indexed, the table made each of these pages match nearly every report's
    # words ("Sangat Tinggi", a period, a year) and rank first for them, above the reports;
    # at 1,000 reports it was three quarters of the HTML the index reads at each publication.
    parts += ["", md_heading(2, "Angka per periode", "angka"), "",
              html_block(unsearched(html.table(
                  ["Periode (laporan)", "Target", "Realisasi", "Satuan", "Capaian",
                   "Predikat"], rows, {1, 2, 4})))]
    return "\n".join(parts) + "\n"
