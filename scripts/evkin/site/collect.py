"""Gather what the archive shows: every evaluation as ``assembly.assemble`` assembles it.

The one decision made here is the one that matters most: an evaluation is *final* only when
``trail.verify_trail`` says so. Drafts are kept only for a preview build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from evkin.approval.trail import Verification
from evkin.evaluation.load import evaluation_folders
from evkin.memo import Memo
from evkin.report.assembly import NOT_VERIFIED, Assembled, assemble
from evkin.settings import Settings

Report = Assembled  # one evaluation as the archive sees it: as every other output does


@dataclass(frozen=True)
class Collection:
    reports: tuple[Report, ...]  # period order, oldest first
    withheld: tuple[Report, ...] = ()  # drafts left out of a final build
    preview: bool = False
    extra: dict[str, object] = field(default_factory=dict)
    holidays: Mapping[dt.date, str] = field(default_factory=dict)  # of the timelines' years

    def by_id(self) -> dict[str, Report]:
        return {r.id: r for r in self.reports}


def collect(settings: Settings, preview: bool,
            verifications: Mapping[str, Verification], memo: Memo | None = None) -> Collection:
    """Assemble every evaluation; keep drafts (trail not verified) only in ``preview``.
    ``verifications`` holds ``trail.verify_trail``'s answer per evaluation id; ``memo``: a
    publication's sealed memory of checked folders."""

    ids = [p.name for p in evaluation_folders(settings)]
    assembly = assemble(settings, verifications={i: verifications.get(i, NOT_VERIFIED)
                                                 for i in ids}, memo=memo)
    reports = [r for r in assembly.reports if r.final or preview]
    withheld = [r for r in assembly.reports if not (r.final or preview)]
    return Collection(tuple(reports), tuple(withheld), preview, holidays=assembly.holidays)


def relative(settings: Settings, path: Path) -> str:
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
