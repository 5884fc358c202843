"""The Git edge's object reader and drafts, against Git itself (real repositories).

``gitrepo.object_info`` answers through one long-lived ``cat-file --batch-check``;
``gitrepo.drafts`` reads one ``git log``. Both must say what Git says about the commits as
written: a pushed ``.mailmap`` or replace ref must not rename who wrote a draft (the "no
official approves his own draft" rule reads these names).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import git
import pytest

from evkin import gitrepo
from evkin.findings import EvkinError


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True, env=env).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    run(root, "init", "-q", "-b", "main")
    folder = root / "evaluations" / "2025 tahunan"  # a space in the path
    folder.mkdir(parents=True)
    (folder / "laporan.md").write_text("# Laporan\n", encoding="utf-8")
    commit(root, "Siti Rahmah", "siti@example.id", "Draf pertama\n\nbaris kedua\n")
    (folder / "laporan.md").write_text("# Laporan\n\nRevisi.\n", encoding="utf-8")
    commit(root, "Yusuf Ęłæ", "yusuf@example.id",
           "Revisi target: judul yang\npanjang sekali\n\nbadan pesan\n")
    (root / "lain.txt").write_text("x", encoding="utf-8")
    commit(root, "Orang Lain", "lain@example.id", "Bukan evaluasi\n")
    return root


def commit(root: Path, name: str, email: str, message: str) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "GIT_AUTHOR_NAME": name,
           "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
           "GIT_AUTHOR_DATE": "2025-03-01T10:00:00+07:00"}
    run(root, "add", "-A", env=env)
    run(root, "commit", "-q", "-m", message, env=env)


def test_object_info_answers_as_git_does(repo: Path) -> None:
    head = run(repo, "rev-parse", "HEAD")
    folder = run(repo, "rev-parse", "HEAD:evaluations/2025 tahunan")
    assert gitrepo.object_info(repo, "HEAD") == (head, "commit")
    assert gitrepo.object_info(repo, "HEAD:evaluations/2025 tahunan") == (folder, "tree")
    assert gitrepo.tree_at(repo, "evaluations/2025 tahunan", head) == folder
    assert gitrepo.resolve_commit(repo, "HEAD~1") == run(repo, "rev-parse", "HEAD~1")
    assert gitrepo.object_type(repo, folder) == "tree"
    for missing in ("0" * 40, "HEAD:tidak/ada", "nope", "HEAD\nHEAD", "--batch", ""):
        assert gitrepo.object_info(repo, missing) is None, missing
        assert gitrepo.tree_at(repo, "evaluations/2025 tahunan", missing) == ""
    with pytest.raises(EvkinError):
        gitrepo.resolve_commit(repo, "HEAD\nHEAD")
    # The reader survives being killed: the next question is answered all the same.
    for reader in gitrepo._READERS.values():
        if reader.process is not None:
            reader.process.kill()
            reader.process.wait()
    assert gitrepo.object_info(repo, "HEAD") == (head, "commit")


def test_drafts_are_gitpythons_drafts(repo: Path) -> None:
    """Same commits, order, authors, times, first lines and folder trees as GitPython's
    ``iter_commits`` (what evkin read before)."""
    path = "evaluations/2025 tahunan"
    expected = []
    for c in git.Repo(repo).iter_commits("HEAD", paths=path):
        expected.append((c.hexsha, c.authored_datetime, c.author.name, c.author.email,
                         c.summary, (c.tree / path).hexsha))
    found = [(d.sha, d.at, d.author, d.email, d.message, d.tree)
             for d in gitrepo.drafts(repo, "2025 tahunan")]
    assert found == expected
    assert [d.message for d in gitrepo.drafts(repo, "2025 tahunan")] == [
        "Revisi target: judul yang", "Draf pertama"]
    first = found[-1][0]
    assert [d.sha for d in gitrepo.drafts(repo, "2025 tahunan", first)] == [first]


def test_drafts_ignore_mailmap_and_replace_refs(repo: Path) -> None:
    """A pushed .mailmap or a replace ref cannot change who wrote a draft."""
    (repo / ".mailmap").write_text("Kepala Dinas <kadis@example.id> <siti@example.id>\n",
                                   encoding="utf-8")
    commit(repo, "Orang Lain", "lain@example.id", "mailmap\n")
    drafts = gitrepo.drafts(repo, "2025 tahunan")
    assert [(d.author, d.email) for d in drafts][-1] == ("Siti Rahmah", "siti@example.id")
    oldest = drafts[-1].sha
    fake = run(repo, "commit-tree", "-m", "palsu", f"{oldest}^{{tree}}")
    run(repo, "replace", oldest, fake)
    assert gitrepo.drafts(repo, "2025 tahunan") == drafts
    assert "palsu" in run(repo, "log", "-1", "--format=%s", oldest)  # Git itself would show it
    assert gitrepo.tree_at(repo, "evaluations/2025 tahunan", oldest) == drafts[-1].tree


def test_drafts_outside_git_and_before_the_first_commit(tmp_path: Path) -> None:
    with pytest.raises(EvkinError):
        gitrepo.drafts(tmp_path, "x")
    run(tmp_path, "init", "-q")
    assert gitrepo.drafts(tmp_path, "x") == []
    with pytest.raises(EvkinError):
        gitrepo.drafts(tmp_path, "x", "-x")
