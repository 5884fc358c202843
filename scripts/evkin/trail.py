"""Verify an approval trail against Git: is the folder at HEAD the tree that was approved?

Nothing is published as final unless ``verify_trail`` says ``ok``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evkin.approval import Trail, load_trail


@dataclass(frozen=True)
class Verification:
    ok: bool
    trail: Trail | None
    reason: str | None = None  # catalogue key when not ok
    current_tree: str = ""


def folder_tree(root: Path, evaluation_id: str, rev: str = "HEAD") -> str:
    """The git tree hash of ``evaluations/<id>`` at ``rev`` ('' when absent)."""
    import git

    try:
        repo = git.Repo(root, search_parent_directories=False)
        commit = repo.commit(rev)
        return str((commit.tree / f"evaluations/{evaluation_id}").hexsha)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.BadName, KeyError,
            ValueError):
        return ""


def folder_is_clean(root: Path, evaluation_id: str) -> bool:
    """True when the working copy of the folder equals HEAD (no uncommitted edits)."""
    import git

    try:
        repo = git.Repo(root)
        path = f"evaluations/{evaluation_id}"
        return not repo.git.status("--porcelain", "--", path).strip()
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitCommandError):
        return False


def verify_trail(root: Path, evaluation_id: str) -> Verification:
    """Final only when a paraf and a later signature both approve the tree at HEAD,
    and the working copy has not been edited since."""
    trail = load_trail(root, evaluation_id)
    if trail is None:
        return Verification(False, None, "trail.none")
    current = folder_tree(root, evaluation_id)
    paraf, signature = trail.paraf, trail.signature
    if paraf is None or signature is None:
        return Verification(False, trail, "trail.incomplete", current)
    if signature.at < paraf.at:
        return Verification(False, trail, "trail.out_of_order", current)
    if not current or not trail.tree:
        return Verification(False, trail, "trail.no_tree", current)
    if not (paraf.tree == signature.tree == trail.tree == current):
        return Verification(False, trail, "trail.tree_changed", current)
    if not folder_is_clean(root, evaluation_id):
        return Verification(False, trail, "trail.uncommitted", current)
    return Verification(True, trail, None, current)
