"""The check benchmark runs (its smallest size, once): every line it reports is printed, the
target beside the figure, and the alternative a user would script beside it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROJECT


@pytest.mark.slow
def test_check_benchmark_smoke() -> None:
    done = subprocess.run([sys.executable, str(PROJECT / "benchmarks" / "bench_check.py"),
                           "--smoke"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for line in ("evkin check, Git repository", "target < 3 s", "evkin check, plain folder",
                 "evkin check --jobs 1", "one evkin check per folder",
                 "speed-up over per-folder loop"):
        assert line in out, out
    assert "70 evaluations" in out and "load " in out
