"""Archive search: a Pagefind index on the served site, a small title-and-summary index for a
copy opened from a folder (``file://``, where Pagefind's WebAssembly cannot be fetched).

Pagefind indexes the built HTML (``data-pagefind-body`` is set by the theme override on every
page but the search page); the report pages carry the filters (year, period, predikat) and the
PDF's address as Pagefind metadata. The search page's script (``assets/evkin/cari.js``) sets
every text it shows with ``textContent``: nothing a report says is parsed as HTML there.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evkin.findings import EvkinError
from evkin.memo import Memo, code_key
from evkin.shorten import shortened
from evkin.site import paths
from evkin.site.collect import Report
from evkin.site.figures import overall
from evkin.site.page_forks import cores
from evkin.site.safe import html_block, plain_title, text
from evkin.site.titles import front_matter, title

PAGE = f"{paths.GENERATED}/cari/index.md"
SUMMARY_FILE = f"{paths.GENERATED}/cari/ringkas.js"
BUNDLE = "pagefind"  # the index's folder in the built site
PAGE_FLAG = "evkin_cari"  # the search page: not indexed, loads cari.js (overrides/main.html)
# Pages left out of the index: an attachments page (steps 1–4's documents, which its report
# lists and its PDF carries). As a result it repeated its report's title without the report's
# year, period, predikat or PDF; at 1,000 reports the attachments of every report outranked
# the reports themselves for "jalan mantap" (all of the first 20 results), and they doubled
# the pages a common word matches (Pagefind's work for a query grows with their square).
UNINDEXED_FLAG = "evkin_tanpa_indeks"
PART_KEY = "evkin_bagian"  # a report page's part (overrides/main.html marks its body)
PARTS_KEY = "evkin_cari_bagian"  # the parts the search page merges (and preloads)
LANGUAGE = "id"  # Indonesian stemming, whatever a page's lang attribute says
KINDS = {"tahunan": "Tahunan", "semester": "Semester", "triwulan": "Triwulan"}
SUMMARY_LENGTH = 240
# The reports' pages are indexed in this many parts (by id, ``part_of``), the other pages in
# the main part; the search page merges them. At 1,000 reports a publication indexes the main
# part and one of these (about 300 and 250 pages), not all 1,300: 1.4 s, not 4.5 s. More
# parts would index less again, but every part adds its index chunks to a first search's
# download (at four, 286 KB of the 300 KB it may take).
PARTS = 4
# Each part ranks its pages by its own word statistics, and where no word of a part begins
# with a searched word, Pagefind matches that part's words that begin the searched one
# instead: so a search over parts may rank otherwise than one index, and for a word some
# parts lack (a number), list more pages after the real ones (several words are matched as one
# index would: cari.js). An archive is split only from this many reports (250 a part), where
# indexing all of it at each publication costs seconds.
PARTS_FROM = 1000
MAIN_PART = "umum"
MEMO_KIND = "cari"  # the parts' bundles, in the record key's sealed memory (evkin.memo)
_deferred = False


def filters(report: Report) -> dict[str, str]:
    """The report's values for the search filters: year, kind of period, overall predikat."""

    ev = report.evaluation
    values = {"tahun": paths.year_of(ev),
              "periode": KINDS.get(ev.period.kind, ev.period.kind) if ev.period else "Lainnya"}
    average = overall(report.results)
    if average is not None and report.settings is not None:
        values["predikat"] = report.settings.scale.predikat(average)
    return values


def filter_spans(report: Report) -> str:
    """Hidden elements Pagefind reads the filters from (inside an ignored block)."""
    return "".join(f'<span hidden data-pagefind-filter="{name}">{text(plain_title(value))}</span>'
                   for name, value in filters(report).items())


def summary(report: Report) -> str:
    """A short summary people read (the province portal's report page, the results of the
    copy opened from a folder) and search: the report's opening sentences, cut at a sentence
    or a word, then its indicators' names."""
    words: list[str] = []
    for line in report.evaluation.report_text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", "<", "!", "[[", "---", ">")):
            continue
        words.extend(_MARKUP.sub(" ", _LINK.sub(r"\1", stripped)).split())
        if sum(len(w) + 1 for w in words) >= SUMMARY_LENGTH:
            break
    lead = shortened(" ".join(words), SUMMARY_LENGTH, sentence=True)
    names = sorted({r.indicator.indikator for r in report.results})
    listed = f"Indikator: {'; '.join(names)}." if names else ""
    return " ".join(part for part in (lead, listed) if part)


# A Markdown link or image keeps its words, not its address; emphasis, code and table marks go.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`\[\]<>{}|\\#]")


def summary_index(reports: Sequence[Report], pdfs: Mapping[str, str]) -> str:
    """``ringkas.js``: the offline index, one entry per report (addresses from the site root).
    A script file, because a page opened from a folder may load scripts but not fetch JSON."""
    entries = []
    for r in reports:
        entry: dict[str, object] = {
            "judul": plain_title(("" if r.final else "DRAF – ") + _title(r)),
            "url": paths.report_page(r.evaluation)[:-3] + ".html",
            "ringkasan": summary(r),
            "saring": filters(r),
        }
        if r.id in pdfs:
            entry["pdf"] = pdfs[r.id]
        entries.append(entry)
    data = json.dumps(entries, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    # ensure_ascii: no U+2028 and no "</script>" can end anything in any context.
    return ("// Dibuat oleh evkin site build: indeks ringkas untuk salinan yang dibuka dari "
            f"folder.\nwindow.evkinRingkas = {data};\n")


def _title(report: Report) -> str:

    return title(report)


def search_page(evaluation_ids: Iterable[str] = ()) -> str:
    """The search page: the form, the filters and the results list, filled by ``cari.js``,
    which merges the parts holding these reports' pages (``part_of``) into the main one."""

    root = paths.url(PAGE, "index.html").removesuffix("index.html") or "./"
    merged = " ".join(report_parts(evaluation_ids))
    inner = (
        f'<div id="evkin-cari" data-akar="{text(root)}" data-ringkas="ringkas.js" '
        f'data-bagian="{merged}">\n'
        '<form class="evkin-cari-form" role="search" action="index.html" method="get">'
        '<label for="evkin-kata">Kata kunci</label> '
        '<input id="evkin-kata" name="q" type="search" autocomplete="off" '
        'placeholder="misalnya: jalan mantap"> '
        '<button type="submit" class="md-button md-button--primary">Cari</button></form>\n'
        '<div class="evkin-cari-saring"></div>\n'
        '<p class="evkin-cari-status" role="status" aria-live="polite"></p>\n'
        '<ol class="evkin-cari-hasil"></ol>\n'
        "<noscript><p>Pencarian memerlukan JavaScript. Gunakan halaman Arsip untuk melihat "
        "semua laporan.</p></noscript>\n</div>")
    return (front_matter("Cari laporan", "Cari laporan dan indikator di arsip.",
                         flags=(PAGE_FLAG,), values={PARTS_KEY: merged} if merged else None)
            + "# Cari laporan\n\n" + html_block(inner))


@contextmanager
def deferred() -> Iterator[None]:
    """``evkin site build`` indexes once, after the PDFs are filled in: the MkDocs hook then
    leaves indexing to it (``mkdocs build`` alone indexes in its hook)."""
    global _deferred
    before, _deferred = _deferred, True
    try:
        yield
    finally:
        _deferred = before


def is_deferred() -> bool:
    return _deferred


def index_site(site_dir: Path, memo: Memo | None = None) -> None:
    """Build the Pagefind index of ``site_dir`` into ``site_dir/pagefind`` (replacing the
    previous one: stale fragments would otherwise stay behind under their old names), from
    its searchable pages (``parts``) written into a folder beside it."""
    begin_index(site_dir, memo).finish()


class SiteIndex:
    """Pagefind running over the searchable pages of a site, read before it starts
    (``parts``): a page the caller rewrites meanwhile is indexed as it was when the index
    began, not half-way."""

    def __init__(self, site_dir: Path, memo: Memo | None = None) -> None:
        self.pages = _scratch(site_dir)
        self.running: Indexing | None = None
        try:
            self.running = Indexing(parts(site_dir), self.pages, site_dir / BUNDLE, memo)
        except BaseException:
            self.stop()
            raise

    def finish(self) -> None:
        """Wait for the index and settle it (``Indexing.finish``)."""
        try:
            if self.running is not None:
                self.running.finish()
        finally:
            self.stop()

    def stop(self) -> None:
        if self.running is not None:
            self.running.stop()
            self.running = None
        shutil.rmtree(self.pages, ignore_errors=True)


def begin_index(site_dir: Path, memo: Memo | None = None) -> SiteIndex:
    """The index of ``site_dir`` started; ``finish`` (or ``stop``) it."""
    return SiteIndex(site_dir, memo)


# Pagefind's own rule: once any page carries this attribute, a page without it is not indexed.
# HTML attribute names are case-insensitive, so the scan is too: it may pick a page Pagefind
# then leaves out (the words in its text), never leave out one Pagefind would index.
_BODY = b"data-pagefind-body"
# The theme override's mark of a report page's part, right after the body attribute
# (overrides/main.html): the first occurrence in a page is the theme's, before any content.
_PART_MARK = re.compile(rb'data-pagefind-body data-evkin-bagian="(laporan-[0-9]{1,3})"')


def part_of(evaluation_id: str) -> str:
    """The part of the index a report's page is in (``PARTS``, by its id): publishing one
    report indexes its own part again, and the pages every publication changes (the lists,
    the indicators, the home page: ``MAIN_PART``), not the other reports."""
    digest = hashlib.sha256(evaluation_id.encode("utf-8")).digest()
    return f"laporan-{int.from_bytes(digest[:4], 'big') % PARTS}"


def report_parts(evaluation_ids: Iterable[str]) -> list[str]:
    """The parts holding these reports' pages: those the search page merges (none below
    ``PARTS_FROM`` reports: one index holds every page)."""
    ids = set(evaluation_ids)
    return sorted({part_of(i) for i in ids}) if len(ids) >= PARTS_FROM else []


@dataclass
class Part:
    """The pages of one part of the index, as Pagefind is given them (site-relative name →
    ``indexed_text``), and its key: those bytes, Pagefind's version and options, and evkin's
    code."""

    name: str
    pages: dict[str, bytes]
    key: str = ""


def parts(site_dir: Path, rewrite: Callable[[str, bytes], bytes] | None = None
          ) -> dict[str, Part]:
    """The searchable pages of ``site_dir`` (``searchable``) by part, each keyed;
    ``rewrite`` turns a page (site-relative name, bytes) into the one to index."""
    found: dict[str, Part] = {}
    known = {f"laporan-{n}" for n in range(PARTS)}
    marked = []
    for page, data in _searchable(site_dir):
        if rewrite is not None:
            data = rewrite(page.relative_to(site_dir).as_posix(), data)
        at = data.find(_BODY)
        mark = _PART_MARK.match(data, at) if at >= 0 else None
        name = mark.group(1).decode() if mark else ""
        marked.append((page.relative_to(site_dir).as_posix(), name if name in known else "",
                       indexed_text(data)))
    split = sum(1 for _, name, _ in marked if name) >= PARTS_FROM  # as report_parts
    for rel, name, data in marked:
        name = name if split and name else MAIN_PART
        found.setdefault(name, Part(name, {})).pages[rel] = data
    for name, part in found.items():
        h = hashlib.sha256(f"{code_key()}\0{_pagefind_version()}\0{_OPTIONS!r}\0{name}".encode())
        for rel, data in part.pages.items():
            h.update(f"\0{rel}\0{len(data)}\0".encode() + data)
        part.key = h.hexdigest()
    return found


_THEME_BODY = b"<div " + _BODY  # overrides/main.html: the content's own element
# evkin's own blocks a search leaves out (``unsearched``), marked so that the index is given
# none of their HTML. A comment never comes from a report's Markdown (the sanitizer drops
# them), so no author can open or close one.
_UNSEARCHED = ("<!--evkin:tidak-dicari-->", "<!--/evkin:tidak-dicari-->")


def unsearched(block: str) -> str:
    """An HTML block a page shows and the search leaves out (``data-pagefind-ignore``),
    given to Pagefind empty (``indexed_text``): the index is the same, without reading it."""
    return f"<div data-pagefind-ignore>{_UNSEARCHED[0]}{block}{_UNSEARCHED[1]}</div>"


def _without_unsearched(html: bytes) -> bytes:
    opening, closing = (mark.encode() for mark in _UNSEARCHED)
    kept, at = [], 0
    while (start := html.find(opening, at)) >= 0:
        end = html.find(closing, start)
        if end < 0:
            break
        kept.append(html[at:start])
        at = end + len(closing)
    return b"".join(kept) + html[at:] if kept else html


_LEAN_HEAD = b'<!doctype html><html lang="id"><head><meta charset="utf-8"></head><body>'


def indexed_text(page: bytes) -> bytes:
    """What Pagefind is given of a page built with evkin's theme: the element it indexes
    (``data-pagefind-body``, the whole of the article's content) in a bare page; the same
    index as the whole page gives (every Pagefind attribute is inside it; the language is
    forced), from 40 % less HTML to read, and untouched by what a publication changes around
    it (the navigation, the previous and next links); the blocks it leaves out
    (``unsearched``) are given empty. Any other page is given whole."""
    start = page.find(_THEME_BODY)
    end = page.rfind(b"</article>")
    if start < 0 or end < start:
        return page
    return _LEAN_HEAD + _without_unsearched(page[start:end]) + b"</body></html>"


def searchable(site_dir: Path) -> list[Path]:
    """The HTML pages of ``site_dir`` Pagefind indexes: those carrying ``data-pagefind-body``,
    or every page when none does. At 1,000 reports a third of the HTML (the attachments
    pages) is left out, and Pagefind, which read and parsed all of it, no longer does."""
    return [page for page, _ in _searchable(site_dir)]


def _searchable(site_dir: Path) -> list[tuple[Path, bytes]]:
    pages: list[Path] = []
    for top, dirs, files in os.walk(site_dir):  # faster than rglob at 2,000 pages
        if top == str(site_dir) and BUNDLE in dirs:
            dirs.remove(BUNDLE)
        pages.extend(Path(top, name) for name in files if name.endswith(".html"))
    read = [(page, page.read_bytes()) for page in sorted(pages)]
    marked = [(page, data) for page, data in read if _BODY in data or _BODY in data.lower()]
    return marked or read


def _scratch(site_dir: Path) -> Path:
    """A folder for the pages to index: beside the site (hard links), or, where that folder
    may not be written (``mkdocs build -d`` into a web server's folder), a temporary one (the
    pages copied)."""
    try:
        return Path(tempfile.mkdtemp(prefix=".evkin-cari-", dir=site_dir.parent))
    except OSError:
        return Path(tempfile.mkdtemp(prefix="evkin-cari-"))


def _executable() -> str:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]

        return str(get_executable())
    except (ImportError, FileNotFoundError) as error:
        raise EvkinError("site.pagefind_missing", {"detail": str(error)}) from None


@cache
def _pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind_bin")
    except PackageNotFoundError:
        return "-"


_OPTIONS = ("--keep-index-url", "--force-language", LANGUAGE, "--exclude-selectors",
            ".headerlink", "--silent")
# What a part's bundle keeps of Pagefind's output: the index, and in the main part the
# script and WebAssembly the search page loads (a merged part uses the main part's).
_KEPT = ("pagefind-entry.json", "index", "fragment", "filter")
_KEPT_MAIN = ("pagefind.js", "pagefind-worker.js")


class Indexing:
    """Pagefind over the pages of each part (``parts``), written into ``folder`` before it
    starts, one process per part; ``finish`` waits for them and puts the bundle together in
    ``bundle``: the main part at its top, every other part in a folder of its own, which the
    search page merges (``mergeIndex``). With ``memo`` (the record key's sealed memory) a
    part whose pages are the bytes it last indexed is taken from there, not indexed again:
    publishing one report into 1,000 indexes about a quarter of them, not all."""

    def __init__(self, found: Mapping[str, Part], folder: Path, bundle: Path,
                 memo: Memo | None = None) -> None:
        self.parts = dict(found)
        self.folder = folder
        self.bundle = bundle
        self.memo = memo
        self.remembered = memo.read(MEMO_KIND) if memo is not None else {}
        self.processes: dict[str, subprocess.Popen[str]] = {}
        fresh = [name for name, p in self.parts.items() if p.key not in self.remembered]
        executable = _executable() if fresh else ""
        # More processes than cores: each on one thread. Pagefind's own threads then only
        # contend (a full build's five parts at 1,000 reports took 5.0 CPU-seconds, one thread
        # each 3.6, in the same time); the filters' order they shuffle is settled anyway.
        # Publishing one report indexes two parts of unequal size: there the larger one
        # takes both cores once the smaller is done (0.7 s rather than 0.95).
        env = {**os.environ, "RAYON_NUM_THREADS": "1"} if len(fresh) > cores() else None
        try:
            for name, part in sorted(self.parts.items()):
                if part.key in self.remembered:
                    continue
                pages = folder / name / "halaman"
                for rel, data in part.pages.items():
                    target = pages / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                self.processes[name] = subprocess.Popen(
                    [executable, "--site", str(pages), "--output-path",
                     str(folder / name / BUNDLE), *_OPTIONS],
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        except BaseException:
            self.stop()
            raise

    def finish(self) -> None:
        files: dict[str, dict[str, bytes]] = {}
        for name, process in self.processes.items():
            out, err = process.communicate()
            if process.returncode != 0:
                raise EvkinError("site.pagefind_failed",
                                 {"detail": (err or out).strip()[-2000:]})
            files[name] = _settled_part(self.folder / name / BUNDLE, name == MAIN_PART)
        for name, part in self.parts.items():
            if name not in files:
                files[name] = pickle.loads(self.remembered[part.key])  # sealed: see memo
        if self.bundle.exists():
            shutil.rmtree(self.bundle)
        self.bundle.mkdir(parents=True)
        for name, contents in sorted(files.items()):
            base = self.bundle if name == MAIN_PART else self.bundle / name
            for rel, data in contents.items():
                target = base / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        if self.memo is not None:
            fresh = {part.key: self.remembered.get(part.key) or pickle.dumps(
                files[name], protocol=pickle.HIGHEST_PROTOCOL)
                for name, part in self.parts.items()}
            if fresh != self.remembered:
                self.memo.write(MEMO_KIND, fresh)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.kill()
            process.communicate()
        self.processes = {}


def _settled_part(out: Path, main: bool) -> dict[str, bytes]:
    """A part's bundle as Pagefind wrote it into ``out``, filters in order
    (``_canonical_filters``), Pagefind's own UIs left out (evkin's page shows the results):
    relative name → bytes."""
    _canonical_filters(out)
    kept = _KEPT + _KEPT_MAIN if main else _KEPT
    files: dict[str, bytes] = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        top = rel.split("/", 1)[0]
        if path.is_file() and (top in kept or top.endswith(".pf_meta")
                               or (main and top.startswith("wasm."))):
            files[rel] = path.read_bytes()
    return files


def indexed(site_dir: Path) -> dict[str, dict[str, object]]:
    """The pages a built Pagefind index holds, in every part (address → fragment: content,
    meta, filters): what a search can find, for checks and tests."""
    import gzip

    pages: dict[str, dict[str, object]] = {}
    for fragment in sorted((site_dir / BUNDLE).glob("**/fragment/*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(data)
        pages[str(page["url"])] = page
    return pages


SIGNATURE = b"pagefind_dcd"


def _canonical_filters(bundle: Path) -> None:
    """Pagefind lists a filter's values in hash-map order, which changes from run to run: sort
    them, and rename the chunks (and the metadata naming them) by their new content, so that
    the same pages always give the same bytes (a republication with nothing new changes
    nothing)."""
    import gzip
    import hashlib

    metas = list(bundle.glob("pagefind.*.pf_meta"))
    entry_file = bundle / "pagefind-entry.json"
    if len(metas) != 1 or not entry_file.is_file():
        return
    meta = gzip.decompress(metas[0].read_bytes())
    for chunk in sorted((bundle / "filter").glob("*.pf_filter")):
        data = gzip.decompress(chunk.read_bytes()).removeprefix(SIGNATURE)
        loaded = _cbor_load(data)
        if not (isinstance(loaded, list) and len(loaded) == 2 and isinstance(loaded[1], list)):
            return
        loaded[1].sort(key=lambda pair: str(pair[0]))
        body = SIGNATURE + _cbor_dump(loaded)
        old = chunk.stem
        new = old.split("_", 1)[0] + "_" + hashlib.sha256(body).hexdigest()[:len(old) - 3]
        if len(new) != len(old) or old.encode() not in meta:
            return  # not the layout this was written for: leave Pagefind's own output
        chunk.unlink()
        (chunk.parent / f"{new}.pf_filter").write_bytes(gzip.compress(body, mtime=0))
        meta = meta.replace(old.encode(), new.encode())
    parts = _cbor_load(meta.removeprefix(SIGNATURE))
    if isinstance(parts, list) and len(parts) > 3 and isinstance(parts[3], list):
        parts[3].sort(key=lambda pair: str(pair[0]))  # the filters, by name
        meta = SIGNATURE + _cbor_dump(parts)
    language, digest = metas[0].name.split(".")[1].split("_", 1)
    fresh = f"{language}_{hashlib.sha256(meta).hexdigest()[:len(digest)]}"
    metas[0].unlink()
    (bundle / f"pagefind.{fresh}.pf_meta").write_bytes(gzip.compress(meta, mtime=0))
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"][language]["hash"] = fresh
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def _cbor_load(data: bytes) -> object:
    """The CBOR Pagefind writes into a filter chunk: arrays, text and unsigned integers."""
    value, end = _cbor_item(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes")
    return value


def _cbor_item(data: bytes, at: int) -> tuple[object, int]:
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        size = info
    elif info <= 27:
        width = 1 << (info - 24)
        size = int.from_bytes(data[at:at + width], "big")
        at += width
    else:
        raise ValueError("indefinite length")
    if major == 0:
        return size, at
    if major == 3:
        return data[at:at + size].decode("utf-8"), at + size
    if major == 4:
        items = []
        for _ in range(size):
            item, at = _cbor_item(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR type {major}")


def _cbor_head(major: int, size: int) -> bytes:
    if size < 24:
        return bytes([major << 5 | size])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if size < 1 << (8 * width):
            return bytes([major << 5 | info]) + size.to_bytes(width, "big")
    raise ValueError("too large")


def _cbor_dump(value: object) -> bytes:
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_dump(v) for v in value)
    raise ValueError(type(value).__name__)
