"""The SOP timeline of one evaluation: when each step happened, against its time standard. Pure.

Dates come from the evaluation itself: steps 1–4 from their documents' ``tanggal``, step 5 from
the report's ``tanggal``, steps 6 and 7 from the approval trail, step 8 from the publication.
Standards counted in days (5, 2, 1 *hari*) are working days and are judged: the working days
since the previous step's date against the standard. Standards of minutes or hours measure the
work itself, which the record cannot see (a meeting is scheduled days ahead), so those steps are
shown with their date and standard but not judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping
from dataclasses import dataclass

from evkin.approval import Trail
from evkin.evaluation.model import Evaluation
from evkin.sop import Sop, Step
from evkin.timing import working_days_between

ON_TIME = "tepat"
LATE = "lambat"
NOT_JUDGED = "tidak_dinilai"
START = "mulai"
PENDING = "belum"


@dataclass(frozen=True)
class StepTime:
    step: Step
    when: dt.date | dt.datetime | None
    source: str  # what the date was taken from, in words
    elapsed: int | None  # working days since the previous dated step
    status: str  # tepat | lambat | tidak_dinilai | mulai | belum


def _as_date(value: object) -> dt.date | dt.datetime | None:
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def step_dates(evaluation: Evaluation, trail: Trail | None, sop: Sop,
               published: dt.date | dt.datetime | None = None
               ) -> dict[int, tuple[dt.date | dt.datetime | None, str]]:
    """Step number → (date, where it came from)."""
    out: dict[int, tuple[dt.date | dt.datetime | None, str]] = {}
    for step in sop.steps:
        when: dt.date | dt.datetime | None = None
        source = ""
        if step.document is not None:
            doc = evaluation.documents.get(step.document.key)
            when = _as_date(doc.meta.get("tanggal")) if doc else None
            source = step.document.judul
        elif step.report:
            when, source = evaluation.tanggal, "Tanggal laporan"
        elif step.approval and trail is not None:
            record = trail.latest(step.approval)
            when = record.at if record else None
            source = "Paraf" if step.approval == "paraf" else "Tanda tangan"
        elif step.publish:
            when, source = published, "Penerbitan arsip"
        out[step.number] = (when, source)
    return out


def timeline(evaluation: Evaluation, trail: Trail | None, sop: Sop,
             holidays: Container[dt.date],
             published: dt.date | dt.datetime | None = None) -> list[StepTime]:
    """One entry per SOP step, in order."""
    dates = step_dates(evaluation, trail, sop, published)
    out: list[StepTime] = []
    previous: dt.date | None = None
    for step in sop.steps:
        when, source = dates[step.number]
        if when is None:
            out.append(StepTime(step, None, source, None, PENDING))
            continue
        day = _day(when)
        if previous is None:
            out.append(StepTime(step, when, source, None, START))
        else:
            elapsed = working_days_between(previous, day, holidays)
            if not step.waktu.is_days:
                status = NOT_JUDGED
            else:
                status = ON_TIME if elapsed <= step.waktu.amount else LATE
            out.append(StepTime(step, when, source, elapsed, status))
        previous = day
    return out


def years(dates: Mapping[int, tuple[dt.date | dt.datetime | None, str]]) -> set[int]:
    return {_day(d).year for d, _ in dates.values() if d is not None}
