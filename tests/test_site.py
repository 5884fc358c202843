"""The archive site built for real (evkin site build → docs/ → MkDocs Material), read back."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from evkin import messages
from evkin.cache_db import CacheDb
from evkin.evaluation.model import Period
from evkin.evaluation.summary import text_row
from evkin.settings import load_settings
from evkin.site import pagecache, paths
from evkin.site.author_html import markdown_html
from evkin.site.build import build_site
from evkin.site.flowchart import flowchart
from evkin.site.safe import md_heading, plain_title
from evkin.site.search import SUMMARY_FILE, indexed
from evkin.sop import load_sop
from tests.archive_repo import (
    INJECTED,
    MODIFIED,
    PAYLOAD,
    REPORT_CORPUS,
    UNAPPROVED,
    approve,
    make_archive_repo,
)
from tests.conftest import PROJECT, git
from tests.htmlpage import Page, parse, unseen_words

# ---------------------------------------------------------------- built once for the module


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_archive_repo(tmp_path_factory.mktemp("site") / "repo")
    build_site(load_settings(root), root / "site")
    return root


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# ---------------------------------------------------------------- what is published


def test_only_verified_evaluations_are_published(archive: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    site = archive / "site"
    assert (site / "arsip/2025/2025-tahunan/index.html").is_file()
    assert (site / "arsip/2024/2024-tahunan/index.html").is_file()
    assert (site / f"arsip/2026/{INJECTED}/index.html").is_file()
    for withheld in (UNAPPROVED, MODIFIED):
        assert not (site / f"arsip/2026/{withheld}").exists()
        assert not (archive / f"docs/arsip/2026/{withheld}").exists()
        for page in html_pages(site):
            assert f"{withheld}/index.html" not in page.read_text(encoding="utf-8"), page
        found = indexed(site)
        assert found and not any(withheld in url or f"Periode {withheld}" in str(page)
                                 for url, page in found.items())
        assert withheld not in (site / SUMMARY_FILE).read_text(encoding="utf-8")
    # The command says what it left out and why, in Indonesian.
    run = evkin("site", "build", root=archive)
    assert run.code == 0
    assert f"{UNAPPROVED}: belum diterbitkan (belum ada jejak persetujuan)" in run.err
    assert f"{MODIFIED}: belum diterbitkan (isi folder berubah setelah disetujui)" in run.err
    assert "3 laporan final" in run.out


def test_an_uncommitted_edit_withholds_an_approved_report(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """Approved and committed, then edited in the working copy: not final until committed and
    approved again (the archive asks Git once for all folders; the answer must not change)."""
    report = sample_repo / "evaluations/2025-tahunan/laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8")
    run = evkin("site", "build", root=sample_repo)
    assert run.code == 0, run.err
    assert "2025-tahunan: belum diterbitkan" in run.err
    assert not (sample_repo / "site/arsip/2025/2025-tahunan").exists()
    assert (sample_repo / "site/arsip/2024/2024-tahunan/index.html").is_file()


@pytest.mark.parametrize("how", ["staged rename", "intent-to-add rename", "broken index"])
def test_a_working_copy_git_cannot_vouch_for_is_never_final(sample_repo: Path, how: str,
                                                             evkin) -> None:  # type: ignore[no-untyped-def]
    """Renames out of an approved folder (the old path is in git status' second field) and a
    git status that fails must not count as an unedited folder."""
    folder = sample_repo / "evaluations/2025-tahunan"
    if how == "staged rename":
        git(sample_repo, "mv", "evaluations/2025-tahunan/laporan.md", "pindah.md")
        text = (sample_repo / "pindah.md").read_text(encoding="utf-8")
        (folder / "laporan.md").write_text(text + "\nPALSU\n", encoding="utf-8")
        with (sample_repo / ".git/info/exclude").open("a", encoding="utf-8") as exclude:
            exclude.write("evaluations/2025-tahunan/laporan.md\n")
    elif how == "intent-to-add rename":
        (folder / "laporan.md").rename(sample_repo / "pindah.md")
        git(sample_repo, "add", "-N", "pindah.md")
    else:
        report = folder / "laporan.md"
        report.write_text(report.read_text(encoding="utf-8") + "\nPALSU\n", encoding="utf-8")
        (sample_repo / ".git/index").write_bytes(b"rusak")
    run = evkin("site", "build", root=sample_repo)
    assert "2025-tahunan: belum diterbitkan" in run.err, run.err
    assert not (sample_repo / "site/arsip/2025/2025-tahunan").exists()


def test_report_page_content(archive: Path) -> None:
    site = archive / "site"
    text = " ".join(parse(site / "arsip/2025/2025-tahunan/index.html").text)
    # The footer writes the agency's name as Indonesian does ("dan", not "Dan").
    assert "Dinas Bina Marga, Cipta Karya dan Tata Ruang" in text and " Dan " not in text
    # The capaian table sits between "Realisasi Kinerja" and the next section.
    start, table, end = (text.index("Realisasi Kinerja"), text.index("Capaian per Indikator"),
                         text.index("Faktor Pendorong"))
    assert start < table < end
    settings = load_settings(archive)
    from evkin.evaluation.workspace import load_one, results_for

    results = results_for(settings, load_one(settings, "2025-tahunan").evaluation)
    for result in results:
        row = text_row(result)
        assert row[1] in text and row[5] in text  # indicator and its capaian, as summary prints
    assert "Rata-rata capaian per sasaran" in text
    # The chart is the same SVG the PDF embeds, published beside the page.
    chart = site / "arsip/2025/2025-tahunan/grafik-capaian.svg"
    assert chart.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    # The PDF and its SHA-256.
    pdf = site / "arsip/2025/2025-tahunan/laporan-2025-tahunan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() in text
    # Approval trail, timeline, attachments.
    for expected in ("Dra. Rina Marlina, M.Si.", "Ir. Hendra Saputra, M.T.", "Sekretaris",
                     "Kepala Dinas", "28 Januari 2026", "29 Januari 2026", "Linimasa SOP",
                     "12 Januari 2026", "19 Januari 2026", "sesuai standar", "Lampiran",
                     "Langkah 4: Notulen Rapat Pembahasan Evaluasi Kinerja"):
        assert expected in text, expected
    attachments = " ".join(parse(site / "arsip/2025/2025-tahunan/lampiran/index.html").text)
    for expected in ("Nota Dinas Penugasan", "800/012/BMCKTR-2026", "Daftar hadir",
                     "Mega Silvia, S.T., M.T.", "Kepala Bidang Tata Ruang", "Hari, tanggal",
                     "Senin, 19 Januari 2026"):
        assert expected in attachments, expected
    # A search lists the report with its labels and PDF, not its attachments page again.
    found = indexed(site)
    assert found["/arsip/2025/2025-tahunan/index.html"]["meta"]["pdf"]
    assert not [url for url in found if "/lampiran/" in url]


def test_search_keeps_the_words_of_neighbouring_cells_apart(archive: Path) -> None:
    """Every word a search can find on a page is a word the page shows: Pagefind joins the
    text of adjacent elements written without a space between them, and "Nomor 050/…" beside
    "Periode" in the report's summary became "…-2026PeriodeTahun", which a search for "periode"
    or the letter's number missed (the summary, the tables, the home page's cards)."""
    site = archive / "site"
    glued = {url: unseen_words(site / url.lstrip("/"), str(page["content"]))[:8]
             for url, page in indexed(site).items() if not url.startswith("/panduan/")}
    assert not {url: words for url, words in glued.items() if words}, glued


def test_indexes_trends_and_sop(archive: Path) -> None:
    site = archive / "site"
    home = " ".join(parse(site / "index.html").text)
    assert "Laporan terbaru" in home and "Tahun 2025" in home
    assert "2 evaluasi lain masih dalam proses" in home
    year = " ".join(parse(site / "arsip/2026/index.html").text)
    assert "Semester I Tahun 2026" in year
    kinds = " ".join(parse(site / "arsip/periode/tahunan/index.html").text)
    assert "Tahun 2024" in kinds and "Tahun 2025" in kinds
    trend = site / "arsip/indikator/ik-02/index.html"
    page = parse(trend)
    assert "101,41 %" in " ".join(page.text) and "100,12 %" in " ".join(page.text)
    assert sum(1 for tag, _ in page.tags if tag == "circle") == 3  # 2024, 2025, 2026-s1
    # The chart plots realisasi against target (not a flat capaian line near 100 %): the
    # 2025 point (86,20 %) sits above the 2024 one (84,10 %), the target is a dashed line.
    svg = trend.read_text(encoding="utf-8")
    chart = svg[svg.index('<svg class="evkin-tren'):]
    chart = chart[:chart.index("</svg>")]
    assert "target 100 %" not in chart and 'class="evkin-target"' in chart
    tips = re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"[^>]*><title>([^<]*)</title>', chart)
    by_period = {tip.split(":")[0]: (float(cy), tip) for cy, tip in tips}
    assert by_period["Tahun 2025"][1] == (
        "Tahun 2025: realisasi 86,20 %; target 85 %; capaian 101,41 %")
    assert by_period["Tahun 2025"][0] < by_period["Tahun 2024"][0]  # higher on screen
    # A search finds the indicator by its name, and a report's figures on the report's own
    # page: the trend page's table of every report's figures is shown, not searched (it made
    # each indicator page match, and outrank, nearly every report).
    found = indexed(site)
    searched = str(found["/arsip/indikator/ik-02/index.html"]["content"])
    assert "IK-02" in searched and "101,41" not in searched and "Tahun 2024" not in searched
    assert "101,41" in str(found["/arsip/2025/2025-tahunan/index.html"]["content"])
    ranged = (site / "arsip/indikator/ik-05/index.html").read_text(encoding="utf-8")
    assert 'class="evkin-rentang"' in ranged and "target 80–90 %" in ranged
    sop = parse(site / "arsip/sop/index.html")
    sop_text = " ".join(sop.text)
    for step in load_sop().steps:
        assert step.output in sop_text
    assert "Pelaksana" in sop_text and "Mutu Baku" in sop_text


def test_every_internal_link_resolves_on_a_plain_server(archive: Path) -> None:
    """Relative links naming real files: no index.html guessing, no server rewrites."""
    site = archive / "site"
    broken = []
    for page in html_pages(site):
        if page.name == "404.html":
            continue  # served for any missing path, so MkDocs gives it site-absolute links
        for tag, attrs in parse(page).tags:
            for name in ("href", "src"):
                value = attrs.get(name, "")
                if not value or (tag == "a" and value.startswith(("http:", "https:", "mailto:"))):
                    continue
                if tag == "link" and attrs.get("rel") == "canonical":
                    continue  # names the page's address on the site, requests nothing
                parts = urlsplit(value)
                assert not parts.scheme and not parts.netloc, (page, value)  # nothing external
                if not parts.path:
                    continue
                target = (page.parent / unquote(parts.path)).resolve()
                if not target.is_file():
                    broken.append((page.relative_to(site).as_posix(), value))
    assert broken == []


def test_no_request_leaves_the_site(archive: Path) -> None:
    site = archive / "site"
    for page in html_pages(site):
        for tag, attrs in parse(page).tags:
            if tag in ("script", "img", "iframe", "source") or (tag == "link" and \
                    attrs.get("rel") in ("stylesheet", "preconnect", "icon")):
                url = attrs.get("src") or attrs.get("href") or ""
                assert not urlsplit(url).netloc, (page, tag, url)
    config = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in config and "unpkg.com" not in config


def test_the_injection_corpus_is_inert_in_the_html(archive: Path) -> None:
    site = archive / "site"
    clean = parse(site / "arsip/2025/2025-tahunan/index.html")
    def scripts(page: Page) -> list[dict[str, str]]:
        return [{k: v.rsplit("/", 1)[-1] for k, v in attrs.items()}
                for tag, attrs in page.tags if tag == "script"]

    theirs = scripts(clean)
    for page in [*html_pages(site / f"arsip/2026/{INJECTED}"), site / "index.html",
                 *html_pages(site / "arsip/indikator")]:
        parsed = parse(page)
        # Exactly the theme's own scripts, none of the corpus.
        assert scripts(parsed) == theirs, page
        assert not any("__evkinXss" in code for code in parsed.scripts), page
        for tag, attrs in parsed.tags:
            assert not any(k.startswith("on") for k in attrs), (page, tag, attrs)
        content = Page()
        content.feed(page.read_text(encoding="utf-8").split("<article", 1)[1]
                     .split("</article>", 1)[0])
        own_search = [("form", "evkin-beranda-cari"), ("input", "evkin-kata-beranda")]
        for tag, attrs in content.tags:
            if page == site / "index.html" and (tag, attrs.get("id")) in own_search:
                own_search.remove((tag, attrs.get("id")))
                continue  # the home page's own search form, once
            assert tag not in ("iframe", "object", "embed", "form", "input", "base", "math",
                               "style", "video"), (page, tag)
            if tag == "meta":
                assert "http-equiv" not in attrs, (page, attrs)
            for value in attrs.values():
                assert not value.strip().lower().startswith(("javascript:", "data:text")), \
                    (page, tag, attrs)
            assert "mermaid" not in attrs.get("class", ""), (page, attrs)
            assert attrs.get("id") not in ("__config", "mermaid") or tag == "script", page
    # The corpus is there as text a reader can see, not as markup.
    text = " ".join(parse(site / f"arsip/2026/{INJECTED}/index.html").text)
    assert f"<script>{PAYLOAD}</script>" in text
    assert not (site / "etc").exists()  # the snippet line included nothing


# ---------------------------------------------------------------- pure parts


@pytest.mark.parametrize("source", [
    f"<script>{PAYLOAD}</script>",
    f"<img src=x onerror=\"{PAYLOAD}\">",
    f"[x](javascript:{PAYLOAD})",
    f"<a href=\"jav&#x09;ascript:{PAYLOAD}\">x</a>",
    f"<svg onload=\"{PAYLOAD}\"></svg>",
    f"| a |\n|---|\n| <img src=x onerror=\"{PAYLOAD}\"> |",
    "<div id=\"__config\" class=\"mermaid\" markdown=\"1\">x</div>",
    "```mermaid\ngraph TD\n```",
    "![x](http://example.invalid/x.png)",
])
def test_sanitizer_removes_every_handle(source: str) -> None:
    out = markdown_html(source)
    page = Page()
    page.feed(out)
    for tag, attrs in page.tags:
        assert tag not in ("script", "svg", "iframe", "style")
        assert not any(k.startswith("on") or k in ("id", "markdown", "style") for k in attrs)
        assert "mermaid" not in attrs.get("class", "")
        for name in ("href", "src"):
            value = attrs.get(name, "").strip().lower()
            assert not value.startswith(("javascript", "jav", "data:")), (tag, attrs)
            assert not (name == "src" and urlsplit(value).netloc), (tag, attrs)
    assert "`" not in out and "~" not in out  # SuperFences must not see a fence


def test_whole_corpus_leaves_no_tag_with_a_handler() -> None:
    out = markdown_html(REPORT_CORPUS)
    page = Page()
    page.feed(out)
    for tag, attrs in page.tags:
        assert tag not in ("script", "iframe", "object", "embed", "form", "input", "meta",
                           "base", "style", "link", "svg", "math", "video", "source")
        assert not any(k.startswith("on") for k in attrs)
        assert set(attrs) <= {"href", "src", "alt", "title", "rel", "class", "start"}


def test_headings_and_titles_cannot_carry_markup() -> None:
    heading = md_heading(2, "Hasil <img src=x onerror=alert(1)> {#x onclick=y}", "hasil")
    assert "<" not in heading.split("{#")[0] and heading.endswith("{#hasil}")
    assert plain_title("</title><script>alert(1)</script> Laporan & <b>x</b>") == \
        "/title script alert(1) /script Laporan b x /b"


def test_sop_flowchart_is_drawn_from_the_sop_data() -> None:
    sop = load_sop()
    svg = flowchart(sop)
    assert svg.count("<polygon") == sum(1 for s in sop.steps if s.approval)
    assert svg.count("evkin-sop-kembali") == sum(1 for s in sop.steps if s.return_to_step)
    for step in sop.steps:
        assert f"Langkah {step.number}:" in svg
    for role in ("Kepala Dinas", "Sekretaris", "Tim SAKIP", "Perencanaan"):
        assert role in svg
    assert "<script" not in svg


# ---------------------------------------------------------------- builds and rebuilds


def test_mkdocs_build_alone_gives_the_same_pages(archive: Path, tmp_path: Path) -> None:
    """The repository's own mkdocs.yml, run by MkDocs itself after the pages exist."""
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "docs").symlink_to(archive / "docs")
    (repo / "scripts").symlink_to(PROJECT / "scripts")
    (repo / "mkdocs.yml").write_text((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    out = tmp_path / "plain"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                           str(repo / "mkdocs.yml"), "-d", str(out)], capture_output=True,
                          text=True, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    ours = {p.relative_to(archive / "site").as_posix() for p in html_pages(archive / "site")}
    plain = {p.relative_to(out).as_posix() for p in html_pages(out)}
    assert ours == plain
    # The same bytes: the PDFs were laid out while MkDocs ran, and what the pages show of them
    # (size, SHA-256) was filled in afterwards, exactly as a build from the final pages.
    # The search index too, byte for byte (Pagefind's filter order is made canonical).
    index = sorted(p.relative_to(out).as_posix() for p in out.rglob("pagefind/**/*")
                   if p.is_file())
    assert len(index) > 10 and index == sorted(
        p.relative_to(archive / "site").as_posix()
        for p in (archive / "site").rglob("pagefind/**/*") if p.is_file())
    for rel in index:
        assert (out / rel).read_bytes() == (archive / "site" / rel).read_bytes(), rel
    for rel in [*sorted(ours), SUMMARY_FILE]:
        built = (archive / "site" / rel).read_text(encoding="utf-8")
        assert "evkinpdf-" not in built, rel
        assert built == (out / rel).read_text(encoding="utf-8"), rel
    assert indexed(out) == indexed(archive / "site")  # the hook indexed the same pages
    pdfs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert pdfs and pdfs == sorted(p.relative_to(archive / "site").as_posix()
                                   for p in (archive / "site").rglob("*.pdf"))
    nav = (out / "arsip/2025/index.html").read_text(encoding="utf-8")  # with its sidebar
    assert "Tahun 2025" in nav and "Per jenis periode" in nav  # the hook's navigation


@pytest.mark.slow
def test_preview_marks_every_page_and_publication_never_does(tmp_path: Path) -> None:
    root = make_archive_repo(tmp_path / "repo")
    settings = load_settings(root)
    built = build_site(settings, tmp_path / "pratinjau", preview=True)
    assert {r.id for r in built.collection.reports} >= {UNAPPROVED, MODIFIED}
    for page in html_pages(tmp_path / "pratinjau"):
        raw = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            continue
        assert "PRATINJAU – BUKAN ARSIP RESMI" in raw, page
        assert re.search(r"<title>\[PRATINJAU", raw), page
    draft = parse(tmp_path / "pratinjau" / f"arsip/2026/{UNAPPROVED}/index.html")
    assert "DRAF" in " ".join(draft.text)
    assert "belum ada jejak persetujuan" in " ".join(draft.text)
    # The next final build removes the draft pages again.
    build_site(settings, tmp_path / "final")
    assert not (root / f"docs/arsip/2026/{UNAPPROVED}").exists()
    assert "PRATINJAU" not in (tmp_path / "final/index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_rebuild_after_one_change_rebuilds_one_pdf(tmp_path: Path) -> None:
    root = make_archive_repo(tmp_path / "repo")
    settings = load_settings(root)
    first = build_site(settings, root / "site")
    pdfs = {r: a.pdf for r, a in first.artefacts.items() if a.pdf}
    stamps = {r: p.stat().st_mtime_ns for r, p in pdfs.items() if p}
    # The Tim SAKIP fix the modified report; the officials approve it again.
    report = root / "evaluations" / MODIFIED / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nPerbaikan.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Perbaikan")
    approve(root, MODIFIED)
    second = build_site(load_settings(root), root / "site")
    assert MODIFIED in {r.id for r in second.collection.reports}
    for report_id, stamp in stamps.items():
        art = second.artefacts[report_id]
        assert art.pdf is not None and art.pdf.stat().st_mtime_ns == stamp, report_id
        assert art.sha256 == first.artefacts[report_id].sha256
    assert second.artefacts[MODIFIED].pdf is not None
    assert (root / "site" / f"arsip/2026/{MODIFIED}/index.html").is_file()


@pytest.mark.slow
def test_rebuilt_pages_are_the_pages_a_fresh_build_makes(tmp_path: Path) -> None:
    """Report pages are remembered between builds; whatever changes what a page shows (the
    report, the settings, its PDF becoming available) must give the page a fresh build gives."""
    root = make_archive_repo(tmp_path / "repo")
    build_site(load_settings(root), root / "site")
    with CacheDb(root / "build/evkin-cache" / pagecache.CACHE_FILE) as pages_remembered:
        assert pages_remembered.keys()
    # A change to the settings (a Tim SAKIP member's name, shown on every report page) and to
    # one report, both committed; the report approved again.
    settings_file = root / "evkin.yml"
    settings_file.write_text(settings_file.read_text(encoding="utf-8").replace(
        "Fajar Ramadhan, S.E.", "Fajar Ramadhan, S.E., M.M."), encoding="utf-8")
    report = root / "evaluations" / "2025-tahunan" / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nKalimat baru.\n",
                      encoding="utf-8")
    git(root, "commit", "-q", "-am", "Perubahan")
    approve(root, "2025-tahunan")
    remembered = _pages_built(root)
    assert "Kalimat baru." in remembered["arsip/2025/2025-tahunan/index.md"]
    assert "Fajar Ramadhan, S.E., M.M." in remembered["arsip/2025/2025-tahunan/index.md"]
    # 2024-tahunan keeps the settings committed when it was approved.
    assert "Fajar Ramadhan, S.E., M.M." not in remembered["arsip/2024/2024-tahunan/index.md"]
    assert "Fajar Ramadhan, S.E." in remembered["arsip/2024/2024-tahunan/index.md"]
    assert remembered == _pages_built(root, fresh=True)
    # A preview once built with English messages (a draft's reason) is not reused in Indonesian.
    messages.set_lang("en")
    try:
        _pages_built(root, preview=True)
    finally:
        messages.set_lang(None)
    remembered = _pages_built(root, preview=True)
    assert "belum ada jejak persetujuan" in remembered[f"arsip/2026/{UNAPPROVED}/index.md"]
    assert remembered == _pages_built(root, preview=True, fresh=True)


def _pages_built(root: Path, published: dict[str, dt.date] | None = None,
                 fresh: bool = False, preview: bool = False) -> dict[str, str]:
    if fresh:
        (root / "build/evkin-cache" / pagecache.CACHE_FILE).unlink()
    shutil.rmtree(root / "docs/arsip", ignore_errors=True)
    build_site(load_settings(root), root / "site", published=published, preview=preview)
    return {p.relative_to(root / "docs").as_posix(): p.read_text(encoding="utf-8")
            for p in (root / "docs/arsip").rglob("index.md")}


def test_a_build_cut_short_leaves_no_placeholder(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs fails while the PDFs are pending: the error is reported, and no page under docs/
    keeps a stand-in token (a later plain `mkdocs build` would publish it); the next build is
    whole again."""
    from evkin.findings import EvkinError
    from evkin.site import build as site_build

    root = make_archive_repo(tmp_path / "repo")

    def failing(*_args: object, **_kwargs: object) -> None:
        raise EvkinError("site.mkdocs_failed", {"detail": "uji"})

    monkeypatch.setattr(site_build, "run_mkdocs", failing)
    with pytest.raises(EvkinError):
        build_site(load_settings(root), root / "site")
    texts = [p.read_text(encoding="utf-8") for p in (root / "docs").rglob("*.md")]
    assert texts and not any("evkinpdf-" in t for t in texts)
    assert "PDF belum tersedia" in (root / "docs/arsip/2025/2025-tahunan/index.md").read_text(
        encoding="utf-8")
    monkeypatch.undo()
    build_site(load_settings(root), root / "site")
    page = (root / "site/arsip/2025/2025-tahunan/index.html").read_text(encoding="utf-8")
    assert "Unduh PDF" in page and "evkinpdf-" not in page


def test_period_and_paths_helpers() -> None:
    period = Period.from_id("2026-tw2")
    assert period is not None and period.label() == "Triwulan II Tahun 2026"
    assert paths.url("arsip/2025/2025-tahunan/index.md", "index.md") == "../../../index.html"
    assert paths.url("index.md", "arsip/sop/index.md#x") == "arsip/sop/index.html#x"


def test_serve_gives_pages_and_no_directory_listing(archive: Path) -> None:
    import urllib.error
    import urllib.request

    from evkin.site.serve import start_background

    server, base = start_background(archive / "site")
    try:
        with urllib.request.urlopen(base + "arsip/2025/2025-tahunan/index.html") as response:
            assert "Persetujuan" in response.read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(base + "assets/")
        assert error.value.code == 404
    finally:
        server.shutdown()
        server.server_close()


def test_a_guide_pages_front_matter_cannot_write_into_the_theme(tmp_path: Path) -> None:
    """The values evkin's theme reads from a page's front matter (the search index's part,
    the parts the search page merges) are evkin's own; a guide page that sets them anyway
    gets them escaped, never as markup or script."""
    root = make_archive_repo(tmp_path / "repo")
    hostile = '"><img src=x onerror=alert(1)></script><script>alert(2)</script>'
    guide = root / "docs" / "panduan"
    guide.mkdir(parents=True, exist_ok=True)
    (guide / "bagian.md").write_text(f"---\nevkin_bagian: '{hostile}'\n---\n\n# Satu\n",
                                     encoding="utf-8")
    (guide / "cari.md").write_text(f"---\nevkin_cari: true\nevkin_cari_bagian: '{hostile}'\n"
                                   "---\n\n# Dua\n", encoding="utf-8")
    build_site(load_settings(root), root / "site")
    for name in ("bagian", "cari"):
        page = (root / "site" / "panduan" / f"{name}.html").read_text(encoding="utf-8")
        assert "<img src=x" not in page and "<script>alert(2)" not in page, name
        assert "alert(1)" in page, name  # there, as text
