"""Capaian kinerja and predikat: pure functions over indicator data.

Formulas (``../shared/domain.md`` §2): positive polarity ``R / T``; negative polarity formula A
``(2T − R) / T`` (default) or B ``T / R``; range targets compare against the bound realisasi
fell outside of (inside counts as 100 %); an optional cap. Every result records its formula.

Negative figures (``docs/panduan/folder-evaluasi.md``): the formulas compare realisasi with a
positive target, so a negative target (or upper bound) has no capaian; a negative realisasi is
a real shortfall under positive polarity (``R / T`` below zero, rated at the bottom) but has
no meaning under negative polarity ("lower is better" cannot go below nothing: formula A would
pass 200 %, formula B turn negative), so it is refused there too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from evkin.evaluation.model import Evaluation, Indicator
from evkin.numbers import round2
from evkin.settings import Scale

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Result:
    """The computed capaian of one indicator.

    ``value`` is unrounded; ``rounded`` (two decimals) is what is published and rated.
    ``value`` is ``None`` when the formula is undefined (``problem`` says why).
    """

    indicator: Indicator
    value: Decimal | None
    formula: str  # positif | negatif-A | negatif-B
    basis: Decimal  # the target the realisasi was compared with
    bound: str | None = None  # dalam | bawah | atas for range targets
    capped: bool = False
    predikat: str | None = None
    problem: str | None = None
    previous: Decimal | None = None  # rounded capaian of the same indicator last period

    @cached_property
    def rounded(self) -> Decimal | None:
        """The published capaian (asked for hundreds of thousands of times by the archive)."""
        return None if self.value is None else round2(self.value)

    @property
    def change(self) -> Decimal | None:
        """Percentage points against the previous period's capaian."""
        if self.rounded is None or self.previous is None:
            return None
        return self.rounded - self.previous


@dataclass(frozen=True)
class GroupAverage:
    sasaran: str
    value: Decimal | None
    predikat: str | None
    count: int


def compute(indicator: Indicator, default_formula: str = "A", cap: Decimal | None = None,
            scale: Scale | None = None) -> Result:
    """Capaian of one indicator under the agency's default formula, cap and scale."""
    negative = indicator.polaritas == "negatif"
    formula = "positif" if not negative else f"negatif-{indicator.formula or default_formula}"
    low, high = indicator.target, indicator.target_maks
    actual = indicator.realisasi
    bound = None
    basis = low
    if low < 0 or (high is not None and high < 0):
        return Result(indicator, None, formula, low, problem="capaian.negative_target")
    if negative and actual < 0:
        return Result(indicator, None, formula, low, problem="capaian.negative_actual")
    if high is not None:
        if low <= actual <= high:
            return _finish(Result(indicator, HUNDRED, formula, actual, "dalam"), cap, scale)
        if actual > high:
            basis, bound = high, "atas"
        else:
            basis, bound = low, "bawah"
    if formula == "positif":
        if basis == 0:
            return Result(indicator, None, formula, basis, bound, problem="capaian.zero_target")
        value = actual / basis * HUNDRED
    elif formula == "negatif-A":
        if basis == 0:
            return Result(indicator, None, formula, basis, bound, problem="capaian.zero_target")
        value = (2 * basis - actual) / basis * HUNDRED
    else:
        if actual == 0:
            return Result(indicator, None, formula, basis, bound, problem="capaian.zero_actual_b")
        value = basis / actual * HUNDRED
    return _finish(Result(indicator, value, formula, basis, bound), cap, scale)


def _finish(result: Result, cap: Decimal | None, scale: Scale | None) -> Result:
    value = result.value
    capped = False
    if value is not None and cap is not None and value > cap:
        value, capped = cap, True
    predikat = scale.predikat(round2(value)) if (scale and value is not None) else None
    return Result(result.indicator, value, result.formula, result.basis, result.bound,
                  capped, predikat)


def compute_all(indicators: Iterable[Indicator], default_formula: str = "A",
                cap: Decimal | None = None, scale: Scale | None = None,
                previous: Sequence[Result] = ()) -> list[Result]:
    """Capaian for every indicator, each compared with the same id in ``previous``."""
    before = {r.indicator.id: r.rounded for r in previous}
    out = []
    for indicator in indicators:
        result = compute(indicator, default_formula, cap, scale)
        if indicator.id in before:
            result = Result(**{**result.__dict__, "previous": before[indicator.id]})
        out.append(result)
    return out


def averages(results: Sequence[Result], scale: Scale | None = None) -> list[GroupAverage]:
    """Mean capaian per sasaran (of the rounded figures), in first-seen order."""
    groups: dict[str, list[Decimal]] = {}
    counts: dict[str, int] = {}
    for result in results:
        name = result.indicator.sasaran
        counts[name] = counts.get(name, 0) + 1
        groups.setdefault(name, [])
        if result.rounded is not None:
            groups[name].append(result.rounded)
    out = []
    for name, values in groups.items():
        mean = round2(sum(values, Decimal(0)) / len(values)) if values else None
        out.append(GroupAverage(name, mean,
                                scale.predikat(mean) if scale and mean is not None else None,
                                counts[name]))
    return out


def evaluate(evaluation: Evaluation, default_formula: str, cap: Decimal | None,
             scale: Scale, previous: Evaluation | None = None) -> list[Result]:
    """Results for an evaluation, compared with the previous evaluation when given."""
    before = (compute_all(previous.indicators, default_formula, cap, scale)
              if previous else [])
    return compute_all(evaluation.indicators, default_formula, cap, scale, before)
