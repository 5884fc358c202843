"""CI installs every program a test would otherwise skip without: a test skipped on a fresh CI
machine proves nothing (the TTE page test was, for want of poppler-utils)."""

from __future__ import annotations

import re

from .conftest import PROJECT

# Programs every CI image has (Debian's base, git and OpenSSH come with the runner; node with
# the npm steps).
BASE = {"bash", "git", "ssh-keygen", "node"}
# The Debian package that brings each program a test looks for.
PACKAGES = {"pdftoppm": "poppler-utils", "pdffonts": "poppler-utils",
            "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils",
            "soffice": "libreoffice-writer-nogui", "chromium": "chromium"}


def test_every_program_a_test_skips_without_is_installed_by_ci() -> None:
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    installed = set(re.findall(r"need\+=\(([^)\s]+)\)", ci))
    wanted: set[str] = set()
    for path in sorted((PROJECT / "tests").glob("*.py")):
        wanted |= set(re.findall(r'shutil\.which\("([^"]+)"\)', path.read_text(encoding="utf-8")))
    assert {"pdftoppm", "soffice"} <= wanted  # the two this test was written for
    unknown = sorted(wanted - BASE - set(PACKAGES))
    assert not unknown, f"name the Debian package of {unknown} in PACKAGES and .ci/run"
    missing = sorted({PACKAGES[p] for p in wanted - BASE} - installed)
    assert not missing, f".ci/run does not install {missing}"
    assert "apt-get install" in ci
