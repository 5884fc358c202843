"""The guide's CODEOWNERS and Gitea protected-file templates cover every path outside
``evaluations/``: jobs that hold a secret run code from ``main``, so any such path (a root
``setup.py``, ``conftest.py``, ``*.pth``, a new folder) must be reviewed as code. Compared
with the repository's own top-level tree, so a new path cannot be forgotten."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
CODEOWNERS = PROJECT / ".github" / "CODEOWNERS.contoh"
GITEA = PROJECT / ".github" / "berkas-terlindungi.contoh"
GUIDE = PROJECT / "docs" / "panduan" / "peninjauan.md"
DATA = "evaluations"

# Paths no tree holds yet that Python or pytest would run, and names built to slip through.
PROBES = ["setup.py", "setup.cfg", "pyproject.toml", "conftest.py", "sitecustomize.py",
          "usercustomize.py", "evil.pth", ".pth", "a.b.c.d.e", "LICENSE", "Makefile", "e",
          "ev.py", "evaluasi/x.py", "evaluations.py", "evaluationsx/a.py",
          "folder-baru/dalam/x.py", ".github/workflows/baru.yml", ".gitattributes",
          "persetujuan/2025-tahunan.yml", "docs/hooks.py", "scripts/evkin/approval/decision.py"]


def codeowners_rules() -> list[tuple[str, list[str]]]:
    rules = []
    for line in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def codeowners_match(pattern: str, path: str) -> bool:
    """GitHub's CODEOWNERS (gitignore) rules, for the forms the template uses."""
    if pattern == "*":
        return True
    if pattern.startswith("/") and pattern.endswith("/") and "*" not in pattern:
        return path.startswith(pattern[1:])
    raise AssertionError(f"pattern {pattern!r}: teach this test its meaning first")


def owners_of(path: str) -> list[str]:
    owners: list[str] = []
    for pattern, who in codeowners_rules():
        if codeowners_match(pattern, path):
            owners = who  # the last matching rule wins
    return owners


def gitea_regex(pattern: str) -> re.Pattern[str]:
    """gobwas/glob as Gitea compiles protected file patterns: separators ``.`` and ``/``
    (``*`` stops at them, ``**`` does not), ``[!x]`` one other character; lower case."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^./]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^./]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.index("]", i)
            body = pattern[i + 1:end]
            out.append(f"[^{re.escape(body[1:])}]" if body.startswith("!")
                       else f"[{re.escape(body)}]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def gitea_protected(path: str) -> bool:
    patterns = [p.strip() for p in GITEA.read_text(encoding="utf-8").lower().split(";")]
    return any(gitea_regex(p).fullmatch(path.lower()) for p in patterns if p)


def top_level() -> list[tuple[str, str]]:
    """(type, name) of every entry of the repository's committed top-level tree."""
    out = subprocess.run(["git", "-C", str(PROJECT), "ls-tree", "HEAD"], capture_output=True,
                         text=True, check=True).stdout
    entries = []
    for line in out.splitlines():
        meta, name = line.split("\t", 1)
        entries.append((meta.split()[1], name))
    assert entries
    return entries


def paths_to_try() -> list[str]:
    paths = []
    for kind, name in top_level():
        if name == DATA:
            continue
        paths.append(name if kind != "tree" else f"{name}/x/baru.py")
        if kind == "tree":
            paths.append(f"{name}/baru.py")
    return paths + PROBES


@pytest.mark.parametrize("path", paths_to_try())
def test_every_path_outside_the_evaluations_needs_the_admin(path: str) -> None:
    assert owners_of(path) == ["@admin-repositori"], f"CODEOWNERS leaves {path} unowned"
    assert gitea_protected(path), f"the Gitea patterns leave {path} unprotected"


def test_report_folders_need_only_the_gate() -> None:
    for path in (f"{DATA}/2025-tahunan/laporan.md", f"{DATA}/2026-tw1/dokumen/01-nota.md"):
        assert owners_of(path) == [], path
        assert not gitea_protected(path), path


def test_the_guide_shows_the_templates_as_they_are() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for template in (CODEOWNERS, GITEA):
        text = template.read_text(encoding="utf-8")
        shown = "".join("  " + line if line.strip() else line
                        for line in text.splitlines(keepends=True))
        assert shown in guide, f"{template.name} differs from the guide"
