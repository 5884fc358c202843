"""The portal benchmark runs at its smoke size: archives generated, every report verified."""

from __future__ import annotations

from tests.conftest import smoke_output


def test_portal_benchmark_smoke() -> None:
    out = smoke_output("bench_portal")
    assert "12 reports verified (12 pages)" in out
    assert "floor: read and hash every file" in out
