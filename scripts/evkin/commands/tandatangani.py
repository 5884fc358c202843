"""``evkin tandatangani ID``: the Kepala Dinas signs the approved final PDF himself.

Run on his own computer. The final PDF is rendered afresh from the approved commit; without
``--berkas`` he types his passphrase (or BeSign TOTP) at a prompt that does not echo, and the
agency's BSrE eSign Client signs (``sign/pdf``); with ``--berkas`` a PDF he signed in another
BSrE-connected application is checked. Either way ``personal.accept`` decides, and an accepted
file is written to ``tandatangan/ID.pdf`` (``--periksa`` only checks the one there).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from evkin import environment
from evkin.commands import settings_from
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.settings import Settings, TteSettings

if TYPE_CHECKING:  # the type only: --help must not load pyHanko's side of the package
    from evkin.archive.personal import Approved


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("tandatangani", help=t("ttd.help"), description=t("ttd.description"))
    p.add_argument("id", metavar="ID")
    p.add_argument("--berkas", metavar="BERKAS", help=t("ttd.opt_file"))
    p.add_argument("--periksa", action="store_true", help=t("ttd.opt_check"))
    p.add_argument("--totp", action="store_true", help=t("ttd.opt_totp"))
    p.add_argument("--nik", help=t("ttd.opt_nik"))
    p.add_argument("--email", help=t("ttd.opt_email"))
    p.set_defaults(run=run)


def read_secret(prompt: str) -> str:
    """Typed by the signer: not echoed on a terminal, never logged or stored."""
    import getpass

    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    print(prompt, end="", file=sys.stderr, flush=True)
    return (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")


def _sign_here(args: argparse.Namespace, settings: Settings, approved: Approved,
               tte: TteSettings) -> bytes:
    import datetime as dt
    import hashlib

    from evkin.archive import esign
    from evkin.archive.sealing import Appearance, appearance_png, locate, statement, version_url
    from evkin.report.assembly import assemble_ids
    from evkin.site import paths

    client = esign.Client.from_env()
    given = environment.bsre()
    nik = (args.nik or given.nik).strip()
    email = (args.email or given.email).strip()
    if not nik and not email:
        raise EvkinError("ttd.no_identity")
    kepala = approved.kepala
    page, box = locate(approved.render, kepala.nama)
    [report] = assemble_ids(settings, [args.id], timeline=False).reports
    page_url = paths.url("index.md", paths.report_page(report.evaluation))
    look = Appearance(version_url(settings.site_url, page_url,
                                  hashlib.sha256(approved.render).hexdigest()),
                      kepala.nama, kepala.jabatan or "Kepala Dinas", dt.datetime.now(dt.UTC),
                      "BSrE", page, box, personal=True, verify_url=tte.verify_url)
    png = appearance_png(look, statement(look, "bsre"))
    secret = read_secret(t("ttd.prompt_totp" if args.totp else "ttd.prompt_passphrase"))
    if not secret:
        raise EvkinError("ttd.empty_secret")
    signer = esign.PersonalSigner(client, {"nik": nik} if nik else {"email": email},
                                  {"totp" if args.totp else "passphrase": secret})
    del secret
    return signer.sign(approved.render, png, page, box, tte)


def run(args: argparse.Namespace) -> int:
    from evkin.archive.personal import accept, approved_render, signed_path
    from evkin.archive.sealing import load_roots
    from evkin.commands._ids import evaluation_id
    from evkin.files import write_atomic

    settings = settings_from(args)
    ident = evaluation_id(settings, args.id)
    args.id = ident
    tte = settings.tte
    roots = load_roots(tte.roots)
    if not roots:  # said before he types anything: nothing could be accepted
        raise EvkinError("ttd.no_roots")
    target = signed_path(settings.root, ident)
    if args.periksa:
        if not target.is_file():
            raise EvkinError("ttd.missing", {"path": str(target)})
        source: Path | None = target
    else:
        source = Path(args.berkas) if args.berkas else None
    with tempfile.TemporaryDirectory(prefix="evkin-ttd-") as scratch:
        approved = approved_render(settings, ident, Path(scratch))
        if source is not None:
            try:
                signed = source.read_bytes()
            except OSError:
                raise EvkinError("verify.file_missing", {"path": str(source)}) from None
        else:
            signed = _sign_here(args, settings, approved, tte)
    try:
        got = accept(signed, approved.render, approved.kepala, roots)
    except EvkinError as error:
        print(t("ttd.refused", {"detail": error.message()}), file=sys.stderr)
        return 1
    if tte.tsa and not got.long_term and not args.periksa:
        from evkin.archive.pades import extend

        try:
            got = accept(extend(got.pdf, roots, tte.tsa), approved.render, approved.kepala,
                         roots)
        except EvkinError as error:
            print(f"{t('common.warning')}: {error.message()}", file=sys.stderr)
    from evkin.indonesian_dates import format_moment

    print(t("ttd.accepted", {
        "signer": got.signer, "id": ident, "render": got.render_sha256[:16],
        "when": format_moment(got.signed_at) if got.signed_at else "–",
        "long_term": t("verify.sig_long_term") if got.long_term else ""}))
    if not args.periksa:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, got.pdf)
        print(t("ttd.saved", {"path": str(target)}))
    return 0
