"""Author Markdown → page Markdown: headings as escaped Markdown headings (so MkDocs builds
the table of contents and anchors), everything between them as sanitized HTML blocks.

A block can be inserted after a named section (the capaian table after "Realisasi Kinerja",
where the PDF puts it too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from evkin.evaluation.load import normalise_heading
from evkin.site.author_html import parts, whole
from evkin.site.safe import UrlRewrite, clean_html, html_block, md_heading, slug


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
    slots = [_Slot({normalise_heading(title) for title in titles}, text)
             for titles, text in [(insert_after, insertion), *more]]
    used = used if used is not None else set()
    out: list[str] = []

    def insert(slot: _Slot) -> None:
        out.append(slot.text)
        slot.pending, slot.inserted = None, True

    for part in parts(source, top_level):
        if isinstance(part, str):
            markup = clean_html(part, rewrite)
            if markup.strip():
                out.append(html_block(markup, "evkin-isi"))
            continue
        for slot in slots:
            if slot.pending is not None and part.level <= slot.pending:
                insert(slot)
        anchor = _unique(slug(anchor_prefix + part.title), used)
        out.append("\n" + md_heading(part.level, part.title, anchor) + "\n")
        for slot in slots:
            if (not slot.inserted and slot.wanted
                    and normalise_heading(part.title) in slot.wanted):
                slot.pending = part.level
    for slot in slots:
        if slot.pending is not None:
            insert(slot)
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
    markup = clean_html(whole(source, shift_to=shift_to), rewrite)
    return html_block(markup, "evkin-isi") if markup.strip() else ""



