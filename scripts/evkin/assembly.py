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

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from evkin.capaian import GroupAverage, Result, averages, evaluate
from evkin.evaluation.model import Evaluation, Period
from evkin.findings import EvkinError, Finding
from evkin.progress import Progress
from evkin.recommendations import Record, Row
from evkin.settings import Settings
from evkin.trail import Verification

if TYPE_CHECKING:
    from evkin.approved_inputs import Known

CHART_ROWS = 22  # indicators per chart, so one chart fits a page


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
        from evkin.crosscheck import blocking
        from evkin.gitrepo import folder_path

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


def verify(root: Path, evaluation_id: str) -> Verification:
    """``verify_trail``; an unreadable trail counts as not verified, with its reason."""
    from evkin.trail import verify_trail

    try:
        return verify_trail(root, evaluation_id)
    except EvkinError as error:
        return Verification(False, None, "site.trail_unreadable",
                            params={"detail": error.message()})


def assemble(settings: Settings, folders: Sequence[Path] | None = None, *,
             verifications: Mapping[str, Verification] | None = None, trails: bool = True,
             timeline: bool = True, jobs: int | None = None,
             progress: object = None) -> Assembly:
    """Assemble the evaluations in ``folders`` (all when ``None``).

    ``verifications``: answers already known (the archive's cached ones); otherwise each trail
    is verified here, unless ``trails`` is false (``evkin check`` needs no verdict).
    """
    from evkin import gitrepo, recommendations
    from evkin.approved_inputs import read_inputs
    from evkin.evaluation.load import evaluation_folders, load_evaluation
    from evkin.messages import t
    from evkin.progress import facts_of, holiday_years
    from evkin.progress import progress as progress_of
    from evkin.timing import indonesian_holidays
    from evkin.workspace import check, previous_id

    every = evaluation_folders(settings)
    all_ids = [p.name for p in every]
    wanted = list(every if folders is None else folders)
    checked = check(settings, wanted, jobs, progress)  # type: ignore[arg-type]
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

    found: dict[str, Verification] = {}
    unknown = [c.evaluation.id for c in checked
               if verifications is None or c.evaluation.id not in verifications]
    if trails and unknown:
        # Many at once (``evkin pdf`` of everything): in worker processes, as the site does.
        from evkin.site.verify import verify_all

        found.update(verify_all(settings.root, unknown, jobs=jobs))
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
            facts[c.evaluation.id] = facts_of(
                c.evaluation, settings.sop, v.trail, v, changed.get(c.evaluation.id),
                t(v.reason, v.params) if v.reason else None)
        holidays = indonesian_holidays(holiday_years(facts.values(), None))
        timelines = {i: progress_of(f, settings.sop, None, holidays) for i, f in facts.items()}

    # A final report reads its predecessor and the recommendations it quotes as they stood at
    # its approved commit (``approved_inputs``); a draft reads the working tree.
    known = {c.evaluation.id: _known(c.evaluation, found[c.evaluation.id], records, settings)
             for c in checked if found[c.evaluation.id].ok}

    out = []
    for c in checked:
        evaluation = c.evaluation
        verification = found[evaluation.id]
        own, commit = approved(settings, verification)
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
            timelines.get(evaluation.id), own, commit, prev_tree))
    return Assembly(tuple(out), holidays)


def assemble_ids(settings: Settings, evaluation_ids: Sequence[str], **options: object
                 ) -> Assembly:
    """``assemble`` of evaluations named by id or path (``EvkinError`` for an unknown one)."""
    from evkin.workspace import resolve_folders

    if not evaluation_ids:
        return Assembly(())
    return assemble(settings, resolve_folders(settings, evaluation_ids),
                    **options)  # type: ignore[arg-type]


def approved(settings: Settings, verification: Verification) -> tuple[Settings, str]:
    """The settings a report is rendered with, and the commit its other inputs come from:
    for a report whose trail verifies, those committed at the approved commit (the signature
    record's ``komit``; where Git no longer has it, the commit that recorded the trail:
    ``approved_inputs.basis``), read from Git; a later change of ``evkin.yml`` on the branch
    affects only later approvals. A draft uses the working copy's settings."""
    from evkin.approved_inputs import basis

    commit = basis(settings.root, verification)
    if not commit:
        return settings, ""
    own, _ = settings_at(settings, commit)
    return own, commit


def _known(evaluation: Evaluation, verification: Verification,
           records: Mapping[str, Record], settings: Settings) -> Known:
    """A verified evaluation's working copy, which may stand in for its approved tree."""
    from evkin.approved_inputs import Known
    from evkin.recommendations import read_folder

    def record() -> Record:
        found = records.get(evaluation.id)
        return found if found is not None else read_folder(evaluation.path, settings.root)[0]

    return Known(verification.current_tree, verification.trail, lambda: evaluation, record)


APPROVED_ASSETS = Path("build") / "evkin-cache" / "disetujui"  # emblems as approved
_at: dict[tuple[str, str], tuple[Settings, str]] = {}
# (root, evkin.yml blob, emblem blob) → settings: an archive's reports share a few versions.
_parsed: dict[tuple[str, str, str], Settings | None] = {}


def settings_at(settings: Settings, commit: str) -> tuple[Settings, str]:
    """``evkin.yml`` as committed at ``commit``, its emblem as committed there too (written
    under ``build/evkin-cache/disetujui/`` by content hash, inside Typst's root)."""
    from evkin.approved_inputs import blob_at
    from evkin.settings import SETTINGS_FILE, parse_settings

    key = (str(settings.root), commit)
    root = settings.root
    known = _at.get(key)
    # Remembered per process, but the emblem file may have gone (build/ removed): write again.
    if known is not None:
        if not known[0].agency.lambang or (root / known[0].agency.lambang).is_file():
            return known
        del _at[key]
        for stale in [k for k, v in _parsed.items() if v is known[0]]:
            del _parsed[stale]
    found = blob_at(root, commit, SETTINGS_FILE)
    if found is None:
        return settings, ""
    if (str(root), found[0], "") not in _parsed:
        try:
            own = parse_settings(found[1].decode("utf-8"), root, files=False)
        except (EvkinError, UnicodeDecodeError):
            own = None
        _parsed[(str(root), found[0], "")] = own
    own = _parsed[(str(root), found[0], "")]
    if own is None:
        return settings, ""
    emblem = blob_at(root, commit, own.agency.lambang) if own.agency.lambang else None
    with_emblem = (str(root), found[0], emblem[0] if emblem else "-")
    if with_emblem not in _parsed:
        _parsed[with_emblem] = _with_emblem(root, own, emblem[1] if emblem else None)
    done = _parsed[with_emblem]
    if done is None:
        return settings, ""
    _at[key] = (done, commit)
    return done, commit


def _with_emblem(root: Path, own: Settings, emblem: bytes | None) -> Settings:
    """``own`` with its emblem as committed, copied inside Typst's root by content hash."""
    import dataclasses
    import hashlib

    from evkin.approval import write_atomic

    if not own.agency.lambang:
        return own
    if emblem is None:
        return dataclasses.replace(own, agency=dataclasses.replace(own.agency, lambang=""))
    suffix = Path(own.agency.lambang).suffix.lower()
    rel = APPROVED_ASSETS / (hashlib.sha256(emblem).hexdigest()[:32] + suffix)
    target = root / rel
    if not target.is_file() or target.read_bytes() != emblem:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, emblem)
    return dataclasses.replace(own, agency=dataclasses.replace(own.agency,
                                                               lambang=rel.as_posix()))
