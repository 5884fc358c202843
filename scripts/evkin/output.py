"""Rendering findings and tables for people, JSON and GitHub Actions annotations."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from evkin.findings import Finding


def github_escape(text: str, prop: bool = False) -> str:
    """Escape per the Actions workflow-command rules (properties also escape ``:`` and ``,``)."""
    out = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        out = out.replace(":", "%3A").replace(",", "%2C")
    return out


def github_annotation(finding: Finding) -> str:
    level = "error" if finding.severity == "error" else "warning"
    props = [f"file={github_escape(finding.path, True)}"]
    if finding.line:
        props.append(f"line={finding.line}")
    message = finding.message()
    if isinstance(finding.where, str):
        message = f"{finding.where}: {message}"
    return f"::{level} {','.join(props)}::{github_escape(message)}"


def print_json(data: Any, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    json.dump(data, stream, ensure_ascii=False, indent=2, default=str)
    stream.write("\n")


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], right: set[int] | None = None
          ) -> str:
    """A plain text table; ``right`` holds the indexes of right-aligned (numeric) columns."""
    right = right or set()
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])
