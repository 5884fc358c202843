"""Author Markdown on the archive's pages (``site.author_html``): markdown-it-pyrs is used only
where its HTML, headings and cuts are markdown-it-py's, the reference the archive has always
rendered with; so a page reads the same whichever parser made it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evkin.bundled import SAMPLE
from evkin.site import author_html
from evkin.site.author_html import Heading, _py_parts, _py_whole, _rust_parts, _Unsure, text_of

# Pieces Markdown is made of, the awkward ones included, for generated documents.
PIECES = ["# ", "## ", "### ", "#### ", "\n", "\n\n", " ", "   ", "    ", "*", "**", "_", "`",
          "```", "~~~", "~~", "[a](b.md)", "[t](http://x.id/a b)", "[r][ref]", "[ref]",
          "![gambar](g.png)", "> ", "- ", "* ", "+ ", "1. ", "2) ", "| a | b |\n",
          "|:-|-:|\n", "| 1 | 2 |\n", "|---|\n", "&amp;", "&#35;", "&copy;", "\\", "\\#", "===",
          "---", "***", "Kata", "realisasi", "80,5 %", "é", "–", "ẞ", "http://x.id", "<", ">",
          "<b>", "]:", "\t", "\r\n", "#", "(", ")", "!", "|", "\u00a0", "[", "]", "=", "-"]
markdown_texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def sample_texts() -> list[Path]:
    folders = sorted((SAMPLE / "evaluations").iterdir())
    return [f / "laporan.md" for f in folders] + [
        doc for f in folders for doc in sorted((f / "dokumen").glob("*.md"))]


def rust_or_none(text: str, top_level: int) -> list[author_html.Part] | None:
    try:
        return _rust_parts(text_of(text), top_level)
    except _Unsure:
        return None


@pytest.mark.parametrize("path", sample_texts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_sample_is_cut_and_rendered_by_the_rust_parser_as_by_markdown_it_py(
        path: Path) -> None:
    text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    fast = rust_or_none(text, 2)
    assert fast is not None, "the sample must take the fast path, or the archive is slow"
    assert fast == _py_parts(text_of(text), 2)
    assert author_html.whole(text, shift_to=3) == _py_whole(text_of(text), 0, 3)
    if path.name == "laporan.md":
        assert Heading(2, "Hasil Evaluasi") in fast or Heading(3, "Realisasi Kinerja") in fast


@settings(max_examples=3000, deadline=None)
@given(markdown_texts, st.integers(min_value=1, max_value=4))
def test_where_the_rust_parser_is_used_its_cuts_and_html_are_markdown_it_pys(
        text: str, top_level: int) -> None:
    clean = text_of(text)
    fast = rust_or_none(text, top_level)
    if fast is not None:
        assert fast == _py_parts(clean, top_level)
    assert author_html.parts(text, top_level) == _py_parts(clean, top_level)
    assert author_html.whole(text, shift_to=top_level) == _py_whole(clean, 0, top_level)
    assert author_html.whole(text, 1) == _py_whole(clean, 1, None)


def test_what_the_rust_parser_could_render_otherwise_goes_to_markdown_it_py() -> None:
    for text in ["Lihat <b>tebal</b>.", "a\tb", "[a]\n\n[a]: http://x.id",
                 "[situs](http://ÿ.com)", "a\r\nb", "Nilai\u00a080 %", "[`kode`](x.md)",
                 "| a \\| b |\n|---|\n", "Tabel\n---|---\n", "> ~~\n* ", "Isi\n1.\n"]:
        assert rust_or_none(text, 2) is None, text
    assert rust_or_none("Nilai < 80 % dan [tautan](http://x.id/ÿ).", 2) is not None


@pytest.mark.parametrize("line", ["-" * 200_000 + "x", "|" * 200_000, "- " * 100_000,
                                  "a" * 200_000 + "|\n---", "   > " + "a" * 200_000 + "\n---"])
def test_a_huge_pasted_line_is_rendered_as_markdown_it_py_renders_it(line: str) -> None:
    """The checks that choose the parser run in time linear in the text: with a pattern that
    backtracks, the first of these lines alone took minutes."""
    text = text_of(line)
    assert author_html.parts(line, 2) == _py_parts(text, 2)
