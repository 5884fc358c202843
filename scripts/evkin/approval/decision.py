"""Where a pull request stands in SOP steps 5–7: paraf, signature, or a return.

Pure decision logic, no I/O: the caller brings the pull request, its reviews (normalised by
``evkin.forge`` or built from offline approvals), the settings read from the TARGET branch, and
the findings of ``evkin check`` on the evaluation at the head commit. Step numbers, actors and
return paths come from the SOP data (``settings.sop``), never from this module.

Rules, each tested in ``tests/test_gate.py``:

- each reviewer's latest decision counts (approval or request for changes); a comment neither
  gives nor withdraws one; a dismissed review withdraws it;
- paraf: the Sekretaris approves the head commit; signature: the Kepala Dinas approves the head
  commit after the paraf; a return by the Kepala Dinas needs a new paraf after it;
- the author and anyone with commits in the pull request cannot fill a role;
- an approval of an older head (or of an unknown commit) is stale;
- a pull request touching more than one evaluation, or anything outside its evaluation folder
  (settings, trails, code, workflows, docs), is refused; the evaluation must pass
  ``evkin check``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from evkin.approval.records import TRAIL_DIR, Approval
from evkin.approval.review import APPROVE, DISMISSED, REQUEST_CHANGES, PullRequest, Review
from evkin.findings import Finding
from evkin.settings import SETTINGS_FILE, Person, Settings
from evkin.sop import SopStep

EVALUATIONS_DIR = "evaluations"
GOVERNANCE = (SETTINGS_FILE, f"{TRAIL_DIR}/")

# Status keys (stable: other commands, the JSON output and commit statuses use them).
MENUNGGU_PARAF = "menunggu_paraf"
MENUNGGU_TANDA_TANGAN = "menunggu_tanda_tangan"
DITANDATANGANI = "ditandatangani"
DITOLAK = "ditolak"
PERLU_PERBAIKAN = "perlu_perbaikan"
# The commit status ``evkin/persetujuan`` a state gives: green only when signed.
STATUS_SUCCESS, STATUS_PENDING, STATUS_FAILURE = "success", "pending", "failure"
RETURNED_PREFIX = "dikembalikan_ke_"  # + the return's actor from the SOP: tim_sakip, sekretaris

# GitHub's committer for commits made in its web interface: not a person.
FORGE_COMMITTERS = frozenset({"web-flow", "noreply@github.com"})

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Scope:
    """What a pull request touches, by kind of path."""

    evaluations: tuple[str, ...] = ()
    governance: tuple[str, ...] = ()  # evkin.yml, persetujuan/...
    other: tuple[str, ...] = ()

    @property
    def evaluation_id(self) -> str | None:
        return self.evaluations[0] if len(self.evaluations) == 1 else None


def scope_of(files: Iterable[str]) -> Scope:
    evaluations: list[str] = []
    governance: list[str] = []
    other: list[str] = []
    for path in files:
        parts = path.strip("/").split("/")
        if len(parts) >= 3 and parts[0] == EVALUATIONS_DIR:
            if parts[1] not in evaluations:
                evaluations.append(parts[1])
        elif any(path == g or (g.endswith("/") and path.startswith(g)) for g in GOVERNANCE):
            governance.append(path)
        else:
            other.append(path)
    return Scope(tuple(sorted(evaluations)), tuple(sorted(set(governance))),
                 tuple(sorted(set(other))))


@dataclass(frozen=True)
class GateState:
    """The SOP state of one pull request and the reviews that put it there."""

    status: str
    step: int  # current SOP step
    next_actor: str | None  # role key of who must act next
    signed: bool
    paraf: Review | None
    signature: Review | None
    notes: tuple[Finding, ...]
    pull_request: PullRequest
    scope: Scope
    evaluation_id: str | None = None
    returns: tuple[tuple[str, Review], ...] = ()  # (role, review) standing requests for changes
    paraf_role: str = ""
    signature_role: str = ""

    def approvals(self, settings: Settings, tree: str) -> list[Approval]:
        """Trail records of this state (returns, paraf, signature), oldest first.

        ``tree`` is the git tree of the evaluation folder at the head commit: what the paraf and
        the signature approved. Returns were given on earlier drafts, so they carry no tree.
        """
        out = [_record(settings, role, "kembali", review, "") for role, review in self.returns]
        if self.paraf:
            out.append(_record(settings, self.paraf_role, "paraf", self.paraf, tree))
        if self.signature:
            out.append(_record(settings, self.signature_role, "tanda_tangan", self.signature,
                               tree))
        return sorted(out, key=lambda a: a.at)


def _record(settings: Settings, role: str, decision: str, review: Review, tree: str) -> Approval:
    person = _holder(settings, role, review.login) or Person(nama=review.login)
    return Approval(
        role=role, decision=decision, name=person.nama, at=review.at or _EPOCH,
        jabatan=person.jabatan, nip=person.nip, login=review.login, url=review.url, tree=tree,
        commit=review.commit or "", note=review.body if decision == "kembali" else "",
    )


def _holder(settings: Settings, role: str, login: str) -> Person | None:
    low = login.lower()
    return next((p for p in settings.roles.holders(role) if p.login.lower() == low), None)


@dataclass
class _Seen:
    """One role's reviews in order: its latest decision and its last standing return."""

    latest: tuple[int, Review] | None = None
    last_return: tuple[int, Review] | None = None
    returns: list[tuple[int, Review]] = field(default_factory=list)


def _where(pr: PullRequest, review: Review | None = None) -> str:
    if review is not None and review.url:
        return review.url
    return pr.url or f"pull request #{pr.number}"


def _ordered(reviews: Sequence[Review]) -> list[tuple[int, Review]]:
    """Reviews oldest first (both forges list them so; sort again by time to be sure).

    The position in this order is what "after" means: equal times keep the listed order.
    """
    indexed = sorted(enumerate(reviews), key=lambda p: (p[1].at or _EPOCH, p[0]))
    return [(pos, review) for pos, (_, review) in enumerate(indexed)]


def _contributors(pr: PullRequest) -> frozenset[str]:
    return frozenset(c.lower() for c in pr.commit_authors) - FORGE_COMMITTERS


def _conflict(pr: PullRequest, person: Person | None, login: str) -> str | None:
    """Why ``login`` cannot fill a role in this pull request (catalogue key), if it cannot."""
    if login.lower() == pr.author.lower():
        return "gate.author_cannot_approve"
    contributors = _contributors(pr)
    if login.lower() in contributors or (
            person is not None and person.surel and person.surel.lower() in contributors):
        return "gate.contributor_cannot_approve"
    return None


def _scope_notes(pr: PullRequest, scope: Scope) -> list[Finding]:
    notes = []
    if len(scope.evaluations) > 1:
        notes.append(Finding(_where(pr), None, "gate.many_evaluations",
                             {"ids": ", ".join(scope.evaluations)}))
    if scope.evaluations and scope.governance:
        notes.append(Finding(scope.governance[0], None, "gate.governance_with_evaluation",
                             {"files": ", ".join(scope.governance),
                              "ids": ", ".join(scope.evaluations)}))
    if scope.evaluations and scope.other:
        # Code, workflows, docs or mkdocs.yml signed along with a report would run with the
        # publishing workflow's secrets: a report pull request changes its folder only.
        shown = ", ".join(scope.other[:10]) + (" …" if len(scope.other) > 10 else "")
        notes.append(Finding(scope.other[0], None, "gate.other_with_evaluation",
                             {"files": shown, "ids": ", ".join(scope.evaluations)}))
    return notes


def _valid_head(pr: PullRequest, role_label: str, review: Review, notes: list[Finding]) -> bool:
    if review.commit is None or not review.commit:
        notes.append(Finding(_where(pr, review), None, "gate.unknown_commit",
                             {"login": review.login, "role": role_label}, "warning"))
        return False
    if review.commit.lower() != pr.head_sha.lower():
        notes.append(Finding(_where(pr, review), None, "gate.stale",
                             {"login": review.login, "role": role_label,
                              "commit": review.commit[:7], "head": pr.head_sha[:7]},
                             "warning"))
        return False
    return True


def _on_head(pr: PullRequest, review: Review) -> bool:
    """Whether a review concerns the current head (an unknown commit is taken as current)."""
    return not review.commit or review.commit.lower() == pr.head_sha.lower()


def decide(pr: PullRequest, reviews: Sequence[Review], settings: Settings,
           checked: Sequence[Finding] | None = None) -> GateState:
    """The SOP state of ``pr``.

    ``settings`` must come from the target branch. ``checked`` holds the findings of
    ``evkin check`` on the evaluation at the head commit (``None``: not checked, which blocks a
    pull request that touches an evaluation).
    """
    sop = settings.sop
    paraf_step = sop.approval_step("paraf")
    sign_step = sop.approval_step("tanda_tangan")
    publish_step = next(s for s in sop.steps if s.publish)
    paraf_role, sign_role = paraf_step.actor, sign_step.actor
    label = sop.role_label
    scope = scope_of(pr.files)
    notes: list[Finding] = []

    for role in (paraf_role, sign_role):
        if not any(p.login for p in settings.roles.holders(role)):
            notes.append(Finding(SETTINGS_FILE, None, "gate.role_without_login",
                                 {"role": label(role), "key": role}, "warning"))

    seen = {paraf_role: _Seen(), sign_role: _Seen()}
    reported: set[tuple[str, str]] = set()
    for pos, review in _ordered(reviews):
        role = settings.roles.role_of_login(review.login) or ""
        deciding = review.state in (APPROVE, REQUEST_CHANGES)
        if role not in seen:
            if deciding and ("none", review.login.lower()) not in reported:
                reported.add(("none", review.login.lower()))
                notes.append(Finding(_where(pr, review), None, "gate.not_a_role",
                                     {"login": review.login}, "warning"))
            continue
        why = _conflict(pr, _holder(settings, role, review.login), review.login)
        if why:
            if deciding and (why, review.login.lower()) not in reported:
                reported.add((why, review.login.lower()))
                notes.append(Finding(_where(pr, review), None, why,
                                     {"login": review.login, "role": label(role)}))
            continue
        state = seen[role]
        if deciding:
            state.latest = (pos, review)
            if review.state == REQUEST_CHANGES:
                state.last_return = (pos, review)
                state.returns.append((pos, review))
        elif review.state == DISMISSED:
            state.latest = None
        # COMMENT and PENDING neither give nor withdraw a decision.

    sek, kd = seen[paraf_role], seen[sign_role]

    # Paraf: the Sekretaris' latest decision approves the head, after the Kepala Dinas' last
    # return.
    paraf: tuple[int, Review] | None = None
    if sek.latest and sek.latest[1].state == APPROVE:
        pos, review = sek.latest
        if _valid_head(pr, label(paraf_role), review, notes):
            if kd.last_return and kd.last_return[0] > pos:
                notes.append(Finding(_where(pr, review), None, "gate.paraf_before_return",
                                     {"login": review.login, "role": label(paraf_role),
                                      "signer": label(sign_role)}, "warning"))
            else:
                paraf = (pos, review)

    # Signature: the Kepala Dinas' latest decision approves the head, after that paraf.
    signature: tuple[int, Review] | None = None
    if kd.latest and kd.latest[1].state == APPROVE:
        pos, review = kd.latest
        if _valid_head(pr, label(sign_role), review, notes):
            if paraf is None or pos < paraf[0]:
                notes.append(Finding(_where(pr, review), None, "gate.signature_before_paraf",
                                     {"login": review.login, "role": label(sign_role),
                                      "paraf_role": label(paraf_role)}, "warning"))
            else:
                signature = (pos, review)

    evaluation_id = scope.evaluation_id if not scope.governance else None
    refused = _scope_notes(pr, scope)
    failing: list[Finding] = []
    check_notes: list[Finding] = []
    if scope.evaluations and not refused:
        if checked is None:
            failing = check_notes = [Finding(_where(pr), None, "gate.not_checked",
                                             {"id": evaluation_id or ""})]
        else:
            failing = [f for f in checked if f.severity == "error"]
            summary = [Finding(f"{EVALUATIONS_DIR}/{evaluation_id}", None, "gate.check_failed",
                               {"id": evaluation_id or "", "count": len(failing)})]
            check_notes = [*(summary if failing else []), *checked]
    notes = [*refused, *notes, *check_notes]

    status: str
    next_actor: str | None
    if refused or failing:
        # Back to drafting: the step the Sekretaris returns a draft to.
        status = DITOLAK if refused else PERLU_PERBAIKAN
        drafting = sop.step(paraf_step.return_to_step or paraf_step.number)
        step_number, next_actor = drafting.number, paraf_step.return_to_actor or drafting.actor
    elif paraf and signature:
        status, step_number, next_actor = DITANDATANGANI, publish_step.number, publish_step.actor
    elif paraf:
        status, step_number, next_actor = MENUNGGU_TANDA_TANGAN, sign_step.number, sign_role
    else:
        # Which return stands last: the Sekretaris' own (back to Tim SAKIP), or the Kepala
        # Dinas' one that no later Sekretaris approval has answered (back to the Sekretaris).
        # A return given on an older head has been answered by the new draft: the draft is
        # handed in again and waits for the paraf (SOP step 5 → 6).
        candidates: list[tuple[int, SopStep]] = []
        if (sek.latest and sek.latest[1].state == REQUEST_CHANGES
                and _on_head(pr, sek.latest[1])):
            candidates.append((sek.latest[0], paraf_step))
        if kd.last_return and _on_head(pr, kd.last_return[1]) and not (
                sek.latest and sek.latest[1].state == APPROVE
                and sek.latest[0] > kd.last_return[0]):
            candidates.append((kd.last_return[0], sign_step))
        if candidates:
            returning = max(candidates, key=lambda c: c[0])[1]
            actor = returning.return_to_actor or paraf_step.actor
            status = RETURNED_PREFIX + actor
            step_number = returning.return_to_step or returning.number
            next_actor = actor
        else:
            status, step_number, next_actor = MENUNGGU_PARAF, paraf_step.number, paraf_role

    returns = tuple((role, review) for role, seen_role in ((paraf_role, sek), (sign_role, kd))
                    for _, review in seen_role.returns)
    return GateState(
        status=status, step=step_number, next_actor=next_actor,
        signed=status == DITANDATANGANI,
        paraf=paraf[1] if paraf else None, signature=signature[1] if signature else None,
        notes=tuple(notes), pull_request=pr, scope=scope, evaluation_id=evaluation_id,
        returns=tuple(sorted(returns, key=lambda r: r[1].at or _EPOCH)),
        paraf_role=paraf_role, signature_role=sign_role,
    )


def forge_state(state: GateState) -> str:
    """The commit status for ``state``: success once signed, failure when refused or
    returned (someone must change the report), else pending."""
    if state.signed:
        return STATUS_SUCCESS
    if state.status in (DITOLAK, PERLU_PERBAIKAN) or state.status.startswith(RETURNED_PREFIX):
        return STATUS_FAILURE
    return STATUS_PENDING
