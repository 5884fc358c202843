"""``evkin cap-waktu FOLDER``: renew the document timestamps of the signed and sealed PDFs of
a built archive (the scheduled workflow runs this; ``renewal.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evkin.commands import settings_from
from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("cap-waktu", help=t("renew.help"), description=t("renew.help"))
    p.add_argument("dest", metavar="FOLDER", help=t("renew.opt_dest"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from evkin.archive.renewal import renew_archive

    settings = settings_from(args)
    renewed, skipped, problems = renew_archive(settings, Path(args.dest))
    if renewed:
        # The manifest changed: the old signature no longer matches. The step holding the
        # record key checks the archive and signs it again (evkin publish --sign-manifest).
        from evkin.record.manifest_sig import SIG_FILE

        (Path(args.dest).resolve() / SIG_FILE).unlink(missing_ok=True)
    print(t("renew.done", {"count": renewed, "skipped": skipped}))
    for problem in problems:
        print(f"{t('common.warning')}: {problem}", file=sys.stderr)
    return 1 if problems else 0
