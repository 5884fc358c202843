"""Final PDFs derived afresh from the approved content: the one source publication trusts.

A final report is stamped with its approved commit and that commit's time, so rendering it
again from the checked-out main line gives the very bytes published before. Whatever came from
elsewhere — the previous release (a cache, often fetched over plain http), the build job's
artifact — is compared byte for byte with this derivation before it is published, sealed or
listed; a signed or sealed file must be exactly the derived render plus trusted signatures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from evkin.settings import Settings
from evkin.site.collect import Report

SAME, SIGNED_OVER, MISMATCH = "sama", "bertanda_tangan", "berbeda"


@dataclass
class Derived:
    """Per final report: its fresh render (and charts), or why it could not be made."""

    reports: dict[str, Report] = field(default_factory=dict)
    renders: dict[str, Path] = field(default_factory=dict)
    charts: dict[str, list[Path]] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)

    def sha256(self, report_id: str) -> str:
        path = self.renders.get(report_id)
        return hashlib.sha256(path.read_bytes()).hexdigest() if path else ""


def derive(settings: Settings, scratch: Path,
           progress: Callable[[int, int], None] | None = None) -> Derived:
    """Render every final report (trails verified now, no cache, no seed) into ``scratch``."""
    from evkin.evaluation.load import evaluation_folders
    from evkin.site.build import reproducible
    from evkin.site.collect import collect
    from evkin.site.gitstate import snapshot
    from evkin.site.pdfs import Running, plan
    from evkin.site.verify import verify_all

    root = settings.root
    ids = [p.name for p in evaluation_folders(settings)]
    verifications = verify_all(root, ids, snapshot(root), None)
    finals = [r for r in collect(settings, False, verifications).reports if r.final]
    scratch.mkdir(parents=True, exist_ok=True)
    planned = plan(settings, finals, scratch)
    with reproducible(root), Running(settings, planned, progress=progress) as running:
        running.wait()
    out = Derived(reports={r.id: r for r in finals})
    for report_id, art in planned.artefacts(finals).items():
        if art.pdf is not None:
            out.renders[report_id] = art.pdf
            out.charts[report_id] = list(art.charts)
        else:
            out.problems[report_id] = art.problem
    return out


def judge(candidate: bytes, render: bytes, roots: tuple[Path, ...]) -> str:
    """``SAME`` when ``candidate`` is the derived render; ``SIGNED_OVER`` when it is that render
    with nothing but signatures, validation data and timestamps added (the Kepala Dinas' own
    signature, the agency's seal), every one valid to a configured root (``tte.akar``); else
    ``MISMATCH``. Without roots no signature can be trusted: mismatch."""
    if candidate == render:
        return SAME
    if not roots or len(candidate) <= len(render) or not candidate.startswith(render):
        return MISMATCH
    from evkin.findings import EvkinError
    from evkin.sealing import load_roots
    from evkin.signatures import (
        carries_signature,
        only_a_signature_added,
        render_before_signatures,
        verify_signatures,
    )

    try:
        if not carries_signature(candidate) or render_before_signatures(candidate) != render:
            return MISMATCH
        if not only_a_signature_added(candidate, render):
            return MISMATCH
        checks = verify_signatures(candidate, load_roots(list(roots)))
    except EvkinError:
        return MISMATCH
    return SIGNED_OVER if checks and all(c.ok for c in checks) else MISMATCH
