"""The font chain: the first families of ``dokumen.huruf`` that can be used, in order.

Tata Naskah Dinas asks for Arial; Liberation Sans and Arimo are its metric twins (same widths,
so line and page breaks match). evkin ships Liberation Sans (``render/liberation/``, with its
licence) and, when it leads the chain, hands Typst that folder without the system's fonts, so a
machine without Debian's ``fonts-liberation`` typesets exactly the same bytes as one with it.
Liberation Sans also stays last in every chain, so the chain never ends in a font that only
some machines have.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from evkin.render import typst_engine

ARIAL_METRIC = frozenset({"arial", "liberation sans", "arimo", "helvetica"})
LAST_RESORT = "Liberation Sans"
BUNDLED = Path(__file__).parent / "liberation"


@dataclass(frozen=True)
class FontChoice:
    families: tuple[str, ...]  # handed to Typst's ``text(font: ...)``
    font_paths: tuple[str, ...]  # extra folders Typst must scan (ahead of the system's)
    metric_compatible: bool  # the first family is Arial or a metric twin
    # Scan the machine's fonts too? Not when the bundled Liberation Sans leads: Typst may
    # otherwise pick a system copy of another version (Debian's 1.07.4) over the bundled one,
    # and the PDF would differ from a fresh machine's.
    system: bool = True


def bundled_fonts() -> Path:
    """The folder of the Liberation Sans files shipped inside the package."""
    return BUNDLED


@cache
def _scan(paths: tuple[str, ...] = (), system: bool = True) -> Any:
    """One scan of the fonts (``paths`` first, then the machine's), shared by every compiler.

    Where the bundled Liberation Sans leads the chain, the machine's fonts are not scanned
    (``FontChoice.system``): a system copy of the same family must not be picked instead.
    """
    return typst_engine.fonts(paths, system)


def _system() -> bool:
    """Whether to scan the machine's fonts; tests turn it off to stand for a fresh machine."""
    return True


def installed_families() -> frozenset[str]:
    """Families Typst finds (system fonts, the ones it embeds and the bundled ones), lower case."""
    return frozenset(f.lower() for f in _scan((str(BUNDLED),), _system()).families())


def typst_fonts(choice: FontChoice) -> Any:
    """The ``typst.Fonts`` to hand a compiler: the cached scan including the bundled folder."""
    return _scan(choice.font_paths, _system() and choice.system)


def choose(wanted: Sequence[str], installed: frozenset[str] | None = None) -> FontChoice:
    """Keep the wanted families that exist, up to the first Arial-compatible one (families after
    it could only change which machine-dependent font fills a missing glyph); end with the
    bundled Liberation Sans."""
    have = (installed_families() if installed is None else installed) | {LAST_RESORT.lower()}
    families = []
    for family in wanted:
        if family.lower() in have:
            families.append(family)
            if family.lower() in ARIAL_METRIC:
                break
    if LAST_RESORT.lower() not in {f.lower() for f in families}:
        families.append(LAST_RESORT)
    return FontChoice(tuple(families), (str(BUNDLED),), families[0].lower() in ARIAL_METRIC,
                      system=families[0].lower() != LAST_RESORT.lower())
