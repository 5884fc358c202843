"""Quarterly targets from the rencana aksi: `evkin new` of a quarter takes them, `evkin check`
warns when a quarterly evaluation's target differs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from evkin.rencana_aksi import read_plan

from .conftest import Run
from .test_check import edit
from .test_new import fill

PLAN = "rencana-aksi/2026.csv"


def plan_targets(root: Path, quarter: int) -> dict[str, str]:
    """The sample plan's column for ``quarter``, read straight from the file."""
    rows = (root / PLAN).read_text(encoding="utf-8").splitlines()
    header = rows[0].split(";")
    column = header.index(f"tw{quarter}")
    return {cells[0]: cells[column] for cells in (row.split(";") for row in rows[1:])}


def test_new_quarter_takes_the_rencana_aksi_targets(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    made: Run = evkin("new", "2026-tw2", root=sample_repo)
    assert made.code == 0, made.err
    assert "Target triwulan diambil dari rencana aksi rencana-aksi/2026.csv." in made.out
    folder = sample_repo / "evaluations" / "2026-tw2"
    rows = (folder / "indikator.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(";")
    got = {cells[0]: cells[header.index("target")] for cells in
           (row.split(";") for row in rows[1:])}
    assert got == plan_targets(sample_repo, 2)  # every indicator, IK-08 has none planned
    assert got["IK-01"] == "79,25" and got["IK-08"] == ""

    # Filled in as planned: no warning. A target changed by hand: a located warning.
    data = folder / "indikator.csv"
    scaffolded = data.read_text(encoding="utf-8")
    fill(folder)  # fills the rest; the targets are put back as evkin new wrote them
    lines = scaffolded.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
        cells[5] = cells[5] or "75"
        cells[7] = "80"
        out.append(";".join(cells))
    data.write_text("\n".join(out) + "\n", encoding="utf-8")
    clean: Run = evkin("check", "2026-tw2", root=sample_repo)
    assert clean.code == 0, clean.out
    assert "rencana aksi" not in clean.out
    line = edit(sample_repo, "evaluations/2026-tw2/indikator.csv", ";79,25;", ";80;")
    warned: Run = evkin("check", "2026-tw2", root=sample_repo)
    assert warned.code == 0  # a warning: a target revised during the year is possible
    assert (f"evaluations/2026-tw2/indikator.csv:{line}: peringatan: target IK-01 (80) berbeda "
            f"dari rencana aksi triwulan 2 (79,25, {PLAN}:2)") in warned.out


def test_plan_problems_are_located(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, PLAN, ";78,50;", ";78.5;")
    plan = read_plan(sample_repo, 2026)
    assert plan is not None
    assert plan.target("IK-02", 3) is not None
    assert plan.target("IK-02", 3).value == Decimal("85.50")  # type: ignore[union-attr]
    assert [(f.path, f.where, f.params["column"], f.params["text"]) for f in plan.problems] == [
        (PLAN, line, "tw1", "78.5")]
    assert "'78.5'" in plan.problems[0].message()  # said in words, as for indikator.csv
    assert read_plan(sample_repo, 2031) is None


def test_annual_evaluations_ignore_the_plan(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    made: Run = evkin("new", "2026-tahunan", root=sample_repo)
    assert "rencana aksi" not in made.out
    rows = (sample_repo / "evaluations/2026-tahunan/indikator.csv").read_text().splitlines()
    assert rows[1].split(";")[5] == ""
