"""Links between the archive's pages: the fast relative path is ``posixpath.relpath``'s."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from evkin.site.paths import relative, url

PART = st.sampled_from(["arsip", "2025", "2025-tahunan", "indikator", "ik-1", "lampiran", "a",
                        "b", "index.html", ".", "..", ""])
PATH = st.lists(PART, min_size=0, max_size=5).map("/".join)


@settings(max_examples=500, deadline=None)
@given(PATH, PATH)
def test_relative_is_relpath(target: str, base: str) -> None:
    if not target:
        return  # relpath refuses an empty path; no link names one
    assert relative(target, base) == posixpath.relpath(target, base or ".")


def test_links_between_pages() -> None:
    assert url("arsip/indikator/ik-1/index.md", "arsip/2025/2025-tahunan/index.md") == (
        "../../2025/2025-tahunan/index.html")
    assert url("index.md", "arsip/index.md#terbaru") == "arsip/index.html#terbaru"
    assert url("arsip/2025/2025-tahunan/index.md", "arsip/2025/2025-tahunan/index.md") == (
        "index.html")
