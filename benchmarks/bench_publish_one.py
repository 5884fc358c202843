"""Benchmark: publish one new approved report into an archive of 1,000 (``evkin publish``).

Measured in the same run, each as the publishing job runs it (one process per command):

- publish one: an archive of N reports is published; one more report is committed and
  approved; ``evkin publish`` again, holding the record key as the publishing step does (this
  machine's earlier derivations and pages are reused by content key, and its verdicts and
  checked folders from the memory that key seals, ``evkin.memo``; the new trail verified and
  folder checked, the new PDF rendered, MkDocs, Pagefind, manifest);
  target under 10 s on 2 cores;
- the alternative, a full rebuild: the same publication with no cache (every PDF rendered and
  compared with the previous release, every page), as every publication ran before;
- where publish one's time goes: derive (trails, check and assembly), the site's PDF plan,
  pages, docs/, MkDocs and Pagefind, and the rest (``benchmarks/phases.py``);
- afterwards both releases are compared file by file (pages, PDFs, sitemap, search index,
  listings, trend pages, 404, manifest): they must be the same bytes (the manifest's
  publication time of the new report aside, the one moment that differs between two runs).

    .venv/bin/python benchmarks/bench_publish_one.py [--count 1000] [--runs 3] [--full-runs 1]
        [--profile FILE] [--smoke]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import phases
from benchmarks.bench_site import ENV, approve_all, approved_archive, git, timed
from evkin.bundled import SAMPLE_RECORD_KEY
from evkin.record.last_published import RECORD_FILE

EVKIN = [sys.executable, "-m", "evkin"]
TARGET = 10.0
CACHE = Path("build") / "evkin-cache"
FIRST = "none"  # --previous none
# As the publishing step runs it: holding the record key, which signs the manifest and seals
# what a publication remembers between runs (``evkin.memo``).
PUBLISH_ENV = {**ENV, "EVKIN_RECORD_KEY": SAMPLE_RECORD_KEY.read_text(encoding="ascii")}


def held_out_archive(dest: Path, count: int, held: int) -> tuple[Path, list[str]]:
    """An approved archive of ``count`` reports of which the newest ``held`` are taken out
    (kept beside it, to be added back one by one): returns the repository and their ids."""
    root = approved_archive(dest / "repo", count + held)
    ids = sorted(p.name for p in (root / "evaluations").iterdir())[count:]
    for evaluation_id in ids:
        shutil.move(str(root / "evaluations" / evaluation_id), str(dest / evaluation_id))
        (root / "persetujuan" / f"{evaluation_id}.yml").unlink()
    if ids:
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Belum masuk")
    return root, ids


def add_one(root: Path, held: Path) -> None:
    """One more report lands on main and is approved (paraf, signature, recorded)."""
    evaluation_id = held.name
    shutil.move(str(held), str(root / "evaluations" / evaluation_id))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"Evaluasi {evaluation_id}")
    approve_all(root, [evaluation_id])


def _put(path: Path, data: bytes | None) -> None:
    if data is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(data)


def differences(one: Path, other: Path, moment_of: str = "") -> list[str]:
    """Files that differ between two releases (missing on either side, or other bytes).
    ``moment_of``: the report whose first-publication time may differ in the manifests."""
    def files(folder: Path) -> dict[str, Path]:
        return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}

    a, b = files(one), files(other)
    out = sorted(set(a) ^ set(b))
    for rel in sorted(set(a) & set(b)):
        left, right = a[rel].read_bytes(), b[rel].read_bytes()
        if left == right:
            continue
        if rel == "manifest.json" and moment_of and (
                _without_moment(left, moment_of) == _without_moment(right, moment_of)):
            continue
        if rel == "manifest.json.sig" and moment_of:
            continue  # signs the manifest compared above
        if rel == "manifest.json":
            rel += _manifest_difference(left, right, moment_of)
        out.append(rel)
    return out


def _manifest_difference(left: bytes, right: bytes, report_id: str) -> str:
    """Where two manifests differ: top-level fields, and the reports by id and field."""
    one, other = _without_moment(left, report_id), _without_moment(right, report_id)
    assert isinstance(one, dict) and isinstance(other, dict)
    fields = [k for k in sorted(set(one) | set(other)) if one.get(k) != other.get(k)]
    listed = []
    if "laporan" in fields:
        a = {e.get("id"): e for e in one.get("laporan", [])}
        b = {e.get("id"): e for e in other.get("laporan", [])}
        for rid in sorted(set(a) | set(b)):
            if a.get(rid) != b.get(rid):
                keys = sorted(k for k in set(a.get(rid, {})) | set(b.get(rid, {}))
                              if a.get(rid, {}).get(k) != b.get(rid, {}).get(k))
                listed.append(f"{rid}: {', '.join(keys)}")
    return f" ({', '.join(fields)}{'; ' if listed else ''}{'; '.join(listed[:5])})"


def _without_moment(raw: bytes, report_id: str) -> object:
    data = json.loads(raw)
    for entry in data.get("laporan", []):
        if entry.get("id") == report_id:
            entry["terbit"] = None
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full-runs", type=int, default=1,
                        help="full rebuilds (each compared with its publish one)")
    parser.add_argument("--profile", metavar="FILE",
                        help="cProfile the last publish one into FILE")
    parser.add_argument("--smoke", action="store_true", help="3 reports, 1 run (for a test)")
    args = parser.parse_args()
    count, runs = (3, 1) if args.smoke else (args.count, args.runs)
    full_runs = max(1, min(args.full_runs, runs))
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root, held = held_out_archive(base, count, runs)
        load = os.getloadavg()[0]
        print(f"{count} approved reports × 20 indicators, {os.cpu_count()} cores, "
              f"load average {load:.1f} at start")
        dest = base / "terbit"
        first = timed([*EVKIN, "publish", "--dest", str(dest), "--previous", FIRST], root,
                      PUBLISH_ENV)
        print(f"first publication of {count}, nothing cached   {first:7.1f} s", flush=True)
        one, full, mismatches = [], [], []
        runs_steps: list[dict[str, object]] = []
        for n, evaluation_id in enumerate(held):
            before = dest.resolve()
            add_one(root, base / evaluation_id)
            profiled = (["-m", "cProfile", "-o", args.profile]
                        if args.profile and n == len(held) - 1 else [])
            # evkin with its steps timed (``phases``), as ``python -m evkin`` otherwise.
            steps = base / f"langkah-{n}.json"
            command = [sys.executable, *profiled, phases.__file__, str(steps), "publish",
                       "--dest", str(dest)]
            recorded = root / RECORD_FILE
            before_record = recorded.read_bytes() if recorded.is_file() else None
            one.append(timed(command, root, PUBLISH_ENV))
            runs_steps.append(json.loads(steps.read_text(encoding="utf-8")))
            after_record = recorded.read_bytes() if recorded.is_file() else None
            print(f"  publish one #{n + 1}: {one[-1]:.1f} s (load {os.getloadavg()[0]:.1f})",
                  flush=True)
            if n >= full_runs:
                continue
            # The alternative: the same publication (same previous release), nothing cached.
            shutil.rmtree(root / CACHE, ignore_errors=True)
            shutil.rmtree(root / "docs", ignore_errors=True)
            cold = base / f"penuh-{n}"
            # The same previous release, recorded as the last published (``last_published``)
            # as it was before publish one; publish one's record is put back afterwards.
            _put(recorded, before_record)
            full.append(timed([*EVKIN, "publish", "--dest", str(cold), "--previous",
                               str(before)], root, PUBLISH_ENV))
            _put(recorded, after_record)
            print(f"  full rebuild #{n + 1}: {full[-1]:.1f} s", flush=True)
            mismatches += differences(dest.resolve(), cold.resolve(), evaluation_id)
            shutil.rmtree(cold.resolve(), ignore_errors=True)
        m_one, m_full = statistics.median(one), statistics.median(full)
        pages = sum(1 for _ in dest.resolve().rglob("*.html"))
        print(f"release: {pages} HTML pages, {count + len(held)} reports")
        print(f"publish one (median of {len(one)})                {m_one:7.1f} s   "
              f"target < {TARGET:.0f} s: {'OK' if m_one < TARGET else 'MISSED'}")
        print(f"full rebuild, no cache (median of {len(full)})    {m_full:7.1f} s   "
              f"(the alternative; {m_full / m_one:.1f}× publish one)")
        print(f"load average at end {os.getloadavg()[0]:.1f}")
        print(f"where publish one's time goes (median of {len(runs_steps)}):")
        for label, seconds in phases.summary(runs_steps):
            print(f"  {label:<46} {seconds:5.2f} s")
        if mismatches:
            raise SystemExit("publish one differs from the full rebuild: "
                             + ", ".join(mismatches[:20]))
        print("publish one = full rebuild, byte for byte: OK")


if __name__ == "__main__":
    main()
