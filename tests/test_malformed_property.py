"""Property: whatever a hurried user types or pastes into settings, metadata, indicator cells
(CSV or Excel), Markdown or front matter, every command answers with a message and an exit code
of 0, 1 or 2: never a traceback, and no file in the repository changes.

The commands run in-process (``evkin.cli.main``), so an exception escaping a command fails the
property with the input that caused it; Hypothesis shrinks it to the smallest such input.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from evkin import messages
from evkin.cli import main
from tests.conftest import copy_sample, git
from tests.forge_payloads import EMAILS, commit, files, pull

EVAL = "evaluations/2025-tahunan"
ID = "2025-tahunan"
SAKIP = "fajar-ramadhan"

# What people paste: impossible dates, YAML specials, Excel and English numbers, control bytes,
# structures where text belongs, unbalanced quotes and brackets, very long and very large values.
KNOWN_BAD = [
    "2026-02-30", "2026-13-04", "2026-04-31", "2026-01-26 25:61:00", ".nan", "-.inf", ".inf",
    "null", "~", "[]", "{}", "[[a, b], {c: d}, null]", "'", '"', "[", "{", "- x", ": x", "? x",
    "*alias", "&a x", "!!binary AAAA", "!!python/object:os.system", "1e308", "9" * 60,
    "9" * 5000, "0,0000000000000000000000000001", "-5", "-0", "85.5", "1.234", "1,234.5",
    "84,15 %", "yes", "no", "0x1F", "1_000", "\x00", "\x1b[31mmerah", "\u202e", "\ufeff",
    "x" * 12_000, "=1+1", "#DIV/0!", "tab\tdi tengah", "baris\nbaru", "2025-tahunan",
]
pasted = st.one_of(
    st.sampled_from(KNOWN_BAD),
    st.text(max_size=30),
    st.integers(min_value=-(10 ** 40), max_value=10 ** 40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(alphabet="0123456789.,-+% eE", min_size=1, max_size=20),
)
cell_value = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.text(max_size=20),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["=A1*2", "=1/0", "84,15 %", "85.5", "9" * 40]),
)


@dataclass(frozen=True)
class Mutation:
    target: str  # settings | metadata | csv | xlsx | markdown | front_matter
    line: int  # which line / row / key to hit (taken modulo what exists)
    column: int
    value: Any
    percent: bool = False
    merge: bool = False


mutations = st.one_of(
    st.builds(Mutation, st.sampled_from(["settings", "metadata", "csv", "markdown",
                                         "front_matter"]),
              st.integers(0, 200), st.integers(0, 20), pasted),
    st.builds(Mutation, st.just("xlsx"), st.integers(0, 20), st.integers(0, 20), cell_value,
              st.booleans(), st.booleans()),
)


def _replace_value(text: str, index: int, value: str) -> str:
    """Put ``value`` after the colon of the index-th ``key: value`` line."""
    lines = text.split("\n")
    keyed = [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("#")]
    if not keyed:
        return text + value
    i = keyed[index % len(keyed)]
    key = lines[i].split(":", 1)[0]
    lines[i] = f"{key}: {value}"
    return "\n".join(lines)


def mutate(root: Path, m: Mutation) -> None:
    folder = root / EVAL
    if m.target == "settings":
        path = root / "evkin.yml"
        path.write_text(_replace_value(path.read_text(encoding="utf-8"), m.line, m.value),
                        encoding="utf-8")
    elif m.target == "metadata":
        path = folder / "evaluasi.yml"
        path.write_text(_replace_value(path.read_text(encoding="utf-8"), m.line, m.value),
                        encoding="utf-8")
    elif m.target == "front_matter":
        docs = sorted((folder / "dokumen").glob("*.md"))
        path = docs[m.column % len(docs)]
        text = path.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n---\n")
        path.write_text(_replace_value(head, m.line, m.value) + sep + body, encoding="utf-8")
    elif m.target == "markdown":
        path = folder / "laporan.md"
        lines = path.read_text(encoding="utf-8").split("\n")
        lines.insert(m.line % (len(lines) + 1), str(m.value))
        path.write_text("\n".join(lines), encoding="utf-8")
    elif m.target == "csv":
        path = folder / "indikator.csv"
        rows = [line.split(";") for line in path.read_text(encoding="utf-8").split("\n")]
        row = rows[m.line % len(rows)]
        if row and row != [""]:
            row[m.column % len(row)] = str(m.value)
        path.write_text("\n".join(";".join(r) for r in rows), encoding="utf-8")
    else:
        _to_xlsx(folder, m)


def _to_xlsx(folder: Path, m: Mutation) -> None:
    csv = folder / "indikator.csv"
    rows = [line.split(";") for line in csv.read_text(encoding="utf-8").splitlines() if line]
    csv.unlink()
    book = Workbook()
    sheet = book.active
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value or None)
    r = 2 + m.line % (len(rows) - 1)
    c = 1 + m.column % len(rows[0])
    # openpyxl itself refuses control characters in a cell: Excel cannot hold them either.
    value = ILLEGAL_CHARACTERS_RE.sub("", m.value) if isinstance(m.value, str) else m.value
    sheet.cell(r, c, value)
    if m.percent:
        sheet.cell(r, c).number_format = "0.00%"
    if m.merge:
        sheet.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    book.save(folder / "indikator.xlsx")


# evkin's own output, git-ignored in every evaluation repository (see .gitignore).
GENERATED = ("build/", "site/", "docs/arsip/", "docs/index.md")


def snapshot(root: Path) -> dict[str, str]:
    """Every file a person keeps (evkin's generated, git-ignored output aside)."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and ".git" not in path.parts and not rel.startswith(GENERATED):
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse's own refusals
            code = int(exc.code or 0)
    messages.set_lang(None)
    return code, out.getvalue() + err.getvalue()


def gate_payloads(folder: Path, head: str, old: str) -> list[str]:
    folder.mkdir()
    data = {"pr.json": pull("github", 7, SAKIP, head), "reviews.json": [],
            "files.json": files("github", [f"{EVAL}/laporan.md"]),
            "commits.json": [commit("github", old, SAKIP, EMAILS[SAKIP]),
                             commit("github", head, SAKIP, EMAILS[SAKIP])]}
    for name, payload in data.items():
        (folder / name).write_text(json.dumps(payload), encoding="utf-8")
    return ["--pr", str(folder / "pr.json"), "--reviews", str(folder / "reviews.json"),
            "--files", str(folder / "files.json"), "--commits", str(folder / "commits.json")]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("pristine") / "repo")


def _exercise(pristine: Path, mutation: Mutation, heavy: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="evkin-prop-") as tmp_name:
        tmp = Path(tmp_name)
        root = tmp / "repo"
        shutil.copytree(pristine, root, symlinks=True)
        old = git(root, "rev-parse", "HEAD")
        git(root, "checkout", "-q", "-b", "draf-2025")
        mutate(root, mutation)
        git(root, "add", "-A")
        git(root, "commit", "-q", "--allow-empty", "-m", "Draf")
        head = git(root, "rev-parse", "HEAD")
        before = snapshot(root)
        commands = [
            ["check", EVAL], ["check", "--format", "json"], ["summary", ID],
            ["summary", ID, "--format", "json"], ["status"], ["status", ID],
            ["gate", *gate_payloads(tmp / "payloads", head, old), "--base-ref", "main",
             "--no-status", "--format", "json"],
        ]
        if heavy:
            commands += [["pdf", ID, "-o", str(tmp / "pdf")],
                         ["site", "build", "--preview", "-o", str(tmp / "site")]]
        for argv in commands:
            code, output = run("--root", str(root), *argv)
            assert code in (0, 1, 2), (argv, code, output[-2000:])
            assert "Traceback" not in output, (argv, output[-2000:])
            assert snapshot(root) == before, argv


@pytest.mark.slow
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=mutations)
def test_no_malformed_input_gets_a_traceback_or_changes_a_file(
        pristine: Path, mutation: Mutation) -> None:
    _exercise(pristine, mutation, heavy=False)


@pytest.mark.slow
@settings(max_examples=6, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.generate],  # each example builds a site: no shrinking
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=mutations)
def test_pdf_and_site_build_survive_malformed_input(pristine: Path, mutation: Mutation) -> None:
    _exercise(pristine, mutation, heavy=True)
