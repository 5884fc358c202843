"""CI installs every program a test would otherwise skip without: a test skipped on a fresh CI
machine proves nothing (the TTE page test was, for want of poppler-utils)."""

from __future__ import annotations

import re

from .conftest import PROJECT

# Programs every CI image has (Debian's base, git and OpenSSH come with the runner; node with
# the npm steps).
BASE = {"bash", "git", "ssh-keygen", "node"}


def test_every_program_a_test_skips_without_is_installed_by_ci() -> None:
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    installed = set(re.findall(r"command -v (\S+) >/dev/null 2>&1 \|\| need\+=", ci))
    wanted: set[str] = set()
    for path in sorted((PROJECT / "tests").glob("*.py")):
        wanted |= set(re.findall(r'shutil\.which\("([^"]+)"\)', path.read_text(encoding="utf-8")))
    assert "pdftoppm" in wanted and "soffice" in wanted  # the two this test was written for
    missing = sorted(wanted - BASE - installed)
    assert not missing, f".ci/run does not install {missing}"
    assert "apt-get install" in ci and "poppler-utils" in ci
