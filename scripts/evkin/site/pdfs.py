"""The report PDFs and charts the archive publishes, cached by the hash of what they are made of.

Key = evkin's version and rendering code, the settings (and emblem, and the fonts chosen), the
evaluation folder's files, the previous evaluation's folder (the comparison table; for a final
report its tree at the approved commit), the approval trail file and whether it verifies. A
rebuild after one report changed rebuilds that one PDF. The key leaves the commit out on
purpose: a report whose content did not change keeps its published bytes (and so its SHA-256)
across unrelated commits.

PDFs come from ``evkin.render.pdf`` (one pandoc run and one Typst compiler per batch; batches
spread over the cores); charts from ``evkin.render.chart.chart_svg``, the same SVG the PDF
embeds.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from evkin.approval.records import trail_path
from evkin.evaluation.capaian import Result
from evkin.files import KEEP_DAYS, place, unused, used, write_atomic
from evkin.provenance import Source
from evkin.render import chart as chart_module
from evkin.render import fonts
from evkin.render.chart import chart_svg
from evkin.render.pdf import CHART_ROWS, ReportForPdf, build_loaded, single_threaded
from evkin.report.outputs import loaded as of
from evkin.report.outputs import sources_for
from evkin.settings import SETTINGS_FILE, Settings
from evkin.site.collect import Report
from evkin.site.pagecache import package_hash

CACHE_DIR = Path("build") / "evkin-cache"
PARALLEL_FROM = 4
# Reports per worker task: each task starts one pandoc; small tasks keep every core busy to
# the end (a core idles for up to one task while the last ones finish). A task's own cost
# (pandoc's start, a compiler) is lost in the noise next to its reports': 60 reports in 12
# tasks or in 2 took the same CPU (11.9-13.4 s against 12.0-12.1 s).
CHUNK = 10


@dataclass(frozen=True)
class Artefact:
    key: str
    pdf: Path | None  # in the cache; None when the PDF could not be built
    charts: tuple[Path, ...]
    sha256: str = ""
    size: int = 0
    problem: str = ""  # why there is no PDF
    pending: bool = False  # being built while the pages are (see ``Running``)
    seal: str = ""  # '' (none asked), 'tersegel', 'ditandatangani', 'belum' (see sealing)
    seal_note: str = ""  # why it is not sealed yet
    render_sha256: str = ""  # the PDF as rendered, before sealing
    seal_at: str = ""  # ISO time the seal or signature itself states
    seal_by: str = ""  # its certificate's subject


def code_hash() -> str:
    """The one code key (``pagecache.package_hash``): every file of evkin, so a change to the
    code that computes capaian or predikat rebuilds PDFs as it rebuilds pages."""

    return package_hash()


def folder_hash(folder: Path) -> str:
    h = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def settings_hash(settings: Settings) -> str:

    h = hashlib.sha256()
    for path in (settings.root / SETTINGS_FILE,
                 settings.root / settings.agency.lambang if settings.agency.lambang else None):
        if path is not None and path.is_file():
            h.update(path.read_bytes())
    h.update("|".join(fonts.choose(settings.fonts).families).encode())
    return h.hexdigest()


def content_key(settings: Settings, report: Report, folders: Mapping[str, str],
                settings_part: str) -> str:

    trail = trail_path(settings.root, report.id)
    h = hashlib.sha256()
    # A final report's predecessor is its tree at the approved commit (``approved_inputs``).
    previous = (f"git:{report.previous_tree}" if report.settings_commit
                else folders.get(report.previous_id or "", "-"))
    for part in (code_hash(), settings_part, report.settings_commit, folders[report.id],
                 previous,
                 hashlib.sha256(trail.read_bytes()).hexdigest() if trail.is_file() else "-",
                 "final" if report.final else f"draf:{report.verification.reason}",
                 # the follow-up table quotes recommendations of other folders
                 hashlib.sha256(repr(report.follow_up).encode()).hexdigest()):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def chart_chunks(results: Sequence[Result]) -> list[Sequence[Result]]:

    return [results[i:i + CHART_ROWS] for i in range(0, len(results), CHART_ROWS)]


# (key, report) → the PDF and charts published before for it
# A report's PDF and charts found elsewhere, with the PDF's SHA-256 when already known.
Seed = Callable[[str, Report], tuple[Path, list[Path], str] | None]
# A step after rendering (publication seals final PDFs): artefact in, artefact out.
Finish = Callable[[Report, Artefact], Artefact]
Job = tuple[Settings, list[tuple[ReportForPdf, list[str]]], Path]
Found = dict[str, tuple[Path | None, str]]  # evaluation id → (PDF, problem)


def _build(job: Job) -> tuple[Found, list[str]]:
    """Worker: one PDF batch for these evaluations.

    ``chart_svg`` answers with the charts the archive already drew for its pages: the PDF
    embeds the very same SVG.
    """

    settings, items, out_dir = job
    original = chart_module.chart_svg
    drawn = {svg_key(chunk): svg for item, svgs in items
             for chunk, svg in zip(chart_chunks(item.results), svgs, strict=False)}

    def remembered(results: Sequence[Result]) -> str:
        return drawn.get(svg_key(results)) or original(results)

    chart_module.chart_svg = remembered
    try:
        batch = build_loaded(settings, [item for item, _ in items], out_dir,
                             Source("", None, frozenset()))
    finally:
        chart_module.chart_svg = original
    built = {b.evaluation_id: b.path for b in batch.built if b.kind == "laporan"}
    out: Found = {}
    for item, _ in items:
        evaluation_id = item.evaluation.id
        problem = ""
        if evaluation_id in batch.refused:
            problem = "; ".join(f.render() for f in batch.refused[evaluation_id][:3])
        out[evaluation_id] = (built.get(evaluation_id), problem)
    return out, list(batch.warnings)


def svg_key(results: Sequence[Result]) -> tuple[Result, ...]:
    return tuple(results)


@dataclass
class Plan:
    """Which reports' PDFs are in the cache and which must be built (``todo``)."""

    cache_dir: Path
    keys: dict[str, str]
    todo: list[Report]
    sums: dict[str, tuple[str, int]] = field(default_factory=dict)  # key → PDF SHA-256, size
    finish: Finish | None = None

    def chart_files(self, key: str) -> tuple[Path, ...]:
        count_file = self.cache_dir / f"{key}.charts"
        count = int(count_file.read_text() or 0) if count_file.is_file() else 0
        return tuple(self.cache_dir / f"{key}-{n}.svg" for n in range(1, count + 1))

    def artefacts(self, reports: Sequence[Report], pending: bool = False
                  ) -> dict[str, Artefact]:
        """What the cache holds per report; with ``pending``, the ``todo`` ones are marked as
        being built (charts are there already) instead of read."""
        waiting = {r.id for r in self.todo} if pending else set()
        out: dict[str, Artefact] = {}
        for r in reports:
            k = self.keys[r.id]
            pdf = self.cache_dir / f"{k}.pdf"
            charts = self.chart_files(k)
            problem_file = self.cache_dir / f"{k}.problem"
            if r.id in waiting:
                out[r.id] = Artefact(k, None, charts, pending=True)
            elif pdf.is_file():
                # A cached PDF never changes under its key: hashed once per build.
                if k not in self.sums:
                    self.sums[k] = (sha256_file(pdf), pdf.stat().st_size)
                out[r.id] = Artefact(k, pdf, charts, *self.sums[k])
                if self.finish is not None:
                    out[r.id] = self.finish(r, out[r.id])
            else:
                problem = problem_file.read_text(encoding="utf-8") \
                    if problem_file.is_file() else ""
                out[r.id] = Artefact(k, None, charts, problem=problem)
        return out


def plan(settings: Settings, reports: Sequence[Report], cache_dir: Path,
         seed: Seed | None = None, finish: Finish | None = None,
         known_keys: Mapping[str, str] | None = None) -> Plan:
    """Content keys, cache hits (``seed`` finds a PDF already published for a report, reused
    as it is so its SHA-256 stays, and preferred to the cache: a published final PDF is never
    replaced without a newer approval; a report the ``seed`` has nothing for — a publication's
    draft, or a final report whose derivation was refused — is built afresh, since ``build/``
    is no root of trust), and the charts of every report still to build.
    ``known_keys``: content keys computed moments ago in this process for the same assembled
    reports (publication derives first, then builds the site: every folder read once)."""
    given = known_keys or {}
    if all(r.id in given for r in reports):
        keys = {r.id: given[r.id] for r in reports}
    else:
        keys = _keys(settings, reports)
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo: list[Report] = []
    sums: dict[str, tuple[str, int]] = {}
    for r in reports:
        k = keys[r.id]
        pdf = cache_dir / f"{k}.pdf"
        if seed is not None:
            found = seed(k, r)
            if found is None:
                todo.append(r)
                continue
            # A publication's seed is mostly this very cache's files (its derivation):
            # nothing to place, nothing to rewrite.
            for n, chart in enumerate(found[1], 1):
                if chart != cache_dir / f"{k}-{n}.svg":
                    place(chart, cache_dir / f"{k}-{n}.svg")
            count = cache_dir / f"{k}.charts"
            if not count.is_file() or count.read_text() != str(len(found[1])):
                write_atomic(count, str(len(found[1])))
            if found[0] != pdf:
                place(found[0], pdf)
            if found[2]:  # read by the seed already: not hashed again (``artefacts``)
                sums[k] = (found[2], pdf.stat().st_size)
        known = pdf.is_file() or (cache_dir / f"{k}.problem").is_file()  # refusals repeat
        if not (known and (cache_dir / f"{k}.charts").is_file()):
            todo.append(r)
        else:
            used(cache_dir / f"{k}.charts")  # the entry's mark: kept by ``forget_renders``
    forget_renders(cache_dir)  # after the marks: what this build uses is never forgotten
    # The charts of ``todo`` are drawn by ``Running``, a batch at a time, each batch handed to
    # a worker as soon as its charts are drawn: the other cores lay out PDFs meanwhile.
    return Plan(cache_dir, keys, todo, finish=finish, sums=sums)


def forget_renders(cache_dir: Path, days: int = KEEP_DAYS) -> None:
    """Forget the renders no build used for ``days`` days (a new evkin or toolchain leaves a
    whole archive's worth behind). An entry is its ``.charts`` file, touched at each use, and
    goes first: an entry cut short reads as missing and is laid out again, never half used."""
    for mark in unused(cache_dir.glob("*.charts"), days):
        key = mark.stem
        mark.unlink(missing_ok=True)
        for part in [cache_dir / f"{key}.pdf", cache_dir / f"{key}.problem",
                     *cache_dir.glob(f"{key}-*.svg")]:
            part.unlink(missing_ok=True)


def _keys(settings: Settings, reports: Sequence[Report]) -> dict[str, str]:
    folders = {r.id: folder_hash(r.evaluation.path) for r in reports}
    for r in reports:
        if r.previous_id and r.previous_id not in folders and not r.settings_commit:
            folders[r.previous_id] = folder_hash(settings.evaluations_dir / r.previous_id)
    settings_part = settings_hash(settings)
    return {r.id: content_key(settings, r, folders, settings_part) for r in reports}


def _draw_charts(report: Report, key: str, cache_dir: Path) -> list[str]:
    """The report's charts, kept in the cache (the pages link them) and returned (its PDF
    embeds them)."""
    svgs = [chart_svg(chunk) for chunk in chart_chunks(report.results)] if report.results else []
    for n, svg in enumerate(svgs, 1):
        write_atomic(cache_dir / f"{key}-{n}.svg", svg)
    write_atomic(cache_dir / f"{key}.charts", str(len(svgs)))
    return svgs


class Running:
    """The ``todo`` PDFs being laid out by worker processes while the caller goes on (the
    MkDocs build); ``wait`` stores them in the cache and returns the warnings."""

    def __init__(self, settings: Settings, planned: Plan, jobs: int | None = None,
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.planned = planned
        self.progress = progress
        self.warnings: list[str] = []
        self.done = 0

        todo = planned.todo
        sources = sources_for(settings.root, todo)

        def items(reports: Sequence[Report]) -> list[tuple[ReportForPdf, list[str]]]:
            """What the batch's worker needs, its charts drawn."""
            return [(loaded(r, sources[r.id]),
                     _draw_charts(r, planned.keys[r.id], planned.cache_dir)) for r in reports]

        self.tmp = tempfile.TemporaryDirectory(prefix="evkin-pdf-", dir=planned.cache_dir)
        out_dir = Path(self.tmp.name)
        jobs = jobs or (os.cpu_count() or 1)
        self.jobs = jobs
        self.total = len(todo)
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[tuple[Found, list[str]]]] = []
        self.inline: list[Job] = []
        if not todo:
            return
        if len(todo) < PARALLEL_FROM or jobs == 1:
            self.inline = [(settings, items(todo), out_dir)]
            return
        # forkserver: forking a process that runs threads (a server, a browser driver) can
        # deadlock a child on a lock held at fork time.
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("forkserver"),
                                        initializer=single_threaded)
        try:
            for start, end in chunks(len(todo), jobs):
                self.futures.append(self.pool.submit(
                    _build, (settings, items(todo[start:end]), out_dir)))
        except BaseException:
            self.close()
            raise

    @property
    def busy(self) -> bool:
        """Are worker processes laying out PDFs on every core (at least one batch per
        worker still to finish)? Then work done meanwhile takes CPU from them whatever the
        number of processes it runs in."""
        return (self.pool is not None
                and sum(not future.done() for future in self.futures) >= self.jobs)

    def wait(self, stored: Callable[[list[str]], None] | None = None) -> list[str]:
        """Store each batch in the cache as it completes (so an interrupted build keeps what
        was done), telling ``stored`` which reports got their PDF; returns the warnings."""
        try:
            for job in self.inline:
                self._keep(_build(job), stored)
            for future in as_completed(self.futures):
                self._keep(future.result(), stored)
        finally:
            self.close()
        return self.warnings

    def _keep(self, result: tuple[Found, list[str]],
              stored: Callable[[list[str]], None] | None = None) -> None:
        found, found_warnings = result
        _store(found, self.planned.keys, self.planned.cache_dir)
        self.warnings += [w for w in found_warnings if w not in self.warnings]
        self.done += len(found)
        if self.progress:
            self.progress(self.done, self.total)
        if stored:
            stored([i for i, (pdf, _) in found.items() if pdf is not None])

    def close(self) -> None:
        """Stop the workers; batches that finished meanwhile are kept in the cache."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
            for future in self.futures:
                if future.done() and not future.cancelled() and future.exception() is None:
                    found = future.result()[0]
                    if any(self._unstored(i) for i in found):
                        _store(found, self.planned.keys, self.planned.cache_dir)
        self.tmp.cleanup()

    def _unstored(self, evaluation_id: str) -> bool:
        k = self.planned.keys[evaluation_id]
        cache = self.planned.cache_dir
        return not ((cache / f"{k}.pdf").is_file() or (cache / f"{k}.problem").is_file())

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def chunks(count: int, jobs: int) -> list[tuple[int, int]]:
    """The worker tasks for ``count`` PDFs: ``CHUNK`` at most (fewer for a small build, so
    every core gets some), and the last ones smaller, down to one PDF: the cores then finish
    together instead of one idling while the other lays out a whole chunk (up to a second at
    the end of a 1,000-report build)."""
    size = min(CHUNK, max(1, -(-count // (jobs * 3))))
    out: list[tuple[int, int]] = []
    start = 0
    while start < count:
        left = count - start
        # Once what is left fills every core only twice over, each task takes a share of it.
        step = size if left > 2 * jobs * size else max(1, min(size, left // (2 * jobs)))
        out.append((start, start + step))
        start += step
    return out


def loaded(report: Report, source: Source | None = None) -> ReportForPdf:
    """What the PDF needs of a report, as the archive already assembled it."""

    return of(report, source)


def _store(found: Found, keys: Mapping[str, str], cache_dir: Path) -> None:

    for evaluation_id, (pdf, problem) in found.items():
        k = keys[evaluation_id]
        if pdf is not None:
            os.replace(pdf, cache_dir / f"{k}.pdf")
            (cache_dir / f"{k}.problem").unlink(missing_ok=True)
        else:
            write_atomic(cache_dir / f"{k}.problem", problem)
