"""``evkin verify`` on what a user built on their own computer: after ``evkin site build`` (or
``evkin demo``) it compares with the local archive and says so; with nothing to compare it says
exactly what to run."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from .conftest import copy_sample, git


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_verify_after_a_local_site_build(tmp_path: Path, evkin: Any) -> None:
    root = copy_sample(tmp_path / "repo")
    settings = root / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "http://127.0.0.1:8000/", f"http://127.0.0.1:{_closed_port()}/"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Site address nobody serves")
    assert evkin("pdf", "2025-tahunan", "-o", str(tmp_path / "out"), root=root).code == 0
    pdf = tmp_path / "out" / "2025-tahunan.pdf"

    before = evkin("verify", str(pdf), root=root)
    assert before.code == 2
    assert "evkin site build" in before.err and "--archive" in before.err

    assert evkin("site", "build", root=root).code == 0
    genuine = evkin("verify", str(pdf), root=root)
    assert genuine.code == 0, genuine.out + genuine.err
    assert "ASLI" in genuine.out and "arsip lokal" in genuine.out
    assert "dibangun di komputer ini" in genuine.out
    # As a person runs it: the answer in Indonesian, no library's warning in between.
    typed = subprocess.run([sys.executable, "-m", "evkin", "verify", str(pdf)], cwd=root,
                           capture_output=True, text=True)
    assert typed.returncode == 0 and "ASLI" in typed.stdout, typed.stdout + typed.stderr
    assert "Warning" not in typed.stderr and "deprecated" not in typed.stderr, typed.stderr

    changed = tmp_path / "diubah.pdf"
    changed.write_bytes(pdf.read_bytes() + b"\n%")
    other = evkin("verify", str(changed), root=root)
    assert other.code == 1 and "TIDAK DIKENAL" in other.out
