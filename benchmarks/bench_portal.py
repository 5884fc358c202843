"""Benchmark: the province portal over many agencies' published archives.

Generates ``--agencies`` archives of ``--reports`` reports each, as ``evkin publish`` leaves them
for a portal: ``manifest.json`` signed with a record key, a PDF per report, each report's trail
signed with the same key (the sample record key; ``EVKIN_KUNCI_CONTOH=izinkan``). Then times
``evkin portal`` (one process, as the scheduled workflow runs it: every signature, every PDF
hash, the pages and the Pagefind index) against its floor, reading and hashing every file with
no signature check.

    .venv/bin/python benchmarks/bench_portal.py [--agencies 60] [--reports 40] [--runs 3]
    .venv/bin/python benchmarks/bench_portal.py --smoke     (3 × 4, one run: a test)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from evkin.bundled import SAMPLE_RECORD_KEY

KEY = SAMPLE_RECORD_KEY
WIB = dt.timezone(dt.timedelta(hours=7))
ENV = {**os.environ, "EVKIN_KUNCI_CONTOH": "izinkan"}
PREDIKAT = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah")
WORDS = ("jembatan", "air", "ruang", "gedung", "sanitasi", "kawasan")


def make_archive(folder: Path, code: str, reports: int, rng: random.Random) -> None:
    from evkin.approval.records import Approval, Trail, save_trail
    from evkin.approval.trail import sign_record
    from evkin.portal.verify import SIG_FILE, SIG_NAMESPACE

    key = KEY.read_text(encoding="ascii")
    entries = []
    for n in range(reports):
        year, quarter = 2000 + n // 4, n % 4 + 1
        report_id = f"{year}-tw{quarter}"
        rel = f"arsip/{year}/{report_id}"
        pdf = b"%PDF-1.7\n" + rng.randbytes(48_000) + b"\n%%EOF\n"
        (folder / rel).mkdir(parents=True, exist_ok=True)
        (folder / rel / f"laporan-{report_id}.pdf").write_bytes(pdf)
        tree = hashlib.sha1(f"{code}{report_id}".encode()).hexdigest()
        at = dt.datetime(year, 3, 1, 9, 0, tzinfo=WIB)
        people = (Approval("sekretaris", "paraf", "Dra. Rina Marlina, M.Si.", at,
                           jabatan="Sekretaris", nip="197511042000032001", tree=tree),
                  Approval("kepala_dinas", "tanda_tangan", "Ir. Hendra Saputra, M.T.",
                           at + dt.timedelta(days=1), jabatan="Kepala Dinas",
                           nip="197003121995031002", tree=tree))
        trail = sign_record(Trail(report_id, people, tree=tree, commit=tree, source="github"),
                            key)
        # As the repository holds it (persetujuan/<id>.yml), beside the report page.
        os.replace(save_trail(folder, trail), folder / rel / "persetujuan.yml")
        predikat = rng.choice(PREDIKAT)
        entries.append({
            "id": report_id, "judul": f"Laporan Hasil Evaluasi Kinerja Internal {report_id}",
            "nomor": f"{n}/LHE/{year}", "periode": f"Triwulan {quarter} Tahun {year}",
            "halaman": f"{rel}/index.html", "pdf": f"{rel}/laporan-{report_id}.pdf",
            "sha256": hashlib.sha256(pdf).hexdigest(), "ukuran": len(pdf), "pohon": tree,
            "persetujuan": f"{tree}@{people[1].at.isoformat()}",
            "paraf": {"nama": people[0].name, "jabatan": "Sekretaris",
                      "waktu": people[0].at.isoformat()},
            "tanda_tangan": {"nama": people[1].name, "jabatan": "Kepala Dinas",
                             "waktu": people[1].at.isoformat()},
            "portal": {"tahun": str(year), "periode": "Triwulan", "predikat": predikat,
                       "capaian": f"{rng.uniform(60, 110):.2f}".replace(".", ","),
                       "ringkasan": "Persentase jalan provinsi dalam kondisi mantap; "
                                    + " ".join(rng.choice(WORDS) for _ in range(20)),
                       "jejak": f"{rel}/persetujuan.yml"}})
    manifest = {"format": 1, "instansi": code, "laporan": entries, "versi_lama": [],
                "tanpa_pdf": [], "rekomendasi_terbuka": [
                    {"id": f"{entries[-1]['id']}-R1", "asal": entries[-1]["id"],
                     "teks": "Percepat pemeliharaan jalan", "penanggung_jawab": "Kabid Jalan",
                     "tenggat": None, "status": "belum"}]}
    data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    (folder / "manifest.json").write_bytes(data)
    own = folder.parent / f".{code}.kunci"
    own.write_text(KEY.read_text(encoding="ascii"), encoding="ascii")
    own.chmod(0o600)
    done = subprocess.run(["ssh-keygen", "-Y", "sign", "-f", str(own), "-n", SIG_NAMESPACE],
                          input=data, capture_output=True, check=True)
    own.unlink()
    (folder / SIG_FILE).write_bytes(done.stdout)


def floor(root: Path) -> float:
    """Read and hash every file the portal reads, with no signature checked."""
    start = time.perf_counter()
    for path in sorted(root.glob("instansi-*/**/*")):
        if path.is_file():
            hashlib.sha256(path.read_bytes()).hexdigest()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="3 archives × 4 reports, 1 run")
    args = parser.parse_args(argv)
    if args.smoke:
        args.agencies, args.reports, args.runs = 3, 4, 1
    os.environ["EVKIN_KUNCI_CONTOH"] = "izinkan"
    from evkin.signing import public_key_of

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        codes = [f"instansi-{i:02d}" for i in range(args.agencies)]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(lambda c: make_archive(root / c, c, args.reports,
                                                 random.Random(c)), codes))
        key = public_key_of(KEY)
        lines = ["judul: Portal Evaluasi Kinerja Internal (benchmark)", "instansi:"]
        for code in codes:
            lines += [f"  - kode: {code}", f"    nama: Dinas {code}", f"    arsip: {root / code}",
                      "    kunci_pencatat:", f"      - {key}"]
        (root / "portal.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{args.agencies} archives × {args.reports} reports generated in "
              f"{time.perf_counter() - start:.1f} s; {os.cpu_count()} cores")
        times = []
        for _ in range(args.runs):
            begin = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "evkin", "portal", "-c",
                                   str(root / "portal.yml"), "-o", str(root / "portal")],
                                  capture_output=True, text=True, env=ENV)
            times.append(time.perf_counter() - begin)
            if done.returncode != 0:
                raise SystemExit(f"evkin portal failed ({done.returncode}):\n"
                                 f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
        pages = sum(1 for _ in (root / "portal" / "laporan").rglob("index.html"))
        index = sum(p.stat().st_size for p in (root / "portal" / "pagefind").rglob("*")
                    if p.is_file())
        io_floor = floor(root)
        total = args.agencies * args.reports
        median = statistics.median(times)
        print(f"evkin portal (median of {len(times)})          {median:7.1f} s   "
              f"{total} reports verified ({pages} pages), "
              f"{1000 * median / total:.1f} ms per report")
        print(f"floor: read and hash every file, no check  {io_floor:7.1f} s")
        print(f"search index on disk                       {index / 1024:7.0f} KB")
        if pages != total:
            raise SystemExit(f"{pages} report pages for {total} reports")


if __name__ == "__main__":
    main()
