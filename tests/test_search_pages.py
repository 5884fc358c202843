"""Pagefind is given only the pages it indexes (``search.searchable``): the pages carrying
``data-pagefind-body``, in any letter case, or every page when none does. The bundle is the one
Pagefind makes when it reads the whole site itself."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from pagefind_bin import get_executable  # type: ignore[import-untyped]

from evkin.site import search

BODY = '<main {attribute}><h1>{{title}}</h1><p>{{text}}</p></main>'
MARKED = '<html lang="id"><body>' + BODY.format(attribute="data-pagefind-body") + '</body></html>'
UPPER = '<html lang="id"><body>' + BODY.format(attribute="DATA-PAGEFIND-BODY") + '</body></html>'
PLAIN = '<html lang="id"><body><h1>{title}</h1><p>{text}</p></body></html>'


def site(folder: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(html, encoding="utf-8")
    return folder


def whole_site_bundle(folder: Path) -> dict[str, bytes]:
    """What Pagefind makes reading every page itself, filters put in order as evkin does."""
    subprocess.run([str(get_executable()), "--site", str(folder), "--output-subdir",
                    search.BUNDLE, "--keep-index-url", "--force-language", search.LANGUAGE,
                    "--exclude-selectors", ".headerlink", "--silent"], check=True)
    bundle = folder / search.BUNDLE
    search._canonical_filters(bundle)
    for extra in bundle.glob("pagefind-*"):
        if extra.name not in ("pagefind-entry.json", "pagefind-worker.js"):
            extra.unlink()
    return {p.relative_to(bundle).as_posix(): p.read_bytes()
            for p in sorted(bundle.rglob("*")) if p.is_file()}


def bundle_of(folder: Path) -> dict[str, bytes]:
    search.index_site(folder)
    bundle = folder / search.BUNDLE
    assert not list(folder.parent.glob(".evkin-cari-*"))  # its page links are cleared away
    return {p.relative_to(bundle).as_posix(): p.read_bytes()
            for p in sorted(bundle.rglob("*")) if p.is_file()}


def test_only_marked_pages_are_searched_and_the_bundle_is_pagefinds_own(tmp_path: Path) -> None:
    pages = {
        "arsip/2025/laporan/index.html": MARKED.format(title="Laporan tahunan",
                                                       text="jalan mantap provinsi"),
        "arsip/2024/laporan/index.html": UPPER.format(title="Laporan 2024",
                                                      text="jembatan mantap"),
        "arsip/2025/laporan/lampiran/index.html": PLAIN.format(title="Lampiran",
                                                               text="jalan mantap lampiran"),
        "404.html": PLAIN.format(title="Tidak ditemukan", text="halaman"),
    }
    ours = site(tmp_path / "kami" / "situs", pages)
    theirs = site(tmp_path / "pagefind" / "situs", pages)

    assert [p.relative_to(ours).as_posix() for p in search.searchable(ours)] == [
        "arsip/2024/laporan/index.html", "arsip/2025/laporan/index.html"]
    assert bundle_of(ours) == whole_site_bundle(theirs)
    found = search.indexed(ours)
    assert sorted(found) == ["/arsip/2024/laporan/index.html", "/arsip/2025/laporan/index.html"]


def test_without_any_marked_page_every_page_is_searched(tmp_path: Path) -> None:
    pages = {"a/index.html": PLAIN.format(title="Satu", text="jalan"),
             "b/index.html": PLAIN.format(title="Dua", text="jembatan")}
    ours = site(tmp_path / "kami" / "situs", pages)
    theirs = site(tmp_path / "pagefind" / "situs", pages)

    assert len(search.searchable(ours)) == 2
    assert bundle_of(ours) == whole_site_bundle(theirs)
    assert sorted(search.indexed(ours)) == ["/a/index.html", "/b/index.html"]


def test_a_site_whose_folder_cannot_be_written_beside_is_still_indexed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {"a/index.html": MARKED.format(title="Satu", text="jalan mantap")}
    ours = site(tmp_path / "kami" / "situs", pages)
    theirs = site(tmp_path / "pagefind" / "situs", pages)
    made = tempfile.mkdtemp

    def refused(*args: object, **kwargs: object) -> str:
        if kwargs.get("dir") == ours.parent:
            raise PermissionError(13, "Permission denied", str(ours.parent))
        return made(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkdtemp", refused)
    assert bundle_of(ours) == whole_site_bundle(theirs)
    assert sorted(search.indexed(ours)) == ["/a/index.html"]


THEMED = ('<!doctype html><html lang="id"><head><title>{title} - Arsip</title></head><body>'
          '<nav><a href="/">Beranda</a> Navigasi {title}</nav><article class="md-content__inner">'
          '<div data-pagefind-body><h1>{title}</h1><p>{text}</p>{table}'
          '<span hidden data-pagefind-filter="tahun">{year}</span></div></article>'
          '<footer>Berikutnya: laporan lain {year}</footer></body></html>')


def test_evkin_pages_are_given_as_their_indexed_element_for_the_same_bundle(
        tmp_path: Path) -> None:
    """Pagefind is given each page's indexed element only (``search.indexed_text``), the
    blocks the search leaves out (``search.unsearched``) emptied: the bundle is the one
    Pagefind makes reading the whole pages, their navigation and those blocks included."""
    table = search.unsearched("<table><tr><td>Sangat Tinggi</td><td>101,41 %</td></tr></table>")
    pages = {f"arsip/{year}/index.html": THEMED.format(
        title=f"Laporan Tahun {year}", text=f"jalan mantap {year} &lt;!--evkin:tidak-dicari--&gt;"
        " kalimat sesudahnya", table=table, year=year) for year in (2024, 2025)}
    ours = site(tmp_path / "kami" / "situs", pages)
    theirs = site(tmp_path / "pagefind" / "situs", pages)

    given = search.indexed_text((ours / "arsip/2025/index.html").read_bytes())
    assert b"Navigasi" not in given and b"Berikutnya" not in given and b"101,41" not in given
    assert bundle_of(ours) == whole_site_bundle(theirs)
    content = str(search.indexed(ours)["/arsip/2025/index.html"]["content"])
    assert "jalan mantap" in content and "kalimat sesudahnya" in content  # a report's own text
    assert "Sangat" not in content


def test_a_reports_markdown_cannot_carry_the_marks_the_index_reads() -> None:
    """The marks ``search.parts`` and ``search.indexed_text`` read are evkin's own: a report's
    HTML, sanitized, keeps none of them (no comment, no data attribute, no stray closing
    article), so an author can neither move a page to another part nor cut what is indexed."""
    from evkin.site.safe import clean_html

    given = ('<!--evkin:tidak-dicari-->teks<!--/evkin:tidak-dicari--> <div data-pagefind-body '
             'data-evkin-bagian="laporan-1">isi</div></article><article>lain</article>')
    out = clean_html(given)
    assert "teks" in out and "isi" in out and "lain" in out
    for mark in ("evkin:tidak-dicari", "data-evkin-bagian", "data-pagefind", "</article>"):
        assert mark not in out, mark
