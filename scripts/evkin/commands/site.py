"""``evkin site build`` and ``evkin site serve``: the archive site (MkDocs Material)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from evkin.commands import settings_from
from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("site", help=t("site.help"), description=t("site.description"))
    actions = p.add_subparsers(dest="site_action", metavar="AKSI")
    build = actions.add_parser("build", help=t("site.build_help"),
                               description=t("site.build_help"))
    serve = actions.add_parser("serve", help=t("site.serve_help"),
                               description=t("site.serve_help"))
    for q in (build, serve):
        q.add_argument("--preview", action="store_true", help=t("site.opt_preview"))
        q.add_argument("-o", "--output", metavar="FOLDER", help=t("site.opt_output"))
        q.add_argument("--verbose", action="store_true", help=t("site.opt_verbose"))
    serve.add_argument("--port", type=int, default=8000, help=t("site.opt_port"))
    serve.add_argument("--host", default="127.0.0.1", help=t("site.opt_host"))
    serve.add_argument("--no-build", action="store_true", help=t("site.opt_no_build"))
    p.set_defaults(run=run, site_parser=p)
    # Every file is written and closed when the build returns: no teardown of its heap (a
    # 1,000-report archive's pages and reports) one object at a time (``cli._end_now``).
    build.set_defaults(quick_exit=True)


def _progress(stage: str, done: int, total: int) -> None:
    if not sys.stderr.isatty():
        return
    if stage == "pdf":
        print(f"\r{t('site.progress_pdf', {'done': done, 'total': total})}", end="",
              file=sys.stderr, flush=True)
        if done == total:
            print(file=sys.stderr)
    elif stage == "mkdocs":
        print(t("site.progress_mkdocs"), file=sys.stderr, flush=True)


def output_dir(settings_root: Path, value: str | None) -> Path:
    return Path(value).resolve() if value else settings_root / "site"


def build(args: argparse.Namespace) -> int:
    from evkin.site.build import build_site
    from evkin.site.figures import reason

    settings = settings_from(args)
    out = output_dir(settings.root, args.output)
    built = build_site(settings, out, preview=args.preview, verbose=args.verbose,
                       progress=_progress)
    reports = built.collection.reports
    finals = sum(1 for r in reports if r.final)
    for warning in dict.fromkeys(built.warnings):
        print(f"{t('common.warning')}: {warning}", file=sys.stderr)
    for r in built.collection.withheld:
        print(t("site.withheld", {"id": r.id, "reason": reason(r.verification)}),
              file=sys.stderr)
    if not args.preview:
        write_local_manifest(settings, built, out)
    key = "site.built_preview" if args.preview else "site.built"
    print(t(key, {"path": str(out), "final": finals, "drafts": len(reports) - finals,
                  "withheld": len(built.collection.withheld),
                  "index": str(out / "index.html")}))
    return 0


def write_local_manifest(settings: Any, built: Any, out: Path) -> None:
    """The manifest of this local build, marked ``lokal``, so ``evkin verify`` can tell a PDF
    built here from another before anything is published (``evkin publish`` writes the
    published one)."""
    import dataclasses
    import datetime as dt

    from evkin.archive.publish import manifest
    from evkin.archive.release import Previous, head_commit
    from evkin.record import manifest as mf

    data = manifest(settings, built, Previous(None), dt.datetime.now(dt.UTC).replace(
        microsecond=0), head_commit(settings.root))
    mf.write(out, dataclasses.replace(data, lokal=True), keep_signature=True)


def serve(args: argparse.Namespace) -> int:
    from evkin.site.serve import serve_folder

    settings = settings_from(args)
    out = output_dir(settings.root, args.output)
    if not args.no_build:
        build(args)
    if not (out / "index.html").is_file():
        from evkin.findings import EvkinError

        raise EvkinError("site.not_built", {"path": str(out)})
    return serve_folder(out, args.host, args.port)


def run(args: argparse.Namespace) -> int:
    if args.site_action == "build":
        return build(args)
    if args.site_action == "serve":
        return serve(args)
    args.site_parser.print_help()
    return 2
