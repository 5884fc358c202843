"""One Python-Markdown converter for every page of a MkDocs build, reset between pages.

MkDocs makes a new ``markdown.Markdown`` for each page it converts: loading and configuring the
archive's eleven extensions costs about 0.5 ms a time, over a second of CPU for the 2,281 pages
of a 1,000-report archive, taken from the PDF workers in a full build. Python-Markdown is made
to convert many documents with one instance, ``reset`` between them, and each extension the
archive's configuration names clears its own state there (footnotes, abbreviations, the table of
contents, SuperFences' stash, the tab counter). MkDocs' own per-page processors are registered
again for each page, under their names, as MkDocs registers them on a new instance. With any
extension not in ``KNOWN`` (its state across documents unknown) or given as an object, MkDocs
makes its converter per page as before.

Most pages of an archive are, once the hook has stashed their HTML, the same few lines: the
report template's headings and a placeholder per block (``mkdocs_hooks``). Pages differ there
only in the placeholders' random prefix and the headings' words, which Python-Markdown copies
as they are (``safe.md_heading`` writes letters, digits, single spaces and numeric entities:
no markup). Such a page (nothing in it links or depends on where the page lives) is converted
once per build with the same prefix and a stand-in for each heading's words; every page of
that skeleton gets the conversion with its own prefix and words put back: the HTML, table of
contents, title and anchors Python-Markdown gives it (a test compares each page's HTML with
its own conversion), without running it 2,000 times over the same lines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from evkin.site.markdown_cache import toc_of, toc_rows
from evkin.site.mkdocs_hooks import PREFIX

# Extensions whose state across documents is cleared by ``Markdown.reset`` (or which keep none).
KNOWN = frozenset({
    "toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "def_list", "footnotes",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed",
    "markdown.extensions.toc", "markdown.extensions.tables", "markdown.extensions.fenced_code",
    "markdown.extensions.abbr", "markdown.extensions.admonition",
    "markdown.extensions.attr_list", "markdown.extensions.def_list",
    "markdown.extensions.footnotes",
})


# A page whose stashed Markdown is only these lines converts the same wherever it lives.
_WORD = r"(?:[^\W_]|&#[0-9]{1,7};)+"
_HEADING_LINE = rf"(#{{1,6}} )({_WORD}(?: {_WORD})*)( \{{#[a-z0-9-]+\}})"
_PLACEHOLDER = rf"({PREFIX.pattern})[0-9]+"  # a placeholder line (``mkdocs_hooks``)
HEADING = re.compile(rf"^{_HEADING_LINE}$", re.M)
SKELETON = re.compile(rf"(?:(?:{_HEADING_LINE}|{_PLACEHOLDER}|[ ]*)(?:\n|\Z))*")
SAME = "EVKINHTML" + "0" * 32 + "X"  # every skeleton's prefix while it is converted
WORDS = "EVKINJUDUL"  # heading n's words while it is converted: EVKINJUDULnX
_WORDS = re.compile(WORDS + "([0-9]+)X")
_PLACEHOLDER_LINE = re.compile(rf"^{_PLACEHOLDER}$", re.M)


@dataclass(frozen=True)
class _Converted:
    """A skeleton's conversion, its placeholders' prefix ``SAME``."""

    content: str
    toc: list[Any]  # as ``markdown_cache`` keeps it: [title, id, level, children]
    title: str | None
    anchors: frozenset[str]
    self_links: tuple[tuple[str, str], ...] | None  # (anchor, link) to the page itself


def skeleton(markdown: str) -> tuple[str, list[str]] | None:
    """The page's Markdown with ``SAME`` for its placeholders' prefix and stand-ins for its
    headings' words, and those words; ``None`` when the page is not a skeleton."""
    if SAME in markdown or WORDS in markdown or not SKELETON.fullmatch(markdown):
        return None
    words: list[str] = []

    def stand_in(match: re.Match[str]) -> str:
        words.append(match.group(2))
        return f"{match.group(1)}{WORDS}{len(words) - 1}X{match.group(3)}"

    # Words first: a heading may hold what looks like a prefix, and keeps it as written.
    return PREFIX.sub(SAME, HEADING.sub(stand_in, markdown)), words


def _own_prefix(markdown: str) -> str:
    """The prefix of the page's placeholder lines (a heading's words never start a line)."""
    found = _PLACEHOLDER_LINE.search(markdown)
    return found.group(1) if found else SAME


def _filled(text: str, words: list[str]) -> str:
    return _WORDS.sub(lambda match: words[int(match.group(1))], text)


def _toc_filled(rows: list[Any], words: list[str]) -> list[Any]:
    return [[_filled(title, words), anchor, level, _toc_filled(children, words)]
            for title, anchor, level, children in rows]


def reusable(config: Any) -> bool:
    """May one converter serve every page of a build with this configuration?"""
    return all(isinstance(name, str) and name in KNOWN for name in config["markdown_extensions"])


@contextmanager
def shared() -> Iterator[None]:
    """During one MkDocs build in this process: each page converted by one ``Markdown``
    per configuration, reset before each page."""
    import markdown  # type: ignore[import-untyped]
    from mkdocs.structure import pages
    from mkdocs.structure.toc import get_toc

    original = pages.Page.render
    made: dict[int, tuple[Any, Any]] = {}  # id(config) → (config, its converter)
    skeletons: dict[tuple[int, str], _Converted] = {}

    def render(page: Any, config: Any, files: Any) -> None:
        if page.markdown is None or not reusable(config):
            original(page, config, files)
            return
        found = skeleton(page.markdown)
        if found is None:
            convert(page, config, files)
            return
        bare, words = found
        done = skeletons.get((id(config), bare))
        own = _own_prefix(page.markdown)
        if done is None:
            markdown, page.markdown = page.markdown, bare
            try:
                convert(page, config, files)
            finally:
                page.markdown = markdown
            links = page.links_to_anchors
            done = _Converted(
                page.content, toc_rows(page.toc), page._title_from_render,
                frozenset(page.present_anchor_ids),
                None if links is None else tuple(
                    (anchor, link) for target, anchored in links.items()
                    for anchor, link in anchored.items() if target is page.file))
            if links is None or all(target is page.file for target in links):
                skeletons[(id(config), bare)] = done
            # else a link elsewhere (none is expected): this page's alone, not shared
        page.content = _filled(done.content.replace(SAME, own), words)
        page.toc = toc_of(_toc_filled(done.toc, words))
        page._title_from_render = None if done.title is None else _filled(done.title, words)
        page.present_anchor_ids = set(done.anchors)
        if done.self_links is not None:
            page.links_to_anchors = {page.file: dict(done.self_links)} if done.self_links \
                else {}

    def convert(page: Any, config: Any, files: Any) -> None:
        entry = made.get(id(config))
        if entry is None or entry[0] is not config:
            md = markdown.Markdown(extensions=config["markdown_extensions"],
                                   extension_configs=config["mdx_configs"] or {})
            made[id(config)] = (config, md)
        else:
            md = entry[1]
            md.reset()
        # As MkDocs' Page.render registers them on its new instance (same names replace the
        # previous page's; the priorities keep their order among the extensions' processors).
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = pages._RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)

        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors

    pages.Page.render = render  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        pages.Page.render = original  # type: ignore[method-assign]
