"""``evkin approve`` without a forge: an SSH-signed paraf, signature or return, kept in Git.

One decision leaves three traces, all made with the official's own key:

1. a record in ``persetujuan/<id>.yml`` carrying ``ssh-keygen -Y sign -n evkin`` over
   ``Approval.payload()`` (``evkin approvals`` verifies it);
2. a signed annotated tag ``evkin/<id>/<n>-<decision>`` on the reviewed commit
   (``git verify-tag`` verifies it);
3. a signed commit of the trail file alone, so the record travels with the branch.

The rules are the gate's (``approval_order.refusal``), the allowed key is the role holder's
``kunci_ssh`` in ``evkin.yml`` as committed at HEAD.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from evkin import gitrepo, signing
from evkin.approval.order import RETURN, approving_roles, refusal
from evkin.approval.records import TRAIL_DIR, Approval, Trail, load_trail, save_trail, trail_path
from evkin.approval.trail import is_author, tag_name
from evkin.approval.trust import committed_settings
from evkin.files import write_atomic
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.settings import Settings

if TYPE_CHECKING:  # the type only: the assembly sits a room above approval
    from evkin.report.assembly import Assembled


@dataclass(frozen=True)
class Recorded:
    approval: Approval
    number: int
    tag: str
    commit: str  # the commit that recorded the trail file
    path: Path


def default_key(root: Path) -> Path:
    """``git config user.signingkey`` when it names a file, else ``~/.ssh/id_ed25519``."""
    result = gitrepo.start(root, ["config", "user.signingkey"])
    value = result.stdout.decode("utf-8", "replace").strip()
    if value and not value.startswith(("key::", "ssh-")):
        return Path(value).expanduser()
    return Path.home() / ".ssh" / "id_ed25519"


def tag_message(approval: Approval, evaluation_id: str, role_label: str) -> str:
    head = t(f"approve.tag_title.{approval.decision}", {"role": role_label, "id": evaluation_id})
    return head + "\n\n" + approval.payload().decode("utf-8")


def commit_message(approval: Approval, evaluation_id: str, role_label: str = "") -> str:
    """In the reader's language: ``evkin history`` shows it to Tim SAKIP."""
    return t(f"approve.commit_title.{approval.decision}", {
        "role": role_label or approval.role, "id": evaluation_id, "tree": approval.tree[:12]})


def approve(settings: Settings, evaluation_id: str, role: str, reason: str | None,
            key: Path, assembled: Callable[[Settings, str], Assembled],
            now: dt.datetime | None = None) -> Recorded:
    """Check the rules, sign, tag and commit one decision; nothing is left half-done.
    ``assembled`` gives the report as every output shows it, under the committed settings
    (the assembly, a room above this one: the command passes it in)."""
    root = settings.root
    repo = gitrepo.open_repo(root)
    if not gitrepo.has_commits(repo):
        raise EvkinError("approve.no_commit", {"id": evaluation_id})
    folder = gitrepo.folder_path(evaluation_id)
    tree = gitrepo.tree_at(root, folder)
    if not tree:
        raise EvkinError("approve.not_committed", {"id": evaluation_id, "path": folder})
    if not gitrepo.is_clean(root, folder):
        raise EvkinError("approve.uncommitted", {"path": folder})
    trail_rel = f"{TRAIL_DIR}/{evaluation_id}.yml"
    if not gitrepo.is_clean(root, trail_rel):
        raise EvkinError("approve.trail_uncommitted", {"path": trail_rel})

    committed = committed_settings(root)
    if committed is None:
        raise EvkinError("approve.settings_uncommitted")
    sop = committed.sop
    roles = approving_roles(sop)
    decision = RETURN if reason is not None else roles[role]
    if reason is not None and not reason.strip():
        raise EvkinError("approve.reason_empty")
    holder = committed.roles.holders(role)[0]
    label = sop.role_label(role)
    if not signing.parse_public_key(holder.kunci_ssh):
        raise EvkinError("approve.no_key", {"role": label, "name": holder.nama})
    signer_key = signing.public_key_of(key)
    if not signing.same_key(signer_key, holder.kunci_ssh):
        raise EvkinError("approve.wrong_key", {
            "role": label, "name": holder.nama, "path": str(key),
            "given": signing.fingerprint(signer_key),
            "expected": signing.fingerprint(holder.kunci_ssh)})
    if committed.approval_mode != "tanpa_forge":
        raise EvkinError("approve.mode_forge")

    # The report as every output shows it (its findings; no trail verdict needed here).
    checked = assembled(committed, evaluation_id)
    authors = {(d.author, d.email) for d in gitrepo.drafts(root, evaluation_id)}
    author = is_author(holder, authors) or (
        bool(holder.login) and holder.login.lower() in
        {p.lower() for p in checked.evaluation.penyusun})
    trail = load_trail(root, evaluation_id) or Trail(evaluation_id, source="ssh")
    if trail.source not in ("", "ssh"):
        raise EvkinError("approve.forge_trail", {"id": evaluation_id, "source": trail.source})
    why = refusal(trail.approvals, role, decision, tree, sop, signer_is_author=author)
    if why:
        raise EvkinError(why, {"role": label, "name": holder.nama, "id": evaluation_id})
    if decision != RETURN and checked.all_errors:
        raise EvkinError("approve.check_failed", {"id": evaluation_id,
                                                  "count": len(checked.all_errors)},
                         list(checked.all_errors[:10]))

    head = gitrepo.resolve_commit(root, "HEAD")
    moment = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    record = Approval(
        role=role, decision=decision, name=holder.nama, at=moment, jabatan=holder.jabatan,
        nip=holder.nip, login=holder.login, tree=tree, commit=head, note=(reason or "").strip())
    record = replace(record, ssh_signature=signing.sign(record.payload(), key))
    number = len(trail.approvals) + 1
    new_trail = replace(trail.with_approval(record), source="ssh")
    if decision == "tanda_tangan":
        new_trail = replace(new_trail, tree=tree, commit=head)

    identity = {"user.name": holder.nama, "user.email": holder.surel or f"{role}@evkin.invalid"}
    signing_config = {**identity, "gpg.format": "ssh",
                      "user.signingkey": str(key.resolve())}
    tag = tag_name(evaluation_id, number, decision)
    if gitrepo.tags(root, tag) == [tag]:
        raise EvkinError("approve.tag_exists", {"tag": tag})
    gitrepo.run_git(root, ["tag", "-s", tag, "-m", tag_message(record, evaluation_id, label),
                           head], signing_config)
    path = trail_path(root, evaluation_id)
    before = path.read_bytes() if path.is_file() else None
    try:
        save_trail(root, new_trail)
        gitrepo.run_git(root, ["add", "--", trail_rel])
        gitrepo.run_git(root, ["commit", "-q", "-S", "-m",
                               commit_message(record, evaluation_id, label), "--", trail_rel],
                        signing_config)
    except BaseException:
        # Put everything back as it was: the previous trail, no tag.
        with contextlib.suppress(EvkinError, OSError):
            if before is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, before)
            gitrepo.run_git(root, ["reset", "-q", "--", trail_rel])
        with contextlib.suppress(EvkinError):
            gitrepo.run_git(root, ["tag", "-d", tag])
        raise
    commit = gitrepo.resolve_commit(root, "HEAD")
    return Recorded(record, number, tag, commit, path)
