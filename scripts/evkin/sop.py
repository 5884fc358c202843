"""The SOP (``sop.yml``) as typed objects. Read once; every step-aware part asks here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from evkin.yamlfile import parse


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # menit | jam | hari

    @property
    def minutes(self) -> int:
        return self.amount * {"menit": 1, "jam": 60, "hari": 60 * 24}[self.unit]

    @property
    def is_days(self) -> bool:
        return self.unit == "hari"

    def label(self) -> str:
        names = {"menit": "menit", "jam": "jam", "hari": "hari kerja"}
        return f"{self.amount} {names[self.unit]}"


@dataclass(frozen=True)
class StepDocument:
    key: str
    file: str
    kind: str  # nota_dinas | notulen
    judul: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class SopStep:
    number: int
    actor: str
    uraian: str
    kelengkapan: str
    waktu: Duration
    output: str
    document: StepDocument | None = None
    report: bool = False
    approval: str | None = None  # paraf | tanda_tangan
    return_to_step: int | None = None
    return_to_actor: str | None = None
    publish: bool = False


@dataclass(frozen=True)
class Analysis:
    key: str
    judul: str


@dataclass(frozen=True)
class Sop:
    nomor: str
    nama: str
    tanggal_efektif: str
    dasar_hukum: tuple[str, ...]
    roles: dict[str, str]
    analisis: tuple[Analysis, ...]
    steps: tuple[SopStep, ...]

    def step(self, number: int) -> SopStep:
        return next(s for s in self.steps if s.number == number)

    @property
    def documents(self) -> tuple[tuple[SopStep, StepDocument], ...]:
        return tuple((s, s.document) for s in self.steps if s.document)

    def approval_step(self, kind: str) -> SopStep:
        return next(s for s in self.steps if s.approval == kind)

    def role_label(self, role: str) -> str:
        return self.roles.get(role, role)


def _step(raw: dict[str, Any]) -> SopStep:
    doc = raw.get("document")
    ret = raw.get("return_to") or {}
    return SopStep(
        number=int(raw["number"]),
        actor=str(raw["actor"]),
        uraian=str(raw["uraian"]),
        kelengkapan=str(raw["kelengkapan"]),
        waktu=Duration(int(raw["waktu"]["amount"]), str(raw["waktu"]["unit"])),
        output=str(raw["output"]),
        document=StepDocument(
            key=doc["key"], file=doc["file"], kind=doc["kind"], judul=doc["judul"],
            fields=tuple(doc["fields"]),
        ) if doc else None,
        report=bool(raw.get("report", False)),
        approval=raw.get("approval"),
        return_to_step=ret.get("step"),
        return_to_actor=ret.get("actor"),
        publish=bool(raw.get("publish", False)),
    )


@cache
def load_sop() -> Sop:
    """The bundled SOP; cached because it never changes within a process."""
    text = resources.files("evkin").joinpath("sop.yml").read_text(encoding="utf-8")
    raw = parse(text)
    return Sop(
        nomor=str(raw["nomor"]),
        nama=str(raw["nama"]),
        tanggal_efektif=str(raw["tanggal_efektif"]),
        dasar_hukum=tuple(str(d) for d in raw.get("dasar_hukum", ())),
        roles={str(k): str(v) for k, v in raw["roles"].items()},
        analisis=tuple(Analysis(a["key"], a["judul"]) for a in raw["analisis"]),
        steps=tuple(_step(s) for s in raw["steps"]),
    )
