"""``evkin approve ID --role sekretaris|kepala-dinas [--return REASON] [--key PATH]``: record a
paraf, a signature or a return without a forge, signed with the official's SSH key."""

from __future__ import annotations

import argparse
from pathlib import Path

from evkin.commands import settings_from
from evkin.commands._ids import evaluation_id
from evkin.messages import t

ROLE_ARGS = {"sekretaris": "sekretaris", "kepala-dinas": "kepala_dinas"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("approve", help=t("approve.help"), description=t("approve.description"))
    p.add_argument("id", metavar="ID", help=t("history.opt_id"))
    p.add_argument("--role", required=True, choices=tuple(ROLE_ARGS), help=t("approve.opt_role"))
    p.add_argument("--return", dest="reason", metavar=t("approve.reason_metavar"),
                   help=t("approve.opt_return"))
    p.add_argument("--key", metavar="PATH", help=t("approve.opt_key"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from evkin.approval.offline import approve, default_key
    from evkin.indonesian_dates import format_datetime
    from evkin.report.assembly import assemble_ids

    settings = settings_from(args)
    ident = evaluation_id(settings, args.id)
    role = ROLE_ARGS[args.role]
    key = Path(args.key).expanduser() if args.key else default_key(settings.root)
    recorded = approve(settings, ident, role, args.reason, key,
                       lambda committed, one: assemble_ids(committed, [one], trails=False,
                                                           timeline=False).reports[0])
    approval = recorded.approval
    label = settings.sop.role_label(role)
    print(t(f"approve.done.{approval.decision}", {
        "role": label, "name": approval.name, "id": ident,
        "date": format_datetime(approval.at), "reason": approval.note}))
    print(t("approve.where", {"path": f"persetujuan/{ident}.yml", "tag": recorded.tag,
                              "commit": recorded.commit[:7], "tree": approval.tree[:12]}))
    next_key = {"paraf": "approve.next.paraf", "tanda_tangan": "approve.next.tanda_tangan"}
    print(t(next_key.get(approval.decision, f"approve.next.kembali.{role}"), {"id": ident}))
    return 0
