"""Where a build comes from: the commit, its time (the PDF's timestamp) and uncommitted edits.

Pure data: ``gitrepo.read_source`` asks Git for it. For a report whose trail verifies, the
commit is the approved one (``outputs``), so its PDF does not change with later commits.

The timestamp is the commit's, never the clock's, so building the same commit twice gives the
same bytes. Outside Git, ``SOURCE_DATE_EPOCH`` or the evaluation's date stands in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from evkin import environment
from evkin.clock import WIB


@cache
def with_parents(paths: frozenset[str]) -> frozenset[str]:
    """``paths`` and every folder above them: "is anything under X dirty?" becomes a set
    lookup of X (an archive with untracked build output reports thousands of paths)."""
    out = {path.rstrip("/") for path in paths}
    for path in paths:
        parts = path.rstrip("/").split("/")
        out.update("/".join(parts[:n]) for n in range(1, len(parts)))
    return frozenset(out)


@dataclass(frozen=True)
class Source:
    commit: str  # full hash, '' outside Git
    time: dt.datetime | None  # commit time, timezone-aware
    dirty: frozenset[str]  # repository paths with uncommitted changes

    def is_dirty(self, *prefixes: str) -> bool:
        """Is any of these paths, or anything under them, changed? (A set lookup: an archive
        with untracked build output reports many thousands of paths.)"""
        covered = with_parents(self.dirty)
        return any(p.rstrip("/") in covered for p in prefixes)


def build_time(source: Source, fallback: dt.date | None) -> dt.datetime:
    """The moment written into the PDF: commit time, else SOURCE_DATE_EPOCH, else the date."""
    if source.time is not None:
        return source.time
    epoch = environment.source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.UTC)
    day = fallback or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=WIB)
