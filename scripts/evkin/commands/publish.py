"""``evkin publish --dest DIR [--notify]``: SOP step 8 — final PDFs, archive site, e-mail."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evkin.commands import settings_from
from evkin.messages import t

if TYPE_CHECKING:
    from evkin.record.manifest import Report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("publish", help=t("publish.help"), description=t("publish.description"))
    p.add_argument("--dest", required=True, metavar="FOLDER", help=t("publish.opt_dest"))
    p.add_argument("--notify", action="store_true", help=t("publish.opt_notify"))
    p.add_argument("--notify-only", action="store_true", help=t("publish.opt_notify_only"))
    p.add_argument("--previous", metavar="FOLDER_OR_URL", help=t("publish.opt_previous"))
    seal = p.add_mutually_exclusive_group()
    seal.add_argument("--no-seal", action="store_true", help=t("publish.opt_no_seal"))
    seal.add_argument("--seal-only", action="store_true", help=t("publish.opt_seal_only"))
    seal.add_argument("--sign-manifest", action="store_true",
                      help=t("publish.opt_sign_manifest"))
    # Every file is written and closed (and every mail sent) when it returns (``cli._end_now``).
    p.set_defaults(run=run, quick_exit=True)


def _progress(stage: str, done: int, total: int) -> None:
    from evkin.commands.site import _progress as site_progress

    site_progress(stage, done, total)


def _now() -> str:
    import datetime as dt

    from evkin.clock import WIB

    return dt.datetime.now(WIB).replace(microsecond=0).isoformat()


def run(args: argparse.Namespace) -> int:
    from evkin.archive import notify
    from evkin.archive.publish import announce_built, items_for, publish
    from evkin.findings import EvkinError

    settings = settings_from(args)
    if args.seal_only:
        return _seal_only(settings, Path(args.dest))
    if args.sign_manifest:
        return _sign_manifest(settings, Path(args.dest))
    announce = None
    if args.notify or args.notify_only:
        # Check the mail settings before building anything.
        smtp = notify.smtp_from_env()
        people = notify.recipients(settings)
        if not settings.site_url:
            raise EvkinError("notify.no_site_url")

        def announce(entries: list[Report]) -> tuple[list[Report], EvkinError | None]:
            delivery, updated = notify.announce(settings, smtp, people, entries,
                                                items_for(settings, entries), _now())
            return updated, notify.failure(smtp, delivery) if delivery.failed else None

    if args.notify_only and announce is not None:
        outcome = announce_built(Path(args.dest), announce)
    else:
        outcome = publish(settings, Path(args.dest), args.previous, announce,
                          progress=_progress, sign=not args.no_seal)
    for warning in dict.fromkeys(outcome.warnings):
        print(f"{t('common.warning')}: {warning}", file=sys.stderr)
    from evkin.approval import trust

    sample = trust.settings_findings(settings)  # the sample record key: nothing was final
    for finding in sample:
        print(finding.render(), file=sys.stderr)
    reports = outcome.manifest.laporan
    key = "publish.done" if outcome.changed else "publish.unchanged"
    print(t(key, {"dest": str(outcome.dest), "release": outcome.release.name,
                  "count": len(reports)}))
    if outcome.announce_error is not None:
        print(outcome.announce_error.message(), file=sys.stderr)
        print(t("publish.notify_retry"), file=sys.stderr)
        return 1
    if sample:
        return 1
    if args.notify or args.notify_only:
        if outcome.announced:
            print(t("publish.announced", {"count": outcome.announced,
                                          "people": len(settings.roles.penerima)}))
        else:
            print(t("publish.nothing_to_announce"))
    return 0


def _sign_manifest(settings: Any, dest: Path) -> int:
    """The step holding the record key: derive every final PDF here, check the archive
    against it, and only then sign its manifest."""
    import tempfile

    from evkin import signing
    from evkin.archive.artifact_check import check_archive, refuse
    from evkin.findings import EvkinError
    from evkin.record import manifest, manifest_sig

    key = manifest_sig.private_key(settings)
    if key is None:
        raise EvkinError("manifest.no_key", {"env": signing.RECORD_KEY_ENV})
    with tempfile.TemporaryDirectory(prefix="evkin-turunan-") as scratch:
        checked = check_archive(settings, dest, Path(scratch), settings.tte.roots)
    if checked.problems:
        raise refuse(dest, checked.problems)
    manifest.sign_written(checked.release, key)
    from evkin.archive.publish import record

    record(settings, checked.release, key)  # committed to main once the site is deployed
    print(t("manifest.signed", {"path": str(checked.release / manifest.MANIFEST),
                                "count": len(checked.manifest.laporan)}))
    return 0


def _seal_only(settings: Any, dest: Path) -> int:
    """Sign what the build left unsealed; a failure leaves it for the next run (exit 0: the
    archive is still published, with the state and reason on the report page)."""
    from evkin.archive.seal_step import seal_published
    from evkin.findings import EvkinError

    try:
        done, problems = seal_published(settings, dest)
    except EvkinError as error:
        if error.code != "seal.off":
            raise
        print(error.message())  # TTE not used: nothing to sign
        # Still checked here, so the next job (the mail) announces only what was derived.
        import tempfile

        from evkin.archive.artifact_check import check_archive, refuse

        with tempfile.TemporaryDirectory(prefix="evkin-turunan-") as scratch:
            checked = check_archive(settings, dest, Path(scratch), ())
        if checked.problems:
            raise refuse(dest, checked.problems) from None
        return 0
    # The manifest changed: a signature made before would no longer match (the step that
    # holds the record key signs it afresh with --sign-manifest).
    from evkin.record.manifest_sig import SIG_FILE

    (dest.resolve() / SIG_FILE).unlink(missing_ok=True)
    for problem in problems:
        print(f"{t('common.warning')}: {problem}", file=sys.stderr)
    if problems:
        print(t("tte.retry"), file=sys.stderr)
    print(t("publish.sealed", {"count": done}))
    return 0
