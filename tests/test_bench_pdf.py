"""The PDF benchmark runs at its smoke size: the cold-run breakdown adds up and names its
parts, and evkin's own figures are printed (WeasyPrint is compared only where installed)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import smoke_output


@pytest.mark.slow
def test_pdf_benchmark_smoke() -> None:
    out = smoke_output("bench_pdf")
    shares = [float(x) for x in re.findall(r"s\s+(-?[0-9.]+) %", out)]
    # Two breakdowns (the sample final, and as a draft): in each, the parts make the whole.
    assert len(shares) == 10, out
    assert abs(sum(shares[:5]) - 100) < 1 and abs(sum(shares[5:]) - 100) < 1, out
    for part in ("interpreter start", "imports", "pandoc", "Typst", "evkin's own work",
                 "of the sample, final", "of the sample as a draft", "load average"):
        assert part in out, part
    assert re.search(r"sample, final \(\d+ pages", out), out
    assert re.search(r"sample, draft \(no trail\) \(\d+ pages", out), out
    assert "4 reports, evkin pdf" in out
    if "WeasyPrint not found" not in out:  # the target and its verdict, in the same run
        assert re.search(r"cold single PDF, sample, final: [0-9.]+× WeasyPrint   "
                         r"target ≥ 5×: (OK|MISSED)", out), out
