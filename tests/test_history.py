"""Drafts and differences: ``evkin history`` and ``evkin diff`` on real git repositories."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from evkin.approval.records import Approval, Trail, save_trail
from evkin.approval.trail import folder_tree
from evkin.evaluation.diffview import parse_word_diff, render_line
from evkin.indonesian_dates import format_datetime

from .conftest import git

EVAL = "2025-tahunan"
FOLDER = f"evaluations/{EVAL}"
REPORT = f"{FOLDER}/laporan.md"
WIB = dt.timezone(dt.timedelta(hours=7))
SENTENCE = "Capaian indikator jalan mantap naik dibanding tahun lalu."


def commit(root: Path, message: str, when: str, author: str = "Fajar Ramadhan") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "sakip@example.id",
           "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "sakip@example.id",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "commit", "-q", "-am", message], cwd=root, env=env, check=True)
    return git(root, "rev-parse", "HEAD")


def edit(root: Path, old: str, new: str, path: str = REPORT) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def drafts(sample_repo: Path) -> dict[str, Any]:
    """Three drafts after the sample commit: a sentence added, a word changed, a figure.
    The bundled sample trails are removed: no review on record yet."""
    git(sample_repo, "rm", "-q", "-r", "persetujuan")
    git(sample_repo, "commit", "-q", "-m", "No sample trails")
    with (sample_repo / REPORT).open("a", encoding="utf-8") as fh:
        fh.write(f"\n{SENTENCE}\n")
    first = commit(sample_repo, "Tambah kalimat capaian", "2026-01-21T10:15:00+07:00")
    edit(sample_repo, "mantap naik", "mantap turun")
    second = commit(sample_repo, "Perbaiki arah capaian", "2026-01-22T14:05:00+07:00",
                    "Nurul Aini")
    edit(sample_repo, ";81,17;", ";82,5;", f"{FOLDER}/indikator.csv")
    third = commit(sample_repo, "Koreksi realisasi", "2026-01-23T08:30:00+07:00")
    return {"root": sample_repo, "shas": [first, second, third]}


def test_history_lists_drafts_newest_first_with_indonesian_dates(evkin: Any,
                                                                 drafts: dict[str, Any]) -> None:
    run = evkin("history", EVAL, root=drafts["root"])
    assert run.code == 0, run.err
    lines = [line for line in run.out.splitlines() if line.strip()[:1].isdigit()]
    assert [line.split()[0] for line in lines] == ["4", "3", "2", "1"]
    assert lines[0].split()[1] == drafts["shas"][2][:7]
    assert "Jumat, 23 Januari 2026 08.30 WIB" in lines[0] and "Koreksi realisasi" in lines[0]
    assert "Kamis, 22 Januari 2026 14.05 WIB" in lines[1] and "Nurul Aini" in lines[1]
    data = json.loads(evkin("history", EVAL, "--format", "json", root=drafts["root"]).out)
    assert [d["commit"] for d in data["drafts"][:3]] == drafts["shas"][::-1]
    assert data["drafts"][0]["date"] == "2026-01-23T08:30:00+07:00"


def test_history_shows_the_decisions_recorded_on_each_version(evkin: Any,
                                                              drafts: dict[str, Any]) -> None:
    root = drafts["root"]
    tree = folder_tree(root, EVAL, drafts["shas"][1])
    save_trail(root, Trail(EVAL, (Approval(
        "sekretaris", "kembali", "Dra. Rina Marlina, M.Si.",
        dt.datetime(2026, 1, 22, 16, 0, tzinfo=WIB), tree=tree, commit=drafts["shas"][1],
        note="Periksa angka realisasi"),), source="ssh"))
    run = evkin("history", EVAL, root=root)
    line = next(x for x in run.out.splitlines() if x.strip().startswith("3 "))
    assert "Dikembalikan oleh Sekretaris" in line


def test_history_of_an_unknown_evaluation_exits_2(evkin: Any, sample_repo: Path) -> None:
    run = evkin("history", "2030-tahunan", root=sample_repo)
    assert run.code == 2 and "2030-tahunan" in run.err


def test_history_outside_git_exits_2(evkin: Any, tmp_path: Path) -> None:
    from .conftest import copy_sample

    root = copy_sample(tmp_path / "plain", init_git=False)
    run = evkin("history", EVAL, root=root)
    assert run.code == 2 and "bukan repositori git" in run.err


def test_diff_defaults_to_the_previous_draft_word_by_word(evkin: Any,
                                                          drafts: dict[str, Any]) -> None:
    run = evkin("diff", EVAL, root=drafts["root"])
    assert run.code == 0, run.err
    assert "== indikator.csv (diubah) ==" in run.out
    assert "[-81,17-]{+82,5+}" in run.out  # a figure changes as one word, not three
    assert "laporan.md" not in run.out  # the previous draft already had the sentence
    assert "\x1b[" not in run.out


def test_diff_between_numbered_drafts(evkin: Any, drafts: dict[str, Any]) -> None:
    run = evkin("diff", EVAL, "2", "3", root=drafts["root"])
    assert "mantap [-naik-]{+turun+} dibanding" in run.out
    assert "draf 2" in run.out and "draf 3" in run.out
    first = evkin("diff", EVAL, "1", "2", root=drafts["root"])
    assert f"{{+{SENTENCE}+}}" in first.out
    by_sha = evkin("diff", EVAL, drafts["shas"][0], drafts["shas"][1], root=drafts["root"])
    assert "[-naik-]{+turun+}" in by_sha.out
    assert evkin("diff", EVAL, "9", root=drafts["root"]).code == 2
    assert evkin("diff", EVAL, "tidak-ada", root=drafts["root"]).code == 2


def test_diff_defaults_to_the_last_review(evkin: Any, drafts: dict[str, Any]) -> None:
    """Returned after draft 2: the Sekretaris sees everything since what she reviewed."""
    root = drafts["root"]
    save_trail(root, Trail(EVAL, (Approval(
        "sekretaris", "kembali", "Dra. Rina Marlina, M.Si.",
        dt.datetime(2026, 1, 21, 16, 0, tzinfo=WIB), tree=folder_tree(root, EVAL,
                                                                       drafts["shas"][0]),
        commit=drafts["shas"][0], note="Periksa arah capaian"),), source="ssh"))
    run = evkin("diff", EVAL, root=root)
    assert "Dikembalikan oleh Sekretaris" in run.out
    assert "[-naik-]{+turun+}" in run.out and "[-81,17-]{+82,5+}" in run.out


def test_diff_in_colour_on_request(evkin: Any, drafts: dict[str, Any]) -> None:
    run = evkin("diff", EVAL, "2", "3", "--color", "always", root=drafts["root"])
    assert "\x1b[31mnaik\x1b[0m" in run.out and "\x1b[32mturun\x1b[0m" in run.out
    assert "[-" not in run.out


def test_diff_of_the_first_draft_shows_new_files(evkin: Any, sample_repo: Path) -> None:
    reviewed = evkin("diff", "2024-tahunan", root=sample_repo)
    assert "Tanda tangan Kepala Dinas" in reviewed.out and "Tidak ada perubahan." in reviewed.out
    git(sample_repo, "rm", "-q", "-r", "persetujuan")
    git(sample_repo, "commit", "-q", "-m", "No sample trails")
    run = evkin("diff", "2024-tahunan", root=sample_repo)
    assert "== laporan.md (berkas baru) ==" in run.out


def test_parse_word_diff_keeps_lines_and_segments() -> None:
    text = ("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -3,2 +3,2 @@\n Capaian \n-naik\n+turun\n"
            "  tahun ini.\n~\n Baris lain.\n~\n")
    parsed = parse_word_diff(text)
    assert len(parsed.hunks) == 1 and parsed.hunks[0].new_line == 3
    assert [render_line(line, False) for line in parsed.hunks[0].lines] == [
        "Capaian [-naik-]{+turun+} tahun ini.", "Baris lain."]
    assert parse_word_diff("diff --git a/b b/b\nBinary files a/b and b/b differ\n").binary


def test_indonesian_date_format() -> None:
    moment = dt.datetime(2025, 1, 30, 9, 12, tzinfo=WIB)
    assert format_datetime(moment) == "Kamis, 30 Januari 2025 09.12 WIB"
    # A moment recorded in another zone is shown on the agency's clock (WIB by default).
    wita = moment.astimezone(dt.timezone(dt.timedelta(hours=8)))
    assert format_datetime(wita, weekday=False) == "30 Januari 2025 09.12 WIB"


def test_diff_says_which_figures_changed_and_what_that_does_to_the_capaian(
        evkin: Any, drafts: dict[str, Any]) -> None:
    run = evkin("diff", EVAL, root=drafts["root"])
    assert "== Angka indikator yang berubah (indikator.csv) ==" in run.out
    assert "  IK-01 realisasi 81,17 → 82,5; capaian 100,83 % → 102,48 %" in run.out
    assert "IK-02" not in run.out.split("== indikator.csv")[0]  # only what changed
    words = evkin("diff", EVAL, "2", "3", root=drafts["root"])
    assert "(tidak ada angka indikator yang berubah)" not in words.out
    assert "Angka indikator" not in words.out  # the data did not change between 2 and 3


def test_diff_reads_an_excel_workbook_cell_by_cell(evkin: Any, sample_repo: Path) -> None:
    """The Sekretaris re-initials after an xlsx change: she sees the figures, not 'binary'."""
    from openpyxl import Workbook

    folder = sample_repo / FOLDER
    rows = [line.split(";") for line in (folder / "indikator.csv").read_text().splitlines()]

    def save(changes: dict[str, object]) -> None:
        book = Workbook()
        sheet = book.active
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                sheet.cell(r, c, value or None)
        for ref, value in changes.items():
            sheet[ref] = value
        book.save(folder / "indikator.xlsx")

    git(sample_repo, "rm", "-q", f"{FOLDER}/indikator.csv")
    save({"H2": 81.17})
    git(sample_repo, "add", FOLDER)
    commit(sample_repo, "Data ke Excel", "2026-01-21T10:15:00+07:00")
    save({"H2": 82.04, "F3": 86, "A12": None, "B12": None, "C12": None, "D12": None,
          "E12": None, "F12": None, "H12": None, "I12": None, "J12": None})
    commit(sample_repo, "Koreksi realisasi IK-01", "2026-01-22T10:15:00+07:00")
    run = evkin("diff", EVAL, "2", "3", root=sample_repo)
    assert run.code == 0, run.err
    out = run.out
    assert "== Angka indikator yang berubah (indikator.xlsx) ==" in out
    assert "  IK-01 realisasi 81,17 → 82,04; capaian 100,83 % → 101,91 %" in out
    assert "  IK-02 target 85 → 86; capaian 101,41 % → 100,23 %" in out
    assert "  IK-11 dihapus" in out
    assert "berkas biner berubah; angka yang berubah tercantum" in out
    # A row made unreadable is not reported as a removed indicator.
    save({"H2": 82.04, "F3": 86, "F7": 75})  # IK-06's range reversed: 75–8
    commit(sample_repo, "Salah ketik target IK-06", "2026-01-23T10:15:00+07:00")
    slip = evkin("diff", EVAL, "3", "4", root=sample_repo)
    assert "  IK-06 dihapus atau barisnya tidak terbaca (lihat 'evkin check')" in slip.out
    assert "IK-11" in slip.out and "IK-06 dihapus\n" not in slip.out
    first = evkin("diff", EVAL, "0001", root=sample_repo)  # not a draft number: a bad rev
    assert first.code == 2
