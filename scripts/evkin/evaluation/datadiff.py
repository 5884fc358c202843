"""What changed in the indicator data between two drafts, in words and figures.

A reviewer who initialled a report must see that a number moved: "IK-01 realisasi 81,17 →
82,04; capaian 99,18 % → 100,26 %", whether the data is ``indikator.csv`` (whose word diff shows
a cell but not what it does to the capaian) or ``indikator.xlsx`` (which git only calls a binary
file). ``changes`` compares two lists of results and is pure; ``between_trees`` reads both
versions from git.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evkin import gitrepo
from evkin.evaluation.capaian import Result, evaluate
from evkin.evaluation.load import load_evaluation
from evkin.evaluation.model import Indicator
from evkin.messages import t
from evkin.numbers import format_number, format_percent
from evkin.settings import Settings

DATA_NAMES = ("indikator.csv", "indikator.xlsx")
# Columns in the order a reviewer reads a row.
_TEXT_FIELDS = ("sasaran", "indikator", "satuan", "polaritas")


@dataclass(frozen=True)
class DataChange:
    """One indicator's change. ``parts`` are (label, old, new); old or new '' when absent."""

    id: str
    line: int | str | None  # its row in the new data file (the old one when removed)
    kind: str  # changed | added | removed | unreadable (gone from what the new data reads)
    parts: tuple[tuple[str, str, str], ...]

    def segments(self) -> list[tuple[str, str]]:
        """Word-diff segments (' ', '-', '+'), as the pull-request comment shows lines."""
        head = t(f"datadiff.{self.kind}", {"id": self.id})
        out: list[tuple[str, str]] = [(" ", head)]
        for i, (label, old, new) in enumerate(self.parts):
            out.append((" ", ("; " if i else " ") + label + " "))
            if old:
                out.append(("-", old))
            if old and new:
                out.append((" ", " → "))
            if new:
                out.append(("+", new))
        return out

    def text(self) -> str:
        """``IK-01 realisasi 81,17 → 82,04; capaian 99,18 % → 100,26 %``."""
        return "".join(text for _, text in self.segments())


def _target(ind: Indicator) -> str:
    low = format_number(ind.target)
    return low if ind.target_maks is None else f"{low}–{format_number(ind.target_maks)}"


def _figures(result: Result) -> list[tuple[str, str]]:
    ind = result.indicator
    pairs = [(name, str(getattr(ind, name))) for name in _TEXT_FIELDS]
    pairs += [("target", _target(ind)), ("realisasi", format_number(ind.realisasi))]
    if ind.formula:
        pairs.append(("formula", ind.formula))
    if ind.realisasi_lalu is not None:
        pairs.append(("realisasi_lalu", format_number(ind.realisasi_lalu)))
    pairs.append(("capaian", format_percent(result.value) if result.value is not None else "–"))
    if result.predikat:
        pairs.append(("predikat", result.predikat))
    return pairs


def changes(old: Sequence[Result], new: Sequence[Result]) -> list[DataChange]:
    """Every indicator added, removed or changed, in the new data's order (removed last)."""
    before = {r.indicator.id: r for r in old}
    after_ids = {r.indicator.id for r in new}
    out: list[DataChange] = []
    for result in new:
        ind = result.indicator
        previous = before.get(ind.id)
        if previous is None:
            keep = ("target", "realisasi", "capaian", "predikat")
            out.append(DataChange(ind.id, ind.line, "added", tuple(
                (label, "", value) for label, value in _figures(result) if label in keep)))
            continue
        was = dict(_figures(previous))
        now = _figures(result)
        parts = tuple((label, was.get(label, ""), value) for label, value in now
                      if was.get(label, "") != value)
        gone = tuple((label, value, "") for label, value in was.items()
                     if label not in dict(now))
        if parts or gone:
            out.append(DataChange(ind.id, ind.line, "changed", parts + gone))
    for result in old:
        if result.indicator.id not in after_ids:
            out.append(DataChange(result.indicator.id, result.indicator.line, "removed", ()))
    return out


def between_trees(settings: Settings, ident: str, old_tree: str, new_tree: str
                  ) -> tuple[str | None, list[DataChange]]:
    """The data file's name and its changes between two trees of the folder ``ident``
    (``old_tree`` '' or git's empty tree: everything is added)."""

    old_tree, new_tree = old_tree or gitrepo.EMPTY_TREE, new_tree or gitrepo.EMPTY_TREE
    if old_tree == new_tree:
        return None, []
    names = {p for c in gitrepo.changes(settings.root, old_tree, new_tree)
             for p in (c.path, c.old_path)}
    if not names & set(DATA_NAMES):
        return None, []
    with tempfile.TemporaryDirectory(prefix="evkin-datadiff-") as tmp:
        old, _ = _results(settings, ident, old_tree, Path(tmp) / "lama")
        new, unreadable = _results(settings, ident, new_tree, Path(tmp) / "baru")
        name = next((n for n in DATA_NAMES if (Path(tmp) / "baru" / ident / n).exists()),
                    next(n for n in DATA_NAMES if n in names))
    found = changes(old, new)
    if unreadable:  # a row the new data cannot be read from is not a removed indicator
        found = [DataChange(c.id, c.line, "unreadable", c.parts) if c.kind == "removed" else c
                 for c in found]
    return name, found


def _results(settings: Settings, ident: str, tree: str, base: Path
             ) -> tuple[list[Result], bool]:
    """The capaian of the data at ``tree``, and whether some of its rows could not be read."""

    folder = base / ident
    folder.mkdir(parents=True)
    if tree == gitrepo.EMPTY_TREE:
        return [], False
    gitrepo.export_regular(settings.root, tree, list(DATA_NAMES), folder)
    if not any((folder / n).exists() for n in DATA_NAMES):
        return [], False
    loaded = load_evaluation(folder, settings)
    unreadable = any(f.path.endswith(DATA_NAMES) and f.severity == "error"
                     for f in loaded.findings)
    return evaluate(loaded.evaluation, settings.negative_formula, settings.cap,
                    settings.scale), unreadable
