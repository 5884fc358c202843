"""Benchmark: verify the signatures of N approval trails, in-process against ssh-keygen.

A publication verifies every trail afresh (never a cache: roots of trust); each trail carries
the Sekretaris' paraf, the Kepala Dinas' signature and the record signature. Measured in the
same run, over the same signatures and allowed signers:

- in-process: ``signing.verify`` (SSHSIG checked with ``cryptography``);
- the alternative, as evkin did before: ``ssh-keygen -Y verify`` once per signature
  (``signing.verify_with_keygen``, temporary allowed_signers and signature files);

each for Ed25519 and RSA keys. Every answer must be "valid", and the run says how many
signatures were left to ssh-keygen by the in-process path (0 expected).

    .venv/bin/python benchmarks/bench_verify.py [--trails 200] [--runs 3] [--smoke]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from evkin import signing
from evkin.signing import Signer

ROLES = ("sekretaris", "kepala_dinas", signing.RECORD_PRINCIPAL)
KEY_TYPES = {"ssh-ed25519": ["-t", "ed25519"], "rsa-sha2-512 (3072-bit)": ["-t", "rsa"]}

Check = Callable[[bytes, str, list[Signer], str], bool]


def keys(folder: Path, options: list[str]) -> dict[str, Path]:
    out = {}
    for role in ROLES:
        subprocess.run(["ssh-keygen", "-q", *options, "-N", "", "-f", str(folder / role)],
                       check=True, stdin=subprocess.DEVNULL)
        out[role] = folder / role
    return out


def signatures(found: dict[str, Path], trails: int) -> list[tuple[bytes, str, str]]:
    """(payload, signature, role) of each signature on ``trails`` trails."""
    out = []
    for n in range(trails):
        for role in ROLES:
            payload = (f"evaluasi: 2026-{n:04d}\nperan: {role}\ncommit: {n:040x}\n"
                       f"waktu: 2026-12-06T10:00:00+07:00\n").encode()
            out.append((payload, signing.sign(payload, found[role]), role))
    return out


def timed(check: Check, signed: list[tuple[bytes, str, str]], allowed: list[Signer]) -> float:
    start = time.perf_counter()
    for payload, signature, role in signed:
        if not check(payload, signature, allowed, role):
            raise SystemExit(f"a genuine signature did not verify ({role})")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trails", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="5 trails, 1 run (for a test)")
    args = parser.parse_args()
    trails, runs = (5, 1) if args.smoke else (args.trails, args.runs)
    print(f"{trails} trails × {len(ROLES)} signatures, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    for label, options in KEY_TYPES.items():
        with tempfile.TemporaryDirectory() as tmp:
            found = keys(Path(tmp), options)
            allowed = [Signer(role, signing.public_key_of(path)) for role, path in found.items()]
            signed = signatures(found, trails)
            left = sum(signing.verify_in_process(p, s, allowed, r) is None for p, s, r in signed)
            here = [timed(signing.verify, signed, allowed) for _ in range(runs)]
            keygen = [timed(signing.verify_with_keygen, signed, allowed) for _ in range(runs)]
        m_here, m_keygen = statistics.median(here), statistics.median(keygen)
        count = len(signed)
        print(f"{label}: {count} signatures, {left} left to ssh-keygen")
        print(f"  in-process (median of {runs})            {m_here:8.3f} s  "
              f"{m_here / count * 1000:7.2f} ms per signature")
        print(f"  ssh-keygen -Y verify (median of {runs}) {m_keygen:8.3f} s  "
              f"{m_keygen / count * 1000:7.2f} ms per signature (the alternative)")
        print(f"  speed-up {m_keygen / m_here:.0f}×")
    print(f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
