"""The command line: help lists the subcommands, bad arguments exit 2 without a traceback."""

import subprocess
import sys
from pathlib import Path

from .conftest import Run


def test_help_lists_subcommands(evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("--help")
    assert run.code == 0
    for name in ("new", "check", "summary"):
        assert f"    {name} " in run.out


def test_help_in_english(evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("--lang", "en", "check", "--help")
    assert "Exits 0 when clean" in run.out


def test_bad_arguments_exit_2(evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("summary")
    assert run.code == 2
    assert "Argumen tidak dapat dipakai" in run.err


def test_outside_a_repository(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "evkin", "check"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "evkin.yml tidak ditemukan" in result.stderr
    assert "Traceback" not in result.stderr
