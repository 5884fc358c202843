"""The province portal over real published archives (``evkin publish`` of the sample): each
agency's archive checked against the record keys the province pinned; a tampered, unsigned,
foreign-signed or unreachable archive is shown with its reason and never merged."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evkin.portal.pages import year_span
from evkin.portal.verify import SIG_FILE, SIG_NAMESPACE
from evkin.settings import load_settings
from evkin.site.search import indexed
from evkin.site.serve import start_background
from tests.archive_repo import make_archive_repo
from tests.conftest import SAMPLE_RECORD_KEY
from tests.htmlpage import SPLIT_WORDS, unseen_words

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking"]
SCRIPT = '</title><script>window.__evkinXss=1</script><img src=x onerror="alert(1)"> '


def sign_manifest(folder: Path, key: Path) -> None:
    """What the publishing step's record key does to ``manifest.json``
    (evkin.record.manifest_sig)."""
    own = folder.parent / f".{folder.name}-kunci"
    shutil.copyfile(key, own)
    own.chmod(0o600)
    done = subprocess.run(["ssh-keygen", "-Y", "sign", "-f", str(own), "-n", SIG_NAMESPACE],
                          input=(folder / "manifest.json").read_bytes(), capture_output=True,
                          check=True)
    own.unlink()
    (folder / SIG_FILE).write_bytes(done.stdout)


def other_key(folder: Path) -> Path:
    key = folder / "kunci-asing"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    return key


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One agency's archive as ``evkin publish`` leaves it, its manifest signed."""
    from evkin.archive.publish import publish

    base = tmp_path_factory.mktemp("portal")
    root = make_archive_repo(base / "repo")
    # The publishing step holds the record key: it signs the manifest itself.
    outcome = publish(load_settings(root), base / "terbit", previous_source="none",
                      env={"EVKIN_RECORD_KEY": SAMPLE_RECORD_KEY.read_text(encoding="ascii")})
    folder = base / "arsip"
    shutil.copytree(outcome.release, folder)
    assert (folder / SIG_FILE).is_file()
    yield folder


def record_key() -> str:
    from evkin.signing import public_key_of

    return public_key_of(SAMPLE_RECORD_KEY)


def agencies(tmp_path: Path, archive: Path) -> dict[str, Path]:
    """Five copies of the archive: as published, a PDF changed, the manifest changed, the
    manifest signed by another key, a trail swapped for another report's."""
    made = {}
    for code in ("baik", "pdf-diubah", "manifes-diubah", "kunci-lain", "jejak-ditukar"):
        made[code] = tmp_path / code
        shutil.copytree(archive, made[code], symlinks=True)
    manifest = json.loads((archive / "manifest.json").read_text(encoding="utf-8"))
    first, second = manifest["laporan"][0], manifest["laporan"][1]
    pdf = made["pdf-diubah"] / first["pdf"]
    pdf.write_bytes(pdf.read_bytes()[:-1] + b" ")  # one byte, same size
    # The agency itself (its own key) publishes markup in a title: shown as text only.
    good = made["baik"] / "manifest.json"
    data = json.loads(good.read_text(encoding="utf-8"))
    data["laporan"][0]["judul"] = SCRIPT + data["laporan"][0]["judul"]
    good.write_text(json.dumps(data), encoding="utf-8")
    sign_manifest(made["baik"], SAMPLE_RECORD_KEY)
    changed = made["manifes-diubah"] / "manifest.json"
    data = json.loads(changed.read_text(encoding="utf-8"))
    data["laporan"][0]["portal"]["predikat"] = "Sangat Tinggi (diubah)"
    changed.write_text(json.dumps(data), encoding="utf-8")
    sign_manifest(made["kunci-lain"], other_key(tmp_path))
    swapped = made["jejak-ditukar"]
    shutil.copyfile(swapped / second["portal"]["jejak"], swapped / first["portal"]["jejak"])
    return made


def write_config(tmp_path: Path, places: dict[str, str]) -> Path:
    key = record_key()
    lines = ["judul: Portal Evaluasi Kinerja Internal Provinsi Sumatera Barat", "instansi:"]
    for code, where in places.items():
        lines += [f"  - kode: {code}", f"    nama: Dinas {code.title()}", f"    arsip: {where}",
                  "    kunci_pencatat:", f"      - {key}"]
    config = tmp_path / "portal.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def test_portal_merges_only_what_verifies(evkin, archive: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = agencies(tmp_path, archive)
    server, base = start_background(made["baik"])  # one archive over http, as on a network
    try:
        places = {"baik": base, **{k: str(v) for k, v in made.items() if k != "baik"},
                  "hilang": str(tmp_path / "tidak-ada")}
        config = write_config(tmp_path, places)
        run = evkin("portal", "-c", str(config), "-o", str(tmp_path / "portal"))
    finally:
        server.shutdown()
        server.server_close()
    assert run.code == 1, run.out + run.err  # some archives did not verify
    out = tmp_path / "portal"
    manifest = json.loads((archive / "manifest.json").read_text(encoding="utf-8"))
    ids = [r["id"] for r in manifest["laporan"]]
    assert f"Dinas Baik: terverifikasi, {len(ids)} laporan." in run.out
    home = (out / "index.html").read_text(encoding="utf-8")
    reasons = {
        "pdf-diubah": "tidak sama dengan yang tercatat di manifes",
        "manifes-diubah": "tidak cocok dengan kunci pencatat yang ditetapkan provinsi",
        "kunci-lain": "tidak cocok dengan kunci pencatat yang ditetapkan provinsi",
        "jejak-ditukar": "jejak persetujuan tidak sesuai dengan manifes",
        "hilang": "arsip tidak dapat dibaca",
    }
    for code, reason in reasons.items():
        assert f"Dinas {code.title()}: tidak" in run.out, (code, run.out)
        page = (out / "instansi" / code / "index.html").read_text(encoding="utf-8")
        assert reason in page, (code, page)
        assert not (out / "laporan" / code).exists(), code  # never merged
    assert home.count("Tidak sah: tidak digabungkan") == 4
    assert home.count("Tidak terjangkau: tidak digabungkan") == 1
    # The verified agency: every report, its predikat and open recommendations, its links.
    for report_id in ids:
        assert (out / "laporan" / "baik" / report_id / "index.html").is_file()
    agency = (out / "instansi" / "baik" / "index.html").read_text(encoding="utf-8")
    assert "Sangat Tinggi" in agency and "Rekomendasi terbuka" in agency
    assert "2025-tahunan-R1" in agency
    assert f'href="{base}arsip/2025/2025-tahunan/index.html"' in agency
    # One search index, only the verified reports, filtered by agency, year and predikat.
    found = indexed(out)
    urls = sorted(found)
    assert urls == sorted(f"/laporan/baik/{i}/index.html" for i in ids)
    page = found["/laporan/baik/2025-tahunan/index.html"]
    assert page["filters"] == {"instansi": ["Dinas Baik"], "tahun": ["2025"],
                               "predikat": ["Sangat Tinggi"]}
    assert page["meta"]["pdf"] == f"{base}arsip/2025/2025-tahunan/laporan-2025-tahunan.pdf"
    assert "jalan" in str(page["content"]).lower()
    # The summary reads as sentences: whole words, its parentheses, then the indicators.
    shown = (out / "laporan" / "baik" / "2025-tahunan" / "index.html").read_text(
        encoding="utf-8")
    assert "Kinerja Instansi Pemerintah (SAKIP). Melalui" in shown
    assert "Indikator: " in shown and "SAKIP ." not in shown
    # Its copy on the agency's own site, said in words (served from a web address here).
    assert (f'Di situs instansi: <a href="{base}arsip/2025/2025-tahunan/index.html">halaman</a>'
            in shown)
    # The years of its reports, each piece kept on one line (ranges from three years on).
    assert "<span class=\"utuh\">2024</span>, <span class=\"utuh\">2025</span>" in home
    # "Periode", "Nomor" and their values stay words of their own in the index.
    for url, entry in found.items():
        assert unseen_words(out / url.lstrip("/"), str(entry["content"])) == [], url
    offline = (out / "cari" / "ringkas.js").read_text(encoding="utf-8")
    assert "Dinas Baik" in offline and "Pdf-Diubah" not in offline
    # Nothing of an agency's code or HTML: the portal's own script only, every text escaped.
    for html in out.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert re.findall(r"<script[^>]*>", text) in ([], ['<script src="../aset/cari.js">']), html
        assert "<script>window" not in text and "<img" not in text, html
    injected = (out / "laporan" / "baik" / ids[0] / "index.html").read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;window.__evkinXss=1" in injected
    assert "<title>" in injected and "</title><script>" not in injected


def test_the_portal_refuses_paths_out_of_an_archive(evkin, archive: Path,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path) -> None:
    """An agency whose own key signs a manifest pointing outside its archive: refused."""
    folder = tmp_path / "jalur"
    shutil.copytree(archive, folder, symlinks=True)
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    data["laporan"][0]["pdf"] = "../../../etc/passwd"
    (folder / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    sign_manifest(folder, SAMPLE_RECORD_KEY)
    run = evkin("portal", "-c", str(write_config(tmp_path, {"jalur": str(folder)})),
                "-o", str(tmp_path / "portal"))
    assert run.code == 1
    assert "isian 'pdf' di manifes tidak dapat dipakai" in run.out
    assert not (tmp_path / "portal" / "laporan" / "jalur").exists()


def test_a_bad_portal_yml_is_named_by_line(evkin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "portal.yml"
    config.write_text("instansi:\n  - kode: Dinas PU\n    nama: PU\n    arsip: ./pu\n",
                      encoding="utf-8")
    run = evkin("portal", "-c", str(config), "-o", str(tmp_path / "portal"))
    assert run.code == 2
    assert "portal.yml:2" in run.err and "kode 'Dinas PU' tidak dapat dipakai" in run.err
    assert "portal.yml:2" in run.err and "'kunci_pencatat' belum diisi" in run.err
    assert not (tmp_path / "portal").exists()


def test_portal_search_in_a_browser(evkin, archive: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Real chromium: one search over two agencies, narrowed to one by the agency filter;
    results link the portal's page and the agency's own PDF; markup stays text."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    made = agencies(tmp_path, archive)
    archives, base = start_background(made["baik"])
    config = write_config(tmp_path, {"baik": base, "pdf-diubah": str(made["pdf-diubah"])})
    shutil.copytree(made["baik"], tmp_path / "kedua")
    config.write_text(config.read_text(encoding="utf-8") + "\n".join([
        "  - kode: kedua", "    nama: Dinas Kedua", f"    arsip: {tmp_path / 'kedua'}",
        "    kunci_pencatat:", f"      - {record_key()}"]) + "\n", encoding="utf-8")
    assert evkin("portal", "-c", str(config), "-o", str(tmp_path / "portal")).code == 1
    # Read from a folder, Dinas Kedua has no public address: its report pages say so in words.
    kedua = next((tmp_path / "portal" / "laporan" / "kedua").glob("*/index.html"))
    assert "tidak ada tautan ke situs instansi" in kedua.read_text(encoding="utf-8")
    server, portal = start_background(tmp_path / "portal")
    dialogs: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            tab = browser.new_page()
            tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            tab.goto(portal + "cari/index.html?q=jalan+mantap")
            tab.locator(".evkin-cari-item").first.wait_for(timeout=15000)
            tab.locator(".evkin-cari-hasil:not([aria-busy])").wait_for(timeout=15000)
            text = tab.locator(".evkin-cari-hasil").inner_text()
            assert "Dinas Baik" in text and "Dinas Kedua" in text
            assert "Pdf-Diubah" not in text  # the tampered archive is nowhere
            assert "<script>window.__evkinXss=1</script>" in text  # shown, as text
            tab.get_by_label("Instansi", exact=True).select_option("Dinas Kedua")
            tab.wait_for_function("![...document.querySelectorAll('.evkin-cari-label')]"
                                  ".some(e => e.textContent.includes('Dinas Baik'))")
            tab.locator(".evkin-cari-hasil:not([aria-busy])").wait_for(timeout=15000)
            assert "Dinas Kedua" in tab.locator(".evkin-cari-hasil").inner_text()
            links = tab.locator("a.evkin-cari-pdf").evaluate_all("l => l.map(a => a.href)")
            assert links == []  # Dinas Kedua was read from a folder: no public address
            tab.get_by_label("Instansi", exact=True).select_option("Dinas Baik")
            tab.wait_for_function("![...document.querySelectorAll('.evkin-cari-label')]"
                                  ".some(e => e.textContent.includes('Dinas Kedua'))")
            tab.locator(".evkin-cari-hasil:not([aria-busy])").wait_for(timeout=15000)
            assert "Dinas Baik" in tab.locator(".evkin-cari-hasil").inner_text()
            links = tab.locator("a.evkin-cari-pdf").evaluate_all("l => l.map(a => a.href)")
            assert links and all(link.startswith(base) for link in links)
            pages = tab.locator(".evkin-cari-judul a").evaluate_all("l => l.map(a => a.href)")
            assert pages and all(link.startswith(portal + "laporan/baik/") for link in pages)
            assert tab.evaluate("typeof window.__evkinXss") == "undefined"
            out = tmp_path / "portal"
            tables = [page for page in [out / "index.html", *sorted(out.glob("instansi/*/*.html"))]
                      if "<table" in page.read_text(encoding="utf-8")]
            assert len(tables) >= 3  # the home page and the two agencies merged
            # No table breaks a word where no break belongs ("Tahu n", "Terverifi kasi"): a
            # column is at least as wide as its longest word; on a phone the table scrolls in
            # its own frame instead (there a title of markup, one long run of punctuation,
            # may wrap at its punctuation: only the headings and statuses are looked at).
            for width, where in ((1280, "table"), (390, "th, table .status")):
                tab.set_viewport_size({"width": width, "height": 844})
                for page in tables:
                    tab.goto(portal + page.relative_to(out).as_posix())
                    split = tab.evaluate(SPLIT_WORDS, where)
                    assert split == [], (width, page, split)
            # On a phone no portal page scrolls sideways: its tables scroll in their own
            # frame, a PDF's SHA-256 and a long value wrap (the home page was 347 px wider).
            for page in sorted(out.rglob("*.html")):
                tab.goto(portal + page.relative_to(out).as_posix())
                wide = tab.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth")
                assert wide <= 0, (page, wide)
            browser.close()
    finally:
        for running in (server, archives):
            running.shutdown()
            running.server_close()
    assert dialogs == []


def test_years_on_the_home_page_read_as_ranges() -> None:
    """Twenty years of reports take one short line: consecutive years as a range."""
    assert year_span([str(y) for y in range(2000, 2010)]) == "2000–2009"
    assert year_span(["2024", "2025", "2024"]) == "2024, 2025"
    assert year_span(["2011", "2000", "2001", "2002", "2005", ""]) == "2000–2002, 2005, 2011"
    assert year_span(["2025", "²", "9" * 5000]) == "2025, " + "9" * 5000 + ", ²"  # as they are
    assert year_span([]) == ""


def _expanded(span: str) -> set[int]:
    out: set[int] = set()
    for part in filter(None, span.split(", ")):
        first, _, last = part.partition("–")
        out.update(range(int(first), int(last or first) + 1))
    return out


@given(st.sets(st.integers(1900, 2100)))
def test_a_year_span_names_exactly_the_years(years: set[int]) -> None:
    span = year_span([str(y) for y in years])
    assert _expanded(span) == years
    listed = [int(p) for p in filter(None, span.split(", ")) if "–" not in p]
    # Never three consecutive years listed one by one.
    assert not any(y + 1 in listed and y + 2 in listed for y in listed)


def test_search_results_beyond_the_first_twenty_are_a_click_away(evkin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """27 reports match: the first 20 are listed with a button for the next 7, which adds
    them below, in order, each once, and hands the focus to the first of them; a filter
    starts again from its own first results."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    import random

    from benchmarks.bench_portal import make_archive
    from playwright.sync_api import sync_playwright

    places = {}
    for code in ("satu", "dua", "tiga"):
        make_archive(tmp_path / code, code, 9, random.Random(code))
        places[code] = str(tmp_path / code)
    config = write_config(tmp_path, places)
    assert evkin("portal", "-c", str(config), "-o", str(tmp_path / "portal")).code == 0
    server, portal = start_background(tmp_path / "portal")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            tab = browser.new_page()
            tab.goto(portal + "cari/index.html?q=jalan+mantap")
            done = tab.locator(".evkin-cari-hasil:not([aria-busy])")
            more = tab.get_by_role("button", name="Tampilkan 7 hasil berikutnya")
            more.wait_for(timeout=15000)
            done.wait_for(timeout=15000)
            first = tab.locator(".evkin-cari-judul a").evaluate_all("l => l.map(a => a.href)")
            assert len(first) == 20
            assert tab.locator(".evkin-cari-status").inner_text() == \
                "27 hasil (20 teratas ditampilkan)."
            more.focus()  # from the keyboard, as a person tabbing through the results
            tab.keyboard.press("Enter")
            tab.wait_for_function(
                "document.querySelectorAll('.evkin-cari-item').length === 27")
            done.wait_for(timeout=15000)
            every = tab.locator(".evkin-cari-judul a").evaluate_all("l => l.map(a => a.href)")
            assert every[:20] == first and len(set(every)) == 27
            # The button is gone: the focus is on the first new result, not lost.
            assert tab.evaluate("document.activeElement.href") == every[20]
            assert tab.locator(".evkin-cari-status").inner_text() == "27 hasil."
            assert tab.locator(".evkin-cari-lagi").count() == 0  # nothing more to show
            # Narrowed to one agency: its own first nine, no button.
            tab.get_by_label("Instansi", exact=True).select_option("Dinas Dua")
            tab.wait_for_function(
                "document.querySelectorAll('.evkin-cari-item').length === 9")
            assert tab.locator(".evkin-cari-lagi").count() == 0
            labels = tab.locator(".evkin-cari-label").all_inner_texts()
            assert all(label.startswith("Dinas Dua") for label in labels), labels
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
