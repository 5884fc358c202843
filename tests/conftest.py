"""Shared fixtures: a real git repository holding a copy of the bundled sample."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from evkin import messages

# The bundled sample (never the repository's own evkin.yml, evaluations/ or persetujuan/,
# which the agency edits) and its record key, standing for the workflow's EVKIN_RECORD_KEY.
from evkin.bundled import SAMPLE, SAMPLE_PARTS, SAMPLE_RECORD_KEY
from evkin.cli import main

PROJECT = Path(__file__).resolve().parents[1]
# The sample's trails are signed with the sample record key (private half in the repository):
# it counts only in `evkin demo` and here; tests of its refusal remove this.
os.environ["EVKIN_KUNCI_CONTOH"] = "izinkan"


def record_signed(trail: Any) -> Any:
    """``trail`` signed as the after-merge step signs it, with the sample record key."""
    from evkin.approval.trail import sign_record

    return sign_record(trail, SAMPLE_RECORD_KEY.read_text(encoding="ascii"))



def ssh_keys(folder: Path, names: Iterable[str]) -> dict[str, Path]:
    """ed25519 keys without passphrase, one per name (its comment), made by ssh-keygen."""
    out = {}
    for name in names:
        path = folder / name
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f",
                        str(path)], check=True)
        out[name] = path
    return out

@pytest.fixture
def record_key(monkeypatch: pytest.MonkeyPatch) -> str:
    """The publishing workflow's record key in the environment, as the secret gives it."""
    key = SAMPLE_RECORD_KEY.read_text(encoding="ascii")
    monkeypatch.setenv("EVKIN_RECORD_KEY", key)
    return key


@dataclass
class Run:
    code: int
    out: str
    err: str


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Tim SAKIP", "GIT_AUTHOR_EMAIL": "sakip@example.id",
           "GIT_COMMITTER_NAME": "Tim SAKIP", "GIT_COMMITTER_EMAIL": "sakip@example.id"}
    result = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                            text=True)
    return result.stdout.strip()


def copy_sample(dest: Path, init_git: bool = True) -> Path:
    """Copy the sample repository content into ``dest`` and commit it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SAMPLE_PARTS:
        src = SAMPLE / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    if init_git:
        git(dest, "init", "-q", "-b", "main")
        git(dest, "add", "-A")
        git(dest, "commit", "-q", "-m", "Sample evaluations")
    return dest


def draft_branch(root: Path, report: str, second: str, branch: str = "draf-2025"
                 ) -> tuple[str, str]:
    """On ``branch`` of a sample copy, two drafts of ``report``: (old, head) shas.

    The branch stays checked out; the caller returns to ``main`` when it needs the base.
    """
    git(root, "checkout", "-q", "-b", branch)
    with (root / report).open("a", encoding="utf-8") as fh:
        fh.write("\nDraf pertama.\n")
    git(root, "commit", "-q", "-am", "Draf pertama")
    old = git(root, "rev-parse", "HEAD")
    with (root / report).open("a", encoding="utf-8") as fh:
        fh.write(f"\n{second}\n")
    git(root, "commit", "-q", "-am", "Draf kedua")
    return old, git(root, "rev-parse", "HEAD")


@pytest.fixture
def sample_repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo")


@pytest.fixture(autouse=True)
def _indonesian(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in the default language, whatever the machine says."""
    monkeypatch.delenv("EVKIN_LANG", raising=False)
    messages.set_lang(None)
    yield
    messages.set_lang(None)


@pytest.fixture
def evkin(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run the CLI in-process: ``evkin("check", root=path)`` → Run(code, out, err)."""

    def run(*args: str, root: Path | None = None) -> Run:
        argv = [*(("--root", str(root)) if root else ()), *args]
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's own exits (--help, bad arguments)
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        messages.set_lang(None)
        return Run(code, captured.out, captured.err)

    return run


def smoke_output(benchmark: str) -> str:
    """What ``benchmarks/<benchmark>.py --smoke`` prints, once it has run to the end."""
    done = subprocess.run([sys.executable, str(PROJECT / "benchmarks" / f"{benchmark}.py"),
                           "--smoke"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
