"""A killed run (a cancelled CI job, a closed terminal) leaves no temporary folder and no orphaned
child process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import copy_sample

SHIM = """#!/bin/sh
if [ "$1" = "--version" ]; then echo "pandoc 3.1.11"; exit 0; fi
echo $$ > "{pidfile}"
echo go > "{fifo}"
exec sleep 600
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def _gone(pid: int) -> bool:
    """Whether the killed process has died. A SIGKILL is delivered asynchronously: on a loaded
    machine /proc may still show the process running for a moment after evkin exits, so look
    again (bounded) before calling it orphaned."""
    for _ in range(100):
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def _wait_for(fifo: Path, run: subprocess.Popen[str], limit: float = 120) -> None:
    """Wait for the stand-in to say "go" through the FIFO; fail (never hang) when evkin ends
    without starting pandoc, or nothing comes within ``limit`` seconds."""
    import select

    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        deadline = time.monotonic() + limit
        got = b""
        while b"go" not in got:
            assert run.poll() is None, f"evkin ended (exit {run.returncode}) before pandoc"
            assert time.monotonic() < deadline, "pandoc was not started"
            ready, _, _ = select.select([fd], [], [], 0.2)
            chunk = os.read(fd, 64) if ready else b""
            got += chunk
            if not chunk:
                time.sleep(0.05)  # no writer yet: the FIFO reads as empty
    finally:
        os.close(fd)


def test_sigterm_during_pdf_removes_the_pandoc_folder_and_process(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    pidfile = tmp_path / "pandoc.pid"
    fifo = tmp_path / "started"
    os.mkfifo(fifo)
    # A stand-in pandoc that records its pid, says so through the FIFO (so the test waits for it
    # without polling or timing) and then hangs like a pandoc run on a huge document.
    shim = tmp_path / "pandoc"
    shim.write_text(SHIM.format(pidfile=pidfile, fifo=fifo), encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "PYPANDOC_PANDOC": str(shim), "TMPDIR": str(tmp)}
    run = subprocess.Popen([sys.executable, "-m", "evkin", "--root", str(root), "pdf",
                            "2025-tahunan", "-o", str(tmp_path / "out")], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for(fifo, run)
    pandoc = int(pidfile.read_text().strip())
    assert _alive(pandoc) and any(tmp.glob("evkin-pandoc-*"))
    run.send_signal(signal.SIGTERM)
    try:
        _, err = run.communicate(timeout=120)
    finally:
        orphaned = not _gone(pandoc)
        if orphaned:
            os.kill(pandoc, signal.SIGKILL)  # the failure is reported, not left running
    assert run.returncode == 130 and "Dihentikan." in err and "Traceback" not in err
    assert not orphaned
    assert list(tmp.iterdir()) == []
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
