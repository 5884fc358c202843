"""The font chain: the first families of ``dokumen.huruf`` that this machine has, in order.

Tata Naskah Dinas asks for Arial; Liberation Sans and Arimo are its metric twins (same widths,
so line and page breaks match). DejaVu Sans ships inside matplotlib, so a pip-only machine still
gets a sans-serif font (wider than Arial: pages may break differently) and a warning says so.
DejaVu Sans also stays last in every chain as the glyph fallback (≤, −, ×).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ARIAL_METRIC = frozenset({"arial", "liberation sans", "arimo", "helvetica"})
LAST_RESORT = "DejaVu Sans"


@dataclass(frozen=True)
class FontChoice:
    families: tuple[str, ...]  # handed to Typst's ``text(font: ...)``
    font_paths: tuple[str, ...]  # extra folders Typst must scan
    metric_compatible: bool  # the first family is Arial or a metric twin


def matplotlib_fonts() -> Path | None:
    """matplotlib's bundled TrueType folder (DejaVu Sans), found without importing it."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"
    return folder if (folder / "DejaVuSans.ttf").is_file() else None


@cache
def _scan(paths: tuple[str, ...] = ()) -> Any:
    """One scan of the machine's fonts (plus ``paths``), shared by every compiler made here."""
    import typst

    return typst.Fonts(font_paths=list(paths))


def installed_families() -> frozenset[str]:
    """Families Typst finds on this machine (system fonts plus the ones it embeds), lower case."""
    return frozenset(f.lower() for f in _scan().families())


def typst_fonts(choice: FontChoice) -> Any:
    """The ``typst.Fonts`` to hand a compiler: the cached scan, plus matplotlib's if needed."""
    return _scan(choice.font_paths)


def choose(wanted: Sequence[str], installed: frozenset[str] | None = None,
           bundled: Path | None = None) -> FontChoice:
    """Keep the wanted families that exist; end with DejaVu Sans (from matplotlib if needed)."""
    have = installed_families() if installed is None else installed
    families = [f for f in wanted if f.lower() in have]
    paths: list[str] = []
    if LAST_RESORT.lower() not in {f.lower() for f in families}:
        families.append(LAST_RESORT)
    if LAST_RESORT.lower() not in have:
        folder = bundled if bundled is not None else matplotlib_fonts()
        if folder is not None:
            paths.append(str(folder))
    return FontChoice(tuple(families), tuple(paths),
                      families[0].lower() in ARIAL_METRIC)
