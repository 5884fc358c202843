"""What a final report reads beyond its own folder, as the repository stood at its approved
commit: the predecessor it compares with and the recommendation texts its follow-up table
quotes (the settings and emblem: ``assembly.settings_at``, at the same commit).

The Kepala Dinas signed the rendering of one commit. Read from the working tree, a later edit of
another folder (or a new folder that sorts closer, or a deleted predecessor) would change the
comparison column and the quoted texts of a report already final; read through Git at that
commit, nothing later changes them. Git objects never change, so what is read is remembered by
object hash: an archive of hundreds of reports asks Git little. Drafts read the working tree
(``assembly``).

The commit (``basis``): the approved commit the trail names, when Git has it and it holds the
approved folder; where it is gone (a squash merge, a migrated forge), the oldest commit that
recorded the trail and holds the approved folder (as ``trail._SignedChecker`` finds settings);
else HEAD, which holds it (the trail verifies) — never the working tree.

Quoted texts follow one rule: a final report quotes only final reports. Judged at that commit,
once and for good: an evaluation's recommendations count when its folder there is the tree its
own trail, as committed there, approved in the SOP's order, with the signatures that trail
needs by keys of the settings committed there.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from evkin import gitrepo
from evkin.approval.order import trail_state
from evkin.approval.records import TRAIL_DIR, Trail, load_trail
from evkin.approval.trail import Verification, signatures_hold
from evkin.evaluation.load import load_evaluation
from evkin.evaluation.model import Evaluation
from evkin.evaluation.predecessor import previous_id
from evkin.evaluation.recommendations import (
    FOLLOW_UP_FILE,
    RECOMMENDATIONS_FILE,
    Ledger,
    Record,
    build_ledger,
    origin_of,
    read_folder,
)
from evkin.evaluation.recsheet import DATA_FILE as SHEET_FILE
from evkin.findings import EvkinError
from evkin.settings import Settings


@dataclass(frozen=True)
class Known:
    """An evaluation whose working copy is known to be a verified tree (its trail verifies
    now): ``tree``, and how to read it from the working copy without asking Git."""

    tree: str
    trail: Trail | None
    evaluation: Callable[[], Evaluation]
    record: Callable[[], Record]


@dataclass(frozen=True)
class Inputs:
    """What a final report reads from its approved commit."""

    commit: str
    previous_id: str | None
    previous: Evaluation | None
    previous_tree: str  # the predecessor folder's tree there ('' when absent)
    ledger: Ledger  # the recommendations it may quote


def basis(root: Path, verification: Verification) -> str:
    """The commit a final report's other inputs are read from ('' for a draft)."""
    trail = verification.trail
    if not verification.ok or trail is None or not verification.current_tree:
        return ""
    root = root.resolve()
    signature = trail.signature
    named = [c for c in (signature.commit if signature else "", trail.commit) if c]
    for commit in dict.fromkeys(named):
        if folders_at(root, commit).get(trail.evaluation_id) == verification.current_tree:
            return commit
    return (_recorded(root, trail.evaluation_id, verification.current_tree)
            or gitrepo.resolve_commit(root, "HEAD"))


_RECORDED: dict[tuple[Path, str, str], str] = {}  # found once, it stays the oldest


def _recorded(root: Path, evaluation_id: str, tree: str) -> str:
    """The oldest commit that changed the trail and holds the approved folder ('' if none)."""
    key = (root, evaluation_id, tree)
    if key not in _RECORDED:
        try:
            out = gitrepo.run_git(root, ["log", "--format=%H", "--reverse", "HEAD", "--",
                                         f"{TRAIL_DIR}/{evaluation_id}.yml"])
        except EvkinError:
            return ""
        found = next((c for c in out.split()
                      if folders_at(root, c).get(evaluation_id) == tree), "")
        if not found:
            return ""
        _RECORDED[key] = found
    return _RECORDED[key]


# ---------------------------------------------------------------- git objects, by hash

TREE, REGULAR = 0o40000, (0o100644, 0o100755)


# Read from Git's object store by hash (gitrepo: the one module that asks Git).
_commit_tree = gitrepo.commit_tree
_children = gitrepo.tree_children
_blob = gitrepo.object_bytes


def entry_at(root: Path, commit: str, path: str) -> tuple[int, str] | None:
    """(mode, hash) of ``path`` at ``commit``; ``None`` when either is not there."""
    mode, sha = TREE, _commit_tree(root, commit)
    if not sha:
        return None
    for part in path.split("/"):
        found = _children(root, sha).get(part) if mode == TREE else None
        if found is None:
            return None
        mode, sha = found
    return mode, sha


def blob_at(root: Path, commit: str, path: str) -> tuple[str, bytes] | None:
    """(hash, bytes) of the regular file ``path`` as committed at ``commit``."""
    found = entry_at(root.resolve(), commit, path)
    if found is None or found[0] not in REGULAR:
        return None
    return found[1], _blob(root.resolve(), found[1])


def folders_at(root: Path, commit: str) -> Mapping[str, str]:
    """Every evaluation folder at ``commit``: id → tree hash (empty when there is none)."""
    root = root.resolve()
    found = entry_at(root, commit, gitrepo.EVALUATIONS)
    return _folders(root, found[1]) if found and found[0] == TREE else {}


@lru_cache(maxsize=1024)
def _folders(root: Path, tree: str) -> Mapping[str, str]:
    return {name: sha for name, (mode, sha) in _children(root, tree).items() if mode == TREE}


def _blobs(root: Path, tree: str, names: tuple[str, ...]) -> dict[str, bytes]:
    """The regular files among ``names`` directly under ``tree``, as stored."""
    return {name: _blob(root, sha) for name, (mode, sha) in _children(root, tree).items()
            if name in names and mode in REGULAR}


def _trail_blob(root: Path, commit: str, evaluation_id: str) -> bytes | None:
    found = blob_at(root, commit, f"{TRAIL_DIR}/{evaluation_id}.yml")
    return found[1] if found else None


def read_inputs(settings: Settings, own: Settings, commit: str, evaluation: Evaluation,
                record: Record | None, known: Mapping[str, Known]) -> Inputs:
    """The predecessor and the quotable recommendations of ``evaluation`` at ``commit``.
    ``own``: the settings it is rendered with (committed there). ``known``: evaluations
    verified now, whose working copy may stand in for the same tree."""

    root = settings.root.resolve()
    folders = folders_at(root, commit)
    prev = previous_id(evaluation, sorted(folders))
    previous, prev_tree = None, ""
    if prev is not None and prev in folders:
        prev_tree = folders[prev]
        same = known.get(prev)
        previous = (same.evaluation() if same is not None and same.tree == prev_tree
                    else _evaluation_at(root, prev, prev_tree, own))
    origins = dict.fromkeys(o for o in (origin_of(f.rekomendasi)
                                        for f in (record.follow_ups if record else ()))
                            if o and o in folders)
    quoted = [record if o == evaluation.id and record is not None
              else _record(root, o, folders[o], known.get(o)) for o in origins
              if o == evaluation.id or _approved_at(root, commit, o, folders[o], own,
                                                    known.get(o))]
    return Inputs(commit, prev, previous, prev_tree, build_ledger(quoted))


_EVALUATIONS: dict[tuple[Path, str, str, int], Evaluation] = {}


def _evaluation_at(root: Path, evaluation_id: str, tree: str, settings: Settings
                   ) -> Evaluation:
    """The evaluation folder ``tree`` as stored (no link followed), loaded with ``settings``."""

    key = (root, evaluation_id, tree, id(settings))
    if key not in _EVALUATIONS:
        with tempfile.TemporaryDirectory(prefix="evkin-pohon-") as tmp:
            folder = Path(tmp) / evaluation_id
            folder.mkdir()
            _export(root, tree, folder)
            _EVALUATIONS[key] = load_evaluation(folder, settings).evaluation
    return _EVALUATIONS[key]


def _export(root: Path, tree: str, dest: Path) -> None:
    """The regular files of ``tree`` into ``dest`` (links and submodules left out)."""
    gitrepo.export_tree(root, tree, dest)


_RECORDS: dict[tuple[Path, str, str], Record] = {}


def _record(root: Path, evaluation_id: str, tree: str, known: Known | None) -> Record:
    if known is not None and known.tree == tree:
        return known.record()
    key = (root, evaluation_id, tree)
    if key not in _RECORDS:
        files = _blobs(root, tree, (RECOMMENDATIONS_FILE, FOLLOW_UP_FILE, SHEET_FILE))
        with tempfile.TemporaryDirectory(prefix="evkin-rek-") as tmp:
            folder = Path(tmp) / gitrepo.EVALUATIONS / evaluation_id
            folder.mkdir(parents=True)
            for name, data in files.items():
                (folder / name).write_bytes(data)
            _RECORDS[key] = read_folder(folder, Path(tmp))[0]
    return _RECORDS[key]


_APPROVED: dict[tuple[Path, bytes, str, str], bool] = {}


def _approved_at(root: Path, commit: str, evaluation_id: str, tree: str, settings: Settings,
                 known: Known | None) -> bool:
    """Was ``evaluations/<id>`` at ``commit`` (``tree``) final by the trail committed there,
    signed by keys the roots of trust hold (``trail.signatures_hold``; never the keys that
    commit's own evkin.yml lists)?"""
    raw = _trail_blob(root, commit, evaluation_id)
    if raw is None:
        return False
    key = (root, raw, tree, gitrepo.resolve_commit(root, "HEAD"))  # the roots as of HEAD
    if key not in _APPROVED:
        trail = _parse_trail(evaluation_id, raw)
        if trail is None:
            _APPROVED[key] = False
        elif known is not None and known.tree == tree and known.trail == trail:
            _APPROVED[key] = True  # the very trail that verifies now, over the same tree
        else:
            _APPROVED[key] = _signed_over(root, trail, evaluation_id, tree, settings)
    return _APPROVED[key]


def _parse_trail(evaluation_id: str, raw: bytes) -> Trail | None:

    with tempfile.TemporaryDirectory(prefix="evkin-jejak-") as tmp:
        path = Path(tmp) / TRAIL_DIR / f"{evaluation_id}.yml"
        path.parent.mkdir()
        path.write_bytes(raw)
        try:
            return load_trail(Path(tmp), evaluation_id)
        except EvkinError:
            return None


def _signed_over(root: Path, trail: Trail, evaluation_id: str, tree: str,
                 settings: Settings) -> bool:
    """The trail approves ``tree`` in the SOP's order and carries the signatures it needs."""

    paraf, signature = trail.paraf, trail.signature
    if (trail.evaluation_id != evaluation_id or paraf is None or signature is None
            or not (paraf.tree == signature.tree == trail.tree == tree)
            or not trail_state(trail.approvals, tree, settings.sop).signed):
        return False
    return signatures_hold(root, evaluation_id, trail)
