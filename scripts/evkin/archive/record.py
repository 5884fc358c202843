"""SOP step 8's approval record: what the after-merge step refuses and what it writes.

Only this step writes ``persetujuan/<id>.yml``, signed with the record key. The decisions
are pure (which pushed paths no signed pull request accounts for, whether and what to record,
the trail itself); ``unaccounted`` and ``write`` are the edges that ask Git and write the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from evkin.approval import pullgit
from evkin.approval.decision import EVALUATIONS_DIR, GateState, scope_of
from evkin.approval.records import TRAIL_DIR, Trail, save_trail
from evkin.approval.review import PullRequest
from evkin.approval.trail import sign_record
from evkin.findings import EvkinError
from evkin.settings import Settings

NOTHING, UNSIGNED, RECORD = "nothing", "unsigned", "record"


# ---------------------------------------------------------------- decisions (pure)

def allowed_evaluation(pr: PullRequest | None, signed: bool) -> str | None:
    """The one evaluation folder a push may change: the signed pull request's own."""
    return scope_of(pr.files).evaluation_id if (pr is not None and signed) else None


def stray_paths(files: Sequence[str], allowed: str | None) -> list[str]:
    """Changed paths no signed report pull request accounts for: any trail (only the record
    step writes trails), and files in evaluation folders other than ``allowed``."""
    out = []
    for path in files:
        parts = path.split("/")
        trail = parts[0] == TRAIL_DIR
        stray = parts[0] == EVALUATIONS_DIR and len(parts) >= 3 and parts[1] != allowed
        if trail or stray:
            out.append(path)
    return out


def what_to_record(state: GateState) -> str:
    """``NOTHING`` (the pull request holds no evaluation), ``UNSIGNED`` (not both approvals
    on the current version: refused) or ``RECORD``."""
    if state.evaluation_id is None:
        return NOTHING
    return RECORD if state.signed else UNSIGNED


def trail_of(state: GateState, settings: Settings, tree: str, forge: str,
             recorded_at: str) -> Trail:
    """The trail a signed pull request records: its approvals over ``tree`` (the folder at
    the head commit), the head commit, the forge and when (before the record signature)."""
    if state.evaluation_id is None or not state.signed:
        raise ValueError("only a signed evaluation is recorded")
    pr = state.pull_request
    return Trail(evaluation_id=state.evaluation_id,
                 approvals=tuple(state.approvals(settings, tree)), tree=tree,
                 commit=pr.head_sha, source=forge, pull_request=pr.url or f"#{pr.number}",
                 recorded_at=recorded_at)


# ---------------------------------------------------------------- edges (Git, the file)

def unaccounted(root: Path, base: str | None, commit: str, pr: PullRequest | None,
                signed: bool) -> list[str]:
    """``stray_paths`` of what the pushed commits change, computed by Git from both commits
    (never guessed from a forge list: without them, refused with how to fetch them)."""
    if base is None:
        raise EvkinError("gate.base_missing", {"base": "--base-ref", "root": str(root)})
    if pullgit.resolve(root, commit) is None:
        raise EvkinError("gate.head_missing", {"head": commit[:12], "root": str(root),
                                               "number": pr.number if pr else "?"})
    files = pullgit.changed_files(root, base, commit, merge_base=False)
    return stray_paths(files, allowed_evaluation(pr, signed))


def write(root: Path, trail: Trail, private_key: str) -> str:
    """Sign ``trail`` with the record key and write it (atomically); its repository path."""
    path = save_trail(root, sign_record(trail, private_key))
    return f"{TRAIL_DIR}/{path.name}"
