"""README's flow and rooms match the code: every module the flow names exists, every room the
table names is a package, and every package of evkin is in the table."""

from __future__ import annotations

import re
from pathlib import Path

import evkin

README = Path(__file__).resolve().parents[1] / "README.md"
PACKAGE = Path(evkin.__file__).parent


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start:end if end > 0 else None]


def test_every_module_the_flow_names_exists() -> None:
    flow = section("Flow: one report, one truth").split("```")[1]  # the diagram
    named = set(re.findall(r"\b((?:[a-z_]+/)?[a-z_]+\.py)\b", flow))
    assert len(named) > 25  # the diagram names the modules, arrow by arrow
    missing = sorted(n for n in named if not (PACKAGE / n).is_file())
    assert not missing, f"README names modules that do not exist: {missing}"


def test_the_rooms_table_lists_every_package() -> None:
    layout = section("Layout")
    listed = set(re.findall(r"^\| `([a-z_]+)/`", layout, re.M))
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")} - {"catalogue"}
    assert listed == packages
