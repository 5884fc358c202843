"""Where a build comes from: the commit, its time (the PDF's timestamp) and uncommitted edits.

The timestamp is the commit's, never the clock's, so building the same commit twice gives the
same bytes. Outside Git, ``SOURCE_DATE_EPOCH`` or the evaluation's date stands in.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from evkin import gitrepo
from evkin.render.indonesian import WIB


@dataclass(frozen=True)
class Source:
    commit: str  # full hash, '' outside Git
    time: dt.datetime | None  # commit time, timezone-aware
    dirty: frozenset[str]  # repository paths with uncommitted changes

    def is_dirty(self, *prefixes: str) -> bool:
        """Is any of these paths, or anything under them, changed? (A set lookup: an archive
        with untracked build output reports many thousands of paths.)"""
        covered = gitrepo.with_parents(self.dirty)
        return any(p.rstrip("/") in covered for p in prefixes)


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def read_source(root: Path) -> Source:
    """HEAD's hash and committer time, and every path ``git status`` reports as changed."""
    head = _git(root, "log", "-1", "--format=%H %ct %cI")
    if not head or not head.strip():
        return Source("", None, frozenset())
    sha, epoch, iso = head.split()
    when = dt.datetime.fromtimestamp(int(epoch), dt.datetime.fromisoformat(iso).tzinfo)
    return Source(sha, when, gitrepo.dirty_paths(root) or frozenset())


def build_time(source: Source, fallback: dt.date | None) -> dt.datetime:
    """The moment written into the PDF: commit time, else SOURCE_DATE_EPOCH, else the date."""
    if source.time is not None:
        return source.time
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    day = fallback or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=WIB)
