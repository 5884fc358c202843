"""The summary comment's text is inert: whatever a report, a finding or a review says, the
rendered comment mentions nobody, embeds nothing and keeps its own layout. Rendered with
markdown-it (CommonMark + GFM tables, strikethrough and autolinks), as the forges render it."""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from evkin.report.prcomment import (
    MARKER,
    BadReport,
    DiffLine,
    FindingRow,
    IndicatorRow,
    Links,
    Position,
    Report,
    Return,
    inert,
    parse_report,
    render,
)

SERVER = "https://github.com/bmcktr/evaluasi-kinerja"
NASTY = ("Laporan @kepala-dinas ![x](http://evil.example/x.png) <img src=x onerror=alert(1)> "
         "```js\nalert(1)\n``` #12 www.evil.example | --- <!-- x")
MENTION = re.compile(r"@[A-Za-z0-9]")  # what GitHub and Gitea turn into a mention


def markdown(text: str) -> str:
    md = MarkdownIt("commonmark", {"html": True, "linkify": True}).enable(
        ["table", "strikethrough", "linkify"])
    md.linkify.set({"fuzzy_link": False, "fuzzy_ip": False})  # GFM links scheme:// and www.
    return md.render(text)


def visible(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def _expected(text: str) -> str:
    plain = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    return re.sub(r"\s+", " ", plain).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_inert_text_is_one_plain_paragraph_showing_the_same_words(text: str) -> None:
    rendered = markdown(inert(text, limit=1000))
    tags = set(re.findall(r"<(\w+)", rendered))
    assert tags <= {"p"}, rendered
    shown = visible(rendered).replace("\u200b", "").strip()
    assert shown == _expected(text)
    assert not MENTION.search(visible(rendered))


@given(st.text(alphabet="@#!<>[]()`*_~|\\-:/.wxhtp \n", max_size=60))
def test_markup_characters_never_make_markup(text: str) -> None:
    rendered = markdown(f"Catatan: {inert(text)}")
    assert set(re.findall(r"<(\w+)", rendered)) <= {"p"}
    assert not MENTION.search(visible(rendered))


def _report(**extra: object) -> Report:
    base: dict[str, object] = {
        "head": "a" * 40, "evaluation": "2026-tw2", "title": NASTY,
        "findings": (FindingRow("evaluations/2026-tw2/laporan.md", 12, "", "error", NASTY),
                     FindingRow("../../etc/passwd", 1, "", "warning", "jalan"),
                     FindingRow("evaluations/2026-tw2/indikator.xlsx", None, "E5", "error",
                                "angka")),
        "indicators": (IndicatorRow("IK-1", NASTY, "%", "90", "81,17", "90,19%", "Baik"),),
        "diff_since": "b" * 40,
        "diff": (DiffLine("evaluations/2026-tw2/laporan.md", 3,
                          (("-", "lama "), ("+", NASTY), (" ", " sisa"))),),
    }
    base.update(extra)
    return Report(**base)  # type: ignore[arg-type]


def _links() -> Links:
    return Links(file=lambda p, line: f"{SERVER}/blob/{'a' * 40}/{p}" + (
        f"#L{line}" if line else ""), pdf=f"{SERVER}/actions/runs/1/artifacts/2",
        since=lambda sha: f"{SERVER}/commit/{sha}")


def _position() -> Position:
    return Position("Dikembalikan ke Tim SAKIP (langkah 5)", "Tim SAKIP",
                    ("Fajar Ramadhan (fajar-ramadhan)",),
                    (Return("Sekretaris", "rina-marlina", NASTY, f"{SERVER}/pull/7#r-1"),))


def test_a_hostile_report_renders_inert() -> None:
    body = render(_report(), _position(), _links())
    assert body.startswith(MARKER + "\n")
    rendered = markdown(body)
    assert "<img" not in rendered and "<pre" not in rendered and "<script" not in rendered
    assert all(re.fullmatch(r"[0-9a-f]{7}|evkin diff", c)
               for c in re.findall(r"<code>(.*?)</code>", rendered)), rendered
    hrefs = re.findall(r'href="([^"]*)"', rendered)
    assert hrefs and all(h.startswith(SERVER) for h in hrefs), hrefs
    assert "evil.example" not in " ".join(hrefs)
    assert len(re.findall(r"<h2>", rendered)) == 1 and "<h1>" not in rendered
    assert "<hr" not in rendered
    text = visible(rendered)
    assert not MENTION.search(text)
    # Forges autolink addresses in the rendered text too: none is left whole.
    assert "://" not in text and "www." not in text
    assert "kepala-dinas" in text and "<img src=x" in text  # shown as words, not dropped
    assert rendered.count("<table>") == 1
    # A path leaving the repository is shown but never linked.
    assert "../../etc/passwd" in text and "etc/passwd#" not in " ".join(hrefs)


def test_parse_report_refuses_unexpected_shapes() -> None:
    good = {"format": 1, "head": "c" * 40, "evaluation": "2026-tw2",
            "findings": [{"path": "a", "line": 3, "severity": "error", "message": "m"}]}
    assert parse_report(good).findings[0].line == 3
    for bad in ({**good, "format": 2}, {**good, "head": "HEAD"},
                {**good, "findings": [{"path": {"x": 1}}]},
                {**good, "findings": [{"path": "a", "line": -1}]},
                {**good, "diff": [{"path": "a", "line": 1, "segments": [["!", "x"]]}]},
                {**good, "diff_since": "main"}, [good]):
        try:
            parse_report(bad)
        except BadReport:
            continue
        raise AssertionError(f"accepted {bad}")
