"""Generate many realistic evaluation folders (for benchmarks): copies of the sample with
20 indicators each and varied numbers."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from evkin.bundled import SAMPLE as BUNDLED

PROJECT = Path(__file__).resolve().parents[1]
SAMPLE = BUNDLED / "evaluations" / "2025-tahunan"
HEADER = "id;sasaran;indikator;satuan;polaritas;target;target_maks;realisasi;formula\n"


def indicator_rows(rng: random.Random, count: int = 20) -> str:
    rows = []
    for i in range(1, count + 1):
        negative = i % 5 == 0
        target = rng.randint(50, 100)
        actual = round(target * rng.uniform(0.6, 1.2), 2)
        rows.append(";".join([
            f"IK-{i:02d}", f"Sasaran strategis {1 + i // 5}", f"Indikator kinerja nomor {i}",
            "%", "negatif" if negative else "positif", str(target), "",
            f"{actual:.2f}".replace(".", ","), "B" if i == 10 else "",
        ]))
    return HEADER + "\n".join(rows) + "\n"


WORDS = ("jalan", "jembatan", "mantap", "anggaran", "realisasi", "target", "kinerja", "ruang",
         "bangunan", "perizinan", "air", "minum", "sanitasi", "kawasan", "survei", "data")


def prose(rng: random.Random, tag: str) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(60))
    return f"Catatan {tag}: {words}.\n"


def make_repo(dest: Path, count: int, seed: int = 7) -> Path:
    """A repository folder with ``count`` evaluations (ids 1001-tw1 … by quarter)."""
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(BUNDLED / "evkin.yml", dest / "evkin.yml")
    shutil.copy2(PROJECT / ".gitignore", dest / ".gitignore")  # build output stays untracked
    shutil.copytree(BUNDLED / "assets", dest / "assets", dirs_exist_ok=True)
    base = dest / "evaluations"
    base.mkdir(exist_ok=True)
    for n in range(count):
        year, quarter = 1000 + n // 4, n % 4 + 1
        folder = base / f"{year}-tw{quarter}"
        # The sample's recommendations and their follow-up refer to 2024-tahunan: copies
        # leave them out (each copy would otherwise owe follow-up to every earlier copy).
        shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns(
            "rekomendasi.yml", "tindak-lanjut.yml"))
        (folder / "evaluasi.yml").write_text(
            (folder / "evaluasi.yml").read_text(encoding="utf-8")
            .replace("sebelumnya: 2024-tahunan\n", ""), encoding="utf-8")
        (folder / "indikator.csv").write_text(indicator_rows(rng), encoding="utf-8")
        # Every folder's prose differs, as real reports do (no cache can share work).
        for path in [folder / "laporan.md", *sorted((folder / "dokumen").glob("*.md"))]:
            path.write_text(path.read_text(encoding="utf-8") + "\n" + prose(rng, folder.name),
                            encoding="utf-8")
    return dest
