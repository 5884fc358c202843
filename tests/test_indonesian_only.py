"""Indonesian output stays Indonesian: argparse's errors, a missing page of ``site serve``,
certificate labels; and English output counts in English ("1 evaluation")."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from evkin.archive.certnames import name_text
from evkin.messages import t
from evkin.site.serve import start_background

# Sentences of Python's argparse and http.server that must not reach an Indonesian reader.
ENGLISH = re.compile(r"the following arguments|invalid choice|expected one argument|"
                     r"unrecognized arguments|choose from|Error response|File not found|"
                     r"Common Name|Organization")


@pytest.mark.parametrize("argv", [
    ("new",), ("check", "--format", "xx"), ("tidak-ada",), ("check", "--jobs"),
    ("status", "--today", "kemarin"), ("diff",), ("check", "--salah"),
])
def test_argument_errors_are_indonesian(evkin: Any, sample_repo: Path,
                                        argv: tuple[str, ...]) -> None:
    run = evkin(*argv, root=sample_repo)
    assert run.code == 2
    assert "Argumen tidak dapat dipakai: " in run.err and "Traceback" not in run.err
    assert not ENGLISH.search(run.err), run.err


def test_argument_errors_name_what_is_wrong(evkin: Any, sample_repo: Path) -> None:
    assert "argumen wajib belum diberikan: ID." in evkin("new", root=sample_repo).err
    assert ("argumen --format: pilihan 'xx' tidak dikenal; pilih salah satu dari 'text', "
            "'json', 'github'") in evkin("check", "--format", "xx", root=sample_repo).err
    english = evkin("--lang", "en", "new", root=sample_repo)
    assert "the following arguments are required: ID" in english.err


def test_english_counts_agree(evkin: Any, sample_repo: Path) -> None:
    run = evkin("--lang", "en", "check", "2025-tahunan", root=sample_repo)
    assert "1 evaluation checked: no findings." in run.err
    assert t("check.totals", {"evaluations": 11, "errors": 1, "bad": 1}, "en") == (
        "11 evaluations checked: 1 finding in 1 evaluation.")


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_a_missing_page_is_said_in_indonesian(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>Beranda</p>", encoding="utf-8")
    server, base = start_background(tmp_path)
    try:
        code, body = _get(base + "tidak-ada/")
        assert code == 404 and "Halaman tidak ditemukan" in body
        assert not ENGLISH.search(body)
        # The archive's own 404 page (MkDocs builds one) is served when there is one.
        (tmp_path / "404.html").write_text("<h1>404 — arsip</h1>", encoding="utf-8")
        assert _get(base + "hilang.html") == (404, "<h1>404 — arsip</h1>")
    finally:
        server.shutdown()
        server.server_close()


def test_certificate_names_use_indonesian_labels() -> None:
    from asn1crypto import x509

    name = x509.Name.build({"common_name": "BSrE CA", "organization_name": "BSSN",
                            "country_name": "ID"})
    assert name_text(name) == "Nama: BSrE CA, Organisasi: BSSN, Negara: ID"
    assert not ENGLISH.search(name_text(name))
