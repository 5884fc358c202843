"""Where an evaluation stands in the SOP, who acts next, and each step's time against the SOP's
standard. Pure: the facts (document dates, draft times, approval records, verification) are
gathered by ``evkin status`` and passed in.

How a step's end is known:

- steps with a document (1–4): the document's ``tanggal``;
- the report step (5, "draf diserahkan"): the latest draft commit not later than the valid
  paraf (or the latest draft while no paraf counts), else the report's ``tanggal``;
- the paraf and signature steps (6, 7): the time of the valid record;
- the publication step (8): the report's first publication in the published archive's
  manifest (``evkin status``), else, for the archive's own pages (which are the publication),
  the trail's ``dicatat`` under the record signature, else the time the verified trail landed
  on the branch. A merged trail alone does not make step 8 done: nothing may have been
  published. Unsigned trail fields (a typed ``diarsipkan``) are never read.

A step starts when the step before it ends (a return restarts the step it returns to).
Standards in *hari* are working days (``timing``); minutes and hours are shown as given,
since documents carry dates, not times.

This is the one SOP timeline: ``evkin status`` and the archive's "Linimasa SOP" both show
``progress`` of the facts ``facts_of`` gathers, so they give the same dates and durations.
The archive passes no ``today``: a step still open shows no running count (a built page must
not change by the day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from evkin import timing
from evkin.approval.order import trail_state
from evkin.approval.records import Approval
from evkin.evaluation.model import TEMPLATE_MARK
from evkin.indonesian_dates import day_of
from evkin.sop import Duration, Sop

if TYPE_CHECKING:
    from evkin.approval.records import Trail
    from evkin.approval.trail import Verification
    from evkin.evaluation.model import Evaluation
    from evkin.gitrepo import Changed

Moment = dt.date | dt.datetime


@dataclass(frozen=True)
class TimelineFacts:
    evaluation_id: str
    document_dates: Mapping[int, dt.date | None]  # step number → date (None: missing/undated)
    report_ready: bool  # laporan.md written (no placeholders left) and committed
    draft_times: tuple[dt.datetime, ...]  # commits that changed the folder, newest first
    report_date: dt.date | None  # evaluasi.yml tanggal
    approvals: tuple[Approval, ...]
    current_tree: str
    verified: bool
    verify_reason: str | None = None  # why the trail does not verify, in words
    recorded_at: dt.datetime | None = None  # when it was published (see the module's note)


@dataclass(frozen=True)
class StepProgress:
    number: int
    actor: str
    standard: Duration
    state: str  # done | current | waiting
    start: Moment | None = None
    end: Moment | None = None
    working_days: int | None = None  # elapsed, for steps measured in working days
    deadline: dt.date | None = None
    overdue: bool = False
    out_of_order: bool = False  # its date is before the previous step's end: not counted


@dataclass(frozen=True)
class Progress:
    evaluation_id: str
    step: int  # the SOP step now open; one past the last step when all are done
    next_actor: str | None  # role key, None when done
    steps: tuple[StepProgress, ...]
    note: str | None = None  # catalogue key: returned, stale approval, unverified trail
    note_params: Mapping[str, object] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.next_actor is None

    @property
    def overdue(self) -> tuple[int, ...]:
        return tuple(s.number for s in self.steps if s.overdue)


def _day(moment: Moment) -> dt.date:
    """The day of a moment on the agency's clock."""

    return day_of(moment)


def _not_after(moment: Moment, limit: Moment) -> bool:
    if isinstance(moment, dt.datetime) and isinstance(limit, dt.datetime):
        return moment <= limit
    return _day(moment) <= _day(limit)


def hand_in(facts: TimelineFacts, paraf: Approval | None) -> Moment | None:
    """When the draft the Sekretaris is (or was) checking was handed in."""
    limit: Moment | None = paraf.at if paraf else None
    for moment in facts.draft_times:  # newest first, in the branch's order
        if limit is None or moment <= limit:
            return moment
    if facts.report_date and (limit is None or _not_after(facts.report_date, limit)):
        return facts.report_date
    return None


def archived_at(trail: Trail | None) -> dt.datetime | None:
    """When the publishing workflow recorded the trail, under the record signature
    (``dicatat``); ``None`` without one. Unsigned keys (such as an old ``diarsipkan``) are never
    read: anyone could have typed them."""
    return trail.recorded_moment if trail and trail.record_signature else None


def facts_of(evaluation: Evaluation, sop: Sop, trail: Trail | None,
             verification: Verification | None, changed: Changed | None,
             verify_reason: str | None = None, published: dt.datetime | None = None,
             landed_is_published: bool = True) -> TimelineFacts:
    """The facts of one evaluation, from what was loaded, verified and asked of Git.
    ``published``: its first publication in the published archive, when known;
    ``landed_is_published``: the archive's own pages count the trail's landing as step 8."""

    dates: dict[int, dt.date | None] = {}
    for step, spec in sop.documents:
        document = evaluation.documents.get(spec.key)
        value = document.meta.get("tanggal") if document else None
        dates[step.number] = value if isinstance(value, dt.date) else None
    report = evaluation.report_text
    recorded = published
    if recorded is None and landed_is_published:
        recorded = archived_at(trail) or (changed.trail_changed if changed else None)
    return TimelineFacts(
        evaluation_id=evaluation.id, document_dates=dates,
        report_ready=bool(report.strip()) and TEMPLATE_MARK not in report,
        draft_times=changed.draft_times if changed else (), report_date=evaluation.tanggal,
        approvals=trail.approvals if trail else (),
        current_tree=verification.current_tree if verification else "",
        verified=bool(verification and verification.ok),
        verify_reason=verify_reason, recorded_at=recorded,
    )


def holiday_years(facts: Iterable[TimelineFacts], today: dt.date | None) -> range:
    """Every year from the earliest to the latest date the facts (and ``today``) name."""
    years = {today.year} if today else set()
    for f in facts:
        for value in (*f.document_dates.values(), *f.draft_times, f.report_date,
                      *(a.at for a in f.approvals)):
            if value is not None and 1900 <= value.year <= 2200:
                years.add(value.year)
    return range(min(years), max(years) + 1) if years else range(0)


def progress(facts: TimelineFacts, sop: Sop, today: dt.date | None, holidays: Container[dt.date]
             ) -> Progress:
    """The SOP state of one evaluation on ``today`` (``None``: an open step is not counted)."""
    state = trail_state(facts.approvals, facts.current_tree, sop)
    paraf_step, sign_step = sop.approval_step("paraf"), sop.approval_step("tanda_tangan")
    returned = state.returned
    returned_to = None
    if returned is not None:
        returned_to = (paraf_step if returned.role == paraf_step.actor else sign_step
                       ).return_to_step

    ends: dict[int, Moment | None] = {}
    starts: dict[int, Moment | None] = {}
    for step in sop.steps:
        if step.document:
            ends[step.number] = facts.document_dates.get(step.number)
        elif step.report:
            ready = (facts.report_ready and bool(facts.draft_times)) or state.paraf is not None
            ends[step.number] = hand_in(facts, state.paraf) if ready else None
        elif step.approval == "paraf":
            ends[step.number] = state.paraf.at if state.paraf else None
        elif step.approval == "tanda_tangan":
            ends[step.number] = state.signature.at if state.signature else None
        elif step.publish:
            published: Moment | None = None
            if facts.verified and state.signature is not None and facts.recorded_at:
                published = max(facts.recorded_at, state.signature.at)
            ends[step.number] = published
        else:
            ends[step.number] = None
        if returned_to == step.number and returned is not None:
            ends[step.number] = None  # handed back: this step is open again
            starts[step.number] = returned.at

    current = next((s.number for s in sop.steps if ends[s.number] is None),
                   sop.steps[-1].number + 1)
    out = []
    previous_end: Moment | None = None
    for step in sop.steps:
        end: Moment | None = ends[step.number]
        start: Moment | None = starts.get(step.number, previous_end)
        status = "done" if end is not None else ("current" if step.number == current
                                                   else "waiting")
        elapsed = deadline = None
        overdue = False
        finish = _day(end) if end is not None else today
        disordered = end is not None and start is not None and _day(end) < _day(start)
        if disordered:
            start = None  # never "ended before it started": flagged instead, not counted
        if step.waktu.is_days and start is not None and status != "waiting" and finish:
            elapsed = timing.working_days_between(_day(start), finish, holidays)
            deadline = timing.add_working_days(_day(start), step.waktu.amount, holidays)
            overdue = elapsed > step.waktu.amount
        out.append(StepProgress(step.number, step.actor, step.waktu, status,
                                start if status != "waiting" else None, end, elapsed,
                                deadline, overdue, disordered))
        previous_end = end if end is not None else previous_end

    note: str | None = None
    params: dict[str, object] = {}
    if returned is not None and returned_to is not None:
        note = "status.returned"
        params = {"role": sop.role_label(returned.role),
                  "to": sop.role_label(sop.step(returned_to).actor),
                  "at": returned.at, "reason": returned.note or "–"}
    elif facts.approvals and not facts.current_tree:
        note = "status.no_tree"
    elif state.stale and state.paraf is None:
        note = "status.stale"
        params = {"role": sop.role_label(state.stale[0].role), "at": state.stale[0].at}
    elif state.signature is not None and not facts.verified:
        note = "status.unverified"
        params = {"reason": facts.verify_reason or "–"}
    elif state.signature is not None and facts.recorded_at is None:
        note = "status.not_published"
    next_actor = sop.step(current).actor if current <= sop.steps[-1].number else None
    return Progress(facts.evaluation_id, current, next_actor, tuple(out), note, params)
