"""Which evaluation a report compares with (its predecessor): pure over evaluation ids, so the
checks, the assembly and ``evkin new`` ask one place."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from evkin.evaluation.model import Evaluation, Period


@lru_cache(maxsize=8)
def _periods_by_kind(all_ids: tuple[str, ...]) -> dict[str, list[tuple[Period, str]]]:
    """Every id's period, sorted per kind: the archive asks for each evaluation's
    predecessor among all ids."""
    out: dict[str, list[tuple[Period, str]]] = {}
    for other in all_ids:
        period = Period.from_id(other)
        if period:
            out.setdefault(period.kind, []).append((period, other))
    for items in out.values():
        items.sort()
    return out


def previous_id(evaluation: Evaluation, all_ids: Sequence[str]) -> str | None:
    """The evaluation this one compares with: ``sebelumnya`` if set, else the latest earlier
    evaluation of the same kind of period."""
    if evaluation.sebelumnya:
        return evaluation.sebelumnya
    if evaluation.period is None:
        return None
    same_kind = _periods_by_kind(tuple(all_ids)).get(evaluation.period.kind, [])
    before = bisect_left(same_kind, (evaluation.period,))
    return same_kind[before - 1][1] if before else None
