"""Capaian and predikat against hand computation (domain.md §2 worked examples)."""

from decimal import Decimal

import pytest

from evkin.evaluation.capaian import averages, compute, compute_all
from evkin.evaluation.model import Indicator
from evkin.settings import DEFAULT_SCALE, Band, Scale


def ind(polarity: str, target: str, actual: str, high: str | None = None,
        formula: str | None = None, id: str = "IK", sasaran: str = "S") -> Indicator:
    return Indicator(id=id, sasaran=sasaran, indikator="i", satuan="%", polaritas=polarity,
                     target=Decimal(target), realisasi=Decimal(actual),
                     target_maks=Decimal(high) if high else None, formula=formula)


def test_positive_is_realisasi_over_target() -> None:
    result = compute(ind("positif", "80", "81.17"), scale=DEFAULT_SCALE)
    assert result.rounded == Decimal("101.46")
    assert result.formula == "positif"
    assert result.predikat == "Sangat Tinggi"


def test_negative_formula_a_is_the_default() -> None:
    # PermenPANRB worked example: target 7 months, realisasi 6.5 → 107 %.
    result = compute(ind("negatif", "7", "6.5"))
    assert result.formula == "negatif-A"
    assert result.rounded == Decimal("107.14")


def test_negative_formula_b_per_indicator_or_agency() -> None:
    assert compute(ind("negatif", "7", "6.5", formula="B")).rounded == Decimal("107.69")
    assert compute(ind("negatif", "12", "14"), default_formula="B").rounded == Decimal("85.71")


def test_formula_b_is_undefined_at_zero_realisasi() -> None:
    result = compute(ind("negatif", "5", "0", formula="B"))
    assert result.value is None
    assert result.problem == "capaian.zero_actual_b"


def test_range_targets_compare_against_the_bound_crossed() -> None:
    below = compute(ind("negatif", "7", "6.5", high="8"))
    above = compute(ind("negatif", "7", "9", high="8"))
    inside = compute(ind("positif", "80", "85", high="90"))
    assert (below.rounded, below.bound) == (Decimal("107.14"), "bawah")
    assert (above.rounded, above.bound) == (Decimal("87.50"), "atas")
    assert (inside.rounded, inside.bound) == (Decimal("100.00"), "dalam")


def test_cap_limits_and_is_recorded() -> None:
    result = compute(ind("positif", "100", "130"), cap=Decimal(120), scale=DEFAULT_SCALE)
    assert result.rounded == Decimal("120.00")
    assert result.capped
    assert not compute(ind("positif", "100", "110"), cap=Decimal(120)).capped


@pytest.mark.parametrize(("value", "label"), [
    ("90.01", "Sangat Tinggi"), ("90", "Tinggi"), ("75.01", "Tinggi"), ("75", "Sedang"),
    ("65", "Rendah"), ("50.01", "Rendah"), ("50", "Sangat Rendah"), ("0", "Sangat Rendah"),
])
def test_predikat_band_edges(value: str, label: str) -> None:
    assert DEFAULT_SCALE.predikat(Decimal(value)) == label


def test_predikat_uses_the_published_two_decimal_figure() -> None:
    # 90.004 is published as 90,00 % and so rated Tinggi, not Sangat Tinggi.
    assert compute(ind("positif", "100", "90.004"), scale=DEFAULT_SCALE).predikat == "Tinggi"


def test_custom_scale() -> None:
    scale = Scale((Band("Baik", Decimal(80), None), Band("Kurang", None, Decimal(80))))
    assert compute(ind("positif", "100", "85"), scale=scale).predikat == "Baik"


def test_averages_per_sasaran_and_comparison_with_previous() -> None:
    before = compute_all([ind("positif", "100", "90", id="A", sasaran="S1")])
    now = compute_all([ind("positif", "100", "95", id="A", sasaran="S1"),
                       ind("positif", "100", "80", id="B", sasaran="S1"),
                       ind("positif", "50", "50", id="C", sasaran="S2")], previous=before)
    assert now[0].previous == Decimal("90.00")
    assert now[0].change == Decimal("5.00")
    assert now[1].previous is None
    groups = averages(now, DEFAULT_SCALE)
    assert [(g.sasaran, g.value, g.predikat) for g in groups] == [
        ("S1", Decimal("87.50"), "Tinggi"), ("S2", Decimal("100.00"), "Sangat Tinggi")]
