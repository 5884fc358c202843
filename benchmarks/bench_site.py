"""Benchmark: the archive site with 1,000 approved evaluations (20 indicators each).

Measured in the same run, each as a person would run it (one process per command):

- full build: ``evkin site build`` with an empty cache (every PDF, chart, page, MkDocs; the
  PDFs are laid out by worker processes while MkDocs runs); target under 60 s on 2 cores;
- rebuild after one report changed (edited, committed, approved again): ``evkin site build``
  again (one PDF and one report's pages rebuilt; 999 from the content-hash caches); target
  within 1.5× the next line;
- plain ``mkdocs build`` of the same generated pages (what ``evkin site build`` ends with);
- the PDFs alone: ``evkin pdf`` of all 1,000 (every core), the floor under the full build;
  target: the full build within 1.15× it.

The full builds and the floors alternate (full, floor, full, floor, …), so that a machine
whose speed drifts (a shared one: the same build took 100 s and 107 s a quarter of an hour
apart) weighs on both alike; the verdict is the median of each full build against the floor
run right after it, and the ratio of the two medians is printed beside it. The load average
is printed with the figures.

    .venv/bin/python benchmarks/bench_site.py [--count 1000] [--runs 3] [--full-runs 1]
        [--floor-runs 1] [--smoke]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.generate import make_repo
from evkin.bundled import SAMPLE_RECORD_KEY

EVKIN = [sys.executable, "-m", "evkin"]
WIB = dt.timezone(dt.timedelta(hours=7))
# The trails are signed with the sample record key, which counts only where this is set.
# As a person's machine runs it: Python's bytecode cache on (a development environment may
# set PYTHONDONTWRITEBYTECODE, which would time the compilers of modules and templates).
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "EVKIN_KUNCI_CONTOH": "izinkan",
       "GIT_AUTHOR_NAME": "Tim SAKIP", "GIT_AUTHOR_EMAIL": "sakip@example.id",
       "GIT_COMMITTER_NAME": "Tim SAKIP", "GIT_COMMITTER_EMAIL": "sakip@example.id"}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True,
                          text=True)
    return done.stdout


def approved_archive(dest: Path, count: int) -> Path:
    """A committed repository of ``count`` generated evaluations, each approved, with the
    archive's MkDocs configuration: what the site benchmarks build."""
    root = make_repo(dest, count)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Evaluasi")
    approve_all(root)
    mkdocs_config(root)
    return root


def approve_all(root: Path, ids: list[str] | None = None) -> None:
    """Paraf and signature of each folder as committed at HEAD (one ls-tree for all)."""
    from evkin.approval.records import Approval, Trail, save_trail
    from evkin.approval.trail import sign_record

    # The demo's record key stands for the publishing workflow's secret.
    key = SAMPLE_RECORD_KEY.read_text(
        encoding="ascii")
    head = git(root, "rev-parse", "HEAD").strip()
    trees = {}
    for line in git(root, "ls-tree", "HEAD", "evaluations/").splitlines():
        meta, path = line.split("\t")
        trees[path.split("/", 1)[1]] = meta.split()[2]
    at = dt.datetime(2026, 1, 27, 9, 0, tzinfo=WIB)
    for evaluation_id in ids or sorted(trees):
        tree = trees[evaluation_id]
        save_trail(root, sign_record(Trail(evaluation_id, (
            Approval("sekretaris", "paraf", "Dra. Rina Marlina, M.Si.", at,
                     jabatan="Sekretaris", nip="197511042000032001", login="rina-marlina",
                     tree=tree, commit=head),
            Approval("kepala_dinas", "tanda_tangan", "Ir. Hendra Saputra, M.T.",
                     at + dt.timedelta(days=1), jabatan="Kepala Dinas",
                     nip="197003121995031002", login="hendra-saputra", tree=tree,
                     commit=head),
        ), tree=tree, commit=head, source="github"), key))
    git(root, "add", "persetujuan")
    git(root, "commit", "-q", "-m", "Jejak persetujuan")


def mkdocs_config(root: Path) -> Path:
    """A repository mkdocs.yml, as this project's, pointing at the installed package."""
    from evkin.site.build import bundled_config

    base = bundled_config()
    config = root / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {base}\ndocs_dir: docs\nsite_dir: site\n"
        f"theme:\n  name: material\n  custom_dir: {base.parent / 'overrides'}\n"
        f"hooks:\n  - {base.parent / 'mkdocs_hooks.py'}\n", encoding="utf-8")
    git(root, "add", "mkdocs.yml")
    git(root, "commit", "-q", "-m", "mkdocs.yml")
    return config


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env or ENV)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout[-3000:]}"
                         f"{done.stderr[-3000:]}")
    return elapsed


def change_one(root: Path, evaluation_id: str, n: int) -> None:
    report = root / "evaluations" / evaluation_id / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + f"\nPerbaikan ke-{n}.\n",
                      encoding="utf-8")
    git(root, "commit", "-q", "-am", f"Perbaikan {evaluation_id}")
    approve_all(root, [evaluation_id])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full-runs", type=int, default=1)
    parser.add_argument("--no-pdf-alone", action="store_true",
                        help="skip timing `evkin pdf` of every report on its own")
    parser.add_argument("--floor-runs", type=int, default=1,
                        help="runs of `evkin pdf` of every report (the floor; median)")
    parser.add_argument("--smoke", action="store_true", help="3 reports, 1 run (for a test)")
    args = parser.parse_args()
    if args.smoke:
        args.count, args.runs, args.full_runs, args.floor_runs = 3, 1, 1, 1
    with tempfile.TemporaryDirectory() as tmp:
        root = approved_archive(Path(tmp) / "repo", args.count)
        ids = sorted(p.name for p in (root / "evaluations").iterdir())
        print(f"{len(ids)} approved evaluations × 20 indicators, {os.cpu_count()} cores")

        full: list[float] = []
        floors: list[float] = []
        for n in range(max(args.full_runs, 0 if args.no_pdf_alone else args.floor_runs)):
            if n < args.full_runs:
                shutil.rmtree(root / "build", ignore_errors=True)
                shutil.rmtree(root / "docs", ignore_errors=True)
                full.append(timed([*EVKIN, "site", "build"], root))
            if not args.no_pdf_alone and n < max(1, args.floor_runs):
                floors.append(timed([*EVKIN, "pdf", "-o", str(Path(tmp) / f"pdf-alone-{n}")],
                                    root))
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        pdfs = sum(1 for _ in (root / "site").rglob("*.pdf"))
        print(f"site: {pages} HTML pages, {pdfs} PDFs")

        plain, rebuild = [], []
        for n in range(args.runs):
            plain.append(timed([sys.executable, "-m", "mkdocs", "build", "-q"], root))
            change_one(root, ids[(n * 7919) % len(ids)], n)
            rebuild.append(timed([*EVKIN, "site", "build"], root))
        m_full, m_plain, m_rebuild = (statistics.median(full), statistics.median(plain),
                                      statistics.median(rebuild))
        alone = statistics.median(floors) if floors else None
        print(f"full build, PDFs included (median of {len(full)})   {m_full:7.1f} s   "
              f"target < 60 s: {'OK' if m_full < 60 else 'MISSED'}")
        print(f"plain mkdocs build (median of {len(plain)})           {m_plain:7.1f} s")
        print(f"rebuild after one change (median of {len(rebuild)})    {m_rebuild:7.1f} s   "
              f"{m_rebuild / m_plain:.2f}× plain, target ≤ 1.5×: "
              f"{'OK' if m_rebuild <= 1.5 * m_plain else 'MISSED'}")
        if alone is not None:
            print(f"the PDFs alone, evkin pdf of all (median of {len(floors)}) {alone:7.1f} s   "
                  f"(floor under the full build)")
            if len(full) > 1 or len(floors) > 1:
                print("  full builds: " + ", ".join(f"{x:.1f}" for x in full) + " s; floors: "
                      + ", ".join(f"{x:.1f}" for x in floors) + " s")
            paired = statistics.median(f / a for f, a in zip(full, floors, strict=False))
            print(f"  ratio of the medians: {m_full / alone:.2f}×")
            print(f"full build against its PDF floor (median of the pairs) {paired:7.2f}×   "
                  f"target ≤ 1.15×: {'OK' if paired <= 1.15 else 'MISSED'}")
        print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
