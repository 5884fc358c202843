"""A built HTML page read back as a person's browser would see it: tags, text, scripts."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# For a browser (``page.evaluate(SPLIT_WORDS, selector)``): the words of the text inside every
# element matching ``selector`` (pieces between spaces, hyphens and slashes) laid out over more
# than one line, i.e. a word broken where no break belongs. A selector matching nothing is
# named, so a test looking in the wrong place fails.
SPLIT_WORDS = """(selector) => {
  const out = [];
  const roots = document.querySelectorAll(selector);
  if (roots.length === 0) return [`nothing matches ${selector}`];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[^\\s\\-\\/\u2010-\u2014]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}"""


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
