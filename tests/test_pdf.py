"""The official PDF, read back with pypdf: what a printing and archiving agency would check.

PDFs are built once per module (real pandoc, real Typst) and inspected by many tests.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pypdf
import pytest

from evkin.approval.records import Approval, Trail, save_trail
from evkin.approval.trail import folder_tree, verify_trail
from evkin.clock import WIB
from evkin.evaluation.workspace import load_one, results_for
from evkin.findings import EvkinError
from evkin.numbers import format_percent
from evkin.render import pdf as render_pdf
from evkin.report import outputs
from evkin.settings import load_settings

from .conftest import Run, copy_sample, git, record_signed

ID = "2025-tahunan"
MM = 72 / 25.4


def texts(path: Path) -> list[str]:
    """Each page's text, with no-break spaces and typographic quotes made plain."""
    reader = pypdf.PdfReader(path)
    table = str.maketrans({"\u00a0": " ", "“": '"', "”": '"', "‘": "'", "’": "'"})
    return [(page.extract_text() or "").translate(table) for page in reader.pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def sign(root: Path, evaluation_id: str = ID) -> None:
    """Record a paraf and a later signature on the committed folder, then commit the trail."""
    tree = folder_tree(root, evaluation_id)
    head = git(root, "rev-parse", "HEAD")
    settings = load_settings(root)
    sek, kadis = settings.roles.sekretaris, settings.roles.kepala_dinas
    trail = Trail(evaluation_id, (
        Approval("sekretaris", "paraf", sek.nama, dt.datetime(2026, 1, 26, 14, 5, tzinfo=WIB),
                 jabatan=sek.jabatan, nip=sek.nip, login=sek.login, tree=tree, commit=head),
        Approval("kepala_dinas", "tanda_tangan", kadis.nama,
                 dt.datetime(2026, 1, 27, 10, 15, tzinfo=WIB), jabatan=kadis.jabatan,
                 nip=kadis.nip, login=kadis.login, tree=tree, commit=head),
    ), tree=tree, commit=head, source="github", pull_request="7")
    save_trail(root, record_signed(trail))
    git(root, "add", "persetujuan")
    git(root, "commit", "-q", "-m", "Record approval")


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (solid blue), written by hand so the test needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + b"\x1f\x4e\x8c" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def unsigned_sample(dest: Path) -> Path:
    """The sample without its shipped approval trails: every evaluation is a draft."""
    root = copy_sample(dest)
    if (root / "persetujuan").is_dir():
        git(root, "rm", "-r", "-q", "persetujuan")
        git(root, "commit", "-q", "-m", "Drafts only")
    return root


@pytest.fixture(scope="module")
def draft_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unsigned_sample(tmp_path_factory.mktemp("draft") / "repo")


@pytest.fixture(scope="module")
def draft(draft_repo: Path) -> Path:
    return outputs.build_pdf(load_settings(draft_repo), ID, draft_repo / "build" / "pdf")


@pytest.fixture(scope="module")
def draft_pages(draft: Path) -> list[str]:
    return texts(draft)


@pytest.fixture(scope="module")
def signed_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("signed") / "repo")
    sign(root)
    return root


@pytest.fixture(scope="module")
def signed(signed_repo: Path) -> Path:
    assert verify_trail(signed_repo, ID).ok
    return outputs.build_pdf(load_settings(signed_repo), ID, signed_repo / "out")


# ---------------------------------------------------------------- content

def test_title_nomor_and_letterhead_on_the_first_page_only(draft_pages: list[str]) -> None:
    first = draft_pages[0]
    for line in ("PEMERINTAH PROVINSI SUMATERA BARAT",
                 "DINAS BINA MARGA, CIPTA KARYA DAN TATA RUANG",
                 "Jalan Taman Siswa Nomor 1, Padang 25171", "Telepon (0751) 000000",
                 "bmcktr.example", "sekretariat@bmcktr.example",
                 "LAPORAN HASIL EVALUASI KINERJA INTERNAL TAHUN 2025",
                 "Nomor: 050/0142/BMCKTR-2026", "DAFTAR ISI"):
        assert line in first, line
    assert "PEMERINTAH PROVINSI" not in draft_pages[1]


def test_table_of_contents_names_chapters_and_lampiran(draft_pages: list[str]) -> None:
    toc = flat(draft_pages[0])
    for entry in ("BAB I Pendahuluan", "BAB II Hasil Evaluasi", "B. Realisasi Kinerja",
                  "BAB III Analisis", "BAB IV Rekomendasi", "BAB V Penutup",
                  "Lampiran I: Nota Dinas Penugasan",
                  "Lampiran IV: Notulen Rapat Pembahasan Evaluasi Kinerja"):
        assert entry in toc, entry


def test_every_page_says_halaman_x_dari_y(draft_pages: list[str]) -> None:
    total = len(draft_pages)
    assert total >= 10
    for number, page in enumerate(draft_pages, 1):
        assert f"Halaman {number} dari {total}" in page


def test_capaian_and_predikat_of_every_indicator_come_from_the_data(
        draft_repo: Path, draft_pages: list[str]) -> None:
    settings = load_settings(draft_repo)
    results = results_for(settings, load_one(settings, ID).evaluation)
    assert len(results) == 11
    text = flat(" ".join(draft_pages))
    table = text[text.index("Tabel 1"):text.index("Keterangan")]
    for result in results:
        assert result.value is not None
        capaian = format_percent(result.value)
        row = re.search(re.escape(f"({result.indicator.id})") + r".{0,80}?"
                        + re.escape(capaian) + " " + re.escape(str(result.predikat)), table)
        assert row, f"{result.indicator.id}: {capaian} {result.predikat}"
    assert "110,71 %" in table  # negative polarity, formula A: (2 × 14 − 12,5) / 14
    assert "85,71 %" in table  # IK-11 uses formula B: 12 / 14
    assert "Rata-rata capaian sasaran 104,32 % Sangat Tinggi" in table


def test_capaian_table_follows_the_realisasi_section(draft_pages: list[str]) -> None:
    text = flat(" ".join(draft_pages))
    body = text.index("Rincian capaian per indikator disajikan pada tabel berikut.")
    assert body < text.index("Tabel 1: Capaian Indikator Kinerja Tahun 2025") \
        < text.index("Tabel 2: Perbandingan Capaian Tahun 2025 dengan Tahun 2024") \
        < text.index("Gambar 1: Target dan Realisasi per Indikator Tahun 2025") \
        < text.index("BAB III", body)


def test_comparison_with_previous_period(draft_pages: list[str]) -> None:
    text = flat(" ".join(draft_pages))
    table = text[text.index("Tabel 2"):text.index("Perubahan = capaian")]
    # IK-03: 92,86 % in 2024 (15 hari vs 14) → 110,71 % now, +17,85 points.
    assert re.search(r"\(IK-03\) 15 12,5 92,86 % 110,71 % \+17,85", table)
    assert re.search(r"\(IK-07\) 41,20 48,75 82,40 % 81,25 % \u22121,15", table)
    assert not re.search(r"% -\d", table)  # a minus sign, never a hyphen


def test_legend_and_sasaran_groups_stay_readable_across_pages(draft_pages: list[str]) -> None:
    """The "Keterangan" legend is never split over two pages, and a page that holds a
    sasaran's average row names that sasaran above it (a repeated subheader)."""
    legend = [i for i, page in enumerate(draft_pages) if "Keterangan:" in page]
    assert legend and "Predikat: > 90 Sangat Tinggi" in flat(draft_pages[legend[0]])
    for page in draft_pages:
        text = flat(page)
        if "Rata-rata capaian sasaran" in text and "Tabel 1" not in text:
            assert text.index("Sasaran: ") < text.index("Rata-rata capaian sasaran"), text


def test_the_year_of_the_title_never_stands_alone(draft_pages: list[str]) -> None:
    from evkin.render.content import keep_year

    assert keep_year("Laporan Hasil Evaluasi Kinerja Internal Tahun 2026") == (
        "Laporan Hasil Evaluasi Kinerja Internal Tahun\u00a02026")
    assert keep_year("2026") == "2026"
    lines = [line.strip() for line in draft_pages[0].splitlines()]
    assert "LAPORAN HASIL EVALUASI KINERJA INTERNAL TAHUN 2025" in lines


def test_formula_notes_and_scale_are_printed(draft_pages: list[str]) -> None:
    text = flat(" ".join(draft_pages))
    assert "rumus A: capaian = (2T − R) / T × 100 % (IK-03, IK-06)" in text
    assert "rumus B: capaian = T / R × 100 % (IK-11)" in text
    assert "> 90 Sangat Tinggi" in text and "≤ 50 Sangat Rendah" in text


def test_analysis_sections_date_line_and_signature_block(draft_pages: list[str]) -> None:
    text = flat(" ".join(draft_pages))
    for part in ("Faktor Pendorong", "Faktor Penghambat", "Rekomendasi",
                 "Refocusing anggaran pada triwulan III",
                 "Padang, 26 Januari 2026", "KEPALA DINAS BINA MARGA, CIPTA KARYA DAN TATA "
                 "RUANG PROVINSI SUMATERA BARAT,", "Ir. Hendra Saputra, M.T.",
                 "Pembina Utama Muda (IV/c)", "NIP. 19700312 199503 1 002",
                 "Paraf Hierarki", "Sekretaris"):
        assert part in text, part
    closing = flat(next(p for p in draft_pages if "Padang, 26 Januari 2026" in p))
    assert "NIP. 19700312 199503 1 002" in closing and "Paraf Hierarki" in closing


def test_lampiran_render_as_nota_dinas_and_notulen_with_daftar_hadir(
        draft_pages: list[str]) -> None:
    text = flat(" ".join(draft_pages))
    lampiran = text[text.index("LAMPIRAN I :"):]
    for part in ("NOTA DINAS", "Yth. : Sekretaris", "Dari : Kepala Dinas",
                 "Hal : Penugasan Evaluasi Kinerja Internal Tahun 2025",
                 "Tanggal : 12 Januari 2026", "NOTULEN RAPAT",
                 "Hari, tanggal : Senin, 19 Januari 2026", "Pimpinan Rapat,", "Notulis,",
                 "DAFTAR HADIR", "Mega Silvia, S.T., M.T. Kepala Bidang Tata Ruang",
                 "LAMPIRAN IV"):
        assert part in lampiran, part


def test_build_stamp_names_commit_hash_and_date(draft_repo: Path,
                                                draft_pages: list[str]) -> None:
    head = git(draft_repo, "rev-parse", "HEAD")
    # The stamp shows the commit's day on the agency's clock (Asia/Jakarta), not the
    # committer's: between 17.00 and 24.00 UTC those differ.
    stamp_time = int(git(draft_repo, "log", "-1", "--format=%ct"))
    day = dt.datetime.fromtimestamp(stamp_time, ZoneInfo("Asia/Jakarta")).day
    for page in draft_pages:
        stamp = flat(page)
        assert f"komit {head[:12]}" in stamp
        assert re.search(r"sidik isi SHA-256 [0-9a-f]{16}", stamp)
        assert re.search(rf"\({day} \w+ \d{{4}}\)", stamp)


# ---------------------------------------------------------------- states

def test_draft_has_a_watermark_on_every_page_and_says_it_is_unsigned(
        draft_pages: list[str]) -> None:
    assert all("DRAF" in page for page in draft_pages)
    text = flat(" ".join(draft_pages))
    assert "BELUM DITANDATANGANI" in text
    assert "belum ada jejak persetujuan" in text
    assert "Belum diparaf" in text


def test_signed_report_shows_who_and_when_and_no_watermark(signed: Path) -> None:
    pages = texts(signed)
    assert not any("DRAF" in page for page in pages)
    text = flat(" ".join(pages))
    assert ("Diparaf oleh Dra. Rina Marlina, M.Si. pada 26 Januari 2026 pukul 14.05 WIB"
            in text)
    assert ("Tanda tangan (langkah 7 SOP) diberikan oleh Ir. Hendra Saputra, M.T. melalui "
            "persetujuan evkin pada 27 Januari 2026 pukul 10.15 WIB") in text
    # Not a certified electronic signature (TTE): only BSrE's makes one (docs/panduan/tte.md).
    assert "secara elektronik" not in text
    assert "BELUM DITANDATANGANI" not in text
    assert "NIP. 19700312 199503 1 002" in text
    meta = pypdf.PdfReader(signed).metadata
    assert meta is not None and "final" in str(meta.get("/Keywords"))


def test_a_change_after_signing_makes_it_a_draft_again(signed_repo: Path,
                                                       tmp_path: Path) -> None:
    report = signed_repo / "evaluations" / ID / "laporan.md"
    original = report.read_text(encoding="utf-8")
    try:
        report.write_text(original + "\nTambahan setelah ditandatangani.\n", encoding="utf-8")
        path = outputs.build_pdf(load_settings(signed_repo), ID, tmp_path)
        pages = texts(path)
        assert all("DRAF" in page for page in pages)
        text = flat(" ".join(pages))
        assert "folder memiliki perubahan yang belum di-commit" in text
        assert "dengan perubahan yang belum di-commit" in text  # the build stamp says so too
    finally:
        report.write_text(original, encoding="utf-8")


def test_paraf_alone_shows_in_the_draft(tmp_path: Path) -> None:
    root = unsigned_sample(tmp_path / "repo")
    tree = folder_tree(root, "2024-tahunan")
    sek = load_settings(root).roles.sekretaris
    save_trail(root, Trail("2024-tahunan", (Approval(
        "sekretaris", "paraf", sek.nama, dt.datetime(2025, 1, 6, 8, 30, tzinfo=WIB),
        tree=tree),), tree=tree))
    path = outputs.build_pdf(load_settings(root), "2024-tahunan", tmp_path / "out")
    text = flat(" ".join(texts(path)))
    assert "Diparaf oleh Dra. Rina Marlina, M.Si. pada 6 Januari 2025 pukul 08.30 WIB" in text
    assert "BELUM DITANDATANGANI" in text


# ---------------------------------------------------------------- archival

def test_page_size_a4_and_f4(draft: Path, draft_repo: Path, tmp_path: Path) -> None:
    page = pypdf.PdfReader(draft).pages[0].mediabox
    assert (round(float(page.width) / MM), round(float(page.height) / MM)) == (210, 297)
    f4 = render_pdf.with_paper(load_settings(draft_repo), "F4")  # a draft: its own settings
    path = outputs.build_pdf(f4, "2024-tahunan", tmp_path)
    for page in pypdf.PdfReader(path).pages:
        size = (float(page.mediabox.width) / MM, float(page.mediabox.height) / MM)
        assert size == pytest.approx((215, 330), abs=0.05)  # not Typst's 210 × 330 "asia-f4"


def test_pdfa_2b_and_document_metadata(draft: Path) -> None:
    reader = pypdf.PdfReader(draft)
    assert reader.xmp_metadata is not None
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert re.search(r"<dc:language><rdf:Bag><rdf:li>id(-ID)?</rdf:li>", xmp)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Laporan Hasil Evaluasi Kinerja Internal Tahun 2025"
    assert "DINAS BINA MARGA, CIPTA KARYA DAN TATA RUANG" in str(meta.author)
    keywords = str(meta.get("/Keywords"))
    assert "050/0142/BMCKTR-2026" in keywords and "draf" in keywords
    assert str(reader.trailer["/Root"]["/Lang"]).startswith("id")


def test_same_commit_gives_identical_bytes_with_the_commit_time(
        draft: Path, draft_repo: Path, tmp_path: Path) -> None:
    again = outputs.build_pdf(load_settings(draft_repo), ID, tmp_path)
    assert again.read_bytes() == draft.read_bytes()
    epoch = int(git(draft_repo, "log", "-1", "--format=%ct"))
    meta = pypdf.PdfReader(draft).metadata
    assert meta is not None and meta.creation_date is not None
    assert int(meta.creation_date.timestamp()) == epoch


def _font_names(path: Path) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_a_fresh_machine_without_system_fonts_gives_the_same_bytes(
        draft: Path, draft_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Debian's fonts-liberation (here: without any system font at all), the bundled
    Liberation Sans typesets the very same PDF."""
    from evkin.render import fonts

    assert any(name.startswith("LiberationSans") for name in _font_names(draft))
    monkeypatch.setattr(fonts, "_system", lambda: False)
    fonts._scan.cache_clear()
    try:
        assert "dejavu sans" not in fonts.installed_families()
        bare = outputs.build_pdf(load_settings(draft_repo), ID, tmp_path)
    finally:
        fonts._scan.cache_clear()
    assert bare.read_bytes() == draft.read_bytes()


def test_the_file_is_replaced_atomically(draft_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / f"{ID}.pdf"
    target.write_bytes(b"old")
    outputs.build_pdf(load_settings(draft_repo), ID, tmp_path)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == [f"{ID}.pdf"]  # no temporary left over


# ---------------------------------------------------------------- safety

INJECTIONS = ['#read("/etc/passwd")', '#import "evkin.typ": *', "]", "$x$", "@label",
              "\\", "#set page(fill: red)"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = copy_sample(tmp_path_factory.mktemp("hostile") / "repo")
    folder = root / "evaluations" / ID
    meta = folder / "evaluasi.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "judul: Laporan Hasil Evaluasi Kinerja Internal Tahun 2025",
        "judul: 'Laporan #read(\"/etc/passwd\") ] $x$ @a \\ #import \"x\": *'").replace(
        "nomor: 050/0142/BMCKTR-2026", "nomor: '050/#123/]$@\\'"), encoding="utf-8")
    # In both years, so the indicator stays the same indicator (continuity is checked).
    for data in (folder / "indikator.csv", root / "evaluations/2024-tahunan/indikator.csv"):
        data.write_text(data.read_text(encoding="utf-8").replace(
            "Nilai evaluasi SAKIP Dinas", 'Nilai #read("/etc/passwd") ] $ @ \\ #import "a": *'),
            encoding="utf-8")
    (folder / "gambar").mkdir()
    (folder / "gambar" / "peta.png").write_bytes(png())
    report = folder / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "Rincian capaian per indikator disajikan pada tabel berikut.",
        "Rincian capaian per indikator disajikan pada tabel berikut.\n\n"
        "Teks #read(\"/etc/passwd\") dan #set page(fill: red) dan ] dan $x$ dan @label dan "
        "\\ dan `#import \"evkin.typ\": *`{=typst}.\n\n"
        "```{=typst}\n#read(\"/etc/passwd\")\n```\n\n"
        "![Peta ruas jalan mantap #read(\"/etc/passwd\")](gambar/peta.png)\n\n"
        "Lihat juga ![ikon kecil](gambar/peta.png) di sini."), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Hostile text")
    path = outputs.build_pdf(load_settings(root), ID, root / "out")
    return path, texts(path)


def test_no_text_can_become_typst_code(hostile: tuple[Path, list[str]]) -> None:
    path, pages = hostile
    text = flat(" ".join(pages))
    passwd = Path("/etc/passwd")
    if passwd.is_file():
        first = passwd.read_text(encoding="utf-8", errors="replace").split(":")[0]
        assert f"{first}:x:0:0" not in text
    assert 'LAPORAN #READ("/ETC/PASSWD") ] $X$ @A \\ #IMPORT "X": *' in flat(pages[0])
    assert 'Laporan : Laporan #read("/etc/passwd") ] $x$ @a \\ #import "x": *' in text
    assert "Nomor: 050/#123/]$@\\" in flat(pages[0])
    assert 'Nilai #read("/etc/passwd") ] $ @ \\ #import "a": *' in text
    assert ('Teks #read("/etc/passwd") dan #set page(fill: red) dan ] dan $x$ dan @label dan '
            '\\ dan #import "evkin.typ": *') in text
    assert text.count('#read("/etc/passwd")') >= 5  # title, table, body, raw block, caption
    meta = pypdf.PdfReader(path).metadata
    assert meta is not None and meta.title == (
        'Laporan #read("/etc/passwd") ] $x$ @a \\ #import "x": *')


def _alt_texts(node: Any, seen: set[int] | None = None) -> Iterator[str]:
    seen = seen if seen is not None else set()
    if isinstance(node, pypdf.generic.IndirectObject):
        if node.idnum in seen:
            return
        seen.add(node.idnum)
        node = node.get_object()
    if isinstance(node, pypdf.generic.DictionaryObject):
        if "/Alt" in node:
            yield str(node["/Alt"])
        for key, value in node.items():
            if key not in ("/P", "/Pg", "/Parent"):
                yield from _alt_texts(value, seen)
    elif isinstance(node, pypdf.generic.ArrayObject):
        for value in node:
            yield from _alt_texts(value, seen)


def test_image_alt_text_survives(hostile: tuple[Path, list[str]]) -> None:
    path, pages = hostile
    reader = pypdf.PdfReader(path)
    plain = str.maketrans({"“": '"', "”": '"'})  # pandoc's smart quotes
    alts = [a.translate(plain) for a in _alt_texts(reader.trailer["/Root"]["/StructTreeRoot"])]
    assert 'Peta ruas jalan mantap #read("/etc/passwd")' in alts
    assert "ikon kecil" in alts
    assert any(a.startswith("Grafik batang: target (100 %)") for a in alts)  # the chart
    text = flat(" ".join(pages))
    assert 'Gambar 1: Peta ruas jalan mantap #read("/etc/passwd")' in text  # visible caption


def test_evaluation_with_findings_is_refused_with_the_findings(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    report = root / "evaluations" / ID / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n<b>tebal</b>\n", encoding="utf-8")
    with pytest.raises(EvkinError) as caught:
        outputs.build_pdf(load_settings(root), ID, tmp_path / "out")
    assert caught.value.code == "render.has_findings"
    assert any(f.code == "html.raw" and f.path.endswith("laporan.md")
               for f in caught.value.findings)
    assert not (tmp_path / "out" / f"{ID}.pdf").exists()


# ---------------------------------------------------------------- separate documents, CLI

def test_step_documents_as_separate_pdfs(draft_repo: Path, tmp_path: Path) -> None:
    settings = load_settings(draft_repo)
    notulen = outputs.build_document_pdf(settings, ID, "notulen_pembahasan", tmp_path)
    assert notulen.name == f"{ID}-04-notulen-pembahasan.pdf"
    pages = texts(notulen)
    text = flat(" ".join(pages))
    assert "PEMERINTAH PROVINSI SUMATERA BARAT" in pages[0]
    assert "NOTULEN RAPAT" in text and "DAFTAR HADIR" in text
    assert "Ir. Doni Kurniawan, M.T. Kepala Bidang Bina Marga" in text
    assert "Rapat ditutup pukul 11.30 WIB." in text
    assert all("DRAF" in page for page in pages)
    nota = outputs.build_document_pdf(settings, ID, "nota_dinas_undangan", tmp_path)
    text = flat(" ".join(texts(nota)))
    assert "NOTA DINAS" in text and "Sifat : Segera" in text
    assert "SEKRETARIS," in text and "NIP. 19751104 200003 2 001" in text
    with pytest.raises(EvkinError) as caught:
        outputs.build_document_pdf(settings, ID, "surat_lain", tmp_path)
    assert caught.value.code == "render.document_unknown"


def test_cli_builds_all_evaluations_into_build_pdf(evkin: Any, draft_repo: Path) -> None:
    run: Run = evkin("pdf", root=draft_repo)
    assert run.code == 0, run.err
    assert f"{draft_repo / 'build' / 'pdf' / '2024-tahunan.pdf'} (draf:" in run.out
    assert (draft_repo / "build" / "pdf" / f"{ID}.pdf").is_file()


def test_cli_reports_findings_and_bad_ids(evkin: Any, tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    data = root / "evaluations" / "2024-tahunan" / "indikator.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("80,50", "80.5", 1)
                    .replace("79", "79.5", 1), encoding="utf-8")
    run: Run = evkin("pdf", "-o", str(tmp_path / "out"), root=root)
    assert run.code == 1
    assert "Evaluasi 2024-tahunan belum dapat dicetak" in run.err
    assert "indikator.csv" in run.err
    assert (tmp_path / "out" / f"{ID}.pdf").is_file()  # the good one is still built
    assert evkin("pdf", "2099-tahunan", root=root).code == 2


def test_cli_separate_documents_and_paper_override(evkin: Any, signed_repo: Path,
                                                    tmp_path: Path) -> None:
    run: Run = evkin("pdf", ID, "--dokumen", "--kertas", "F4", "-o", str(tmp_path),
                     root=signed_repo)
    assert run.code == 0, run.err
    assert "(final, ditandatangani)" in run.out
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([f"{ID}.pdf", f"{ID}-01-nota-dinas-penugasan.pdf",
                            f"{ID}-02-notulen-rapat-tim-sakip.pdf",
                            f"{ID}-03-nota-dinas-undangan.pdf",
                            f"{ID}-04-notulen-pembahasan.pdf"])
    page = pypdf.PdfReader(tmp_path / f"{ID}.pdf").pages[0].mediabox
    assert round(float(page.height) / MM) == 330



def test_follow_up_table_lists_the_samples_recommendations(draft_pages: list[str]) -> None:
    """2025-tahunan's table holds exactly what its tindak-lanjut.yml says of 2024-tahunan's
    recommendations, after the Rekomendasi section and before the Penutup."""
    text = flat("\n".join(draft_pages)).replace("- ", "-").replace("-R ", "-R")
    start = text.index("Tindak Lanjut Rekomendasi Evaluasi Sebelumnya")
    assert text.rindex("Rekomendasi", 0, start) > text.index("Faktor Penghambat")
    table = text[start:text.index("Bukti tindak lanjut:", start)]
    assert re.findall(r"\((\d{4}-\w+-R\d+)\)", table) == [
        "2024-tahunan-R1", "2024-tahunan-R2", "2024-tahunan-R3"]
    assert re.findall(r"Selesai|Dalam proses|Belum ditindaklanjuti|Tidak relevan lagi",
                      table) == ["Selesai", "Selesai", "Dalam proses"]
    assert "Bukti tindak lanjut: 2024-tahunan-R2: https://bmcktr.example/sop/pbg-daring" in text
    assert text.index("Penutup", start) > start
