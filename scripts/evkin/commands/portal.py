"""``evkin portal``: the province portal over many agencies' published archives."""

from __future__ import annotations

import argparse
from pathlib import Path

from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("portal", help=t("portal.help"), description=t("portal.description"))
    p.add_argument("-c", "--config", metavar="BERKAS", default="portal.yml",
                   help=t("portal.opt_config"))
    p.add_argument("-o", "--output", metavar="FOLDER", default="portal",
                   help=t("portal.opt_output"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from evkin import clock
    from evkin.indonesian_dates import format_moment
    from evkin.portal import config
    from evkin.portal.build import build
    from evkin.portal.verify import OK

    portal = config.load(Path(args.config))

    def said(found: object) -> None:
        from evkin.portal.verify import Checked

        assert isinstance(found, Checked)
        key = "portal.agency_ok" if found.status == OK else "portal.agency_failed"
        print(t(key, {"name": found.agency.nama, "count": len(found.reports),
                      "status": found.status.replace("_", " ")}))
        for problem in found.problems[:10]:
            print("  - " + t(problem.code, dict(problem.params)))

    result = build(portal, Path(args.output), format_moment(clock.now()), said)
    failed = [c for c in result.checked if c.status != OK]
    print(t("portal.done", {"path": str(result.out), "reports": result.reports,
                            "agencies": len(result.checked) - len(failed),
                            "total": len(result.checked)}))
    return 1 if failed else 0
