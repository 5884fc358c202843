"""Attacks on "final means exactly what was approved", tried as a Tim SAKIP member with push
rights to pull-request branches would: hand-written and copied trails, edited names, the author
as signer, links out of the folder, a report pull request that carries other changes, an
``export-ignore`` rule, and a change that reaches main without a signed pull request."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from evkin.approval import decision as gate
from evkin.approval.records import load_trail, save_trail
from evkin.approval.review import APPROVE, PullRequest, Review
from evkin.approval.trail import folder_tree, verify_trail
from evkin.settings import load_settings

from .conftest import copy_sample, git, record_signed
from .forge_payloads import Event
from .test_gate import REPORT, write_payloads

EVAL = "2025-tahunan"
NEW = "2026-tahunan"


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo")


def copy_evaluation(root: Path, source: str, dest: str) -> None:
    shutil.copytree(root / "evaluations" / source, root / "evaluations" / dest)
    meta = root / "evaluations" / dest / "evaluasi.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(source, dest), encoding="utf-8")


def approve_again(repo: Path, head: str) -> None:
    """The sample trail, recorded again (signed as the recorder signs) for the folder at
    ``head``: what a trail would say had the gate let this version through."""
    tree = folder_tree(repo, EVAL)
    trail = load_trail(repo, EVAL)
    assert trail is not None
    approvals = tuple(dataclasses.replace(a, tree=tree, commit=head) for a in trail.approvals)
    save_trail(repo, record_signed(dataclasses.replace(trail, approvals=approvals, tree=tree,
                                                       commit=head)))
    commit_all(repo, "Trail")


def test_the_sample_trails_verify(repo: Path) -> None:
    for evaluation_id in ("2024-tahunan", EVAL):
        assert verify_trail(repo, evaluation_id).ok, evaluation_id


def test_a_copied_trail_pointed_at_another_folder_does_not_verify(repo: Path, evkin: Any
                                                                  ) -> None:
    copy_evaluation(repo, EVAL, NEW)
    commit_all(repo, "Report nobody reviewed")
    text = (repo / "persetujuan" / f"{EVAL}.yml").read_text(encoding="utf-8")
    tree = folder_tree(repo, NEW)
    head = git(repo, "rev-parse", "HEAD")
    old = load_trail(repo, EVAL)
    assert old is not None
    text = text.replace(old.tree, tree).replace(old.commit, head).replace(EVAL, NEW)
    (repo / "persetujuan" / f"{NEW}.yml").write_text(text, encoding="utf-8")
    commit_all(repo, "Copied trail")
    verification = verify_trail(repo, NEW)
    assert not verification.ok and verification.reason == "trail.record_bad_signature"
    result = evkin("approvals", NEW, root=repo)
    assert result.code == 1 and "TIDAK TERVERIFIKASI" in result.out
    assert "pencatat" in result.out


def test_a_hand_written_trail_without_record_signature_does_not_verify(repo: Path) -> None:
    path = repo / "persetujuan" / f"{EVAL}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["tanda_tangan_pencatat"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    commit_all(repo, "Trail without signature")
    assert verify_trail(repo, EVAL).reason == "trail.record_unsigned"


@pytest.mark.parametrize("field, value", [("nama", "Fajar Ramadhan, S.E."), ("nip", "000"),
                                          ("login", "fajar-ramadhan")])
def test_an_edited_person_breaks_the_record_signature(repo: Path, field: str, value: str
                                                     ) -> None:
    path = repo / "persetujuan" / f"{EVAL}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["persetujuan"][1][field] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    commit_all(repo, "Edited signer")
    assert verify_trail(repo, EVAL).reason == "trail.record_bad_signature"


@pytest.mark.parametrize("changes", [
    {"name": "Fajar Ramadhan, S.E.", "nip": "198805192011011004", "login": "fajar-ramadhan"},
    {"nip": "000"},
    {"name": "Ir. Hendra Saputra"},
])
def test_a_record_signed_trail_naming_someone_else_does_not_verify(
        repo: Path, changes: dict[str, str]) -> None:
    """Even a trail the recorder signed (a bug, a leaked key) must name the person who held
    the role in evkin.yml at the approved commit."""
    trail = load_trail(repo, EVAL)
    assert trail is not None
    signer = dataclasses.replace(trail.approvals[1], **changes)
    forged = dataclasses.replace(trail, approvals=(trail.approvals[0], signer))
    save_trail(repo, record_signed(forged))
    commit_all(repo, "Signer replaced")
    verification = verify_trail(repo, EVAL)
    assert verification.reason == "trail.person_mismatch", verification


def test_the_author_of_a_draft_cannot_sign_it(repo: Path) -> None:
    settings = load_settings(repo)
    kadis = settings.roles.kepala_dinas
    report = repo / REPORT
    report.write_text(report.read_text(encoding="utf-8") + "\nDraf oleh Kepala Dinas.\n",
                      encoding="utf-8")
    git(repo, "add", "-A")
    subprocess.run(["git", "commit", "-q", "-m", "Draft by the signer"], cwd=repo, check=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": kadis.nama,
                        "GIT_AUTHOR_EMAIL": kadis.surel, "GIT_COMMITTER_NAME": kadis.nama,
                        "GIT_COMMITTER_EMAIL": kadis.surel})
    head = git(repo, "rev-parse", "HEAD")
    approve_again(repo, head)
    assert verify_trail(repo, EVAL).reason == "trail.author"


def test_a_people_change_after_approval_does_not_unverify(repo: Path) -> None:
    """A new Kepala Dinas in evkin.yml does not rewrite who signed earlier reports."""
    settings = repo / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        .replace("Ir. Hendra Saputra, M.T.", "Dr. Ir. Budi Santoso, M.T.")
                        .replace("19700312 199503 1 002", "19710101 199603 1 001")
                        .replace("login: hendra-saputra", "login: budi-santoso"),
                        encoding="utf-8")
    commit_all(repo, "New Kepala Dinas")
    assert verify_trail(repo, EVAL).ok


def test_a_trail_needs_a_record_key_in_the_settings(repo: Path) -> None:
    settings = repo / "evkin.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text[:text.index("pencatat:")], encoding="utf-8")
    commit_all(repo, "No record key")
    assert verify_trail(repo, EVAL).reason == "trail.no_record_key"


# Links, submodules, attributes


def test_links_in_an_evaluation_folder_are_refused_by_check(repo: Path, evkin: Any) -> None:
    folder = repo / "evaluations" / EVAL
    (repo / "teks").mkdir()
    shutil.move(folder / "laporan.md", repo / "teks" / "laporan.md")
    os.symlink("../../teks/laporan.md", folder / "laporan.md")
    os.symlink("/etc/passwd", folder / "lampiran-passwd.txt")
    before = {p: p.read_bytes() for p in (repo / "teks").iterdir()}
    result = evkin("check", EVAL, "--format", "json", root=repo)
    assert result.code == 1
    found = json.loads(result.out)
    codes = {(f["path"], f["code"]) for e in found["evaluations"] for f in e["findings"]}
    assert (f"evaluations/{EVAL}/laporan.md", "regular.symlink") in codes
    assert (f"evaluations/{EVAL}/lampiran-passwd.txt", "regular.symlink") in codes
    text = evkin("check", EVAL, root=repo).out
    assert "tautan simbolik" in text and "../../teks/laporan.md" in text
    assert {p: p.read_bytes() for p in (repo / "teks").iterdir()} == before


def test_a_link_committed_and_approved_is_not_final(repo: Path) -> None:
    folder = repo / "evaluations" / EVAL
    (repo / "teks").mkdir()
    shutil.move(folder / "laporan.md", repo / "teks" / "laporan.md")
    os.symlink("../../teks/laporan.md", folder / "laporan.md")
    head = commit_all(repo, "Report text outside the folder")
    approve_again(repo, head)
    verification = verify_trail(repo, EVAL)
    assert verification.reason == "trail.irregular"
    assert verification.params["path"] == f"evaluations/{EVAL}/laporan.md"


@pytest.mark.parametrize("target", ["../../teks/laporan.md", "/etc/passwd",
                                    "/proc/self/environ"])
def test_the_gate_names_a_link_and_never_follows_it(evkin: Any, repo: Path, tmp_path: Path,
                                                    target: str) -> None:
    git(repo, "checkout", "-q", "-b", "draf")
    report = repo / REPORT
    if target.startswith(".."):
        (repo / "teks").mkdir()
        shutil.move(report, repo / "teks" / "laporan.md")
    else:
        report.unlink()
    os.symlink(target, report)
    old = commit_all(repo, "Link")
    git(repo, "checkout", "-q", "main")
    args = write_payloads(tmp_path / "p", "github",
                          [Event("rina-marlina", "approve"), Event("hendra-saputra", "approve")],
                          {"head": old, "old": old})
    result = evkin("gate", *args, "--base-ref", "main", "--format", "json", root=repo)
    assert result.code == 1, result.err
    report_json = json.loads(result.out)
    # Moving the report out of its folder is a change outside it: git sees it, the gate refuses.
    moved = target.startswith("..")
    assert report_json["status"] == ("ditolak" if moved else "perlu_perbaikan")
    assert not moved or "teks/laporan.md" in json.dumps(report_json["notes"])
    assert moved or "regular.symlink" in [n["code"] for n in report_json["notes"]]
    assert "Traceback" not in result.err


def test_export_ignore_cannot_hide_a_file_from_the_gate(evkin: Any, repo: Path,
                                                        tmp_path: Path) -> None:
    """The gate reads the head's blobs as stored: an export rule hides nothing, and check
    names the rule."""
    (repo / ".gitattributes").write_text(f"evaluations/{EVAL}/indikator.csv export-ignore\n",
                                         encoding="utf-8")
    commit_all(repo, "Attributes")
    git(repo, "checkout", "-q", "-b", "draf")
    csv = repo / "evaluations" / EVAL / "indikator.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(";81,17;", ";delapan puluh;"),
                   encoding="utf-8")
    head = commit_all(repo, "Broken figure")
    git(repo, "checkout", "-q", "main")
    args = write_payloads(tmp_path / "p", "gitea", [Event("rina-marlina", "approve")],
                          {"head": head, "old": head},
                          paths=[f"evaluations/{EVAL}/indikator.csv"])
    result = evkin("gate", *args, "--base-ref", "main", "--format", "json", root=repo)
    notes = json.loads(result.out)["notes"]
    assert any(n["path"].endswith("indikator.csv") and n["severity"] == "error"
               and n["code"] != "regular.attribute" for n in notes), notes
    checked = evkin("check", EVAL, root=repo)
    assert checked.code == 1 and "export-ignore" in checked.out


# Pull requests that carry more than their report


def _pr(files: tuple[str, ...]) -> PullRequest:
    return PullRequest(number=7, author="fajar-ramadhan", head_sha="a" * 40, base_ref="main",
                       files=files)


@pytest.mark.parametrize("extra", [".github/workflows/evkin-terbit.yml",
"scripts/evkin/approval/decision.py",
                                   "docs/index.md", "mkdocs.yml", ".gitattributes",
                                   "persetujuan/2025-tahunan.yml", "evkin.yml"])
def test_a_report_pull_request_changes_only_its_folder(repo: Path, extra: str) -> None:
    settings = load_settings(repo)
    reviews = [Review("rina-marlina", APPROVE, "a" * 40, None),
               Review("hendra-saputra", APPROVE, "a" * 40, None)]
    state = gate.decide(_pr((REPORT, extra)), reviews, settings, [])
    assert not state.signed and state.status == gate.DITOLAK
    assert any(extra in n.params.get("files", "") for n in state.notes), state.notes


# After merge


def merge_signed(repo: Path, tmp_path: Path, head: str, paths: list[str] | None = None
                 ) -> tuple[str, list[str]]:
    """Merge branch ``draf`` (head ``head``) into main, as a pull request that got its paraf
    and signature: (main before the merge, the gate's saved-payload arguments)."""
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "draf", "-m", "Merge pull request #7")
    args = write_payloads(tmp_path / "p", "github",
                          [Event("rina-marlina", "approve"), Event("hendra-saputra", "approve")],
                          {"head": head, "old": head}, paths=paths)
    return git(repo, "rev-parse", "HEAD~1"), args


def test_record_refuses_a_pull_request_that_brings_a_trail(evkin: Any, repo: Path,
                                                           tmp_path: Path,
                                                           record_key: str) -> None:
    git(repo, "checkout", "-q", "-b", "draf")
    copy_evaluation(repo, EVAL, NEW)
    shutil.copy(repo / "persetujuan" / f"{EVAL}.yml", repo / "persetujuan" / f"{NEW}.yml")
    head = commit_all(repo, "Report with its own trail")
    before, args = merge_signed(repo, tmp_path, head,
                                [f"evaluations/{NEW}/laporan.md", f"persetujuan/{NEW}.yml"])
    trail_before = (repo / "persetujuan" / f"{NEW}.yml").read_bytes()
    result = evkin("gate", *args, "--base-ref", before, "--record", root=repo)
    assert result.code == 1
    assert f"persetujuan/{NEW}.yml" in result.err and "tanpa pull request" in result.err
    assert (repo / "persetujuan" / f"{NEW}.yml").read_bytes() == trail_before
    assert not verify_trail(repo, NEW).ok


def test_record_refuses_without_the_record_key(evkin: Any, repo: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVKIN_RECORD_KEY", raising=False)
    git(repo, "checkout", "-q", "-b", "draf")
    report = repo / REPORT
    report.write_text(report.read_text(encoding="utf-8") + "\nDraf.\n", encoding="utf-8")
    head = commit_all(repo, "Draft")
    before, args = merge_signed(repo, tmp_path, head)
    result = evkin("gate", *args, "--base-ref", before, "--record", root=repo)
    assert result.code == 2 and "EVKIN_RECORD_KEY" in result.err
    assert "Traceback" not in result.err


def test_each_forge_record_must_match_its_review(repo: Path) -> None:
    from evkin.approval.review import REQUEST_CHANGES
    from evkin.approval.trail import forge_difference

    trail = load_trail(repo, EVAL)
    assert trail is not None
    paraf, signature = trail.approvals
    good = [Review(paraf.login, APPROVE, paraf.commit, paraf.at, url=paraf.url),
            Review(signature.login, APPROVE, signature.commit, signature.at, url=signature.url)]
    assert forge_difference(trail, good) is None
    assert forge_difference(trail, good[:1]) == (2, f"ulasan {signature.url} tidak ada di forge")
    other = dataclasses.replace(good[1], login="fajar-ramadhan")
    assert forge_difference(trail, [good[0], other])[0] == 2  # type: ignore[index]
    returned = dataclasses.replace(good[0], state=REQUEST_CHANGES)
    assert forge_difference(trail, [returned, good[1]])[0] == 1  # type: ignore[index]
