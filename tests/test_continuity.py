"""An indicator id stays the same indicator: a changed name, unit or polarity needs a new id or
an explicit 'ganti nama'; trend pages never mix units and name the renames."""

from __future__ import annotations

from pathlib import Path

from evkin.settings import load_settings
from evkin.site.collect import collect
from evkin.site.trend import gather, index_page, indicator_page

from .conftest import Run
from .test_check import edit

DATA = "evaluations/2025-tahunan/indikator.csv"
OLD_NAME = "Jumlah Rencana Detail Tata Ruang (RDTR) kabupaten/kota yang difasilitasi"
NEW_NAME = "Jumlah RDTR kabupaten/kota yang difasilitasi"


def rename(root: Path, unit: str = "dokumen", note: str | None = None) -> int:
    line = edit(root, DATA, f"IK-04;Meningkatnya kualitas penataan ruang;{OLD_NAME};dokumen;",
                f"IK-04;Meningkatnya kualitas penataan ruang;{NEW_NAME};{unit};")
    if note is not None:
        path = root / DATA
        rows = path.read_text(encoding="utf-8").splitlines()
        rows = [row + (";perubahan" if i == 0 else (f";{note}" if i == line - 1 else ";"))
                for i, row in enumerate(rows)]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return line


def test_renamed_indicator_without_the_note_is_a_finding(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    line = rename(sample_repo, unit="RDTR")
    run: Run = evkin("check", "2025-tahunan", root=sample_repo)
    assert run.code == 1
    assert (f"{DATA}:{line}: indikator IK-04 berbeda dari evaluasi 2024-tahunan: indikator "
            f"'{OLD_NAME}' → '{NEW_NAME}'; satuan 'dokumen' → 'RDTR'. Jika ini indikator lain, "
            "beri id baru;") in run.out


def test_polarity_change_is_a_finding_and_a_bad_note_is_named(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, DATA, "hari;negatif;14;", "hari;positif;14;")
    run: Run = evkin("check", "2025-tahunan", root=sample_repo)
    assert f"{DATA}:{line}: indikator IK-03 berbeda dari evaluasi 2024-tahunan: polaritas " \
           "'negatif' → 'positif'." in run.out
    rename(sample_repo, note="mungkin")
    run = evkin("check", "2025-tahunan", root=sample_repo)
    assert "kolom 'perubahan' indikator IK-04 berisi 'mungkin'" in run.out


def test_with_the_note_the_trend_shows_one_series_naming_the_rename(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    rename(sample_repo, note="Sama, ganti nama")
    run: Run = evkin("check", "2025-tahunan", root=sample_repo)
    assert run.code == 0, run.out
    settings = load_settings(sample_repo)
    series = [s for s in gather(collect(settings, True, {}).reports) if s.indicator_id == "IK-04"]
    assert len(series) == 1 and len(series[0].points) == 2
    page = indicator_page(series[0])
    assert f"Nama indikator berubah sejak Tahun 2025: “{OLD_NAME}” menjadi “{NEW_NAME}”." in page
    assert page.count("IK-04") >= 1 and "satuan lain" not in page


def test_a_unit_change_splits_the_trend(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    rename(sample_repo, unit="RDTR", note="ganti nama")
    assert evkin("check", "2025-tahunan", root=sample_repo).code == 0
    settings = load_settings(sample_repo)
    series = [s for s in gather(collect(settings, True, {}).reports) if s.indicator_id == "IK-04"]
    assert [(s.label, len(s.points)) for s in series] == [("IK-04 (dokumen)", 1),
                                                          ("IK-04 (RDTR)", 1)]
    assert len({s.key for s in series}) == 2
    for s in series:
        units = {p.result.indicator.satuan for p in s.points}
        assert len(units) == 1
        assert "juga dipakai dengan satuan lain" in indicator_page(s)
    index = index_page(gather(collect(settings, True, {}).reports))
    assert "IK-04 (dokumen)" in index and "IK-04 (RDTR)" in index
