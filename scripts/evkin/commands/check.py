"""``evkin check``: find what is missing, unreadable, unfinished or unsafe in evaluations."""

from __future__ import annotations

import argparse
import sys

from evkin.commands import settings_from
from evkin.evaluation import summary
from evkin.findings import EvkinError, Finding
from evkin.messages import t
from evkin.output import github_annotation, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help=t("check.help"), description=t("check.description"))
    p.add_argument("paths", nargs="*", metavar="PATH", help=t("check.opt_paths"))
    p.add_argument("--format", choices=("text", "json", "github"), default="text")
    p.add_argument("--jobs", type=int, default=None, help=t("check.opt_jobs"))
    p.set_defaults(run=run)


def _progress(done: int, total: int) -> None:
    print(f"\r{t('check.progress', {'done': done, 'total': total})}", end="", file=sys.stderr,
          flush=True)
    if done == total:
        print(file=sys.stderr)


def _settings_refused(args: argparse.Namespace, findings: list[Finding]) -> int:
    """An evkin.yml evkin cannot read (an unknown key, a wrong value), for a machine reader:
    its findings in the chosen format, and no evaluation checked against settings that are not
    the agency's (exit 2, as for any input evkin cannot work with)."""
    if args.format == "json":
        print_json({"evaluations": [], "settings": [f.as_json() for f in findings],
                    "errors": len(findings)})
    else:
        for finding in findings:
            print(github_annotation(finding))
    return 2


def run(args: argparse.Namespace) -> int:
    from evkin.evaluation.workspace import resolve_folders
    from evkin.report.assembly import assemble

    try:
        settings = settings_from(args)
    except EvkinError as error:
        if error.code != "settings.invalid" or not error.findings or args.format == "text":
            raise  # text: said like every command says it, each finding at its line
        return _settings_refused(args, error.findings)
    folders = resolve_folders(settings, args.paths)
    show_progress = sys.stderr.isatty() and len(folders) > 20
    # The same assembly summary, the PDF and the site show (settings as approved for a final
    # report; no timeline: check reports findings and indicator rows).
    checked = assemble(settings, folders, timeline=False, jobs=args.jobs,
                       progress=_progress if show_progress else None).reports
    from evkin.approval import trust

    general = trust.settings_findings(settings)
    trail_notes = {c.id: trust.trail_findings(settings.root, c.id) for c in checked}
    errors = sum(len(c.all_errors) for c in checked) + sum(
        1 for f in general if f.severity == "error")
    if args.format == "json":
        print_json({
            "evaluations": [{
                "id": c.evaluation.id,
                "path": c.evaluation.path.relative_to(settings.root).as_posix()
                if c.evaluation.path.is_relative_to(settings.root) else str(c.evaluation.path),
                "findings": [f.as_json() for f in (*c.findings, *trail_notes[c.id])],
                "indicators": [summary.json_row(r) for r in c.results],
            } for c in checked],
            "settings": [f.as_json() for f in general],
            "errors": errors,
        })
    elif args.format == "github":
        for finding in general:
            print(github_annotation(finding))
        for c in checked:
            for finding in (*c.findings, *trail_notes[c.id]):
                print(github_annotation(finding))
    else:
        for finding in general:
            print(finding.render())
        for c in checked:
            for finding in (*c.findings, *trail_notes[c.id]):
                print(finding.render())
        bad = sum(1 for c in checked if c.all_errors)
        key = ("check.clean" if not errors else "check.totals_settings"
               if any(f.severity == "error" for f in general) else "check.totals")
        print(t(key, {"evaluations": len(checked), "errors": errors, "bad": bad}),
              file=sys.stderr)
    return 1 if errors else 0
