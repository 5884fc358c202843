"""The Git edge: drafts of an evaluation, tree hashes, word-level diffs, signed tags and commits.

The one module that asks Git anything, so the deciders stay pure (an architecture test,
``tests/test_architecture_outside.py``, keeps it so). One way to start the ``git`` program,
``start``; names looked up through one long-lived ``cat-file --batch-check`` (``object_info``)
and objects read by name through one long-lived ``cat-file --batch`` (``read_object``: a final
report's approved inputs, without a process per object or GitPython). GitPython only opens a
repository to say why it is not one (``open_repo``).
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import subprocess
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from evkin.findings import EvkinError
from evkin.provenance import Source
from evkin.provenance import with_parents as pure

if TYPE_CHECKING:
    import git

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's well-known empty tree
EVALUATIONS = "evaluations"
# Words for prose, whole cells for CSV (``;``) and Markdown tables (``|``): "95,5" stays one
# word so a changed figure shows as one change, not three.
WORD_REGEX = r"[^[:space:];|]+|[;|]"


@dataclass(frozen=True)
class Draft:
    """One commit that changed an evaluation folder."""

    sha: str
    at: dt.datetime  # author date, in the author's time zone
    author: str
    email: str
    message: str  # first line
    tree: str  # tree hash of the evaluation folder after this commit ('' when removed)

    @property
    def short(self) -> str:
        return self.sha[:7]


def start(root: Path, args: Sequence[str], stdin: bytes | None = None,
          env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``git -C root args``, output captured as bytes, never raising on git's own
    failure (the caller reads ``returncode``; a folder that is not there is one). The one
    place evkin starts the git program."""
    return subprocess.run(command(root, args), capture_output=True, check=False,
                          input=stdin, env=None if env is None else {**os.environ, **env})


def command(root: Path, args: Sequence[str]) -> list[str]:
    """The one command line of the git program: ``start`` runs it, ``_CatFile`` keeps one
    open."""
    return ["git", "-C", str(root), *args]


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def folder_path(evaluation_id: str) -> str:
    return f"{EVALUATIONS}/{evaluation_id}"


def open_repo(root: Path) -> git.Repo:
    """The repository at ``root``; ``EvkinError`` (exit 2) when it is not one."""
    import git

    try:
        return git.Repo(root, search_parent_directories=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise EvkinError("git.not_repo", {"root": str(root)}) from None


def is_repo(root: Path) -> bool:
    return (root / ".git").exists()


def has_commits(repo: git.Repo) -> bool:
    try:
        repo.head.commit  # noqa: B018 - raises when the branch has no commit yet
    except ValueError:
        return False
    return True


def drafts(root: Path, evaluation_id: str, rev: str = "HEAD") -> list[Draft]:
    """Commits reachable from ``rev`` that touched ``evaluations/<id>/``, newest first.

    One ``git log`` and the folder's tree after each commit from the object reader: every
    final report's trail asks this, and walking trees through GitPython cost a parse of the
    archive's 1,000-entry folder per commit."""
    if not is_repo(root):
        open_repo(root)  # its own message
    path = folder_path(evaluation_id)
    if rev.startswith("-"):
        raise EvkinError("git.bad_rev", {"rev": rev})
    # Fields end in NUL: a name or subject may hold any other character.
    # As GitPython read them: the commits as written (no replace refs, no .mailmap).
    done = start(root, ["--no-replace-objects", "-c", "log.showSignature=false", "log",
                        "--no-use-mailmap", "--no-color",
                        "--format=%H%x00%aI%x00%an%x00%ae%x00%B%x00", "--end-of-options",
                        rev, "--", path])
    if done.returncode != 0:
        if not object_info(root, "HEAD"):
            return []  # a repository without commits yet
        raise EvkinError("git.failed", {"command": "git log",
                                        "detail": _text(done.stderr).strip()})
    fields = _text(done.stdout).split("\0")
    out = []
    for at in range(0, len(fields) - 4, 5):
        sha = fields[at].strip()
        info = object_info(root, f"{sha}:{path}")
        out.append(Draft(
            sha=sha, at=dt.datetime.fromisoformat(fields[at + 1]), author=fields[at + 2],
            email=fields[at + 3], message=fields[at + 4].split("\n", 1)[0],
            tree=info[0] if info and info[1] == "tree" else "",
        ))
    return out


def resolve_commit(root: Path, rev: str) -> str:
    """The full hash of the commit ``rev`` names; ``EvkinError`` when it names none.

    Through the object reader: every final report's trail asks this, and a cold ``evkin pdf``
    need not import GitPython for it."""
    info = object_info(root, f"{rev}^{{commit}}")
    if info is not None:
        return info[0]
    open_repo(root)  # not a repository, or one without commits: its own message
    raise EvkinError("git.bad_rev", {"rev": rev})


def tree_at(root: Path, path: str, rev: str = "HEAD") -> str:
    """Tree hash of ``path`` at commit ``rev``; '' when the commit or the path is absent."""
    if not path or rev.startswith("-") or not is_repo(root):
        return ""
    info = object_info(root, f"{rev}^{{commit}}:{path}")
    return info[0] if info else ""


def object_type(root: Path, sha: str) -> str:
    """``commit``, ``tree``, ... for an object in the repository; '' when it is not there."""
    if not sha:
        return ""
    info = object_info(root, sha)
    return info[1] if info else ""


@dataclass(frozen=True)
class GitObject:
    sha: str
    kind: str  # blob | tree | commit | tag
    data: bytes  # its content (empty from ``object_info``, which asks only what it is)


class _CatFile:
    """One long-lived ``git cat-file --batch-check`` (what an object name, ``sha``,
    ``rev:path``, ``rev^{commit}``, stands for) or ``--batch`` (and its content) of a
    repository, without a process per question: verifying a thousand trails asks several
    thousand times, a final report's approved inputs read trees and blobs by hash. Git
    resolves each name afresh (a commit made meanwhile is seen) and, with
    ``--no-replace-objects``, reads the objects as written (a replace ref cannot swap one)."""

    def __init__(self, root: Path, contents: bool) -> None:
        self.root = root
        self.contents = contents
        self.folder = _identity(root)
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None

    def ask(self, name: str) -> GitObject | None:
        raw = name.encode("utf-8", "surrogateescape") + b"\n"
        with self.lock:
            for _attempt in range(2):  # a process that died (killed): once more, afresh
                if self.process is None or self.process.poll() is not None:
                    self.process = subprocess.Popen(
                        command(self.root, ["--no-replace-objects", "cat-file",
                                            "--batch" if self.contents else "--batch-check"]),
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                try:
                    return self._answer(raw)
                except OSError:
                    self._end()
        return None

    def _answer(self, raw: bytes) -> GitObject | None:
        assert self.process is not None
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(raw)
        stdin.flush()
        line = stdout.readline()
        if not line.endswith(b"\n"):
            raise BrokenPipeError("git cat-file ended")
        parts = line.split()
        # ``<name> missing`` / ``ambiguous`` otherwise (a name may hold spaces).
        if (len(parts) != 3 or not parts[2].isdigit()
                or parts[1] not in (b"commit", b"tree", b"blob", b"tag")
                or line.endswith((b" missing\n", b" ambiguous\n"))):
            return None
        data = b""
        if self.contents:
            size = int(parts[2])
            data = stdout.read(size)
            if len(data) != size or stdout.read(1) != b"\n":
                raise BrokenPipeError("git cat-file ended")
        return GitObject(parts[0].decode("ascii"), parts[1].decode("ascii"), data)

    def _end(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def close(self) -> None:
        with self.lock:
            self._end()


def _identity(root: Path) -> tuple[int, int] | None:
    """The folder ``root`` is now (device, inode). A reader's process works in the folder it
    started in; while it runs, that folder's inode cannot be reused, so another number means
    the repository was removed and made again at the same path: a new reader is needed."""
    try:
        found = root.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


READERS = 8  # readers open at once (tests make many repositories; a build asks one or two)
# (repository, process, contents?) → reader: a forked worker has readers of its own.
_READERS: dict[tuple[Path, int, bool], _CatFile] = {}
_READERS_LOCK = threading.Lock()


@atexit.register
def _close_readers() -> None:
    with _READERS_LOCK:
        readers = [r for (_, pid, _), r in _READERS.items() if pid == os.getpid()]
        _READERS.clear()
    for reader in readers:
        reader.close()


def _forget_inherited_readers() -> None:
    """In a forked worker: the parent's readers (and their pipes) are the parent's; the worker
    starts its own when it asks. A lock another thread held at the fork would stay held."""
    global _READERS_LOCK
    _READERS_LOCK = threading.Lock()
    _READERS.clear()


os.register_at_fork(after_in_child=_forget_inherited_readers)


def _ask(root: Path, name: str, contents: bool) -> GitObject | None:
    if not name or "\n" in name or "\r" in name or name.startswith("-") or not is_repo(root):
        return None
    key = (root.resolve(), os.getpid(), contents)
    with _READERS_LOCK:
        reader = _READERS.pop(key, None)
        if reader is not None and reader.folder != _identity(key[0]):
            reader.close()
            reader = None
        _READERS[key] = reader = reader or _CatFile(key[0], contents)  # the newest last
        closing = [_READERS.pop(k) for k in list(_READERS)[:-READERS]]
    for done in closing:
        done.close()
    return reader.ask(name)


def object_info(root: Path, name: str) -> tuple[str, str] | None:
    """(hash, type) of the object ``name`` names in the repository at ``root`` (any name
    ``git cat-file`` reads: a hash, ``rev:path``, ``rev^{commit}``); ``None`` when there is
    none. A name with a line break is never looked up (the reader reads lines)."""
    found = _ask(root, name, contents=False)
    return (found.sha, found.kind) if found else None


def read_object(root: Path, name: str) -> GitObject | None:
    """The object ``name`` names, with its content as stored (``--batch``); ``None`` when
    there is none, the name cannot be asked or ``root`` is not a repository."""
    return _ask(root, name, contents=True)


def file_at(root: Path, rev: str, path: str) -> str | None:
    """The text of ``path`` as committed at ``rev``; ``None`` when absent."""
    result = start(root, ["show", f"{rev}:{path}"])
    if result.returncode != 0:
        return None
    return _text(result.stdout)


def is_clean(root: Path, path: str) -> bool:
    """True when the working copy of ``path`` equals HEAD (nothing staged or unstaged)."""
    result = start(root, ["status", "--porcelain", "--", path])
    return result.returncode == 0 and not result.stdout.strip()


def dirty_paths(root: Path) -> frozenset[str] | None:
    """Every path ``git status`` reports as changed or untracked (``None`` outside Git).

    Parsed from ``--porcelain -z`` so names with spaces or non-ASCII letters survive.
    """
    result = start(root, ["status", "--porcelain", "-z", "--untracked-files=all"])
    if result.returncode != 0:
        return None
    dirty = set()
    entries = _text(result.stdout).split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        if len(entry) > 3:
            dirty.add(entry[3:])
            # A rename or copy (staged: first column; intent-to-add: second) names its
            # source in the next field: that path changed too (it is gone or copied).
            if ("R" in entry[:2] or "C" in entry[:2]) and i + 1 < len(entries):
                i += 1
                if entries[i]:
                    dirty.add(entries[i])
        i += 1
    return frozenset(dirty)


def with_parents(paths: frozenset[str]) -> frozenset[str]:
    """``paths`` and every folder above them (see ``render.source.with_parents``)."""

    return pure(paths)


def last_change(root: Path, path: str) -> dt.datetime | None:
    """Commit date of the latest commit that changed ``path`` (when it landed on this branch)."""
    result = start(root, ["log", "-1", "--format=%cI", "--", path])
    text = _text(result.stdout).strip()
    if result.returncode != 0 or not text:
        return None
    return dt.datetime.fromisoformat(text)


def tags(root: Path, prefix: str) -> list[str]:
    result = start(root, ["tag", "--list", f"{prefix}*"])
    return [line for line in _text(result.stdout).splitlines() if line]


@dataclass(frozen=True)
class FileChange:
    """One file changed between two versions of a folder."""

    status: str  # A added | D deleted | M modified | R renamed | T type changed
    path: str
    old_path: str


def changes(root: Path, old_tree: str, new_tree: str) -> list[FileChange]:
    """Files that differ between two trees (paths relative to those trees)."""
    out = _git(root, "diff", "--name-status", "-z", "-M", old_tree, new_tree).split("\0")
    found = []
    items = [item for item in out if item != ""]
    i = 0
    while i < len(items):
        status = items[i][0]
        if status in "RC":
            found.append(FileChange(status, items[i + 2], items[i + 1]))
            i += 3
        else:
            found.append(FileChange(status, items[i + 1], items[i + 1]))
            i += 2
    return found


def word_diff(root: Path, old_tree: str, new_tree: str, change: FileChange,
              context: int = 1) -> str:
    """``git diff --word-diff=porcelain`` of one file between two trees."""
    paths = [change.path] if change.path == change.old_path else [change.old_path, change.path]
    return _git(root, "diff", "--word-diff=porcelain", f"--word-diff-regex={WORD_REGEX}",
                f"--unified={context}", "-M", old_tree, new_tree, "--", *paths)


def _git(root: Path, *args: str) -> str:
    return run_git(root, args, config={"core.quotePath": "false"})


def run_git(root: Path, args: Sequence[str], config: Mapping[str, str] | None = None,
            env: Mapping[str, str] | None = None) -> str:
    """Run ``git -c k=v ... args`` in ``root``; ``EvkinError`` with git's own words on failure."""
    command: list[str] = []
    for key, value in (config or {}).items():
        command += ["-c", f"{key}={value}"]
    command += list(args)
    result = start(root, command, env=env or {})
    out, err = _text(result.stdout), _text(result.stderr)
    if result.returncode != 0:
        raise EvkinError("git.failed", {"command": "git " + " ".join(args[:2]),
                                        "detail": (err or out).strip()})
    return out


# Entries an evaluation folder may hold: regular files only. A symbolic link (120000) would let
# the approved tree point at content outside it; a submodule (160000) at another repository.
REGULAR_MODES = frozenset({"100644", "100755", "040000"})
# Attributes that make the working copy (what is rendered) or an export differ from the blobs
# whose tree was approved.
CONTENT_ATTRIBUTES = ("filter", "ident", "working-tree-encoding", "eol", "export-ignore",
                      "export-subst")


@dataclass(frozen=True)
class TreeEntry:
    mode: str
    path: str  # repository-relative

    @property
    def kind(self) -> str:
        return {"120000": "symlink", "160000": "submodule"}.get(self.mode, "other")


def tree_entries(root: Path, rev: str, path: str) -> list[TreeEntry]:
    """Every entry under ``path`` at commit ``rev`` (folders included, and the folders on the
    way to it), with its mode: what ``git ls-tree -r -t`` lists, in its order, read through the
    object reader (the objects as written; no process of its own for a trail's check)."""
    parts = [part for part in path.split("/") if part]
    top = read_object(root, f"{rev}^{{tree}}") if parts and not rev.startswith("-") else None
    if top is None or top.kind != "tree":
        return []
    size = len(top.sha) // 2
    out: list[TreeEntry] = []
    entries = parse_tree(top.data, size)
    for depth, part in enumerate(parts, 1):
        found = next(((mode, sha) for mode, name, sha in entries if name == part), None)
        if found is None or (found[0] != TREE_MODE and depth < len(parts)):
            return out  # the folders on the way are listed all the same
        out.append(TreeEntry(f"{found[0]:06o}", _shown("/".join(parts[:depth]))))
        if found[0] != TREE_MODE:
            return out
        entries = parse_tree(_object(root, found[1], "tree").data, size)
    stack = [(entries, "/".join(parts) + "/")]
    while stack:  # depth first, each folder before what it holds, as ls-tree -r -t
        here, prefix = stack.pop()
        for at, (mode, name, sha) in enumerate(here):
            out.append(TreeEntry(f"{mode:06o}", _shown(prefix + name)))
            if mode == TREE_MODE:
                stack.append((here[at + 1:], prefix))
                stack.append((parse_tree(_object(root, sha, "tree").data, size),
                              f"{prefix}{name}/"))
                break
    return out


def _shown(path: str) -> str:
    """A path as ``ls-tree``'s output decoded with replacement (``_entries``)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def folder_trees(root: Path, rev: str = "HEAD") -> dict[str, str] | None:
    """Each evaluation folder's tree hash at ``rev``, from one ``ls-tree`` (``None`` when
    ``rev`` is not there)."""
    # -z: names with quotes, backslashes or control characters come unquoted.
    result = start(root, ["ls-tree", "-z", rev, f"{EVALUATIONS}/"])
    if result.returncode != 0:
        return None
    trees: dict[str, str] = {}
    for line in _text(result.stdout).split("\0"):
        meta, _, path = line.partition("\t")
        kind_sha = meta.split()
        if len(kind_sha) == 3 and kind_sha[1] == "tree" and "/" in path:
            trees[path.split("/", 1)[1]] = kind_sha[2]
    return trees


def irregular_in_tree(root: Path, rev: str, path: str) -> list[TreeEntry]:
    """Entries under ``path`` at commit ``rev`` that are not regular files or folders."""
    return [e for e in tree_entries(root, rev, path) if e.mode not in REGULAR_MODES]


def blob_id(root: Path, rev: str, path: str) -> str:
    """The blob hash of ``path`` at ``rev`` ('' when absent)."""
    info = object_info(root, f"{rev}:{path}")
    return info[0] if info else ""


def blob_text(root: Path, blob: str) -> str | None:
    found = read_object(root, f"{blob}^{{blob}}")
    return _text(found.data) if found is not None else None


def irregular_in_index(root: Path, path: str) -> list[TreeEntry] | None:
    """Entries under ``path`` in the index that are not regular files (a link checked out as a
    plain file where symlinks are off still has mode 120000 here); ``None`` outside Git."""
    result = start(root, ["ls-files", "-s", "-z", "--", path])
    if result.returncode != 0:
        return None
    out = []
    for item in result.stdout.decode("utf-8", "replace").split("\0"):
        if not item:
            continue
        meta, _, name = item.partition("\t")
        mode = meta.split(" ", 1)[0]
        if mode not in REGULAR_MODES:
            out.append(TreeEntry(mode, name))
    return out


def _entries(raw: bytes) -> list[TreeEntry]:
    out = []
    for item in raw.decode("utf-8", "replace").split("\0"):
        if not item:
            continue
        meta, _, name = item.partition("\t")
        out.append(TreeEntry(meta.split(" ", 1)[0], name))
    return out


def content_attributes(root: Path, paths: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Per path, the ``CONTENT_ATTRIBUTES`` that ``.gitattributes`` (or the repository's
    ``info/attributes``) set on it: ``{path: [(attribute, value)]}``, only paths with some."""
    if not paths:
        return {}
    result = start(root, ["check-attr", "-z", "--stdin", *CONTENT_ATTRIBUTES],
                   stdin="\0".join(paths).encode("utf-8") + b"\0")
    if result.returncode != 0:
        return {}
    fields = result.stdout.decode("utf-8", "replace").split("\0")
    out: dict[str, list[tuple[str, str]]] = {}
    for i in range(0, len(fields) - 2, 3):
        path, attribute, value = fields[i], fields[i + 1], fields[i + 2]
        if value not in ("unspecified", "unset"):
            out.setdefault(path, []).append((attribute, value))
    return out


def tree_files(root: Path, rev: str, *paths: str) -> list[str]:
    """Paths of every blob under ``paths`` at ``rev`` (links included, submodules not)."""
    result = start(root, ["ls-tree", "-r", "-z", "--full-tree", rev, "--", *paths])
    if result.returncode != 0:
        return []
    return [e.path for e in _entries(result.stdout) if e.mode != "160000"]


def export_regular(root: Path, rev: str, paths: Sequence[str], dest: Path) -> int:
    """Write the regular files under ``paths`` at commit ``rev`` into ``dest``, byte for byte
    as stored: no ``.gitattributes`` filter or export rule applies, links and submodules are
    left out (never followed). Returns how many files were written."""
    listed = start(root, ["ls-tree", "-r", "-z", "--full-tree", rev, "--", *paths])
    if listed.returncode != 0:
        raise EvkinError("git.bad_rev", {"rev": rev})
    wanted: list[tuple[str, str, str]] = []  # (mode, sha, path)
    for item in listed.stdout.decode("utf-8", "replace").split("\0"):
        if not item:
            continue
        meta, _, name = item.partition("\t")
        mode, kind, sha = meta.split(" ")
        if kind == "blob" and mode in ("100644", "100755"):
            wanted.append((mode, sha, name))
    if not wanted:
        return 0
    batch = start(root, ["cat-file", "--batch"],
                  stdin="".join(f"{sha}\n" for _, sha, _ in wanted).encode())
    data, at = batch.stdout, 0
    base = dest.resolve()
    for mode, _sha, name in wanted:
        header_end = data.index(b"\n", at)
        size = int(data[at:header_end].split()[2])
        body = data[header_end + 1:header_end + 1 + size]
        at = header_end + 1 + size + 1
        target = (base / name).resolve()
        if not target.is_relative_to(base):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        if mode == "100755":
            target.chmod(0o755)
    return len(wanted)


def first_commit_of(root: Path, path: str) -> str:
    """The oldest commit reachable from HEAD that added ``path`` ('' when none)."""
    result = start(root, ["log", "--diff-filter=A", "--format=%H", "--", path])
    lines = _text(result.stdout).split() if result.returncode == 0 else []
    return lines[-1] if lines else ""


@dataclass(frozen=True)
class Changed:
    """When an evaluation changed on the branch: its drafts and its trail's last change."""

    draft_times: tuple[dt.datetime, ...] = ()  # author times of commits to its folder, newest first
    trail_changed: dt.datetime | None = None  # commit time of the latest change to its trail


def change_times(root: Path, evaluation_ids: Sequence[str] | None = None,
                 rev: str = "HEAD") -> dict[str, Changed]:
    """Per evaluation, in one ``git log``: the times ``drafts`` and ``last_change`` give one by
    one (``None`` ids: every evaluation). Empty outside Git or before the first commit."""
    if evaluation_ids is None:
        specs = [EVALUATIONS, "persetujuan"]
    else:
        specs = [s for i in evaluation_ids for s in (folder_path(i), f"persetujuan/{i}.yml")]
        if not specs:
            return {}
    if not is_repo(root):
        return {}
    try:
        out = _git(root, "log", "--format=%x00%aI %cI", "--name-only", rev, "--", *specs)
    except EvkinError:
        return {}
    drafts: dict[str, list[dt.datetime]] = {}
    trails: dict[str, dt.datetime] = {}
    for block in out.split("\0")[1:]:
        lines = [line for line in block.splitlines() if line]
        if not lines:
            continue
        authored, committed = (dt.datetime.fromisoformat(x) for x in lines[0].split())
        seen: set[str] = set()
        for name in lines[1:]:
            parts = name.split("/")
            if parts[0] == EVALUATIONS and len(parts) > 2 and parts[1] not in seen:
                seen.add(parts[1])
                drafts.setdefault(parts[1], []).append(authored)
            elif parts[0] == "persetujuan" and len(parts) == 2 and name.endswith(".yml"):
                trails.setdefault(parts[1][:-4], committed)
    return {i: Changed(tuple(drafts.get(i, ())), trails.get(i))
            for i in set(drafts) | set(trails)}


# ---------------------------------------------------------------- objects, by hash

TREE_MODE, REGULAR_FILE_MODES = 0o40000, (0o100644, 0o100755)
SUBMODULE_MODE = 0o160000


@lru_cache(maxsize=4096)
def commit_tree(root: Path, commit: str) -> str:
    """The top tree of ``commit`` ('' when Git does not have that commit)."""
    found = read_object(root, f"{commit}^{{commit}}") if commit else None
    if found is None or not found.data.startswith(b"tree "):
        return ""
    return found.data[5:found.data.index(b"\n")].decode("ascii")


def _object(root: Path, sha: str, kind: str) -> GitObject:
    """The object ``sha``, of type ``kind``; an ``EvkinError`` when Git does not have it (the
    tree or commit that named it is there: the repository is damaged)."""
    found = read_object(root, sha)
    if found is None or found.kind != kind:
        raise EvkinError("git.failed", {"command": f"git cat-file {kind}",
                                        "detail": f"{sha}: {found.kind if found else 'missing'}"})
    return found


@lru_cache(maxsize=8192)
def tree_children(root: Path, tree: str) -> Mapping[str, tuple[int, str]]:
    """Name → (mode, hash) of the folders and files directly under ``tree`` (no submodule)."""
    found = _object(root, tree, "tree")
    return {name: (mode, sha) for mode, name, sha in parse_tree(found.data, len(found.sha) // 2)
            if mode != SUBMODULE_MODE}


def parse_tree(data: bytes, hash_size: int = 20) -> list[tuple[int, str, str]]:
    """A tree object's entries: (mode, name, hash), as stored (``<mode> <name>\\0<hash>``)."""
    out = []
    at = 0
    while at < len(data):
        space = data.index(b" ", at)
        nul = data.index(b"\0", space)
        end = nul + 1 + hash_size
        if end > len(data):
            raise ValueError("truncated tree object")
        out.append((int(data[at:space], 8), data[space + 1:nul].decode("utf-8", "surrogateescape"),
                    data[nul + 1:end].hex()))
        at = end
    return out


@lru_cache(maxsize=1024)
def object_bytes(root: Path, sha: str) -> bytes:
    """The content of the blob ``sha``: the file as stored."""
    return _object(root, sha, "blob").data


def export_tree(root: Path, tree: str, dest: Path) -> None:
    """The regular files of ``tree`` into ``dest`` (links and submodules left out, nothing
    written outside ``dest``)."""
    base = dest.resolve()
    stack = [(tree, "")]
    while stack:
        here, prefix = stack.pop()
        for name, (mode, sha) in tree_children(root, here).items():
            if mode == TREE_MODE:
                stack.append((sha, f"{prefix}{name}/"))
                continue
            target = (base / f"{prefix}{name}").resolve()
            if mode in REGULAR_FILE_MODES and target.is_relative_to(base):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(object_bytes(root, sha))


def read_source(root: Path) -> Source:
    """HEAD's hash and committer time, and every path ``git status`` reports as changed."""

    if not is_repo(root):
        return Source("", None, frozenset())
    try:
        head = _git(root, "log", "-1", "--format=%H %ct %cI")
    except EvkinError:
        return Source("", None, frozenset())
    if not head.strip():
        return Source("", None, frozenset())
    sha, epoch, iso = head.split()
    when = dt.datetime.fromtimestamp(int(epoch), dt.datetime.fromisoformat(iso).tzinfo)
    return Source(sha, when, dirty_paths(root) or frozenset())


def commit_sources(root: Path, commits: Sequence[str]) -> dict[str, Source]:
    """Each commit's hash and committer time (read from the commit object, as written), as the
    source of a build of what it holds; commits Git does not have are left out."""

    out: dict[str, Source] = {}
    for commit in dict.fromkeys(c for c in commits if c):
        found = read_object(root, f"{commit}^{{commit}}")
        head = found.data.partition(b"\n\n")[0] if found else b""
        when = next((committed_at(line) for line in head.split(b"\n")
                     if line.startswith(b"committer ")), None)
        if found is not None and when is not None:
            out[commit] = Source(found.sha, when, frozenset())
    return out


def committed_at(line: bytes) -> dt.datetime | None:
    """The time of a commit's ``committer Name <mail> 1700000000 +0700`` line, in its own
    zone (what ``git log --format=%cI`` shows); ``None`` when the line is not one."""
    parts = line.rsplit(b" ", 2)
    if len(parts) != 3 or not parts[1].isdigit() or len(parts[2]) != 5 or parts[2][:1] not in (
            b"+", b"-") or not parts[2][1:].isdigit():
        return None
    zone = parts[2].decode("ascii")
    offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
    try:
        return dt.datetime.fromtimestamp(int(parts[1]),
                                         dt.timezone(-offset if zone[0] == "-" else offset))
    except (OverflowError, OSError, ValueError):
        return None


@dataclass(frozen=True)
class LineCommit:
    """A commit on a first-parent line that changed a path: who wrote it, its SSH signature."""

    sha: str
    author: tuple[str, str]  # name, e-mail
    time: dt.datetime  # committer time
    payload: bytes  # the commit object without its signature (what the signature covers)
    signature: str  # armored SSH signature ('' when the commit is not SSH-signed)


def line_changes(root: Path, rev: str, path: str) -> list[LineCommit]:
    """The commits on ``rev``'s first-parent line that changed ``path`` against their first
    parent, oldest first: the versions of a file as the main line saw them arrive."""
    try:
        out = _git(root, "rev-list", "--first-parent", "--reverse", rev, "--", path)
    except EvkinError:
        return []
    return [_line_commit(root, sha) for sha in out.split()]


@lru_cache(maxsize=4096)
def _line_commit_cached(root: Path, sha: str) -> LineCommit:
    found = read_object(root, f"{sha}^{{commit}}")
    raw = found.data if found is not None else b""
    head, _, body = raw.partition(b"\n\n")
    kept: list[bytes] = []
    signature: list[bytes] = []
    in_sig = False
    author = ("", "")
    when = dt.datetime.fromtimestamp(0, dt.UTC)
    for line in head.split(b"\n"):
        if in_sig and line.startswith(b" "):
            signature.append(line[1:])
            continue
        in_sig = False
        if line.startswith(b"gpgsig "):
            in_sig = True
            signature.append(line[len(b"gpgsig "):])
            continue
        kept.append(line)
        if line.startswith(b"author "):
            text = line[len(b"author "):].decode("utf-8", "replace")
            name, _, rest = text.partition(" <")
            author = (name, rest.partition(">")[0])
        elif line.startswith(b"committer "):
            when = committed_at(line) or when
    text = b"\n".join(signature).decode("ascii", "replace")
    return LineCommit(sha, author, when, b"\n".join(kept) + b"\n\n" + body,
                      text if "BEGIN SSH SIGNATURE" in text else "")


def _line_commit(root: Path, sha: str) -> LineCommit:
    return _line_commit_cached(root.resolve(), sha)


def is_ancestor(root: Path, ancestor: str, commit: str) -> bool:
    """Is ``ancestor`` reachable from ``commit`` (or the same commit)?"""
    result = start(root, ["merge-base", "--is-ancestor", ancestor, commit])
    return result.returncode == 0


def first_parent(root: Path, commit: str) -> str:
    """The first parent of ``commit`` ('' for a root commit)."""
    result = start(root, ["rev-parse", "--verify", "--quiet", f"{commit}^1"])
    return _text(result.stdout).strip() if result.returncode == 0 else ""


def line_folder_changes(root: Path, rev: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per evaluation id, the commits on ``rev``'s first-parent line that changed its folder,
    newest first, each with its first parent ('' for a root commit): one ``git log`` for the
    whole archive."""
    sha = resolve_commit(root, rev) if is_repo(root) else ""
    return _line_folder_changes(root.resolve(), sha) if sha else {}


@lru_cache(maxsize=8)
def _line_folder_changes(root: Path, sha: str) -> dict[str, tuple[tuple[str, str], ...]]:
    try:
        out = _git(root, "log", "--first-parent", "--format=%x00%H %P", "--name-only", sha,
                   "--", EVALUATIONS)
    except EvkinError:
        return {}
    found: dict[str, list[tuple[str, str]]] = {}
    for block in out.split("\0")[1:]:
        lines = [line for line in block.splitlines() if line]
        if not lines:
            continue
        ids = [*lines[0].split(), ""][:2]
        commit = (ids[0], ids[1])
        seen: set[str] = set()
        for name in lines[1:]:
            parts = name.split("/")
            if parts[0] == EVALUATIONS and len(parts) > 2 and parts[1] not in seen:
                seen.add(parts[1])
                found.setdefault(parts[1], []).append(commit)
    return {k: tuple(v) for k, v in found.items()}


def first_parent_line(root: Path, rev: str) -> tuple[str, ...]:
    """Every commit on ``rev``'s first-parent line, newest first."""
    sha = resolve_commit(root, rev) if is_repo(root) else ""
    return _first_parent_line(root.resolve(), sha) if sha else ()


@lru_cache(maxsize=8)
def _first_parent_line(root: Path, sha: str) -> tuple[str, ...]:
    try:
        return tuple(_git(root, "rev-list", "--first-parent", sha).split())
    except EvkinError:
        return ()


def versions_along_line(root: Path, path: str, rev: str = "HEAD") -> list[str]:
    """The texts ``path`` had at each commit of ``rev``'s first-parent line that changed it
    (oldest last; none outside Git or before the first commit). A later commit cannot take an
    earlier version out of this list."""
    if not is_repo(root):
        return []
    result = start(root, ["log", "--first-parent", "--no-renames", "--raw", "--no-abbrev",
                          "--format=", rev, "--", path])
    if result.returncode != 0:
        return []
    out = []
    for line in _text(result.stdout).splitlines():
        fields = line.split("\t", 1)[0].split()
        if len(fields) >= 4 and line.startswith(":") and set(fields[3]) != {"0"}:
            found = read_object(root, fields[3])
            if found is not None and found.kind == "blob":
                out.append(_text(found.data))
    return out
