"""The portal benchmark runs at its smoke size: archives generated, every report verified."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT


def test_portal_benchmark_smoke() -> None:
    done = subprocess.run([sys.executable, str(PROJECT / "benchmarks" / "bench_portal.py"),
                           "--smoke"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "12 reports verified (12 pages)" in done.stdout
    assert "floor: read and hash every file" in done.stdout
