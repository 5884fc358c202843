"""Input as Tim SAKIP really types and pastes it: each case gets a located message, no traceback,
no silently wrong figure, and nothing changed on disk."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import Run

EVAL = "evaluations/2025-tahunan"
CSV = f"{EVAL}/indikator.csv"
HEADER = "id;sasaran;indikator;satuan;polaritas;target;target_maks;realisasi;formula;realisasi_lalu"


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.parts}


def edit(root: Path, rel: str, old: str, new: str) -> int:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def one_row(root: Path, row: str) -> None:
    (root / CSV).write_text(f"{HEADER}\n{row}\n", encoding="utf-8")


def checked(evkin, root: Path, *args: str) -> Run:  # type: ignore[no-untyped-def]
    """``evkin check`` must report, exit 1, print no traceback and change no file."""
    before = snapshot(root)
    run: Run = evkin("check", *args, EVAL, root=root)
    assert run.code == 1, run
    assert "Traceback" not in run.out + run.err
    assert snapshot(root) == before
    return run


# --- impossible dates --------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "advice"), [
    ("2026-02-30", "30 Februari 2026 tidak ada di kalender"),
    ("2026-01-26 25:61:00", "bila maksudnya 26 Januari 2026, tulis 2026-01-26"),
    ("26 Januari 2026", "bila maksudnya 26 Januari 2026, tulis 2026-01-26"),
])
def test_impossible_date_in_evaluasi_yml_is_located(sample_repo: Path, evkin, value: str,
                                                    advice: str
                                                    ) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, f"{EVAL}/evaluasi.yml", "tanggal: 2026-01-26", f"tanggal: {value}")
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/evaluasi.yml:{line}: 'tanggal: {value}' bukan tanggal; {advice}" in run.out
    for command in (("summary", "2025-tahunan"), ("status", "2025-tahunan")):
        other: Run = evkin(*command, root=sample_repo)
        assert other.code in (0, 1) and "Traceback" not in other.out + other.err


@pytest.mark.parametrize(("value", "advice"), [
    ("2026-13-04", "tidak ada bulan ke-13"),
    ("2026-04-31", "31 April 2026 tidak ada di kalender"),
    ("14/01/2026", "bila maksudnya 14 Januari 2026, tulis 2026-01-14"),
])
def test_impossible_date_in_step_front_matter_is_located(sample_repo: Path, evkin, value: str,
                                                         advice: str
                                                         ) -> None:  # type: ignore[no-untyped-def]
    rel = f"{EVAL}/dokumen/03-nota-dinas-undangan.md"
    line = edit(sample_repo, rel, "tanggal: 2026-01-14", f"tanggal: {value}")
    run = checked(evkin, sample_repo)
    assert f"{rel}:{line}: 'tanggal: {value}' bukan tanggal; {advice}" in run.out


# --- settings ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new"), [
    ("batas_atas: null", "batas_atas: .nan"),
    ("lebih_dari: 90}", "lebih_dari: .nan}"),
])
def test_nan_in_settings_is_unusable_input(sample_repo: Path, evkin, old: str, new: str
                                           ) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, "evkin.yml", old, new)
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert run.code == 2 and "Traceback" not in run.err
    assert f"evkin.yml:{line}:" in run.err and "bukan angka yang terhingga" in run.err


def test_limits_are_settings_and_are_validated(sample_repo: Path, evkin
                                               ) -> None:  # type: ignore[no-untyped-def]
    with (sample_repo / "evkin.yml").open("a", encoding="utf-8") as fh:
        fh.write("batas:\n  digit_angka: banyak\n  ukuran_foto: 3\n")
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert run.code == 2
    assert "batas 'digit_angka: banyak' harus bilangan bulat" in run.err
    assert "isian 'batas.ukuran_foto' tidak dikenal; maksudnya 'batas.ukuran_" in run.err


# --- numbers that used to crash summary, pdf and site ------------------------------------------

@pytest.mark.parametrize(("cell", "message"), [
    ("1" * 40, "melebihi batas wajar"),
    ("9" * 5000, "melebihi batas wajar"),
    ("123456,1234567890123", "lebih dari 15 digit"),
])
def test_implausible_realisasi_is_refused_before_any_arithmetic(
        sample_repo: Path, evkin, cell: str, message: str) -> None:  # type: ignore[no-untyped-def]
    one_row(sample_repo, f"IK-01;S;I;%;positif;80;;{cell};;")
    run = checked(evkin, sample_repo)
    assert f"{CSV}:2: kolom 'realisasi'" in run.out and message in run.out
    summary: Run = evkin("summary", EVAL, root=sample_repo)
    assert summary.code == 1 and "Traceback" not in summary.err


def test_tiny_target_is_refused(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    one_row(sample_repo, "IK-01;S;I;%;positif;0,0000000000000000000000000001;;5;;")
    run = checked(evkin, sample_repo)
    assert f"{CSV}:2: kolom 'target'" in run.out and "lebih dari 15 digit" in run.out


def test_limits_can_be_raised(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    one_row(sample_repo, "IK-01;S;I;%;positif;80;;123456,1234567890123;;")
    with (sample_repo / "evkin.yml").open("a", encoding="utf-8") as fh:
        fh.write("batas:\n  digit_angka: 20\n")
    run: Run = evkin("check", EVAL, root=sample_repo)
    assert "digit" not in run.out


def test_english_decimal_point_is_not_called_ambiguous(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    one_row(sample_repo, "IK-01;S;I;%;positif;80;;85.5;;")
    run = checked(evkin, sample_repo)
    assert "'85.5' memakai titik desimal gaya Inggris; tulis desimal dengan koma" in run.out
    assert "ambigu" not in run.out


def test_comma_csv_with_unquoted_decimals_gets_one_message_per_row(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    (sample_repo / CSV).write_text(
        HEADER.replace(";", ",") + "\nIK-01,S,I,%,positif,80,50,,81,17,,\n", encoding="utf-8")
    run = checked(evkin, sample_repo)
    lines = [line for line in run.out.splitlines() if line.startswith(CSV)]
    assert lines == [f"{CSV}:2: baris ini memiliki sel lebih banyak dari judul kolom; periksa "
                     "pemisah ',' dan beri tanda kutip pada angka berkoma."]


# --- empty data, negative figures, metadata ---------------------------------------------------

@pytest.mark.parametrize("content", ["", HEADER + "\n", HEADER + "\n\n;;;;\n\n"])
def test_data_without_rows_is_refused(sample_repo: Path, evkin, content: str
                                      ) -> None:  # type: ignore[no-untyped-def]
    (sample_repo / CSV).write_text(content, encoding="utf-8")
    run = checked(evkin, sample_repo)
    assert CSV in run.out
    assert "tidak memuat satu baris indikator" in run.out or "kolom wajib" in run.out


def test_negative_target_is_refused(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    one_row(sample_repo, "IK-01;S;I;%;positif;-80;;81;;")
    run = checked(evkin, sample_repo)
    assert f"{CSV}:2: indikator 'IK-01': target negatif" in run.out


def test_negative_realisasi_under_negative_polarity_is_refused(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    one_row(sample_repo, "IK-01;S;I;kasus;negatif;7;;-2;B;")
    run = checked(evkin, sample_repo)
    assert f"{CSV}:2: indikator 'IK-01': realisasi negatif pada polaritas negatif" in run.out


def test_negative_realisasi_under_positive_polarity_is_a_shortfall(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    one_row(sample_repo, "IK-01;S;Pertumbuhan;%;positif;5;;-1,5;;")
    run: Run = evkin("summary", "--format", "json", EVAL, root=sample_repo)
    assert '"capaian": -30.0' in run.out and '"predikat": "Sangat Rendah"' in run.out


def test_penyusun_of_nested_values_is_refused(sample_repo: Path, evkin
                                              ) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, f"{EVAL}/evaluasi.yml", "penyusun: [fajar-ramadhan, nurul-aini]",
                "penyusun: [[a, b], {c: d}, null]")
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/evaluasi.yml:{line}: 'penyusun' harus berupa daftar nama" in run.out


def test_sebelumnya_naming_itself_is_refused(sample_repo: Path, evkin
                                             ) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, f"{EVAL}/evaluasi.yml", "sebelumnya: 2024-tahunan",
                "sebelumnya: 2025-tahunan")
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/evaluasi.yml:{line}: 'sebelumnya: 2025-tahunan' menunjuk evaluasi ini" \
        in run.out


@pytest.mark.parametrize(("char", "code"), [("\x00", "U+0000"), ("\x1b", "U+001B")])
def test_control_characters_in_the_report_are_located(
        sample_repo: Path, evkin, char: str, code: str) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, f"{EVAL}/laporan.md", "# Penutup\n", f"# Penutup\n\nTeks{char}.\n")
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/laporan.md:{line + 2}: baris ini memuat karakter kendali tak terlihat " \
           f"({code})" in run.out


def test_overlong_line_in_the_report_is_refused_early(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, f"{EVAL}/laporan.md", "# Penutup\n",
                "# Penutup\n\n" + "kata " * 40_000 + "\n")
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/laporan.md:{line + 2}: baris ini panjangnya 200.000 karakter" in run.out


# --- Excel ------------------------------------------------------------------------------------

def _workbook(root: Path) -> tuple[Workbook, Path]:
    (root / CSV).unlink()
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(";"))
    sheet.append(["IK-01", "S", "I", "%", "positif", 80, None, 84.15, None, None])
    sheet.append(["IK-02", "S", "J", "%", "positif", 80, None, 90, None, None])
    return book, root / EVAL / "indikator.xlsx"


def test_excel_percent_formatted_realisasi_is_named_by_cell(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    book, path = _workbook(sample_repo)
    book.active["H2"] = 0.8415
    book.active["H2"].number_format = "0.00%"
    book.save(path)
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/indikator.xlsx:H2: kolom 'realisasi' diformat persen di Excel, sehingga " \
           "tampil 84,15 %" in run.out


def test_excel_merged_cell_is_named_with_its_range(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    book, path = _workbook(sample_repo)
    book.active.merge_cells("B2:B3")
    book.save(path)
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/indikator.xlsx:B3: kolom 'sasaran': sel ini bagian dari sel gabungan B2:B3" \
        in run.out


def test_excel_formula_without_saved_value_is_named(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    book, path = _workbook(sample_repo)
    book.active["H3"] = "=F3*1.1"
    book.save(path)  # openpyxl saves no computed value, as a script-made file would
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/indikator.xlsx:H3: kolom 'realisasi' berisi rumus =F3*1.1 tanpa nilai " \
           "tersimpan" in run.out


def test_excel_cell_of_1e308_is_refused(sample_repo: Path, evkin
                                        ) -> None:  # type: ignore[no-untyped-def]
    book, path = _workbook(sample_repo)
    book.active["H2"] = 1e308
    book.save(path)
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/indikator.xlsx:H2: kolom 'realisasi'" in run.out
    assert "melebihi batas wajar" in run.out


# --- summary, pdf -o, did you mean -------------------------------------------------------------

def test_summary_names_the_rows_it_left_out_and_exits_1(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    edit(sample_repo, CSV, "80,50;;81,17", "80,50;;banyak")
    run: Run = evkin("summary", EVAL, root=sample_repo)
    assert run.code == 1
    table_lines = run.out.splitlines()
    assert any(line.startswith("2 ") and "TIDAK DIHITUNG: kolom 'realisasi': 'banyak'" in line
               for line in table_lines), run.out
    assert "1 baris evaluations/2025-tahunan/indikator.csv tidak dihitung" in run.out


@pytest.mark.parametrize("make", ["file", "name"])
def test_pdf_output_must_be_a_folder(sample_repo: Path, evkin, make: str
                                     ) -> None:  # type: ignore[no-untyped-def]
    target = sample_repo / "laporan.pdf"
    if make == "file":
        target.write_bytes(b"old")
    run: Run = evkin("pdf", "2025-tahunan", "-o", str(target), root=sample_repo)
    assert run.code == 2 and "-o meminta folder tujuan" in run.err
    assert (target.read_bytes() == b"old") if make == "file" else not target.exists()


@pytest.mark.parametrize("command", [
    ("check",), ("summary",), ("status",), ("pdf",), ("docx",), ("approve",), ("history",),
    ("diff",), ("approvals",)])
def test_mistyped_id_suggests_the_nearest(sample_repo: Path, evkin, command: tuple[str, ...]
                                          ) -> None:  # type: ignore[no-untyped-def]
    extra = ("--role", "sekretaris") if command == ("approve",) else ()
    run: Run = evkin(*command, *extra, "2025-tahunn", root=sample_repo)
    assert run.code == 2, run
    assert "maksud Anda '2025-tahunan'?" in run.err


def test_control_characters_in_a_step_document_are_located(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    rel = f"{EVAL}/dokumen/03-nota-dinas-undangan.md"
    line = edit(sample_repo, rel, "sifat: Segera", "sifat: Seg\x1bera")
    run = checked(evkin, sample_repo)
    assert f"{rel}:{line}: baris ini memuat karakter kendali" in run.out


def test_a_heading_with_extra_words_is_named_with_a_hint(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, f"{EVAL}/laporan.md", "## Target Kinerja\n",
                "## Target Kinerja Triwulan II\n")
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/laporan.md:{line}: judul 'Target Kinerja Triwulan II' tidak dikenali " \
           "sebagai bagian 'Target Kinerja'" in run.out


def test_a_missing_section_is_not_located_at_the_last_line(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    edit(sample_repo, f"{EVAL}/laporan.md", "## Faktor Penghambat\n", "## Hal Lain\n")
    run = checked(evkin, sample_repo)
    assert f"{EVAL}/laporan.md: bagian 'Faktor Penghambat' tidak ditemukan di laporan" in run.out
