"""Benchmark: the first search on an archive of many reports, in real chromium.

The same generated pages are built twice: as ``evkin site build`` builds them now (Pagefind,
``arsip/cari/index.html``) and with the previous configuration (Material's lunr search with the
offline plugin). Each run opens a fresh browser context (empty cache), loads a page, searches
"jalan mantap" and waits for the first result. Printed side by side, medians:

- bytes fetched for search (Pagefind: ``pagefind/`` and the search page's script; lunr: the
  search index and its worker), and everything the page fetched; target ≤ 300 KB at 1,000
  reports;
- time from navigation start to the first result shown (the search page shows the first
  results while the rest still load); target < 1 s. The load average is printed with them.

    .venv/bin/python benchmarks/bench_search.py [--count 1000] [--runs 5]
    .venv/bin/python benchmarks/bench_search.py --smoke     (a few reports, one run: a test)
    .venv/bin/python benchmarks/bench_search.py --keep /tmp/arsip   (generated once, kept)
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.bench_site import EVKIN, approved_archive, timed

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUERY = "jalan mantap"
TARGET_BYTES = 300 * 1024
TARGET_SECONDS = 1.0


@dataclass
class Run:
    seconds: float
    search_bytes: int
    all_bytes: int
    results: int


def lunr_config(root: Path, base: Path) -> Path:
    """The archive's configuration as it was before Pagefind: lunr search and the offline
    plugin (its iframe-worker polyfill, which only a page opened from a folder uses, is an
    empty local file here)."""
    shim = root / "docs" / "assets" / "evkin" / "iframe-worker-shim.js"
    shim.parent.mkdir(parents=True, exist_ok=True)
    shim.write_text("", encoding="utf-8")
    config = root / "mkdocs-lunr.yml"
    config.write_text(
        f"INHERIT: {base}\ndocs_dir: docs\nsite_dir: site-lunr\n"
        f"theme:\n  name: material\n  custom_dir: {base.parent / 'overrides'}\n"
        f"hooks:\n  - {base.parent / 'mkdocs_hooks.py'}\n"
        "plugins:\n  - search:\n      pipeline: [trimmer]\n  - offline\n"
        "extra:\n  generator: false\n  polyfills:\n    - assets/evkin/iframe-worker-shim.js\n",
        encoding="utf-8")
    return config


def measure(browser: Any, base: str, engine: str) -> Run:
    """One first search in a fresh context (empty cache): the bytes of every response the
    page and any of its workers received (Pagefind can search in a Web Worker, whose
    fetches count too; evkin's search page runs it on the page's thread), and the time from
    navigation start until the first result is on screen (the list then completed)."""
    context = browser.new_context()
    tab = context.new_page()
    finished: list[Any] = []
    context.on("requestfinished", lambda request: finished.append(request))
    try:
        if engine == "pagefind":
            tab.goto(base + "arsip/cari/index.html?q=" + QUERY.replace(" ", "+"),
                     wait_until="commit")
            tab.wait_for_function("document.querySelector('.evkin-cari-item')", polling="raf",
                                  timeout=60000)
            item = ".evkin-cari-item"
        else:
            tab.goto(base + "index.html", wait_until="domcontentloaded")
            field = tab.locator("input[data-md-component='search-query']")
            field.focus()
            field.press_sequentially(QUERY, delay=0)
            tab.wait_for_function("document.querySelector('.md-search-result__item')",
                                  polling="raf", timeout=120000)
            item = ".md-search-result__item"
        seconds = float(tab.evaluate("performance.now()")) / 1000
        if engine == "pagefind":  # the first results are shown while the rest still load
            tab.locator(".evkin-cari-hasil:not([aria-busy])").wait_for(timeout=60000)
        count = tab.locator(item).count()
        tab.wait_for_timeout(300)  # let the last responses finish
        sizes = []
        for request in finished:
            size = request.sizes()
            sizes.append((request.url, size["responseBodySize"] + size["responseHeadersSize"]))
    finally:
        context.close()
    wanted = ("/pagefind/", "cari.js", "ringkas.js") if engine == "pagefind" else (
        "search_index", "/search/", "workers/search")
    search_bytes = sum(n for url, n in sizes if any(w in url for w in wanted))
    return Run(seconds, search_bytes, sum(n for _, n in sizes), count)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="6 reports, one run (a test)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="generate the archive into DIR and keep it; when it is already "
                             "there, only rebuild its evkin site (for iterating on the search)")
    args = parser.parse_args()
    if args.smoke:
        args.count, args.runs = 6, 1
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    from evkin.site.build import bundled_config
    from evkin.site.serve import start_background

    with tempfile.TemporaryDirectory() as tmp:
        kept = args.keep is not None and (args.keep / "repo" / "site-lunr").is_dir()
        root = args.keep / "repo" if kept else approved_archive(
            (args.keep or Path(tmp)) / "repo", args.count)
        build = timed([*EVKIN, "site", "build"], root)
        lunr_build = float("nan") if kept else timed(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f",
             str(lunr_config(root, bundled_config()))], root)
        index = sum(p.stat().st_size for p in (root / "site" / "pagefind").rglob("*")
                    if p.is_file())
        lunr_index = sum(p.stat().st_size for p in (root / "site-lunr" / "search").rglob("*")
                         if p.is_file())
        print(f"{args.count} reports, {os.cpu_count()} cores; evkin site build {build:.1f} s"
              + (" (rebuilt, kept archive)" if kept else
                 f", lunr site (mkdocs build) {lunr_build:.1f} s"))
        lunr_gzip = sum(len(gzip.compress(p.read_bytes())) for p in
                        (root / "site-lunr" / "search").glob("search_index.*"))
        print(f"index on disk: Pagefind {index / 1024:,.0f} KB (all chunks, each compressed), "
              f"lunr {lunr_index / 1024:,.0f} KB ({lunr_gzip / 1024:,.0f} KB if the server "
              "gzips it; this benchmark's server, like a plain one, does not)")
        servers = []
        runs: dict[str, list[Run]] = {"pagefind": [], "lunr": []}
        try:
            bases = {}
            for engine, folder in (("pagefind", root / "site"), ("lunr", root / "site-lunr")):
                server, bases[engine] = start_background(folder)
                servers.append(server)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    for _ in range(args.runs):
                        for engine in runs:
                            runs[engine].append(measure(browser, bases[engine], engine))
                finally:
                    browser.close()
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()
        load = os.getloadavg()
        print(f'first search for "{QUERY}", median of {args.runs} run(s), fresh browser cache; '
              f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        print(f"{'':28}{'Pagefind (now)':>18}{'lunr (before)':>18}   target")
        pf, lu = runs["pagefind"], runs["lunr"]

        def med(items: list[Run], attr: str) -> float:
            return float(statistics.median(getattr(r, attr) for r in items))

        sb, lb = med(pf, "search_bytes"), med(lu, "search_bytes")
        st, lt = med(pf, "seconds"), med(lu, "seconds")
        print(f"{'bytes fetched for search':28}{sb / 1024:>15,.0f} KB{lb / 1024:>15,.0f} KB"
              f"   ≤ {TARGET_BYTES // 1024} KB: {'OK' if sb <= TARGET_BYTES else 'MISSED'}")
        print(f"{'bytes fetched, whole page':28}{med(pf, 'all_bytes') / 1024:>15,.0f} KB"
              f"{med(lu, 'all_bytes') / 1024:>15,.0f} KB")
        print(f"{'time to first result':28}{st:>16.2f} s{lt:>16.2f} s"
              f"   < {TARGET_SECONDS:.0f} s: {'OK' if st < TARGET_SECONDS else 'MISSED'}")
        print(f"{'results shown':28}{med(pf, 'results'):>18.0f}{med(lu, 'results'):>18.0f}")
        if min(r.results for r in pf) == 0 or min(r.results for r in lu) == 0:
            raise SystemExit("a search found nothing")
    shutil.rmtree(Path(tmp), ignore_errors=True)


if __name__ == "__main__":
    main()
