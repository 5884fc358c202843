"""Recommendations and follow-ups as sheets of the Excel workbook Tim SAKIP already fills.

``indikator.xlsx`` may hold, beside its first sheet (the indicators), a sheet ``rekomendasi``
(columns ``nomor``, ``teks``, ``penanggung_jawab``, ``tenggat``) and a sheet ``tindak-lanjut``
(``rekomendasi``, ``status``, ``uraian``, ``bukti``, ``alasan``): the same entries as
``rekomendasi.yml`` and ``tindak-lanjut.yml``, one row each, with no YAML to learn. Other
columns (e.g. ``isi rekomendasi``, shown to help) are read over. ``read`` turns each sheet into
the entries the YAML files give (``LinedDict`` with the row as line); findings name the sheet
and row ("lembar rekomendasi baris 3").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evkin.evaluation.model import TEMPLATE_MARK
from evkin.findings import Finding
from evkin.yamlfile import LinedDict

DATA_FILE = "indikator.xlsx"
RECOMMENDATIONS = "rekomendasi"
FOLLOW_UPS = "tindak-lanjut"
COLUMNS = {RECOMMENDATIONS: ("nomor", "teks", "penanggung_jawab", "tenggat"),
           FOLLOW_UPS: ("rekomendasi", "status", "uraian", "bukti", "alasan")}
REQUIRED = {RECOMMENDATIONS: ("nomor", "teks"), FOLLOW_UPS: ("rekomendasi", "status")}
MAX_ROWS = 2000


@dataclass
class Sheets:
    """What the workbook's recommendation sheets hold (a sheet that is absent is not a key)."""

    entries: dict[str, list[LinedDict]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def where(sheet: str, row: int | None) -> str:
    return f"lembar {sheet} baris {row}" if row else f"lembar {sheet}"


def _plausible(path: Path) -> bool:
    """Not a small file that unpacks to gigabytes (the indicator reader reports it); the same
    bound as the indicators' (ten times the data size limit, at most 100 MB each)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return sum(i.file_size for i in archive.infolist()) <= 10 * 100 * 1024 * 1024
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def has_sheets(path: Path) -> bool:
    """Cheap: does the workbook have a recommendation sheet at all (names only)?"""
    if not path.is_file() or not _plausible(path):
        return False
    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
    except Exception:  # openpyxl raises many types for a damaged file; reported elsewhere
        return False
    try:
        return any(_sheet_key(name) for name in book.sheetnames)
    finally:
        book.close()


def _sheet_key(name: str) -> str | None:
    key = "-".join(name.strip().lower().replace("_", " ").split())
    return key if key in COLUMNS else None


def _name(cell: Any) -> str:
    return "_".join(str(cell or "").strip().lower().split())


def _value(value: Any) -> Any:
    """A cell as the YAML reader would give it: dates as dates, whole numbers as int."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        stripped = value.strip()
        try:
            return dt.date.fromisoformat(stripped) if len(stripped) == 10 else stripped
        except ValueError:
            return stripped
    return value


def read(path: Path, rel: str) -> Sheets:
    """The recommendation sheets of ``path`` (``rel``: its repository path, for findings)."""
    out = Sheets()
    if not path.is_file() or not _plausible(path):
        return out
    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # the indicator reader reports a damaged workbook once
        return out
    try:
        for name in book.sheetnames:
            key = _sheet_key(name)
            if key is None or key in out.entries:
                continue
            out.entries[key] = _rows(book[name], key, rel, out.findings)
    finally:
        book.close()
    return out


def _rows(sheet: Any, key: str, rel: str, findings: list[Finding]) -> list[LinedDict]:
    header: dict[int, str] | None = None
    entries: list[LinedDict] = []
    for number, cells in enumerate(sheet.iter_rows(values_only=True), 1):
        if not any(c is not None and str(c).strip() for c in cells):
            continue
        if header is None:
            header = {i: _name(c) for i, c in enumerate(cells) if _name(c) in COLUMNS[key]}
            missing = [c for c in REQUIRED[key] if c not in header.values()]
            if missing:
                findings.append(Finding(rel, where(key, number), "rec.sheet_columns", {
                    "sheet": key, "columns": ", ".join(missing),
                    "all": ", ".join(COLUMNS[key])}))
                return []
            continue
        if len(entries) >= MAX_ROWS:
            findings.append(Finding(rel, where(key, number), "data.too_many_rows",
                                    {"limit": MAX_ROWS}))
            break
        entry = LinedDict()
        entry.line = number
        for i, value in enumerate(cells):
            name = header.get(i)
            if name is None or value is None or (isinstance(value, str) and not value.strip()):
                continue
            entry[name] = _value(value)
            entry.lines[name] = number
            if isinstance(value, str) and TEMPLATE_MARK in value:
                findings.append(Finding(rel, where(key, number), "template.left",
                                        {"text": value.strip()[:80]}))
        if entry:
            entries.append(entry)
    return entries


def relocate(findings: list[Finding], rel: str, sheet: str) -> list[Finding]:
    """Findings the YAML checks located at ``rel`` by row number, located by sheet and row."""
    out = []
    for finding in findings:
        if finding.path == rel and not isinstance(finding.where, str):
            finding = Finding(finding.path, where(sheet, finding.where), finding.code,
                              finding.params, finding.severity)
        out.append(finding)
    return out


def write_sheets(book: Any, recommendations: list[dict[str, Any]],
                 follow_ups: list[dict[str, Any]], statuses: Sequence[str]) -> None:
    """Add the two sheets to an openpyxl workbook being scaffolded: headers, the given rows,
    column widths people can read, and the allowed ``statuses`` as a list to pick from (the
    caller's: this reader sits below ``recommendations``, which reads the sheets)."""
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    layouts = (
        (RECOMMENDATIONS, [*COLUMNS[RECOMMENDATIONS]], recommendations, (8, 60, 32, 14)),
        (FOLLOW_UPS, ["rekomendasi", "isi rekomendasi", "status", "uraian", "bukti",
                      "alasan"], follow_ups, (22, 50, 24, 60, 30, 30)),
    )
    for title, headers, rows, widths in layouts:
        sheet = book.create_sheet(title)
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([row.get(h) for h in headers])
        for i, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + i)].width = width
        sheet.freeze_panes = "A2"
        if title == FOLLOW_UPS:
            picker = DataValidation(type="list", formula1='"' + ",".join(statuses) + '"',
                                    allow_blank=True)
            sheet.add_data_validation(picker)
            picker.add(f"C2:C{max(len(rows) + 1, 2) + 50}")
        if title == RECOMMENDATIONS:
            for row in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
                for cell in row:
                    cell.number_format = "yyyy-mm-dd"
