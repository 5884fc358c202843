"""`evkin summary` agrees with hand computation for every kind of indicator."""

import json
from pathlib import Path

from .conftest import Run


def summary(evkin, root: Path, *extra: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    run: Run = evkin("summary", "2025-tahunan", "--format", "json", *extra, root=root)
    assert run.code == 0, run.err
    data: dict = json.loads(run.out)  # type: ignore[type-arg]
    return data


def test_summary_json_matches_hand_computation(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    data = summary(evkin, sample_repo)
    rows = {r["id"]: r for r in data["indikator"]}
    # positive: 81,17 / 80,50
    assert rows["IK-01"]["capaian"] == 100.83 and rows["IK-01"]["formula"] == "positif"
    assert rows["IK-01"]["capaian_teks"] == "100,83 %"
    # negative A: (2×14 − 12,5) / 14
    assert rows["IK-03"]["capaian"] == 110.71 and rows["IK-03"]["formula"] == "negatif-A"
    # negative B chosen per indicator: 12 / 14
    assert rows["IK-11"]["capaian"] == 85.71 and rows["IK-11"]["formula"] == "negatif-B"
    assert rows["IK-11"]["predikat"] == "Tinggi"
    # range 80–90, realisasi 87,4 inside → 100
    assert rows["IK-05"]["capaian"] == 100.0 and rows["IK-05"]["batas_rentang"] == "dalam"
    # negative range 7–8, realisasi 6,5 below → against 7: (14 − 6,5) / 7
    assert rows["IK-06"]["capaian"] == 107.14 and rows["IK-06"]["batas_rentang"] == "bawah"
    # comparison with 2024: IK-01 was 78,35 / 79 = 99,18 %
    assert rows["IK-01"]["capaian_sebelumnya"] == 99.18
    assert rows["IK-01"]["perubahan"] == 1.65
    sasaran = {s["sasaran"]: s for s in data["sasaran"]}
    assert sasaran["Meningkatnya kualitas penataan ruang"]["rata_rata"] == 87.5


def test_agency_cap_and_formula(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    settings = sample_repo / "evkin.yml"
    text = settings.read_text()
    settings.write_text(text.replace("batas_atas: null", "batas_atas: 105")
                        .replace("formula_negatif: A", "formula_negatif: B"))
    # A draft takes today's settings (a final report keeps those it was approved with).
    (sample_repo / "persetujuan" / "2025-tahunan.yml").unlink()
    rows = {r["id"]: r for r in summary(evkin, sample_repo)["indikator"]}
    # B agency-wide: 14 / 12,5 = 112 % → capped at 105
    assert rows["IK-03"]["formula"] == "negatif-B"
    assert rows["IK-03"]["capaian"] == 105.0 and rows["IK-03"]["dibatasi"] is True
    assert rows["IK-01"]["dibatasi"] is False


def test_summary_table_and_csv(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    table: Run = evkin("summary", "2025-tahunan", root=sample_repo)
    assert "IK-03" in table.out and "110,71 %" in table.out and "negatif A" in table.out
    csv_run: Run = evkin("summary", "2025-tahunan", "--format", "csv", root=sample_repo)
    assert csv_run.out.splitlines()[1].startswith("IK-01;Meningkatnya kualitas infrastruktur")
    assert ";81,17;100,83;Sangat Tinggi;positif" in csv_run.out.splitlines()[1]
