"""What a publication remembers between runs (``evkin.memo``): read only under the record key's
seal, and never an answer other than the one a fresh check or verification gives."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from evkin import clock
from evkin.evaluation import workspace
from evkin.evaluation.load import evaluation_folders
from evkin.memo import FOLDER, Memo
from evkin.settings import load_settings
from evkin.site import verify
from evkin.site.gitstate import snapshot
from tests.conftest import copy_sample, git

OTHER_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot the record key\n"


def findings(checked: list[workspace.CheckedEvaluation]) -> dict[str, list[tuple[str, str]]]:
    return {c.evaluation.id: [(f.path, f.code) for f in c.findings] for c in checked}


def test_a_memory_sealed_with_another_key_or_edited_is_not_read(tmp_path: Path,
                                                                record_key: str) -> None:
    mine = Memo(tmp_path, record_key)
    mine.write("periksa", {"k": b"answer"})
    assert mine.read("periksa") == {"k": b"answer"}
    assert mine.read("jejak") == {}  # a kind's seal covers its name: no file passes for another
    (tmp_path / "periksa.bin").rename(tmp_path / "jejak.bin")
    assert mine.read("jejak") == {}
    # Someone without the record key (a pull request's job on the same runner) writes one.
    Memo(tmp_path, OTHER_KEY).write("periksa", {"k": b"forged"})
    assert mine.read("periksa") == {}
    mine.write("periksa", {"k": b"answer"})
    raw = bytearray((tmp_path / "periksa.bin").read_bytes())
    raw[-3] ^= 1
    (tmp_path / "periksa.bin").write_bytes(bytes(raw))
    assert mine.read("periksa") == {}


def test_remembered_checks_answer_as_a_fresh_check(tmp_path: Path, record_key: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_sample(tmp_path / "repo")
    memo = Memo(root / FOLDER, record_key)
    loads: list[str] = []
    real_load = workspace.load_evaluation
    monkeypatch.setattr(workspace, "load_evaluation",
                        lambda folder, settings: loads.append(folder.name)
                        or real_load(folder, settings))

    def both() -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]:
        settings = load_settings(root)
        folders = evaluation_folders(settings)
        remembered = findings(workspace.check(settings, folders, memo=memo))
        return remembered, findings(workspace.check(settings, folders))

    first, fresh = both()
    assert first == fresh and sorted(loads) == sorted([*first, *first])
    loads.clear()
    again, fresh = both()
    assert again == fresh and sorted(loads) == sorted(first)  # only the fresh check loaded

    # An edited folder is checked again: the section taken out is reported.
    report = root / "evaluations" / "2025-tahunan" / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8").replace("# Rekomendasi", "# Lain"),
                      encoding="utf-8")
    edited, fresh = both()
    assert edited == fresh and edited != first

    # The predecessor goes away: 2025's own bytes are unchanged, its answer is not.
    shutil.rmtree(root / "evaluations" / "2024-tahunan")
    gone, fresh = both()
    assert gone == fresh
    assert ("evaluations/2025-tahunan/evaluasi.yml", "meta.previous_unknown") in gone[
        "2025-tahunan"]


def test_a_future_date_is_judged_on_the_day_of_the_check(tmp_path: Path, record_key: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_sample(tmp_path / "repo")
    memo = Memo(root / FOLDER, record_key)
    meta = root / "evaluations" / "2025-tahunan" / "evaluasi.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("tanggal: 2026-01-26",
                                                             "tanggal: 2031-03-02"),
                    encoding="utf-8")

    def codes_on(day: dt.date) -> set[str]:
        monkeypatch.setattr(clock, "today", lambda: day)
        settings = load_settings(root)
        checked = workspace.check(settings, evaluation_folders(settings), memo=memo)
        return {f.code for c in checked if c.evaluation.id == "2025-tahunan"
                for f in c.findings}

    assert "meta.future_date" in codes_on(dt.date(2031, 3, 1))
    assert "meta.future_date" not in codes_on(dt.date(2031, 3, 2))
    assert "meta.future_date" in codes_on(dt.date(2031, 3, 1))  # a clock set back


def test_a_forged_verdict_memory_is_not_read(tmp_path: Path, record_key: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited, unapproved report whose "remembered" verdict says final: read only under the
    record key's seal, so a job without the key cannot make it final."""
    root = copy_sample(tmp_path / "repo")
    ids = ["2024-tahunan", "2025-tahunan"]
    memo = Memo(root / FOLDER, record_key)
    honest = verify.verify_all(root, ids, snapshot(root), sealed=memo)
    assert all(v.ok for v in honest.values())
    verified: list[str] = []
    real = verify.verify_many
    monkeypatch.setattr(verify, "verify_many", lambda r, missing, *a: verified.extend(missing)
                        or real(r, missing, *a))
    assert verify.verify_all(root, ids, snapshot(root), sealed=memo) == honest
    assert verified == []  # all remembered

    approved = memo.read(verify.SEALED_KIND)[verify.key(root, "2025-tahunan", snapshot(root))]
    report = root / "evaluations" / "2025-tahunan" / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Diubah setelah disetujui")
    state = snapshot(root)
    forged = {verify.key(root, "2025-tahunan", state): approved}  # "still final"

    Memo(root / FOLDER, OTHER_KEY).write(verify.SEALED_KIND, forged)
    answer = verify.verify_all(root, ids, state, sealed=memo)
    assert not answer["2025-tahunan"].ok and answer["2024-tahunan"].ok
    assert sorted(verified) == ids  # nothing read from the forged file

    # The same file under the record key's seal is read: the seal is what keeps it out (and
    # whoever holds that key signs trails and manifests anyway).
    verified.clear()
    memo.write(verify.SEALED_KIND, forged)
    assert verify.verify_all(root, ids, state, sealed=memo)["2025-tahunan"].ok
    assert verified == ["2024-tahunan"]


def test_a_folder_holding_a_pipe_or_a_link_is_never_remembered(tmp_path: Path,
                                                             record_key: str) -> None:
    """Reading a pipe to key it would wait forever; a link could change what it points at."""
    import os

    root = copy_sample(tmp_path / "repo")
    settings = load_settings(root)
    memory = workspace.Remembered(Memo(root / FOLDER, record_key), settings, clock.today())
    folder = root / "evaluations" / "2025-tahunan"
    assert memory.key(folder, ()) is not None
    os.mkfifo(folder / "dokumen" / "pipa")
    assert workspace.Remembered(Memo(root / FOLDER, record_key), settings,
                                clock.today()).key(folder, ()) is None
    (folder / "dokumen" / "pipa").unlink()
    (folder / "tautan.md").symlink_to(root / "evkin.yml")
    assert workspace.Remembered(Memo(root / FOLDER, record_key), settings,
                                clock.today()).key(folder, ()) is None
