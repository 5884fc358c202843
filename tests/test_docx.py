"""`evkin docx`: the Word copy for reviewers, read back from the .docx (a zip of XML)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from evkin.report.outputs import build_docx
from evkin.settings import load_settings

from .conftest import Run, copy_sample, git

ID = "2025-tahunan"
TWIPS_PER_MM = 1440 / 25.4


def document_text(path: Path) -> str:
    """The visible text of word/document.xml, runs joined, paragraphs on their own lines."""
    with zipfile.ZipFile(path) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    xml = re.sub(r"</w:p>", "\n", xml)
    return html.unescape(re.sub(r"<[^>]+>", "", xml)).replace("\u00a0", " ")


def page_size_mm(path: Path) -> tuple[int, int]:
    with zipfile.ZipFile(path) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    size = re.search(r'<w:pgSz w:h="(\d+)" w:w="(\d+)"', xml)
    assert size, "no page size in the section properties"
    return round(int(size.group(2)) / TWIPS_PER_MM), round(int(size.group(1)) / TWIPS_PER_MM)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("docx") / "repo")


@pytest.fixture(scope="module")
def word(repo: Path) -> Path:
    return build_docx(load_settings(repo), ID, repo / "build" / "docx")


def test_word_copy_has_title_tables_and_signature(word: Path) -> None:
    text = document_text(word)
    for part in ("Salinan Word untuk ditinjau", "Laporan Hasil Evaluasi Kinerja Internal "
                 "Tahun 2025", "Nomor: 050/0142/BMCKTR-2026", "Realisasi Kinerja",
                 "Capaian Indikator Kinerja Tahun 2025", "100,83 %", "Sangat Tinggi",
                 "Rata-rata capaian sasaran", "Perbandingan Capaian Tahun 2025 dengan Tahun 2024",
                 "Padang, 26 Januari 2026", "Ir. Hendra Saputra, M.T.",
                 "NIP. 19700312 199503 1 002", "Paraf Hierarki — Sekretaris"):
        assert part in text, part
    # The table sits right after the realisasi section's text, before the next chapter.
    assert text.index("disajikan pada tabel berikut") < text.index("Capaian Indikator") \
        < text.index("Faktor Pendorong")
    with zipfile.ZipFile(word) as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
        names = docx.namelist()
    assert 'w:ascii="Arial"' in styles and "minorHAnsi" not in styles
    # The chart as a PNG picture: LibreOffice 7.4 shows a docx SVG blank.
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in names)
    assert not any(n.endswith(".svg") for n in names)
    # The follow-up of earlier recommendations, as the PDF has it, under Rekomendasi.
    assert text.index("Rekomendasi\n") < text.index("Tindak Lanjut Rekomendasi Evaluasi "
                                                     "Sebelumnya") < text.index("Penutup")
    assert "2024-tahunan-R3" in text and "Pelatihan tahap I selesai" in text


def test_word_copy_paper_size_and_identical_bytes(word: Path, repo: Path,
                                                   tmp_path: Path) -> None:
    assert page_size_mm(word) == (210, 297)
    again = build_docx(load_settings(repo), ID, tmp_path / "a")
    assert again.read_bytes() == word.read_bytes()
    f4 = build_docx(load_settings(repo), ID, tmp_path / "f4", paper="F4")
    assert page_size_mm(f4) == (215, 330)


def test_word_copy_merges_the_sasaran_and_average_rows_as_the_pdf_does(word: Path,
                                                                      repo: Path) -> None:
    """Each sasaran is one bold cell across the table, each average's label one cell across
    the first five columns (Word's gridSpan), as in the PDF: not a row of empty cells."""
    from evkin.report.assembly import assemble_ids

    with zipfile.ZipFile(word) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    cells = re.findall(r"<w:tc>(.*?)</w:tc>", xml, re.S)

    def spanning(n: int) -> list[str]:
        return [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells
                if f'<w:gridSpan w:val="{n}" />' in c]

    report = assemble_ids(load_settings(repo), [ID], timeline=False).reports[0]
    groups = list(dict.fromkeys(r.indicator.sasaran for r in report.results))
    assert len(groups) == 5
    assert spanning(7) == [f"Sasaran: {g}" for g in groups]
    assert spanning(5) == ["Rata-rata capaian sasaran"] * len(groups)
    across = next(c for c in cells if '<w:gridSpan w:val="7" />' in c)
    assert "<w:b />" in across  # bold, as the PDF's subheader


def test_word_copy_keeps_hostile_text_as_text(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    report = root / "evaluations" / ID / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n\nCatatan `x`{=openxml} dan "
                      "```{=openxml}\n<w:p>sisipan</w:p>\n```\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Raw attempt")
    text = document_text(build_docx(load_settings(root), ID, tmp_path / "out"))
    assert "<w:p>sisipan</w:p>" in text  # shown as code, not spliced into the XML


def test_cli_docx(evkin: Any, repo: Path, tmp_path: Path) -> None:
    run: Run = evkin("docx", ID, "-o", str(tmp_path), root=repo)
    assert run.code == 0, run.err
    assert "salinan untuk ditinjau" in run.out
    assert (tmp_path / f"{ID}.docx").is_file()
    assert evkin("docx", "2099-tahunan", root=repo).code == 2


# ---------------------------------------------------------------- as LibreOffice shows it

SOFFICE = shutil.which("soffice")


def rendered(word: Path, out: Path) -> Path:
    """The Word copy laid out by LibreOffice (headless), as a reviewer's office suite does."""
    profile = out / "profil"
    done = subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}",
                           "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                           str(out), str(word)], capture_output=True, text=True, timeout=180)
    pdf = out / (word.stem + ".pdf")
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    return pdf


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftoppm") is None,
                    reason="needs LibreOffice (apt-get install libreoffice-writer-nogui) and "
                           "poppler-utils (pdftoppm, pdftotext)")
def test_word_copy_as_libreoffice_shows_it(word: Path, tmp_path: Path) -> None:
    from PIL import Image

    pdf = rendered(word, tmp_path)
    pages = page_texts(pdf)
    assert len([p for p in pages if p.strip()]) <= 6  # 8 with equal 2 cm columns
    # The capaian table fits on one page, its rows not wrapped syllable by syllable.
    start = next(i for i, p in enumerate(pages) if "Capaian Indikator Kinerja Tahun" in p)
    end = next(i for i, p in enumerate(pages) if "Keterangan:" in p)
    assert end - start <= 1
    assert re.search(r"Persentase jalan provinsi dalam", pages[start])
    assert re.search(r"Rata-rata waktu penerbitan", pages[start])
    assert any("Tindak Lanjut Rekomendasi Evaluasi Sebelumnya" in p for p in pages)
    # The chart is drawn: its page has the bars' blue, not a blank frame.
    chart = next(i for i, p in enumerate(pages) if "Target dan Realisasi per Indikator" in p)
    subprocess.run(["pdftoppm", "-f", str(chart + 1), "-l", str(chart + 1), "-r", "40",
                    "-png", str(pdf), str(tmp_path / "halaman")], check=True)
    (image,) = tmp_path.glob("halaman*.png")
    with Image.open(image) as page:
        data = page.convert("RGB").tobytes()  # r, g, b, r, g, b, ...
        blue = sum(1 for r, g, b in zip(data[0::3], data[1::3], data[2::3], strict=True)
                   if b > 100 and b > r + 40 and b > g + 20)
    assert blue > 500, blue


def _follow_up_rows(text: str) -> list[tuple[str, str]]:
    """(recommendation id, status) of each follow-up row, in order, from a laid-out page's
    text: cells wrap differently in Word and Typst, so spaces and hyphens are dropped."""
    section = text[text.index("Tindak Lanjut Rekomendasi Evaluasi Sebelumnya"):]
    section = re.sub(r"[\s\-\u2010\u2011\u00ad]", "", section.split("Penutup")[0]
                     .split("PENUTUP")[0])
    found = list(re.finditer(r"\((\d{4}tahunanR\d+)\)", section))
    rows = []
    for i, match in enumerate(found):
        cell = section[match.end():found[i + 1].start() if i + 1 < len(found) else None]
        status = next((s for s in ("Dalamproses", "Selesai", "Belum") if s in cell), "")
        rows.append((match.group(1), status))
    return rows


@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice (apt-get install libreoffice-writer-nogui) and "
                           "poppler-utils (pdftotext)")
def test_word_copy_shows_the_pdf_s_follow_up_rows(word: Path, repo: Path,
                                                   tmp_path: Path) -> None:
    """The follow-up table of earlier recommendations: the same rows, in the same order, with
    the same status, in the Word copy as LibreOffice lays it out and in the PDF."""
    from evkin.report.assembly import assemble_ids
    from evkin.report.outputs import build_pdf

    from .test_pdf import texts

    report = assemble_ids(load_settings(repo), [ID], timeline=False).reports[0]
    expected = [(r.id.replace("-", ""), (r.status[:1].upper() + r.status[1:]).replace(" ", ""))
                for r in report.follow_up]
    assert len(expected) == 3 and ("2024tahunanR3", "Dalamproses") in expected
    laid_out = rendered(word, tmp_path)  # read in reading order, not in columns (-layout)
    in_word = _follow_up_rows(subprocess.run(["pdftotext", str(laid_out), "-"],
                                             capture_output=True, text=True,
                                             check=True).stdout)
    in_pdf = _follow_up_rows(" ".join(texts(build_pdf(load_settings(repo), ID,
                                                      tmp_path / "pdf"))))
    assert in_word == in_pdf == expected
