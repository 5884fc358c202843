"""``evkin demo``: the bundled sample end to end — check, capaian, PDFs, archive site, serve.

It drives the other subcommands through the CLI itself, so the demo shows exactly what users type.
"""

from __future__ import annotations

import argparse

from evkin import environment
from evkin.commands import settings_from
from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help=t("demo.help"), description=t("demo.description"))
    p.add_argument("--no-serve", action="store_true", help=t("demo.opt_no_serve"))
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(run=run)


def _step(title: str, argv: list[str], root: str) -> int:
    from evkin.cli import main

    print(f"\n== {title}: evkin {' '.join(argv)}", flush=True)
    return main(["--root", root, *argv])


def run(args: argparse.Namespace) -> int:

    from evkin.evaluation.load import evaluation_folders

    # The sample archive's trails are signed with the sample record key, whose private half
    # is in the repository: it vouches for them in the demo only (trust.sample_allowed).
    environment.allow_sample_key()
    settings = settings_from(args)
    root = str(settings.root)
    ids = [p.name for p in evaluation_folders(settings)]
    if _step(t("demo.step_check"), ["check"], root) == 2:
        return 2
    for evaluation_id in ids:
        _step(t("demo.step_summary"), ["summary", evaluation_id], root)
    pdf_dir = str(settings.root / "build" / "pdf")
    if _step(t("demo.step_pdf"), ["pdf", "-o", pdf_dir], root) == 2:
        return 2
    if _step(t("demo.step_site"), ["site", "build"], root) == 2:
        return 2
    if args.no_serve:
        return 0
    print(t("demo.serving", {"port": args.port}), flush=True)
    return _step(t("demo.step_serve"), ["site", "serve", "--no-build", "--port",
                                         str(args.port)], root)
