"""``evkin diff ID [FROM] [TO]``: what changed between two drafts, word by word.

FROM and TO are a draft number from ``evkin history``, a commit or a tag. Without FROM: since
the last recorded review (paraf, signature or return) of the evaluation, else since the
previous draft. Without TO: the latest draft (HEAD).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from evkin import environment
from evkin.commands import settings_from
from evkin.commands._ids import evaluation_id
from evkin.findings import EvkinError
from evkin.messages import t

if TYPE_CHECKING:
    from evkin.gitrepo import Draft
    from evkin.settings import Settings

DRAFT_NUMBER = re.compile(r"^\d{1,3}$")  # git never accepts fewer than 4 hex digits as a hash


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("diff", help=t("diff.help"), description=t("diff.description"))
    p.add_argument("id", metavar="ID", help=t("history.opt_id"))
    p.add_argument("old", metavar="FROM", nargs="?", help=t("diff.opt_from"))
    p.add_argument("new", metavar="TO", nargs="?", help=t("diff.opt_to"))
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help=t("diff.opt_color"))
    p.set_defaults(run=run)


@dataclass(frozen=True)
class Side:
    tree: str  # tree hash of the folder ('' → the empty tree)
    label: str


def _describe(draft: Draft, number: int) -> str:
    from evkin.indonesian_dates import format_datetime

    return t("diff.draft", {"number": number, "short": draft.short,
                            "date": format_datetime(draft.at), "message": draft.message})


def _side(settings: Settings, ident: str, rev: str, found: list[Draft]) -> Side:
    from evkin import gitrepo

    if DRAFT_NUMBER.match(rev):
        number = int(rev)
        if not 1 <= number <= len(found):
            raise EvkinError("diff.no_such_draft", {"number": number, "count": len(found),
                                                    "id": ident})
        draft = found[len(found) - number]
        return Side(draft.tree, _describe(draft, number))
    sha = gitrepo.resolve_commit(settings.root, rev)
    tree = gitrepo.tree_at(settings.root, gitrepo.folder_path(ident), sha)
    for i, draft in enumerate(found):
        if draft.sha == sha:
            return Side(tree, _describe(draft, len(found) - i))
    return Side(tree, t("diff.commit", {"rev": rev, "short": sha[:7]}))


def _default_old(settings: Settings, ident: str, found: list[Draft]) -> Side:
    """Since the last review on record, else since the previous draft."""
    from evkin import gitrepo
    from evkin.approval.records import load_trail
    from evkin.commands.history import decision_label
    from evkin.indonesian_dates import format_datetime

    trail = load_trail(settings.root, ident)
    if trail and trail.approvals:
        last = trail.approvals[-1]
        what = t("diff.since_review", {
            "decision": decision_label(settings.sop.role_label(last.role), last.decision),
            "date": format_datetime(last.at)})
        if gitrepo.object_type(settings.root, last.commit) == "commit":
            tree = gitrepo.tree_at(settings.root, gitrepo.folder_path(ident), last.commit)
            if tree:
                return Side(tree, what)
        if gitrepo.object_type(settings.root, last.tree) == "tree":
            return Side(last.tree, what)
        print(t("diff.review_missing"), file=sys.stderr)
    if len(found) >= 2:
        return Side(found[1].tree, _describe(found[1], len(found) - 1))
    return Side("", t("diff.nothing_before"))


def use_colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not environment.no_color()


def run(args: argparse.Namespace) -> int:
    from evkin import gitrepo
    from evkin.evaluation import datadiff, diffview

    settings = settings_from(args)
    ident = evaluation_id(settings, args.id, must_exist=False)
    gitrepo.open_repo(settings.root)
    found = gitrepo.drafts(settings.root, ident)
    if not found:
        if not (settings.evaluations_dir / ident).is_dir():
            from evkin.evaluation.load import not_found

            raise not_found(settings, args.id)
        raise EvkinError("diff.no_drafts", {"id": ident})
    old = _side(settings, ident, args.old, found) if args.old else \
        _default_old(settings, ident, found)
    new = _side(settings, ident, args.new, found) if args.new else \
        Side(found[0].tree, _describe(found[0], len(found)))
    colour = use_colour(args.color)
    print(t("diff.title", {"id": ident}))
    print(t("diff.from", {"label": old.label}))
    print(t("diff.to", {"label": new.label}))
    if not colour:
        print(t("diff.legend"))
    old_tree = old.tree or gitrepo.EMPTY_TREE
    new_tree = new.tree or gitrepo.EMPTY_TREE
    changed = gitrepo.changes(settings.root, old_tree, new_tree) if old_tree != new_tree else []
    if not changed:
        print()
        print(t("diff.same"))
    data_name, data_changes = datadiff.between_trees(settings, ident, old_tree, new_tree)
    if data_name:
        print()
        head = f"== {t('diff.figures', {'name': data_name})} =="
        print(f"{diffview.BOLD}{head}{diffview.RESET}" if colour else head)
        for item in data_changes:
            print("  " + item.text())
        if not data_changes:
            print("  " + t("diff.figures_same"))
    for change in changed:
        print()
        status = t(f"diff.status.{change.status}", {"old": change.old_path})
        head = f"== {change.path} ({status}) =="
        print(f"{diffview.BOLD}{head}{diffview.RESET}" if colour else head)
        parsed = diffview.parse_word_diff(gitrepo.word_diff(settings.root, old_tree,
                                                            new_tree, change))
        if parsed.binary:
            print("  " + t("diff.binary"))
            continue
        for hunk in parsed.hunks:
            first = hunk.new_line or hunk.old_line
            last = first + max(hunk.new_count, 1) - 1
            label = t("diff.lines", {"first": first, "last": last}) \
                if last > first else t("diff.line", {"line": first})
            for line in diffview.render_hunk(hunk, colour, label):
                print(line)
    if not gitrepo.is_clean(settings.root, gitrepo.folder_path(ident)):
        print()
        print(t("diff.uncommitted"), file=sys.stderr)
    return 0
