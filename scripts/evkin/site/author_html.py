"""Author Markdown → HTML for the archive's pages: markdown-it-pyrs where it renders as
markdown-it-py does, markdown-it-py everywhere else.

The archive renders every report and document it shows (5,000 files at 1,000 reports);
markdown-it-py spent about 4 CPU-seconds parsing them, taken from the PDF workers in a full
build, and markdown-it-pyrs (the same rules, in Rust, already read by ``evaluation.markdown``)
about 0.2. The Rust parser is used only where its HTML is known to be markdown-it-py's: text
without raw HTML or autolinks (``<``), whitespace but spaces and line feeds (a tab, an Excel
paste's no-break space), link reference definitions (``]:``, so that a document cut at its
headings renders as it would whole), a host name markdown-it-py would write in punycode, and
the few table, code and strikethrough shapes the two parse apart (``_unsure``); anywhere else
markdown-it-py renders it. ``tests/test_author_html.py`` compares the two on the sample and on
generated Markdown, and every difference it found is in ``_unsure``. Either way the HTML is
sanitized afterwards (``safe.clean_html``): this module only decides how fast it is made.

Headings shift as ``safe.adjust_tokens`` shifts them; table cells take the alignment class
instead of a style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from evkin.evaluation.markdown import rust_may_panic
from evkin.site.safe import (
    ALIGN_CLASSES,
    MAX_LEVEL,
    UrlRewrite,
    adjust_tokens,
    clean_html,
    parser,
    strip_controls,
)


@dataclass(frozen=True)
class Heading:
    """A top-level heading, its level already shifted, and its text."""

    level: int
    title: str


Part = Heading | str  # a heading, or the HTML (not yet sanitized) of the blocks up to the next


class _Unsure(Exception):
    """markdown-it-py must render this text."""


# Raw HTML, autolinks and declarations; whitespace other than spaces and line feeds (the Rust
# parser's source map drifts on a tab; it keeps a no-break space that markdown-it-py strips);
# reference definitions; a host name markdown-it-py punycodes; a code span of spaces only
# (which the Rust parser trims); a line with a ``|`` followed at once by one that may start
# another block (a table ends there for markdown-it-py, not for the Rust parser); three
# tildes or more (strikethrough runs pair otherwise); an escaped ``|`` (a table's columns
# are counted otherwise); a line holding only a list marker (an empty item: under a block
# quote's paragraph the two parsers disagree whether it continues it). One search each: a
# single pattern of them all is tried at every character and took 0.5 s over 5,000 reports,
# these 0.01 s.
_UNSURE = tuple(re.compile(pattern) for pattern in (
    r"<[A-Za-z/!?]", r"[^\S \n]", r"\]:", r"//[^\s/]*[^\x00-\x7f]", r"` +`",
    r"\|[^\n|]*\n {0,3}[-*+>#0-9`~_=]", r"~~~", r"\\\|",
    r"(?m)^ {0,3}(?:[-*+]|[0-9]{1,9}[.)]) *$"))
# A line of dashes (a table's delimiter row, a setext underline, a rule) ...
_DASHES = re.compile(r"^ {0,3}(?=[-|: ]*-)[-|: ]*+$", re.M)
# ... under a line without ``|`` or in a block quote: a table to the Rust parser only; and
# the line that may start another block, where markdown-it-py ends a table's rows.
_BLOCK_START = re.compile(r"\n {0,3}[-*+>#0-9`~_=]")
# Every pattern here runs in time linear in the text (no two quantifiers that can trade
# characters): a pasted line of 200,000 dashes or pipes must not take minutes.


def _unsure(text: str) -> bool:
    if rust_may_panic(text):
        return True
    if any(pattern.search(text) for pattern in _UNSURE):
        return True
    for dashes in _DASHES.finditer(text):
        start = dashes.start()
        if start == 0:
            continue
        above = text[text.rfind("\n", 0, start - 1) + 1:start - 1]
        quoted = above.lstrip(" ")
        if ((quoted.startswith(">") and len(above) - len(quoted) <= 3)
                or ("|" not in above and above.strip())):
            return True
        # A table's rows run to a blank line for the Rust parser; markdown-it-py ends them
        # at a line that may start another block.
        end = text.find("\n\n", dashes.end())
        if _BLOCK_START.search(text, dashes.end(), len(text) if end < 0 else end):
            return True
    return False


_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")
_FENCE_INFO = re.compile(r'<pre><code class="language-[^"]*">')
_ALIGNED = re.compile(r'<(th|td) style="text-align:(left|center|right)">')


@cache
def _rust() -> Any:
    import markdown_it_pyrs

    return markdown_it_pyrs.MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _rust_call(method: str, text: str) -> Any:
    """The Rust parser's ``tree`` or ``render`` of ``text``; a panic (none known past
    ``rust_may_panic``) leaves the text to markdown-it-py."""
    try:
        return getattr(_rust(), method)(text)
    except BaseException as exc:  # pyo3's PanicException derives from BaseException
        if type(exc).__name__ != "PanicException":
            raise
        raise _Unsure from None


def _tree(text: str) -> Any:
    if _unsure(text):
        raise _Unsure
    return _rust_call("tree", text)


def _render(text: str) -> str:
    """The Rust parser's HTML of ``text``."""
    html: str = _rust_call("render", text)
    return html


def _shifted(html: str, shift: int) -> str:
    """Headings moved down ``shift`` levels, cells aligned by class (markup the Rust parser
    wrote: no raw HTML reaches it)."""
    if shift:
        html = _HEADING_TAG.sub(
            lambda m: f"<{m.group(1)}h{min(MAX_LEVEL, int(m.group(2)) + shift)}>", html)
    html = html.replace("<blockquote>\n</blockquote>", "<blockquote></blockquote>")  # empty
    html = _FENCE_INFO.sub("<pre><code>", html)  # no language class (``adjust_tokens``)
    return _ALIGNED.sub(lambda m: f'<{m.group(1)} class="{ALIGN_CLASSES[m.group(2)]}">', html)


def markdown_html(source: str, shift: int = 0, rewrite: UrlRewrite | None = None) -> str:
    """Author Markdown → sanitized HTML. Headings move down ``shift`` levels; ``rewrite``
    maps each link/image target (``None`` drops the link but keeps its text)."""
    return clean_html(whole(source, shift), rewrite)


def text_of(source: str) -> str:
    """What both parsers read: no control characters, and a last line feed (without one, a
    code fence left open at the end renders its last line with a line break in one parser
    and without in the other)."""
    text = strip_controls(source)
    return text if text.endswith("\n") else text + "\n"


def whole(source: str, shift: int = 0, shift_to: int | None = None) -> str:
    """The HTML of ``source``: headings moved down ``shift`` levels, or, with ``shift_to``,
    so that the highest heading (at any depth) is at that level."""
    text = text_of(source)
    try:
        if _unsure(text):
            raise _Unsure
        html = _render(text)
        if shift_to is not None:
            levels = [int(m.group(2)) for m in _HEADING_TAG.finditer(html) if not m.group(1)]
            shift = max(0, shift_to - min(levels)) if levels else 0
        return _shifted(html, shift)
    except _Unsure:
        return _py_whole(text, shift, shift_to)


def _py_whole(text: str, shift: int, shift_to: int | None) -> str:
    md = parser()
    tokens = md.parse(text)
    if shift_to is not None:
        levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
        shift = max(0, shift_to - min(levels)) if levels else 0
    adjust_tokens(tokens, shift)
    out: str = md.renderer.render(tokens, md.options, {})
    return out


def parts(source: str, top_level: int) -> list[Part]:
    """``source`` cut at its top-level headings (those outside block quotes and lists), the
    highest of them at ``top_level``: the HTML before each heading, the heading, …, the HTML
    after the last one (empty runs left out)."""
    text = text_of(source)
    try:
        return _rust_parts(text, top_level)
    except _Unsure:
        return _py_parts(text, top_level)


def _rust_parts(text: str, top_level: int) -> list[Part]:
    tree = _tree(text)
    data = text.encode("utf-8")  # the source map counts bytes
    tops = [node for node in tree.children if node.name in ("heading", "lheading")]
    levels = [int(node.meta["level"]) for node in tops]
    shift = max(0, top_level - min(levels)) if levels else 0
    out: list[Part] = []
    start = 0
    for node in tops:
        if node.srcmap is None:
            raise _Unsure
        begin, end = node.srcmap
        _add_blocks(out, data[start:begin], shift)
        out.append(Heading(min(MAX_LEVEL, int(node.meta["level"]) + shift),
                           " ".join(_heading_text(node).split())))
        start = end
    _add_blocks(out, data[start:], shift)
    return out


def _add_blocks(out: list[Part], chunk: bytes, shift: int) -> None:
    if chunk.strip():
        try:
            piece = chunk.decode("utf-8")
        except UnicodeDecodeError:  # a source map off a character's bytes
            raise _Unsure from None
        html = _shifted(_render(piece), shift)
        if html:
            out.append(html)


def _heading_text(node: Any) -> str:
    """What ``body`` took as a heading's text from markdown-it-py: text, code and breaks,
    the text inside emphasis and links; an image (whose alt text markdown-it-py gives as
    written) is left to markdown-it-py."""
    parts: list[str] = []
    for child in node.children:
        name = child.name
        if name in ("text", "text_special"):
            parts.append(str(child.meta["content"]))
        elif name in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif name == "image":
            raise _Unsure
        else:
            parts.append(_heading_text(child))
    return "".join(parts)


def _py_parts(text: str, top_level: int) -> list[Part]:
    md = parser()
    tokens = md.parse(text)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open" and t.level == 0]
    adjust_tokens(tokens, max(0, top_level - min(levels)) if levels else 0)
    out: list[Part] = []
    chunk: list[Any] = []

    def flush() -> None:
        if chunk:
            html = md.renderer.render(chunk, md.options, {})
            if html:
                out.append(html)
            chunk.clear()

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and token.level == 0:
            flush()
            out.append(Heading(int(token.tag[1]), _py_heading_text(tokens[i + 1])))
            i += 3  # heading_open, inline, heading_close
            continue
        chunk.append(token)
        i += 1
    flush()
    return out


def _py_heading_text(inline: Any) -> str:
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())
