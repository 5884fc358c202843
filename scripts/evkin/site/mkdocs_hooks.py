"""MkDocs hook of the evkin archive: navigation, names and the preview flag from the file
``evkin site build`` writes (``docs/arsip/.situs.yml``), and the HTML stash.

Kept free of evkin imports so that ``mkdocs build`` works with MkDocs alone. Without the file
(pages not generated yet) it does nothing and MkDocs builds its default navigation.

The HTML stash: generated pages are almost all sanitized HTML that Python-Markdown would parse
(its raw-HTML preprocessor, then the tree processors) only to copy it. Each block evkin writes
sits between two marker lines (``safe.html_block``); ``on_page_markdown`` replaces it with a
paragraph holding a per-page random token, ``on_page_content`` puts the HTML back in its place.
A block is taken only where Python-Markdown would certainly have kept it as one raw block of its
own (marker at column 0, blank line before and after, no code fence on the page); a token
missing from the HTML stops the build rather than publish the page without its content.
``EVKIN_NO_HTML_STASH=1`` turns the stash off (the pages are valid Markdown either way).
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any

from evkin import environment
from evkin.site import search, template_code
from evkin.yamlfile import parse

SITE_FILE = Path("arsip") / ".situs.yml"
# Repeated from evkin.site.safe (no evkin imports here); a test checks they agree.
HTML_OPEN = "<!-- evkin:html -->"
HTML_CLOSE = "<!-- /evkin:html -->"
NO_STASH = environment.NO_HTML_STASH
TAB_LENGTH = 4  # Python-Markdown's default; MkDocs does not change it
FENCE = re.compile(r"^[ \t]*(?:`{3,}|~{3,})", re.M)
PREFIX = re.compile(r"EVKINHTML[0-9a-f]{32}X")  # a page's placeholder prefix
# A placeholder paragraph in the HTML (one pattern for every page: compiling one per page's
# prefix cost about 0.5 s of CPU over 2,300 pages).
_PLACEHOLDER = re.compile(rf"<p>({PREFIX.pattern})([0-9]+)</p>")
# src_uri -> (token prefix, blocks); filled by on_page_markdown, emptied by on_page_content.
_stash: dict[str, tuple[str, list[str]]] = {}


def on_config(config: Any) -> Any:
    path = Path(config["docs_dir"]) / SITE_FILE
    if not path.is_file():
        return config
    data = parse(path.read_text(encoding="utf-8")) or {}
    if data.get("nav"):
        config["nav"] = data["nav"]
    if data.get("nama_situs"):
        config["site_name"] = str(data["nama_situs"])
    if data.get("url") and not config.get("site_url"):
        config["site_url"] = str(data["url"])
    if data.get("logo"):
        config["theme"]["logo"] = str(data["logo"])
    if data.get("instansi") and not config.get("copyright"):
        config["copyright"] = str(data["instansi"])
    extra = config["extra"]
    extra["evkin"] = {"pratinjau": bool(data.get("pratinjau")),
                      "instansi": str(data.get("instansi") or "")}
    return config


def _normalise(markdown: str) -> str:
    """What Python-Markdown's first preprocessor does to the source (it is idempotent, so the
    stashed HTML is exactly the text Python-Markdown would have kept)."""
    source = markdown.replace("\x02", "").replace("\x03", "")
    source = source.replace("\r\n", "\n").replace("\r", "\n").expandtabs(TAB_LENGTH)
    return re.sub(r"(?<=\n) +\n", "\n", source)


def _stash_blocks(markdown: str, prefix: str) -> tuple[str, list[str]]:
    """The Markdown with every eligible marked block as a placeholder paragraph, and the
    blocks (the lines between the markers)."""
    lines = markdown.split("\n")
    out: list[str] = []
    blocks: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line == HTML_OPEN and (i == 0 or not lines[i - 1].strip()):
            end = i + 1
            while end < n and lines[end] not in (HTML_OPEN, HTML_CLOSE):
                end += 1
            if (end < n and lines[end] == HTML_CLOSE
                    and (end + 1 == n or not lines[end + 1].strip())):
                out.append(f"{prefix}{len(blocks)}")
                blocks.append("\n".join(lines[i + 1:end]))
                i = end + 1
                continue
        out.append(line)  # not a block we can vouch for: Python-Markdown reads it as usual
        i += 1
    return "\n".join(out), blocks


def on_pre_build(config: Any) -> None:
    _stash.clear()  # whatever a failed build (mkdocs serve) left behind


def on_env(env: Any, config: Any, files: Any) -> Any:
    """The templates' compiled code kept between builds (``template_code``)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = template_code.cache()
    return env


def on_post_build(config: Any) -> None:
    """The Pagefind index, unless ``evkin site build`` indexes later itself (it does, once the
    PDFs are in the pages)."""

    if not search.is_deferred():
        search.index_site(Path(config["site_dir"]))


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    key = page.file.src_uri
    _stash.pop(key, None)
    if environment.html_stash_off() or HTML_OPEN not in markdown:
        return markdown
    source = _normalise(markdown)
    if FENCE.search(source):  # a fence could hold a marker as code: leave the page as it is
        return markdown
    prefix = f"EVKINHTML{secrets.token_hex(16)}X"
    replaced, blocks = _stash_blocks(source, prefix)
    if not blocks:
        return markdown
    _stash[key] = (prefix, blocks)
    return replaced


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    entry = _stash.pop(page.file.src_uri, None)
    if entry is None:
        return html
    prefix, blocks = entry
    found = [0] * len(blocks)

    def restore(match: re.Match[str]) -> str:
        index = int(match.group(2))
        if match.group(1) != prefix or index >= len(blocks):
            return match.group(0)
        found[index] += 1
        return blocks[index]

    restored = _PLACEHOLDER.sub(restore, html)
    if found != [1] * len(blocks):
        from mkdocs.exceptions import PluginError

        missing = [i for i, count in enumerate(found) if count != 1]
        raise PluginError(
            f"evkin HTML stash: {page.file.src_uri}: block(s) {missing} not found exactly once "
            f"in the rendered page; build with {NO_STASH}=1 and report this page")
    return restored
