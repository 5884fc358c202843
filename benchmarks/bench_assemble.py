"""Benchmark: assembling an archive whose reports were each approved at their own commit.

A final report reads its predecessor, the recommendation texts it quotes, its settings and
emblem through Git at its approved commit (``evkin.approval.approved_inputs``). Here every report
of a
generated archive (quarterly, 20 indicators each) makes one recommendation and follows up its
predecessor's, and each is approved in its own commit, so no two reports share an approved
commit. Measured, each the median of ``--runs`` in one process with cold caches:

- ``assemble`` of every report with the trail verdicts given (what the site build does after
  verifying every trail);
- ``assemble`` of one report in the middle, verifying its trail (what ``evkin pdf ID`` does).

    .venv/bin/python benchmarks/bench_assemble.py [--count 300] [--runs 3] [--smoke]

``--smoke`` (8 reports, one run) is what the test suite runs: it checks the figures, not time.

Measured 2026-12-06 on the shared 2-core machine (load about 8, so only the ratios mean
much), 300 reports, three cold runs each: before approved inputs (predecessor and ledger from
the working tree, every trail of a recommending report verified for one report's quotes):
all 8.6 / 9.1 / 14.9 s, one 37 / 32 / 44 s; with them: all 4.9 / 5.5 / 5.7 s, one 0.6 / 1.3 /
1.0 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.bench_site import approve_all, git
from benchmarks.generate import make_repo


def make_archive(dest: Path, count: int) -> tuple[Path, list[str]]:
    """``count`` generated reports, each following up its predecessor's recommendation, each
    approved at its own commit."""
    root = make_repo(dest, count)
    ids = sorted((p.name for p in (root / "evaluations").iterdir()),
                 key=lambda i: (int(i.split("-")[0]), i))
    for before, evaluation_id in zip([None, *ids], ids, strict=False):
        folder = root / "evaluations" / evaluation_id
        (folder / "rekomendasi.yml").write_text(
            f"- nomor: 1\n  teks: Rekomendasi dari {evaluation_id}\n"
            "  penanggung_jawab: Sekretaris\n  tenggat: 2026-12-31\n", encoding="utf-8")
        if before is not None:
            (folder / "tindak-lanjut.yml").write_text(
                f"- rekomendasi: {before}-R1\n  status: selesai\n  uraian: Sudah.\n",
                encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Arsip")
    for evaluation_id in ids:
        approve_all(root, [evaluation_id])  # one commit each: every approved commit differs
    return root, ids


PROBE = """
import json, sys, time
from pathlib import Path
from evkin.report.assembly import assemble
from evkin.settings import load_settings
from evkin.site.verify import verify_all

def main():
    root, middle = Path(sys.argv[1]), sys.argv[2]
    settings = load_settings(root)
    ids = [p.name for p in (root / "evaluations").iterdir()]
    verdicts = verify_all(root, ids, jobs=2)
    start = time.perf_counter()
    every = assemble(settings, verifications=verdicts, jobs=2)
    all_s = time.perf_counter() - start
    start = time.perf_counter()
    assemble(settings, [settings.evaluations_dir / middle], jobs=2)
    one_s = time.perf_counter() - start
    print(json.dumps({"all": all_s, "one": one_s, "reports": [
        [r.id, r.final, r.previous_id, r.previous_tree != "",
         [row.teks for row in r.follow_up]] for r in every.reports]}))

if __name__ == "__main__":
    main()
"""


def measure(root: Path, middle: str) -> dict[str, object]:
    """One cold run in its own process (caches start empty, as for a person's command)."""
    import json

    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.py"
        probe.write_text(PROBE, encoding="utf-8")
        done = subprocess.run([sys.executable, str(probe), str(root), middle],
                              capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="8 reports, one run")
    args = parser.parse_args(argv)
    count, runs = (8, 1) if args.smoke else (args.count, args.runs)
    with tempfile.TemporaryDirectory(prefix="evkin-bench-") as tmp:
        root, ids = make_archive(Path(tmp) / "repo", count)
        results = [measure(root, ids[len(ids) // 2]) for _ in range(runs)]
    every = statistics.median(float(str(r["all"])) for r in results)
    one = statistics.median(float(str(r["one"])) for r in results)
    print(f"{count} reports, each approved at its own commit (median of {runs}):")
    print(f"  assemble all, verdicts given: {every:6.2f} s")
    print(f"  assemble one, trail verified: {one:6.2f} s")
    return results[-1]


if __name__ == "__main__":
    main()
