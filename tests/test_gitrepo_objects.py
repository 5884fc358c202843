"""The Git edge's object reader and drafts, against Git itself (real repositories).

``gitrepo.object_info`` answers through one long-lived ``cat-file --batch-check``,
``gitrepo.read_object`` (a final report's approved inputs: trees, blobs, commits) through one
``cat-file --batch``;
``gitrepo.drafts`` reads one ``git log``. Both must say what Git says about the commits as
written: a pushed ``.mailmap`` or replace ref must not rename who wrote a draft (the "no
official approves his own draft" rule reads these names).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import subprocess
from pathlib import Path

import git
import pytest

from evkin import gitrepo
from evkin.findings import EvkinError
from tests.conftest import git as git_run


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


# ---------------------------------------------------------------- contents (cat-file --batch)

BINARY = bytes(range(256)) + b"\n\0\r\n-- missing\n" + b"\x00" * 10  # ends without a newline


@pytest.fixture
def files(tmp_path: Path) -> Path:
    root = tmp_path / "files"
    (root / "evaluations" / "a b").mkdir(parents=True)
    (root / "evaluations" / "a b" / "laporan.md").write_text("# Laporan\n\nIsi.\n", "utf-8")
    (root / "evaluations" / "a b" / "lambang.png").write_bytes(BINARY)
    (root / "evaluations" / "ñ").mkdir()
    (root / "evaluations" / "ñ" / "catatan.txt").write_text("ñ\n", "utf-8")
    (root / "run.sh").write_text("#!/bin/sh\n", "utf-8")
    (root / "run.sh").chmod(0o755)
    (root / "link").symlink_to("run.sh")
    git_run(root.parent, "init", "-q", "-b", "main", str(root))
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "-m", "satu")
    return root


def ls_tree(root: Path, tree: str) -> dict[str, tuple[int, str]]:
    out = git_run(root, "ls-tree", "-z", tree)
    found = {}
    for item in out.split("\0"):
        if item:
            meta, _, name = item.partition("\t")
            mode, _kind, sha = meta.split()
            found[name] = (int(mode, 8), sha)
    return found


def test_blobs_come_back_byte_for_byte_binary_included(files: Path) -> None:
    sha = git_run(files, "rev-parse", "HEAD:evaluations/a b/lambang.png")
    found = gitrepo.read_object(files, sha)
    assert found is not None and found.kind == "blob" and found.data == BINARY
    assert gitrepo.object_bytes(files.resolve(), sha) == BINARY
    # The next answer on the same process is not thrown off by the binary one.
    assert gitrepo.blob_text(files, git_run(files, "rev-parse", "HEAD:run.sh")) == "#!/bin/sh\n"


def test_missing_objects_and_names_that_cannot_be_asked_are_none(files: Path) -> None:
    absent = "0" * 40
    assert gitrepo.read_object(files, absent) is None
    assert gitrepo.object_type(files, absent) == ""
    assert gitrepo.commit_tree(files.resolve(), absent) == ""
    assert gitrepo.tree_at(files, "evaluations/tidak-ada") == ""
    # A line break would smuggle a second question into the process: refused, and the
    # process still answers the next one right.
    assert gitrepo.read_object(files, "HEAD\nHEAD:run.sh") is None
    assert gitrepo.read_object(files, "") is None
    assert gitrepo.blob_id(files, "-HEAD", "run.sh") == ""
    assert gitrepo.object_type(files, git_run(files, "rev-parse", "HEAD")) == "commit"
    with pytest.raises(EvkinError):
        gitrepo.object_bytes(files.resolve(), absent)  # named by a tree that is there: damage


def test_trees_and_commits_read_as_git_lists_them(files: Path) -> None:
    head = git_run(files, "rev-parse", "HEAD")
    top = git_run(files, "rev-parse", "HEAD^{tree}")
    assert gitrepo.commit_tree(files.resolve(), head) == top
    assert gitrepo.commit_tree(files.resolve(), top) == ""  # a tree is not a commit
    assert dict(gitrepo.tree_children(files.resolve(), top)) == ls_tree(files, top)
    folder = gitrepo.tree_at(files, "evaluations/a b")
    assert folder == git_run(files, "rev-parse", "HEAD:evaluations/a b")
    assert gitrepo.tree_at(files, "evaluations/ñ") == git_run(files, "rev-parse",
                                                              "HEAD:evaluations/ñ")
    assert gitrepo.resolve_commit(files, "main") == head
    with pytest.raises(EvkinError):
        gitrepo.resolve_commit(files, top)


def test_a_submodule_entry_is_left_out(files: Path) -> None:
    head = git_run(files, "rev-parse", "HEAD")
    git_run(files, "update-index", "--add", "--cacheinfo", f"160000,{head},modul")
    git_run(files, "commit", "-q", "-m", "submodul")
    top = git_run(files, "rev-parse", "HEAD^{tree}")
    children = gitrepo.tree_children(files.resolve(), top)
    assert "modul" not in children and "run.sh" in children


def test_export_writes_regular_files_only(files: Path, tmp_path: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    gitrepo.export_tree(files.resolve(), git_run(files, "rev-parse", "HEAD^{tree}"), dest)
    assert (dest / "evaluations" / "a b" / "lambang.png").read_bytes() == BINARY
    assert (dest / "evaluations" / "ñ" / "catatan.txt").read_text("utf-8") == "ñ\n"
    assert (dest / "run.sh").is_file()
    assert not (dest / "link").exists() and not (dest / "link").is_symlink()


def test_a_commit_made_while_the_reader_runs_is_seen(files: Path) -> None:
    before = gitrepo.resolve_commit(files, "HEAD")
    (files / "run.sh").write_text("#!/bin/sh\necho dua\n", "utf-8")
    git_run(files, "commit", "-q", "-am", "dua")
    after = gitrepo.resolve_commit(files, "HEAD")
    assert after != before and after == git_run(files, "rev-parse", "HEAD")
    git_run(files, "pack-refs", "--all")
    git_run(files, "commit", "-q", "--allow-empty", "-m", "tiga")
    git_run(files, "gc", "-q")
    assert gitrepo.resolve_commit(files, "HEAD") == git_run(files, "rev-parse", "HEAD")


def test_outside_a_repository_nothing_is_found(tmp_path: Path) -> None:
    assert gitrepo.read_object(tmp_path, "HEAD") is None
    assert gitrepo.object_type(tmp_path / "tidak-ada", "HEAD") == ""
    with pytest.raises(EvkinError) as raised:
        gitrepo.resolve_commit(tmp_path, "HEAD")
    assert raised.value.code == "git.not_repo"


def test_a_repository_removed_and_made_again_is_read_afresh(tmp_path: Path) -> None:
    root = tmp_path / "r"
    for text in ("satu\n", "dua\n"):
        if root.exists():
            subprocess.run(["rm", "-rf", str(root)], check=True)
        root.mkdir()
        (root / "f.txt").write_text(text, "utf-8")
        git_run(root, "init", "-q", "-b", "main")
        git_run(root, "add", "-A")
        git_run(root, "commit", "-q", "-m", text)
        blob = gitrepo.blob_id(root, "HEAD", "f.txt")
        assert gitrepo.blob_text(root, blob) == text


def test_readers_stay_few_however_many_repositories(tmp_path: Path) -> None:
    gitrepo._close_readers()
    first = None
    for n in range(gitrepo.READERS + 3):
        root = tmp_path / f"r{n}"
        root.mkdir()
        git_run(root, "init", "-q", "-b", "main")
        git_run(root, "commit", "-q", "--allow-empty", "-m", "x")
        assert gitrepo.resolve_commit(root, "HEAD")
        if first is None:
            first = next(iter(gitrepo._READERS.values())).process
    assert len(gitrepo._READERS) == gitrepo.READERS  # the bound itself
    assert first is not None and first.returncode is not None  # the oldest one ended


def _in_child(args: tuple[Path, str]) -> str:
    root, name = args
    found = gitrepo.read_object(root, name)
    return found.sha if found else ""


def test_a_replace_ref_cannot_swap_what_is_read(files: Path) -> None:
    """The approved tree is read as written: ``git replace`` on a blob changes what
    ``git show`` prints, not what evkin reads."""
    blob = git_run(files, "rev-parse", "HEAD:evaluations/a b/laporan.md")
    (files / "palsu.md").write_text("# Palsu\n", "utf-8")
    fake = git_run(files, "hash-object", "-w", "palsu.md")
    git_run(files, "replace", blob, fake)
    assert git_run(files, "show", blob) == "# Palsu"
    found = gitrepo.read_object(files, blob)
    assert found is not None and found.data == b"# Laporan\n\nIsi.\n"
    assert gitrepo.blob_text(files, blob) == "# Laporan\n\nIsi.\n"


def test_a_forked_worker_asks_its_own_process(files: Path) -> None:
    """Workers forked while the parent's reader runs (``evkin pdf`` of many, the site) must
    not share its pipes: answers would cross."""
    head = gitrepo.resolve_commit(files, "HEAD")
    blob = git_run(files, "rev-parse", "HEAD:run.sh")
    with multiprocessing.get_context("fork").Pool(2) as pool:
        got = pool.map(_in_child, [(files, "HEAD^{commit}"), (files, blob)] * 4)
    assert got == [head, blob] * 4
    assert gitrepo.resolve_commit(files, "HEAD") == head  # the parent's reader still answers


@pytest.mark.parametrize("zone", ["+07:00", "-03:30", "+00:00", "+05:45"])
def test_a_commits_time_is_read_as_git_shows_it(tmp_path: Path, zone: str) -> None:
    """The time a final PDF is stamped with (the approved commit's), read from the commit
    object: the same moment and zone as ``git log --format=%cI``."""
    root = tmp_path / "r"
    root.mkdir()
    git_run(root, "init", "-q", "-b", "main")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "GIT_AUTHOR_NAME": "a",
           "GIT_AUTHOR_EMAIL": "a@example.id", "GIT_COMMITTER_NAME": "Bu Rina",
           "GIT_COMMITTER_EMAIL": "rina@example.id",
           "GIT_COMMITTER_DATE": f"2026-01-27T10:15:00{zone}"}
    run(root, "commit", "-q", "--allow-empty", "-m", "x", env=env)
    sha = run(root, "rev-parse", "HEAD")
    source = gitrepo.commit_sources(root, [sha, "0" * 40])
    shown = dt.datetime.fromisoformat(run(root, "log", "-1", "--format=%cI"))
    assert list(source) == [sha]  # a commit Git does not have is left out
    when = source[sha].time
    assert source[sha].commit == sha and when == shown
    assert when is not None and when.utcoffset() == shown.utcoffset()
    assert gitrepo.committed_at(b"committer x <y> 12 +07") is None


def ls_tree_entries(root: Path, rev: str, path: str) -> list[gitrepo.TreeEntry]:
    done = subprocess.run(["git", "-C", str(root), "ls-tree", "-r", "-t", "-z", "--full-tree",
                           rev, "--", path], capture_output=True)
    if done.returncode != 0:
        return []
    out = []
    for item in done.stdout.decode("utf-8", "replace").split("\0"):
        if item:
            meta, _, name = item.partition("\t")
            out.append(gitrepo.TreeEntry(meta.split(" ", 1)[0], name))
    return out


def test_tree_entries_are_what_ls_tree_lists(files: Path) -> None:
    """The trail's check for links and submodules in the approved folder reads the tree
    through the object reader: every entry, mode and order as ``git ls-tree -r -t``."""
    head = git_run(files, "rev-parse", "HEAD")
    (files / "evaluations" / "a b" / "sub" / "deeper").mkdir(parents=True)
    (files / "evaluations" / "a b" / "sub" / "deeper" / "x.csv").write_text("1;2\n", "utf-8")
    (files / "evaluations" / "a b" / "sub" / "y.md").write_text("# y\n", "utf-8")
    (files / "evaluations" / "a b" / "z-link").symlink_to("laporan.md")
    (files / "evaluations" / "a b" / "a.md").write_text("# a\n", "utf-8")
    git_run(files, "add", "-A")
    git_run(files, "update-index", "--add", "--cacheinfo", f"160000,{head},evaluations/a b/modul")
    git_run(files, "commit", "-q", "-m", "dua")
    for rev in ("HEAD", "HEAD~1", "HEAD^{tree}", "tidak-ada", "-x"):
        for path in ("evaluations/a b", "evaluations/a b/", "evaluations/ñ", "evaluations",
                     "evaluations/a b/laporan.md", "evaluations/a b/sub/deeper",
                     "evaluations/tidak-ada", "run.sh/x", "evaluations/a b/modul"):
            expected = [] if rev.startswith("-") else ls_tree_entries(files, rev, path)
            assert gitrepo.tree_entries(files, rev, path) == expected, (rev, path)
    found = {e.path: e.mode for e in gitrepo.tree_entries(files, "HEAD", "evaluations/a b")}
    assert found["evaluations/a b/z-link"] == "120000"
    assert found["evaluations/a b/modul"] == "160000"
    assert found["evaluations/a b/sub/deeper/x.csv"] == "100644"


def test_a_replace_ref_cannot_hide_a_link_from_the_folder_check(files: Path) -> None:
    """A pushed ``refs/replace`` that swaps the folder's tree for one without its link: the
    check still sees the tree as written (``git ls-tree`` itself would show the swap)."""
    (files / "evaluations" / "a b" / "tautan").symlink_to("/etc/passwd")
    git_run(files, "add", "-A")
    git_run(files, "commit", "-q", "-m", "tautan")
    with_link = git_run(files, "rev-parse", "HEAD:evaluations/a b")
    without = git_run(files, "rev-parse", "HEAD~1:evaluations/a b")
    git_run(files, "replace", with_link, without)
    assert not any(e.mode == "120000" for e in ls_tree_entries(files, "HEAD", "evaluations/a b"))
    found = gitrepo.irregular_in_tree(files, "HEAD", "evaluations/a b")
    assert [(e.path, e.kind) for e in found] == [("evaluations/a b/tautan", "symlink")]
