"""Trail verdicts, one or many: ``trail.verify_trail``, with an unreadable trail a verdict.

The one verifier below the assembly (``assembly.assemble``) and the archive (``site.verify``
remembers verdicts between site builds, ``scaffold`` counts approved follow-ups): each asks
here, so an unreadable trail reads the same everywhere. Many trails are verified in worker
processes (``verify_trail`` asks Git several questions per evaluation).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from evkin import gitrepo
from evkin.approval.records import trail_path
from evkin.approval.trail import Verification, verify_trail
from evkin.findings import EvkinError

PARALLEL_FROM = 64  # below this, worker start-up costs more than it saves

Seen = Mapping[str, tuple[str, bool]]  # evaluation id → (tree at HEAD, working copy clean)


def verify_one(root: Path, evaluation_id: str, seen: tuple[str, bool] | None = None
               ) -> Verification:
    """``verify_trail``; an unreadable trail file counts as not verified, with its reason."""
    try:
        return verify_trail(root, evaluation_id, seen=seen)
    except EvkinError as error:
        return Verification(False, None, "site.trail_unreadable",
                            params={"detail": error.message()})


def is_final(root: Path) -> Callable[[str], bool]:
    """Whether an evaluation of ``root`` is final (its trail verifies): what ``evkin new`` asks
    before it trusts a follow-up status."""
    return lambda evaluation_id: verify_one(root, evaluation_id).ok


def _chunk(args: tuple[Path, list[str], Seen | None]) -> dict[str, Verification]:
    root, ids, seen = args
    return {i: verify_one(root, i, seen[i] if seen is not None else None) for i in ids}


def _signed(root: Path, ids: Sequence[str]) -> bool:
    """Does any trail carry SSH signatures (checked with Git and ssh-keygen, worth workers)?
    Without them, verification with ``seen`` reads files only."""
    for evaluation_id in ids:
        path = trail_path(root, evaluation_id)
        if path.is_file() and (b"ssh" in (data := path.read_bytes())
                               or b"SSH SIGNATURE" in data):
            return True
    return False


def seen_at_head(root: Path, ids: Sequence[str]) -> Seen | None:
    """What ``verify_trail`` asks Git per folder (tree at HEAD, working copy clean), for every
    id from one look at Git, as ``site.gitstate`` gives the archive build; ``None`` outside
    Git, without a HEAD, or when ``git status`` does not answer (nothing is then taken as
    clean)."""
    trees = gitrepo.folder_trees(root) if gitrepo.is_repo(root) else None
    dirty = gitrepo.dirty_paths(root) if trees is not None else None
    if trees is None or dirty is None:
        return None
    covered = gitrepo.with_parents(dirty)
    return {i: (trees.get(i, ""), gitrepo.folder_path(i) not in covered) for i in ids}


def verify_many(root: Path, ids: Sequence[str], seen: Seen | None = None,
                jobs: int | None = None) -> dict[str, Verification]:
    """``verify_one`` per id, in ``jobs`` worker processes when there are many; ``seen``: each
    folder's tree at HEAD and whether its working copy is clean, when already known."""
    jobs = jobs or (os.cpu_count() or 1)
    # A folder without a trail file is answered at once ("trail.none"): only trails are worth
    # starting worker processes for.
    trails = [i for i in ids if trail_path(root, i).is_file()]
    if len(trails) >= PARALLEL_FROM and jobs > 1 and (seen is None or _signed(root, trails)):
        out: dict[str, Verification] = {}
        size = max(8, len(trails) // (jobs * 4))
        chunks = [(root, trails[i:i + size], seen) for i in range(0, len(trails), size)]
        # Imported here: only an archive of PARALLEL_FROM trails or more needs worker
        # processes, and multiprocessing's import is a cost every single `evkin pdf` paid.
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("forkserver")) as pool:
            for found in pool.map(_chunk, chunks):
                out.update(found)
        out.update(_chunk((root, [i for i in ids if i not in out], seen)))
        return {i: out[i] for i in ids}
    return _chunk((root, list(ids), seen))
