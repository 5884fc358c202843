"""The electronic-signature part of ``evkin verify``: every PAdES signature in the file,
checked against the trust roots the agency configured (``tte.akar``) and any ``--akar``."""

from __future__ import annotations

import argparse
from pathlib import Path

from evkin.findings import EvkinError
from evkin.messages import t
from evkin.sealing import SignatureCheck, load_roots, load_tte, verify_signatures


def roots_for(args: argparse.Namespace) -> list[Path]:
    paths = [Path(p) for p in args.roots]
    try:
        from evkin.settings import find_root

        root = find_root(Path(args.root) if getattr(args, "root", None) else None)
        paths += list(load_tte(root).roots)
    except EvkinError:
        pass  # outside a repository: only --akar
    return paths


def check(args: argparse.Namespace, content: bytes) -> list[SignatureCheck]:
    return verify_signatures(content, load_roots(roots_for(args)))


def _when(check: SignatureCheck) -> str:
    from evkin.indonesian_dates import format_moment

    if check.signed_at is None:
        return "–"
    from evkin.publish import WIB

    return format_moment(check.signed_at.astimezone(WIB))


def report_lines(checks: list[SignatureCheck]) -> list[str]:
    if not checks:
        return [t("verify.sig_none")]
    out = []
    for n, c in enumerate(checks, 1):
        if c.ok:
            partial = "" if c.whole_file or n < len(checks) else t("verify.sig_partial")
            out.append(t("verify.sig_ok", {"n": n, "signer": c.signer, "issuer": c.issuer,
                                           "when": _when(c), "partial": partial}))
        else:
            key = c.problem if c.problem in ("integrity", "trust", "cryptographic") \
                else "broken"
            out.append(t("verify.sig_bad", {"n": n, "why": t(f"verify.why_{key}"),
                                            "signer": c.signer}))
    return out
