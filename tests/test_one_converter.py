"""One Python-Markdown converter for a whole MkDocs build (``site.one_converter``): the same
site, byte for byte, as MkDocs' converter per page, with pages whose extensions keep state
between documents (footnotes, abbreviations, tabs, fences, headings of the same name) built
one after the other; an extension it does not know leaves MkDocs' own per-page converter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure import pages

from evkin.settings import load_settings
from evkin.site import one_converter
from evkin.site.build import build_site, run_mkdocs
from tests.archive_repo import add_evaluation, approve, make_archive_repo
from tests.conftest import git

EXTENSIONS = """markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
"""

PAGE = """# Laporan {n}

Capaian IKU[^1] naik; APBD[^catatan] dibahas. [Berikutnya](../laporan-{next}/index.md#hasil)

## Hasil

=== "Triwulan I"

    Realisasi *{n},5 %*.

=== "Triwulan II"

    Realisasi **{n},7 %**.

## Hasil

!!! note "Catatan"
    Lihat [lampiran](#hasil-1).

??? info "Rincian"
    Isi rincian.

```python
print({n})
```

Istilah
:   Definisi {{ .kelas }}

| Kolom | Nilai |
| --- | --- |
| a | {n} |

[^1]: Indikator Kinerja Utama.
[^catatan]: Anggaran daerah.
"""


def project(root: Path, pages_count: int, extensions: str = EXTENSIONS) -> Path:
    docs = root / "docs"
    for n in range(pages_count):
        folder = docs / f"laporan-{n}"
        folder.mkdir(parents=True)
        text = PAGE.format(n=n, next=(n + 1) % pages_count)
        if n % 2:  # an abbreviation defined on every other page only: none may carry over
            text += "\n*[IKU]: Indikator Kinerja Utama\n"
        (folder / "index.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Arsip\nuse_directory_urls: false\ntheme:\n  name: material\n"
        "  language: id\n" + extensions, encoding="utf-8")
    return root


def build(root: Path, site: str, shared: bool) -> Path:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / site))
    if shared:
        with one_converter.shared():
            mkdocs_build.build(config)
    else:
        mkdocs_build.build(config)
    return root / site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".gz"}


def test_one_converter_builds_the_site_mkdocs_builds(tmp_path: Path) -> None:
    root = project(tmp_path, 6)
    own = build(root, "satu", shared=True)
    theirs = build(root, "sendiri", shared=False)
    assert tree(own) == tree(theirs)
    page = (own / "laporan-1" / "index.html").read_text(encoding="utf-8")
    later = (own / "laporan-2" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Indikator Kinerja Utama">IKU</abbr>' in page
    assert "<abbr" not in later  # no abbreviation carried over from the page before
    assert later.count('class="footnote-backref"') == 2  # footnotes start afresh
    assert 'id="__tabbed_1_1"' in later  # the tab counter too
    assert pages.Page.render is not None and "one_converter" not in repr(pages.Page.render)


def test_an_unknown_extension_keeps_a_converter_per_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, 2, EXTENSIONS + "  - md_in_html\n")
    made: list[Any] = []
    import markdown

    real = markdown.Markdown.__init__

    def counting(self: Any, *args: Any, **kwargs: Any) -> None:
        if "footnotes" in kwargs.get("extensions", ()):  # a page's converter
            made.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "__init__", counting)
    build(root, "situs", shared=True)
    assert len(made) == 2  # one per page, as MkDocs makes them
    made.clear()
    project(tmp_path / "lain", 3)
    build(tmp_path / "lain", "situs", shared=True)
    assert len(made) == 1


FORGED = "EVKINHTML" + "ab" * 16 + "X0"  # an author's heading word


def test_pages_of_one_skeleton_are_converted_once_each_as_if_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The archive's pages (the sample, an approved report full of injection attempts, a draft
    left out): a skeleton converted once gives every page of it the HTML, headings and anchors
    its own conversion gives, byte for byte."""
    import markdown

    root = make_archive_repo(tmp_path / "repo")
    for n in range(3):  # more reports of the same headings
        folder = add_evaluation(root, f"2027-tw{n + 1}")
        if n == 1:  # a heading that reads like the stash's placeholders
            report = folder / "laporan.md"
            report.write_text(report.read_text(encoding="utf-8") + f"\n## Catatan {FORGED}\n",
                              encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"Evaluasi 2027 TW {n + 1}")
        approve(root, f"2027-tw{n + 1}")
    build_site(load_settings(root), root / "site")
    converted: list[str] = []
    real = markdown.Markdown.convert

    def counting(self: Any, source: str) -> str:
        converted.append(source)
        result: str = real(self, source)
        return result

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    run_mkdocs(root, root / "sekali", remember=None)
    once = len(converted)
    monkeypatch.setattr(one_converter, "skeleton", lambda markdown: None)
    converted.clear()
    run_mkdocs(root, root / "sendiri", remember=None)
    pages_count = len(converted)
    own = {k: v for k, v in tree(root / "sekali").items() if k.endswith(".html")}
    assert own == {k: v for k, v in tree(root / "sendiri").items() if k.endswith(".html")}
    assert once < pages_count - 5  # the reports' pages shared their conversion
    report = (root / "sekali" / "arsip" / "2027" / "2027-tw2" / "index.html").read_text(
        encoding="utf-8")
    assert 'id="rekomendasi"' in report and f"Catatan {FORGED}" in report
    assert "EVKINHTML" not in report.replace(FORGED, "")
