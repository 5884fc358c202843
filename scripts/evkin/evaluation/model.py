"""Plain data for one evaluation folder. No I/O, no decisions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ID_PATTERN = re.compile(r"^(?P<year>\d{4})-(?P<kind>tahunan|s(?P<s>[12])|tw(?P<tw>[1-4]))$")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# Scaffolded placeholder text; anything still holding it is unfinished.
TEMPLATE_MARK = "[[ISI"


@dataclass(frozen=True, order=True)
class Period:
    """The period an evaluation covers, derived from its id (``2025-tw1``)."""

    year: int
    order: int  # 1..4 within the year; tahunan sorts after its quarters
    kind: str  # tahunan | semester | triwulan
    number: int | None

    @classmethod
    def from_id(cls, evaluation_id: str) -> Period | None:
        match = ID_PATTERN.match(evaluation_id)
        if not match:
            return None
        year = int(match["year"])
        if match["s"]:
            n = int(match["s"])
            return cls(year, n * 2, "semester", n)
        if match["tw"]:
            n = int(match["tw"])
            return cls(year, n, "triwulan", n)
        return cls(year, 5, "tahunan", None)

    def label(self) -> str:
        if self.kind == "tahunan":
            return f"Tahun {self.year}"
        name = "Semester" if self.kind == "semester" else "Triwulan"
        return f"{name} {ROMAN[self.number or 1]} Tahun {self.year}"


@dataclass(frozen=True)
class Indicator:
    """One row of indicator data; ``line`` is the CSV line or spreadsheet row it came from."""

    id: str
    sasaran: str
    indikator: str
    satuan: str
    polaritas: str  # positif | negatif
    target: Decimal
    realisasi: Decimal
    target_maks: Decimal | None = None
    formula: str | None = None  # A | B for negative polarity; None = agency default
    realisasi_lalu: Decimal | None = None
    line: int | str | None = None
    perubahan: str = ""  # "ganti nama": the same indicator as the previous evaluation's, renamed


@dataclass(frozen=True)
class Section:
    """A heading of ``laporan.md`` and the text under it (to the next heading of its level)."""

    title: str
    level: int
    line: int
    body: str
    key: str | None = None  # analysis key (target, realisasi, ...) when it matches


@dataclass(frozen=True)
class Document:
    """A step 1–4 document: front matter plus Markdown body."""

    key: str
    step: int
    path: Path
    meta: dict[str, Any]
    meta_lines: dict[str, int]
    body: str
    body_line: int


@dataclass(frozen=True)
class Evaluation:
    id: str
    path: Path
    period: Period | None
    judul: str = ""
    nomor: str = ""
    tanggal: dt.date | None = None
    penyusun: tuple[str, ...] = ()
    sebelumnya: str | None = None
    contoh: bool = False
    meta_lines: dict[str, int] = field(default_factory=dict)
    report_text: str = ""
    sections: tuple[Section, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    data_file: str | None = None
    documents: dict[str, Document] = field(default_factory=dict)
