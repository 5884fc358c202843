"""Typst, the PDF engine (the ``typst`` wheel, a native library): the one module that imports
it. Fonts are scanned once per process, a compiler lays out many documents, and Typst's own
error becomes ``TypstFailed`` with its message and hints. Imported inside these functions:
``evkin --help`` and the commands that make no document never load the library."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class TypstFailed(Exception):
    """Typst refused the source: ``detail`` is its message and hints, for the user."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def load() -> None:
    """Import Typst now (before worker processes are forked, so they share it)."""
    import typst  # noqa: F401


def fonts(paths: Sequence[str], system: bool) -> Any:
    """A ``typst.Fonts`` scan: ``paths`` first, then the machine's fonts when ``system``."""
    import typst

    return typst.Fonts(include_system_fonts=system, font_paths=list(paths))


def compiler(font_set: Any, root: str | None = None) -> Any:
    """A compiler that keeps its parsed template and fonts between documents."""
    import typst

    if root is None:
        return typst.Compiler(font_paths=font_set)
    return typst.Compiler(root=root, font_paths=font_set)


def compile_document(made: Any, source: bytes, fmt: str = "pdf",
                     sys_inputs: Mapping[str, str] | None = None, **options: Any) -> bytes:
    """One document from ``source`` (PDF, or the first page as PNG)."""
    import typst

    try:
        out = made.compile(input=source, format=fmt, sys_inputs=dict(sys_inputs or {}),
                           **options)
    except typst.TypstError as error:
        raise TypstFailed(" ".join(str(x) for x in (error.message, *(error.hints or [])))
                          .strip()) from None
    if isinstance(out, list):
        out = out[0]
    assert isinstance(out, bytes)
    return out
