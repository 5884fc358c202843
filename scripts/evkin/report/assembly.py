"""The one assembly step: (repository state, evaluation ids) → assembled reports.

Every output shows an ``Assembled`` report and computes nothing of its own: ``evkin check``
and ``summary`` (the indicator rows), ``status`` (the timeline), the PDF and the Word copy
(``outputs``) and the archive site (``site.collect``). Here, once per report: the folder is
loaded and checked, the predecessor found, capaian and predikat computed and compared, sasaran
averaged, the follow-up of earlier recommendations tabled, the trail verified, the SOP timeline
laid out, and the settings it is rendered with chosen: for a report whose trail verifies, the
settings (and emblem) committed at the approved commit, read from Git (``approved``).

Flow: folder → ``workspace.check`` (load + rules) → ``assemble`` → renderers
(``render.pdf``, ``render.docx``, ``site.*``, the commands' printers).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from evkin import gitrepo
from evkin.approval.approved_inputs import Known, basis, blob_at, read_inputs
from evkin.approval.trail import Verification
from evkin.approval.verdicts import seen_at_head, verify_many
from evkin.evaluation import recommendations
from evkin.evaluation.capaian import GroupAverage, Result, averages, evaluate
from evkin.evaluation.crosscheck import blocking
from evkin.evaluation.load import evaluation_folders, load_evaluation
from evkin.evaluation.model import Evaluation, Period
from evkin.evaluation.predecessor import previous_id
from evkin.evaluation.recommendations import Record, Row, read_folder
from evkin.evaluation.workspace import check, resolve_folders
from evkin.findings import EvkinError, Finding
from evkin.gitrepo import folder_path
from evkin.memo import Memo
from evkin.messages import t
from evkin.report.progress import Progress, facts_of, holiday_years
from evkin.report.progress import progress as progress_of
from evkin.settings import SETTINGS_FILE, Settings, parse_settings
from evkin.timing import indonesian_holidays

if TYPE_CHECKING:
    from evkin.approval.approved_inputs import Known

CHART_ROWS = 22  # indicators per chart, so one chart fits a page


MANY = 64  # from this many trails on, one look at Git for all beats per-folder calls


@dataclass(frozen=True)
class Assembled:
    """One evaluation, assembled once; every output renders this."""

    evaluation: Evaluation
    results: tuple[Result, ...]
    averages: tuple[GroupAverage, ...]
    verification: Verification
    findings: tuple[Finding, ...] = ()
    previous_id: str | None = None
    record: Record | None = None  # its recommendations and follow-ups
    follow_up: tuple[Row, ...] = ()  # its follow-up table
    timeline: Progress | None = None  # the SOP timeline, as ``evkin status`` shows it
    settings: Settings | None = None  # the settings it is rendered with (see ``approved``)
    settings_commit: str = ""  # the approved commit they come from ('' = working copy)
    previous_tree: str = ""  # the predecessor's git tree at that commit ('' = working copy)
    # Files its layout reads that the working copy may not hold (the emblem as approved):
    # root-relative path → bytes, written by the renderer that needs them.
    assets: tuple[tuple[str, bytes], ...] = ()

    @property
    def id(self) -> str:
        return self.evaluation.id

    @property
    def final(self) -> bool:
        return self.verification.ok

    @property
    def all_errors(self) -> tuple[Finding, ...]:
        """Every error ``evkin check`` reports (cross-folder ones included)."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The errors that stop rendering (for an approved report, none that come from other
        folders: ``crosscheck.blocking``)."""

        return tuple(blocking(self.findings, self.final, folder_path(self.evaluation.id)))

    @property
    def previous_label(self) -> str | None:
        period = Period.from_id(self.previous_id) if self.previous_id else None
        return period.label() if period else None

    @property
    def charts(self) -> list[tuple[Result, ...]]:
        """The indicator rows of each chart, in order."""
        return [self.results[i:i + CHART_ROWS] for i in range(0, len(self.results), CHART_ROWS)]


@dataclass(frozen=True)
class Assembly:
    reports: tuple[Assembled, ...]  # in the order asked
    holidays: Mapping[dt.date, str] = field(default_factory=dict)  # of the timelines' years


NOT_VERIFIED = Verification(False, None, "trail.none")


def assemble(settings: Settings, folders: Sequence[Path] | None = None, *,
             verifications: Mapping[str, Verification] | None = None, trails: bool = True,
             timeline: bool = True, jobs: int | None = None,
             progress: object = None, today: dt.date | None = None,
             published: Mapping[str, dt.datetime | None] | None = None,
             checked_hook: Callable[[Sequence[tuple[Evaluation, Record | None]]], None]
             | None = None, memo: Memo | None = None) -> Assembly:
    """Assemble the evaluations in ``folders`` (all when ``None``).

    ``verifications``: answers already known (the archive's cached ones); otherwise each trail
    is verified here, unless ``trails`` is false (``evkin check`` needs no verdict).
    The timeline: ``today`` counts the open step up to that day (``None``: not counted);
    ``published``: each report's first publication as the published archive lists it
    (``evkin status``; a ``None`` value: the archive this checkout built lists it, so the
    trail's landing counts); without it, the archive's own view (the landing counts).
    ``checked_hook``: told the folders without errors, each with its recommendations file,
    once they are loaded and checked and before trails are verified (``evkin pdf`` starts
    pandoc there, so it converts while the rest is assembled).
    ``memo``: a publication's sealed memory of checked folders (``workspace.Remembered``).
    """

    every = evaluation_folders(settings)
    all_ids = [p.name for p in every]
    wanted = list(every if folders is None else folders)
    checked = check(settings, wanted, jobs, progress, memo)  # type: ignore[arg-type]
    loaded = {c.evaluation.id: c.evaluation for c in checked}

    def previous(evaluation: Evaluation) -> tuple[str | None, Evaluation | None]:
        prev = previous_id(evaluation, all_ids)
        if prev is None:
            return None, None
        if prev not in loaded and (settings.evaluations_dir / prev).is_dir():
            loaded[prev] = load_evaluation(settings.evaluations_dir / prev, settings).evaluation
        return prev, loaded.get(prev)

    if folders is None:
        records = {c.evaluation.id: recommendations.read_folder(c.evaluation.path,
                                                                settings.root)[0]
                   for c in checked}
        ledger = recommendations.build_ledger(records.values())
    else:
        ledger = recommendations.ledger_of(settings)
        records = dict(recommendations.records_by_id(ledger.records))
    if checked_hook is not None:
        checked_hook([(c.evaluation, records.get(c.evaluation.id)) for c in checked
                      if not any(f.severity == "error" for f in c.findings)])

    found: dict[str, Verification] = {}
    unknown = [c.evaluation.id for c in checked
               if verifications is None or c.evaluation.id not in verifications]
    if trails and unknown:
        # Many at once (``evkin pdf`` of everything): in worker processes, as the site does.
        # Each folder's tree at HEAD and clean state from one look at Git (as publication
        # does), not git calls per folder, when there are many.
        seen = seen_at_head(settings.root, unknown) if len(unknown) >= MANY else None
        found.update(verify_many(settings.root, unknown, seen, jobs=jobs))
    for c in checked:
        ident = c.evaluation.id
        if verifications is not None and ident in verifications:
            found[ident] = verifications[ident]
        elif not trails:
            found[ident] = NOT_VERIFIED

    timelines: dict[str, Progress] = {}
    holidays: Mapping[dt.date, str] = {}
    if timeline:
        changed = gitrepo.change_times(settings.root, None if folders is None
                                       else [c.evaluation.id for c in checked])
        facts = {}
        for c in checked:
            v = found[c.evaluation.id]
            ident = c.evaluation.id
            facts[ident] = facts_of(
                c.evaluation, settings.sop, v.trail, v, changed.get(ident),
                t(v.reason, v.params) if v.reason else None,
                published.get(ident) if published is not None else None,
                published is None or (ident in published and published[ident] is None))
        holidays = indonesian_holidays(holiday_years(facts.values(), today))
        timelines = {i: progress_of(f, settings.sop, today, holidays)
                     for i, f in facts.items()}

    # A final report reads its predecessor and the recommendations it quotes as they stood at
    # its approved commit (``approved_inputs``); a draft reads the working tree.
    known = {c.evaluation.id: _known(c.evaluation, found[c.evaluation.id], records, settings)
             for c in checked if found[c.evaluation.id].ok}

    out = []
    for c in checked:
        evaluation = c.evaluation
        verification = found[evaluation.id]
        own, commit, assets = approved(settings, verification)
        record = records.get(evaluation.id)
        if commit:
            inputs = read_inputs(settings, own, commit, evaluation, record, known)
            prev, prev_evaluation, quotable = inputs.previous_id, inputs.previous, inputs.ledger
            prev_tree = inputs.previous_tree
        else:
            (prev, prev_evaluation), quotable, prev_tree = previous(evaluation), ledger, ""
        results = tuple(evaluate(evaluation, own.negative_formula, own.cap, own.scale,
                                 prev_evaluation))
        out.append(Assembled(
            evaluation, results, tuple(averages(results, own.scale)), verification,
            tuple(c.findings), prev, record,
            tuple(recommendations.follow_up_rows(record, quotable)) if record else (),
            timelines.get(evaluation.id), own, commit, prev_tree, assets))
    return Assembly(tuple(out), holidays)


def assemble_ids(settings: Settings, evaluation_ids: Sequence[str], **options: object
                 ) -> Assembly:
    """``assemble`` of evaluations named by id or path (``EvkinError`` for an unknown one)."""

    if not evaluation_ids:
        return Assembly(())
    return assemble(settings, resolve_folders(settings, evaluation_ids),
                    **options)  # type: ignore[arg-type]


def approved(settings: Settings, verification: Verification
             ) -> tuple[Settings, str, Assets]:
    """The settings a report is rendered with, and the commit its other inputs come from:
    for a report whose trail verifies, those committed at the approved commit (the signature
    record's ``komit``; where Git no longer has it, the commit that recorded the trail:
    ``approved_inputs.basis``), read from Git; a later change of ``evkin.yml`` on the branch
    affects only later approvals. A draft uses the working copy's settings."""

    commit = basis(settings.root, verification)
    if not commit:
        return settings, "", ()
    own, _, assets = settings_at(settings, commit)
    return own, commit, assets


def _known(evaluation: Evaluation, verification: Verification,
           records: Mapping[str, Record], settings: Settings) -> Known:
    """A verified evaluation's working copy, which may stand in for its approved tree."""

    def record() -> Record:
        found = records.get(evaluation.id)
        return found if found is not None else read_folder(evaluation.path, settings.root)[0]

    return Known(verification.current_tree, verification.trail, lambda: evaluation, record)


APPROVED_ASSETS = Path("build") / "evkin-cache" / "disetujui"  # emblems as approved
Assets = tuple[tuple[str, bytes], ...]  # root-relative path → bytes, for the renderer to place
_at: dict[tuple[str, str], tuple[Settings, str, Assets]] = {}
# (root, evkin.yml blob, emblem blob) → settings: an archive's reports share a few versions.
_parsed: dict[tuple[str, str, str], tuple[Settings, Assets] | None] = {}


def settings_at(settings: Settings, commit: str) -> tuple[Settings, str, Assets]:
    """``evkin.yml`` as committed at ``commit``, and its emblem as committed there too: named
    ``build/evkin-cache/disetujui/<content hash>`` (inside Typst's root) in the settings, its
    bytes returned for the renderer to write there (``render.pdf.place_assets``); nothing is
    written here."""

    key = (str(settings.root), commit)
    root = settings.root
    known = _at.get(key)
    if known is not None:
        return known
    found = blob_at(root, commit, SETTINGS_FILE)
    if found is None:
        return settings, "", ()
    if (str(root), found[0], "") not in _parsed:
        try:
            # As committed then (accepted then): no unknown-key check (settings_schema).
            parsed = parse_settings(found[1].decode("utf-8"), root, files=False, strict=False)
            _parsed[(str(root), found[0], "")] = (parsed, ())
        except (EvkinError, UnicodeDecodeError):
            _parsed[(str(root), found[0], "")] = None
    plain = _parsed[(str(root), found[0], "")]
    if plain is None:
        return settings, "", ()
    own = plain[0]
    emblem = blob_at(root, commit, own.agency.lambang) if own.agency.lambang else None
    with_emblem = (str(root), found[0], emblem[0] if emblem else "-")
    if with_emblem not in _parsed:
        _parsed[with_emblem] = _with_emblem(own, emblem[1] if emblem else None)
    done = _parsed[with_emblem]
    if done is None:
        return settings, "", ()
    _at[key] = (done[0], commit, done[1])
    return done[0], commit, done[1]


def _with_emblem(own: Settings, emblem: bytes | None) -> tuple[Settings, Assets]:
    """``own`` naming its emblem as committed by content hash, and the emblem's bytes."""
    if not own.agency.lambang:
        return own, ()
    if emblem is None:
        return dataclasses.replace(own, agency=dataclasses.replace(own.agency, lambang="")), ()
    suffix = Path(own.agency.lambang).suffix.lower()
    rel = (APPROVED_ASSETS / (hashlib.sha256(emblem).hexdigest()[:32] + suffix)).as_posix()
    return (dataclasses.replace(own, agency=dataclasses.replace(own.agency, lambang=rel)),
            ((rel, emblem),))
