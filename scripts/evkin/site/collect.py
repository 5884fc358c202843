"""Gather what the archive shows: every evaluation, its capaian, and whether its trail verifies.

The one decision made here is the one that matters most: an evaluation is *final* only when
``trail.verify_trail`` says so. Drafts are kept only for a preview build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evkin import recommendations
from evkin.capaian import GroupAverage, Result, averages, evaluate
from evkin.evaluation.model import Evaluation
from evkin.findings import Finding
from evkin.progress import Progress
from evkin.recommendations import Record, Row
from evkin.settings import Settings
from evkin.trail import Verification


@dataclass(frozen=True)
class Report:
    """One evaluation as the archive sees it."""

    evaluation: Evaluation
    results: tuple[Result, ...]
    averages: tuple[GroupAverage, ...]
    verification: Verification
    findings: tuple[Finding, ...] = ()
    previous_id: str | None = None
    record: Record | None = None  # its recommendations and follow-ups
    follow_up: tuple[Row, ...] = ()  # its follow-up table
    timeline: Progress | None = None  # the SOP timeline, as ``evkin status`` shows it

    @property
    def id(self) -> str:
        return self.evaluation.id

    @property
    def final(self) -> bool:
        return self.verification.ok


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
            verifications: Mapping[str, Verification]) -> Collection:
    """Load and check every evaluation; keep drafts (trail not verified) only in ``preview``.
    ``verifications`` holds ``trail.verify_trail``'s answer per evaluation id."""
    from evkin import gitrepo
    from evkin.evaluation.load import evaluation_folders
    from evkin.messages import t
    from evkin.progress import facts_of, holiday_years, progress
    from evkin.timing import indonesian_holidays
    from evkin.workspace import check

    folders = evaluation_folders(settings)
    checked = check(settings, folders)
    ids = [c.evaluation.id for c in checked]
    none = Verification(False, None, "trail.none")
    found = {i: verifications.get(i, none) for i in ids}
    loaded = {c.evaluation.id: c for c in checked}
    records = {c.evaluation.id: recommendations.read_folder(c.evaluation.path, settings.root)[0]
               for c in checked}
    ledger = recommendations.build_ledger(records.values())
    # A final report quotes only recommendations of final reports: approved text only.
    approved = recommendations.build_ledger(r for i, r in records.items() if found[i].ok)
    changed = gitrepo.change_times(settings.root)
    facts = {}
    for item in checked:
        v = found[item.evaluation.id]
        facts[item.evaluation.id] = facts_of(
            item.evaluation, settings.sop, v.trail, v, changed.get(item.evaluation.id),
            t(v.reason, v.params) if v.reason else None)
    holidays = indonesian_holidays(holiday_years(facts.values(), None))
    reports: list[Report] = []
    withheld: list[Report] = []
    for item in checked:
        evaluation = item.evaluation
        prev = _previous(evaluation, ids)
        previous = loaded[prev].evaluation if prev in loaded else None
        results = evaluate(evaluation, settings.negative_formula, settings.cap, settings.scale,
                           previous)
        record = records[evaluation.id]
        report = Report(evaluation, tuple(results), tuple(averages(results, settings.scale)),
                        found[evaluation.id], tuple(item.findings), prev, record,
                        tuple(recommendations.follow_up_rows(
                            record, approved if found[evaluation.id].ok else ledger)),
                        progress(facts[evaluation.id], settings.sop, None, holidays))
        (reports if (report.final or preview) else withheld).append(report)
    return Collection(tuple(reports), tuple(withheld), preview, holidays=holidays)


def _previous(evaluation: Evaluation, ids: Sequence[str]) -> str | None:
    """The same predecessor ``workspace.results_for`` compares with (already loaded here)."""
    from evkin.workspace import previous_id

    return previous_id(evaluation, ids)


def relative(settings: Settings, path: Path) -> str:
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
