"""What evkin needs from Markdown: headings, raw HTML, links and images, each with its line.

Parsed with markdown-it-py (CommonMark), so code blocks and escapes are honoured: ``<script>``
inside a fenced code block is text, not HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based within the parsed text


@dataclass(frozen=True)
class Reference:
    kind: str  # link | image
    target: str
    line: int


@dataclass(frozen=True)
class RawHtml:
    html: str
    line: int


@dataclass(frozen=True)
class Scan:
    headings: tuple[Heading, ...]
    references: tuple[Reference, ...]
    html: tuple[RawHtml, ...]


# Only links, images, autolinks and raw HTML matter inline, and each starts with ``[`` or
# ``<``: a paragraph without either needs no inline parse (most of a report's prose).
_INLINE_NEEDED = ("[", "<")


def _inline_where_needed(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, skipping inline content that holds no ``[`` or
    ``<`` (its children would be text, emphasis and breaks only)."""
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            if any(mark in token.content for mark in _INLINE_NEEDED):
                state.md.inline.parse(token.content, state.md, state.env, token.children)


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table")
    parser.core.ruler.at("inline", _inline_where_needed)
    return parser


_CHEAP = re.compile(r"[<\[!]|^#|^\S.*\n[=-]+\s*$|https?:", re.M)


@lru_cache(maxsize=32)
def scan(text: str) -> Scan:
    """Find headings, references and raw HTML; lines are 1-based within ``text``.

    Cached: the loader (sections) and the rules (safety) both ask about the same report.
    """
    if not _CHEAP.search(text):
        return Scan((), (), ())
    tokens = _parser().parse(text)
    headings: list[Heading] = []
    refs: list[Reference] = []
    html: list[RawHtml] = []
    for i, token in enumerate(tokens):
        line = (token.map[0] + 1) if token.map else 1
        if token.type == "heading_open":
            inline = tokens[i + 1]
            headings.append(Heading(int(token.tag[1]), inline.content.strip(), line))
        elif token.type == "html_block":
            html.append(RawHtml(token.content.strip(), line))
        elif token.type == "inline" and token.children:
            _inline(token.children, line, refs, html)
    return Scan(tuple(headings), tuple(refs), tuple(html))


def _inline(children: list[Token], first_line: int, refs: list[Reference],
            html: list[RawHtml]) -> None:
    line = first_line
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "link_open":
            refs.append(Reference("link", str(child.attrs.get("href", "")), line))
        elif child.type == "image":
            refs.append(Reference("image", str(child.attrs.get("src", "")), line))
        elif child.type == "html_inline":
            html.append(RawHtml(child.content, line))
