"""Checks that need other evaluations than the one checked: follow-up of earlier
recommendations, indicator continuity and quarterly targets against the rencana aksi.

The I/O here is reading the other folders; each decision is a pure function in its own module
(``recommendations``, ``continuity``, ``rencana_aksi``).
"""

from __future__ import annotations

from collections.abc import Sequence

from evkin.evaluation import continuity, recommendations, rencana_aksi
from evkin.evaluation.load import evaluation_folders, load_evaluation
from evkin.evaluation.model import Evaluation
from evkin.evaluation.predecessor import previous_id
from evkin.findings import Finding
from evkin.settings import Settings

# Findings that depend on files outside the evaluation's own folder. They stop a draft, but a
# report already approved is rendered as approved whatever happens to the other folders later.
CROSS_CODES = frozenset({"rec.not_addressed", "rec.unknown", "rec.not_earlier",
                         "rec.already_closed", "data.indicator_changed", "plan.target_differs",
                         "meta.previous_unknown"})


def blocking(findings: Sequence[Finding], approved: bool, folder: str = "") -> list[Finding]:
    """The errors that stop rendering: for an approved report, none that come from other
    folders (by code, or found in a file outside ``folder``, such as a broken rencana aksi):
    it is rendered from its approved commit (``approved_inputs``)."""
    inside = folder.rstrip("/") + "/"
    return [f for f in findings if f.severity == "error"
            and not (approved and (f.code in CROSS_CODES
                                   or (folder and not f.path.startswith(inside))))]


def cross_findings(settings: Settings,
                   evaluations: Sequence[Evaluation]) -> dict[str, list[Finding]]:
    """Findings per evaluation id, for the evaluations given."""
    out: dict[str, list[Finding]] = {}
    if not evaluations:
        return out
    folders = evaluation_folders(settings)
    records = []
    read_problems: dict[str, list[Finding]] = {}
    for folder in folders:
        record, problems = recommendations.read_folder(folder, settings.root)
        records.append(record)
        read_problems[folder.name] = problems
    by_id = recommendations.records_by_id(records)
    ledger = recommendations.build_ledger(records)
    units = recommendations.units(settings)
    for evaluation in evaluations:
        found = out.setdefault(evaluation.id, [])
        known = by_id.get(evaluation.id)
        if known is None:  # a folder outside evaluations/ (checked by path)
            record, problems = recommendations.read_folder(evaluation.path, settings.root)
            read_problems[evaluation.id] = problems
        else:
            record = known
        found.extend(read_problems.get(evaluation.id, ()))
        found.extend(recommendations.findings_for(record, ledger, units, evaluation.path,
                                                  settings.root))
    _more(settings, evaluations, [f.name for f in folders], out)
    return out


def _more(settings: Settings, evaluations: Sequence[Evaluation], ids: Sequence[str],
          out: dict[str, list[Finding]]) -> None:
    """Indicator continuity against the predecessor (the evaluation ``summary`` compares with)
    and quarterly targets against the rencana aksi."""

    loaded = {e.id: e for e in evaluations}
    for evaluation in evaluations:
        prev_id = previous_id(evaluation, ids)
        if not prev_id:
            continue
        previous = loaded.get(prev_id)
        if previous is None and (settings.evaluations_dir / prev_id).is_dir():
            previous = load_evaluation(settings.evaluations_dir / prev_id, settings).evaluation
            loaded[prev_id] = previous
        if previous is not None:
            out.setdefault(evaluation.id, []).extend(continuity.findings(evaluation, previous))
    plans: dict[int, rencana_aksi.Plan | None] = {}
    for evaluation in evaluations:
        period = evaluation.period
        if period is None or period.kind != "triwulan":
            continue
        if period.year not in plans:
            plans[period.year] = rencana_aksi.read_plan(settings.root, period.year)
        plan = plans[period.year]
        if plan is not None:
            out.setdefault(evaluation.id, []).extend(rencana_aksi.findings(evaluation, plan))
