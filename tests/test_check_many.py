"""Checking many evaluations at once takes shortcuts (one look at Git for every trail, no
worker processes for folders without a trail, inline Markdown parsed only where a link or
HTML can start): each gives the answers the one-at-a-time path gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from evkin.evaluation import markdown
from evkin.report.assembly import MANY, assemble
from evkin.settings import load_settings
from tests.conftest import copy_sample, git

FINAL = "2025-tahunan"


def _many(root: Path) -> Path:
    """The sample plus enough copies of a report (without trails) to take the many path."""
    source = root / "evaluations" / FINAL
    for n in range(MANY):
        folder = root / "evaluations" / f"{1000 + n}-tw1"
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns(
            "rekomendasi.yml", "tindak-lanjut.yml"))
        meta = folder / "evaluasi.yml"
        meta.write_text(meta.read_text(encoding="utf-8").replace("sebelumnya: 2024-tahunan\n",
                                                                  ""), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Banyak evaluasi")
    return root


def _verdicts(root: Path, ids: list[str] | None = None) -> dict[str, tuple[object, ...]]:
    settings = load_settings(root)
    folders = None if ids is None else [settings.evaluations_dir / i for i in ids]
    out = assemble(settings, folders, timeline=False, jobs=2)
    return {r.id: (r.final, r.verification.reason, r.verification.current_tree)
            for r in out.reports}


def test_many_at_once_gives_each_report_the_verdict_it_gets_alone(tmp_path: Path) -> None:
    root = _many(copy_sample(tmp_path / "repo"))
    together = _verdicts(root)
    assert len(together) >= MANY
    assert together[FINAL][0] is True
    copy = together["1000-tw1"]
    assert copy[:2] == (False, "trail.none") and copy[2]  # its tree at HEAD, from Git
    for ident in (FINAL, "2024-tahunan", "1000-tw1", f"{999 + MANY}-tw1"):
        assert _verdicts(root, [ident])[ident] == together[ident]


def test_a_final_report_edited_after_approval_is_not_final_when_checked_with_many(
        tmp_path: Path) -> None:
    """The attack the one look at Git must not miss: the approved folder edited in the
    working copy (uncommitted), among many others."""
    root = _many(copy_sample(tmp_path / "repo"))
    report = root / "evaluations" / FINAL / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nKalimat sisipan.\n",
                      encoding="utf-8")
    together = _verdicts(root)
    assert together[FINAL][0] is False
    assert together[FINAL] == _verdicts(root, [FINAL])[FINAL]


def _full_scan(text: str) -> markdown.Scan:
    """``markdown.scan`` with every inline parsed (markdown-it's own core rule)."""
    full = MarkdownIt("commonmark").enable("table")
    original = markdown._parser
    markdown._parser = lambda: full  # type: ignore[assignment]
    try:
        return markdown.scan.__wrapped__(text)
    finally:
        markdown._parser = original


PIECES = st.sampled_from([
    "# Judul", "## Sub", "teks biasa", "[tautan](a.md)", "![gambar](g.png)", "<b>", "</b>",
    "<script>alert(1)</script>", "<http://contoh.id>", "[ref]", "[ref]: http://x.id",
    "`kode <b>`", "```", "    <i>indent</i>", "> kutip [a](b)", "- butir", "1. nomor",
    "| a | b |", "|---|---|", "| [c](d) | <u> |", "*miring*", "\\<bukan>", "&lt;x&gt;",
    "<!-- catatan -->", "Judul\n===", "", "\n", "teks [", "] (x)", "<", ">",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("\n".join))
def test_links_and_html_are_found_as_a_full_parse_finds_them(text: str) -> None:
    assert markdown.scan.__wrapped__(text) == _full_scan(text)
