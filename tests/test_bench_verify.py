"""The verification benchmark runs (its smallest size, once): in-process beside ssh-keygen,
every genuine signature decided in-process (none left to ssh-keygen)."""

from __future__ import annotations

from tests.conftest import smoke_output


def test_verify_benchmark_smoke() -> None:
    out = smoke_output("bench_verify")
    for line in ("ssh-ed25519: 15 signatures, 0 left to ssh-keygen",
                 "rsa-sha2-512 (3072-bit): 15 signatures, 0 left to ssh-keygen",
                 "in-process (median of 1)", "ssh-keygen -Y verify (median of 1)", "speed-up",
                 "load average at end"):
        assert line in out, out
