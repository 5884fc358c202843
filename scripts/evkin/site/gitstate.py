"""One look at Git for the whole archive: HEAD, each evaluation folder's tree, what is dirty.

A few ``git`` calls instead of several per evaluation: the cache keys, and the two facts
``trail.verify_trail`` would otherwise ask Git per folder (it still makes the decision).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evkin import gitrepo


@dataclass(frozen=True)
class GitState:
    head: str = ""
    trees: dict[str, str] = field(default_factory=dict)  # evaluation id → tree hash at HEAD
    blobs: dict[str, str] = field(default_factory=dict)  # top-level file → blob hash at HEAD
    dirty: frozenset[str] = frozenset()
    status_known: bool = False  # git status answered (else nothing may be taken as clean)

    def seen(self, evaluation_id: str) -> tuple[str, bool]:
        """What ``trail.verify_trail`` asks Git per folder: tree at HEAD, working copy clean
        (never clean when ``git status`` did not answer)."""
        return (self.trees.get(evaluation_id, ""),
                self.status_known
                and f"evaluations/{evaluation_id}" not in gitrepo.with_parents(self.dirty))

    def folder_dirty(self, evaluation_id: str) -> bool:
        covered = gitrepo.with_parents(self.dirty)
        return (f"evaluations/{evaluation_id}" in covered
                or f"persetujuan/{evaluation_id}.yml" in covered)


def _git(root: Path, *args: str) -> str | None:
    try:
        done = gitrepo.start(root, ["-c", "core.quotePath=false", *args])
    except OSError:
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def snapshot(root: Path) -> GitState:
    if not (root / ".git").exists():
        return GitState()
    head = (_git(root, "rev-parse", "--verify", "-q", "HEAD") or "").strip()
    if not head:
        return GitState()
    trees: dict[str, str] = {}
    # -z: names with quotes, backslashes or control characters come unquoted.
    for line in (_git(root, "ls-tree", "-z", "HEAD", "evaluations/") or "").split("\0"):
        meta, _, path = line.partition("\t")
        kind_sha = meta.split()
        if len(kind_sha) == 3 and kind_sha[1] == "tree" and "/" in path:
            trees[path.split("/", 1)[1]] = kind_sha[2]
    blobs: dict[str, str] = {}
    for line in (_git(root, "ls-tree", "HEAD") or "").splitlines():
        meta, _, path = line.partition("\t")
        kind_sha = meta.split()
        if len(kind_sha) == 3 and kind_sha[1] == "blob":
            blobs[path] = kind_sha[2]
    dirty = gitrepo.dirty_paths(root)
    return GitState(head, trees, blobs, dirty or frozenset(), dirty is not None)
