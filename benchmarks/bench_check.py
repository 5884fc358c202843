"""Benchmark: `evkin check` over 1,000 evaluations of 20 indicators (target: < 3 s, 2 cores).

Compared in the same run with what a user would otherwise script: one `evkin check ID`
process per evaluation (measured on 100 folders and scaled to 1,000), and with `--jobs 1`.

    .venv/bin/python benchmarks/bench_check.py [--count 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.generate import make_repo

EVKIN = [sys.executable, "-m", "evkin"]


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout[-2000:]}"
                         f"{result.stderr[-2000:]}")
    return elapsed


def median(cmd: list[str], cwd: Path, runs: int) -> float:
    return statistics.median(timed(cmd, cwd) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = make_repo(Path(tmp) / "repo", args.count)
        print(f"{args.count} evaluations × 20 indicators, {os.cpu_count()} cores, "
              f"median of {args.runs} runs")
        parallel = median([*EVKIN, "check"], root, args.runs)
        serial = median([*EVKIN, "check", "--jobs", "1"], root, max(1, args.runs // 2))
        ids = sorted(p.name for p in (root / "evaluations").iterdir())[:100]
        start = time.perf_counter()
        for evaluation_id in ids:
            timed([*EVKIN, "check", evaluation_id], root)
        per_folder = (time.perf_counter() - start) * args.count / len(ids)
        print(f"evkin check (all cores)          {parallel:7.2f} s   target < 3 s: "
              f"{'OK' if parallel < 3 else 'MISSED'}")
        print(f"evkin check --jobs 1             {serial:7.2f} s")
        print(f"one evkin check per folder       {per_folder:7.2f} s   (100 measured, scaled)")
        print(f"speed-up over per-folder loop    {per_folder / parallel:7.1f}×")


if __name__ == "__main__":
    main()
