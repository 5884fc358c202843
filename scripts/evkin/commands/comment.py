"""``evkin comment collect|post``: the living summary comment of a pull request.

``collect`` runs where the pull request's content is checked out, with a read-only token and no
secrets: it checks the one evaluation the pull request changes, reads its capaian, and its word
changes since the last review, and writes them as JSON. ``post`` runs in a separate job with the
right to comment and with the TARGET branch's evkin: it reads that JSON as data only (parsed
field by field, every text made inert), works out the SOP position from the forge's own answers
with the gate's decision logic, and creates the summary comment once or updates it in place.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evkin import environment
from evkin.commands import settings_from
from evkin.findings import EvkinError, Finding
from evkin.messages import t

if TYPE_CHECKING:
    from evkin.approval.decision import GateState
    from evkin.forge import Client
    from evkin.report.prcomment import Position
    from evkin.settings import Settings

MAX_DATA = 4 * 1024 * 1024  # bytes of checked results read
MAX_DIFF = 400  # changed lines kept in the JSON
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("comment", help=t("comment.help"), description=t("comment.description"))
    actions = p.add_subparsers(dest="action", metavar="collect|post", required=True)
    for name in ("collect", "post"):
        q = actions.add_parser(name, help=t(f"comment.help_{name}"))
        q.add_argument("--pr", required=True, metavar="NOMOR", type=int)
        q.add_argument("--forge", choices=("github", "gitea"), help=t("gate.opt_forge"))
        q.add_argument("--repo", metavar="PEMILIK/NAMA", help=t("gate.opt_repo"))
        q.add_argument("--api-url", metavar="URL", help=t("gate.opt_api_url"))
        q.add_argument("--server-url", metavar="URL", help=t("start.opt_server"))
        if name == "collect":
            q.add_argument("--base", required=True, metavar="SHA", help=t("comment.opt_base"))
            q.add_argument("--out", required=True, metavar="FILE", help=t("comment.opt_out"))
        else:
            q.add_argument("--data", required=True, metavar="FILE", help=t("comment.opt_data"))
            q.add_argument("--head", required=True, metavar="SHA", help=t("comment.opt_head"))
            q.add_argument("--pdf-url", default="", metavar="URL", help=t("comment.opt_pdf_url"))
            q.add_argument("--run-url", default="", metavar="URL", help=t("comment.opt_run_url"))
            q.add_argument("--run-id", default="", metavar="ID", help=t("comment.opt_run_id"))
            q.add_argument("--run-number", default="", metavar="NOMOR",
                           help=t("comment.opt_run_number"))
            q.add_argument("--pdf-artifact", default="", metavar="NAMA",
                           help=t("comment.opt_pdf_artifact"))
    p.set_defaults(run=run)


def _client(args: argparse.Namespace) -> tuple[str, str, str, Client]:
    from evkin import forge as forges

    kind = args.forge or forges.forge_from_env()
    repo = (args.repo or environment.runner().repository).strip("/")
    if not repo:
        raise EvkinError("gate.need_repo")
    api_url = args.api_url or environment.runner().api_url
    server = (args.server_url or environment.runner().server_url).rstrip("/")
    return kind, repo, server, forges.client(kind, api_url, repo, forges.token_from_env())


def run(args: argparse.Namespace) -> int:
    return collect(args) if args.action == "collect" else post(args)


# --- collect (read-only job) --------------------------------------------------------------------

def _last_review_commit(client: Client, number: int, root: Path) -> str:
    """The commit the latest approval or return was given on, when this clone has it."""
    from evkin.approval import pullgit
    from evkin.approval.review import APPROVE, REQUEST_CHANGES

    try:
        reviews = client.reviews(number)
    except EvkinError:
        return ""  # without the reviews the words are shown since the draft began
    for review in sorted((r for r in reviews if r.state in (APPROVE, REQUEST_CHANGES)
                          and r.commit), key=lambda r: r.at or _EPOCH, reverse=True):
        found = pullgit.resolve(root, review.commit or "")
        if found:
            return found
    return ""


def _diff_lines(root: Path, ident: str, old: str, new: str) -> list[dict[str, Any]]:
    from evkin import gitrepo
    from evkin.evaluation import diffview

    folder = gitrepo.folder_path(ident)
    old_tree = (gitrepo.tree_at(root, folder, old) if old else "") or gitrepo.EMPTY_TREE
    new_tree = gitrepo.tree_at(root, folder, new) or gitrepo.EMPTY_TREE
    if old_tree == new_tree:
        return []
    out: list[dict[str, Any]] = []
    for change in gitrepo.changes(root, old_tree, new_tree):
        parsed = diffview.parse_word_diff(gitrepo.word_diff(root, old_tree, new_tree, change))
        if parsed.binary:
            continue
        path = f"{folder}/{change.path}"
        for hunk in parsed.hunks:
            line = hunk.new_line
            for segments in hunk.lines:
                if diffview.line_changed(segments):
                    out.append({"path": path, "line": line,
                                "segments": [[k, v] for k, v in segments]})
                if any(kind != "-" for kind, _ in segments):
                    line += 1
    return out


def _figure_lines(settings: Settings, ident: str, old: str, new: str) -> list[dict[str, Any]]:
    """The indicator figures that changed, in words ("IK-01 realisasi 81,17 → 82,04; capaian
    …"), first: an Excel workbook has no word diff at all."""
    from evkin import gitrepo
    from evkin.evaluation import datadiff

    folder = gitrepo.folder_path(ident)
    old_tree = gitrepo.tree_at(settings.root, folder, old) if old else ""
    new_tree = gitrepo.tree_at(settings.root, folder, new)
    name, found = datadiff.between_trees(settings, ident, old_tree, new_tree)
    return [{"path": f"{folder}/{name}", "line": c.line if isinstance(c.line, int) else 0,
             "segments": [[k, v] for k, v in c.segments()]} for c in found]


def collect(args: argparse.Namespace) -> int:
    from evkin import gitrepo
    from evkin.approval import pullgit
    from evkin.approval.decision import scope_of
    from evkin.evaluation.summary import json_row, target_text
    from evkin.numbers import format_number
    from evkin.report.assembly import assemble_ids  # in the function: ``evkin --help`` stays quick
    from evkin.report.prcomment import FORMAT

    settings = settings_from(args)
    root = settings.root
    head = gitrepo.resolve_commit(root, "HEAD")
    base = pullgit.resolve(root, args.base)
    if base is None:
        raise EvkinError("gate.base_ref_unknown", {"ref": args.base, "root": str(root)})
    scope = scope_of(pullgit.changed_files(root, base, head))
    data: dict[str, Any] = {"format": FORMAT, "head": head, "evaluation": None,
                            # what git says the pull request changes, for the position the
                            # comment shows (the forge's file list is capped: never read)
                            "changed": [f"evaluations/{e}/*" for e in scope.evaluations]
                            + list(scope.governance[:100]) + list(scope.other[:100])}
    if len(scope.evaluations) > 1:
        data["problem"] = t("comment.not_one", {"count": len(scope.evaluations),
                                                "ids": ", ".join(scope.evaluations)})
    ident = scope.evaluation_id
    if ident and (settings.evaluations_dir / ident).is_dir():
        data["evaluation"] = ident
        try:
            # The one assembly the PDF, the Word copy and ``evkin summary`` show.
            report = assemble_ids(settings, [ident], timeline=False).reports[0]
            data["findings"] = [f.as_json() for f in report.findings]
            data["title"] = report.evaluation.judul
            rows = []
            for result in report.results:
                row = json_row(result)
                rows.append({"id": row["id"], "indikator": row["indikator"],
                             "satuan": row["satuan"], "target": target_text(result),
                             "realisasi": format_number(result.indicator.realisasi),
                             "capaian": row["capaian_teks"] or "", "predikat":
                             row["predikat"] or ""})
            data["indicators"] = rows
        except EvkinError as error:
            data["findings"] = [f.as_json() for f in error.findings]
            data["problem"] = error.message()
        _kind, _repo, _server, client = _client(args)
        since = _last_review_commit(client, args.pr, root)
        merge_base = gitrepo.run_git(root, ["merge-base", base, head]).strip()
        lines = (_figure_lines(settings, ident, since or merge_base, head)
                 + _diff_lines(root, ident, since or merge_base, head))
        data["diff_since"] = since
        data["diff"] = lines[:MAX_DIFF]
        data["diff_more"] = max(0, len(lines) - MAX_DIFF)
    elif ident:
        data["problem"] = t("gate.evaluation_missing", {"id": ident})
    out = Path(args.out)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out)
    print(t("comment.collected", {"id": ident or "–", "path": args.out}))
    return 0


# --- post (commenting job; no code from the pull request) ---------------------------------------

def _read(path: str) -> Any:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_DATA + 1)
    except OSError as error:
        raise EvkinError("comment.unreadable", {"path": path, "detail": error.strerror or
                                                str(error)}) from None
    if len(raw) > MAX_DATA:
        raise EvkinError("comment.bad_data", {"path": path, "field": "(size)"})
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvkinError("comment.unreadable", {"path": path, "detail": str(error)}) from None


def position_of(state: GateState, settings: Settings) -> Position:
    """The gate's decision in the comment's words (pure)."""
    from evkin.commands.gate import status_text
    from evkin.report.prcomment import Position, Return

    label = settings.sop.role_label
    people = tuple(p.nama + (f" ({p.login})" if p.login else "")
                   for p in settings.roles.holders(state.next_actor or ""))
    returns = tuple(Return(label(role), review.login, review.body, review.url)
                    for role, review in state.returns[-1:])
    notes = tuple(n.message() for n in state.notes
                  if n.code.startswith("gate.") and n.code != "gate.check_failed")
    return Position(status=status_text(state, settings),
                    next_role=label(state.next_actor) if state.next_actor else None,
                    next_people=people if state.next_actor else (), returns=returns,
                    signed=state.signed, notes=notes)


def _own_url(url: str, server: str, repo: str) -> str:
    """``url`` if it points into this repository on this forge (and is plain), else ''."""
    if not url or not server or any(c in url for c in " \t\n<>()[]\"'`"):
        return ""
    return url if url.startswith(f"{server}/{repo}/") else ""


def _run_links(args: argparse.Namespace, kind: str, server: str, repo: str, client: Client
               ) -> tuple[str, str]:
    """The run page and the draft PDF as this forge routes them (``evkin.forge.links``).

    GitHub's PDF link is the upload action's ``artifact-url``; Gitea and Forgejo reach an
    artifact by name under the run, and route the run by number or by id depending on their
    version, which is asked of the forge itself.
    """
    from evkin.forge import links

    if not server:
        return "", ""
    run_id, number = str(args.run_id).strip(), str(args.run_number).strip()
    version = client.server_version() if kind != "github" else ""
    found = links.server_of(kind, version)
    run = _own_url(args.run_url, server, repo)
    if not run and (run_id or number):
        run = links.run_url(server, repo, found, run_id, number)
    if kind == "github":
        return run, _own_url(args.pdf_url, server, repo)
    name = str(args.pdf_artifact).strip()
    return run, links.artifact_url(server, repo, found, run_id, number, name)


def post(args: argparse.Namespace) -> int:
    import sys

    from evkin import forge as forges
    from evkin.approval.decision import decide
    from evkin.report.prcomment import BadReport, Links, find_own, parse_report, render

    settings = settings_from(args)  # the target branch's settings and roles
    kind, repo, server, client = _client(args)
    try:
        report = parse_report(_read(args.data))
    except BadReport as error:
        raise EvkinError("comment.bad_data", {"path": args.data, "field": str(error)}) from None
    pr = client.pull_request(args.pr)
    for other in (args.head, report.head):
        if other.lower() != pr.head_sha.lower():
            print(t("comment.other_head", {"data": other[:7], "head": pr.head_sha[:7]}),
                  file=sys.stderr)
            return 0
    checked = None
    if report.evaluation is not None:
        checked = [Finding(f.path, f.line, "comment.problem", {"detail": f.message},
                           "warning" if f.severity == "warning" else "error")
                   for f in report.findings]
        if report.problem and not checked:
            checked = [Finding(f"evaluations/{report.evaluation}", None, "comment.problem",
                               {"detail": report.problem})]
    pr = dataclasses.replace(pr, files=report.changed)
    state = decide(pr, client.reviews(args.pr), settings, checked)
    run_link, pdf_link = _run_links(args, kind, server, repo, client)
    links = Links(
        file=lambda path, line: forges.file_url(kind, server, repo, pr.head_sha, path, line)
        if server else "",
        pdf=pdf_link, run=run_link, pdf_zipped=kind != "github",
        since=lambda sha: forges.commit_url(kind, server, repo, sha) if server else "")
    body = render(report, position_of(state, settings), links)
    existing = find_own(client.comments(args.pr), forges.bot_logins())
    if existing is None:
        made = client.create_comment(args.pr, body)
        print(t("comment.created", {"url": made.url or made.id}))
    else:
        made = client.update_comment(existing.id, body)
        print(t("comment.updated", {"url": made.url or made.id}))
    return 0

