"""``evkin site build``: verify, collect, PDFs, pages into docs/, then MkDocs.

The MkDocs configuration is the repository's ``mkdocs.yml`` when it has one, else the one
bundled with evkin (same settings, paths resolved inside the installed package).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from evkin.findings import EvkinError
from evkin.settings import Settings
from evkin.site.collect import Collection, collect
from evkin.site.generate import Generated, pages, write
from evkin.site.gitstate import snapshot
from evkin.site.pdfs import CACHE_DIR, Artefact, Seed, ensure
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
    """Everything up to the MkDocs build: the pages are in docs/ afterwards."""
    from evkin.evaluation.load import evaluation_folders

    root = settings.root
    cache = cache_dir or root / CACHE_DIR
    ids = [p.name for p in evaluation_folders(settings)]
    state = snapshot(root)
    verifications = verify_all(root, ids, state, cache / MEMORY_FILE if remember else None)
    collection = collect(settings, preview, verifications)
    pdf_progress = (lambda done, total: progress("pdf", done, total)) if progress else None
    artefacts, warnings = ensure(settings, collection.reports, cache, seed,
                                 progress=pdf_progress)
    generated = pages(settings, collection, artefacts, docs_dir(root), published)
    generated.warnings = warnings + generated.warnings
    written = write(docs_dir(root), generated)
    return collection, artefacts, generated, written


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


def run_mkdocs(root: Path, site_dir: Path, verbose: bool = False) -> None:
    """Build the site with MkDocs in this process."""
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
               progress: Callable[[str, int, int], None] | None = None) -> Built:
    collection, artefacts, generated, written = generate(
        settings, preview, cache_dir, published, seed, remember, progress)
    if progress:
        progress("mkdocs", 0, 1)
    run_mkdocs(settings.root, site_dir, verbose)
    return Built(collection, artefacts, generated, site_dir, list(generated.warnings), written)


def source_date_epoch(root: Path) -> str | None:
    """The HEAD commit's time, for reproducible MkDocs output (sitemap dates)."""
    from evkin.site.gitstate import _git

    out = _git(root, "log", "-1", "--format=%ct")
    value = (out or "").strip()
    return value if value.isdigit() else None


@contextmanager
def reproducible(root: Path) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH from HEAD for the duration, unless already set."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        yield
        return
    value = source_date_epoch(root)
    if value:
        os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if value:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
