"""MkDocs' page templates (navigation, header, footer around the converted content), their output
remembered by everything it is made of, so that publishing one more report renders only the
pages whose HTML changes.

After ``markdown_cache`` the templates are most of what MkDocs does for an archive of 1,000
reports: about 5 ms a page, 2,281 pages, and one new report changes a few dozen of them. A
page's HTML is a function of: the page (its converted content, table of contents, front matter,
title, address, neighbours in the footer, ancestors), the part of the navigation its template
shows, the configuration the templates read, the templates themselves (the theme's version,
evkin's overrides, any other template folder byte for byte) and the build time MkDocs stamps
(``SOURCE_DATE_EPOCH`` in a reproducible build). The navigation part follows Material's
``navigation.prune``: a section on the page's own path is shown with every child; any other
shows its title, its first page's address and whether it holds anything — so a report added to
one year changes the pages of that year, not the thousand others. MkDocs also passes the build
date, which no template of Material's or evkin's shows: it is in the key only where one does.
The key is conservative: it holds more than a template shows, never less. Anything this cannot
vouch for (another plugin, a plugin or hook that sees each rendered page, a ``--dirty`` build)
turns it off.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from evkin.cache_db import CacheDb
from evkin.site.markdown_cache import settings_key, toc_rows

CACHE_FILE = "templat.sqlite"
LEGACY_DIR = "templat"  # one HTML file per page, before CACHE_FILE
LIBRARIES = ("jinja2", "markupsafe", "babel")
# Configuration the templates do not read, or that is keyed otherwise (the navigation per page,
# the hooks and plugins in ``settings_key``, the theme below).
SKIPPED = frozenset({"nav", "plugins", "hooks", "theme", "config_file_path", "site_dir",
                     "docs_dir", "watch", "exclude_docs", "not_in_nav", "draft_docs"})


def _stable(value: Any) -> Any:
    """A JSON-able form of a configuration value that is the same in every process."""
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(str(v) for v in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _folder_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def base_key(config: Any, nav: Any) -> str | None:
    """What every page's template output depends on besides the page; ``None`` when this
    cannot vouch for it (a plugin: see ``markdown_cache.settings_key``; a plugin or hook that
    sees each rendered page)."""
    from importlib import resources
    from importlib.metadata import PackageNotFoundError, version

    from mkdocs import utils

    converted = settings_key(config)
    events = config.plugins.events
    if converted is None or events.get("page_context") or events.get("post_page"):
        return None
    h = hashlib.sha256(converted.encode())
    for name in LIBRARIES:
        try:
            h.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            h.update(f"{name}=-\0".encode())
    theme = config["theme"]
    packaged = [str(resources.files(p)) for p in ("material", "mkdocs", "evkin")]
    for folder in theme.dirs:  # a template folder outside the versioned packages: its bytes
        if not any(str(folder).startswith(p) for p in packaged):
            h.update(_folder_hash(Path(folder)).encode())
    h.update(json.dumps([
        {k: _stable(v) for k, v in config.items() if k not in SKIPPED},
        theme.name, [str(d) for d in theme.dirs], _stable(dict(theme)),
        str(utils.get_build_datetime()) if _dated(theme.dirs) else None,
        nav.homepage.url if nav.homepage is not None else None,
    ], sort_keys=True).encode())
    return h.hexdigest()


def _dated(folders: list[str]) -> bool:
    """Does any template show the build's date (MkDocs passes ``build_date_utc``)? Then it is
    part of every page's key; Material's and evkin's templates do not."""
    return any(b"build_date" in path.read_bytes()
               for folder in folders for path in Path(folder).rglob("*.html"))


def _title(item: Any) -> str:
    return str(item.title) if item.title is not None else ""


def _pruned(section: Any) -> list[Any]:
    """What Material shows of a section off the page's path: the first page's address, down
    through first children, and whether each level holds anything."""
    out: list[Any] = []
    item = section
    while getattr(item, "children", None):
        out.append(len(item.children))
        item = item.children[0]
    out.append(getattr(item, "url", None))
    return out


def _shown(items: Any, path: set[int]) -> list[Any]:
    """The navigation as one page's template may show it (see the module's docstring)."""
    out: list[Any] = []
    for item in items:
        children = getattr(item, "children", None)
        if children is not None:
            if id(item) in path:
                out.append(["S", _title(item), _shown(children, path)])
            else:
                out.append(["s", _title(item), _pruned(item)])
            continue
        meta = getattr(item, "meta", None) or {}
        out.append(["p", _title(item), getattr(item, "url", None),
                    bool(getattr(item, "is_index", False)), id(item) in path,
                    _stable({k: meta.get(k) for k in ("icon", "subtitle", "status")})])
    return out


def page_key(base: str, page: Any, nav: Any, excluded: bool) -> str:
    path = {id(page), *(id(a) for a in page.ancestors)}
    neighbours = [[_title(p), p.url] if p is not None else None
                  for p in (page.previous_page, page.next_page)]
    h = hashlib.sha256(base.encode())
    h.update(hashlib.sha256((page.content or "").encode()).digest())
    h.update(json.dumps([
        page.file.src_uri, page.file.dest_uri, page.url, page.canonical_url, page.edit_url,
        page.is_homepage, _title(page), _stable(page.meta), toc_rows(page.toc), neighbours,
        [_title(a) for a in page.ancestors], _shown(nav.items, path), excluded,
    ], sort_keys=True, default=str).encode())
    return h.hexdigest()


@contextmanager
def remembered(folder: Path, seal: bytes | None = None) -> Iterator[None]:
    """During one MkDocs build in this process: each page's HTML from the cache in ``folder``
    when its key is there, else rendered by MkDocs and remembered there. Pages no build used
    for a month are forgotten: each publication adds the few dozen pages it changed."""
    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build

    original: Callable[..., None] = mkdocs_build._build_page
    bases: dict[tuple[int, int], str | None] = {}  # per (configuration, navigation)
    entries = CacheDb(folder / CACHE_FILE, seal=seal)

    def build_page(page: Any, config: Any, doc_files: Any, nav: Any, env: Any,
                   dirty: bool = False, excluded: bool = False) -> None:
        if (id(config), id(nav)) not in bases:
            bases[(id(config), id(nav))] = base_key(config, nav)
        base = bases[(id(config), id(nav))]
        if base is None or dirty:
            original(page, config, doc_files, nav, env, dirty, excluded)
            return
        key = page_key(base, page, nav, excluded)
        output = entries.get(key)
        if output:
            utils.write_file(output, page.file.abs_dest_path)
            return
        original(page, config, doc_files, nav, env, dirty, excluded)
        try:
            written = Path(page.file.abs_dest_path).read_bytes()
        except OSError:
            return  # MkDocs skipped an empty page: nothing to remember
        entries.put(key, written)

    mkdocs_build._build_page = build_page
    try:
        yield
    finally:
        mkdocs_build._build_page = original
        entries.close()
    shutil.rmtree(folder / LEGACY_DIR, ignore_errors=True)
