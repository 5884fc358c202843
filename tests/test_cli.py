"""The command line: help lists the subcommands, bad arguments exit 2 without a traceback."""

import os
import subprocess
import sys
from pathlib import Path

from .conftest import Run


def test_help_lists_subcommands(evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("--help")
    assert run.code == 0
    for name in ("new", "check", "summary"):
        assert f"    {name} " in run.out


def test_help_in_english(evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("--lang", "en", "check", "--help")
    assert "Exits 0 when clean" in run.out


def test_bad_arguments_exit_2(evkin) -> None:  # type: ignore[no-untyped-def]
    run: Run = evkin("summary")
    assert run.code == 2
    assert "Argumen tidak dapat dipakai" in run.err


def test_outside_a_repository(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "evkin", "check"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "evkin.yml tidak ditemukan" in result.stderr
    assert "Traceback" not in result.stderr


def test_lang_and_root_are_accepted_after_the_subcommand(evkin,  # type: ignore[no-untyped-def]
                                                          sample_repo: Path) -> None:
    run: Run = evkin("check", "2025-tahunan", "--lang", "en", "--root", str(sample_repo))
    assert run.code == 0, run.err
    assert "1 evaluation checked: no findings" in run.out + run.err


def test_usage_speaks_the_chosen_language(evkin) -> None:  # type: ignore[no-untyped-def]
    english: Run = evkin("gate", "--help", "--lang", "en")
    assert "usage: evkin gate" in english.out and "OWNER/NAME" in english.out
    assert "PEMILIK" not in english.out
    indonesian: Run = evkin("--help")
    assert indonesian.out.startswith("penggunaan: evkin") and "PERINTAH" in indonesian.out


def test_history_suggests_drafts_that_exist(evkin,  # type: ignore[no-untyped-def]
                                            sample_repo: Path) -> None:
    from .conftest import git

    report = sample_repo / "evaluations" / "2025-tahunan" / "laporan.md"
    one: Run = evkin("history", "2025-tahunan", root=sample_repo)
    assert "satu draf" in one.out and " 1 3" not in one.out
    report.write_text(report.read_text(encoding="utf-8") + "\nDraf kedua.\n", encoding="utf-8")
    git(sample_repo, "commit", "-q", "-am", "Draf kedua")
    two: Run = evkin("history", "2025-tahunan", root=sample_repo)
    assert "'evkin diff 2025-tahunan 1 2'" in two.out


def test_site_build_as_a_program_leaves_the_whole_site(tmp_path: Path) -> None:
    """``evkin site build`` ends its process at once when it returns (``cli._end_now``): the
    site, its search index and its manifest are all there, and the message is printed."""
    from tests.conftest import copy_sample

    root = copy_sample(tmp_path / "repo")
    env = {**os.environ, "EVKIN_KUNCI_CONTOH": "izinkan"}
    result = subprocess.run([sys.executable, "-m", "evkin", "site", "build"], cwd=root,
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Situs arsip dibuat" in result.stdout
    site = root / "site"
    assert (site / "manifest.json").is_file() and (site / "pagefind").is_dir()
    pdfs = sorted(site.rglob("*.pdf"))
    assert pdfs and all(p.read_bytes().rstrip().endswith(b"%%EOF") for p in pdfs)


def test_every_subcommand_says_what_it_does_apart_from_its_siblings() -> None:
    """`evkin comment --help` listed collect and post with one and the same line; each
    subcommand's help now tells it from the others (in both languages)."""
    import argparse

    from evkin import messages
    from evkin.cli import build_parser

    def twins(parser: argparse.ArgumentParser, path: str) -> list[str]:
        found = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = [choice.help for choice in action._choices_actions]
                found += [f"{path}: {h}" for h in set(helps) if helps.count(h) > 1 or not h]
                for name, sub in action.choices.items():
                    found += twins(sub, f"{path} {name}")
        return found

    try:
        for lang in ("id", "en"):
            messages.set_lang(lang)
            assert twins(build_parser(), "evkin") == [], lang
    finally:
        messages.set_lang(None)
