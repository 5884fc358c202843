"""``evkin history ID``: the drafts of an evaluation (commits that changed its folder), newest
first, with the decisions recorded on each version."""

from __future__ import annotations

import argparse

from evkin.commands import settings_from
from evkin.commands._ids import evaluation_id
from evkin.messages import t
from evkin.output import print_json, table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help=t("history.help"), description=t("history.description"))
    p.add_argument("id", metavar="ID", help=t("history.opt_id"))
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def decision_label(role_label: str, decision: str) -> str:
    return t(f"approvals.decision.{decision}", {"role": role_label})


def run(args: argparse.Namespace) -> int:
    from evkin import gitrepo
    from evkin.approval.records import load_trail
    from evkin.indonesian_dates import format_datetime

    settings = settings_from(args)
    ident = evaluation_id(settings, args.id, must_exist=False)
    found = gitrepo.drafts(settings.root, ident)
    if not found and not (settings.evaluations_dir / ident).is_dir():
        from evkin.evaluation.load import not_found

        raise not_found(settings, args.id)
    trail = load_trail(settings.root, ident)
    reviews: dict[str, list[str]] = {}
    for approval in trail.approvals if trail else ():
        label = decision_label(settings.sop.role_label(approval.role), approval.decision)
        reviews.setdefault(approval.tree, []).append(label)
    total = len(found)
    if args.format == "json":
        print_json({"id": ident, "drafts": [{
            "number": total - i, "commit": d.sha, "short": d.short,
            "date": d.at.isoformat(), "author": d.author, "email": d.email,
            "message": d.message, "tree": d.tree, "reviews": reviews.get(d.tree, []),
        } for i, d in enumerate(found)]})
        return 0
    if not found:
        print(t("history.none", {"id": ident}))
        return 0
    print(t("history.title", {"id": ident, "count": total}))
    print()
    rows = [[str(total - i), d.short, format_datetime(d.at), d.author, d.message,
             "; ".join(reviews.get(d.tree, [])) if d.tree else t("history.removed")]
            for i, d in enumerate(found)]
    print(table(rows, t("history.headers").split(";"), {0}))
    if not gitrepo.is_clean(settings.root, gitrepo.folder_path(ident)):
        print()
        print(t("history.uncommitted", {"path": gitrepo.folder_path(ident)}))
    print()
    # Name drafts that exist: the first and the latest.
    if total >= 2:
        print(t("history.hint", {"id": ident, "first": 1, "last": total}))
    else:
        print(t("history.hint_one", {"id": ident}))
    return 0
