"""The pages of each report (report and attachments), remembered under a key of everything they
are made of, so a rebuild after one report changed writes that report's pages only.

Key = the report's PDF key (evaluation folder, previous folder, approval trail and whether it
verifies, settings, rendering code; see ``pdfs.content_key``), every file of the evkin package,
the PDF shown (SHA-256 and size, or why there is none), the charts, the publication date, the
holidays of the archive's years and the preview flag. A page waiting for its PDF is never
remembered (it holds a token of one build); it is remembered once filled in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from evkin import __version__

CACHE_DIR = "halaman"


@cache
def package_hash() -> str:
    """evkin's version and every file of the package (code, templates, SOP data)."""
    h = hashlib.sha256(__version__.encode())
    stack = [resources.files("evkin")]
    files = []
    while stack:
        item = stack.pop()
        for child in item.iterdir():
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append(child)
            elif child.is_file() and not child.name.endswith(".pyc"):
                files.append(child)
    for child in sorted(files, key=str):
        h.update(str(child).rsplit("evkin", 1)[-1].encode() + b"\0")
        h.update(child.read_bytes())
    return h.hexdigest()


def holidays_hash(holidays: Mapping[dt.date, str]) -> str:
    return hashlib.sha256(json.dumps(sorted((d.isoformat(), n) for d, n in holidays.items()))
                          .encode()).hexdigest()


def page_key(pdf_key: str, shown: str, charts: Sequence[str], published: object,
             holidays: str, preview: bool) -> str:
    h = hashlib.sha256()
    for part in (package_hash(), pdf_key, shown, "|".join(charts), str(published), holidays,
                 str(preview)):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Cached:
    pages: dict[str, str]  # docs-relative path → text
    assets: dict[str, Path]  # docs-relative path → source file (images beside the page)


def load(folder: Path, key: str) -> Cached | None:
    try:
        data = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        cached = Cached({str(k): str(v) for k, v in data["pages"].items()},
                        {str(k): Path(v) for k, v in data["assets"].items()})
    except (OSError, ValueError, KeyError, AttributeError):
        return None
    # An image the page shows must still be there (the folder hash says so, but cheaply sure).
    return cached if all(p.is_file() for p in cached.assets.values()) else None


def save(folder: Path, key: str, cached: Cached) -> None:
    from evkin.approval import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / f"{key}.json", json.dumps(
        {"pages": cached.pages, "assets": {k: str(v) for k, v in cached.assets.items()}},
        ensure_ascii=False))
