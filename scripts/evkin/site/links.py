"""Links and images in author Markdown, mapped onto the site.

A relative target inside the evaluation folder is published beside the page (images and a few
document types); a link to a step 1–4 document goes to its section on the attachments page;
anything else relative (a missing file, a path leaving the folder, an SVG that could carry
script when opened directly) is dropped, keeping the link text. Absolute ``http(s)``/``mailto``
links stay; the sanitizer has already removed every other scheme.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from evkin.site import paths
from evkin.site.safe import UrlRewrite

PUBLISHED_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".csv",
                                ".xlsx", ".docx", ".odt", ".ods"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})
FILES_DIR = "berkas"


@dataclass
class Assets:
    """Files to publish: docs-relative destination → source file."""

    files: dict[str, Path] = field(default_factory=dict)


def rewriter(folder: Path, base: Path, page: str, report_dir: str,
             documents: Mapping[str, str], assets: Assets) -> UrlRewrite:
    """A rewrite for Markdown found in ``base`` (inside ``folder``), shown on ``page``.

    ``documents``: step-document file (relative to the folder) → the page URL (with anchor,
    relative to docs/) where it is shown.
    """
    resolved: list[Path] = []  # the folder, resolved once a relative target is asked for

    def rewrite(kind: str, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return url if kind == "link" else None
        if not parts.path:
            return url if kind == "link" and parts.fragment else None
        if not resolved:
            resolved.append(folder.resolve())
        root = resolved[0]
        target = (base / unquote(parts.path)).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None
        inside = target.relative_to(root).as_posix()
        if kind == "link" and inside in documents:
            return paths.url(page, documents[inside])
        suffixes = IMAGE_SUFFIXES if kind == "image" else PUBLISHED_SUFFIXES
        if target.suffix.lower() not in suffixes:
            return None
        dest = posixpath.join(report_dir, FILES_DIR, inside)
        assets.files[dest] = target
        href = paths.url(page, dest)
        return f"{href}#{parts.fragment}" if parts.fragment and kind == "link" else href

    return rewrite
