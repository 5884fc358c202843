"""Word-level differences for people who write prose: parse git's porcelain word diff and show
it with colour on a terminal, or with ``[-removed-]`` / ``{+added+}`` markers elsewhere. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HUNK = re.compile(r"^@@ -(?P<old>\d+)(?:,(?P<oldn>\d+))? \+(?P<new>\d+)(?:,(?P<newn>\d+))? @@")

RED, GREEN, DIM, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"


@dataclass
class Hunk:
    old_line: int
    new_line: int
    new_count: int
    # One list of (kind, text) segments per line; kind is ' ', '-' or '+'.
    lines: list[list[tuple[str, str]]] = field(default_factory=list)


@dataclass
class FileDiff:
    binary: bool = False
    hunks: list[Hunk] = field(default_factory=list)


def parse_word_diff(text: str) -> FileDiff:
    """One file's ``git diff --word-diff=porcelain`` output → hunks of segmented lines."""
    result = FileDiff()
    hunk: Hunk | None = None
    current: list[tuple[str, str]] = []
    for raw in text.splitlines():
        if hunk is None or raw.startswith("@@"):
            match = HUNK.match(raw)
            if match:
                if hunk is not None and current:
                    hunk.lines.append(current)
                current = []
                count = match["newn"]
                hunk = Hunk(int(match["old"]), int(match["new"]),
                            int(count) if count is not None else 1)
                result.hunks.append(hunk)
            elif raw.startswith("Binary files") or raw.startswith("GIT binary patch"):
                result.binary = True
            continue
        if raw == "~":
            hunk.lines.append(current)
            current = []
        elif raw[:1] in (" ", "-", "+"):
            current.append((raw[0], raw[1:]))
    if hunk is not None and current:
        hunk.lines.append(current)
    return result


def render_line(segments: list[tuple[str, str]], colour: bool) -> str:
    out = []
    for kind, text in segments:
        if kind == " ":
            out.append(text)
        elif colour:
            out.append(f"{RED if kind == '-' else GREEN}{text}{RESET}")
        else:
            out.append(f"[-{text}-]" if kind == "-" else f"{{+{text}+}}")
    return "".join(out)


def line_changed(segments: list[tuple[str, str]]) -> bool:
    return any(kind != " " for kind, _ in segments)


def render_hunk(hunk: Hunk, colour: bool, label: str, indent: str = "    ") -> list[str]:
    """The hunk's lines under a ``label`` (e.g. "baris 12"); unchanged context dimmed."""
    out = [f"  {BOLD}{label}{RESET}" if colour else f"  {label}"]
    for segments in hunk.lines:
        text = render_line(segments, colour)
        if colour and not line_changed(segments):
            text = f"{DIM}{text}{RESET}"
        out.append(f"{indent}{text}".rstrip())
    return out
