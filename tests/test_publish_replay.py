"""A replayed previous manifest: whoever can write the archive's hosting serves an older,
genuinely signed manifest again. The next publication recognises it against the record of the
last signed manifest kept in git (``terbitan/manifes.yml``, ``record/last_published``), takes
nothing from it, and publishes from derivation; a normal line of publications is not flagged."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from evkin import clock
from evkin.record import last_published
from tests.archive_repo import approve
from tests.conftest import copy_sample, git

REPLAYED = "BUKAN manifest terakhir yang diterbitkan"


@pytest.fixture
def repo(tmp_path: Path, record_key: str) -> Path:
    root = copy_sample(tmp_path / "repo")
    for report_id in ("2024-tahunan", "2025-tahunan"):
        approve(root, report_id)  # approved in this repository: its PDFs are stamped here
    return root


def manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def commit(root: Path, name: str) -> None:
    """An unrelated commit: the next manifest names another commit, so it is a new one."""
    (root / f"{name}.txt").write_text(name + "\n", encoding="utf-8")
    git(root, "add", f"{name}.txt")
    git(root, "commit", "-q", "-m", name)


def served(release: Path, into: Path) -> Path:
    """What the hosting serves: a copy of a release (a folder, as a web server's root)."""
    shutil.copytree(release, into)
    return into


def test_a_replayed_manifest_is_detected_and_nothing_is_carried_over(
        repo: Path, tmp_path: Path, evkin,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "arsip"
    run = evkin("publish", "--dest", str(dest), "--previous", "none", root=repo)
    assert run.code == 0, run.err
    first = served(dest.resolve(), tmp_path / "dulu")
    first_data = manifest(first)
    assert first_data["urutan"] == 1
    # The signing publication recorded its manifest (in CI the job commits it to main).
    assert (repo / last_published.RECORD_FILE).is_file()
    git(repo, "add", last_published.RECORD_FILE)
    git(repo, "commit", "-q", "-m", "Catat manifest terbit [skip ci]")

    commit(repo, "kedua")
    run = evkin("publish", "--dest", str(dest), root=repo)
    assert run.code == 0, run.err
    assert REPLAYED not in run.err  # a normal line is not flagged
    second = manifest(dest)
    assert second["urutan"] == 2
    git(repo, "add", last_published.RECORD_FILE)
    git(repo, "commit", "-q", "-m", "Catat manifest terbit [skip ci]")
    # Someone who can write the hosting puts the first release back. Even a later commit
    # that puts the first record back in git lowers nothing: the line keeps the second.
    (repo / last_published.RECORD_FILE).write_text(
        git(repo, "show", f"HEAD~2:{last_published.RECORD_FILE}") + "\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Catatan lama")

    commit(repo, "ketiga")
    # A day later (the three publications can fall within one second: "terbit" would then
    # be the same whether or not anything was carried over).
    later = clock.now() + dt.timedelta(days=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    run = evkin("publish", "--dest", str(tmp_path / "baru"), "--previous", str(first),
                root=repo)
    assert run.code == 0, run.err
    assert REPLAYED in run.err and "nomor urut 1" in run.err and "nomor 2" in run.err
    third = manifest(tmp_path / "baru")
    # Nothing carried over from the replay: publication dates are this run's, no earlier
    # version is listed from it; the line goes on after the second manifest.
    firsts = {r["id"]: r["terbit"] for r in first_data["laporan"]}
    assert all(r["terbit"] != firsts[r["id"]] for r in third["laporan"])
    assert third["versi_lama"] == []
    assert third["urutan"] == 3 and third["sebelumnya"] == last_published.manifest_chain.digest(
        (dest / "manifest.json").read_bytes())
    # The site is still right: the same PDFs (derived from the approved versions), signed.
    assert {r["id"]: r["sha256"] for r in third["laporan"]} == {
        r["id"]: r["sha256"] for r in second["laporan"]}
    for entry in third["laporan"]:
        assert (tmp_path / "baru" / entry["pdf"]).is_file()
    assert (tmp_path / "baru" / "manifest.json.sig").is_file()

    # The old manifest without its signature, as if it were a local folder of this machine's
    # own: older than the record all the same (and said in English too).
    (first / "manifest.json.sig").unlink()
    run = evkin("--lang", "en", "publish", "--dest", str(tmp_path / "lagi"), "--previous",
                str(first), root=repo)
    assert run.code == 0 and "is NOT the last one published" in run.err
    assert manifest(tmp_path / "lagi")["urutan"] == 4


def test_a_made_up_record_counts_for_nothing(repo: Path, tmp_path: Path,
                                             evkin) -> None:  # type: ignore[no-untyped-def]
    """A record with a higher number but no valid signature (a Tim SAKIP member's commit)
    neither hides a replay nor flags a normal publication."""
    dest = tmp_path / "arsip"
    assert evkin("publish", "--dest", str(dest), "--previous", "none", root=repo).code == 0
    record = repo / last_published.RECORD_FILE
    text = record.read_text(encoding="utf-8")
    sha = json.dumps(manifest(dest))  # any other bytes
    forged = text.replace("urutan: 1", "urutan: 99").replace(
        text.split("sha256: ")[1][:64], last_published.manifest_chain.digest(sha.encode()))
    record.write_text(forged, encoding="utf-8")
    commit(repo, "kedua")
    run = evkin("publish", "--dest", str(dest), root=repo)
    assert run.code == 0 and REPLAYED not in run.err
    assert manifest(dest)["urutan"] == 2
    assert last_published.parse(forged) is not None  # read, but its signature fails
