"""The compiled code of the site's page templates (Material's and evkin's), kept between
builds as Python keeps compiled modules.

Jinja compiles every template a build uses, from source, in every build: at 1,000 reports
that was about a third of a second of each publication's MkDocs step, for templates that
change only with an upgrade. Jinja's own bytecode cache keeps the code, checked against the
template's source (a changed template is compiled afresh) and the interpreter's version.

The code is kept beside this package's compiled modules (``__pycache__``, where Python keeps
the code it runs, so whoever could change the one could change the other), in a folder per
Jinja version, under Python's rules: not written under ``PYTHONDONTWRITEBYTECODE`` or where
the folder cannot be written. A file that is damaged or unreadable is compiled afresh.
"""

from __future__ import annotations

import importlib.util
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

from jinja2 import __version__ as JINJA_VERSION
from jinja2.bccache import Bucket, FileSystemBytecodeCache


def folder() -> Path | None:
    """Beside this module's compiled file (``sys.pycache_prefix`` honoured); ``None`` where
    the interpreter keeps no bytecode cache."""
    try:
        compiled = Path(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):
        return None
    return compiled.parent / f"jinja2-{JINJA_VERSION}"


class _Kept(FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # damaged: compiled afresh (and written again)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if sys.dont_write_bytecode:
            return
        with suppress(OSError):
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)


def cache() -> Any:
    """The bytecode cache to give MkDocs' Jinja environment (``None``: none kept)."""
    where = folder()
    return None if where is None else _Kept(str(where), "%s.cache")
