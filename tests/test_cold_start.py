"""A cold ``evkin pdf`` loads what it needs: not every other command's modules (the gate's
forge clients, publication, sealing), not pypandoc (the shipped pandoc is found by path). The
whole parser is still there for help and for a mistyped command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from evkin.render.markup import pandoc_path
from tests.conftest import git

PROBE = """
import sys
from evkin.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(",".join(sorted(m for m in sys.modules
                      if m.startswith(("evkin.", "pypandoc", "markdown_it", "cryptography", "git"))
                      and not m.startswith("markdown_it_pyrs"))))
"""


def loaded(*args: str, cwd: Path) -> tuple[set[str], str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True,
                          text=True, check=True)
    return set(done.stdout.strip().splitlines()[-1].split(",")), done.stdout + done.stderr


def test_a_cold_pdf_loads_only_its_own_command(sample_repo: Path, tmp_path: Path) -> None:
    modules, out = loaded("pdf", "2025-tahunan", "-o", str(tmp_path), cwd=sample_repo)
    assert (tmp_path / "2025-tahunan.pdf").is_file(), out
    assert "final" in out  # the approved inputs were read from git, at the approved commit
    assert "evkin.commands.pdf" in modules
    # GitPython: a final report's approved inputs come from one ``git cat-file --batch``.
    for heavy in ("evkin.forge", "evkin.commands.gate", "evkin.commands.publish", "pypandoc",
                  "evkin.archive.publish", "git", "markdown_it",
                  # the trail's Ed25519 signatures are checked without cryptography's SSH
                  # module (and the bcrypt and ciphers it imports)
                  "cryptography.hazmat.primitives.serialization.ssh"):
        assert heavy not in modules, heavy
    assert "cryptography.hazmat.primitives.asymmetric.ed25519" in modules  # checked, in-process


def test_a_cold_draft_loads_no_markdown_it_py_and_no_cryptography(sample_repo: Path,
                                                                   tmp_path: Path) -> None:
    """A draft without links: the Rust Markdown scan needs no markdown-it-py, and no trail
    means no signature to check (cryptography is imported where one is)."""
    git(sample_repo, "rm", "-q", "-r", "persetujuan")
    git(sample_repo, "commit", "-q", "-m", "Tanpa jejak")
    modules, out = loaded("pdf", "2025-tahunan", "-o", str(tmp_path), cwd=sample_repo)
    assert (tmp_path / "2025-tahunan.pdf").is_file(), out
    assert "draf" in out
    assert not {m for m in modules if m.startswith(("markdown_it", "cryptography"))}, modules


def test_help_and_typos_still_see_every_command(sample_repo: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "evkin", "--help"], cwd=sample_repo,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "portal" in done.stdout and "gate" in done.stdout
    done = subprocess.run([sys.executable, "-m", "evkin", "--lang", "en", "pdff"],
                          cwd=sample_repo, capture_output=True, text=True)
    assert done.returncode == 2 and "pdf" in done.stderr and "gate" in done.stderr
    done = subprocess.run([sys.executable, "-m", "evkin", "--lang", "en", "pdf", "--help"],
                          cwd=sample_repo, capture_output=True, text=True)
    assert done.returncode == 0 and "usage: evkin pdf" in done.stdout


def test_the_shipped_pandoc_is_found_without_pypandoc() -> None:
    import pypandoc

    assert Path(pandoc_path()).samefile(pypandoc.get_pandoc_path())


def test_pypandocs_setting_for_another_pandoc_is_kept(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    own = tmp_path / "pandoc"
    monkeypatch.setenv("PYPANDOC_PANDOC", str(own))
    assert pandoc_path() == str(own)


def test_the_evkin_program_ends_a_pdf_run_at_once_with_everything_done(
        sample_repo: Path, tmp_path: Path) -> None:
    """``evkin pdf`` ends its process without Python's teardown (``cli._end_now``): its code,
    its output (to a pipe), its PDF, its temporary folders and its exit handlers' work (the
    kept dataclass code, written under a bytecode cache prefix here) are all as before."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"TMPDIR": str(tmp), "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache")})
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "evkin", "pdf", "2025-tahunan", "-o", str(out)],
                          cwd=sample_repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("(final, ditandatangani)")
    assert (out / "2025-tahunan.pdf").read_bytes().startswith(b"%PDF-")
    assert list(tmp.iterdir()) == []  # pandoc's folder and the approved inputs' export
    assert list((tmp_path / "pycache").rglob("dataclass_code.*.code"))  # atexit ran
    done = subprocess.run([sys.executable, "-m", "evkin", "pdf", "2099-tahunan"],
                          cwd=sample_repo, env=env, capture_output=True, text=True)
    assert done.returncode == 2 and "2099-tahunan" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp.iterdir()) == []
