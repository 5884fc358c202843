"""The search benchmark runs (a few reports, one run): both searches find the report, and the
figures are printed side by side with their targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import smoke_output

pytestmark = pytest.mark.browser

if not Path("/usr/bin/chromium").exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); "
                "benchmark smoke test skipped", allow_module_level=True)


@pytest.mark.slow
def test_search_benchmark_smoke() -> None:
    out = smoke_output("bench_search")
    assert "Pagefind (now)" in out and "lunr (before)" in out
    for line in ("bytes fetched for search", "time to first result", "results shown"):
        assert line in out, out
    shown = next(x for x in out.splitlines() if x.startswith("results shown")).split()
    assert int(shown[-2]) > 0 and int(shown[-1]) > 0  # both searches found "jalan mantap"
