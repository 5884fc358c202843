"""``evkin gate``: where a pull request stands in SOP steps 5–7, as the required check.

Online it reads the forge's REST API (GitHub or Gitea/Forgejo) and, with a token, posts the
commit status ``evkin/persetujuan`` on the head; offline it reads saved REST payloads. Roles
always come from ``evkin.yml`` on the target branch (``--base-ref`` / ``--base-settings``),
never from the pull request. ``--record`` writes the approval trail once signed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from evkin import environment
from evkin.approval.decision import GateState, forge_state
from evkin.approval.review import PullRequest, Review
from evkin.archive import record
from evkin.findings import EvkinError, Finding
from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from evkin.forge import FORGES
    from evkin.sop import load_sop

    sop = load_sop()
    steps = {"paraf": sop.approval_step("paraf").number,
             "sign": sop.approval_step("tanda_tangan").number}
    p = sub.add_parser("gate", help=t("gate.help"), description=t("gate.description", steps))
    p.add_argument("--forge", choices=FORGES, help=t("gate.opt_forge"))
    p.add_argument("--api-url", metavar="URL", help=t("gate.opt_api_url"))
    p.add_argument("--repo", metavar="PEMILIK/NAMA", help=t("gate.opt_repo"))
    p.add_argument("--pr", metavar="N|pr.json", help=t("gate.opt_pr"))
    p.add_argument("--reviews", metavar="reviews.json", help=t("gate.opt_reviews"))
    p.add_argument("--commits", metavar="commits.json", help=t("gate.opt_commits"))
    p.add_argument("--files", metavar="files.json", help=t("gate.opt_files"))
    base = p.add_mutually_exclusive_group()
    base.add_argument("--base-settings", metavar="BERKAS", help=t("gate.opt_base_settings"))
    base.add_argument("--base-ref", metavar="REF", help=t("gate.opt_base_ref"))
    p.add_argument("--commit", metavar="SHA", help=t("gate.opt_commit"))
    p.add_argument("--record", action="store_true", help=t("gate.opt_record"))
    p.add_argument("--no-status", action="store_true", help=t("gate.opt_no_status"))
    p.add_argument("--target-url", default="", metavar="URL", help=t("gate.opt_target_url"))
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def _root(args: argparse.Namespace) -> Path:
    from evkin.settings import find_root

    if getattr(args, "root", None):
        return Path(args.root).resolve()
    try:
        return find_root()
    except EvkinError:
        return Path.cwd().resolve()


def _load_json(path: str) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvkinError("gate.file_unreadable", {"path": path, "detail": str(error)}) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise EvkinError("gate.bad_json", {"path": path, "line": error.lineno,
                                           "column": error.colno, "detail": error.msg}) from None


def _settings_text(args: argparse.Namespace, root: Path, pr: PullRequest) -> str:
    """``evkin.yml`` of the TARGET branch: from a file, a ref, or ``origin/<base>``."""
    from evkin.approval import pullgit

    if args.base_settings:
        try:
            return Path(args.base_settings).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise EvkinError("gate.file_unreadable", {"path": args.base_settings,
                                                      "detail": str(error)}) from None
    if args.base_ref:
        return pullgit.settings_text(root, args.base_ref)
    default = f"origin/{pr.base_ref}"
    if pullgit.resolve(root, default) is None:
        raise EvkinError("gate.need_base", {"base": pr.base_ref, "root": str(root)})
    return pullgit.settings_text(root, default)


def _offline(args: argparse.Namespace, root: Path) -> tuple[str, PullRequest, list[Review],
                                                          list[Finding]]:
    """Saved REST payloads → (forge, pull request, reviews, extra notes)."""
    from evkin import forge
    from evkin.approval import pullgit

    if not args.pr:
        raise EvkinError("gate.need_pr")
    pr_raw, reviews_raw = _load_json(args.pr), _load_json(args.reviews)
    files_raw = _load_json(args.files) if args.files else None
    commits_raw = _load_json(args.commits) if args.commits else None
    kind = args.forge or forge.shape.detect(pr_raw, reviews_raw, args.pr, args.reviews)
    pr, reviews = forge.from_payloads(kind, pr_raw, reviews_raw, files_raw, commits_raw,
                                      {"pr": args.pr, "reviews": args.reviews})
    notes: list[Finding] = []
    if commits_raw is None and pullgit.resolve(root, pr.head_sha) is None:
        notes.append(Finding(args.pr, None, "gate.commits_unknown", {}, "warning"))
    return kind, pr, reviews, notes


def _from_git(args: argparse.Namespace, root: Path, pr: PullRequest) -> PullRequest:
    """The changed paths and the committers, computed by git from the base and head commits:
    every file however many (renames as both names, deletions, mode and type changes), never a
    forge's list, which is capped (GitHub: 3,000 files, 250 commits). A saved ``--files``
    list can only add paths (offline use); the forge's committer logins stay beside git's
    e-mail addresses."""
    from evkin.approval import pullgit

    base_name = args.base_ref or f"origin/{pr.base_ref}"
    base = pullgit.resolve(root, base_name)
    if base is None:
        raise EvkinError("gate.base_missing", {"base": base_name, "root": str(root)})
    head = pullgit.resolve(root, pr.head_sha)
    if head is None:
        raise EvkinError("gate.head_missing", {"head": pr.head_sha[:12], "root": str(root),
                                               "number": pr.number})
    files = pullgit.changed_files(root, base, head)
    return dataclasses.replace(
        pr, files=tuple(dict.fromkeys((*files, *pr.files))),
        commit_authors=pr.commit_authors | pullgit.commit_identities(root, base, head))


def _check(root: Path, settings_text: str, pr: PullRequest, evaluation_id: str
           ) -> tuple[list[Finding], list[Finding]]:
    """``evkin check`` findings of the evaluation at the head commit, and notes on how it was
    checked. The head is unpacked into a temporary folder: its content is data, never run."""
    from evkin.approval import pullgit
    from evkin.report.assembly import assemble_ids
    from evkin.settings import parse_settings

    def check_in(folder: Path) -> list[Finding]:
        try:
            settings = parse_settings(settings_text, folder, strict=False)
            # The assembly every output shows: its findings (no verdict: the gate decides).
            return list(assemble_ids(settings, [evaluation_id], trails=False,
                                     timeline=False).reports[0].findings)
        except EvkinError as error:
            return error.findings or [Finding(f"evaluations/{evaluation_id}", None, error.code,
                                              error.params)]

    from evkin.evaluation.regular import tree_findings

    head = pullgit.resolve(root, pr.head_sha)
    if head is None:
        note = Finding(pr.url or f"#{pr.number}", None, "gate.checked_worktree",
                       {"head": pr.head_sha[:12], "number": pr.number}, "warning")
        if not (root / "evaluations" / evaluation_id).is_dir():
            return [Finding(f"evaluations/{evaluation_id}", None, "gate.evaluation_missing",
                            {"id": evaluation_id})], [note]
        return check_in(root), [note]
    with tempfile.TemporaryDirectory(prefix="evkin-gate-") as tmp:
        folder = Path(tmp)
        if not pullgit.materialise(root, head, evaluation_id, folder):
            return [Finding(f"evaluations/{evaluation_id}", None, "gate.evaluation_missing",
                            {"id": evaluation_id})], []
        # Links and submodules are not written out (never followed): named from the tree.
        return tree_findings(root, head, evaluation_id) + check_in(folder), []


def status_text(state: Any, settings: Any) -> str:
    """One line in words: the SOP state and its step (also the commit status description)."""
    from evkin.approval.decision import RETURNED_PREFIX

    label = settings.sop.role_label(state.next_actor) if state.next_actor else "—"
    key = ("gate.status.dikembalikan" if state.status.startswith(RETURNED_PREFIX)
           else f"gate.status.{state.status}")
    return t("gate.status_line", {"text": t(key, {"role": label}), "step": state.step})


def _time(review: Review) -> str:
    from evkin.indonesian_dates import format_datetime

    return format_datetime(review.at) if review.at else "?"


def _review_json(review: Review | None, settings: Any, role: str) -> dict[str, Any] | None:
    if review is None:
        return None
    person = next((p for p in settings.roles.holders(role)
                   if p.login.lower() == review.login.lower()), None)
    return {"role": role, "login": review.login, "name": person.nama if person else "",
            "commit": review.commit, "time": review.at.isoformat() if review.at else None,
            "url": review.url, "body": review.body}


def _people(settings: Any, role: str | None) -> list[dict[str, str]]:
    if not role:
        return []
    return [{"nama": p.nama, "login": p.login} for p in settings.roles.holders(role)]


def _print_text(state: Any, settings: Any) -> None:
    pr: PullRequest = state.pull_request
    label = settings.sop.role_label
    ids = ", ".join(state.scope.evaluations)
    what = t("gate.out_evaluation", {"id": ids}) if ids else t("gate.out_no_evaluation")
    print(t("gate.out_pr", {"number": pr.number, "title": f" ({pr.title})" if pr.title else "",
                            "what": what}))
    print(t("gate.out_status", {"text": status_text(state, settings)}))
    step = settings.sop.step(state.step)
    print(t("gate.out_step", {"step": step.number, "uraian": step.uraian}))
    if state.next_actor:
        people = ", ".join(f"{p['nama']} (@{p['login']})" if p["login"] else p["nama"]
                           for p in _people(settings, state.next_actor))
        who = label(state.next_actor) + (f" — {people}" if people else "")
        print(t("gate.out_next", {"who": who}))
    for key, role, review in (("gate.out_paraf", state.paraf_role, state.paraf),
                              ("gate.out_signature", state.signature_role, state.signature)):
        given = t("gate.out_none")
        if review is not None:
            data = _review_json(review, settings, role) or {}
            given = t("gate.out_given", {"name": data.get("name") or review.login,
                                         "login": review.login, "time": _time(review),
                                         "commit": (review.commit or "?")[:7]})
        print(t(key, {"role": label(role), "what": given}))
    for role, review in state.returns:
        print(t("gate.out_return", {"role": label(role), "login": review.login,
                                    "time": _time(review),
                                    "reason": review.body.strip() or t("gate.out_no_reason")}))
    if state.notes:
        print(t("gate.out_notes"))
        for note in state.notes:
            print(f"  {note.render()}")


def _json(state: Any, settings: Any, forge: str, posted: dict[str, Any] | None,
          recorded: str | None) -> dict[str, Any]:
    pr: PullRequest = state.pull_request
    return {
        "forge": forge,
        "pull_request": {"number": pr.number, "url": pr.url, "title": pr.title,
                         "author": pr.author, "head": pr.head_sha, "base": pr.base_ref},
        "evaluation": state.evaluation_id,
        "scope": {"evaluations": list(state.scope.evaluations),
                  "governance": list(state.scope.governance), "other": list(state.scope.other)},
        "status": state.status,
        "message": status_text(state, settings),
        "step": state.step,
        "step_text": settings.sop.step(state.step).uraian,
        "next_actor": state.next_actor,
        "next_actor_label": settings.sop.role_label(state.next_actor) if state.next_actor
        else None,
        "next_people": _people(settings, state.next_actor),
        "signed": state.signed,
        "paraf": _review_json(state.paraf, settings, state.paraf_role),
        "signature": _review_json(state.signature, settings, state.signature_role),
        "returns": [_review_json(r, settings, role) for role, r in state.returns],
        "notes": [n.as_json() for n in state.notes],
        "commit_status": posted,
        "recorded": recorded,
    }


def _record(root: Path, state: GateState, settings: Any, forge: str) -> tuple[int, str | None]:
    """Write ``persetujuan/<id>.yml`` for a signed evaluation; (exit code, path)."""
    from evkin.approval.trail import folder_tree
    from evkin.clock import now

    pr: PullRequest = state.pull_request
    what = record.what_to_record(state)
    if what == record.NOTHING:
        print(t("gate.nothing_to_record", {"number": pr.number}), file=sys.stderr)
        return 0, None
    if what == record.UNSIGNED:
        print(t("gate.not_recorded", {"number": pr.number}), file=sys.stderr)
        return 1, None
    tree = folder_tree(root, state.evaluation_id or "", pr.head_sha)
    if not tree:
        raise EvkinError("gate.head_missing_for_record", {"head": pr.head_sha[:12],
                                                          "number": pr.number})
    trail = record.trail_of(state, settings, tree, forge,
                            now().replace(microsecond=0).isoformat())
    rel = record.write(root, trail, _record_key(settings))
    print(t("gate.recorded", {"path": rel, "tree": tree[:12]}), file=sys.stderr)
    return 0, rel


def _base_arg(args: argparse.Namespace, root: Path) -> str | None:
    """What a push is compared with: ``--base-ref`` (the workflow gives the commit before the
    push), else the first parent of ``--commit``."""
    from evkin.approval import pullgit

    if args.base_ref:
        return pullgit.resolve(root, args.base_ref)
    return pullgit.resolve(root, f"{args.commit}^1") if args.commit else None


def _refuse_unaccounted(commit: str, paths: list[str]) -> None:
    shown = ", ".join(paths[:10]) + (" …" if len(paths) > 10 else "")
    print(t("gate.unaccounted", {"sha": commit[:12], "files": shown}), file=sys.stderr)


def _record_key(settings: Any) -> str:
    """The publishing workflow's private record key (a secret in the environment), checked
    against the public halves the target branch's evkin.yml lists (``manifest_sig.private_key``,
    the one check of it); this step cannot run without it."""
    from evkin import signing
    from evkin.record import manifest_sig

    private = manifest_sig.private_key(settings)
    if private is None:
        raise EvkinError("record.no_key", {"env": signing.RECORD_KEY_ENV})
    return private


def run(args: argparse.Namespace) -> int:
    from evkin import forge as forges
    from evkin.approval.decision import decide
    from evkin.output import print_json
    from evkin.settings import parse_settings

    root = _root(args)
    client = None
    extra: list[Finding] = []
    if args.reviews:
        kind, pr, reviews, extra = _offline(args, root)
    else:
        kind = args.forge or forges.forge_from_env()
        repo = args.repo or environment.runner().repository
        if not repo:
            raise EvkinError("gate.need_repo")
        api_url = args.api_url or environment.runner().api_url
        client = forges.client(kind, api_url, repo, forges.token_from_env())
        if args.pr:
            if not args.pr.isdigit():
                raise EvkinError("gate.pr_not_number", {"value": args.pr})
            number = int(args.pr)
        elif args.commit:
            merged = client.merged_pull_of(args.commit)
            if merged is None:
                stray = record.unaccounted(root, _base_arg(args, root), args.commit, None, False)
                if stray:
                    _refuse_unaccounted(args.commit, stray)
                    return 1
                print(t("gate.no_merged_pr", {"sha": args.commit[:12]}), file=sys.stderr)
                return 0
            number = merged
        else:
            raise EvkinError("gate.need_pr")
        pr = client.pull_request(number)
        reviews = client.reviews(number)
    pr = _from_git(args, root, pr)

    text = _settings_text(args, root, pr)
    # Relative paths in the settings (the emblem) resolve where those settings live.
    settings_root = Path(args.base_settings).resolve().parent if args.base_settings else root
    # The target branch's committed settings: read without the unknown-key check, so that a key
    # evkin no longer knows cannot block the very pull request that removes it.
    settings = parse_settings(text, settings_root, strict=False)
    from evkin.approval.decision import scope_of

    scope = scope_of(pr.files)
    checked: list[Finding] | None = None
    if scope.evaluation_id and not scope.governance:
        checked, how = _check(root, text, pr, scope.evaluation_id)
        extra.extend(how)
    state = decide(pr, reviews, settings, checked)
    if extra:
        state = dataclasses.replace(state, notes=(*extra, *state.notes))

    posted: dict[str, Any] | None = None
    token = forges.token_from_env()
    if client is not None and token and not args.no_status and not args.record:
        posted = {"context": forges.STATUS_CONTEXT, "state": forge_state(state),
                  "sha": pr.head_sha, "posted": False}
        try:
            client.post_status(pr.head_sha, posted["state"], forges.STATUS_CONTEXT,
                               status_text(state, settings), args.target_url or pr.url)
            posted["posted"] = True
        except EvkinError as error:
            posted["error"] = error.message()
            print(t("gate.status_failed", {"detail": error.message()}), file=sys.stderr)

    code = 0 if state.signed else 1
    recorded = None
    if args.record:
        # The pull request's own evaluation is _record's to judge (signed or not).
        stray = record.unaccounted(root, _base_arg(args, root), args.commit or pr.head_sha, pr,
                             True)
        if stray:
            _refuse_unaccounted(args.commit or pr.head_sha, stray)
            code = 1
        else:
            code, recorded = _record(root, state, settings, kind)

    if args.format == "json":
        print_json(_json(state, settings, kind, posted, recorded))
    else:
        _print_text(state, settings)
        if posted and posted["posted"]:
            print(t("gate.status_posted", {"context": posted["context"],
                                           "sha": pr.head_sha[:7], "state": posted["state"]}))
    return code
