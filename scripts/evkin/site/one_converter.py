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
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Extensions whose state across documents is cleared by ``Markdown.reset`` (or which keep none).
KNOWN = frozenset({
    "toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "def_list", "footnotes",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed",
    "markdown.extensions.toc", "markdown.extensions.tables", "markdown.extensions.fenced_code",
    "markdown.extensions.abbr", "markdown.extensions.admonition",
    "markdown.extensions.attr_list", "markdown.extensions.def_list",
    "markdown.extensions.footnotes",
})


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

    def render(page: Any, config: Any, files: Any) -> None:
        if page.markdown is None or not reusable(config):
            original(page, config, files)
            return
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
