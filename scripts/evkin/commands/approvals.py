"""``evkin approvals ID``: the approval trail of an evaluation, and whether the folder at the
current commit is the tree that was approved. Exit 0 verified, 1 not verified, 2 unreadable."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evkin import environment
from evkin.commands import settings_from
from evkin.commands._ids import evaluation_id
from evkin.findings import EvkinError
from evkin.messages import t

if TYPE_CHECKING:
    from evkin.approval.records import Approval
    from evkin.approval.trail import RecordCheck, Verification
    from evkin.settings import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("approvals", help=t("approvals.help"),
                       description=t("approvals.description"))
    p.add_argument("id", metavar="ID", help=t("history.opt_id"))
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--allowed-signers", metavar="PATH", help=t("approvals.opt_allowed"))
    p.set_defaults(run=run)


def write_allowed_signers(settings: Settings, path: Path) -> int:
    """The allowed-signers file for ``git verify-tag``, from evkin.yml as committed at HEAD."""
    from evkin import signing
    from evkin.approval.order import approving_roles
    from evkin.approval.trust import committed_settings
    from evkin.files import write_atomic

    committed = committed_settings(settings.root)
    if committed is None:
        raise EvkinError("approve.settings_uncommitted")
    found = signing.signers(committed, approving_roles(committed.sop))
    write_atomic(path, signing.allowed_signers_text(found))
    return len(found)


def tag_status(settings: Settings, check: RecordCheck, approval: Approval) -> str:
    """``git verify-tag`` of a record's tag with allowed signers from the settings that
    verified the record; 'valid', 'invalid' or 'elsewhere' (tag not on the approved commit)."""
    from evkin import gitrepo, signing
    from evkin.approval.trust import committed_settings

    committed = committed_settings(settings.root, check.settings_commit or "HEAD")
    if committed is None:
        return "invalid"
    allowed = signing.allowed_signers_text(signing.signers(committed, [approval.role]))
    with tempfile.TemporaryDirectory(prefix="evkin-tag-") as tmp:
        path = Path(tmp) / "allowed_signers"
        path.write_text(allowed, encoding="utf-8")
        try:
            gitrepo.run_git(settings.root, ["verify-tag", check.tag],
                            {"gpg.ssh.allowedSignersFile": str(path)})
        except EvkinError:
            return "invalid"
    target = gitrepo.resolve_commit(settings.root, f"{check.tag}^{{commit}}")
    return "valid" if target == approval.commit else "elsewhere"


def _json(verification: Verification, ident: str, tags: dict[int, str]) -> dict[str, object]:
    from evkin.messages import t as say

    trail = verification.trail
    return {
        "id": ident, "verified": verification.ok,
        "reason": verification.reason,
        "message": say(verification.reason, verification.params) if verification.reason
        else None,
        "current_tree": verification.current_tree,
        "approved_tree": trail.tree if trail else None,
        "source": trail.source if trail else None,
        "approvals": [{
            **a.as_dict(), "nomor": n,
            "tanda_tangan_ssh": (verification.records[n - 1].signature
                                 if n <= len(verification.records) else "none"),
            "tag": tags.get(n, ""),
        } for n, a in enumerate(trail.approvals if trail else (), 1)],
    }


def _cross_checked(verification: Any) -> Any:
    """With a forge token in the environment and the trail's pull request on this forge
    (``GITHUB_SERVER_URL``/``GITHUB_REPOSITORY``, as CI sets them), each forge record must
    match its review in the reviews API. Without them (a migrated forge, no token) the record
    signature and Git alone decide."""
    import dataclasses

    from evkin import forge
    from evkin.approval.trail import forge_difference

    trail = verification.trail
    token = forge.token_from_env()
    repo = environment.runner().repository
    server = environment.runner().server_url.rstrip("/")
    api = environment.runner().api_url
    if not (verification.ok and trail is not None and token and repo and server and api
            and trail.source in forge.FORGES
            and trail.pull_request.startswith(f"{server}/{repo}/")):
        return verification
    number = trail.pull_request.rstrip("/").rsplit("/", 1)[-1]
    if not number.isdigit():
        return verification
    client = forge.client(trail.source, api, repo, token)
    differs = forge_difference(trail, client.reviews(int(number)))
    if differs is None:
        return verification
    return dataclasses.replace(verification, ok=False, reason="trail.forge_mismatch",
                               params={"number": differs[0], "detail": differs[1]})


def _print_trust(root: Path) -> None:
    """The root of trust and every change of it on this line: what a reader compares with
    the fingerprint printed in a final PDF, and which key changes counted."""
    from evkin.approval import trust
    from evkin.indonesian_dates import format_datetime

    chain = trust.chain(root, "HEAD")
    if chain is None:
        return
    print(t("approvals.trust_root", {"commit": chain.root_commit[:12],
                                     "fingerprint": chain.root.fingerprint()}))
    for change in chain.changes:
        if not change.accepted:
            verdict = t("approvals.trust_refused")
        elif change.pinned:
            verdict = t("approvals.trust_pinned")
        elif change.signer:
            verdict = t("approvals.trust_accepted_signed", {"role": change.signer})
        else:
            verdict = t("approvals.trust_accepted_line")
        print(t("approvals.trust_change", {
            "commit": change.commit[:12], "when": format_datetime(change.time),
            "author": change.author[0], "what": ", ".join(change.what), "verdict": verdict}))


def run(args: argparse.Namespace) -> int:
    from evkin.approval.trail import verify_trail
    from evkin.commands.history import decision_label
    from evkin.indonesian_dates import format_datetime
    from evkin.nip import spaced

    settings = settings_from(args)
    ident = evaluation_id(settings, args.id, must_exist=False)
    has_trail = (settings.root / "persetujuan" / f"{ident}.yml").is_file()
    if not has_trail and not (settings.evaluations_dir / ident).is_dir():
        from evkin.evaluation.load import not_found

        raise not_found(settings, args.id)
    if args.allowed_signers:
        count = write_allowed_signers(settings, Path(args.allowed_signers))
        print(t("approvals.allowed_written", {"path": args.allowed_signers, "count": count}),
              file=sys.stderr)
    verification = _cross_checked(verify_trail(settings.root, ident, settings.sop))
    trail = verification.trail
    tags: dict[int, str] = {}
    if trail is not None:
        for check in verification.records:
            if check.tag:
                tags[check.number] = tag_status(settings, check,
                                                trail.approvals[check.number - 1])
    if args.format == "json":
        from evkin.output import print_json

        print_json(_json(verification, ident, tags))
        return 0 if verification.ok else 1

    if trail is None:
        print(t("approvals.none", {"id": ident}))
    else:
        print(t("approvals.title", {"id": ident}))
        if trail.source or trail.pull_request:
            print(t("approvals.source", {"source": trail.source or "–",
                                         "pr": trail.pull_request or "–"}))
        for n, a in enumerate(trail.approvals, 1):
            role = settings.sop.role_label(a.role)
            print()
            print(f"{n}. {decision_label(role, a.decision)}")
            print("   " + t("approvals.who", {"name": a.name, "jabatan": a.jabatan or role,
                                               "nip": spaced(a.nip) if a.nip else "–",
                                               "login": a.login or "–"}))
            print("   " + t("approvals.when", {"date": format_datetime(a.at)}))
            if a.note:
                print("   " + t("approvals.note", {"note": a.note}))
            if a.url:
                print("   " + t("approvals.url", {"url": a.url}))
            print("   " + t("approvals.tree", {"tree": a.tree or "–",
                                                "commit": a.commit[:12] or "–"}))
            record = verification.records[n - 1] if n <= len(verification.records) else None
            if record is not None and record.signature != "none":
                print("   " + t(f"approvals.ssh.{record.signature}"))
            if n in tags:
                print("   " + t(f"approvals.tag.{tags[n]}", {"tag": verification.records[n - 1]
                                                              .tag}))
        print()
    print(t("approvals.current_tree", {"tree": verification.current_tree or "–"}))
    _print_trust(settings.root)
    if verification.ok:
        print(t("approvals.verified", {"tree": verification.current_tree}))
        return 0
    reason = t(verification.reason or "trail.none", verification.params)
    print(t("approvals.not_verified", {"reason": reason}))
    return 1
