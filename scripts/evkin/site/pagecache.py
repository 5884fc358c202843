"""The pages of each report (report and attachments), remembered under a key of everything they
are made of, so a rebuild after one report changed writes that report's pages only.

Key = the report's id and PDF key (evaluation folder, previous folder, approval trail and
whether it verifies, settings, rendering code; see ``pdfs.content_key``), every file of the
evkin package and the versions of the libraries that turn author Markdown into safe HTML
(markdown-it-py, nh3: a sanitizer fix must reach every page), the language of messages, the
PDF shown (SHA-256 and size, or why there is none), the charts, the publication date, the
holidays of the archive's years and the preview flag. Images a page shows are remembered
relative to the evaluation folder, so a copied repository publishes its own. A page waiting
for its PDF is never remembered (it holds a token of one build); it is remembered once filled
in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from evkin.cache_db import CacheDb
from evkin.memo import code_key
from evkin.messages import current_lang

CACHE_FILE = "halaman.sqlite"
LEGACY_DIR = "halaman"  # one JSON file per report, before CACHE_FILE


def package_hash() -> str:
    """The one code key of every cache (``memo.code_key``): evkin's version, every file of the
    package (code, templates, SOP data) and the versions of the libraries that read the folders
    and render and sanitize author Markdown."""
    return code_key()


def holidays_hash(holidays: Mapping[dt.date, str]) -> str:
    return hashlib.sha256(json.dumps(sorted((d.isoformat(), n) for d, n in holidays.items()))
                          .encode()).hexdigest()


def page_key(evaluation_id: str, pdf_key: str, shown: str, charts: Sequence[str],
             published: object, holidays: str, preview: bool) -> str:

    h = hashlib.sha256()
    for part in (package_hash(), evaluation_id, pdf_key, current_lang(), shown,
                 "|".join(charts), str(published), holidays, str(preview)):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Cached:
    pages: dict[str, str]  # docs-relative path → text
    assets: dict[str, Path]  # docs-relative path → source file (images beside the page)


def load(entries: CacheDb, key: str, evaluation: Path) -> Cached | None:
    """The pages remembered under ``key``; images found again inside ``evaluation``."""
    raw = entries.get(key)
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
        pages = {str(k): str(v) for k, v in data["pages"].items()}
        assets = {str(k): evaluation / str(v) for k, v in data["assets"].items()}
    except (ValueError, KeyError, AttributeError, TypeError):
        return None
    inside = evaluation.resolve()
    for path in assets.values():
        if not (path.resolve().is_relative_to(inside) and path.is_file()):
            return None
    return Cached(pages, assets)


def save(entries: CacheDb, key: str, cached: Cached, evaluation: Path) -> None:

    inside = evaluation.resolve()
    assets = {}
    for dest, path in cached.assets.items():
        resolved = path.resolve()
        if not resolved.is_relative_to(inside):
            return  # not expected (links only publish files of the folder): do not remember
        assets[dest] = resolved.relative_to(inside).as_posix()
    entries.put(key, json.dumps({"pages": cached.pages, "assets": assets},
                                ensure_ascii=False).encode("utf-8"))
