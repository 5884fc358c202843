"""The electronic-signature part of ``evkin verify``: every PAdES signature in the file,
checked against the trust roots the agency configured (``tte.akar``) and any ``--akar``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from evkin.archive.pades import only_a_signature_added, render_before_signatures
from evkin.archive.sealing import SignatureCheck, load_roots, verify_signatures
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.settings import find_root, load_settings


def roots_for(args: argparse.Namespace) -> list[Path]:
    paths = [Path(p) for p in args.roots]
    try:
        root = find_root(Path(args.root) if getattr(args, "root", None) else None)
        paths += list(load_settings(root).tte.roots)
    except EvkinError:
        pass  # outside a repository: only --akar
    return paths


def moment(args: argparse.Namespace) -> dt.datetime | None:
    """``--pada``: validate as at that moment (a simulated clock: will it still verify then?)."""
    raw = getattr(args, "at", None)
    if not raw:
        return None
    try:
        value = dt.datetime.fromisoformat(str(raw))
    except ValueError:
        raise EvkinError("verify.bad_moment", {"value": str(raw)[:40]}) from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def check(args: argparse.Namespace, content: bytes) -> list[SignatureCheck]:
    return verify_signatures(content, load_roots(roots_for(args)), moment(args))


def signed_render(content: bytes, checks: list[SignatureCheck]) -> bytes | None:
    """The render a validly signed or sealed file was made from, when only signatures,
    validation data and timestamps were added to it (a copy sealed or signed outside the
    archive is then that report, signed)."""
    if not checks or not all(c.ok for c in checks):
        return None
    try:
        before = render_before_signatures(content)
    except EvkinError:
        return None
    if before is None or not only_a_signature_added(content, before):
        return None
    return before


def _when(check: SignatureCheck) -> str:
    from evkin.indonesian_dates import format_moment

    if check.signed_at is None:
        return "–"
    from evkin.clock import WIB

    return format_moment(check.signed_at.astimezone(WIB))


def report_lines(checks: list[SignatureCheck]) -> list[str]:
    if not checks:
        return [t("verify.sig_none")]
    out = []
    for n, c in enumerate(checks, 1):
        if c.ok:
            partial = "" if c.whole_file or n < len(checks) else t("verify.sig_partial")
            long_term = t("verify.sig_long_term") if c.long_term else ""
            out.append(t("verify.sig_ok", {"n": n, "signer": c.signer, "issuer": c.issuer,
                                           "when": _when(c), "partial": partial + long_term}))
        else:
            key = c.problem if c.problem in ("integrity", "trust", "cryptographic", "changed") \
                else "broken"
            out.append(t("verify.sig_bad", {"n": n, "why": t(f"verify.why_{key}"),
                                            "signer": c.signer}))
    return out
