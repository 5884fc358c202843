"""The archive builds on ProperDocs too (the maintained continuation of MkDocs 1.x): evkin writes
every page as a plain file before the build, so the engine that turns them into HTML can change.

The pages ``evkin site build`` generated are built again by ``properdocs build`` from the
repository's own ``mkdocs.yml``: the same HTML (but for the generator's name), the same PDFs,
the same search index."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from evkin.settings import load_settings
from evkin.site.build import build_site
from evkin.site.search import indexed
from tests.archive_repo import make_archive_repo
from tests.conftest import PROJECT

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    root = make_archive_repo(tmp_path / "repo")
    build_site(load_settings(root), root / "site")
    (root / "scripts").symlink_to(PROJECT / "scripts")
    shutil.copyfile(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    out = tmp_path / "properdocs"
    done = subprocess.run([sys.executable, "-m", "properdocs", "build", "-q", "-f",
                           str(root / "mkdocs.yml"), "-d", str(out)], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    ours = sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert ours == theirs
    assert Path("arsip/2025/2025-tahunan/index.html") in ours
    engines = set()
    for rel in ours:
        a, b = (root / "site" / rel).read_bytes(), (out / rel).read_bytes()
        if rel.suffix == ".html":
            engines.update(GENERATOR.findall(b.decode("utf-8")))
            a = GENERATOR.sub("", a.decode("utf-8")).encode()
            b = GENERATOR.sub("", b.decode("utf-8")).encode()
        if rel.name.startswith("sitemap.xml"):
            continue  # dates of the build
        assert a == b, rel
    assert any("ProperDocs" in e for e in engines), engines  # it was ProperDocs that built it
    found = indexed(out)
    assert "/arsip/2025/2025-tahunan/index.html" in found
    assert found == indexed(root / "site")
