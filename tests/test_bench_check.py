"""The check benchmark runs (its smallest size, once): every line it reports is printed, the
target beside the figure, and the alternative a user would script beside it."""

from __future__ import annotations

import pytest

from tests.conftest import smoke_output


@pytest.mark.slow
def test_check_benchmark_smoke() -> None:
    out = smoke_output("bench_check")
    for line in ("evkin check, Git repository", "target < 3 s", "evkin check, plain folder",
                 "evkin check --jobs 1", "one evkin check per folder",
                 "speed-up over per-folder loop"):
        assert line in out, out
    assert "70 evaluations" in out and "load " in out
