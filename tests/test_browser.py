"""The archive in a real browser: Debian's chromium driven by Playwright.

A person opens the home page, searches for an indicator, opens a report, downloads its PDF
and reads the approval trail; nothing logs an error, nothing is fetched from any host but
the site's, and none of the injection corpus (an approved report full of script) runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from evkin.site.recommendations import STATUS_KIND
from evkin.site.serve import start_background
from tests.archive_repo import INJECTED, MARK, make_archive_repo
from tests.htmlpage import SPLIT_WORDS

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser
SEARCH = "#evkin-kata"  # the search page's field (Pagefind; site/search.py)
RESULT = ".evkin-cari-item"
SEARCH_PAGE = "arsip/cari/index.html"
HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(e =>
    [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"""

if not Path(CHROMIUM).exists():
    if os.environ.get("EVKIN_REQUIRE_BROWSER"):
        raise RuntimeError(f"EVKIN_REQUIRE_BROWSER is set but {CHROMIUM} is missing "
                           "(apt-get install chromium)")
    pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} "
                "(apt-get install chromium); browser tests skipped", allow_module_level=True)


def search(tab: Any, words: str) -> None:
    """Type as a person does, then press Enter."""
    tab.locator(SEARCH).press_sequentially(words, delay=30)
    tab.locator(SEARCH).press("Enter")


def results(tab: Any) -> list[dict[str, Any]]:
    """Each result shown: its title, link, PDF link and text (once all are in: the first ones
    are shown while the rest still load, the list busy meanwhile)."""
    tab.locator(RESULT).first.wait_for(timeout=15000)
    tab.locator(".evkin-cari-hasil:not([aria-busy])").wait_for(timeout=15000)
    return list(tab.locator(RESULT).evaluate_all("""items => items.map(li => ({
        title: li.querySelector('.evkin-cari-judul').textContent,
        href: (li.querySelector('.evkin-cari-judul a') || {}).href || null,
        pdf: (li.querySelector('a.evkin-cari-pdf') || {}).href || null,
        text: li.textContent}))"""))


@dataclass
class Site:
    root: Path
    folder: Path
    base: str


@dataclass
class Watch:
    """Everything a page did that a person would not want: errors, requests elsewhere,
    dialogs."""

    base: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._request)
        page.on("dialog", self._dialog)

    def _request(self, request: Any) -> None:
        url = request.url
        if not (url.startswith(self.base) or url.startswith(("data:", "blob:", "about:"))):
            self.outside.append(url)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside
        assert self.dialogs == [], self.dialogs


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from evkin.settings import load_settings
    from evkin.site.build import build_site

    root = make_archive_repo(tmp_path_factory.mktemp("arsip") / "repo")
    settings = load_settings(root)
    folder = root / "site"
    build_site(settings, folder)
    server, base = start_background(folder)
    try:
        yield Site(root, folder, base)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    watch = Watch(site.base)
    watch.attach(tab)
    try:
        yield tab, watch
    finally:
        context.close()


def test_find_read_download_and_check_a_report(page: tuple[Any, Watch], site: Site,
                                               tmp_path: Path) -> None:
    tab, watch = page
    tab.goto(site.base)
    assert "Arsip Laporan Hasil Evaluasi Kinerja Internal" in tab.locator("h1").inner_text()
    assert tab.locator("html").get_attribute("lang") == "id"

    # Search for an indicator by words of its name from the home page's field.
    tab.get_by_label("Cari laporan atau indikator").fill("jembatan provinsi")
    tab.get_by_label("Cari laporan atau indikator").press("Enter")
    tab.wait_for_load_state()
    assert "jembatan" in " ".join(r["text"] for r in results(tab)).lower()

    # Open the 2025 report from the home page's latest reports.
    tab.goto(site.base)
    tab.get_by_role("link", name=re.compile("Laporan Hasil Evaluasi Kinerja Internal Tahun 2025"))\
        .first.click()
    tab.wait_for_load_state()
    assert tab.url.endswith("arsip/2025/2025-tahunan/index.html")
    assert "Tahun 2025" in tab.title()

    # The capaian table follows "Realisasi Kinerja", as in the PDF.
    headings = tab.locator("article h2, article h3, article h4").all_inner_texts()
    clean = [h.replace("¶", "").strip() for h in headings]
    assert clean.index("Capaian per Indikator") == clean.index("Realisasi Kinerja") + 1
    assert "101,41 %" in tab.locator("article").inner_text()  # IK-02: 86,20 / 85

    # Download the PDF; its SHA-256 is the one the page shows.
    shown = tab.locator(".evkin-hash code").first.inner_text().strip()
    with tab.expect_download() as info:
        tab.get_by_role("link", name=re.compile("Unduh PDF")).click()
    saved = tmp_path / "laporan.pdf"
    info.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == shown

    # The approval trail: who initialled and signed, in which capacity, when.
    trail = tab.locator("#persetujuan ~ div").first.inner_text()
    assert "Dra. Rina Marlina, M.Si." in trail and "Sekretaris" in trail
    assert "Ir. Hendra Saputra, M.T." in trail and "Kepala Dinas" in trail
    assert "28 Januari 2026" in trail and "29 Januari 2026" in trail

    # The SOP timeline lists the eight steps with their dates.
    timeline = tab.locator("#linimasa-sop ~ div").first.inner_text()
    assert "12 Januari 2026" in timeline and "5 hari kerja" in timeline

    # The attachments: the step 4 minutes with the attendance list.
    tab.get_by_role("link", name=re.compile("Lampiran \\(langkah 1–4\\)")).click()
    tab.wait_for_load_state()
    text = tab.locator("article").inner_text()
    assert "Notulen Rapat Pembahasan Evaluasi Kinerja" in text
    assert "Daftar hadir" in text and "Mega Silvia, S.T., M.T." in text
    watch.clean()


def test_indicator_trend_and_sop_pages(page: tuple[Any, Watch], site: Site) -> None:
    tab, watch = page
    tab.goto(site.base + "arsip/indikator/index.html")
    tab.locator("article").get_by_role(
        "link", name="Persentase jembatan provinsi dalam kondisi baik").click()
    tab.wait_for_load_state()
    assert tab.locator("svg.evkin-tren circle").count() >= 2  # 2024 and 2025
    assert "101,41 %" in tab.locator("article").inner_text()
    tab.goto(site.base + "arsip/sop/index.html")
    assert tab.locator("svg.evkin-sop polygon").count() == 2  # paraf and signature decisions
    assert "150.1/SOP-BMCKTR/2024" in tab.locator("article").inner_text()
    watch.clean()


def test_unapproved_reports_are_nowhere(page: tuple[Any, Watch], site: Site) -> None:
    tab, watch = page
    tab.goto(site.base + "arsip/index.html")
    listing = tab.locator("article").inner_text()
    assert "2026-tw1" not in listing and "Periode 2026-tw1" not in listing
    assert "Periode 2026-tw2" not in listing
    response = tab.goto(site.base + "arsip/2026/2026-tw1/index.html")
    assert response is not None and response.status == 404
    watch.errors.clear()  # the 404 above is the point of this check
    watch.clean()


@pytest.mark.slow
def test_injection_corpus_never_runs(page: tuple[Any, Watch], site: Site) -> None:
    tab, watch = page
    pages = [f"arsip/2026/{INJECTED}/index.html", f"arsip/2026/{INJECTED}/lampiran/index.html",
             "arsip/indikator/ik-01/index.html", "arsip/indikator/index.html", "index.html",
             "arsip/index.html", "arsip/2026/index.html"]
    for path in pages:
        tab.goto(site.base + path)
        tab.wait_for_load_state("networkidle")
        # Hover and click everything a curious reader might.
        for link in tab.locator("article a").all()[:80]:
            href = link.get_attribute("href") or ""
            assert not href.lower().lstrip().startswith(("javascript", "data:")), href
        for element in tab.locator("article details, article img, article svg").all()[:40]:
            with contextlib.suppress(Exception):  # invisible elements cannot be hovered
                element.hover(timeout=500)
        assert tab.evaluate("typeof window.__evkinXss") == "undefined", path
        handlers = tab.evaluate(HANDLERS)
        assert handlers == [], (path, handlers)
        assert tab.locator("article iframe, article object, article embed, "
                           "article form:not(#evkin-beranda-cari), "
                           "article input:not(#evkin-kata-beranda), "
                           "article .mermaid").count() == 0, path
    # The title of the injected report is plain text in the window title.
    tab.goto(site.base + f"arsip/2026/{INJECTED}/index.html")
    assert "<" not in tab.title() and "Laporan Semester" in tab.title()
    # Searching the corpus shows its markup as text, and runs nothing either.
    for words in ("onerror", "script", "evkinXss"):
        tab.goto(site.base + SEARCH_PAGE)
        search(tab, words)
        shown = results(tab)
        assert any("<img" in r["text"] or "<script" in r["text"] for r in shown), words
        tab.wait_for_timeout(500)
        assert tab.locator(".evkin-cari-hasil img, .evkin-cari-hasil script, "
                           ".evkin-cari-hasil svg, .evkin-cari-hasil iframe").count() == 0
        assert tab.evaluate("typeof window.__evkinXss") == "undefined"
        assert tab.evaluate(HANDLERS) == []
        assert all(r["href"] is None or r["href"].startswith(site.base) for r in shown)
    assert not any(MARK in d for d in watch.dialogs)
    watch.clean()


def test_search_finds_a_report_narrows_by_filter_and_links_its_pdf(
        page: tuple[Any, Watch], site: Site, tmp_path: Path) -> None:
    tab, watch = page
    tab.goto(site.base + SEARCH_PAGE)
    search(tab, "jalan mantap")
    found = results(tab)
    report = site.base + "arsip/2025/2025-tahunan/index.html"
    hit = next(r for r in found if r["href"] == report)
    assert "Tahun 2025" in hit["title"] and "2025 · Tahunan" in hit["text"]
    assert hit["pdf"] == site.base + "arsip/2025/2025-tahunan/laporan-2025-tahunan.pdf"
    assert len(found) > 2  # indicator pages and the other years' reports too
    # Indonesian stemming: "dicapai" is on no page, the report's "mencapai" is found by it.
    assert "dicapai" not in (site.folder / "arsip/2025/2025-tahunan/index.html").read_text(
        encoding="utf-8")
    tab.goto(site.base + SEARCH_PAGE)
    search(tab, "dicapai")
    assert report in [r["href"] for r in results(tab)]
    # The letter's number finds its report first, before the lists that mention it.
    tab.goto(site.base + SEARCH_PAGE)
    search(tab, "050/0142/BMCKTR-2026")
    assert results(tab)[0]["href"] == report
    tab.goto(site.base + SEARCH_PAGE)
    search(tab, "jalan mantap")
    results(tab)
    # A filter narrows the results to that year's reports, and the address keeps it.
    tab.get_by_label("Tahun", exact=True).select_option("2025")
    tab.wait_for_function("document.querySelectorAll('.evkin-cari-item').length === 1")
    narrowed = results(tab)
    assert [r["href"] for r in narrowed] == [report]
    assert "tahun=2025" in tab.url and "q=jalan+mantap" in tab.url
    tab.get_by_label("Periode", exact=True).select_option("Semester")
    tab.wait_for_function("document.querySelector('.evkin-cari-status').textContent"
                          ".startsWith('Tidak ada hasil')")
    # The PDF link downloads the published PDF.
    tab.get_by_label("Periode", exact=True).select_option("")
    results(tab)
    with tab.expect_download() as info:
        tab.locator("a.evkin-cari-pdf").first.click()
    saved = tmp_path / "hasil.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes() == (site.folder / "arsip/2025/2025-tahunan/"
                                  "laporan-2025-tahunan.pdf").read_bytes()
    watch.clean()


@pytest.fixture(scope="module")
def parted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The same archive with its search index in parts, as from 1,000 reports
    (``search.PARTS_FROM``): the reports' pages in parts of their own, merged by the page."""
    from evkin.settings import load_settings
    from evkin.site import search
    from evkin.site.build import build_site

    root = make_archive_repo(tmp_path_factory.mktemp("bagian") / "repo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "PARTS_FROM", 1)
        build_site(load_settings(root), root / "site")
    server, base = start_background(root / "site")
    try:
        yield Site(root, root / "site", base)
    finally:
        server.shutdown()
        server.server_close()


def test_a_search_over_an_index_in_parts_finds_and_narrows_as_one(
        browser: Any, parted: Site, site: Site) -> None:
    from evkin.site import search as site_search

    bundle = parted.folder / site_search.BUNDLE
    listed = re.search(r'data-bagian="([^"]*)"',
                       (parted.folder / SEARCH_PAGE).read_text(encoding="utf-8"))
    assert listed is not None
    parts = sorted(p.parent.name for p in bundle.glob("*/pagefind-entry.json"))
    assert listed.group(1).split() == parts and parts  # every part merged, none missing
    # Each report's page is in its part (by its id), none in the main one.
    report_page = re.compile(r"/arsip/\d{4}/([^/]+)/index\.html$")
    placed = {str(page["url"]): folder.name for folder in [bundle, *bundle.glob("laporan-*")]
              for page in _fragments(folder)}
    reports = {url: match.group(1) for url in placed if (match := report_page.search(url))}
    assert len(reports) >= 2
    assert all(placed[url] == site_search.part_of(i) for url, i in reports.items())

    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    watch = Watch(parted.base)
    watch.attach(tab)
    try:
        tab.goto(parted.base + SEARCH_PAGE)
        search(tab, "jalan mantap")
        found = results(tab)
        report = parted.base + "arsip/2025/2025-tahunan/index.html"
        hit = next(r for r in found if r["href"] == report)
        assert hit["pdf"] == parted.base + "arsip/2025/2025-tahunan/laporan-2025-tahunan.pdf"
        assert len({r["href"] for r in found}) == len(found)  # no page twice
        assert len([r for r in found if "/arsip/20" in (r["href"] or "")]) > 1
        # The filters list the years of every part, and narrow across them.
        years = tab.get_by_label("Tahun", exact=True).locator("option").all_text_contents()
        assert {"2024", "2025"} <= {y.split(" ")[0] for y in years}
        tab.get_by_label("Tahun", exact=True).select_option("2025")
        tab.wait_for_function("document.querySelectorAll('.evkin-cari-item').length === 1")
        assert [r["href"] for r in results(tab)] == [report]
        # Indonesian stemming in a merged part: "dicapai" finds the report's "mencapai".
        tab.goto(parted.base + SEARCH_PAGE)
        search(tab, "dicapai")
        assert report in [r["href"] for r in results(tab)]
        # Several words find the pages holding all of them, as one index does: a part holding
        # none of the pages with "baku" (the SOP page's "Mutu Baku") does not answer with
        # its pages holding "jalan" (Pagefind passes over a word its index lacks). One word
        # finds the pages holding it, as one index does: a part with no word starting with
        # "0142" (the 2025 report's number) does not answer with its pages holding "014";
        # where no part holds "irigasi", only the parts holding the longest word starting it
        # ("IRI") answer, not the main part with its "I" (Triwulan I).
        single = browser.new_context()  # the one-index site: another origin, unwatched
        try:
            one_index = single.new_page()
            assert "arsip/2025/2025-tahunan/index.html" in found_pages(tab, parted, "0142")
            for words in ("jalan mantap", "mutu baku jalan", "baku jalan", "capaian kinerja",
                          "baku", "mutu", "0142", "rdtr", "jala", "dicapai jalan",
                          "irigasi"):
                assert found_pages(tab, parted, words) == found_pages(one_index, site, words), \
                    words
        finally:
            single.close()
        watch.clean()
    finally:
        context.close()


def found_pages(tab: Any, where: Site, words: str) -> set[str]:
    """Every page a search lists (fewer than the 20 shown here), site-relative."""
    tab.goto(where.base + SEARCH_PAGE + "?q=" + words.replace(" ", "+"))
    tab.locator(".evkin-cari-status").filter(has_text=re.compile(r"hasil")).wait_for()
    tab.locator(".evkin-cari-hasil:not([aria-busy])").wait_for(state="attached")
    shown = [r["href"].removeprefix(where.base) for r in tab.locator(RESULT).evaluate_all(
        "items => items.map(li => ({href: li.querySelector('.evkin-cari-judul a').href}))")]
    assert len(shown) < 20
    return set(shown)


def _fragments(bundle: Path) -> list[dict[str, Any]]:
    """The pages one part of a Pagefind bundle holds (its fragments, not its parts')."""
    import gzip
    import json

    return [json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd"))
            for f in sorted((bundle / "fragment").glob("*.pf_fragment"))]


def test_the_search_form_reads_as_one(page: tuple[Any, Watch], site: Site) -> None:
    """The keyword field has a visible border, and each filter stands apart from the next
    (they ran together as "Semua▾Periode"), on a desktop and on a phone."""
    tab, watch = page
    for width in (1280, 390):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto(site.base + SEARCH_PAGE)
        search(tab, "jalan")
        results(tab)
        border = tab.locator("#evkin-kata").evaluate(
            "e => { const s = getComputedStyle(e); return [s.borderTopStyle, "
            "parseFloat(s.borderTopWidth), parseFloat(s.borderBottomWidth)]; }")
        assert border[0] != "none" and border[1] >= 1 and border[2] >= 1, border
        boxes = [tab.locator(".evkin-cari-filter").nth(n).bounding_box()
                 for n in range(tab.locator(".evkin-cari-filter").count())]
        assert len(boxes) == 3, boxes
        for left, right in itertools.pairwise(boxes):
            assert left and right
            same_line = abs(left["y"] - right["y"]) < left["height"] / 2
            assert not same_line or right["x"] - (left["x"] + left["width"]) >= 8, (width, boxes)
    watch.clean()


def test_the_first_result_is_shown_while_the_others_still_load(
        page: tuple[Any, Watch], site: Site) -> None:
    """On a slow line the reader sees the best result as soon as its text has arrived, not
    after all twenty; the list says it is still busy, the filters follow the results."""
    tab, watch = page
    tab.goto(site.base + SEARCH_PAGE)
    best = tab.evaluate("""async () => {
        const pagefind = await import('../../pagefind/pagefind.js');
        await pagefind.options({baseUrl: '/', noWorker: true});
        return (await pagefind.search('jalan mantap')).results[0].id; }""")
    held: list[Any] = []

    def slow(route: Any) -> None:
        if route.request.url.endswith(f"/{best}.pf_fragment"):
            route.continue_()
        else:
            held.append(route)

    context = tab.context
    context.route("**/pagefind/fragment/*", slow)
    fresh = context.new_page()
    watch.attach(fresh)
    asked: list[str] = []
    fresh.on("request", lambda r: asked.append(r.url.split("?")[0].rsplit("/", 1)[-1]))
    fresh.goto(site.base + SEARCH_PAGE + "?q=jalan+mantap")
    fresh.locator(RESULT).first.wait_for(timeout=15000)
    fresh.wait_for_timeout(300)
    assert fresh.locator(RESULT).count() == 1 and held
    assert fresh.locator(".evkin-cari-hasil").get_attribute("aria-busy") == "true"
    assert re.match(r"\d+ hasil\.", fresh.locator(".evkin-cari-status").inner_text())
    first = fresh.locator(RESULT + " .evkin-cari-judul a").get_attribute("href")
    for route in held:
        route.continue_()
    shown = results(fresh)
    assert len(shown) > 2 and shown[0]["href"] == first  # the best result stayed first
    fresh.get_by_label("Tahun", exact=True).wait_for(timeout=15000)
    # What the page asked for early is what Pagefind then used: nothing fetched twice.
    for name in ("pagefind.js", "wasm.id.pagefind", "pagefind-entry.json"):
        assert asked.count(name) == 1, (name, asked)
    watch.clean()


def failing_once() -> Any:
    """A route handler answering the first request it sees with 404, the others as usual."""
    failed: list[str] = []

    def handle(route: Any) -> None:
        if failed:
            route.continue_()
        else:
            failed.append(route.request.url)
            route.fulfill(status=404, body="tidak ada")
    return handle


def test_a_result_whose_text_cannot_load_is_left_out(browser: Any, site: Site) -> None:
    """A fragment the server cannot send (a half-copied site): the other results are shown
    and the list is finished, not busy for ever."""
    counts = []
    for broken in (False, True):
        context = browser.new_context()
        tab = context.new_page()
        context.route("**/pagefind/fragment/*", failing_once() if broken else
                      (lambda route: route.continue_()))
        try:
            tab.goto(site.base + SEARCH_PAGE + "?q=jalan+mantap")
            counts.append(len(results(tab)))
            status = tab.locator(".evkin-cari-status").inner_text()
            assert status.endswith("ditampilkan).") == broken, status
        finally:
            context.close()
    assert counts[1] == counts[0] - 1 > 1


def test_offline_search_from_a_folder(browser: Any, site: Site, tmp_path: Path) -> None:
    """Opened from disk (a shared drive, no server): pages and search still work."""
    copy = tmp_path / "arsip"
    shutil.copytree(site.folder, copy)
    context = browser.new_context()
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda r: r.url.startswith("file:") or outside.append(r.url))
    try:
        tab.goto((copy / "index.html").as_uri())
        tab.get_by_label("Cari laporan atau indikator").fill("jalan mantap")
        tab.get_by_label("Cari laporan atau indikator").press("Enter")
        tab.wait_for_load_state()
        assert "judul dan ringkasan" in tab.locator("#evkin-cari").inner_text()
        found = results(tab)
        report = (copy / "arsip" / "2025" / "2025-tahunan" / "index.html").as_uri()
        hit = next(r for r in found if r["href"] == report)
        assert hit["pdf"] == (copy / "arsip/2025/2025-tahunan/laporan-2025-tahunan.pdf").as_uri()
        tab.get_by_label("Tahun", exact=True).select_option("2024")
        tab.wait_for_function("document.querySelectorAll('.evkin-cari-item').length === 1")
        assert "Tahun 2024" in results(tab)[0]["title"]
        tab.goto(report)
        assert "Persetujuan" in tab.locator("article").inner_text()
    finally:
        context.close()
    assert outside == []


FITS = """(selector) => {
  const wrap = document.querySelector(selector);
  const table = wrap.querySelector('table');
  const last = table.querySelector('thead th:last-child').getBoundingClientRect();
  const box = wrap.getBoundingClientRect();
  return {wrapScroll: wrap.scrollWidth - wrap.clientWidth,
          tableScroll: table.scrollWidth - table.clientWidth,
          lastRight: last.right, boxRight: box.right, width: window.innerWidth};
}"""


DESKTOPS = [(1280, 800), (1920, 1080), (1366, 768)]


@contextlib.contextmanager
def fitted(browser: Any, site: Site, size: tuple[int, int], page: str, table: str
           ) -> Iterator[tuple[Any, dict[str, float]]]:
    """``page`` at ``size``, its ``table`` checked to show every column without scrolling
    sideways; yields the tab and the measures, and checks the page logged no error."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        tab = context.new_page()
        watch = Watch(site.base)
        watch.attach(tab)
        tab.goto(site.base + page)
        got = tab.evaluate(FITS, table)
        assert got["wrapScroll"] <= 1 and got["tableScroll"] <= 1, got
        assert got["lastRight"] <= got["boxRight"] + 1 <= got["width"] + 1, got
        yield tab, got
        watch.clean()
    finally:
        context.close()


@pytest.mark.parametrize("size", [*DESKTOPS, (1024, 768)])
def test_the_recommendations_tracker_fits_the_screen(browser: Any, site: Site,
                                                     size: tuple[int, int]) -> None:
    """Every column, the age last, is on screen without scrolling sideways; a recommendation
    past its deadline and still open is flagged."""
    with fitted(browser, site, size, "arsip/rekomendasi/index.html",
                ".evkin-rekomendasi") as (tab, _):
        header = tab.locator(".evkin-rekomendasi thead th").last
        assert header.is_visible() and "Umur" in header.inner_text()
        # No status breaks inside a word ("ditindaklan-juti"): each one the tracker can
        # show, put in a status cell of this page, has no more lines than words.
        statuses = [*STATUS_KIND, "lewat tenggat"]
        broken = tab.evaluate("""(statuses) => {
            const cell = document.querySelector('.evkin-rekomendasi tbody td:nth-child(5)');
            const model = cell.querySelector('.evkin-lencana');
            return statuses.map(status => {
              const badge = model.cloneNode(false);
              badge.textContent = status;
              cell.appendChild(badge);
              const range = document.createRange(); range.selectNodeContents(badge);
              const lines = new Set([...range.getClientRects()].map(
                r => Math.round(r.top))).size;
              return [status, lines, status.split(' ').length];
            }).filter(x => x[1] > x[2]); }""", statuses)
        assert broken == [], broken
        assert "lewat tenggat" in tab.locator("article").inner_text()
        # Nor does any other word of the table ("Desemb-er", "Penanggu-ng"); a hyphenated id
        # may break at its hyphens.
        split = tab.evaluate(SPLIT_WORDS, ".evkin-rekomendasi table")
        assert split == [], split


@pytest.mark.parametrize("size", [*DESKTOPS, (1024, 768), (768, 1024)])
def test_the_capaian_table_fits_a_desktop_screen(browser: Any, site: Site,
                                                 size: tuple[int, int]) -> None:
    """The report's table of indicators shows every column, predikat and formula last, without
    scrolling sideways (Material's 5rem per cell made ten columns overflow at 1280 px), on a
    1024 px laptop and a tablet held upright too."""
    with fitted(browser, site, size, "arsip/2025/2025-tahunan/index.html",
                ".evkin-capaian") as (tab, got):
        box = tab.locator(".evkin-capaian tbody .evkin-lencana").first.bounding_box()
        assert box and box["x"] + box["width"] <= got["boxRight"] + 1, (box, got)
        split = tab.evaluate(SPLIT_WORDS, ".evkin-capaian table")
        assert split == [], split


@pytest.mark.parametrize("size", [*DESKTOPS, (1024, 768)])
def test_the_report_list_fits_a_desktop_screen(browser: Any, site: Site,
                                               size: tuple[int, int]) -> None:
    """The list of reports (every year's, on the archive page) shows every column, the PDF
    link last, without scrolling sideways, with a quarterly report's period in it: at 1280 px
    "Triwulan III Tahun 2026" and the letter number squeezed the title to one word a line and
    pushed "Unduh" out of the frame. The title keeps at least three words a line."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        tab = context.new_page()
        tab.goto(site.base + "arsip/index.html")
        # The longest period label evkin writes and a quarterly report's title, in the first
        # row (the test archive's final reports are yearly, one titled with markup).
        tab.evaluate("""() => {
          const table = document.querySelector('.evkin-daftar');
          table.id = 'contoh';
          const cells = table.querySelectorAll('tbody tr:first-child td');
          cells[0].textContent = 'Triwulan III Tahun 2026';
          cells[1].querySelector('a').textContent =
            'Laporan Hasil Evaluasi Kinerja Internal Triwulan III Tahun 2026';
        }""")
        got = tab.evaluate(FITS, "#contoh")
        assert got["wrapScroll"] <= 1 and got["tableScroll"] <= 1, got
        assert got["lastRight"] <= got["boxRight"] + 1 <= got["width"] + 1, got
        lines = tab.evaluate("""() => {
          const link = document.querySelector('#contoh tbody td:nth-child(2) a');
          const range = document.createRange(); range.selectNodeContents(link);
          const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
          return [tops.size, link.textContent.split(/\\s+/).length];
        }""")
        assert lines[0] * 3 <= lines[1] + 2, lines  # its nine words on three lines at most
        assert tab.evaluate(SPLIT_WORDS, "#contoh thead, #contoh tbody tr:first-child") == []
        # "Rata-rata" stays whole (it read "Rata-", "rata", "capaian" on three lines).
        assert tab.evaluate(WHOLE_LINES, ["#contoh thead", "Rata-rata"]) == 1
    finally:
        context.close()


WHOLE_LINES = """([scope, wanted]) => {
  const cell = [...document.querySelectorAll(scope + ' th')]
    .find(c => c.textContent.includes(wanted));
  const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  let node = walk.nextNode();
  while (node && !node.data.includes(wanted)) { node = walk.nextNode(); }
  const range = document.createRange();
  const at = node.data.indexOf(wanted);
  range.setStart(node, at); range.setEnd(node, at + wanted.length);
  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
}"""


def test_no_page_scrolls_sideways_on_a_phone(browser: Any, site: Site) -> None:
    """At 390 px only a wide table scrolls, inside its own frame; no page itself does
    (Material's hidden header title moved report and indicator pages 13 px sideways, and a
    long unbroken value in a summary widened its page)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        pages = sorted(p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*.html"))
        assert len(pages) > 20
        for page in pages:  # the injection corpus's long unbroken words among them
            tab.goto(site.base + page)
            wide = tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 0, (page, wide)
        # The wide tables scroll in their frames with their words whole ("Apr-il", "Bid-ang"
        # when the tracker was squeezed into the phone's width).
        for page, table in (("arsip/rekomendasi/index.html", ".evkin-rekomendasi table"),
                            ("arsip/2025/2025-tahunan/index.html", ".evkin-capaian table")):
            tab.goto(site.base + page)
            assert tab.evaluate(SPLIT_WORDS, table) == [], page
    finally:
        context.close()


def test_trend_charts_are_readable_on_a_phone(browser: Any, site: Site) -> None:
    """At 390 px a trend chart is shown at less than half its size: its numbers are drawn
    larger (they were about 5 px), none is cut off at the chart's edge, and the periods'
    labels do not run into each other."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        pages = sorted((site.folder / "arsip" / "indikator").glob("*/index.html"))
        assert pages
        for page in pages:
            tab.goto(site.base + page.relative_to(site.folder).as_posix())
            got = tab.evaluate("""() => {
              const svg = document.querySelector('svg.evkin-tren').getBoundingClientRect();
              const boxes = [...document.querySelectorAll('svg.evkin-tren .evkin-sumbu')]
                .map(t => [t.classList.contains('evkin-sumbu-x'), t.getBoundingClientRect()]);
              const x = boxes.filter(b => b[0]).map(b => b[1]).sort((a, b) => a.left - b.left);
              return {
                outside: boxes.filter(([, r]) => r.left < svg.left - 0.5
                                      || r.right > svg.right + 0.5).length,
                smallest: Math.min(...boxes.filter(b => !b[0]).map(b => b[1].height)),
                overlaps: x.slice(1).filter((r, i) => r.left < x[i].right).length};
            }""")
            assert got["outside"] == 0 and got["overlaps"] == 0, (page, got)
            assert got["smallest"] >= 8, (page, got)
    finally:
        context.close()
