"""The code of dataclass methods, compiled once and kept, as Python keeps compiled modules.

On Python 3.11 ``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` (and a frozen class's ``__setattr__`` and ``__delattr__``) as source text and
compiles it, method by method: for the ~90 classes a cold ``evkin pdf`` defines that is about
40 % of its imports' time, more than the modules' own code. ``install`` has ``dataclasses``
execute, for a text it compiled in an earlier run, the code compiled then: the same text, the
same flags and the same interpreter give the same code, so every class comes out exactly as it
would without it (``tests/test_dataclass_code.py`` compares them).

The code is kept in the package's own bytecode cache folder (``__pycache__``, where Python
keeps the compiled modules it runs, so whoever could change the one could change the other),
under Python's rules for it: not written under ``PYTHONDONTWRITEBYTECODE`` or where the folder
cannot be written, and written whole or not at all. A file that is missing, unreadable, from
another interpreter or damaged is ignored and written afresh. The file is not part of the
installed package (``pyproject.toml`` ships no top-level ``__pycache__``).
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

# The interpreter's bytecode version and optimisation level: code from another is not used.
HEADER = b"evkin-dataclass-code\n" + importlib.util.MAGIC_NUMBER + bytes([sys.flags.optimize])
LIMIT = 4000  # texts kept at most (about 4 MB); beyond, only the last run's are kept


class _Store:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, CodeType] = _read(path) if path else {}
        self.used: set[str] = set()
        self.added = False

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        """``exec`` as ``dataclasses`` calls it, with the code of a text compiled before."""
        if isinstance(source, str):
            code = self.known.get(source)
            if code is None:
                # What exec(text) compiles: file "<string>", no flags of this module.
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.known[source] = code
                self.added = True
            self.used.add(source)
            source = code
        builtins.exec(source, globals, locals)

    def save(self) -> None:
        """Write what this run compiled (with what was kept) when it compiled anything new."""
        if not self.added or self.path is None or sys.dont_write_bytecode:
            return
        kept = self.known if len(self.known) <= LIMIT else {
            text: code for text, code in self.known.items() if text in self.used}
        import tempfile  # only when writing: a run that compiles nothing new never does

        with contextlib.suppress(OSError, ValueError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".dataclass-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(HEADER + marshal.dumps(kept))
                os.chmod(temporary, Path(__file__).stat().st_mode & 0o666)  # as a .pyc's
                os.replace(temporary, self.path)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def _read(path: Path) -> dict[str, CodeType]:
    try:
        data = path.read_bytes()
        if not data.startswith(HEADER):
            return {}
        found = marshal.loads(data[len(HEADER):])
    except Exception:  # missing, unreadable or damaged: compiled afresh
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, CodeType)}


def cache_path() -> Path | None:
    """Beside this module's compiled file (``sys.pycache_prefix`` honoured); ``None`` where
    the interpreter keeps no bytecode cache."""
    try:
        return Path(importlib.util.cache_from_source(__file__)).with_suffix(".code")
    except (NotImplementedError, ValueError):
        return None


def install() -> None:
    """Have ``dataclasses`` use the kept code from now on in this process (once)."""
    if isinstance(getattr(dataclasses, "exec", None), _Bound):
        return
    store = _Store(cache_path())
    dataclasses.exec = _Bound(store)  # type: ignore[attr-defined]
    atexit.register(store.save)


class _Bound:
    """The store's ``exec``, recognisable so that a second ``install`` does nothing."""

    def __init__(self, store: _Store) -> None:
        self.store = store

    def __call__(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        self.store.exec(source, globals, locals)
