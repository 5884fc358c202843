"""The site benchmark runs at its smoke size: every figure it compares is printed, with the
targets and their verdicts, so the benchmark cannot rot unnoticed."""

from __future__ import annotations

import re

import pytest

from tests.conftest import smoke_output


@pytest.mark.slow
def test_site_benchmark_smoke() -> None:
    out = smoke_output("bench_site")
    assert "3 approved evaluations" in out
    assert re.search(r"site: \d+ HTML pages, 3 PDFs", out), out
    assert re.search(r"full build, PDFs included \(median of 1\) +[0-9.]+ s", out), out
    assert re.search(r"plain mkdocs build \(median of 1\) +[0-9.]+ s", out), out
    assert re.search(r"rebuild after one change .*target ≤ 1\.5×: (OK|MISSED)", out), out
    assert re.search(r"the PDFs alone, evkin pdf of all \(median of 1\) +[0-9.]+ s", out), out
    assert re.search(r"full build against its PDF floor \(median of the pairs\) +[0-9.]+×   "
                     r"target ≤ 1\.15×: (OK|MISSED)", out), out
    assert re.search(r"ratio of the medians: [0-9.]+×", out), out
    assert "load average" in out
