"""The evaluations of one repository: load many (in parallel when many), find predecessors."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evkin.evaluation import regular
from evkin.evaluation.capaian import Result, evaluate
from evkin.evaluation.crosscheck import cross_findings
from evkin.evaluation.load import evaluation_folders, load_evaluation, not_found
from evkin.evaluation.model import Evaluation
from evkin.evaluation.predecessor import previous_id
from evkin.evaluation.rules import Context, apply_rules
from evkin.findings import Finding, one_per_slip
from evkin.settings import Settings

PARALLEL_FROM = 64  # below this, process start-up costs more than it saves


@dataclass
class CheckedEvaluation:
    evaluation: Evaluation
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def _check_one(args: tuple[Path, Settings, frozenset[str], tuple[Finding, ...]]
               ) -> CheckedEvaluation:
    folder, settings, known, irregular = args
    loaded = load_evaluation(folder, settings)
    findings = (list(irregular) + loaded.findings
                + apply_rules(loaded.evaluation, Context(settings, known)))
    findings.sort(key=lambda f: (f.path, f.line or 0))
    return CheckedEvaluation(loaded.evaluation, findings)


_SHARED: list[tuple[Settings, frozenset[str]]] = []


def _share(settings: Settings, known: frozenset[str]) -> None:
    """A worker's copy of what every folder's check shares."""
    _SHARED[:] = [(settings, known)]


def _check_shared(args: tuple[Path, tuple[Finding, ...]]) -> CheckedEvaluation:
    settings, known = _SHARED[0]
    return _check_one((args[0], settings, known, args[1]))


def resolve_folders(settings: Settings, paths: Sequence[str]) -> list[Path]:
    """Evaluation folders named on the command line (by path or id), or all of them."""
    if not paths:
        return evaluation_folders(settings)
    out = []
    root = settings.root.resolve()
    for raw in paths:
        path = Path(raw)
        candidates = [path, root / raw, settings.evaluations_dir / raw]
        # Only folders inside this repository: with --root, a relative path that exists
        # in the current folder but belongs to another checkout must not be checked.
        folder = next((c.resolve() for c in candidates
                       if c.is_dir() and c.resolve().is_relative_to(root)), None)
        if folder is None:
            raise not_found(settings, raw)
        out.append(folder.resolve())
    return out


def check(settings: Settings, folders: Sequence[Path], jobs: int | None = None,
          progress: Callable[[int, int], None] | None = None) -> list[CheckedEvaluation]:
    """Load and check each folder; results in the order given."""
    known = frozenset(p.name for p in evaluation_folders(settings))
    irregular = regular.scan(settings.root, folders)
    work = [(folder, settings, known, tuple(irregular[folder.resolve()]))
            for folder in folders]
    jobs = jobs or (os.cpu_count() or 1)
    if len(work) < PARALLEL_FROM or jobs == 1:
        out = []
        for i, item in enumerate(work, 1):
            out.append(_check_one(item))
            if progress:
                progress(i, len(work))
        return _with_cross(settings, out)
    chunk = max(1, len(work) // (jobs * 8))
    results = []
    # Imported here: only a check of PARALLEL_FROM folders or more uses worker processes, and
    # multiprocessing's import was a cost every single `evkin pdf` and `evkin check ID` paid.
    from concurrent.futures import ProcessPoolExecutor

    # The settings and the list of ids go to each worker once, not with every folder (they
    # were most of what was pickled per folder).
    with ProcessPoolExecutor(max_workers=jobs, initializer=_share,
                             initargs=(settings, known)) as pool:
        folders_only = [(folder, irr) for folder, _, _, irr in work]
        for i, checked in enumerate(pool.map(_check_shared, folders_only, chunksize=chunk), 1):
            results.append(checked)
            if progress and (i % 50 == 0 or i == len(work)):
                progress(i, len(work))
    return _with_cross(settings, results)


def _with_cross(settings: Settings, checked: list[CheckedEvaluation]) -> list[CheckedEvaluation]:
    """Add what only the other evaluations can tell: recommendations left without follow-up,
    indicators whose id changed meaning, targets that differ from the rencana aksi."""

    extra = cross_findings(settings, [c.evaluation for c in checked])
    for item in checked:
        more = extra.get(item.evaluation.id)
        if more:
            item.findings.extend(more)
            item.findings.sort(key=lambda f: (f.path, f.line or 0))
        item.findings = one_per_slip(item.findings)
    return checked


def load_one(settings: Settings, evaluation_id: str) -> CheckedEvaluation:
    folders = resolve_folders(settings, [evaluation_id])
    irregular = regular.scan(settings.root, folders)
    one = _check_one((folders[0], settings,
                      frozenset(p.name for p in evaluation_folders(settings)),
                      tuple(irregular[folders[0].resolve()])))
    return _with_cross(settings, [one])[0]


def results_for(settings: Settings, evaluation: Evaluation,
                ids: Sequence[str] | None = None) -> list[Result]:
    """Capaian of ``evaluation``, compared with its predecessor when that one loads.
    ``ids``: every evaluation id, when the caller has listed them already."""
    ids = [p.name for p in evaluation_folders(settings)] if ids is None else ids
    prev_id = previous_id(evaluation, ids)
    previous = None
    if prev_id and (settings.evaluations_dir / prev_id).is_dir():
        previous = load_evaluation(settings.evaluations_dir / prev_id, settings).evaluation
    return evaluate(evaluation, settings.negative_formula, settings.cap, settings.scale,
                    previous)
