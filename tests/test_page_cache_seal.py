"""A publication reads no remembered page (a report's pages, their Markdown conversion, their
template) and reuses no derived PDF or chart that its record key did not seal. ``build/`` is no
root of trust: a job that ran a pull request's code on the same runner can write the cache
there, but the archive must not show what it wrote (``cache_db``, ``archive.derive``)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from benchmarks.bench_publish_one import CACHE, held_out_archive

from evkin.archive import publish as publish_module
from evkin.archive.publish import DERIVED_CACHE, publish
from evkin.cache_db import CacheDb
from evkin.settings import load_settings

WIB = dt.timezone(dt.timedelta(hours=7))
CACHES = ("halaman.sqlite", "mkdocs.sqlite", "templat.sqlite")
FORGED = "PALSU-DARI-CACHE"


def test_a_sealed_cache_reads_only_its_own_rows(tmp_path: Path) -> None:
    path = tmp_path / "templat.sqlite"
    with CacheDb(path, seal=b"kunci-lain") as other:
        other.put("dari-kunci-lain", b"<p>lain</p>")
    with CacheDb(path) as unsealed:  # a build without the record key
        unsealed.put("tanpa-segel", b"<p>tanpa</p>")
    with CacheDb(path, seal=b"kunci-ini") as mine:
        mine.put("milik-sendiri", b"<p>sendiri</p>")
        assert mine.get("milik-sendiri") == b"<p>sendiri</p>"
        assert mine.get("dari-kunci-lain") is None and mine.get("tanpa-segel") is None
    with sqlite3.connect(path) as db:  # a row's value changed after it was sealed
        db.execute("UPDATE entry SET value = ? WHERE key = 'milik-sendiri'", (b"<p>x</p>",))
    db.close()
    with CacheDb(path, seal=b"kunci-ini") as mine:
        assert mine.get("milik-sendiri") is None


@pytest.mark.slow
def test_a_publication_shows_nothing_forged_into_its_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record_key: str) -> None:
    root, _ = held_out_archive(tmp_path, 2, 0)
    dest = tmp_path / "terbit"
    publish(load_settings(root), dest, "none", now=dt.datetime(2026, 7, 1, 9, tzinfo=WIB))
    forged: set[str] = set()
    for name in CACHES:  # every remembered page rewritten, its seal left as it was
        with sqlite3.connect(root / CACHE / name) as db:
            db.execute("UPDATE entry SET value = CAST(replace(CAST(value AS TEXT), 'Dinas', "
                       "? || ' Dinas') AS BLOB)", (FORGED,))
            changed = {k for (k,) in db.execute("SELECT key FROM entry WHERE CAST(value AS "
                                                "TEXT) LIKE ?", (f"%{FORGED}%",))}
        db.close()
        assert changed, name
        forged |= changed
    asked: set[str] = set()
    get = CacheDb.get

    def recorded(self: CacheDb, key: str) -> bytes | None:
        asked.add(key)
        return get(self, key)

    monkeypatch.setattr(CacheDb, "get", recorded)

    again = publish(load_settings(root), dest, None, now=dt.datetime(2026, 7, 2, 9, tzinfo=WIB))

    assert asked & forged  # the forged rows were looked up: they would have been shown
    shown = [p for p in again.release.rglob("*") if p.is_file() and p.suffix in (".html", ".md")
             and FORGED in p.read_text(encoding="utf-8", errors="replace")]
    assert shown == []
    assert "Dinas" in (again.release / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_publication_lays_out_again_a_derivation_forged_into_its_cache(
        tmp_path: Path, record_key: str) -> None:
    root, _ = held_out_archive(tmp_path, 2, 0)
    dest = tmp_path / "terbit"
    first = publish(load_settings(root), dest, "none",
                    now=dt.datetime(2026, 7, 1, 9, tzinfo=WIB))
    published = {p.name: p.read_bytes() for p in first.release.rglob("*.pdf")}
    derived = sorted((root / DERIVED_CACHE).rglob("*.pdf"))
    charts = sorted((root / DERIVED_CACHE).rglob("*.svg"))
    assert len(derived) == 2 and charts
    for pdf in derived:  # a "final PDF" and a chart of the forger's own, under the same keys
        pdf.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%% PALSU\n%%EOF"))
    charts[0].write_text(f"<svg><script>alert(1)</script>{FORGED}</svg>", encoding="utf-8")

    again = publish(load_settings(root), dest, None, now=dt.datetime(2026, 7, 2, 9, tzinfo=WIB))

    assert {p.name: p.read_bytes() for p in again.release.rglob("*.pdf")} == published
    assert not [p for p in again.release.rglob("*.svg")
                if FORGED in p.read_text(encoding="utf-8", errors="replace")]
    assert b"PALSU" not in b"".join(p.read_bytes() for p in derived)  # laid out again



@pytest.mark.slow
def test_a_publication_builds_afresh_what_its_derivation_does_not_give(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, record_key: str) -> None:
    """A final report whose derivation was refused (and a draft) is laid out by the site build
    itself, never taken from the site's PDF cache."""
    root, _ = held_out_archive(tmp_path, 2, 0)
    dest = tmp_path / "terbit"
    first = publish(load_settings(root), dest, "none",
                    now=dt.datetime(2026, 7, 1, 9, tzinfo=WIB))
    site_cache = sorted((root / CACHE).glob("*.pdf"))
    assert len(site_cache) == 2
    for pdf in site_cache:
        pdf.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%% PALSU\n%%EOF"))

    def refused(*args: Any, **kwargs: Any) -> Callable[..., Any]:
        return lambda key, report=None: None  # as if no derivation could be made

    monkeypatch.setattr(publish_module, "seed_from", refused)

    again = publish(load_settings(root), dest, None, now=dt.datetime(2026, 7, 2, 9, tzinfo=WIB))

    assert not [p for p in again.release.rglob("*.pdf") if b"PALSU" in p.read_bytes()]
    before = {p.relative_to(first.release) for p in first.release.rglob("*.pdf")}
    assert {p.relative_to(again.release) for p in again.release.rglob("*.pdf")} == before
