"""Capaian results as rows: Indonesian text for people and documents, numbers for machines.

The PDF, the site, the job summary and ``evkin summary`` all draw their tables from here.
"""

from __future__ import annotations

from decimal import Decimal

from evkin.evaluation.capaian import GroupAverage, Result
from evkin.messages import t
from evkin.numbers import format_number, format_percent

HEADERS_KEY = "summary.headers"


def formula_label(result: Result) -> str:
    label = t(f"formula.{result.formula}")
    if result.bound:
        label += " " + t(f"formula.range_{result.bound}")
    if result.capped:
        label += " " + t("formula.capped")
    return label


def target_text(result: Result) -> str:
    ind = result.indicator
    if ind.target_maks is not None:
        return f"{format_number(ind.target)}–{format_number(ind.target_maks)}"
    return format_number(ind.target)


def text_row(result: Result) -> list[str]:
    ind = result.indicator
    return [
        ind.id, ind.indikator, ind.satuan, target_text(result), format_number(ind.realisasi),
        format_percent(result.value) if result.value is not None else "–",
        result.predikat or "–", formula_label(result),
    ]


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def json_row(result: Result) -> dict[str, object]:
    ind = result.indicator
    return {
        "id": ind.id,
        "sasaran": ind.sasaran,
        "indikator": ind.indikator,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "target": _num(ind.target),
        "target_maks": _num(ind.target_maks),
        "realisasi": _num(ind.realisasi),
        "capaian": _num(result.rounded),
        "capaian_teks": format_percent(result.value) if result.value is not None else None,
        "predikat": result.predikat,
        "formula": result.formula,
        "pembanding": _num(result.basis),
        "batas_rentang": result.bound,
        "dibatasi": result.capped,
        "capaian_sebelumnya": _num(result.previous),
        "perubahan": _num(result.change),
        "masalah": t(result.problem, {"id": ind.id}) if result.problem else None,
    }


def json_average(avg: GroupAverage) -> dict[str, object]:
    return {"sasaran": avg.sasaran, "rata_rata": _num(avg.value), "predikat": avg.predikat,
            "jumlah_indikator": avg.count}


def headers() -> list[str]:
    return t(HEADERS_KEY).split("|")
