"""Remembered page templates: pages no build used for a month are forgotten, the rest kept."""

from __future__ import annotations

import os
import time
from pathlib import Path

from evkin.site import template_cache


def test_pages_unused_for_a_month_are_forgotten(tmp_path: Path) -> None:
    old, recent = tmp_path / "lama.html", tmp_path / "baru.html"
    old.write_text("<html>lama</html>", encoding="utf-8")
    recent.write_text("<html>baru</html>", encoding="utf-8")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    template_cache.prune(tmp_path)
    assert not old.exists() and recent.is_file()
    template_cache.prune(tmp_path / "tidak-ada")  # no folder yet: nothing to do
