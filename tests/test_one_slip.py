"""One slip, one finding, in the file's own terms: a broken YAML file is not also reported as
missing every field the parser never reached, and the parser's English never reaches the user."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evkin.yamlfile import YamlProblem, parse

from .conftest import Run
from .test_check import edit

EVAL = "evaluations/2025-tahunan"
# Words of the YAML parsers' own messages (libyaml and PyYAML) that must not be shown as such.
PARSER_ENGLISH = re.compile(r"not allowed|did not find|could not find|found (?:character|"
                            r"unexpected|undefined)|while (?:scanning|parsing)|expected "
                            r"<|duplicate:|not-a-mapping")


def only_lines(run: Run) -> list[str]:
    return [line for line in run.out.splitlines() if line.startswith("evaluations/")]


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [
    (f"{EVAL}/tindak-lanjut.yml", "  uraian: Pelatihan tahap I",
     "  uraian: Tahap II: Pelatihan tahap I",
     "YAML tidak valid: ada titik dua diikuti spasi (': ') di dalam sebuah nilai. Bila titik "
     "dua itu bagian dari teks, apit seluruh nilainya dengan tanda kutip, mis. "
     "uraian: \"Tahap II: pelatihan\"."),
    (f"{EVAL}/evaluasi.yml", "judul: ", "judul: [",
     "YAML tidak valid: kurung [ atau { dibuka tetapi tidak ditutup."),
    (f"{EVAL}/rekomendasi.yml", "  tenggat: 2026-04-30", "  tenggat: 2026-04-30\n  tenggat: x",
     "YAML tidak valid: isian 'tenggat' ditulis dua kali. Hapus salah satunya."),
    (f"{EVAL}/rekomendasi.yml", "  penanggung_jawab: Sekretaris",
     "\tpenanggung_jawab: Sekretaris", "YAML tidak valid: ada karakter tab"),
    (f"{EVAL}/rekomendasi.yml", "tenggat: 2026-04-30", "tenggat: 31 Mei 2026",
     "'tenggat: 31 Mei 2026' bukan tanggal; bila maksudnya 31 Mei 2026, tulis 2026-05-31"),
])
def test_one_slip_gives_one_finding_in_indonesian(
        sample_repo: Path, evkin, rel: str, old: str, new: str,  # type: ignore[no-untyped-def]
        expected: str) -> None:
    line = edit(sample_repo, rel, old, new)
    run: Run = evkin("check", "2025-tahunan", root=sample_repo)
    assert run.code == 1
    lines = only_lines(run)
    assert len(lines) == 1, lines  # no "tambahkan '- rekomendasi'", no "isian wajib ada"
    assert lines[0].startswith(f"{rel}:")
    assert expected in lines[0]
    assert abs(int(lines[0].split(":")[1]) - line) <= 1  # the line the slip is on
    assert not PARSER_ENGLISH.search(run.out + run.err)


@pytest.mark.parametrize("text", [
    "a: b: c", "a: [1, 2", "a: {b: 1", "a: 'open", 'a: "x\\q"', "a: *nothing", "a: `x`",
    "a: 1\n b: 2\n- c", "- a\nb: 1", "a: 1\n---\nb: 2", "a:\n\t- 1", "a: 1\na: 2", "a: @x",
    "a: \"x\" y", "? [a]\n: 1",
])
def test_every_parser_problem_is_said_in_both_languages(text: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    from evkin.messages import t

    said_id = t("yaml.invalid", {"detail": caught.value.detail}, "id")
    said_en = t("yaml.invalid", {"detail": caught.value.detail}, "en")
    assert said_id.startswith("YAML tidak valid: ") and said_en.startswith("invalid YAML: ")
    assert "pesan pengurai YAML" not in said_id, (text, caught.value.raw)
    assert not PARSER_ENGLISH.search(said_id), said_id
