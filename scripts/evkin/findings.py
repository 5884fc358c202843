"""Findings (problems in user content) and the one exception for unusable input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from evkin.messages import t

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One located problem: ``path:where: message``.

    ``where`` is a line number for text files and a cell reference (``E5``) for spreadsheets.
    """

    path: str
    where: int | str | None
    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    severity: Severity = "error"

    @property
    def line(self) -> int | None:
        return self.where if isinstance(self.where, int) else None

    def message(self, lang: str | None = None) -> str:
        return t(self.code, self.params, lang)

    def location(self) -> str:
        return f"{self.path}:{self.where}" if self.where is not None else self.path

    def render(self, lang: str | None = None) -> str:
        prefix = "" if self.severity == "error" else t("common.warning", None, lang) + ": "
        return f"{self.location()}: {prefix}{self.message(lang)}"

    def as_json(self, lang: str | None = None) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "cell": self.where if isinstance(self.where, str) else None,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
        }


class EvkinError(Exception):
    """Input or arguments evkin cannot work with (exit code 2), with located findings."""

    def __init__(self, code: str, params: Mapping[str, object] | None = None,
                 findings: list[Finding] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.params = dict(params or {})
        self.findings = findings or []

    def message(self, lang: str | None = None) -> str:
        return t(self.code, self.params, lang)


# A file that cannot be read at all: whatever else is said about it is a consequence.
UNREADABLE = frozenset({"yaml.invalid", "yaml.not_mapping", "file.not_utf8", "file.unreadable",
                        "text.too_big", "rec.not_list"})


def one_per_slip(findings: list[Finding]) -> list[Finding]:
    """Drop what follows from a file being unreadable: a broken ``evaluasi.yml`` is one
    finding, not also "isian wajib ada" for every field the parser never reached."""
    broken = {f.path for f in findings if f.code in UNREADABLE}
    if not broken:
        return findings
    return [f for f in findings if f.path not in broken or f.code in UNREADABLE]
