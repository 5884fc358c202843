"""The evaluations of one repository: load many (in parallel when many), find predecessors."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evkin import clock
from evkin.evaluation import regular
from evkin.evaluation.capaian import Result, evaluate
from evkin.evaluation.crosscheck import cross_findings
from evkin.evaluation.load import evaluation_folders, load_evaluation, not_found
from evkin.evaluation.model import Evaluation
from evkin.evaluation.predecessor import previous_id
from evkin.evaluation.rules import Context, apply_rules
from evkin.findings import Finding, one_per_slip
from evkin.memo import Memo, code_key
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
          progress: Callable[[int, int], None] | None = None,
          memo: Memo | None = None) -> list[CheckedEvaluation]:
    """Load and check each folder; results in the order given. With ``memo`` (a publication
    holding the record key), a folder whose every byte, settings, code and day are as when it
    was last checked is not loaded again (``remembered``)."""
    known = frozenset(p.name for p in evaluation_folders(settings))
    irregular = regular.scan(settings.root, folders)
    work = [(folder, settings, known, tuple(irregular[folder.resolve()]))
            for folder in folders]
    today = clock.today()
    memory = Remembered(memo, settings, today) if memo is not None else None
    done: dict[int, CheckedEvaluation] = {}
    if memory is not None:
        for n, (folder, _, _, irr) in enumerate(work):
            hit = memory.get(folder, irr, known)
            if hit is not None:
                done[n] = hit
    todo = [n for n in range(len(work)) if n not in done]
    jobs = jobs or (os.cpu_count() or 1)
    if len(todo) < PARALLEL_FROM or jobs == 1:
        for i, n in enumerate(todo, 1):
            done[n] = _check_one(work[n])
            if progress:
                progress(i, len(todo))
    else:
        chunk = max(1, len(todo) // (jobs * 8))
        # Imported here: only a check of PARALLEL_FROM folders or more uses worker processes,
        # and multiprocessing's import was a cost every single `evkin pdf` and `evkin check
        # ID` paid.
        from concurrent.futures import ProcessPoolExecutor

        # The settings and the list of ids go to each worker once, not with every folder (they
        # were most of what was pickled per folder).
        with ProcessPoolExecutor(max_workers=jobs, initializer=_share,
                                 initargs=(settings, known)) as pool:
            folders_only = [(work[n][0], work[n][3]) for n in todo]
            for i, (n, checked) in enumerate(zip(todo, pool.map(
                    _check_shared, folders_only, chunksize=chunk), strict=True), 1):
                done[n] = checked
                if progress and (i % 50 == 0 or i == len(todo)):
                    progress(i, len(todo))
    out = [done[n] for n in range(len(work))]
    if memory is not None:
        memory.save([(w[0], w[3], c) for w, c in zip(work, out, strict=True)], known)
    return _with_cross(settings, out)


class Remembered:
    """Checked folders as a publication last saw them (``memo``, kind ``periksa``).

    Key: the code (``memo.code_key``), the settings (their full ``repr``), the folder's path,
    its irregular-entry findings and the name and bytes of every file in it; a folder holding a
    symbolic link is never remembered. Two answers depend on more than the folder, so an
    entry also records them and is used only while they hold: whether its predecessor
    (``sebelumnya``) is among the evaluations, and the day (a document dated after today is a
    warning that names today; with none, a later day answers the same)."""

    KIND = "periksa"

    def __init__(self, memo: Memo, settings: Settings, today: dt.date) -> None:
        self.memo = memo
        self.today = today
        self.settings = repr(settings)
        self.entries = memo.read(self.KIND)
        self.keys: dict[Path, str | None] = {}

    def key(self, folder: Path, irregular: tuple[Finding, ...]) -> str | None:
        if folder not in self.keys:
            self.keys[folder] = self._key(folder, irregular)
        return self.keys[folder]

    def _key(self, folder: Path, irregular: tuple[Finding, ...]) -> str | None:
        h = hashlib.sha256(f"{code_key()}\0{self.settings}\0{folder}\0{irregular!r}".encode())
        try:
            for top, dirs, files in os.walk(folder):
                base = Path(top)
                dirs.sort()
                h.update(b"\0d\0" + base.relative_to(folder).as_posix().encode())
                for name in sorted(dirs + files):
                    path = base / name
                    if path.is_symlink() or (name in files and not path.is_file()):
                        return None  # a link, or a pipe or device that reading would block on
                    if name in files:
                        with path.open("rb") as handle:  # a large scan: read in pieces
                            digest = hashlib.file_digest(handle, "sha256").hexdigest()
                        h.update(f"\0f\0{name}\0{digest}".encode())
        except OSError:
            return None
        return h.hexdigest()

    def get(self, folder: Path, irregular: tuple[Finding, ...], known: frozenset[str]
            ) -> CheckedEvaluation | None:
        key = self.key(folder, irregular)
        raw = self.entries.get(key) if key else None
        if raw is None:
            return None
        try:
            day, had_previous, checked = pickle.loads(raw)  # sealed: see memo
        except Exception:  # another evkin's objects: check the folder again
            return None
        if not isinstance(checked, CheckedEvaluation) or not isinstance(day, dt.date):
            return None
        previous = checked.evaluation.sebelumnya
        if had_previous != (previous in known if previous else None):
            return None
        future = any(f.code == "meta.future_date" for f in checked.findings)
        if day > self.today or (day != self.today and future):
            return None
        return checked

    def save(self, checked: Sequence[tuple[Path, tuple[Finding, ...], CheckedEvaluation]],
             known: frozenset[str]) -> None:
        """Rewrite the memory with this run's folders only (before cross-folder findings,
        which every run adds afresh)."""
        fresh = {}
        for folder, irregular, item in checked:
            key = self.key(folder, irregular)
            if key is None:
                continue
            previous = item.evaluation.sebelumnya
            fresh[key] = self.entries.get(key) or pickle.dumps(
                (self.today, previous in known if previous else None, item),
                protocol=pickle.HIGHEST_PROTOCOL)
        if fresh != self.entries:
            self.memo.write(self.KIND, fresh)


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
