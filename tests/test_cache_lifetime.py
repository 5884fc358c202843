"""What this machine remembers between builds (PDFs, pages, Markdown conversions, page
templates, a publication's derivations) is forgotten once no build used it for a month, so
the cache of a publishing server does not grow with every report and every evkin upgrade;
whatever a build still uses stays and is not made again."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from evkin import cache_db
from evkin.archive.derive import derive
from evkin.settings import load_settings
from evkin.site.build import build_site
from tests.conftest import copy_sample

OLD = "a" * 64  # an entry an earlier evkin left behind


# a report's pages, their Markdown conversions, their templates
DATABASES = ("halaman.sqlite", "mkdocs.sqlite", "templat.sqlite")


def age(folder: Path, days: int = 40) -> None:
    then = time.time() - days * 86400
    for path in folder.rglob("*"):
        if path.is_file() and path.name.endswith(".sqlite"):
            with sqlite3.connect(path) as db:
                db.execute("UPDATE entry SET used = ?", (cache_db.today() - days,))
            db.close()
        elif path.is_file() and ".sqlite-" not in path.name:
            os.utime(path, (then, then))


def rows(path: Path) -> set[str]:
    with cache_db.CacheDb(path) as db:
        return db.keys()


def left_behind(cache: Path) -> list[Path]:
    stale = [cache / f"{OLD}.pdf", cache / f"{OLD}.charts", cache / f"{OLD}-1.svg",
             # one file per page, as evkin kept them before the cache files
             cache / "halaman" / f"{OLD}.json", cache / "mkdocs" / f"{OLD}.json",
             cache / "templat" / f"{OLD}.html"]
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"lama")
    for name in DATABASES:
        with cache_db.CacheDb(cache / name) as db:
            db.put(OLD, b"lama")
    return stale


def test_a_month_unused_is_forgotten_what_a_build_uses_is_kept(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    build_site(load_settings(root), tmp_path / "situs")
    # Again: the first build's pages held stand-ins for the PDFs being laid out meanwhile,
    # from now on every build asks for the same pages.
    build_site(load_settings(root), tmp_path / "situs")
    cache = root / "build" / "evkin-cache"
    made = {p: p.stat().st_ino for p in cache.rglob("*") if p.is_file()}
    pdfs = [p for p in made if p.suffix == ".pdf"]
    assert pdfs
    remembered = {name: rows(cache / name) for name in DATABASES}
    assert all(remembered.values())
    stale = left_behind(cache)
    age(cache)  # a month passes without a build

    build_site(load_settings(root), tmp_path / "situs")

    assert [p for p in stale if p.exists()] == []
    for pdf in pdfs:  # used again, not laid out again
        assert pdf.is_file() and pdf.stat().st_ino == made[pdf]
        assert pdf.with_suffix(".charts").is_file()
    for name in DATABASES:  # the first build's pages (with stand-ins) are forgotten too
        assert set() < rows(cache / name) <= remembered[name] - {OLD}, name


def test_renders_of_an_earlier_toolchain_are_forgotten_with_their_folder(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    cache = tmp_path / "turunan"
    earlier = cache / "pandoc-typst-lama"
    for name in (f"{OLD}.pdf", f"{OLD}.charts", f"{OLD}-1.svg"):
        (earlier / name).parent.mkdir(parents=True, exist_ok=True)
        (earlier / name).write_bytes(b"lama")
    recent = earlier.with_name("pandoc-typst-lain")
    (recent / "b.charts").parent.mkdir(parents=True)
    (recent / "b.charts").write_text("0", encoding="utf-8")  # used last week: kept
    age(earlier)
    age(recent, 7)

    derived = derive(load_settings(root), tmp_path / "scratch", cache=cache)

    assert derived.renders and not earlier.exists()
    assert (recent / "b.charts").is_file()
    assert all(p.is_relative_to(cache) for p in derived.renders.values())
