"""A built HTML page read back as a person's browser would see it: tags, text, scripts."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Page(HTMLParser):
    """Every tag with its attributes, and the text (script bodies apart)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self.in_script else self.text).append(data)


def read(markup: str) -> Page:
    page = Page()
    page.feed(markup)
    page.close()
    return page


def parse(path: Path) -> Page:
    return read(path.read_text(encoding="utf-8"))


def unseen_words(path: Path, content: str) -> list[str]:
    """Words of a search index's ``content`` for ``path`` that the page does not show: words
    of neighbouring elements Pagefind joined because no space stood between them."""
    import re

    shown = {w.lower() for node in parse(path).text for w in re.findall(r"\w+", node)}
    return sorted({w.lower() for w in re.findall(r"\w+", content)} - shown)
