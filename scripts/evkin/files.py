"""Files written whole or not at all: a temporary file beside the target, then a rename. A
crash or a full disk leaves the old file or the new one, never half of either (trails, PDFs,
pages, manifests)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


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
