"""Author Markdown → page Markdown: headings as escaped Markdown headings (so MkDocs builds
the table of contents and anchors), everything between them as sanitized HTML blocks.

A block can be inserted after a named section (the capaian table after "Realisasi Kinerja",
where the PDF puts it too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from evkin.evaluation.load import normalise_heading
from evkin.site.safe import (
    MAX_LEVEL,
    UrlRewrite,
    adjust_tokens,
    clean_html,
    html_block,
    md_heading,
    parser,
    slug,
    strip_controls,
)


def _heading_text(inline: Any) -> str:
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def render_body(source: str, top_level: int, rewrite: UrlRewrite | None = None,
                insert_after: Iterable[str] = (), insertion: str = "",
                anchor_prefix: str = "", used: set[str] | None = None,
                more: Sequence[tuple[Iterable[str], str]] = ()) -> tuple[str, bool]:
    """The page Markdown for ``source`` with its highest heading at ``top_level``.

    ``insert_after``: section titles (any accepted alias) after whose section ``insertion``
    (page Markdown) goes. Returns the Markdown and whether the insertion found its place.
    ``more``: further (titles, insertion) pairs placed the same way; one that finds no place
    goes at the end.
    """
    md = parser()
    tokens = md.parse(strip_controls(source))
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open" and t.level == 0]
    shift = max(0, top_level - min(levels)) if levels else 0
    adjust_tokens(tokens, shift)
    slots = [_Slot({normalise_heading(title) for title in titles}, text)
             for titles, text in [(insert_after, insertion), *more]]
    used = used if used is not None else set()
    out: list[str] = []
    chunk: list[Any] = []

    def flush() -> None:
        if chunk:
            markup = clean_html(md.renderer.render(chunk, md.options, {}), rewrite)
            if markup.strip():
                out.append(html_block(markup, "evkin-isi"))
            chunk.clear()

    def insert(slot: _Slot) -> None:
        flush()
        out.append(slot.text)
        slot.pending, slot.inserted = None, True

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and token.level == 0:
            level = int(token.tag[1])
            for slot in slots:
                if slot.pending is not None and level <= slot.pending:
                    insert(slot)
            flush()
            title = _heading_text(tokens[i + 1])
            anchor = _unique(slug(anchor_prefix + title), used)
            out.append("\n" + md_heading(min(MAX_LEVEL, level), title, anchor) + "\n")
            for slot in slots:
                if not slot.inserted and slot.wanted and normalise_heading(title) in slot.wanted:
                    slot.pending = level
            i += 3  # heading_open, inline, heading_close
            continue
        chunk.append(token)
        i += 1
    for slot in slots:
        if slot.pending is not None:
            insert(slot)
    flush()
    for slot in slots[1:]:
        if not slot.inserted and slot.text:
            out.append(slot.text)
    return "\n".join(out), slots[0].inserted


@dataclass
class _Slot:
    wanted: set[str]
    text: str
    pending: int | None = None  # the level of the section we insert after, once inside
    inserted: bool = False


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate = f"{anchor}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def plain_markdown(source: str, rewrite: UrlRewrite | None, shift_to: int) -> str:
    """Author Markdown as one sanitized HTML block, headings shifted (for documents)."""
    md = parser()
    tokens = md.parse(strip_controls(source))
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    adjust_tokens(tokens, max(0, shift_to - min(levels)) if levels else 0)
    markup = clean_html(md.renderer.render(tokens, md.options, {}), rewrite)
    return html_block(markup, "evkin-isi") if markup.strip() else ""



