"""Publishing one more report reuses this machine's own earlier derivations and pages by
content key, and the release is byte for byte the one a publication without any cache builds;
a "cached" PDF that came through git is never published."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from benchmarks.bench_publish_one import CACHE, add_one, differences, held_out_archive
from benchmarks.bench_site import git

from evkin.archive.publish import DERIVED_CACHE, publish
from evkin.cache_db import CacheDb
from evkin.memo import FOLDER as MEMO
from evkin.memo import Memo
from evkin.record.last_published import RECORD_FILE
from evkin.settings import load_settings
from evkin.site import markdown_cache, page_forks, search, template_cache
from tests.conftest import smoke_output

WIB = dt.timezone(dt.timedelta(hours=7))
FIRST = dt.datetime(2026, 7, 1, 9, 0, tzinfo=WIB)
LATER = dt.datetime(2026, 7, 2, 9, 0, tzinfo=WIB)


@pytest.mark.slow
def test_publish_one_is_byte_for_byte_a_publication_without_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record_key: str) -> None:
    """Also: the publication with the cache renders its pages in two processes (as an
    archive of 200 pages or more does, ``page_forks``), the one without in one. Both hold the
    record key, as the publishing step does: the first one's verdicts and checked folders are
    remembered under its seal (``evkin.memo``)."""
    monkeypatch.setattr(search, "PARTS_FROM", 1)  # the search index in parts, as at 1,000
    root, (new,) = held_out_archive(tmp_path, 2, 1)
    dest = tmp_path / "terbit"
    publish(load_settings(root), dest, "none", now=FIRST)
    before = dest.resolve()
    recorded = root / RECORD_FILE
    before_record = recorded.read_bytes()  # the last manifest published, as the next reads it
    add_one(root, tmp_path / new)
    renders = root / DERIVED_CACHE
    cached = {p.name for p in renders.rglob("*.pdf")}
    assert len(cached) == 2  # the first publication's own derivations

    converted = _keys(root / CACHE / markdown_cache.CACHE_FILE)
    rendered = _keys(root / CACHE / template_cache.CACHE_FILE)
    assert {p.name for p in (root / MEMO).iterdir()} == {"periksa.bin", "jejak.bin",
                                                          "cari.bin", "turunan.bin"}
    monkeypatch.setattr(page_forks, "MIN_PAGES", 2)
    indexed: list[str] = []
    start = search.Indexing.__init__

    def indexing(self: search.Indexing, *args: Any, **kwargs: Any) -> None:
        start(self, *args, **kwargs)
        indexed.extend(self.processes)

    monkeypatch.setattr(search.Indexing, "__init__", indexing)
    one = publish(load_settings(root), dest, None, now=LATER)
    monkeypatch.setattr(search.Indexing, "__init__", start)
    # Pagefind indexed the pages every publication changes and the new report's part of the
    # index; the part of the earlier reports was remembered (when they share one, it is that).
    assert sorted(indexed) == sorted({search.MAIN_PART, search.part_of(new)})
    assert len({p.name for p in renders.rglob("*.pdf")} - cached) == 1  # the new one only
    # No published file shares its inode with this machine's caches: editing one in place
    # (on the server) cannot change what a later publication trusts by content key.
    cache_inodes = {(p.stat().st_dev, p.stat().st_ino) for p in (root / "build").rglob("*")
                    if p.is_file()}
    for release in (one.release, before):
        assert not [p for p in release.rglob("*") if p.is_file()
                    and (p.stat().st_dev, p.stat().st_ino) in cache_inodes]
    pages = sum(1 for _ in one.release.rglob("*.html"))
    again = _keys(root / CACHE / markdown_cache.CACHE_FILE) - converted
    # MkDocs converted the pages that changed (listings, the indicators' trends, the new
    # report's), not the earlier reports' own pages and attachments
    assert 0 < len(again) <= pages - 2 * 2
    # Nor did the templates render the pages whose HTML stays the same.
    assert 0 < len(_keys(root / CACHE / template_cache.CACHE_FILE) - rendered) <= (
        pages - 2 * 2)
    shutil.rmtree(root / "build")
    recorded.write_bytes(before_record)  # the publication without cache follows ``before``
    shutil.rmtree(root / "docs")
    monkeypatch.setattr(page_forks, "MIN_PAGES", 10**9)
    cold = publish(load_settings(root), tmp_path / "penuh", str(before), now=LATER)

    assert one.changed and cold.changed
    assert new in {r.id for r in one.manifest.laporan}
    assert differences(one.release, cold.release) == []
    for name in ("sitemap.xml", "404.html", "pagefind/pagefind-entry.json",
                 "arsip/indikator/index.html"):
        assert (one.release / name).is_file(), name



def _keys(path: Path) -> set[str]:
    """What a cache holds, read and closed at once (no connection may cross a fork)."""
    with CacheDb(path) as db:
        return db.keys()


def test_a_pdf_committed_into_the_render_cache_is_not_published(tmp_path: Path) -> None:
    """A pushed branch carries a forged "earlier derivation": publication renders afresh."""
    root, _ = held_out_archive(tmp_path, 2, 0)
    first = publish(load_settings(root), tmp_path / "a", "none", now=FIRST)
    listed = {e.id: e.sha256 for e in first.manifest.laporan}
    pdfs = sorted((root / DERIVED_CACHE).rglob("*.pdf"))
    forged = pdfs[1].read_bytes()
    pdfs[0].write_bytes(forged)  # one report's "render" is now the other report's PDF
    git(root, "add", "-f", str(pdfs[0].relative_to(root)))
    git(root, "commit", "-q", "-m", "cache")

    again = publish(load_settings(root), tmp_path / "b", "none", now=FIRST)
    shown = {e.id: e.sha256 for e in again.manifest.laporan}
    assert shown == listed
    assert hashlib.sha256(forged).hexdigest() in listed.values()  # forged is a real PDF
    assert sorted(listed.values()).count(hashlib.sha256(forged).hexdigest()) == 1


@pytest.mark.slow
def test_publish_one_benchmark_smoke() -> None:
    out = smoke_output("bench_publish_one")
    assert "publish one (median of 1)" in out and "target < 10 s" in out
    assert "full rebuild, no cache" in out
    assert "byte for byte: OK" in out
    steps = out.split("where publish one's time goes")[1]
    for step in ("derive: check and assemble", "site: MkDocs", "site: Pagefind", "the rest"):
        assert step in steps
    for step in ("site: Pagefind, pages linked and started",
                 "site: Pagefind, waited for after the manifest"):
        assert float(steps.split(step)[1].split()[0]) > 0  # timed, not skipped


def test_a_publication_failing_while_the_index_is_made_leaves_nothing_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record_key: str) -> None:
    """The manifest is made while Pagefind indexes the pages and the PDFs are copied into the
    release: an error there stops both, and leaves no release, no pages folder of the index
    and the published site as it was."""
    import evkin.archive.publish as publishing

    monkeypatch.setattr(search, "PARTS_FROM", 1)  # the search index in parts, as at 1,000
    root, (new,) = held_out_archive(tmp_path, 2, 1)
    dest = tmp_path / "terbit"
    publish(load_settings(root), dest, "none", now=FIRST)
    before = dest.resolve()
    add_one(root, tmp_path / new)
    started: list[subprocess.Popen[str]] = []
    begin = search.begin_index

    def begin_index(site_dir: Path, memo: Memo | None = None) -> search.SiteIndex:
        index = begin(site_dir, memo)
        assert index.running is not None
        started.extend(index.running.processes.values())
        return index

    monkeypatch.setattr(search, "begin_index", begin_index)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publishing, "manifest", broken)
    with pytest.raises(OSError, match="No space left"):
        publish(load_settings(root), dest, None, now=LATER)
    # The main part and the new report's (the others are remembered).
    assert len(started) == 2
    assert all(p.poll() is not None for p in started)  # Pagefind stopped, not left running
    assert dest.resolve() == before
    left = sorted(p.name for p in tmp_path.rglob(".evkin-cari-*"))
    assert left == []
    assert sorted(p.name for p in (tmp_path / "terbit.rilis").iterdir()) == [before.name]
