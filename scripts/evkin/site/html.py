"""Small HTML builders for generated pages. Every value passes through ``safe.text``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache

from evkin.indonesian_dates import format_moment
from evkin.numbers import format_percent
from evkin.site.safe import attr, slug, text

Cell = str | tuple[str, str]  # plain text, or (already safe HTML, "html")


def cell(value: Cell) -> str:
    if isinstance(value, tuple):
        return value[0]
    return text(value)


def raw(markup: str) -> tuple[str, str]:
    """Mark HTML that was built from escaped parts as safe to place as is."""
    return (markup, "html")


def table(headers: Sequence[Cell], rows: Iterable[Sequence[Cell]], right: Iterable[int] = (),
          css: str = "") -> str:
    """A table; ``right`` holds the indexes of numeric (right-aligned) columns."""
    right_set = set(right)

    def td(i: int, value: Cell, tag: str = "td") -> str:
        cls = ' class="evkin-kanan"' if i in right_set else ""
        return f"<{tag}{cls}>{cell(value)}</{tag}>"

    # A space between cells: Pagefind joins the text of adjacent cells without one, and a
    # search for "Periode" or "Realisasi" would then miss "PeriodeLaporanNomor".
    head = " ".join(td(i, h, "th") for i, h in enumerate(headers))
    body = "\n".join("<tr>" + " ".join(td(i, v) for i, v in enumerate(row)) + "</tr>"
                     for row in rows)
    # Material styles only tables without a class; the class goes on the wrapper.
    wrapper = f"evkin-tabel {css}".strip()
    return (f'<div class="{attr(wrapper)}"><table>\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody>\n</table></div>")


def link(href: str, label: str, css: str = "", download: bool = False) -> str:
    cls = f' class="{attr(css)}"' if css else ""
    dl = " download" if download else ""
    return f'<a href="{attr(href)}"{cls}{dl}>{text(label)}</a>'


def definition_list(items: Iterable[tuple[str, Cell]], css: str = "evkin-meta") -> str:
    body = "\n".join(f"<dt>{text(k)}</dt> <dd>{cell(v)}</dd>" for k, v in items)  # see table
    return f'<dl class="{attr(css)}">{body}</dl>'


def badge(label: str, kind: str) -> str:
    return f'<span class="evkin-lencana evkin-{attr(kind)}">{text(label)}</span>'


def date(value: dt.date | dt.datetime | None, weekday: bool = False) -> str:
    return format_moment(value, weekday, lang="id")  # the archive is in Indonesian


def percent(value: Decimal | None) -> str:
    return format_percent(value) if value is not None else "–"


@lru_cache(maxsize=64)
def predikat_badge(predikat: str | None) -> str:
    if not predikat:
        return "–"

    return badge(predikat, "predikat-" + slug(predikat))


def size(byte_count: int) -> str:
    """``245 KB`` / ``1,2 MB`` (Indonesian decimal comma)."""
    if byte_count < 1024 * 1024:
        return f"{max(1, round(byte_count / 1024))} KB"
    return f"{byte_count / 1024 / 1024:.1f} MB".replace(".", ",")
