"""The README's main command on the bundled sample (without the blocking server)."""

from pathlib import Path

from .conftest import Run


def test_demo_builds_pdfs_and_the_archive(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("demo", "--no-serve", root=sample_repo)
    assert run.code == 0, run.err
    assert (sample_repo / "build/pdf/2025-tahunan.pdf").read_bytes().startswith(b"%PDF")
    page = (sample_repo / "site/arsip/2025/2025-tahunan/index.html").read_text(encoding="utf-8")
    assert "Laporan Hasil Evaluasi Kinerja Internal Tahun 2025" in page
    assert "110,71 %" in page  # IK-03, computed from the data
    assert "Ditandatangani" in page
