"""The SOP's order of approval applied to a sequence of recorded decisions. Pure.

Steps 6 and 7 of the SOP: the Sekretaris checks the draft and gives a paraf (or returns it to
Tim SAKIP); only then does the Kepala Dinas sign (or return it to the Sekretaris). In records:

- each role's latest decision counts (a later return withdraws an earlier approval);
- an approval counts only for the version (git tree) it was given on; a changed tree makes it
  stale;
- a signature counts only after a paraf of the same tree;
- a return by the Kepala Dinas needs a new paraf after it.

Which paraf and signature count is decided by the pull-request gate (``gate.decide``) on the
records converted to reviews, so forge and offline approvals follow one set of rules. Records
are taken in the order they were appended to the trail, not by their clock times, so officials'
clocks cannot reorder them. What this module adds is what only a trail of trees can tell: a
return on the current tree holds the draft, an approval on another tree is stale, and the
refusals ``evkin approve`` gives before it records anything. ``trail.verify_trail`` and
``evkin status`` read ``trail_state``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evkin.approval import decision as gate
from evkin.approval.records import Approval
from evkin.approval.review import APPROVE, REQUEST_CHANGES, PullRequest, Review
from evkin.settings import Agency, Person, Roles, Settings
from evkin.sop import Sop

RETURN = "kembali"


@dataclass(frozen=True)
class TrailState:
    paraf: Approval | None  # the valid paraf of the current tree
    signature: Approval | None  # the valid signature of the current tree, after that paraf
    returned: Approval | None  # the return that holds the draft now, if any
    stale: tuple[Approval, ...]  # latest approvals of a role given on another tree
    step: int  # the SOP step now waiting: 5 Tim SAKIP revises, 6 paraf, 7 signature, 8 done

    @property
    def signed(self) -> bool:
        return self.signature is not None


def approving_roles(sop: Sop) -> dict[str, str]:
    """Role → the decision that role's approval is (sekretaris → paraf, ...), from the SOP."""
    return {step.actor: step.approval for step in sop.steps if step.approval}


def _latest(approvals: Sequence[Approval], role: str) -> tuple[int, Approval | None]:
    for index in range(len(approvals) - 1, -1, -1):
        if approvals[index].role == role:
            return index, approvals[index]
    return -1, None


def _gate_decision(approvals: Sequence[Approval], current_tree: str, sop: Sop
                   ) -> tuple[int | None, int | None]:
    """Positions of the valid paraf and signature, decided by the pull-request gate itself.

    Offline records become ``Review``s: the reviewer is the role (the SSH signature, checked
    elsewhere, is what ties a record to the role holder), the version is the folder's tree
    rather than a head commit, and the position in the trail is the order (no clock times).
    """
    from pathlib import Path


    roles = Roles(kepala_dinas=Person(sop.role_label("kepala_dinas"), login="kepala_dinas"),
                  sekretaris=Person(sop.role_label("sekretaris"), login="sekretaris"))
    settings = Settings(root=Path("."), agency=Agency("", ""), roles=roles, sop=sop)
    reviews = [Review(login=a.role, state=REQUEST_CHANGES if a.decision == RETURN else APPROVE,
                      commit=a.tree or None, at=None, id=i)
               for i, a in enumerate(approvals)]
    pr = PullRequest(number=0, author="", head_sha=current_tree, base_ref="")
    state = gate.decide(pr, reviews, settings)
    return (state.paraf.id if state.paraf else None,
            state.signature.id if state.signature else None)


def trail_state(approvals: Sequence[Approval], current_tree: str, sop: Sop) -> TrailState:
    """Where a sequence of decisions leaves the draft whose folder tree is ``current_tree``."""
    paraf_step, sign_step = sop.approval_step("paraf"), sop.approval_step("tanda_tangan")
    paraf_role, sign_role = paraf_step.actor, sign_step.actor
    sek_index, sek = _latest(approvals, paraf_role)
    kd_index, kd = _latest(approvals, sign_role)
    # Records whose decision does not fit their role take no part (verify_trail reports them).
    fitting = [a if a.decision in (RETURN, approving_roles(sop).get(a.role)) else
               Approval(role="-", decision=RETURN, name="", at=a.at) for a in approvals]
    paraf_at, sign_at = _gate_decision(fitting, current_tree, sop)
    paraf = approvals[paraf_at] if paraf_at is not None else None
    signature = approvals[sign_at] if sign_at is not None else None

    def on_current(approval: Approval | None) -> bool:
        return approval is not None and bool(current_tree) and approval.tree == current_tree

    returned = None
    if kd is not None and kd.decision == RETURN and on_current(kd) and kd_index > sek_index:
        returned = kd
    elif sek is not None and sek.decision == RETURN and on_current(sek):
        returned = sek
    stale = tuple(a for a in (sek, kd) if a is not None and a.decision != RETURN
                  and not on_current(a))
    if signature is not None:
        step = sign_step.number + 1
    elif paraf is not None:
        step = sign_step.number
    elif returned is not None and returned.role == paraf_role:
        step = paraf_step.return_to_step or paraf_step.number - 1
    else:
        step = paraf_step.number
    return TrailState(paraf, signature, returned, stale, step)


def refusal(approvals: Sequence[Approval], role: str, decision: str, current_tree: str,
            sop: Sop, signer_is_author: bool = False) -> str | None:
    """Why ``role`` may not record ``decision`` on ``current_tree`` now (a catalogue key), or
    ``None`` when it may. Same rules as the pull-request gate."""
    roles = approving_roles(sop)
    if role not in roles:
        return "approve.bad_role"
    if decision not in (roles[role], RETURN):
        return "approve.bad_decision"
    if signer_is_author:
        return "approve.author"
    state = trail_state(approvals, current_tree, sop)
    if state.signed:
        return "approve.already_signed"
    paraf_role = sop.approval_step("paraf").actor
    if role == paraf_role:
        if decision == "paraf" and state.paraf is not None:
            return "approve.already_paraf"
        if (decision == RETURN and state.returned is not None
                and state.returned.role == role):
            return "approve.already_returned"
        return None
    # The Kepala Dinas acts only on a draft that carries the Sekretaris' paraf.
    if state.paraf is None:
        if any(a.role == paraf_role and a.decision == "paraf" for a in state.stale):
            return "approve.paraf_stale"
        return "approve.needs_paraf"
    return None
