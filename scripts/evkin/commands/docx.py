"""``evkin docx ID [-o DIR]``: a Word copy of the report for reviewers who use Track Changes."""

from __future__ import annotations

import argparse
from pathlib import Path

from evkin.commands import settings_from
from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("docx", help=t("docx.help"), description=t("docx.help"))
    p.add_argument("id", metavar="ID", help=t("docx.opt_id"))
    p.add_argument("-o", "--output", metavar="DIR", help=t("docx.opt_out"))
    p.add_argument("--kertas", choices=("A4", "F4", "a4", "f4"), help=t("pdf.opt_paper"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from evkin.commands._ids import evaluation_id
    from evkin.report.outputs import build_docx
    settings = settings_from(args)
    out_dir = Path(args.output) if args.output else settings.root / "build" / "docx"
    path = build_docx(settings, evaluation_id(settings, args.id), out_dir, args.kertas)
    print(t("docx.built", {"path": str(path)}))
    return 0
