"""Indicator continuity: an indicator id means the same indicator from one evaluation to the
next. When an id comes back with another name, unit or polarity, the evaluation must either
give it a new id or say, in the ``perubahan`` column, that it is the same indicator renamed
(``ganti nama``). Pure: evaluations in, findings out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from evkin.evaluation.model import Evaluation, Indicator
from evkin.findings import Finding

RENAMED = "ganti nama"
_ACCEPTED = {"ganti nama", "sama ganti nama", "indikator sama ganti nama", "indikator sama",
             "sama"}


def normalise_note(text: str) -> str | None:
    """``Sama, ganti nama`` → ``ganti nama``; an empty note → ``""``; anything else None."""
    if not text:
        return ""
    key = " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
    if not key:
        return ""
    return RENAMED if key in _ACCEPTED else None


@dataclass(frozen=True)
class IndicatorChange:
    field: str  # indikator | satuan | polaritas
    old: str
    new: str


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def changes(old: Indicator, new: Indicator) -> list[IndicatorChange]:
    """What differs between two rows of one indicator id (case and spacing aside)."""
    out = []
    for name in ("indikator", "satuan", "polaritas"):
        before, after = getattr(old, name), getattr(new, name)
        if not _same_text(before, after):
            out.append(IndicatorChange(name, before, after))
    return out


def describe(found: list[IndicatorChange]) -> str:
    return "; ".join(f"{c.field} '{c.old}' → '{c.new}'" for c in found)


def findings(evaluation: Evaluation, previous: Evaluation) -> Iterator[Finding]:
    """Each indicator of ``evaluation`` whose id ``previous`` used for something else, unless
    marked renamed; each note ``evkin`` cannot read."""
    if evaluation.data_file is None:
        return
    before = {ind.id: ind for ind in previous.indicators}
    for ind in evaluation.indicators:
        note = normalise_note(ind.perubahan)
        if note is None:
            yield Finding(evaluation.data_file, ind.line, "data.bad_change_note",
                          {"id": ind.id, "value": ind.perubahan})
            continue
        old = before.get(ind.id)
        if old is None or note == RENAMED:
            continue
        found = changes(old, ind)
        if found:
            yield Finding(evaluation.data_file, ind.line, "data.indicator_changed", {
                "id": ind.id, "previous": previous.id, "changes": describe(found)})
