"""Quarterly targets from the Rencana Aksi (the input of SOP step 1).

One optional file per year, ``rencana-aksi/<tahun>.csv``: one row per indicator id with its
target for each quarter (``tw1`` … ``tw4``), Indonesian numbers as in ``indikator.csv``; a
range target is written ``80–90`` (or ``80 - 90``, ``80 s.d. 90``), as the annual target's
``target``/``target_maks`` pair. An empty cell means the indicator is not measured that quarter:
``evkin new`` leaves its row out.
``evkin new 2026-tw2`` takes its targets from there; ``evkin check`` warns when a quarterly
evaluation's target differs. Reading is ``read_plan``; the comparison (``findings``) is pure.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from evkin.evaluation.model import Evaluation
from evkin.findings import Finding
from evkin.numbers import NumberProblem, format_number, parse_number
from evkin.yamlfile import read_text

FOLDER = "rencana-aksi"
QUARTERS = ("tw1", "tw2", "tw3", "tw4")
_OPTIONAL = ("indikator", "satuan", "sasaran")


@dataclass(frozen=True)
class Target:
    value: Decimal
    line: int
    maks: Decimal | None = None  # upper bound of a range target (80–90)

    def shown(self) -> str:
        low = format_number(self.value)
        return low if self.maks is None else f"{low}–{format_number(self.maks)}"


# "80–90", "80 - 90", "80 s.d. 90", "80 s/d 90", "80 sampai 90": a low part that is not empty,
# so "-5" stays a (refused) negative number rather than a range.
_RANGE = re.compile(r"^\s*(\S.*?)\s*(?:\u2013|\u2014|-|s\.\s?d\.?|s/d|sd|sampai)\s*(\S.*?)\s*$",
                    re.IGNORECASE)


def parse_target(raw: str, line: int) -> Target:
    """One rencana aksi cell: a number or a range; ``NumberProblem`` when unreadable."""
    try:
        return Target(parse_number(raw), line)
    except NumberProblem:
        match = _RANGE.match(raw)
        if match is None:
            raise
    low, high = parse_number(match.group(1)), parse_number(match.group(2))
    if high < low:
        raise NumberProblem("plan.range_reversed", raw)
    return Target(low, line, high)


@dataclass(frozen=True)
class Plan:
    year: int
    path: str  # repository-relative
    targets: dict[str, dict[int, Target]] = field(default_factory=dict)  # id → quarter → target
    problems: tuple[Finding, ...] = ()

    def target(self, indicator_id: str, quarter: int) -> Target | None:
        return self.targets.get(indicator_id, {}).get(quarter)


def path_for(root: Path, year: int) -> Path:
    return root / FOLDER / f"{year}.csv"


def read_plan(root: Path, year: int) -> Plan | None:
    """The rencana aksi of ``year``, or None when there is no file. Unreadable rows and cells
    become located findings; the rest is still used."""
    path = path_for(root, year)
    if not path.is_file():
        return None
    rel = f"{FOLDER}/{path.name}"
    problems: list[Finding] = []
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError):
        return Plan(year, rel, {}, (Finding(rel, None, "file.not_utf8"),))
    targets = dict(_rows(text, rel, problems))
    return Plan(year, rel, targets, tuple(problems))


def _rows(text: str, rel: str, problems: list[Finding]) -> Iterator[tuple[str, dict[int, Target]]]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: dict[int, str] | None = None
    seen: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = {}
                for index, cell in enumerate(cells):
                    name = "_".join(cell.strip().lower().split())
                    if name in ("id", *QUARTERS):
                        header[index] = name
                    elif name and name not in _OPTIONAL:
                        problems.append(Finding(rel, line, "data.unknown_column",
                                                {"column": cell}))
                missing = [c for c in ("id", *QUARTERS) if c not in header.values()]
                if missing:
                    problems.append(Finding(rel, line, "data.missing_columns",
                                            {"columns": ", ".join(missing)}))
                    return
                continue
            values = {header[i]: c.strip() for i, c in enumerate(cells) if i in header}
            indicator_id = values.get("id", "")
            if not indicator_id:
                problems.append(Finding(rel, line, "data.cell_empty", {"column": "id"}))
                continue
            if indicator_id in seen:
                problems.append(Finding(rel, line, "data.duplicate_id",
                                        {"id": indicator_id, "first": seen[indicator_id]}))
                continue
            seen[indicator_id] = line
            quarters: dict[int, Target] = {}
            for number, column in enumerate(QUARTERS, 1):
                raw = values.get(column, "")
                if not raw:
                    continue
                try:
                    quarters[number] = parse_target(raw, line)
                except NumberProblem as problem:
                    problems.append(Finding(rel, line, problem.code,
                                            {"column": column, "text": problem.text}))
            yield indicator_id, quarters
    except csv.Error as exc:
        problems.append(Finding(rel, reader.line_num, "data.csv_error", {"detail": str(exc)}))


def findings(evaluation: Evaluation, plan: Plan) -> Iterator[Finding]:
    """A quarterly evaluation's targets against the rencana aksi of its year (warnings: a
    target revised during the year is possible, but it should be a decision, not a slip)."""
    yield from plan.problems
    period = evaluation.period
    if period is None or period.kind != "triwulan" or period.number is None:
        return
    if evaluation.data_file is None:
        return
    for ind in evaluation.indicators:
        planned = plan.target(ind.id, period.number)
        if planned is None or (planned.value, planned.maks) == (ind.target, ind.target_maks):
            continue
        actual = Target(ind.target, 0, ind.target_maks)
        yield Finding(evaluation.data_file, ind.line, "plan.target_differs", {
            "id": ind.id, "target": actual.shown(),
            "planned": planned.shown(), "quarter": period.number,
            "plan": f"{plan.path}:{planned.line}"}, severity="warning")


def targets_for(plan: Plan | None, quarter: int) -> dict[str, Target]:
    """Every indicator's target of ``quarter`` (for ``evkin new``)."""
    if plan is None:
        return {}
    return {i: q[quarter] for i, q in plan.targets.items() if quarter in q}


def unplanned(plan: Plan | None, quarter: int) -> list[str]:
    """Indicators the plan lists with no target for ``quarter`` (not measured that quarter:
    ``evkin new`` leaves them out). Empty when the plan has no target at all for the quarter,
    which means the plan is not filled in yet rather than that nothing is measured."""
    if plan is None or not targets_for(plan, quarter):
        return []
    return [i for i, q in plan.targets.items() if quarter not in q]
