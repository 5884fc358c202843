"""The Kepala Dinas' own electronic signature, accepted — never made — by evkin.

He signs the exact approved PDF himself (in the BSrE-connected application his agency uses, or
with ``evkin tandatangani`` on his own computer) and the signed file comes back as
``tandatangan/<id>.pdf``. That file is a claim, not a root: it becomes the published official
version only when

1. its first signature was added to a revision that is, byte for byte, the approved render
   (re-derived here from the approved commit: PDF bytes are reproducible), and nothing but
   signatures, validation data and timestamps was added after it;
2. every signature validates to the configured trust roots (``tte.akar``);
3. the first signature's certificate names the Kepala Dinas of the approved commit's settings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evkin.archive.pades import (
    carries_signature,
    only_a_signature_added,
    render_before_signatures,
    verify_signatures,
)
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.report.assembly import assemble_ids
from evkin.report.outputs import build_pdfs
from evkin.settings import Person, Settings
from evkin.site.build import reproducible

SIGNED_DIR = "tandatangan"  # tandatangan/<id>.pdf


def signed_path(root: Path, evaluation_id: str) -> Path:
    return root / SIGNED_DIR / f"{evaluation_id}.pdf"


@dataclass(frozen=True)
class Accepted:
    pdf: bytes
    sha256: str
    render_sha256: str
    signer: str  # the certificate's subject
    issuer: str
    signed_at: dt.datetime | None
    long_term: bool


def _core(name: str) -> str:
    """A person's name without titles and degrees, case-folded: "Ir. Hendra Saputra, M.T."
    and a certificate's "HENDRA SAPUTRA" give the same."""
    head = name.split(",")[0]
    words = [w for w in head.split() if not w.endswith(".")]
    return " ".join(re.sub(r"[^\w]", "", w).casefold() for w in words if w.strip("."))


def names_person(common_name: str, serial: str, person: Person) -> bool:
    """Does a certificate (its CN, its subject serialNumber) name ``person``?"""
    if person.nip and serial and re.sub(r"\D", "", serial).endswith(person.nip):
        return True
    return bool(_core(common_name)) and _core(common_name) == _core(person.nama)


def accept(signed: bytes, render: bytes, kepala: Person, roots: Sequence[Any],
           at: dt.datetime | None = None) -> Accepted:
    """``signed`` as the Kepala Dinas' signature over ``render``, or a clear refusal."""

    if not carries_signature(signed):
        raise EvkinError("ttd.no_signature")
    before = render_before_signatures(signed)
    if before != render:
        raise EvkinError("ttd.not_the_render", {
            "sha256": hashlib.sha256(before or b"").hexdigest()[:16],
            "expected": hashlib.sha256(render).hexdigest()[:16]})
    if not only_a_signature_added(signed, render):
        raise EvkinError("ttd.changed_after")
    if not roots:
        raise EvkinError("ttd.no_roots")
    checks = verify_signatures(signed, roots, at)
    if not checks:
        raise EvkinError("ttd.no_signature")
    bad = next((c for c in checks if not c.ok), None)
    if bad is not None:
        raise EvkinError("ttd.invalid", {"signer": bad.signer, "detail": bad.problem})
    first = min(checks, key=lambda c: c.revision)
    if not names_person(first.common_name, first.serial, kepala):
        raise EvkinError("ttd.other_person", {"signer": first.signer, "expected": kepala.nama})
    return Accepted(signed, hashlib.sha256(signed).hexdigest(),
                    hashlib.sha256(render).hexdigest(), first.signer, first.issuer,
                    first.signed_at, all(c.long_term for c in checks))


@dataclass(frozen=True)
class Approved:
    render: bytes
    kepala: Person  # as in the approved commit's settings
    settings: Settings  # the approved commit's


def approved_render(settings: Settings, evaluation_id: str, scratch: Path) -> Approved:
    """The approved report's final PDF, rendered afresh from the approved commit, and the
    Kepala Dinas named there. ``ttd.not_approved`` for a report whose trail does not verify."""

    [report] = assemble_ids(settings, [evaluation_id], timeline=False).reports
    if not report.final:
        v = report.verification
        raise EvkinError("ttd.not_approved", {"id": evaluation_id,
                                              "reason": t(v.reason, v.params) if v.reason
                                              else "–"})
    with reproducible(settings.root):
        path = build_pdfs(settings, [evaluation_id], scratch)[evaluation_id]
    own = report.settings or settings
    return Approved(path.read_bytes(), own.roles.kepala_dinas, own)
