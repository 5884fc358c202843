"""What a pull request holds, read from the local git repository: the target branch's settings,
the files and committers between base and head, and the head's tree to check.

The gate runs the TARGET branch's code over the pull request's content as data only: the head
commit's regular files are written, as stored, into a temporary folder and checked there;
nothing from it is executed, and the working copy is not touched.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from evkin import gitrepo
from evkin.findings import EvkinError
from evkin.gitrepo import export_regular
from evkin.settings import SETTINGS_FILE

EVALUATIONS = "evaluations"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return gitrepo.start(root, args)


def resolve(root: Path, rev: str) -> str | None:
    """The commit ``rev`` names in ``root``'s repository, if it has it."""
    if not rev or rev.startswith("-"):
        return None
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if result.returncode != 0:
        return None
    return result.stdout.decode().strip() or None


def settings_text(root: Path, ref: str) -> str:
    """``evkin.yml`` as it stands on ``ref`` (the target branch)."""
    commit = resolve(root, ref)
    if commit is None:
        raise EvkinError("gate.base_ref_unknown", {"ref": ref, "root": str(root)})
    result = _git(root, "show", f"{commit}:{SETTINGS_FILE}")
    if result.returncode != 0:
        raise EvkinError("gate.base_settings_missing", {"ref": ref})
    try:
        return result.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise EvkinError("gate.base_settings_missing", {"ref": ref}) from None


def changed_files(root: Path, base: str, head: str, merge_base: bool = True) -> list[str]:
    """Every path changed between the merge base of ``base`` and ``head`` (renames as both
    names, deletions, mode changes, a file turned into a link or a submodule); with
    ``merge_base=False``, between ``base`` itself and ``head`` (what a push changed).

    Plumbing (``diff-tree``), so no diff setting of the repository hides a path."""
    start = base
    if merge_base:
        found = _git(root, "merge-base", base, head)
        start = found.stdout.decode().strip()
        if found.returncode != 0 or not start:
            raise EvkinError("gate.no_merge_base", {"base": base[:12], "head": head[:12],
                                                    "root": str(root)})
    result = _git(root, "diff-tree", "-r", "-z", "--name-only", "--no-renames",
                  "--ignore-submodules=none", "--no-commit-id", start, head)
    if result.returncode != 0:
        raise EvkinError("gate.files_unknown", {"base": base, "head": head})
    return [p for p in result.stdout.decode("utf-8", "replace").split("\0") if p]


def commit_identities(root: Path, base: str, head: str) -> frozenset[str]:
    """Author and committer e-mail addresses of the commits in ``base..head`` (lower case)."""
    result = _git(root, "log", "--format=%ae%n%ce", f"{base}..{head}")
    if result.returncode != 0:
        return frozenset()
    return frozenset(line.strip().lower() for line in result.stdout.decode().splitlines()
                     if line.strip())


def materialise(root: Path, commit: str, evaluation_id: str, dest: Path) -> bool:
    """Unpack ``commit``'s tree into ``dest``: every evaluation folder, since a report is
    checked against the others (its predecessor's figures, open recommendations of earlier
    evaluations); a report pull request changes its own folder only, so the others are the
    target branch's.

    ``False`` when the evaluation folder does not exist at ``commit``.
    """
    top = _git(root, "ls-tree", "--name-only", "-z", commit)
    if top.returncode != 0:
        raise EvkinError("gate.head_unknown", {"commit": commit, "root": str(root)})
    entries = [e for e in top.stdout.decode("utf-8", "replace").split("\0") if e]
    folder = f"{EVALUATIONS}/{evaluation_id}"
    present = _git(root, "ls-tree", "-d", "--name-only", "-z", commit, f"{EVALUATIONS}/")
    others = [p for p in present.stdout.decode("utf-8", "replace").split("\0") if p]
    if folder not in others:
        return False
    paths = [e for e in entries if e != EVALUATIONS] + [EVALUATIONS]
    # Blobs as stored, regular files only: no export rule can hide a file from the check,
    # and a link is never followed (the check names it from the tree instead).

    export_regular(root, commit, paths, dest)
    for other in others:
        (dest / other).mkdir(parents=True, exist_ok=True)
    return True
