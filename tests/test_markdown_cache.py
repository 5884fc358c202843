"""MkDocs' remembered Markdown conversion gives the bytes a build without it gives, also when
only what a page links to changed (the page's own file did not)."""

from __future__ import annotations

import shutil
from pathlib import Path

from evkin.cache_db import CacheDb
from evkin.site.build import run_mkdocs
from evkin.site.markdown_cache import CACHE_FILE


def _keys(path: Path) -> set[str]:
    with CacheDb(path) as db:
        return db.keys()



def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and "pagefind" not in p.parts}


def test_a_remembered_page_follows_its_links_as_they_are_now(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Beranda\n\nLihat [panduan](panduan.md) dan "
                                   "[bagian](panduan.md#isi).\n", encoding="utf-8")
    (docs / "panduan.md").write_text("# Panduan\n\n## Isi\n\nTeks.\n", encoding="utf-8")
    cache = tmp_path / "ingatan"
    run_mkdocs(tmp_path, tmp_path / "a", remember=cache)
    assert 'href="panduan.html"' in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    remembered = _keys(cache / CACHE_FILE)
    assert len(remembered) == 2

    run_mkdocs(tmp_path, tmp_path / "b", remember=cache)  # nothing changed: all reused
    assert _keys(cache / CACHE_FILE) == remembered
    assert _tree(tmp_path / "b") == _tree(tmp_path / "a")

    # The linked page goes away; the linking page's own file is the same.
    (docs / "panduan.md").unlink()
    run_mkdocs(tmp_path, tmp_path / "c", remember=cache)
    run_mkdocs(tmp_path, tmp_path / "d")  # no memory at all
    index = (tmp_path / "c" / "index.html").read_text(encoding="utf-8")
    assert 'href="panduan.md"' in index and 'href="panduan.html"' not in index
    assert _tree(tmp_path / "c") == _tree(tmp_path / "d")


def test_an_edited_page_is_converted_again(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "index.md"
    page.write_text("# Beranda\n\nCapaian 81,17 %.\n", encoding="utf-8")
    cache = tmp_path / "ingatan"
    run_mkdocs(tmp_path, tmp_path / "a", remember=cache)
    page.write_text("# Beranda\n\nCapaian 82,04 %.\n", encoding="utf-8")
    run_mkdocs(tmp_path, tmp_path / "b", remember=cache)
    html = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert "82,04" in html and "81,17" not in html
    shutil.rmtree(cache)
    run_mkdocs(tmp_path, tmp_path / "c", remember=cache)
    assert _tree(tmp_path / "b") == _tree(tmp_path / "c")
