"""Quarterly targets from the rencana aksi: `evkin new` of a quarter takes them, `evkin check`
warns when a quarterly evaluation's target differs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from evkin.evaluation.rencana_aksi import read_plan

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
    got = {cells[0]: "–".join(filter(None, (cells[header.index("target")],
                                             cells[header.index("target_maks")])))
           for cells in (row.split(";") for row in rows[1:])}
    planned = {k: v for k, v in plan_targets(sample_repo, 2).items() if v}
    assert got == planned  # IK-08 has no target this quarter: not scaffolded
    assert got["IK-01"] == "79,25" and "IK-08" not in got
    assert got["IK-05"] == "80–90"  # a range target keeps its range
    assert ("Tidak dimasukkan karena rencana aksi rencana-aksi/2026.csv tidak memberi target "
            "triwulan 2: IK-08.") in made.out

    # Filled in as planned: no warning. A target changed by hand: a located warning.
    data = folder / "indikator.csv"
    scaffolded = data.read_text(encoding="utf-8")
    fill(folder)  # fills the rest; the targets are put back as evkin new wrote them
    lines = scaffolded.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
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


def test_the_next_quarter_keeps_the_plan_while_the_last_one_is_a_draft(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """Triwulan II made while Triwulan I is still a draft without realisasi: its rows come from
    the latest evaluation that has them, with the second quarter's targets (it got one
    placeholder row, under "Target triwulan diambil dari rencana aksi")."""
    assert evkin("new", "2026-tw1", root=sample_repo).code == 0
    made: Run = evkin("new", "2026-tw2", root=sample_repo)
    assert made.code == 0, made.err
    rows = (sample_repo / "evaluations" / "2026-tw2" / "indikator.csv").read_text(
        encoding="utf-8").splitlines()
    header = rows[0].split(";")
    got = {cells[0]: cells[header.index("target")]
           for cells in (row.split(";") for row in rows[1:])}
    planned = {k: v.split("–")[0] for k, v in plan_targets(sample_repo, 2).items() if v}
    assert set(got) == set(planned) and got["IK-01"] == "79,25"
    assert "[[ISI" not in rows[1]


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


def test_a_range_target_scores_as_a_range(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """IK-05's quarterly target 80–90: a realisasi of 82,3 is inside, capaian 100 % (not
    102,88 % against a single 80), and a hand-typed single target is warned about."""
    assert evkin("new", "2026-tw1", root=sample_repo).code == 0
    folder = sample_repo / "evaluations" / "2026-tw1"
    fill(folder)
    data = folder / "indikator.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("IK-05;"))
    cells = lines[row].split(";")
    assert (cells[5], cells[6]) == ("80", "90")
    cells[7] = "82,3"
    lines[row] = ";".join(cells)
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary: Run = evkin("summary", "2026-tw1", "--format", "csv", root=sample_repo)
    assert summary.code == 0, summary.err
    ik05 = next(line for line in summary.out.splitlines() if line.startswith("IK-05"))
    assert "100" in ik05 and "102,88" not in ik05 and "102.88" not in ik05
    assert "target IK-05" not in evkin("check", "2026-tw1", root=sample_repo).out
    cells[6] = ""
    lines[row] = ";".join(cells)
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warned: Run = evkin("check", "2026-tw1", root=sample_repo)
    assert (f"evaluations/2026-tw1/indikator.csv:{row + 1}: peringatan: target IK-05 (80) "
            f"berbeda dari rencana aksi triwulan 1 (80–90, {PLAN}:6)") in warned.out


def test_plan_ranges_are_read_in_the_ways_people_write_them(sample_repo: Path) -> None:
    for written in ("80–90", "80 - 90", "80-90", "80 s.d. 90", "80 s/d 90", "80,0 — 90"):
        edit(sample_repo, PLAN, ";80–90;80–90;", f";{written};80–90;")
        plan = read_plan(sample_repo, 2026)
        assert plan is not None and not plan.problems, (written, plan)
        got = plan.target("IK-05", 1)
        assert got is not None and (got.value, got.maks) == (Decimal(80), Decimal(90)), written
        edit(sample_repo, PLAN, f";{written};80–90;", ";80–90;80–90;")
    edit(sample_repo, PLAN, ";80–90;80–90;", ";90–80;80–90;")
    plan = read_plan(sample_repo, 2026)
    assert plan is not None
    assert [f.message() for f in plan.problems] == [
        "kolom 'tw1': rentang '90–80' terbalik; tulis batas bawah dahulu, mis. 80–90."]
    edit(sample_repo, PLAN, ";90–80;80–90;", ";-5;80–90;")
    plan = read_plan(sample_repo, 2026)
    assert plan is not None and plan.target("IK-05", 1) is not None
    assert plan.target("IK-05", 1).maks is None  # type: ignore[union-attr]  # not a range
