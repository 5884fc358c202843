"""Final PDFs derived afresh from the approved content: the one source publication trusts.

A final report is stamped with its approved commit and that commit's time, so rendering it
again from the checked-out main line gives the very bytes published before. Whatever came from
elsewhere — the previous release (a cache, often fetched over plain http), the build job's
artifact — is compared byte for byte with this derivation before it is published, sealed or
listed; a sealed file must be exactly the derived render plus one trusted signature.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from evkin.settings import Settings
from evkin.site.collect import Report

SAME, SEALED_OVER, MISMATCH = "sama", "tersegel", "berbeda"


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
    """``SAME`` when ``candidate`` is the derived render; ``SEALED_OVER`` when it is that
    render plus one signature that covers the whole file and chains to a configured root
    (``tte.akar``); else ``MISMATCH``. Without roots a seal cannot be trusted: mismatch."""
    if candidate == render:
        return SAME
    if not roots or len(candidate) <= len(render) or not candidate.startswith(render):
        return MISMATCH
    from evkin.findings import EvkinError
    from evkin.sealing import load_roots, verify_signatures

    try:
        checks = verify_signatures(candidate, load_roots(list(roots)))
    except EvkinError:
        return MISMATCH
    if len(checks) == 1 and checks[0].ok and checks[0].whole_file:
        return SEALED_OVER
    return MISMATCH
