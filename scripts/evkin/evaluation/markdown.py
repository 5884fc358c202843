"""What evkin needs from Markdown: headings, raw HTML, links and images, each with its line.

Parsed with markdown-it-pyrs (markdown-it in Rust, CommonMark rules, several times faster than
markdown-it-py), so code blocks and escapes are honoured: ``<script>`` inside a fenced code block
is text, not HTML. ``scan_reference`` is the markdown-it-py scan it must equal
(tests/test_markdown_scan_equivalence.py); ``scan`` falls back to it wherever the two parsers
are known to differ (``_RustScan.scan``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import markdown_it_pyrs

if TYPE_CHECKING:
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
    """markdown-it-py, imported only here: the Rust scan needs it only for a link's href or
    where it hands over (a cold ``evkin pdf`` of a report without links never loads it)."""
    from markdown_it import MarkdownIt

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
    return _RustScan(text).scan() or scan_reference(text)


def scan_reference(text: str) -> Scan:
    """The markdown-it-py scan ``scan`` reproduces (and falls back to)."""
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



# markdown-it-py's own input normalisation (rules_core/normalize.py): lines and offsets agree.
_NEWLINES = re.compile(r"\r\n?")
_INLINE_HOSTS = frozenset({"paragraph", "heading", "lheading", "tcell"})
_EMPTY_ITEM = re.compile(r"^[ \t>]*(?:[-+*]|[0-9]{1,9}[.)])[ \t]*$", re.M)
_DECLARATION = re.compile(r"<![A-Za-z]")
# A line with a ``|`` over a line of ``-``, ``:`` and ``|``: markdown-it-py may start a table.
_TABLE_START = re.compile(r"^.*\|.*\n[ >]*[|:-][|: -]*$", re.M)
_BREAKS = frozenset({"softbreak", "hardbreak"})
# Everything else in the tree is inline content.
_BLOCKS = frozenset({
    "definition", "paragraph", "heading", "lheading", "html_block", "code_block", "fence",
    "blockquote", "bullet_list", "ordered_list", "list_item", "hr", "table", "thead", "tbody",
    "trow", "tcell",
})


def rust_may_panic(text: str) -> bool:
    """Input markdown-it-pyrs (0.4) panics on: a backtick anywhere after a ``[`` ("[`",
    "[a`", "[\n`" in random search; nothing else in 400,000 tries). The panic is caught, but
    Rust prints it on the terminal first, so such text must not reach the Rust parser."""
    bracket = text.find("[")
    return bracket >= 0 and "`" in text[bracket:]


@cache
def _rust_parser() -> markdown_it_pyrs.MarkdownIt:
    return markdown_it_pyrs.MarkdownIt("commonmark").enable("table")


class _Unsure(Exception):
    """The Rust tree does not say what markdown-it-py would: scan with markdown-it-py."""


def _href(node: markdown_it_pyrs.Node) -> str:
    """markdown-it-py's href. Without a ``%`` the Rust parser left the destination as written,
    and markdown-it-py's own normaliser gives its answer (it drops one of two ``:`` after a
    host, for one); with one, the written destination is lost."""
    url = str(node.meta["url"])
    if "%" in url:
        raise _Unsure
    return _parser().normalizeLink(url)


class _RustScan:
    """One scan over markdown-it-pyrs' tree, with markdown-it-py's lines and heading text.

    Lines follow markdown-it-py exactly: a block's first line, and inside inline content that
    line plus the soft and hard breaks before (a newline inside a code span or an HTML tag does
    not count there, so it does not here).
    """

    def __init__(self, text: str) -> None:
        self.text = _NEWLINES.sub("\n", text).replace("\0", "\ufffd")
        self.source = self.text.encode("utf-8")  # srcmap offsets are in bytes
        self.newlines = [i for i, byte in enumerate(self.source) if byte == 10]
        self.headings: list[Heading] = []
        self.refs: list[Reference] = []
        self.html: list[RawHtml] = []
        self.table_lines: set[int] = set()

    def line(self, node: markdown_it_pyrs.Node) -> int:
        start = node.srcmap[0] if node.srcmap else 0
        return bisect_right(self.newlines, start - 1) + 1

    def scan(self) -> Scan | None:
        """The scan, or None where only markdown-it-py knows the answer: a tab (the Rust
        parser's source map then points past it, so lines drift), an empty list item
        (markdown-it-py lets one end a block quote's paragraph, the Rust parser reads it as
        lazy continuation), a declaration (``<!doctype html>``: the Rust parser knows only
        ``<!NAME `` followed by a space, and upper-case only), a table the Rust parser does
        not see (``a|`` over ``--`` is a setext heading to it), a setext heading inside a
        container, a table markdown-it-py would not start, a link the Rust parser percent-encoded
        (markdown-it-py also punycodes host names), input the Rust parser panics on
        (``rust_may_panic``)."""
        if ("\t" in self.text or _EMPTY_ITEM.search(self.text)
                or _DECLARATION.search(self.text) or rust_may_panic(self.text)):
            return None
        try:
            tree = _rust_parser().tree(self.text)
        except BaseException as exc:  # pyo3's PanicException derives from BaseException
            if type(exc).__name__ != "PanicException":
                raise
            return None
        try:
            self._blocks(tree)
        except _Unsure:
            return None
        if not self._tables_seen():
            return None
        return Scan(tuple(self.headings), tuple(self.refs), tuple(self.html))

    def _blocks(self, node: markdown_it_pyrs.Node, top: bool = True) -> None:
        run: list[markdown_it_pyrs.Node] = []  # a tight list item's paragraph has no node
        before = ""  # the name of the previous sibling
        for child in node.children:
            name = child.name
            previous, before = before, name
            if name not in _BLOCKS:
                run.append(child)
                continue
            if run:
                self._inline(run, self.line(run[0]))
                run = []
            if name == "table":
                if not self._table_as_py(child, previous):
                    raise _Unsure
                self.table_lines.add(self.line(child))
            if name == "html_block":
                self.html.append(RawHtml(str(child.meta["content"]).strip(), self.line(child)))
            elif name in _INLINE_HOSTS:
                if name in ("heading", "lheading"):
                    text = self._atx_text(child) if name == "heading" else self._setext_text(
                        child, top)
                    self.headings.append(Heading(int(child.meta["level"]), text,
                                                 self.line(child)))
                self._inline(child.children, self.line(child))
            else:
                self._blocks(child, top=False)
        if run:
            self._inline(run, self.line(run[0]))

    def _inline(self, nodes: Sequence[markdown_it_pyrs.Node], line: int) -> int:
        """Like markdown-it-py's flat inline children: an image's alt text is not entered."""
        for node in nodes:
            name = node.name
            if name in _BREAKS:
                line += 1
            elif name == "image":
                self.refs.append(Reference("image", _href(node), line))
                continue
            elif name in ("link", "autolink"):
                self.refs.append(Reference("link", _href(node), line))
            elif name == "html_inline":
                self.html.append(RawHtml(str(node.meta["content"]), line))
            line = self._inline(node.children, line)
        return line

    def _tables_seen(self) -> bool:
        """Every place markdown-it-py might start a table is a table in the Rust tree."""
        candidates = {self.text.count("\n", 0, match.start()) + 1
                      for match in _TABLE_START.finditer(self.text)}
        return candidates <= self.table_lines

    def _table_as_py(self, table: markdown_it_pyrs.Node, before: str) -> bool:
        """Whether markdown-it-py starts this table too: its header line holds a ``|``, and
        it follows a blank line or a paragraph (the Rust parser also lets a table end a block
        quote's lazy paragraph; markdown-it-py does not)."""
        if table.srcmap is None:
            return False
        start = table.srcmap[0]
        first = self.source.rfind(b"\n", 0, start) + 1
        end = self.source.find(b"\n", start)
        if b"|" not in self.source[first:end if end >= 0 else len(self.source)]:
            return False
        previous = self.source[self.source.rfind(b"\n", 0, max(first - 1, 0)) + 1:first]
        return first == 0 or not previous.strip() or before == "paragraph"

    def _setext_text(self, node: markdown_it_pyrs.Node, top: bool) -> str:
        """A setext heading's raw text as markdown-it-py's lheading rule cuts it: its lines
        above the underline, as written. Inside a block quote or list item those lines carry
        the container's markers, so only a top-level heading is cut here."""
        if not top or node.srcmap is None:
            raise _Unsure
        start, end = node.srcmap
        first = self.source.rfind(b"\n", 0, start) + 1
        underline = self.source.rfind(b"\n", 0, end)
        if underline < start:
            raise _Unsure
        return self.source[first:underline].decode("utf-8").strip().strip()

    def _atx_text(self, node: markdown_it_pyrs.Node) -> str:
        """An ATX heading's raw text as markdown-it-py's heading rule cuts it."""
        if node.srcmap is None:
            raise _Unsure
        start = node.srcmap[0]
        end = self.source.find(b"\n", start)
        line = self.source[start:end if end >= 0 else len(self.source)].decode("utf-8")
        level = int(node.meta["level"])
        if not line.startswith("#" * level) or line[level:level + 1] == "#":
            raise _Unsure
        rest = line[level:].rstrip(" \t")
        bare = rest.rstrip("#")
        if len(bare) < len(rest) and bare and bare[-1] in " \t":
            rest = bare
        return rest.strip().strip()
