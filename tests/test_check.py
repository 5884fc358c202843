"""`evkin check` on the sample and on broken folders: located Indonesian messages, exit codes,
no file changed."""

import hashlib
import json
from pathlib import Path

from .conftest import Run

EVAL = "evaluations/2025-tahunan"


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.parts}


def test_sample_is_clean(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("check", root=sample_repo)
    assert run.code == 0, run.out
    assert run.out == ""
    assert "tidak ada temuan" in run.err


def edit(root: Path, rel: str, old: str, new: str) -> int:
    """Replace text in a file; return the 1-based line of the replacement."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_broken_folder_gives_located_messages_and_changes_nothing(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    csv_line = edit(sample_repo, f"{EVAL}/indikator.csv", "80,50;;81,17", "80,50;;68.4")
    bad_cell = edit(sample_repo, f"{EVAL}/indikator.csv", ";85;;86,20;", ";85;;banyak;")
    script = edit(sample_repo, f"{EVAL}/laporan.md", "## Faktor Pendorong\n",
                  "## Faktor Pendorong\n\n<script>alert(1)</script>\n")
    link = edit(sample_repo, f"{EVAL}/laporan.md", "# Penutup\n",
                "# Penutup\n\nLihat [berkas](../../etc/passwd).\n")
    yaml_line = edit(sample_repo, f"{EVAL}/dokumen/03-nota-dinas-undangan.md",
                     "sifat: Segera", "sifat: [Segera")
    (sample_repo / EVAL / "dokumen/02-notulen-rapat-tim-sakip.md").unlink()
    before = snapshot(sample_repo)

    run: Run = evkin("check", EVAL, root=sample_repo)

    assert run.code == 1
    lines = run.out.splitlines()
    expected = [
        f"{EVAL}/indikator.csv:{csv_line}: kolom 'realisasi': '68.4' memakai titik desimal",
        f"{EVAL}/indikator.csv:{bad_cell}: kolom 'realisasi': 'banyak' bukan angka",
        f"{EVAL}/laporan.md:{script + 2}: skrip tidak diizinkan",
        f"{EVAL}/laporan.md:{link + 2}: link '../../etc/passwd' keluar dari folder evaluasi",
        f"{EVAL}/dokumen/03-nota-dinas-undangan.md:{yaml_line}: YAML tidak valid",
        f"{EVAL}/dokumen/02-notulen-rapat-tim-sakip.md: dokumen langkah 2 SOP",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert "Traceback" not in run.out + run.err
    assert snapshot(sample_repo) == before


def test_missing_and_empty_sections(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    edit(sample_repo, f"{EVAL}/laporan.md", "## Faktor Penghambat\n", "## Hal Lain\n")
    empty = edit(sample_repo, f"{EVAL}/laporan.md", "# Rekomendasi\n\n1. Bidang",
                 "# III. REKOMENDASI:\n\n## Rincian\n\n1. Bidang")
    edit(sample_repo, f"{EVAL}/laporan.md", "## Target Kinerja\n\nTarget kinerja Tahun 2025",
         "## 2.1 target kinerja\n\n### Sub\nTarget kinerja Tahun 2025")
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert run.code == 1
    assert "bagian 'Faktor Penghambat' tidak ditemukan" in run.out
    # Numbered, upper-case headings are recognised; a section with only sub-headings' text
    # under it is not empty.
    assert "Rekomendasi" not in run.out.replace("Faktor Penghambat", "")
    assert f"laporan.md:{empty}" not in run.out
    assert "target kinerja' masih kosong" not in run.out


def test_section_empty_and_aliases(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    text = (sample_repo / EVAL / "laporan.md").read_text()
    start = text.index("## Faktor Pendorong\n")
    end = text.index("## Faktor Penghambat")
    (sample_repo / EVAL / "laporan.md").write_text(
        text[:start] + "## Faktor Pendorong\n\n" + text[end:].replace(
            "## Faktor Penghambat", "## Kendala"))
    line = text[:start].count("\n") + 1
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert run.out.splitlines() == [
        f"{EVAL}/laporan.md:{line}: bagian 'Faktor Pendorong' masih kosong; tuliskan isinya."]


def test_indicator_rules(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    dup = edit(sample_repo, f"{EVAL}/indikator.csv", "IK-02;", "IK-01;")
    pol = edit(sample_repo, f"{EVAL}/indikator.csv", "hari;negatif", "hari;turun")
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert f"indikator.csv:{dup}: id indikator 'IK-01' sudah dipakai di baris 2" in run.out
    assert f"indikator.csv:{pol}: polaritas 'turun' tidak dikenal" in run.out


def test_xlsx_cells_are_named(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    folder = sample_repo / EVAL
    rows = [line.split(";") for line in (folder / "indikator.csv").read_text().splitlines()]
    (folder / "indikator.csv").unlink()
    book = Workbook()
    sheet = book.active
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value or None)
    sheet["H2"] = 81.17  # a real number cell is exact
    sheet["H3"] = "86.200"  # text that is ambiguous
    book.save(folder / "indikator.xlsx")
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert run.out.splitlines() == [
        f"{EVAL}/indikator.xlsx:H3: kolom 'realisasi': '86.200' ambigu (titik bisa pemisah "
        "ribuan atau desimal). Tulis desimal dengan koma (68,4) dan ribuan tanpa titik (1234) "
        "atau lengkap (1.234,0)."]


def test_sop_dates_out_of_order(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, f"{EVAL}/dokumen/03-nota-dinas-undangan.md",
                "tanggal: 2026-01-14", "tanggal: 2026-01-10")
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert (f"{EVAL}/dokumen/03-nota-dinas-undangan.md:{line}: tanggal langkah 3 (2026-01-10) "
            "lebih awal dari langkah 2 (2026-01-13)") in run.out


def test_missing_front_matter_field_and_attendance(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    edit(sample_repo, f"{EVAL}/dokumen/01-nota-dinas-penugasan.md", "hal: Penugasan", "perihal: x")
    edit(sample_repo, f"{EVAL}/dokumen/04-notulen-pembahasan.md",
         '  - {nama: "Ir. Hendra Saputra, M.T.", jabatan: Kepala Dinas}\n',
         '  - {nama: "Ir. Hendra Saputra, M.T."}\n')
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert "Nota Dinas Penugasan: isian 'hal' wajib diisi." in run.out
    assert "daftar_hadir nomor 1 perlu 'nama' dan 'jabatan'." in run.out


def test_links_images_and_html(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    from tests.test_limits import png_header

    (sample_repo / EVAL / "grafik.png").write_bytes(png_header(4, 3))
    edit(sample_repo, f"{EVAL}/laporan.md", "# Penutup\n", "\n".join([
        "# Penutup", "", "![Grafik](grafik.png) [luar](https://example.org) [x](#penutup)",
        "![hilang](tidak-ada.png)", "[abs](/etc/passwd)", "[js](javascript:alert(1))",
        "<b onclick='x()'>tebal</b>", "<!-- catatan penyusun -->", "```", "<script>ok</script>",
        "```", ""]))
    run: Run = evkin("check", EVAL, root=sample_repo)
    out = run.out
    assert "image 'tidak-ada.png' menunjuk berkas yang tidak ada" in out
    assert "link '/etc/passwd' memakai jalur absolut" in out
    assert "skema 'javascript'" in out
    assert "HTML mentah tidak diizinkan" in out
    assert "grafik.png" not in out and "example.org" not in out
    assert "catatan penyusun" not in out
    assert out.count("skrip") == 0  # script inside a code block is text


def test_json_and_github_formats(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    edit(sample_repo, f"{EVAL}/indikator.csv", "80,50;;81,17", "80,50;;68.4")
    run: Run = evkin("check", "--format", "json", EVAL, root=sample_repo)
    data = json.loads(run.out)
    finding = data["evaluations"][0]["findings"][0]
    assert finding["path"] == f"{EVAL}/indikator.csv" and finding["line"] == 2
    by_id = {i["id"]: i for i in data["evaluations"][0]["indicators"]}
    assert "IK-01" not in by_id  # its unreadable row is reported, not guessed
    assert by_id["IK-02"]["capaian"] == 101.41  # 86,20 / 85
    gh: Run = evkin("check", "--format", "github", EVAL, root=sample_repo)
    assert gh.out.startswith(f"::error file={EVAL}/indikator.csv,line=2::kolom 'realisasi'")


def test_english_messages(sample_repo: Path, evkin, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    edit(sample_repo, f"{EVAL}/indikator.csv", "80,50;;81,17", "80,50;;68.4")
    assert "English decimal point" in evkin("--lang", "en", "check", EVAL, root=sample_repo).out
    monkeypatch.setenv("EVKIN_LANG", "en")
    assert "English decimal point" in evkin("check", EVAL, root=sample_repo).out


def test_unusable_input_exits_2(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("check", "2030-tw9", root=sample_repo)
    assert run.code == 2 and "tidak ditemukan" in run.err
    (sample_repo / "evkin.yml").write_text("instansi: [\n")
    run = evkin("check", root=sample_repo)
    assert run.code == 2
    assert "evkin.yml:2: YAML tidak valid" in run.err or "evkin.yml:1: YAML" in run.err
    assert "Traceback" not in run.err
