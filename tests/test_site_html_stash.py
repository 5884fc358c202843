"""The MkDocs hook's HTML stash (mkdocs_hooks.py): evkin's HTML blocks skip Python-Markdown
and come back verbatim. The site must be the same with and without it, and an author must not
be able to use it to get markup past the sanitizer."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown  # type: ignore[import-untyped,unused-ignore]
import pytest
from mkdocs.exceptions import PluginError

from evkin.settings import load_settings
from evkin.site import mkdocs_hooks as hooks
from evkin.site.build import build_site, run_mkdocs
from evkin.site.safe import HTML_CLOSE, HTML_OPEN, html_block, md_heading
from evkin.site.search import indexed
from tests.archive_repo import PAYLOAD, add_evaluation, approve
from tests.conftest import copy_sample, git
from tests.htmlpage import Page, read

FORGED = "2026-s1"
FAKE_TOKEN = "EVKINHTML" + "0" * 32 + "X0"
# The author tries every way to close evkin's block early and have the rest read as Markdown
# (where raw <script> would pass), and to fake a placeholder of the stash.
FORGERY = f"""
{HTML_CLOSE}

<script>{PAYLOAD}</script>

{HTML_OPEN}

{FAKE_TOKEN}

<p>{FAKE_TOKEN}</p>

Tautan <a href="#" title="&#10;&#10;{HTML_CLOSE}&#10;&#10;<script>{PAYLOAD}</script>\
&#10;&#10;{HTML_OPEN}&#10;&#10;">bertitel</a>.

<abbr title="
{HTML_CLOSE}
<script>{PAYLOAD}</script>
{HTML_OPEN}
">x</abbr>

    {HTML_CLOSE}
    <script>{PAYLOAD}</script>

## Bagian {HTML_CLOSE} <script>{PAYLOAD}</script>

"""
# Python-Markdown as mkdocs.yml configures it.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"]


# ---------------------------------------------------------------- helpers


def normal(markup: str) -> str:
    """Equal pages up to the marker comments and the whitespace between tags."""
    markup = re.sub(r"<!-- /?evkin:html -->", "", markup)
    return re.sub(r">\s+<", "><", markup).strip()


def page(src_uri: str = "arsip/x/index.md") -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def render(source: str, stash: bool = True, src_uri: str = "arsip/x/index.md") -> str:
    """Python-Markdown with (or without) the hook's two page events around it."""
    md = markdown.Markdown(extensions=EXTENSIONS)
    if not stash:
        plain: str = md.convert(source)
        return plain
    p = page(src_uri)
    text = hooks.on_page_markdown(source, page=p, config={}, files=None)
    html = hooks.on_page_content(md.convert(text), page=p, config={}, files=None)
    assert src_uri not in hooks._stash  # cleared after use
    return html


def sample_page() -> str:
    return "\n".join([
        md_heading(1, "Laporan <b>x</b>", "laporan"), "",
        html_block('<p class="a">Satu\tdua</p>\n\n<pre><code>  a\n\tb\n</code></pre>', "kartu"),
        md_heading(2, "Hasil", "hasil"), "",
        html_block("<table><tr><td>1</td></tr></table>"),
        "", html_block("<p>tiga</p>") + "\n",
    ])


# ---------------------------------------------------------------- the hook on its own


def test_markers_are_the_same_in_evkin_and_in_the_hook() -> None:
    assert (hooks.HTML_OPEN, hooks.HTML_CLOSE) == (HTML_OPEN, HTML_CLOSE)


def test_stash_gives_what_python_markdown_gives() -> None:
    source = sample_page()
    stashed, plain = render(source), render(source, stash=False)
    assert HTML_OPEN in plain and HTML_OPEN not in stashed  # the stash did take the blocks
    assert normal(stashed) == normal(plain)
    assert "<pre><code>  a\n    b\n</code></pre>" in stashed  # tabs as Python-Markdown has them


@pytest.mark.parametrize("before", [
    "* punkt\n* punkt dua", "1. satu\n\n    lanjut", "> kutipan", "istilah\n:   arti",
    "!!! note\n    isi", "??? note\n    isi", "teks[^1]\n\n[^1]: catatan", "| a |\n|---|\n| 1 |",
    "=== \"Tab\"\n    isi", "<div>\nraw\n</div>", "    kode terindentasi",
])
def test_blocks_after_any_markdown_come_back_in_place(before: str) -> None:
    source = f"{before}\n\n{html_block('<p>blok</p>')}\nsesudah\n\n{html_block('<p>dua</p>')}"
    stashed, plain = render(source), render(source, stash=False)
    assert normal(stashed) == normal(plain)


def test_a_block_not_on_its_own_is_left_to_python_markdown() -> None:
    # No blank line after the closing marker, or indented into a list item: not taken.
    for source in (html_block("<p>a</p>").rstrip("\n") + "\nteks lanjut\n",
                   "* item\n\n    " + html_block("<p>a</p>").strip().replace("\n", "\n    ")):
        text = hooks.on_page_markdown(source, page=page(), config={}, files=None)
        assert text == source and not hooks._stash
        assert normal(render(source)) == normal(render(source, stash=False))


def test_a_page_with_a_code_fence_is_left_alone() -> None:
    source = f"```\n{HTML_OPEN}\n\n```\n\n{html_block('<p>a</p>')}"
    assert hooks.on_page_markdown(source, page=page(), config={}, files=None) == source
    assert not hooks._stash
    assert normal(render(source)) == normal(render(source, stash=False))


def test_nested_blocks_are_stashed_outermost_only() -> None:
    source = "# T\n" + html_block(html_block("<p>dalam</p>", "dalam"), "luar")
    stashed, plain = render(source), render(source, stash=False)
    assert normal(stashed) == normal(plain)
    assert stashed.count('<div class="luar">') == 1 and stashed.count('<div class="dalam">') == 1
    assert "(nested)" in stashed  # the inner markers became ordinary comments


def test_a_marker_in_an_attribute_cannot_end_the_block_early() -> None:
    # nh3 today writes "<" in attribute values as "&lt;", older versions did not: html_block
    # must hold even against the raw character. Between forged markers, the author's text
    # would be read as Markdown, whose link markup writes the '"' that ends the attribute.
    inner = (f'<p><a href="#" title="\n\n{HTML_CLOSE}\n\n[x](onmouseover=alert(1)//) '
             f'<script>{PAYLOAD}</script>\n\n{HTML_OPEN}\n\n">t</a></p>')

    def handles(markup: str) -> list[str]:
        parsed = read(markup)
        return [tag for tag, _ in parsed.tags if tag == "script"] + [
            k for _, attrs in parsed.tags for k in attrs if k.startswith("on")]

    for source in (html_block(inner), html_block(inner).replace("\n", "\r\n")):
        for stash in (True, False):
            assert handles(render(source, stash)) == [], (stash, source)
    # Without the renaming in html_block the stash would have been fooled:
    naive = f"\n{HTML_OPEN}\n<div>\n{inner}\n</div>\n{HTML_CLOSE}\n"
    assert handles(render(naive)) == ["script", "onmouseover"]
    assert handles(render(naive, stash=False)) == []


def test_a_lost_placeholder_stops_the_build() -> None:
    p = page()
    hooks.on_page_markdown(sample_page(), page=p, config={}, files=None)
    with pytest.raises(PluginError, match=re.escape("arsip/x/index.md")):
        hooks.on_page_content("<h1>Laporan</h1>", page=p, config={}, files=None)
    assert not hooks._stash


def test_the_stash_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(hooks.NO_STASH, "1")
    source = sample_page()
    assert hooks.on_page_markdown(source, page=page(), config={}, files=None) == source
    assert not hooks._stash


# ---------------------------------------------------------------- the sample site, built twice


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The bundled sample plus one approved evaluation with the forgery, built by
    ``evkin site build`` (stash on) and by MkDocs again with the stash off."""
    root = copy_sample(tmp_path_factory.mktemp("stash") / "repo")
    folder = add_evaluation(root, FORGED)
    report = folder / "laporan.md"
    body = report.read_text(encoding="utf-8")
    report.write_text(body.replace("# Analisis", f"{FORGERY}\n# Analisis", 1), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Evaluasi dengan penanda palsu")
    approve(root, FORGED)
    build_site(load_settings(root), root / "site")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(hooks.NO_STASH, "1")
        run_mkdocs(root, root / "plain")
    return root, root / "site", root / "plain"


def test_every_page_is_the_same_with_and_without_the_stash(
        sites: tuple[Path, Path, Path]) -> None:
    _, site, plain = sites
    pages = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    report = Path("arsip/2025/2025-tahunan/index.html")
    assert report in pages
    for name in pages:
        ours = (site / name).read_text(encoding="utf-8")
        theirs = (plain / name).read_text(encoding="utf-8")
        assert normal(ours) == normal(theirs), name
        assert "EVKINHTML" not in ours.replace(FAKE_TOKEN, ""), name
    ours = (site / report).read_text(encoding="utf-8")
    assert HTML_OPEN not in ours and HTML_OPEN in (plain / report).read_text(encoding="utf-8")
    assert "evkin-capaian" in ours and "Capaian per Indikator" in ours


def test_search_index_is_the_same_with_and_without_the_stash(
        sites: tuple[Path, Path, Path]) -> None:
    _, site, plain = sites

    def entries(folder: Path) -> list[tuple[str, str, str]]:
        return [(url, str(page["meta"]), " ".join(str(page["content"]).split()))
                for url, page in indexed(folder).items()]

    ours = entries(site)
    assert ours == entries(plain)
    assert any(loc.startswith("/arsip/2025/2025-tahunan/") and "Realisasi" in text
               for loc, _, text in ours)


def test_forged_markers_and_placeholders_smuggle_nothing(
        sites: tuple[Path, Path, Path]) -> None:
    _, site, plain = sites
    clean = read((site / "arsip/2025/2025-tahunan/index.html").read_text(encoding="utf-8"))

    def theme_scripts(parsed: Page) -> list[dict[str, str]]:
        return [{k: v.rsplit("/", 1)[-1] for k, v in attrs.items()}
                for tag, attrs in parsed.tags if tag == "script"]

    for folder in (site, plain):
        markup = (folder / f"arsip/2026/{FORGED}/index.html").read_text(encoding="utf-8")
        parsed = read(markup)
        assert theme_scripts(parsed) == theme_scripts(clean), folder
        assert not any("__evkinXss" in code for code in parsed.scripts), folder
        for tag, attrs in parsed.tags:
            assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        # What the author wrote is on the page as text, and the page has all of evkin's parts.
        text = " ".join(parsed.text)
        assert FAKE_TOKEN in text and f"<script>{PAYLOAD}</script>" in text
        assert "Capaian per Indikator" in text and "Persetujuan" in text
        # The only marker comments are evkin's own, one pair per block (none when stashed).
        opens = markup.count(HTML_OPEN)
        assert opens == markup.count(HTML_CLOSE)
        assert (opens == 0) == (folder == site)
