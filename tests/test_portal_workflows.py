"""The portal's sample workflows (for a province's portal repository, in ``contoh/portal/``)
pass zizmor and actionlint, run ``evkin portal`` as evkin's parser accepts it, and hold no
secret in the build."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from evkin.cli import build_parser
from tests.test_workflows import _actionlint, _zizmor_run

SAMPLE = Path(__file__).resolve().parents[1] / "contoh" / "portal"
FILES = [SAMPLE / ".github" / "workflows" / "evkin-portal.yml",
         SAMPLE / ".gitea" / "workflows" / "evkin-portal.yml"]


@pytest.mark.parametrize("path", FILES, ids=["github", "gitea"])
def test_zizmor_finds_nothing(path: Path, tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"  # where zizmor reads workflows from
    folder.mkdir(parents=True)
    shutil.copyfile(path, folder / path.name)
    result = _zizmor_run(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_actionlint_finds_nothing() -> None:
    result = _actionlint(*FILES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(FILES)} files, 0 problems" in result.stdout


@pytest.mark.parametrize("path", FILES, ids=["github", "gitea"])
def test_scheduled_portal_run_is_a_valid_evkin_command(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "schedule" in data[True]  # "on:" reads as True in YAML 1.1
    lines = [line.strip() for job in data["jobs"].values() for step in job["steps"]
             for line in str(step.get("run", "")).splitlines()
             if line.strip().startswith("evkin portal")]
    assert lines
    for line in lines:
        words = shlex.split(line.split("||")[0])
        args = build_parser().parse_args(words[1:])
        assert args.command == "portal" and args.config == "portal.yml"
    builds = [step for job in data["jobs"].values() for step in job["steps"]
              if "evkin portal" in str(step.get("run", ""))]
    assert all("secrets." not in str(step.get("env", "")) for step in builds)
