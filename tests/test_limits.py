"""Plausibility limits hold under a fixed memory ceiling: a 50 MB paste into indikator.csv and
a huge photo get a clear, located message instead of exhausting the machine."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from tests.conftest import copy_sample

EVAL = "evaluations/2025-tahunan"
CEILING = 1024 * 1024 * 1024  # address space of the whole evkin process: 1 GiB

LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({ceiling}, {ceiling}))
from evkin.cli import main
sys.exit(main(sys.argv[1:]))
"""


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height``; the pixels are never needed."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def limited(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = LIMITED.format(ceiling=CEILING)
    return subprocess.run([sys.executable, "-c", script, "--root", str(root), *args],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "OMP_NUM_THREADS": "1"})


@pytest.fixture
def heavy(tmp_path: Path) -> Path:
    root = copy_sample(tmp_path / "repo")
    data = root / EVAL / "indikator.csv"
    text = data.read_text(encoding="utf-8")
    header, rows = text.split("\n", 1)
    with data.open("w", encoding="utf-8") as fh:
        fh.write(header + "\n")
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(rows * 200)
    folder = root / EVAL / "gambar"
    folder.mkdir()
    (folder / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(31 * 1024 * 1024))
    (folder / "peta.png").write_bytes(png_header(30_000, 20_000))
    report = root / EVAL / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "# Penutup\n", "# Penutup\n\n![Foto lapangan](gambar/foto.jpg)\n\n"
        "![Peta](gambar/peta.png)\n", 1), encoding="utf-8")
    return root


def test_huge_data_and_images_are_refused_under_a_memory_ceiling(heavy: Path) -> None:
    check = limited(heavy, "check", EVAL)
    assert check.returncode == 1, check.stderr
    assert "Traceback" not in check.stderr and "MemoryError" not in check.stderr
    out = check.stdout
    assert f"{EVAL}/indikator.csv: berkas data berukuran 50," in out
    assert "MB, melebihi batas 2,0 MB" in out
    assert "gambar 'gambar/foto.jpg' berukuran 31,0 MB, melebihi batas 10,0 MB" in out
    assert "gambar 'gambar/peta.png' berukuran 30.000 × 20.000 piksel, melebihi batas " \
           "40.000.000 piksel" in out
    for args in (("summary", "2025-tahunan"), ("pdf", "2025-tahunan", "-o", str(heavy / "o"))):
        run = limited(heavy, *args)
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr
    assert not (heavy / "o").exists() or not any((heavy / "o").iterdir())


def test_an_unreadable_picture_is_named(tmp_path: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    root = copy_sample(tmp_path / "repo")
    (root / EVAL / "rusak.png").write_bytes(b"bukan gambar")
    report = root / EVAL / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "# Penutup\n", "# Penutup\n\n![Rusak](rusak.png)\n", 1), encoding="utf-8")
    run = evkin("check", EVAL, root=root)
    assert run.code == 1 and "'rusak.png' bukan gambar yang dapat dibaca" in run.out
