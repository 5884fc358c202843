"""Markdown → Typst markup (or pandoc JSON) for many parts in one pandoc process.

The reader is CommonMark (as ``evkin check`` reads it) with pandoc's useful extensions, minus
the ones that would let text become code or vanish: ``raw_attribute`` (```` ```{=typst} ````),
TeX math (``$`` is a plain dollar in a report), and a YAML block inside the body (it would be
swallowed as metadata). What stays raw (HTML) is shown literally by ``convert.lua``.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from evkin import environment
from evkin.findings import EvkinError

READER = ("commonmark_x-raw_attribute-tex_math_dollars-yaml_metadata_block-implicit_figures"
          "-emoji")
SCRIPT = "convert.lua"


@dataclass(frozen=True)
class Part:
    """One Markdown text to convert; ``insert_after`` places the capaian table (see Lua)."""

    markdown: str
    insert_after: int | None = None
    follow_up_after: int | None = None  # the follow-up table of earlier recommendations
    name: str = "p0"  # prefix of its labels: unique within one document, never batch-wide


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    title: str
    figure: bool


@dataclass(frozen=True)
class Converted:
    text: str
    images: tuple[Image, ...] = ()
    notes: tuple[dict[str, Any], ...] = field(default_factory=tuple)


def pandoc_path() -> str:
    """The pandoc that pypandoc-binary ships, found without importing pypandoc (whose import
    and path probe, several ``pandoc --version`` runs, cost a cold ``evkin pdf`` ~90 ms)."""
    import importlib.util
    import os

    chosen = environment.pandoc_override()
    if chosen:
        return chosen
    spec = importlib.util.find_spec("pypandoc")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        shipped = Path(folder) / "files" / "pandoc"
        if shipped.is_file() and os.access(shipped, os.X_OK):
            return str(shipped)
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def script_path() -> Path:
    return Path(str(resources.files("evkin.render").joinpath(SCRIPT)))


def _spec(parts: Sequence[Part], writer: str) -> str:
    return json.dumps({
        "reader": READER,
        "writer": writer,
        "jobs": [{"markdown": p.markdown, "part": p.name,
                  "insert_after": p.insert_after, "follow_up_after": p.follow_up_after}
                 for p in parts],
    }, ensure_ascii=False)


class Conversion:
    """One ``pandoc lua`` run under way: started by ``begin`` as soon as the parts are known
    (a cold ``evkin pdf`` starts it before the trail is verified, so pandoc converts while
    the report is assembled), its result taken by ``convert`` when it is asked exactly the
    same parts; otherwise, and on ``close``, the process is ended and its folder removed."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self.folder = tempfile.TemporaryDirectory(prefix="evkin-pandoc-")
        self.jobs = Path(self.folder.name) / "jobs.json"
        self.out = Path(self.folder.name) / "out.json"
        self.jobs.write_text(spec, encoding="utf-8")
        try:
            self.process = subprocess.Popen(
                [pandoc_path(), "lua", str(script_path()), str(self.jobs), str(self.out)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as exc:
            self.folder.cleanup()
            raise EvkinError("render.pandoc_failed", {"detail": str(exc)}) from None

    def result(self) -> list[Converted]:
        stdout, stderr = self.process.communicate()
        if self.process.returncode != 0 or not self.out.is_file():
            raise EvkinError("render.pandoc_failed",
                             {"detail": (stderr or stdout).strip()[:500]})
        return _results(json.loads(self.out.read_text(encoding="utf-8")))

    def close(self) -> None:
        """End the process if it still runs (never a pandoc left behind) and remove its
        folder; a second call does nothing."""
        if self.process.returncode is None:  # its result was never taken
            if self.process.poll() is None:
                self.process.kill()
            self.process.communicate()
        self.folder.cleanup()


def begin(parts: Sequence[Part], writer: str = "typst") -> Conversion:
    """Start converting ``parts``; ``convert(parts, started=...)`` takes the result."""
    return Conversion(_spec(parts, writer))


def convert(parts: Sequence[Part], writer: str = "typst",
            meanwhile: Callable[[], None] | None = None,
            started: Conversion | None = None) -> list[Converted]:
    """Convert every part in one ``pandoc lua`` run; the order of results is the order given.
    ``meanwhile`` runs in this process while pandoc works in its own (a cold ``evkin pdf``
    prepares Typst's fonts and compiler there instead of after). ``started``: a run begun
    earlier, used when it converts exactly these parts (else ended, and a new one run)."""
    if not parts:
        if started is not None:
            started.close()
        if meanwhile:
            meanwhile()
        return []
    spec = _spec(parts, writer)
    if started is not None and started.spec != spec:
        started.close()
        started = None
    running = started or Conversion(spec)
    try:
        if meanwhile:
            meanwhile()
        return running.result()
    finally:  # as subprocess.run does: never a pandoc left behind
        running.close()


def _results(raw: list[dict[str, Any]]) -> list[Converted]:
    results = []
    for item in raw:
        images = item.get("images") or []
        notes = item.get("notes") or []
        results.append(Converted(
            text=item["text"],
            images=tuple(Image(str(i.get("src", "")), str(i.get("alt", "")),
                               str(i.get("title", "")), bool(i.get("figure")))
                         for i in (images if isinstance(images, list) else [])),
            notes=tuple(n for n in (notes if isinstance(notes, list) else [])
                        if isinstance(n, dict)),
        ))
    return results
