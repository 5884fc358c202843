"""``evkin new ID``: scaffold an evaluation folder (never overwrites)."""

from __future__ import annotations

import argparse

from evkin.commands import settings_from
from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help=t("new.help"), description=t("new.description"))
    p.add_argument("id", metavar="ID", help=t("new.opt_id"))
    p.add_argument("--excel", action="store_true", help=t("new.opt_excel"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from evkin.approval.verdicts import is_final
    from evkin.evaluation.scaffold import scaffold

    settings = settings_from(args)
    folder, previous = scaffold(settings, args.id, is_final(settings.root), excel=args.excel)
    rel = folder.relative_to(settings.root).as_posix()
    print(t("new.created", {"path": rel}))
    if previous:
        print(t("new.from_previous", {"previous": previous}))
    from evkin.evaluation import rencana_aksi
    from evkin.evaluation.model import Period

    period = Period.from_id(args.id)
    if period is not None and period.kind == "triwulan" \
            and rencana_aksi.path_for(settings.root, period.year).is_file():
        plan_path = f"{rencana_aksi.FOLDER}/{period.year}.csv"
        print(t("new.from_plan", {"path": plan_path}))
        assert period.number is not None
        left_out = rencana_aksi.unplanned(rencana_aksi.read_plan(settings.root, period.year),
                                          period.number)
        if left_out:
            print(t("new.plan_left_out", {"ids": ", ".join(left_out), "path": plan_path,
                                          "quarter": period.number}))
    print(t("new.next", {"path": rel, "id": args.id}))
    return 0
