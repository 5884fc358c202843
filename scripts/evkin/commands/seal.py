"""``evkin seal FILE.pdf``: the agency's electronic seal on an approved final PDF, for offices
without a forge (publication seals by itself). Never the Kepala Dinas' own signature: that is
``evkin tandatangani``, which he runs himself."""

from __future__ import annotations

import argparse
import hashlib
import os
from pathlib import Path

from evkin.commands import settings_from
from evkin.findings import EvkinError
from evkin.messages import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("seal", help=t("seal.help"), description=t("seal.description"))
    p.add_argument("file", metavar="FILE.pdf", help=t("seal.opt_file"))
    p.add_argument("-o", "--output", metavar="FILE.pdf", help=t("seal.opt_out"))
    p.add_argument("--url", required=True, help=t("seal.opt_url"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from evkin.archive.release import has_signature
    from evkin.archive.sealing import Appearance, backend_for, seal

    settings = settings_from(args)
    tte = settings.tte
    if not tte.enabled:
        raise EvkinError("seal.off")
    path = Path(args.file)
    try:
        render = path.read_bytes()
    except OSError:
        raise EvkinError("verify.file_missing", {"path": str(path)}) from None
    if has_signature(render):
        print(t("seal.already", {"path": str(path)}))
        return 1
    kepala = settings.roles.kepala_dinas
    look = Appearance(args.url, settings.agency.nama, "", dt.datetime.now(dt.UTC), "",
                      block=kepala.nama)
    sealed = seal(render, look, backend_for(tte), tte)
    out = Path(args.output) if args.output else path.with_name(path.stem + "-tte.pdf")
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(sealed.pdf)
    os.replace(tmp, out)
    print(t("seal.done", {"path": str(out),
                          "sha256": hashlib.sha256(sealed.pdf).hexdigest()}))
    return 0
