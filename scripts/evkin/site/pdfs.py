"""The report PDFs and charts the archive publishes, cached by the hash of what they are made of.

Key = evkin's version and rendering code, the settings (and emblem, and the fonts chosen), the
evaluation folder's files, the previous evaluation's folder (the comparison table), the
approval trail file and whether it verifies. A rebuild after one report changed rebuilds that
one PDF. The key leaves the commit out on purpose: a report whose content did not change keeps
its published bytes (and so its SHA-256) across unrelated commits.

PDFs come from ``evkin.render.pdf`` (one pandoc run and one Typst compiler per batch; batches
spread over the cores); charts from ``evkin.render.chart.chart_svg``, the same SVG the PDF
embeds.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import resources
from multiprocessing import get_context
from pathlib import Path

from evkin import __version__
from evkin.capaian import Result
from evkin.render.pdf import Loaded
from evkin.settings import SETTINGS_FILE, Settings
from evkin.site.collect import Report

CACHE_DIR = Path("build") / "evkin-cache"
PARALLEL_FROM = 4


@dataclass(frozen=True)
class Artefact:
    key: str
    pdf: Path | None  # in the cache; None when the PDF could not be built
    charts: tuple[Path, ...]
    sha256: str = ""
    size: int = 0
    problem: str = ""  # why there is no PDF


@cache
def code_hash() -> str:
    """evkin's version and every file of the rendering package."""
    h = hashlib.sha256(__version__.encode())
    render = resources.files("evkin.render")
    stack = [render]
    files = []
    while stack:
        item = stack.pop()
        for child in item.iterdir():
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append(child)
            elif child.is_file():
                files.append(child)
    for child in sorted(files, key=lambda c: str(c)):
        h.update(str(child).rsplit("render", 1)[-1].encode())
        h.update(child.read_bytes())
    return h.hexdigest()


def folder_hash(folder: Path) -> str:
    h = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def settings_hash(settings: Settings) -> str:
    from evkin.render import fonts

    h = hashlib.sha256()
    for path in (settings.root / SETTINGS_FILE,
                 settings.root / settings.agency.lambang if settings.agency.lambang else None):
        if path is not None and path.is_file():
            h.update(path.read_bytes())
    h.update("|".join(fonts.choose(settings.fonts).families).encode())
    return h.hexdigest()


def content_key(settings: Settings, report: Report, folders: Mapping[str, str],
                settings_part: str) -> str:
    from evkin.approval import trail_path

    trail = trail_path(settings.root, report.id)
    h = hashlib.sha256()
    for part in (code_hash(), settings_part, folders[report.id],
                 folders.get(report.previous_id or "", "-"),
                 hashlib.sha256(trail.read_bytes()).hexdigest() if trail.is_file() else "-",
                 "final" if report.final else f"draf:{report.verification.reason}"):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def chart_chunks(results: Sequence[Result]) -> list[Sequence[Result]]:
    from evkin.render.pdf import CHART_ROWS

    return [results[i:i + CHART_ROWS] for i in range(0, len(results), CHART_ROWS)]


Seed = Callable[[str], tuple[Path, list[Path]] | None]  # key → published PDF and charts
Job = tuple[Settings, list[Loaded], Path]


def _build(job: Job) -> tuple[dict[str, tuple[Path | None, list[str], str]], list[str]]:
    """Worker: charts first, then one PDF batch for these evaluations.

    While the batch runs, ``chart_svg`` answers from the charts just drawn: the PDF embeds the
    very same SVG, and drawing it twice would double the slowest part of the build.
    """
    from evkin.render import chart as chart_module
    from evkin.render.pdf import build_loaded

    settings, items, out_dir = job
    original = chart_module.chart_svg
    drawn: dict[tuple[Result, ...], str] = {}

    def remembered(results: Sequence[Result]) -> str:
        key = tuple(results)
        if key not in drawn:
            drawn[key] = original(results)
        return drawn[key]

    charts: dict[str, list[str]] = {}
    for item in items:
        charts[item.evaluation.id] = [remembered(chunk) for chunk in
                                      chart_chunks(item.results)] if item.results else []
    chart_module.chart_svg = remembered
    try:
        batch = build_loaded(settings, items, out_dir)
    finally:
        chart_module.chart_svg = original
    built = {b.evaluation_id: b.path for b in batch.built if b.kind == "laporan"}
    out: dict[str, tuple[Path | None, list[str], str]] = {}
    for item in items:
        evaluation_id = item.evaluation.id
        problem = ""
        if evaluation_id in batch.refused:
            problem = "; ".join(f.render() for f in batch.refused[evaluation_id][:3])
        out[evaluation_id] = (built.get(evaluation_id), charts[evaluation_id], problem)
    return out, list(batch.warnings)


def ensure(settings: Settings, reports: Sequence[Report], cache_dir: Path,
           seed: Seed | None = None, jobs: int | None = None,
           progress: Callable[[int, int], None] | None = None) -> tuple[dict[str, Artefact],
                                                                      list[str]]:
    """A PDF and chart(s) per report, from the cache when the key is known. ``seed`` finds a
    PDF already published under a key (reused as it is, so its SHA-256 stays). Returns
    warnings too."""
    folders = {r.id: folder_hash(r.evaluation.path) for r in reports}
    for r in reports:
        if r.previous_id and r.previous_id not in folders:
            folders[r.previous_id] = folder_hash(settings.evaluations_dir / r.previous_id)
    settings_part = settings_hash(settings)
    keys = {r.id: content_key(settings, r, folders, settings_part) for r in reports}
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo: list[Report] = []
    for r in reports:
        k = keys[r.id]
        pdf = cache_dir / f"{k}.pdf"
        if not pdf.is_file() and seed is not None:
            found = seed(k)
            if found is not None:
                for n, chart in enumerate(found[1], 1):
                    _place(chart, cache_dir / f"{k}-{n}.svg")
                (cache_dir / f"{k}.charts").write_text(str(len(found[1])))
                _place(found[0], pdf)
        if not (pdf.is_file() and (cache_dir / f"{k}.charts").is_file()):
            todo.append(r)
    warnings: list[str] = []
    if todo:
        warnings += _make(settings, todo, keys, cache_dir, jobs, progress)
    out: dict[str, Artefact] = {}
    for r in reports:
        k = keys[r.id]
        pdf = cache_dir / f"{k}.pdf"
        count_file = cache_dir / f"{k}.charts"
        count = int(count_file.read_text() or 0) if count_file.is_file() else 0
        charts = tuple(cache_dir / f"{k}-{n}.svg" for n in range(1, count + 1))
        problem_file = cache_dir / f"{k}.problem"
        if pdf.is_file():
            out[r.id] = Artefact(k, pdf, charts, sha256_file(pdf), pdf.stat().st_size)
        else:
            problem = problem_file.read_text(encoding="utf-8") if problem_file.is_file() else ""
            out[r.id] = Artefact(k, None, charts, problem=problem)
    return out, warnings


def _place(source: Path, dest: Path) -> None:
    tmp = dest.with_name(f".{dest.name}.tmp")
    shutil.copyfile(source, tmp)
    os.replace(tmp, dest)


def _make(settings: Settings, todo: Sequence[Report], keys: Mapping[str, str], cache_dir: Path,
          jobs: int | None, progress: Callable[[int, int], None] | None) -> list[str]:
    items = [loaded(r) for r in todo]
    jobs = jobs or (os.cpu_count() or 1)
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="evkin-pdf-", dir=cache_dir) as tmp:
        out_dir = Path(tmp)
        if len(items) < PARALLEL_FROM or jobs == 1:
            groups = [items]
        else:
            size = max(1, -(-len(items) // (jobs * 3)))
            groups = [items[i:i + size] for i in range(0, len(items), size)]
        done = 0
        results: list[tuple[dict[str, tuple[Path | None, list[str], str]], list[str]]] = []
        if len(groups) == 1:
            results.append(_build((settings, groups[0], out_dir)))
            _store(results[-1][0], keys, cache_dir)
        else:
            # forkserver: forking a process that runs threads (a server, a browser driver)
            # can deadlock a child on a lock held at fork time.
            with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("forkserver")
                                     ) as pool:
                for found in pool.map(_build, [(settings, g, out_dir) for g in groups]):
                    _store(found[0], keys, cache_dir)
                    results.append(found)
                    done += len(found[0])
                    if progress:
                        progress(done, len(items))
        for _, found_warnings in results:
            warnings += [w for w in found_warnings if w not in warnings]
    return warnings


def loaded(report: Report) -> Loaded:
    """What the PDF needs of a report, as the archive already computed it."""
    return Loaded(report.evaluation, report.results, report.previous_id, report.verification,
                  tuple(f for f in report.findings if f.severity == "error"))


def _store(found: Mapping[str, tuple[Path | None, list[str], str]], keys: Mapping[str, str],
           cache_dir: Path) -> None:
    from evkin.approval import write_atomic

    for evaluation_id, (pdf, charts, problem) in found.items():
        k = keys[evaluation_id]
        for n, svg in enumerate(charts, 1):
            write_atomic(cache_dir / f"{k}-{n}.svg", svg)
        if pdf is not None:
            os.replace(pdf, cache_dir / f"{k}.pdf")
            (cache_dir / f"{k}.problem").unlink(missing_ok=True)
        else:
            write_atomic(cache_dir / f"{k}.problem", problem)
        write_atomic(cache_dir / f"{k}.charts", str(len(charts)))

