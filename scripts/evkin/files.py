"""Files written whole or not at all: a temporary file beside the target, then a rename. A
crash or a full disk leaves the old file or the new one, never half of either (trails, PDFs,
pages, manifests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

# A cache entry no build used for this many days is forgotten (each use touches it): every
# publication adds what it changed, and a new evkin or toolchain a whole archive's worth.
KEEP_DAYS = 30


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place.

    The file gets the permissions a plain ``open()`` would give (0666 less the umask), not
    mkstemp's private 0600: trails, PDFs and pages are meant to be read by others.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def delete_later(folders: Iterable[Path]) -> None:
    """Delete ``folders`` in a detached Python process (its own session: not stopped with this
    one's terminal) that nobody waits for; where none can be started, here and now."""
    folders = list(folders)
    if not folders:
        return
    script = "import shutil, sys\nfor p in sys.argv[1:]: shutil.rmtree(p, ignore_errors=True)"
    try:
        subprocess.Popen([sys.executable, "-c", script, *map(str, folders)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def link_or_copy(source: Path, dest: Path) -> None:
    """A hard link where possible, else a copy: for files never written in place again (a
    derived PDF, a published release's file), which every publication of 1,000 reports
    otherwise copied several times over."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


def copy(source: Path, dest: Path) -> None:
    """A copy of its own, never a link: for a file that leaves this machine's caches (a
    published file edited in place must not change what the cache holds)."""
    shutil.copyfile(source, dest)


def place(source: Path, dest: Path,
          link: Callable[[Path, Path], None] | None = None) -> None:
    """``source`` at ``dest`` whole or not at all (linked or copied beside it, then renamed)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.unlink(missing_ok=True)
    (link or link_or_copy)(source, tmp)
    os.replace(tmp, dest)


def used(path: Path) -> None:
    """Mark a cache entry as used just now (``forget_unused`` keeps it)."""
    with suppress(OSError):
        os.utime(path)


def unused(paths: Iterable[Path], days: int = KEEP_DAYS) -> list[Path]:
    """Those of ``paths`` not used (written or marked ``used``) for ``days`` days."""
    limit = time.time() - days * 86400
    old = []
    for path in paths:
        with suppress(OSError):
            if path.stat().st_mtime < limit:
                old.append(path)
    return old


def forget_unused(folder: Path, pattern: str, days: int = KEEP_DAYS) -> None:
    """Delete the files of ``folder`` matching ``pattern`` that no build used for ``days``
    days: a cache of one file per entry."""
    if folder.is_dir():
        for path in unused(folder.glob(pattern), days):
            path.unlink(missing_ok=True)
