"""``evkin site build``: verify, collect, PDFs, pages into docs/, then MkDocs.

The MkDocs configuration is the repository's ``mkdocs.yml`` when it has one, else the one
bundled with evkin (same settings, paths resolved inside the installed package).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from evkin import environment
from evkin.cache_db import CacheDb
from evkin.evaluation.load import evaluation_folders
from evkin.files import copy, place, write_atomic
from evkin.findings import EvkinError
from evkin.memo import Memo
from evkin.settings import Settings
from evkin.site import (
    markdown_cache,
    one_converter,
    page_forks,
    pagecache,
    paths,
    search,
    static_later,
    template_cache,
)
from evkin.site.collect import Collection, collect
from evkin.site.generate import Generated, pages, settle, write
from evkin.site.gitstate import _git, snapshot
from evkin.site.indexes import pdf_cell
from evkin.site.pdfs import CACHE_DIR, Artefact, Finish, Plan, Running, Seed, plan
from evkin.site.report import Pdf, pdf_part
from evkin.site.slots import Render
from evkin.site.verify import verify_all

MEMORY_FILE = "verifikasi.json"


@dataclass
class Built:
    collection: Collection
    artefacts: dict[str, Artefact]
    generated: Generated
    site_dir: Path
    warnings: list[str] = field(default_factory=list)
    written: int = 0
    # With ``build_site(finish_later=True)``: the search index and the static files' copy
    # still under way; ``finish`` waits for them (``stop`` abandons them).
    unfinished: Finishing | None = None

    def finish(self) -> None:
        if self.unfinished is not None:
            unfinished, self.unfinished = self.unfinished, None
            unfinished.finish()

    def stop(self) -> None:
        if self.unfinished is not None:
            unfinished, self.unfinished = self.unfinished, None
            unfinished.stop()


@dataclass
class Finishing:
    """What runs on after the pages are built: the static files' copy (``static_later``) and
    the search index of the finished pages (none when it was made early)."""

    copying: static_later.Copying
    index: search.SiteIndex | None

    def finish(self) -> None:
        try:
            if self.index is not None:
                self.index.finish()
        except BaseException:
            self.copying.join(raise_error=False)  # the index's error is the one reported
            raise
        self.copying.join()

    def stop(self) -> None:
        if self.index is not None:
            self.index.stop()
        self.copying.join(raise_error=False)


def bundled_config() -> Path:
    return Path(str(resources.files("evkin.site").joinpath("mkdocs.yml")))


def config_file(root: Path) -> Path:
    own = root / "mkdocs.yml"
    return own if own.is_file() else bundled_config()


def docs_dir(root: Path) -> Path:
    return root / "docs"


def generate(settings: Settings, preview: bool = False, cache_dir: Path | None = None,
             published: Mapping[str, dt.date | dt.datetime] | None = None,
             seed: Seed | None = None, remember: bool = True,
             progress: Callable[[str, int, int], None] | None = None) -> tuple[
                 Collection, dict[str, Artefact], Generated, int]:
    """Everything up to the MkDocs build, PDFs included: the pages are in docs/ afterwards."""
    with _started(settings, preview, cache_dir, published, seed, remember,
                  progress) as (collection, planned, running, generated, written):
        try:
            artefacts, more = _settled(settings, collection, planned, running, generated)
        except BaseException:
            _abandon(settings, collection, generated, None)
            raise
    return collection, artefacts, generated, written + more


@contextmanager
def _started(settings: Settings, preview: bool, cache_dir: Path | None,
             published: Mapping[str, dt.date | dt.datetime] | None, seed: Seed | None,
             remember: bool, progress: Callable[[str, int, int], None] | None,
             finish: Finish | None = None, collection: Collection | None = None,
             remember_pages: bool | None = None, known_keys: Mapping[str, str] | None = None,
             seal: bytes | None = None
             ) -> Iterator[tuple[Collection, Plan, Running, Generated, int]]:
    """Verify, collect (unless ``collection`` was collected just now by the caller), start
    the PDFs still to build in worker processes, and write the pages (with stand-ins for those
    PDFs) into docs/. The workers run until ``_settled``. ``remember`` is the verification
    memory and, unless ``remember_pages`` says otherwise, the page cache (its rows sealed with
    ``seal`` when given, ``cache_db``)."""

    root = settings.root
    cache = cache_dir or root / CACHE_DIR
    if collection is None:
        ids = [p.name for p in evaluation_folders(settings)]
        state = snapshot(root)
        verifications = verify_all(root, ids, state,
                                   cache / MEMORY_FILE if remember else None)
        collection = collect(settings, preview, verifications)
    pages_too = remember if remember_pages is None else remember_pages
    planned = plan(settings, collection.reports, cache, seed, finish, known_keys)
    pdf_progress = (lambda done, total: progress("pdf", done, total)) if progress else None
    page_cache = CacheDb(cache / pagecache.CACHE_FILE, seal=seal) if pages_too else None
    try:
        with Running(settings, planned, progress=pdf_progress) as running:
            generated = pages(settings, collection,
                              planned.artefacts(collection.reports, True), docs_dir(root),
                              published, page_cache)
            written = write(docs_dir(root), generated)
            yield collection, planned, running, generated, written
    finally:
        if page_cache is not None:
            page_cache.close()  # the reports' pages no build used for a month are forgotten
            shutil.rmtree(cache / pagecache.LEGACY_DIR, ignore_errors=True)


def _settled(settings: Settings, collection: Collection, planned: Plan, running: Running,
             generated: Generated, site_dir: Path | None = None,
             early: EarlyIndex | None = None,
             copying: static_later.Copying | None = None) -> tuple[dict[str, Artefact], int]:
    """Wait for the PDFs (and ``early``, the search index made meanwhile), then fill in
    what the pages show of them, in docs/ and, when the site is built already, in its HTML
    too (once ``copying``, MkDocs' static files, is done). Returns the artefacts and the
    files written."""
    stored = (_copy_built(site_dir, collection, planned)
              if site_dir is not None and planned.finish is None else None)
    warnings = running.wait(stored)
    artefacts = planned.artefacts(collection.reports)
    if early is not None:
        early.finish(all(artefacts[i].pdf is not None for i in generated.pending
                         if i in artefacts))
    waited = list(generated.pending)
    changed, render = settle(generated, collection, artefacts)
    generated.warnings = warnings + generated.warnings
    # Only what settle changed: every other file was written with the pages.
    added = {generated.pdfs[i].file for i in waited if i in generated.pdfs}
    written = write(docs_dir(settings.root), generated, only=changed | added)
    if site_dir is not None and changed:
        if copying is not None:
            copying.join()
        _fill_site(site_dir, changed, generated, render)
    return artefacts, written


class EarlyIndex:
    """The search index made while the PDFs are laid out, not after: Pagefind is given the
    pages MkDocs wrote as they will read once every pending PDF is built (``_as_built``).
    What fills a stand-in in is no search matter (``data-pagefind-ignore``: no content or
    anchor is indexed there) but for the PDF's address (Pagefind metadata, the same for any
    built PDF) and the report lists' "PDF" link text: so the index equals that of the finished
    site, unless a pending PDF could not be built; then ``done`` stays False and the caller
    indexes the finished site."""

    def __init__(self, site_dir: Path, generated: Generated, collection: Collection) -> None:
        self.site_dir = site_dir
        self.done = False
        self.scratch = Path(tempfile.mkdtemp(prefix=".evkin-indeks-", dir=site_dir.parent))
        self.indexing: search.Indexing | None = None
        try:
            pages = search.parts(site_dir, _as_built(generated, _built_as_planned(collection)))
            self.indexing = search.Indexing(pages, self.scratch, site_dir / search.BUNDLE)
        except BaseException:
            self.close()
            raise

    def finish(self, all_built: bool) -> None:
        if self.indexing is None or not all_built:
            return
        self.indexing.finish()
        self.done = True

    def close(self) -> None:
        if self.indexing is not None:
            self.indexing.stop()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def __enter__(self) -> EarlyIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _built_as_planned(collection: Collection) -> Render:
    """What a stand-in will show once its PDF is built, as far as the index can tell: the
    PDF's place (its size and SHA-256 are not indexed)."""
    reports = collection.by_id()

    def render(kind: str, page: str, evaluation_id: str) -> str:
        report = reports[evaluation_id]
        pdf = Pdf(paths.pdf_file(report.evaluation), "0" * 64, 0)
        return pdf_part(page, report, pdf) if kind == "kartu" else pdf_cell(page, pdf)

    return render


def _as_built(generated: Generated, render: Render) -> Callable[[str, bytes], bytes]:
    """A page of the site (by its site-relative name) as it reads once every pending PDF is
    built: the stand-ins of a page holding them filled in by ``render``."""
    filled = {page[:-3] + ".html" for page in generated.slots.pages() if page.endswith(".md")}

    def as_built(rel: str, data: bytes) -> bytes:
        if rel not in filled:
            return data
        return generated.slots.fill(data.decode("utf-8"), render).encode("utf-8")

    return as_built


def _abandon(settings: Settings, collection: Collection, generated: Generated,
             site_dir: Path | None) -> None:
    """The build stopped (an error, Ctrl-C) while PDFs were pending: no page may keep a
    token; they show "PDF belum tersedia" until the next build. Best effort: the error that
    stopped the build is the one reported."""
    generated.later.clear()  # pages without their PDF are not remembered
    with suppress(Exception):  # never mask the original error
        changed, render = settle(generated, collection, {})
        write(docs_dir(settings.root), generated)
        if site_dir is not None and changed:
            _fill_site(site_dir, changed, generated, render)


def _fill_site(site_dir: Path, changed: set[str], generated: Generated, render: Render) -> None:
    """The HTML of pages built while their PDFs were laid out: tokens filled in, PDFs added
    (copied in a thread meanwhile: 280 MB at 1,000 reports, the kernel's work)."""

    adding = static_later.Copying()
    adding.calls.append(lambda: _add_pdfs(site_dir, generated))
    adding.start()
    try:
        for page in sorted(changed):
            if not page.endswith(".md"):  # a static file made from the pages (site/search.py)
                write_atomic(site_dir / page, str(generated.files[page]))
                continue
            html_file = site_dir / (page[:-3] + ".html")
            if html_file.is_file():
                text = html_file.read_text(encoding="utf-8")
                write_atomic(html_file, generated.slots.fill(text, render))
    except BaseException:
        adding.join(raise_error=False)  # the pages' error is the one reported
        raise
    adding.join()


def _copy_built(site_dir: Path, collection: Collection, planned: Plan
                ) -> Callable[[list[str]], None]:
    """Each PDF into the built site as soon as its batch is laid out, while the others still
    are, rather than all 280 MB after the last one (``_add_pdfs`` then leaves them be). Only
    where the site publishes the render itself: a publication's ``finish`` (the seal) may
    replace it."""
    reports = collection.by_id()

    def copy_built(ids: list[str]) -> None:
        for evaluation_id in ids:
            source = planned.cache_dir / f"{planned.keys[evaluation_id]}.pdf"
            dest = site_dir / paths.pdf_file(reports[evaluation_id].evaluation)
            if source.is_file():
                _put_pdf(source, dest)

    return copy_built


def _add_pdfs(site_dir: Path, generated: Generated) -> None:
    for pdf in generated.pdfs.values():
        source = generated.files.get(pdf.file)
        if isinstance(source, Path):
            _put_pdf(source, site_dir / pdf.file)


def _put_pdf(source: Path, dest: Path) -> None:
    """A PDF into the built site, unless it is there already (copied as its batch was done).
    A copy, never a link: a published file edited in place must not change this machine's
    derivations (``derive`` trusts them by content key)."""
    if not dest.exists():
        place(source, dest, copy)


@contextmanager
def _quiet_mkdocs(verbose: bool) -> Iterator[None]:
    """MkDocs logs every page at INFO; keep warnings only, and restore afterwards."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def run_mkdocs(root: Path, site_dir: Path, verbose: bool = False,
               remember: Path | None = None, ways: int | None = None,
               seal: bytes | None = None) -> None:
    """Build the site with MkDocs in this process; with ``remember`` (a folder), each page's
    Markdown conversion is kept there and reused while its inputs are the same
    (``markdown_cache``), and its template output beside it (``template_cache``), each row
    sealed with ``seal`` when given (``cache_db``).
    ``ways``: processes rendering the page templates (``page_forks``; every core by
    default)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_path = config_file(root)
    overrides: dict[str, str] = {"site_dir": str(site_dir)}
    if config_path == bundled_config():
        overrides["docs_dir"] = str(docs_dir(root))
    docs_dir(root).mkdir(parents=True, exist_ok=True)
    with _quiet_mkdocs(verbose):
        try:
            config = load_config(config_file=str(config_path), **overrides)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                if remember is None:
                    with page_forks.shared(ways), one_converter.shared():
                        build(config)
                else:
                    # Inside the forks: each process remembers the pages it renders.
                    with markdown_cache.remembered(remember, seal), \
                            template_cache.remembered(remember, seal), \
                            page_forks.shared(ways), one_converter.shared():
                        build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            raise EvkinError("site.mkdocs_failed", {"detail": str(error)}) from None


def build_site(settings: Settings, site_dir: Path, preview: bool = False,
               cache_dir: Path | None = None,
               published: Mapping[str, dt.date | dt.datetime] | None = None,
               seed: Seed | None = None, remember: bool = True,
               verbose: bool = False,
               progress: Callable[[str, int, int], None] | None = None,
               finish: Finish | None = None, collection: Collection | None = None,
               remember_pages: bool | None = None,
               known_keys: Mapping[str, str] | None = None,
               finish_later: bool = False, memo: Memo | None = None) -> Built:
    """Pages, MkDocs and PDFs: MkDocs builds the pages while worker processes lay out the PDFs
    not in the cache; what the pages show of those PDFs is filled in afterwards (``slots``).
    ``finish_later``: return while the search index is made (and the static files copied);
    the caller goes on meanwhile, then calls ``Built.finish`` (or ``stop``). ``memo``: the
    record key's sealed memory, where the search index's parts are remembered
    (``search.Indexing``); the pages remembered are sealed with it (``cache_db``)."""
    seal = memo.seal_for("halaman") if memo is not None else None
    with _started(settings, preview, cache_dir, published, seed, remember, progress, finish,
                  collection, remember_pages, known_keys, seal) as (
                      collection, planned, running, generated, written):
        if progress:
            progress("mkdocs", 0, 1)
        copying: static_later.Copying | None = None
        unfinished: Finishing | None = None
        try:
            pages_too = remember if remember_pages is None else remember_pages
            converted = (cache_dir or settings.root / CACHE_DIR) if pages_too else None
            # While the PDF workers take every core, forking the page templates gains no
            # time and costs the copies a fork of this large process makes as both write.
            ways = 1 if running.busy else None
            # MkDocs' copy of the static files (the PDFs) is made beside the search index.
            with search.deferred(), static_later.deferred() as copying:
                run_mkdocs(settings.root, site_dir, verbose, converted, ways, seal)
            copying.start()
            indexed = False
            if generated.pending:  # index while the PDFs are laid out
                with EarlyIndex(site_dir, generated, collection) as early:
                    artefacts, more = _settled(settings, collection, planned, running,
                                               generated, site_dir, early, copying)
                indexed = early.done  # not when a PDF could not be built
            else:  # nothing to wait for (a publication derives every PDF first)
                artefacts, more = _settled(settings, collection, planned, running, generated,
                                           site_dir, copying=copying)
            unfinished = Finishing(copying, None if indexed else search.begin_index(site_dir, memo))
            if not finish_later:
                unfinished.finish()
                unfinished = None
        except BaseException:
            if unfinished is not None:
                unfinished.stop()
            elif copying is not None:
                copying.join(raise_error=False)
            _abandon(settings, collection, generated, site_dir)
            raise
    return Built(collection, artefacts, generated, site_dir, list(generated.warnings),
                 written + more, unfinished)


def source_date_epoch(root: Path) -> str | None:
    """The HEAD commit's time, for reproducible MkDocs output (sitemap dates)."""

    out = _git(root, "log", "-1", "--format=%ct")
    value = (out or "").strip()
    return value if value.isdigit() else None


@contextmanager
def reproducible(root: Path) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH from HEAD for the duration, unless already set."""
    if environment.source_date_epoch() is not None:
        yield
        return
    with environment.source_date_epoch_set(source_date_epoch(root)):
        yield
