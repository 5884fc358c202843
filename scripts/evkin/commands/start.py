"""``evkin start ID``: the "Buat evaluasi baru" workflow's work, started from the forge's web page.

Scaffolds ``evaluations/ID`` (``evkin new``), commits it on a new branch ``evaluasi/ID``, pushes
that branch (never forced: an existing branch is refused) and opens a draft pull request in
Indonesian that links to the files to fill in. A refusal is also written to the run's summary
(``$GITHUB_STEP_SUMMARY``) so that someone who started it from the browser can read why.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from evkin import environment
from evkin.commands import settings_from
from evkin.findings import EvkinError
from evkin.messages import t

if TYPE_CHECKING:
    from evkin.settings import Settings

BRANCH_PREFIX = "evaluasi/"
COMMITTER = {"user.name": "evkin", "user.email": "evkin@users.noreply.localhost"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("start", help=t("start.help"), description=t("start.description"))
    p.add_argument("id", metavar="ID", help=t("new.opt_id"))
    p.add_argument("--forge", choices=("github", "gitea"), help=t("gate.opt_forge"))
    p.add_argument("--repo", metavar="PEMILIK/NAMA", help=t("gate.opt_repo"))
    p.add_argument("--api-url", metavar="URL", help=t("gate.opt_api_url"))
    p.add_argument("--server-url", metavar="URL", help=t("start.opt_server"))
    p.add_argument("--base", metavar="CABANG", help=t("start.opt_base"))
    p.add_argument("--remote", default="origin", metavar="REMOTE", help=t("start.opt_remote"))
    p.add_argument("--excel", action="store_true", help=t("new.opt_excel"))
    p.set_defaults(run=run)


def write_summary(text: str) -> None:
    """Append Markdown to the run's summary page, when running in a workflow."""
    path = environment.runner().step_summary
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text.rstrip() + "\n")
    except OSError as error:  # the summary is a courtesy; the log has the same words
        print(t("gate.file_unreadable", {"path": path, "detail": str(error)}), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        return _start(args)
    except EvkinError as error:
        from evkin.report.prcomment import inert

        write_summary(t("start.summary_refused", {"message": inert(error.message(), 1000)}))
        raise


def _files(settings: Settings, folder: Path) -> list[tuple[str, str]]:
    """(path, what to fill in) of the scaffolded files, in the order people fill them."""
    from evkin.evaluation.load import META_FILE, REPORT_FILE
    from evkin.evaluation.recommendations import FOLLOW_UP_FILE, RECOMMENDATIONS_FILE

    rel = folder.relative_to(settings.root).as_posix()
    out = [(f"{rel}/{REPORT_FILE}", t("start.file_report")),
           (f"{rel}/{META_FILE}", t("start.file_meta")),
           (f"{rel}/indikator.csv", t("start.file_indicators")),
           (f"{rel}/indikator.xlsx", t("start.file_workbook")),
           (f"{rel}/{RECOMMENDATIONS_FILE}", t("start.file_recommendations")),
           (f"{rel}/{FOLLOW_UP_FILE}", t("start.file_follow_ups"))]
    for step, spec in settings.sop.documents:
        out.append((f"{rel}/{spec.file}", t("start.file_document", {"step": step.number})))
    return [(p, w) for p, w in out if (settings.root / p).is_file()]


def _start(args: argparse.Namespace) -> int:
    from evkin import forge as forges
    from evkin import gitrepo
    from evkin.approval.verdicts import is_final
    from evkin.evaluation.model import Period
    from evkin.evaluation.scaffold import scaffold

    settings = settings_from(args)
    root = settings.root
    ident = args.id.strip()
    period = Period.from_id(ident)
    if period is None or ident != args.id:
        raise EvkinError("new.bad_id", {"id": args.id})
    if (settings.evaluations_dir / ident).exists():
        raise EvkinError("new.exists", {"path": f"evaluations/{ident}"})
    kind = args.forge or forges.forge_from_env()
    repo = args.repo or environment.runner().repository
    if not repo:
        raise EvkinError("gate.need_repo")
    api_url = args.api_url or environment.runner().api_url
    server = (args.server_url or environment.runner().server_url).rstrip("/")
    client = forges.client(kind, api_url, repo, forges.token_from_env())

    branch = BRANCH_PREFIX + ident
    gitrepo.open_repo(root)
    if gitrepo.run_git(root, ["ls-remote", "--heads", args.remote, f"refs/heads/{branch}"]
                       ).strip():
        raise EvkinError("start.branch_exists", {"branch": branch, "remote": args.remote,
                                                 "id": ident})
    base = args.base or gitrepo.run_git(root, ["rev-parse", "--abbrev-ref", "HEAD"]).strip()
    # The workflow's "excel" checkbox arrives as EVKIN_EXCEL=true|false (through env, never
    # spliced into the command line).
    excel = args.excel or environment.excel_requested()
    folder, _previous = scaffold(settings, ident, is_final(root), excel=excel)
    rel = folder.relative_to(root).as_posix()
    gitrepo.run_git(root, ["switch", "--quiet", "-c", branch])
    gitrepo.run_git(root, ["add", "--", rel])
    gitrepo.run_git(root, ["commit", "--quiet", "-m",
                           t("start.commit_message", {"id": ident}), "--", rel],
                    config=COMMITTER)
    gitrepo.run_git(root, ["push", "--quiet", args.remote, f"HEAD:refs/heads/{branch}"])

    lines = []
    for path, what in _files(settings, folder):
        url = forges.file_url(kind, server, repo, branch, path, branch=True) if server else ""
        lines.append(t("start.pr_file", {"path": path, "url": url or path, "what": what}))
    label = period.label()
    body = t("start.pr_body", {"label": label, "path": rel, "branch": branch,
                               "files": "\n".join(lines)})
    opened = client.create_pull(branch, base, t("start.pr_title", {"label": label}), body)
    print(t("start.done", {"id": ident, "branch": branch, "url": opened.url}))
    write_summary(t("start.summary_ok", {"id": ident, "branch": branch, "url": opened.url}))
    return 0
