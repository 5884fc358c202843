"""Folder → ``Evaluation`` plus findings. Reads files; decides nothing beyond "can it be read"."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from evkin.evaluation.markdown import scan
from evkin.evaluation.model import TEMPLATE_MARK, Document, Evaluation, Indicator, Period, Section
from evkin.findings import EvkinError, Finding
from evkin.indonesian_dates import bad_date
from evkin.numbers import (
    NumberProblem,
    format_number,
    from_spreadsheet,
    implausible,
    parse_number,
)
from evkin.settings import MEGABYTE, Limits, Settings
from evkin.yamlfile import LinedDict, YamlProblem, parse, read_text, split_front_matter

META_FILE = "evaluasi.yml"
REPORT_FILE = "laporan.md"
DATA_FILES = ("indikator.csv", "indikator.xlsx")

# Accepted column headings (lower case) → field.
COLUMNS = {
    "id": "id", "kode": "id", "id_indikator": "id",
    "sasaran": "sasaran", "sasaran strategis": "sasaran",
    "indikator": "indikator", "indikator kinerja": "indikator",
    "satuan": "satuan",
    "polaritas": "polaritas",
    "target": "target", "target_min": "target",
    "target_maks": "target_maks", "target maks": "target_maks",
    "realisasi": "realisasi",
    "formula": "formula",
    "realisasi_lalu": "realisasi_lalu", "realisasi lalu": "realisasi_lalu",
    "perubahan": "perubahan",
}
REQUIRED_COLUMNS = ("id", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi")
POLARITIES = {
    "positif": "positif", "+": "positif", "semakin tinggi semakin baik": "positif",
    "negatif": "negatif", "-": "negatif", "semakin rendah semakin baik": "negatif",
}


@dataclass
class LoadedEvaluation:
    evaluation: Evaluation
    findings: list[Finding]


class _Sink:
    def __init__(self, root: Path, limits: Limits | None = None) -> None:
        self.root = root.resolve()
        self.limits = limits or Limits()
        self.findings: list[Finding] = []

    def rel(self, path: Path) -> str:
        for candidate in (path, path.resolve()):
            if candidate.is_relative_to(self.root):
                return candidate.relative_to(self.root).as_posix()
        return path.as_posix()

    def add(self, path: Path, where: int | str | None, code: str, **params: object) -> None:
        self.findings.append(Finding(self.rel(path), where, code, params))


def load_evaluation(folder: Path, settings: Settings) -> LoadedEvaluation:
    """Read everything in ``folder``; problems become findings, never exceptions."""
    sink = _Sink(settings.root, settings.limits)
    evaluation_id = folder.name
    period = Period.from_id(evaluation_id)
    if period is None:
        sink.add(folder, None, "eval.bad_id", id=evaluation_id)

    meta = _read_yaml(folder / META_FILE, sink)
    report_text = _read(folder / REPORT_FILE, sink)
    if report_text is not None:
        _plain_text(folder / REPORT_FILE, report_text, settings.limits, sink)
    sections = _sections(report_text, settings) if report_text is not None else ()
    indicators, data_file = _indicators(folder, settings.limits, sink)
    documents = _documents(folder, settings, sink)

    tanggal = meta.get("tanggal")
    penyusun = meta.get("penyusun") or ()
    if isinstance(penyusun, str):
        penyusun = (penyusun,)
    if isinstance(penyusun, list) and not all(isinstance(p, str) for p in penyusun):
        penyusun = ()  # reported by _check_meta_types; never printed as a Python repr
    evaluation = Evaluation(
        id=evaluation_id,
        path=folder,
        period=period,
        judul=str(meta.get("judul") or ""),
        nomor=str(meta.get("nomor") or ""),
        tanggal=tanggal if isinstance(tanggal, dt.date) else None,
        penyusun=tuple(str(p) for p in penyusun) if isinstance(penyusun, list | tuple) else (),
        sebelumnya=str(meta["sebelumnya"]) if meta.get("sebelumnya") else None,
        contoh=bool(meta.get("contoh", False)),
        meta_lines=dict(meta.lines),
        report_text=report_text or "",
        sections=sections,
        indicators=tuple(indicators),
        data_file=data_file,
        documents=documents,
    )
    _check_meta_types(evaluation, meta, folder / META_FILE, sink)
    return LoadedEvaluation(evaluation, sink.findings)


def _read(path: Path, sink: _Sink) -> str | None:
    try:
        size = path.stat().st_size
        if path.is_file() and size > sink.limits.text_bytes and path.suffix != ".csv":
            sink.add(path, None, "text.too_big", size=_megabytes(size),
                     limit=_megabytes(sink.limits.text_bytes))
            return None
        return read_text(path)
    except FileNotFoundError:
        sink.add(path, None, "file.missing", name=path.name)
    except UnicodeDecodeError:
        sink.add(path, None, "file.not_utf8")
    except OSError as exc:
        sink.add(path, None, "file.unreadable", detail=exc.strerror or str(exc))
    return None


def _read_yaml(path: Path, sink: _Sink) -> LinedDict:
    text = _read(path, sink)
    empty = LinedDict()
    if text is None:
        return empty
    try:
        data = parse(text)
    except YamlProblem as problem:
        sink.add(path, problem.line, "yaml.invalid", detail=problem.detail)
        return empty
    if data is None:
        return empty
    if not isinstance(data, LinedDict):
        sink.add(path, 1, "yaml.not_mapping")
        return empty
    return data


def _check_meta_types(evaluation: Evaluation, meta: LinedDict, path: Path, sink: _Sink) -> None:
    value = meta.get("tanggal")
    if value is not None and not isinstance(value, dt.date) and TEMPLATE_MARK not in str(value):
        sink.add(path, meta.line_of("tanggal"), "meta.bad_date", **bad_date("tanggal", value))
    penyusun = meta.get("penyusun")
    if penyusun is not None and (not isinstance(penyusun, str | list) or (
            isinstance(penyusun, list) and not all(isinstance(p, str) for p in penyusun))):
        sink.add(path, meta.line_of("penyusun"), "meta.bad_list", field="penyusun")
    if evaluation.sebelumnya is not None and evaluation.sebelumnya == evaluation.id:
        sink.add(path, meta.line_of("sebelumnya"), "meta.previous_self", id=evaluation.id)


# C0 control characters other than tab, line feed and carriage return (and DEL): invisible in
# an editor, refused by Typst and by XML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _plain_text(path: Path, text: str, limits: Limits, sink: _Sink) -> bool:
    """Report control characters and overlong lines by line; ``False`` when any was found."""
    ok = True
    match = _CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        sink.add(path, line, "text.control_char", char=f"U+{ord(match.group()):04X}")
        ok = False
    for number, line_text in enumerate(text.split("\n"), 1):
        if len(line_text) > limits.line_chars:
            sink.add(path, number, "text.line_too_long", length=format_number(
                Decimal(len(line_text))), limit=format_number(Decimal(limits.line_chars)))
            ok = False
            break
    return ok


_NUMBERING = re.compile(
    r"^(?:[IVXLC]+|[A-Za-z]|\d+(?:\.\d+)*)[.)]?\s+|^(?:bab|bagian)\s+\S+\s*[.:-]?\s*", re.I)
_PUNCT = re.compile(r"[^\w\s]")


def normalise_heading(text: str) -> str:
    """``## 3.2. Faktor Pendorong:`` → ``faktor pendorong``: tolerant of case and numbering."""
    text = text.strip()
    previous = None
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text, count=1).strip()
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def _sections(text: str, settings: Settings) -> tuple[Section, ...]:
    headings = scan(text).headings
    lines = text.splitlines()
    names = {
        normalise_heading(title): a.key
        for a in settings.sop.analisis
        for title in settings.section_titles(a.key)
    }
    out = []
    for i, heading in enumerate(headings):
        end = len(lines)
        for later in headings[i + 1:]:
            if later.level <= heading.level:
                end = later.line - 1
                break
        body = "\n".join(lines[heading.line:end])
        out.append(Section(heading.text, heading.level, heading.line, body,
                           names.get(normalise_heading(heading.text))))
    return tuple(out)


def _indicators(folder: Path, limits: Limits, sink: _Sink
                ) -> tuple[list[Indicator], str | None]:
    present = [folder / name for name in DATA_FILES if (folder / name).exists()]
    if not present:
        sink.add(folder / DATA_FILES[0], None, "data.missing")
        return [], None
    if len(present) > 1:
        sink.add(present[1], None, "data.two_files", other=present[0].name)
    path = present[0]
    if not _size_ok(path, limits, sink):
        return [], sink.rel(path)
    rows = (_xlsx_rows(path, limits, sink) if path.suffix == ".xlsx"
            else _csv_rows(path, limits, sink))
    before = len(sink.findings)
    indicators = _rows_to_indicators(path, rows, limits, sink)
    if not indicators and len(sink.findings) == before:
        sink.add(path, None, "data.no_rows")
    return indicators, sink.rel(path)


def _size_ok(path: Path, limits: Limits, sink: _Sink) -> bool:
    """Refuse a data file beyond ``batas.ukuran_data_mb`` before reading a byte of it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        sink.add(path, None, "file.unreadable", detail=exc.strerror or str(exc))
        return False
    if path.is_dir():
        sink.add(path, None, "file.unreadable", detail="folder")
        return False
    if size > limits.data_bytes:
        sink.add(path, None, "data.too_big", size=_megabytes(size),
                 limit=_megabytes(limits.data_bytes))
        return False
    return True


def _megabytes(size: int) -> str:
    return format_number(Decimal(size) / MEGABYTE, 1)


Row = tuple[int | str, dict[str, Any], dict[str, str]]  # (line/row, values, cell refs)


def _header(path: Path, cells: list[str], where: int | str, sink: _Sink) -> dict[int, str] | None:
    mapping: dict[int, str] = {}
    for index, cell in enumerate(cells):
        name = " ".join(str(cell or "").strip().lower().split())
        field = COLUMNS.get(name) or COLUMNS.get(name.replace(" ", "_"))
        if field:
            mapping[index] = field
        elif name:
            sink.add(path, where, "data.unknown_column", column=cell)
    missing = [c for c in REQUIRED_COLUMNS if c not in mapping.values()]
    if missing:
        sink.add(path, where, "data.missing_columns", columns=", ".join(missing))
        return None
    return mapping


def _csv_rows(path: Path, limits: Limits, sink: _Sink) -> Iterator[Row]:
    text = _read(path, sink)
    if text is None:
        return
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    mapping: dict[int, str] | None = None
    width = 0
    rows = 0
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if mapping is None:
                mapping = _header(path, cells, line, sink)
                if mapping is None:
                    return
                width = len(cells)
                continue
            rows += 1
            if rows > limits.data_rows:
                sink.add(path, line, "data.too_many_rows", limit=limits.data_rows)
                return
            # With ',' as separator, a row wider than its header is a decimal comma that was
            # not quoted, even when the cells it pushed out are empty.
            if (delimiter == "," and len(cells) > width) or (
                    len(cells) > len(mapping) and any(c.strip() for c in cells[max(mapping) + 1:])):
                # Unquoted decimal commas in a comma-separated file shift every later cell:
                # one message for the row, not one per misplaced value.
                sink.add(path, line, "data.extra_cells", delimiter=delimiter)
                continue
            values = {mapping[i]: c for i, c in enumerate(cells) if i in mapping}
            yield line, values, {}
    except csv.Error as exc:
        sink.add(path, reader.line_num, "data.csv_error", detail=str(exc))


def _xlsx_rows(path: Path, limits: Limits, sink: _Sink) -> Iterator[Row]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        sink.add(path, None, "data.xlsx_error", detail=type(exc).__name__)
        return
    if unpacked > 10 * limits.data_bytes:  # a small file that unpacks to gigabytes
        sink.add(path, None, "data.too_big", size=_megabytes(unpacked),
                 limit=_megabytes(10 * limits.data_bytes))
        return
    try:
        # Twice: the saved values, and the formulas, merges and number formats behind them.
        values_book = load_workbook(path, read_only=False, data_only=True)
        formula_book = load_workbook(path, read_only=False, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        sink.add(path, None, "data.xlsx_error", detail=type(exc).__name__)
        return
    try:
        sheet = values_book.worksheets[0]
        formulas = formula_book.worksheets[0]
        merged: dict[tuple[int, int], str] = {}
        for merge in formulas.merged_cells.ranges:
            for row in range(merge.min_row, merge.max_row + 1):
                for col in range(merge.min_col, merge.max_col + 1):
                    merged[(row, col)] = merge.coord
        mapping: dict[int, str] | None = None
        rows = 0
        for row_number, cells in enumerate(sheet.iter_rows(values_only=True), 1):
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            if mapping is None:
                mapping = _header(path, [str(c or "") for c in cells], f"A{row_number}", sink)
                if mapping is None:
                    return
                continue
            rows += 1
            if rows > limits.data_rows:
                sink.add(path, f"A{row_number}", "data.too_many_rows", limit=limits.data_rows)
                return
            values: dict[str, Any] = {}
            refs: dict[str, str] = {}
            for i, value in enumerate(cells):
                if i not in mapping:
                    continue
                field = mapping[i]
                ref = f"{get_column_letter(i + 1)}{row_number}"
                refs[field] = ref
                values[field] = _xlsx_cell(path, ref, value, formulas.cell(row_number, i + 1),
                                           merged.get((row_number, i + 1)), field, sink)
            yield row_number, values, refs
    finally:
        values_book.close()
        formula_book.close()


def _as_percent(value: float) -> str:
    """What Excel shows for a percent-formatted cell: 0.8415 → ``84,15``."""
    import math

    if not math.isfinite(value) or abs(value) >= 1e12:
        return repr(value)
    shown = (Decimal(repr(float(value))) * 100).quantize(Decimal("0.0001"))
    return format_number(shown.normalize() if shown else Decimal(0))


class _Refused:
    """A cell already reported (merged, formula without value, percent): not read further."""


def _xlsx_cell(path: Path, ref: str, value: Any, source: Any, merge: str | None, field: str,
               sink: _Sink) -> Any:
    formula = source.value if isinstance(source.value, str) else None
    if value is None and formula and formula.startswith("="):
        sink.add(path, ref, "data.xlsx_formula_no_value", column=field, formula=formula[:60])
        return _Refused()
    if value is None and merge and not merge.startswith(ref + ":"):
        sink.add(path, ref, "data.xlsx_merged", column=field, merge=merge)
        return _Refused()
    if (field in ("target", "target_maks", "realisasi", "realisasi_lalu")
            and isinstance(value, int | float) and not isinstance(value, bool)
            and "%" in str(source.number_format or "")):
        sink.add(path, ref, "data.xlsx_percent", column=field, shown=_as_percent(value))
        return _Refused()
    return value


def _rows_to_indicators(path: Path, rows: Iterator[Row], limits: Limits, sink: _Sink
                        ) -> list[Indicator]:
    out = []
    for line, values, refs in rows:
        if any(isinstance(v, _Refused) for v in values.values()):
            continue
        def where(column: str, line: int | str = line, refs: dict[str, str] = refs) -> int | str:
            return refs.get(column, line)

        def text(column: str, values: dict[str, Any] = values) -> str:
            value = values.get(column)
            return "" if value is None else str(value).strip()

        broken = False
        for column, value in values.items():
            if isinstance(value, str) and TEMPLATE_MARK in value:
                sink.add(path, where(column), "template.left", text=value.strip())
                broken = True
        if broken:
            continue
        for column in ("id", "sasaran", "indikator", "satuan", "polaritas"):
            if not text(column):
                sink.add(path, where(column), "data.cell_empty", column=column)
                broken = True
        polarity = POLARITIES.get(text("polaritas").lower())
        if text("polaritas") and polarity is None:
            sink.add(path, where("polaritas"), "data.bad_polarity", value=text("polaritas"))
            broken = True
        formula = text("formula").upper() or None
        if formula and formula not in ("A", "B"):
            sink.add(path, where("formula"), "data.bad_formula", value=text("formula"))
            broken = True

        numbers: dict[str, Decimal | None] = {}
        for column in ("target", "realisasi", "target_maks", "realisasi_lalu"):
            value = values.get(column)
            if value is None or (isinstance(value, str) and not value.strip()):
                numbers[column] = None
                if column in ("target", "realisasi"):
                    sink.add(path, where(column), "data.target_empty" if column == "target"
                             else "data.cell_empty", column=column)
                    broken = True
                continue
            try:
                number = from_spreadsheet(value) if refs else parse_number(str(value))
            except NumberProblem as problem:
                sink.add(path, where(column), problem.code, column=column,
                         text=problem.text[:40])
                numbers[column] = None
                broken = True
                continue
            code = implausible(number, limits.digits, limits.magnitude)
            if code:
                sink.add(path, where(column), code, column=column, text=str(value)[:40],
                         digits=limits.digits, limit=format_number(limits.magnitude))
                numbers[column] = None
                broken = True
                continue
            numbers[column] = number
        target, target_max = numbers["target"], numbers["target_maks"]
        if target is not None and target_max is not None and target_max < target:
            sink.add(path, where("target_maks"), "data.range_reversed",
                     low=str(target), high=str(target_max))
            broken = True
        if broken or target is None or numbers["realisasi"] is None or polarity is None:
            continue
        out.append(Indicator(
            id=text("id"), sasaran=text("sasaran"), indikator=text("indikator"),
            satuan=text("satuan"), polaritas=polarity, target=target,
            realisasi=numbers["realisasi"] or Decimal(0), target_maks=target_max,
            formula=formula, realisasi_lalu=numbers["realisasi_lalu"], line=line,
            perubahan=text("perubahan"),
        ))
    return out


def _documents(folder: Path, settings: Settings, sink: _Sink) -> dict[str, Document]:
    out: dict[str, Document] = {}
    for step, spec in settings.sop.documents:
        path = folder / spec.file
        if not path.exists():
            sink.add(path, None, "sop.document_missing", step=step.number, judul=spec.judul,
                     file=spec.file)
            continue
        text = _read(path, sink)
        if text is None or not _plain_text(path, text, settings.limits, sink):
            continue
        try:
            parsed = split_front_matter(text)
        except YamlProblem as problem:
            sink.add(path, problem.line, "yaml.invalid", detail=problem.detail)
            continue
        if not parsed.has_front_matter:
            sink.add(path, 1, "doc.no_front_matter")
        out[spec.key] = Document(
            key=spec.key, step=step.number, path=path, meta=dict(parsed.meta),
            meta_lines=dict(parsed.meta.lines), body=parsed.body, body_line=parsed.body_line,
        )
    return out


def evaluation_folders(settings: Settings) -> list[Path]:
    """Every evaluation folder, in period order (ids that are not periods last, by name)."""
    base = settings.evaluations_dir
    if not base.is_dir():
        return []
    folders = [p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(folders, key=_order_key)


def nearest_id(settings: Settings, raw: str) -> str | None:
    """The existing evaluation id closest to a mistyped one (``2026-tw02`` → ``2026-tw2``)."""
    names = [p.name for p in evaluation_folders(settings)]
    wanted = Path(raw.rstrip("/")).name.lower()
    if not wanted or raw in names:
        return None
    lowered = {n.lower(): n for n in names}
    if wanted in lowered:
        return lowered[wanted]
    close = difflib.get_close_matches(wanted, list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None


def not_found(settings: Settings, raw: str) -> EvkinError:
    """The error for an id that names no evaluation folder, with the nearest one if any."""
    base = str(settings.evaluations_dir)
    near = nearest_id(settings, raw)
    if near:
        return EvkinError("eval.not_found_near", {"id": raw, "near": near, "base": base})
    return EvkinError("eval.not_found", {"id": raw, "base": base})


def _order_key(path: Path) -> tuple[int, Period | None, str]:
    period = Period.from_id(path.name)
    return (0 if period else 1, period, path.name)
