"""MkDocs' reading of each page (Markdown to HTML, with the hook's HTML stash), remembered by
what it is made of, so that publishing one more report converts only the pages that changed.

MkDocs converts every page on every build; for an archive of 1,000 reports that is most of
its time. The HTML of a page is a function of: its source file, where it lives (its address),
the Markdown settings and extensions (and their versions), the hooks and plugins that see the
page (evkin's hook: every file of evkin), and — for each relative link the page holds — which
file MkDocs found at that address. The key holds all but the last; the links are recorded with
the result (each address MkDocs looked up and what it found) and checked against this build's
files before a remembered page is used. The template (navigation, header, footer) is rendered
by MkDocs as always. Anything this cannot vouch for (another plugin, a ``--dirty`` build) turns
it off.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from evkin import environment
from evkin.cache_db import CacheDb
from evkin.site.pagecache import package_hash

CACHE_FILE = "mkdocs.sqlite"
LEGACY_DIR = "mkdocs"  # one JSON file per page, before CACHE_FILE
LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "pygments")
STASH_SWITCH = environment.NO_HTML_STASH


def settings_key(config: Any) -> str | None:
    """What every page's conversion depends on besides its own file; ``None`` when a plugin
    other than hooks could change a page (its code is not in the key)."""
    from importlib.metadata import PackageNotFoundError, version

    hooks = dict(config["hooks"])  # name → the hook's module
    if any(name not in hooks for name in config["plugins"]):
        return None
    h = hashlib.sha256(package_hash().encode())
    for name in LIBRARIES:
        try:
            h.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            h.update(f"{name}=-\0".encode())
    for name, module in sorted(hooks.items()):
        h.update(name.encode() + b"\0" + Path(module.__file__).read_bytes())
    h.update(json.dumps([config["markdown_extensions"], config["mdx_configs"],
                         config["use_directory_urls"], str(config["validation"]),
                         environment.html_stash_off()],
                        sort_keys=True, default=str).encode())
    return h.hexdigest()


def toc_rows(items: Any) -> list[Any]:
    """A page's table of contents as plain data: [title, id, level, children] per entry."""
    return [[i.title, i.id, i.level, toc_rows(i.children)] for i in items]


def toc_of(rows: list[Any]) -> Any:
    """The ``TableOfContents`` of ``toc_rows`` (new objects: each page gets its own)."""
    from mkdocs.structure.toc import TableOfContents

    return TableOfContents(_anchors(rows))


def _anchors(items: list[Any]) -> list[Any]:
    from mkdocs.structure.toc import AnchorLink

    out = []
    for title, anchor, level, children in items:
        link = AnchorLink(title, anchor, level)
        link.children = _anchors(children)
        out.append(link)
    return out


class Recorder:
    """``files.get_file_from_path`` as the page's link processor calls it, with the answers
    written down: (address, the file's URL or None, excluded)."""

    def __init__(self, files: Any) -> None:
        self.files = files
        self.looked: list[tuple[str, str | None, bool]] = []
        self.original = files.get_file_from_path

    def __call__(self, path: str) -> Any:
        found = self.original(path)
        self.looked.append((path, None if found is None else found.url,
                            bool(found is not None and found.inclusion.is_excluded())))
        return found


def _same_links(files: Any, looked: list[Any]) -> bool:
    for path, url, excluded in looked:
        found = files.get_file_from_path(path)
        now = None if found is None else found.url
        if now != url or bool(found is not None and found.inclusion.is_excluded()) != excluded:
            return False
    return True


@contextmanager
def remembered(folder: Path, seal: bytes | None = None) -> Iterator[None]:
    """During one MkDocs build in this process: each page's conversion from the cache in
    ``folder`` when its key and links agree, else converted and remembered there."""
    from mkdocs.commands import build as mkdocs_build

    original: Callable[..., None] = mkdocs_build._populate_page
    bases: dict[int, str | None] = {}  # per configuration object: computed once per build
    entries = CacheDb(folder / CACHE_FILE, seal=seal)

    def populate(page: Any, config: Any, files: Any, dirty: bool = False) -> None:
        if id(config) not in bases:
            bases[id(config)] = settings_key(config)
        base = bases[id(config)]
        if base is None or dirty:
            original(page, config, files, dirty)
            return
        source = Path(page.file.abs_src_path).read_bytes() if page.file.abs_src_path else None
        if source is None:
            original(page, config, files, dirty)
            return
        h = hashlib.sha256(base.encode())
        for part in (page.file.src_uri.encode(), page.file.url.encode(), source):
            h.update(hashlib.sha256(part).digest())
        key = h.hexdigest()
        if _reuse(page, config, files, entries.get(key)):
            return
        recorder = Recorder(files)
        files.get_file_from_path = recorder
        try:
            original(page, config, files, dirty)
        finally:
            del files.get_file_from_path  # the class's own method again
        data = {"content": page.content, "toc": toc_rows(page.toc),
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": recorder.looked}
        entries.put(key, json.dumps(data, ensure_ascii=False).encode("utf-8"))

    mkdocs_build._populate_page = populate
    try:
        yield
    finally:
        mkdocs_build._populate_page = original
        entries.close()  # conversions no build used for a month are forgotten
    shutil.rmtree(folder / LEGACY_DIR, ignore_errors=True)


def _reuse(page: Any, config: Any, files: Any, remembered: bytes | None) -> bool:
    """Fill ``page`` as the build would from what was ``remembered`` of it, if its links
    still lead where they did."""
    if remembered is None:
        return False
    try:
        data = json.loads(remembered.decode("utf-8"))
        content, toc, title = str(data["content"]), data["toc"], data["title"]
        anchors, looked = set(data["anchors"]), list(data["links"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not _same_links(files, looked):
        return False
    config._current_page = page
    page.read_source(config)  # front matter (meta) and the Markdown, as MkDocs reads them
    page.content = content
    page.toc = toc_of(toc)
    page._title_from_render = title
    page.present_anchor_ids = anchors
    return True
