"""``evkin status [ID]``: the SOP step each evaluation is at, who acts next, and each step's
dates and duration against the SOP's time standard (overdue steps flagged)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from evkin.commands import settings_from
from evkin.commands._ids import evaluation_id
from evkin.findings import EvkinError
from evkin.indonesian_dates import advice
from evkin.messages import t

if TYPE_CHECKING:
    from evkin.report.assembly import Assembled
    from evkin.report.progress import Progress, StepProgress
    from evkin.settings import Settings
    from evkin.sop import SopStep

UNREADABLE = "site.trail_unreadable"  # ``verdicts.verify_one``'s reason for an unreadable trail

def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("status", help=t("status.help"), description=t("status.description"))
    p.add_argument("id", metavar="ID", nargs="?", help=t("status.opt_id"))
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--today", metavar="YYYY-MM-DD", type=_date, help=t("status.opt_today"))
    p.add_argument("--archive", metavar="FOLDER_OR_URL", help=t("verify.opt_archive"))
    p.set_defaults(run=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("status.bad_date", {"value": text,
                                                              "advice": advice(text)})) from None


def published_times(settings: Settings, archive: str | None
                    ) -> dict[str, dt.datetime | None]:
    """Each report's first publication (``terbit``) in the published archive's manifest
    (``--archive``, else ``situs.url``); where neither can be read, the archive this checkout
    built (``evkin site build``/``demo``: ``site/manifest.json``), whose pages count the
    trail's landing as step 8 (value ``None``). Empty when nothing can be read: nothing is
    claimed."""
    from evkin.archive.release import read_previous
    from evkin.record import manifest

    try:
        previous = read_previous(Path(archive or settings.root / "tidak-ada"), archive,
                                 settings, strict=False, warnings=[])
    except EvkinError:
        return {}
    out: dict[str, dt.datetime | None] = {}
    if previous.manifest is None and archive is None:
        local = settings.root / "site" / manifest.MANIFEST
        try:
            data = manifest.read(local) if local.is_file() else manifest.Manifest()
        except EvkinError:
            data = manifest.Manifest()  # unreadable: nothing is claimed
        for ident in [r.id for r in data.laporan] + [w.id for w in data.tanpa_pdf]:
            out[ident] = None  # a manifest lists final reports only
        return out
    raw = {**previous.waiting(),
           **{i: e.terbit or "" for i, e in previous.reports().items()}}
    for ident, text in raw.items():
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            continue
        if moment.tzinfo is not None:
            out[ident] = moment
    return out


def step_name(step: SopStep) -> str:
    if step.document:
        return step.document.judul
    kind = step.approval or ("report" if step.report else "publish" if step.publish else "other")
    return t(f"status.kind.{kind}")


def _moment(value: dt.date | dt.datetime | None) -> str:
    from evkin.indonesian_dates import day_of, format_date

    if value is None:
        return "–"
    return format_date(day_of(value))


def _state_text(step: StepProgress) -> str:
    text = t(f"status.state.{step.state}")
    if step.out_of_order:
        text += ", " + t("status.order_flag")
    if step.overdue:
        text += ", " + t("status.overdue_flag" if step.state == "done" else "status.late_flag")
    return text


def _json_step(step: StepProgress, settings: Settings) -> dict[str, object]:
    def iso(value: dt.date | dt.datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "langkah": step.number, "kegiatan": step_name(settings.sop.step(step.number)),
        "pelaksana": settings.sop.role_label(step.actor), "peran": step.actor,
        "status": step.state, "mulai": iso(step.start), "selesai": iso(step.end),
        "hari_kerja": step.working_days, "standar": step.standard.label(),
        "batas": iso(step.deadline), "terlambat": step.overdue,
        "tanggal_tidak_berurutan": step.out_of_order,
    }


def _note(result: Progress) -> str | None:
    from evkin.indonesian_dates import format_datetime

    if not result.note:
        return None
    params = dict(result.note_params)
    if isinstance(params.get("at"), dt.datetime):
        params["at"] = format_datetime(params["at"])  # type: ignore[arg-type]
    return t(result.note, params)


def _problem(report: Assembled) -> str | None:
    """What stops the timeline from showing the trail: it cannot be read."""
    v = report.verification
    return t(v.reason, v.params) if v.reason == UNREADABLE else None


def run(args: argparse.Namespace) -> int:
    # In the function: ``evkin --help`` stays quick.
    from evkin import clock
    from evkin.output import print_json, table
    from evkin.report.assembly import assemble

    settings = settings_from(args)
    folders = ([settings.evaluations_dir / evaluation_id(settings, args.id)] if args.id
               else None)
    today = args.today or clock.today()
    # The timeline the assembly lays out, as the site shows it, on ``today`` and with what
    # the published archive says of step 8.
    assembly = assemble(settings, folders, today=today,
                        published=published_times(settings, args.archive))
    results = [(r.timeline, _problem(r)) for r in assembly.reports if r.timeline is not None]
    last_step = settings.sop.steps[-1].number
    from evkin.archive.seal_step import seal_states

    seals = seal_states(settings, args.archive)

    def seal_note(evaluation_id: str) -> str | None:
        state = seals.get(evaluation_id)
        names = {"tersegel": "sealed", "ditandatangani": "signed"}
        return t(f"tte.state_{names.get(state or '', 'not_sealed')}") if state else None

    if args.format == "json":
        print_json({"tanggal": today.isoformat(), "evaluasi": [{
            "id": r.evaluation_id, "langkah": r.step if r.step <= last_step else None,
            "selesai": r.done,
            "berikutnya": settings.sop.role_label(r.next_actor) if r.next_actor else None,
            "catatan": _note(r), "masalah": problem, "tte": seals.get(r.evaluation_id),
            "terlambat": list(r.overdue),
            "langkah_langkah": [_json_step(s, settings) for s in r.steps],
        } for r, problem in results]})
        return 0

    if not results:
        print(t("status.no_evaluations"))
        return 0
    if args.id is None:
        rows = []
        for r, problem in results:
            if r.done:
                where = t("status.all_done")
            else:
                where = f"{r.step}. {step_name(settings.sop.step(r.step))}"
            rows.append([r.evaluation_id, where,
                         settings.sop.role_label(r.next_actor) if r.next_actor else "–",
                         ", ".join(str(n) for n in r.overdue) or "–",
                         "; ".join(x for x in (problem or _note(r), seal_note(r.evaluation_id))
                                   if x)])
        print(t("status.today", {"date": _moment(today)}))
        print(table(rows, t("status.list_headers").split(";")))
        return 0

    r, problem = results[0]
    print(t("status.title", {"id": r.evaluation_id, "date": _moment(today)}))
    if r.done:
        print(t("status.done"))
    else:
        print(t("status.at", {"step": r.step, "name": step_name(settings.sop.step(r.step)),
                              "actor": settings.sop.role_label(r.next_actor or "")}))
    for extra in (problem, _note(r), seal_note(r.evaluation_id)):
        if extra:
            print(t("status.note", {"text": extra}))
    rows = []
    for s in r.steps:
        days = t("status.days", {"n": s.working_days}) if s.working_days is not None else "–"
        rows.append([str(s.number), step_name(settings.sop.step(s.number)),
                     settings.sop.role_label(s.actor), _moment(s.start), _moment(s.end), days,
                     s.standard.label(), _moment(s.deadline), _state_text(s)])
    print()
    print(table(rows, t("status.headers").split(";"), {0}))
    if r.overdue:
        print()
        print(t("status.overdue_summary", {"steps": ", ".join(str(n) for n in r.overdue)}))
    return 0
