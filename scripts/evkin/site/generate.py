"""Write the archive's pages into the generated, git-ignored part of ``docs/``.

Pages are plain Markdown files (with sanitized HTML blocks), so ``mkdocs build`` alone builds
the same site afterwards. Files that are no longer produced (an evaluation that lost its
approval, a renamed indicator) are removed; unchanged files are not rewritten.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from evkin.approval.records import trail_path
from evkin.cache_db import CacheDb
from evkin.files import link_or_copy, place
from evkin.settings import Settings
from evkin.site import pagecache, paths, search
from evkin.site import recommendations as recs_page
from evkin.site.attachments import attachments_page
from evkin.site.collect import Collection, Report
from evkin.site.indexes import (
    KINDS,
    archive_page,
    home_page,
    newest_first,
    pdf_cell,
    period_page,
    site_name,
    year_page,
)
from evkin.site.links import Assets
from evkin.site.pdfs import Artefact
from evkin.site.province import trail_file
from evkin.site.report import Pdf, pdf_part, report_page
from evkin.site.safe import plain_title
from evkin.site.slots import Pending, Render, Slots
from evkin.site.sop_page import sop_page
from evkin.site.titles import title
from evkin.site.trend import gather, index_page, indicator_page
from evkin.timing import indonesian_holidays
from evkin.titlecase import title_case

Content = str | Path  # page text, or a file to publish as is


@dataclass
class Generated:
    files: dict[str, Content] = field(default_factory=dict)  # docs-relative path → content
    pdfs: dict[str, Pdf] = field(default_factory=dict)  # evaluation id → published PDF
    warnings: list[str] = field(default_factory=list)
    slots: Slots = field(default_factory=Slots)  # where pages wait for a PDF being built
    pending: dict[str, Pending] = field(default_factory=dict)  # evaluation id → its stand-in
    # evaluation id → remember its pages once its PDF is in (``settle``)
    later: dict[str, Callable[[Pdf | None], None]] = field(default_factory=dict)


def _rememberer(entries: CacheDb, out: Generated, made: Mapping[str, str],
                files: Mapping[str, Path], key_for: Callable[[Pdf | None], str | None],
                evaluation: Path) -> Callable[[Pdf | None], None]:
    """Save a report's pages (as they stand in ``out`` by then) under the key for ``pdf``."""
    def remember(pdf: Pdf | None) -> None:
        key = key_for(pdf)
        if key is not None:
            texts = {page: str(out.files[page]) for page in made}
            pagecache.save(entries, key, pagecache.Cached(texts, dict(files)), evaluation)

    return remember


def pages(settings: Settings, collection: Collection, artefacts: Mapping[str, Artefact],
          docs: Path, published: Mapping[str, dt.date | dt.datetime] | None = None,
          page_cache: CacheDb | None = None, today: dt.date | None = None) -> Generated:
    """Every generated file, as data (nothing written yet). With ``page_cache``, each
    report's pages are remembered there and reused while nothing they show changed."""
    reports = list(collection.reports)
    preview = collection.preview
    out = Generated()
    assets = Assets()
    holidays = collection.holidays
    days = pagecache.holidays_hash(holidays)
    published = published or {}
    for r in reports:
        art = artefacts.get(r.id)
        pdf: Pdf | Pending | None = None
        charts: list[str] = []
        if art is not None:
            if art.pending:
                pdf = out.pending[r.id] = Pending(out.slots, r.id)
            elif art.pdf is not None:
                pdf = Pdf(paths.pdf_file(r.evaluation), art.sha256, art.size, art.seal,
                          art.seal_note, art.render_sha256, art.seal_at, art.seal_by)
                out.files[pdf.file] = art.pdf
                out.pdfs[r.id] = pdf
            elif art.problem:
                out.warnings.append(f"{r.id}: {art.problem}")
            for n, chart_file in enumerate(art.charts, 1):
                name = paths.chart_file(r.evaluation, n)
                out.files[name] = chart_file
                charts.append(name)
        when = published.get(r.id)

        def key_for(shown: Pdf | None, art: Artefact | None = art, charts: list[str] = charts,
                    when: object = when, evaluation_id: str = r.id,
                    timeline: object = r.timeline) -> str | None:
            if page_cache is None or art is None:
                return None
            state = f"{shown.sha256}:{shown.size}" if shown else f"-:{art.problem}"
            # The timeline comes from Git history too (draft commits), not only from files.
            return pagecache.page_key(evaluation_id, art.key, state, charts, when,
                                      days + repr(timeline),
                                      preview)

        key = None if isinstance(pdf, Pending) else key_for(pdf)
        found = (pagecache.load(page_cache, key, r.evaluation.path)
                 if page_cache and key else None)
        if found is not None:
            out.files.update(found.pages)
            assets.files.update(found.assets)
            continue
        mine = Assets()
        made = {paths.report_page(r.evaluation): report_page(r.settings or settings, r,
                                                             pdf, charts, mine),
                paths.attachments_page(r.evaluation): attachments_page(r.settings or settings, r,
                                                                       mine)}
        out.files.update(made)
        assets.files.update(mine.files)
        if page_cache is not None:
            remember = _rememberer(page_cache, out, made, mine.files, key_for,
                                   r.evaluation.path)
            if key is not None:
                remember(pdf if isinstance(pdf, Pdf) else None)
            else:
                out.later[r.id] = remember
    out.files.update(assets.files)
    for r in reports:  # a final report's trail beside its page, as recorded (portals check it)
        trail = trail_path(settings.root, r.id)
        if r.final and trail.is_file():
            out.files[trail_file(r)] = trail
    series = gather(reports)
    listed: dict[str, Pdf | Pending] = {**out.pdfs, **out.pending}
    out.files[paths.HOME] = home_page(settings, reports, listed, len(collection.withheld),
                                      preview, len(series), recs_page.open_count(reports))
    years_shown = [r.evaluation.period.year for r in reports if r.evaluation.period]
    out.files[paths.ARCHIVE] = archive_page(settings, reports, listed)
    by_year: dict[str, list[Report]] = {}
    by_kind: dict[str, list[Report]] = {}
    for r in reports:
        by_year.setdefault(paths.year_of(r.evaluation), []).append(r)
        if r.evaluation.period:
            by_kind.setdefault(r.evaluation.period.kind, []).append(r)
    for year, items in by_year.items():
        out.files[paths.year_page(year)] = year_page(settings, year, items, listed)
    for kind, items in by_kind.items():
        out.files[paths.period_page(kind)] = period_page(settings, kind, items, listed)
    out.files[paths.INDICATORS] = index_page(series)
    for s in series:
        out.files[paths.indicator_page(s.key)] = indicator_page(s)
    out.files[paths.SOP] = sop_page(settings)
    out.files[search.PAGE] = search.search_page(r.id for r in reports)
    out.files[search.SUMMARY_FILE] = search.summary_index(
        reports, {i: pdf.file for i, pdf in out.pdfs.items()})

    out.files[recs_page.PAGE] = recs_page.tracker_page(
        reports, today or dt.date.today(),
        indonesian_holidays(range(min(years_shown, default=dt.date.today().year),
                                  (today or dt.date.today()).year + 1)))
    emblem = _emblem(settings)
    if emblem is not None:
        out.files[f"{paths.ASSETS}/lambang{emblem.suffix.lower()}"] = emblem
    out.files[paths.NAV_FILE] = site_config(settings, collection, series, by_year, by_kind,
                                            docs, emblem)
    return out


def settle(generated: Generated, collection: Collection, artefacts: Mapping[str, Artefact]
           ) -> tuple[set[str], Render]:
    """The PDFs that were being built are done: put them and what pages show of them (size,
    SHA-256, or why there is none) in place of the stand-ins. Returns the pages changed and
    the renderer, for the same change in their HTML."""
    reports = collection.by_id()
    final: dict[str, Pdf | None] = {}
    for evaluation_id in generated.pending:
        art = artefacts.get(evaluation_id)  # none when the build was cut short
        report = reports[evaluation_id]
        if art is None:
            final[evaluation_id] = None
        elif art.pdf is not None:
            pdf = Pdf(paths.pdf_file(report.evaluation), art.sha256, art.size, art.seal,
                      art.seal_note, art.render_sha256, art.seal_at, art.seal_by)
            generated.files[pdf.file] = art.pdf
            generated.pdfs[evaluation_id] = final[evaluation_id] = pdf
        else:
            final[evaluation_id] = None
            if art.problem:
                generated.warnings.append(f"{evaluation_id}: {art.problem}")

    def render(kind: str, page: str, evaluation_id: str) -> str:
        pdf = final[evaluation_id]
        if kind == "kartu":
            return pdf_part(page, reports[evaluation_id], pdf)
        return pdf_cell(page, pdf)

    changed = generated.slots.pages()
    for page in changed:
        text = generated.files[page]
        assert isinstance(text, str)
        generated.files[page] = generated.slots.fill(text, render)
    if generated.pending and search.SUMMARY_FILE in generated.files:
        generated.files[search.SUMMARY_FILE] = search.summary_index(
            collection.reports, {i: pdf.file for i, pdf in generated.pdfs.items()})
        changed.add(search.SUMMARY_FILE)  # a static file: copied as is into the built site
    for evaluation_id, remember in generated.later.items():
        remember(final.get(evaluation_id))
    generated.pending.clear()
    generated.later.clear()
    return changed, render


def nav_label(report: Report) -> str:
    """Short label under its year: ``Tahunan``, ``Triwulan II`` (``DRAF`` marked)."""
    period = report.evaluation.period
    label = report.id if period is None else (
        "Tahunan" if period.kind == "tahunan" else period.label().rsplit(" Tahun ", 1)[0])
    return plain_title(label if report.final else f"{label} (DRAF)")


SAFE_EMBLEMS = (".png", ".jpg", ".jpeg", ".webp", ".svg")


def _emblem(settings: Settings) -> Path | None:
    if not settings.agency.lambang:
        return None
    path = settings.root / settings.agency.lambang
    return path if path.is_file() and path.suffix.lower() in SAFE_EMBLEMS else None


def panduan_pages(docs: Path) -> list[str]:
    """The user guide pages under docs/panduan/ (written by hand), index first."""
    folder = docs / "panduan"
    if not folder.is_dir():
        return []
    found = sorted(p.relative_to(docs).as_posix() for p in folder.rglob("*.md"))
    return sorted(found, key=lambda p: (not p.endswith("/index.md"), p))


NAV_YEARS = 10  # older years are on the Arsip page; every page renders this navigation


def site_config(settings: Settings, collection: Collection, series: Sequence[Any],
                by_year: Mapping[str, Sequence[Report]], by_kind: Mapping[str, Sequence[Report]],
                docs: Path, emblem: Path | None) -> str:
    """What the MkDocs hook adds to mkdocs.yml: navigation, preview flag, names, logo."""
    archive: list[Any] = [paths.ARCHIVE]
    # Newest years first; "lainnya" (ids without a period) after every year.
    years = sorted(by_year, key=lambda y: (not y.isdigit(), -int(y) if y.isdigit() else 0))
    for year in years[:NAV_YEARS]:
        archive.append({f"Tahun {year}": [paths.year_page(year), *(
            {nav_label(r): paths.report_page(r.evaluation)} for r in newest_first(by_year[year]))]})
    if by_kind:
        archive.append({"Per jenis periode": [
            {f"Laporan {KINDS.get(k, k).lower()}": paths.period_page(k)}
            for k in KINDS if k in by_kind]})
    nav: list[Any] = [{"Beranda": paths.HOME}, {"Arsip": archive},
                      {"Indikator": [paths.INDICATORS,
                                     *(paths.indicator_page(s.key) for s in series)]},
                      {"Rekomendasi": recs_page.PAGE}, {"SOP": paths.SOP},
                      {"Cari": search.PAGE}]
    guide = panduan_pages(docs)
    if guide:
        nav.append({"Panduan": guide})
    data = {
        "dibuat_oleh": "evkin site build",
        "pratinjau": collection.preview,
        "nama_situs": plain_title(site_name(settings)),
        "instansi": plain_title(title_case(settings.agency.nama)),
        "url": settings.site_url,
        "logo": f"{paths.ASSETS}/lambang{emblem.suffix.lower()}" if emblem else "",
        "laporan": [{"id": r.id, "judul": plain_title(title(r)), "final": r.final}
                    for r in collection.reports],
        "nav": nav,
    }
    header = "# Dibuat oleh evkin site build; jangan diubah. Dibaca oleh hook MkDocs evkin.\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write(docs: Path, generated: Generated,
          link: Callable[[Path, Path], None] | None = None,
          only: Set[str] | None = None) -> int:
    """Bring docs/arsip and docs/index.md in line with ``generated``; returns files written.
    ``only``: the files that changed since ``generated`` was last written (what ``settle``
    filled in or added); the others, and files no longer produced, were dealt with then."""
    written = 0
    wanted = set(generated.files)
    for rel, content in generated.files.items():
        if only is not None and rel not in only:
            continue
        dest = docs / rel
        if isinstance(content, Path):
            if dest.is_file() and _same_file(content, dest):
                continue
            place(content, dest, link or link_or_copy)
        else:
            data = content.encode("utf-8")
            if dest.is_file() and dest.stat().st_size == len(data) and dest.read_bytes() == data:
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{dest.name}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, dest)
        written += 1
    if only is not None:
        return written
    generated_root = docs / paths.GENERATED
    if generated_root.is_dir():
        for path in sorted(generated_root.rglob("*"), reverse=True):
            rel = path.relative_to(docs).as_posix()
            if path.is_file() and rel not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    home = docs / paths.HOME
    if paths.HOME not in wanted and home.exists():
        home.unlink()
    return written


def _same_file(source: Path, dest: Path) -> bool:
    try:
        a, b = source.stat(), dest.stat()
    except OSError:
        return False
    if (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev):
        return True
    return a.st_size == b.st_size and source.read_bytes() == dest.read_bytes()


