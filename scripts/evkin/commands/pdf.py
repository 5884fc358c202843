"""``evkin pdf [ID...] [-o DIR]``: the official PDF of each evaluation (draft or signed)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from evkin.commands import settings_from
from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("pdf", help=t("pdf.help"), description=t("pdf.help"))
    p.add_argument("ids", nargs="*", metavar="ID", help=t("pdf.opt_ids"))
    p.add_argument("-o", "--output", metavar="DIR", help=t("pdf.opt_out"))
    p.add_argument("--dokumen", action="store_true", help=t("pdf.opt_documents"))
    p.add_argument("--kertas", choices=("A4", "F4", "a4", "f4"), help=t("pdf.opt_paper"))
    p.add_argument("--jobs", type=int, default=None, help=t("pdf.opt_jobs"))
    # Every PDF is written (atomically) and closed when ``run`` returns: the process may end
    # without tearing itself down (``cli._end_now``).
    p.set_defaults(run=run, quick_exit=True)


def _output_folder(raw: str) -> Path:
    """``-o`` names a folder: refuse an existing file, and a new name that looks like a PDF."""
    from evkin.findings import EvkinError

    out = Path(raw)
    if out.exists() and not out.is_dir():
        raise EvkinError("pdf.output_is_file", {"path": raw})
    if not out.exists() and out.suffix.lower() == ".pdf":
        raise EvkinError("pdf.output_looks_like_file", {"path": raw, "folder": out.parent})
    return out


def run(args: argparse.Namespace) -> int:
    from evkin.commands._ids import evaluation_id
    from evkin.evaluation.load import evaluation_folders
    from evkin.render.pdf import Built
    from evkin.report.outputs import build_batch

    settings = settings_from(args)
    ids = ([evaluation_id(settings, raw) for raw in args.ids] if args.ids
           else [p.name for p in evaluation_folders(settings)])
    if not ids:
        print(t("pdf.none", {"base": str(settings.evaluations_dir)}), file=sys.stderr)
        return 1
    out_dir = _output_folder(args.output) if args.output else settings.root / "build" / "pdf"

    def shown(built: Built) -> None:
        if built.kind == "dokumen":
            print(t("pdf.built_document", {"path": str(built.path)}))
        elif built.signed:
            print(t("pdf.built_final", {"path": str(built.path)}))
        else:
            print(t("pdf.built_draft", {"path": str(built.path), "reason": built.reason}))

    jobs = args.jobs if args.jobs and args.jobs > 0 else (os.cpu_count() or 1)
    batch = build_batch(settings, ids, out_dir, documents=args.dokumen, progress=shown,
                        jobs=jobs, paper=args.kertas)
    for warning in dict.fromkeys(batch.warnings):
        print(f"{t('common.warning')}: {warning}", file=sys.stderr)
    for evaluation, findings in batch.refused.items():
        print(t("render.has_findings", {"id": evaluation}), file=sys.stderr)
        for finding in findings:
            print(f"  {finding.render()}", file=sys.stderr)
    if batch.refused:
        print(t("pdf.refused", {"count": len(batch.refused)}), file=sys.stderr)
        return 1
    return 0
