"""The Rust scan (markdown-it-pyrs) finds exactly what the markdown-it-py scan finds.

This scan is what finds raw HTML and links that leave the folder: any difference, down to a
line number, would let something through or blame the wrong line.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evkin.evaluation.markdown import scan, scan_reference
from tests.archive_repo import REPORT_CORPUS

PROJECT = Path(__file__).resolve().parents[1]

FRAGMENTS = [
    "# Judul", "## Bab 2 ##", "### Tanda \\# akhir #", "#", "####### tujuh", "#\tTab",
    "   # inden", "# *tebal* [tautan](x.md)", "Setext\n===", "Dua\nbaris\n---", "---", "***",
    "- butir", "1. nomor", "  - bersarang [a](../luar.md)", "* <b>x</b>", "> kutipan",
    "> # judul dalam kutipan", "> [k](http://luar.example)", ">\t# tab", "- # judul butir",
    "```\n<script>alert(1)</script>\n[x](y)\n```", "~~~ html\n<img src=x onerror=y>\n~~~",
    "    <script>kode</script>\n    [x](y)", "\t[x](y)",
    "| a | b |\n|---|---|\n| [x](y) | <i>z</i> |\n| c | ![g](g.png) |",
    "<div>\n<script>alert(1)</script>\n</div>", "<script>\nalert(1)\n</script>",
    "<!-- komentar -->",
    "<!--\nbanyak\nbaris -->", "<?php x ?>", "<![CDATA[ x ]]>", "<iframe src=//x>",
    "teks <span onclick=x>a</span> lagi", "teks <a\nhref=x>baris</a>", "`kode\n<b>` [a](b)",
    "[a](b \"judul\")", "[a]( <c d> )", "![alt](gambar.png)", "![a [b](c)](d)", "<http://x.y/é>",
    "<mail@contoh.id>", "[ref]\n\n[ref]: http://luar.example", "[ref]: <x y>",
    "[j](javascript:alert(1))",
    "[d](data:text/html,x)", "![d](data:image/png;base64,AA)", "\\[bukan](tautan)", "\\<b>",
    "&lt;script&gt;", "&#60;b&#62;", "baris  \nkeras [x](y)", "baris\\\nkeras <i>", "[a\nb](c)",
    "Ä ö é 漢字 [ü](ü.md)", "\x00 [n](\x00)", "<b>\x00</b>", "a\r\nb [c](d)\r\n", "a\rb <i>",
    "[h](http://luar.example::)", "[h](http://é.com/é)", "[h](http://[::1]/)", "[h](%41%zz)",
    "[h](JaVaScRiPt:x)", "[h]( javascript:x)", "[h](javascript&#58;x)", "[h](java\\script:x)",
    "[h](vbscript:x)", "[h](file:///etc/passwd)", "![h](data:image/svg+xml,x)", "[h](<a b>)",
    "<javascript:alert(1)>", "<HTTP://X>", "[h](mailto:é@é.com)", "[h](x&amp;y)", "[h](\\(x\\))",
    # Where the two parsers were found to differ (the scan falls back to markdown-it-py):
    "[``", "> a\n1)\n    # b", "- # J\n\ta\nb [c](d)", "<!doctype html>", "x <!a>", "# J\n|-|",
    "> a <b\nc>\n| a | b |\n|---|---|\n| c | [x](y) |", "- a\n  b\n  ===", "> a\n> ===",
    "   Setext  \n  dua \n---", "1<!B>", ":|\n--", "a|\n--\n[x](y)", "> a|\n> -:", "a | b\n-|-",
    "*[x](y)*", "**<b>**", "[![i](j)](k)", "[x]: y\n[x]", "<", "[", "!", "](", "<a", "\t", " ",
    "```", "~~~", "> ", "1)", "|", "|-|", "=", "-", "#a", "# a #b", "# a \\#", "## #", "# #",
]

fragment = st.sampled_from(FRAGMENTS) | st.text(
    alphabet="#<>[]()!`*_-=|\\:/ \t\n\r\x00aé>~&;.", max_size=12)
joiner = st.sampled_from(["\n", "\n\n", " ", "", "\r\n", "\n\t", "\n  ", "\n> ", "\n- "])


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(fragment, min_size=1, max_size=10))
    out = parts[0]
    for part in parts[1:]:
        out += draw(joiner) + part
    return out


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_rust_scan_equals_markdown_it_py_scan(text: str) -> None:
    assert scan.__wrapped__(text) == scan_reference(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_scans_the_same(text: str) -> None:
    assert scan.__wrapped__(text) == scan_reference(text)


def test_sample_reports_and_injection_corpus_scan_the_same() -> None:
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((PROJECT / "scripts" / "evkin" / "contoh").rglob("*.md"))]
    texts.append(REPORT_CORPUS)
    assert len(texts) > 5
    for text in texts:
        assert scan.__wrapped__(text) == scan_reference(text)
    found = scan(REPORT_CORPUS)
    assert found.html and found.references  # the corpus is found, not just equally missed


def test_text_the_rust_parser_panics_on_is_read_without_a_word_on_the_terminal(
        tmp_path: Path) -> None:
    """``[a` `` (a bracket left open, then a backtick) made markdown-it-pyrs panic: caught,
    but Rust printed "thread '<unnamed>' panicked at …" on the user's terminal first."""
    import os
    import subprocess
    import sys

    from tests.conftest import copy_sample

    root = copy_sample(tmp_path / "repo")
    report = root / "evaluations" / "2025-tahunan" / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "## ", "Lihat [lampiran` di bawah.\n\n## ", 1), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "RUST_BACKTRACE"}
    done = subprocess.run([sys.executable, "-m", "evkin", "check", "2025-tahunan"], cwd=root,
                          env=env, capture_output=True, text=True, timeout=120)
    assert "panicked" not in done.stderr + done.stdout
    assert "1 evaluasi diperiksa" in done.stdout + done.stderr
    assert scan("Lihat [lampiran` di bawah.\n") == scan_reference(
        "Lihat [lampiran` di bawah.\n")
