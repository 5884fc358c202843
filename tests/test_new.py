"""`evkin new`: a complete scaffold whose every unfilled part `evkin check` names; once filled,
the check is clean; an existing folder is never touched."""

import re
from pathlib import Path

from .conftest import Run
from .test_check import snapshot

FILLERS = {
    "TTTT-BB-HH tanggal laporan": "2026-04-20",
    "09.00 WIB": "09.00 WIB",
    "TTTT-BB-HH tenggat": "2026-12-31",
    "jabatan penanggung jawab": "Sekretaris",
    "status tindak lanjut": "dalam proses",
}


def fill(folder: Path) -> None:
    """Do what Tim SAKIP does: replace every placeholder, dates in SOP order."""
    dates = iter(["2026-04-06", "2026-04-07", "2026-04-08", "2026-04-13"])
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".md", ".yml"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.parent.name == "dokumen":
            text = text.replace("'[[ISI: TTTT-BB-HH]]'", next(dates))
        text = re.sub(r"'?\[\[ISI: ([^\]]*)\]\]'?",
                      lambda m: FILLERS.get(m.group(1), "Isi " + m.group(1).strip(". ")), text)
        path.write_text(text, encoding="utf-8")
    csv_path = folder / "indikator.csv"
    if not csv_path.is_file():
        return  # filled in Excel (indikator.xlsx)
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
        cells[5], cells[7] = "80", "82,5"  # target, realisasi
        out.append(";".join(cells))
    csv_path.write_text("\n".join(out) + "\n", encoding="utf-8")


def test_new_then_check_then_fill(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    made: Run = evkin("new", "2026-tw1", root=sample_repo)
    assert made.code == 0, made.err
    folder = sample_repo / "evaluations" / "2026-tw1"
    assert "Folder evaluations/2026-tw1 dibuat." in made.out

    # Quarterly evaluations follow quarterly ones: none yet, so no predecessor.
    assert "realisasi lalu" not in made.out
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == ["dokumen/01-nota-dinas-penugasan.md", "dokumen/02-notulen-rapat-tim-sakip.md",
                     "dokumen/03-nota-dinas-undangan.md", "dokumen/04-notulen-pembahasan.md",
                     "evaluasi.yml", "indikator.csv", "laporan.md", "rekomendasi.yml",
                     "tindak-lanjut.yml"]
    # Every recommendation still open after 2025-tahunan is to be followed up, the ones
    # 2025-tahunan closed (2024-tahunan-R1, -R2) are not.
    follow = (folder / "tindak-lanjut.yml").read_text()
    listed = re.findall(r"^- rekomendasi: (\S+)$", follow, re.M)
    assert listed == ["2024-tahunan-R3", "2025-tahunan-R1", "2025-tahunan-R2",
                      "2025-tahunan-R3"]

    unfilled: Run = evkin("check", "2026-tw1", root=sample_repo)
    assert unfilled.code == 1
    report = (folder / "laporan.md").read_text().splitlines()
    for number, line in enumerate(report, 1):
        if "[[ISI" in line:
            assert f"evaluations/2026-tw1/laporan.md:{number}: teks templat" in unfilled.out
    # The sample's rencana aksi plans 2026: the rows of the latest evaluation, its targets.
    assert "evaluations/2026-tw1/indikator.csv:2: kolom 'realisasi' kosong" in unfilled.out
    assert "IK-01;" in (folder / "indikator.csv").read_text()
    assert "evaluations/2026-tw1/evaluasi.yml:3: teks templat" in unfilled.out

    fill(folder)
    (folder / "indikator.csv").write_text(
        "id;sasaran;indikator;satuan;polaritas;target;target_maks;realisasi;formula\n"
        "IK-01;Jalan mantap;Persentase jalan mantap;%;positif;78,50;;82,5;\n", encoding="utf-8")
    clean: Run = evkin("check", "2026-tw1", root=sample_repo)
    assert clean.code == 0, clean.out
    assert clean.out == ""


def test_new_annual_takes_previous_indicators_and_recommendations(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    made: Run = evkin("new", "2026-tahunan", root=sample_repo)
    assert "evaluasi 2025-tahunan" in made.out
    folder = sample_repo / "evaluations" / "2026-tahunan"
    csv_text = (folder / "indikator.csv").read_text()
    assert "IK-11;Meningkatnya akses air minum dan sanitasi layak;Jumlah kawasan kumuh" in csv_text
    assert csv_text.splitlines()[1].endswith(";;;;;81,17")  # last realisasi as baseline
    follow = (folder / "tindak-lanjut.yml").read_text()
    assert "- rekomendasi: 2025-tahunan-R1\n  # Menjadwalkan ulang dua fasilitasi RDTR" in follow
    assert "status terakhir: dalam proses" in follow  # 2024-tahunan-R3, as 2025 left it
    assert "sebelumnya: 2025-tahunan" in (folder / "evaluasi.yml").read_text()
    notulen = (folder / "dokumen/04-notulen-pembahasan.md").read_text()
    assert "Ir. Hendra Saputra, M.T." in notulen  # attendance prefilled from settings

    check: Run = evkin("check", "2026-tahunan", root=sample_repo)
    assert ("indikator.csv:2: kolom 'target' kosong; isi target periode ini (evaluasi "
            "triwulan: dari rencana aksi rencana-aksi/TAHUN.csv), atau hapus baris indikator "
            "yang tidak diukur pada periode ini.") in check.out
    fill(folder)
    assert evkin("check", "2026-tahunan", root=sample_repo).code == 0


def test_new_never_overwrites(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(sample_repo)
    run: Run = evkin("new", "2025-tahunan", root=sample_repo)
    assert run.code == 2
    assert "sudah ada" in run.err
    assert snapshot(sample_repo) == before


def test_new_refuses_bad_ids(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("new", "tahun-ini", root=sample_repo)
    assert run.code == 2
    assert "bukan id evaluasi" in run.err
    assert not (sample_repo / "evaluations" / "tahun-ini").exists()
    assert not [p for p in (sample_repo / "evaluations").iterdir() if p.name.startswith(".")]
