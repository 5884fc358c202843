"""evkin.yml is declared once (``settings_schema``): unknown keys and values of the wrong shape
are refused at their line, with a did-you-mean, at every level; every evkin.yml the project
shows (the sample, the guides' snippets) loads clean; the guide's reference is the declaration."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from evkin.approval.trust import committed_settings
from evkin.cli import main
from evkin.findings import EvkinError
from evkin.messages import set_lang
from evkin.portal.config import load as load_portal
from evkin.settings import (
    APPROVAL_MODES,
    FORMULAS,
    LIMIT_KEYS,
    PAPERS,
    TTE_PROVIDERS,
    Agency,
    load_settings,
    parse_settings,
)
from evkin.settings_doc import render_reference, stale
from evkin.settings_schema import PORTAL_SCHEMA, SCHEMA, check_structure, walk
from evkin.yamlfile import LinedDict, parse

from .conftest import PROJECT, SAMPLE, copy_sample, git

SAMPLE_TEXT = (SAMPLE / "evkin.yml").read_text(encoding="utf-8")


def _refused(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "assets").mkdir(exist_ok=True)
    (tmp_path / "assets" / "lambang-contoh.svg").write_text("<svg/>")
    with pytest.raises(EvkinError) as caught:
        parse_settings(text, tmp_path)
    return [f.render() for f in caught.value.findings]


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(("old", "new", "said"), [
    ("  kertas: A4", "  kertass: A4", "isian 'dokumen.kertass' tidak dikenal; maksudnya "
     "'dokumen.kertas'?"),
    ("  formula_negatif: A", "  formula_negative: A", "maksudnya 'capaian.formula_negatif'?"),
    ("situs:\n  url: http://127.0.0.1:8000/", "situs_url: http://127.0.0.1:8000/",
     "isian 'situs_url' tidak dikenal; maksudnya 'situs.url'?"),
    ("    login: rina-marlina", "    logn: rina-marlina",
     "maksudnya 'pejabat.sekretaris.login'?"),
    ("      login: nurul-aini", "      kunci_sh: x", "maksudnya 'pejabat.tim_sakip[2].kunci_ssh'?"),
    ("{predikat: Tinggi, lebih_dari: 75, sampai: 90}",
     "{predikat: Tinggi, lebih_dari: 75, sampa: 90}", "maksudnya 'capaian.predikat[2].sampai'?"),
    ("  kertas: A4", "  kertas\u00a0: A4", "karakter tak terlihat"),
    ("  formula_negatif: A", "  pembulatan: 2\n  formula_negatif: A",
     "isian 'capaian.pembulatan' tidak dikenal di sini; yang dikenal: formula_negatif, "
     "batas_atas, predikat."),
])
def test_a_misspelled_key_is_named_at_its_line_with_a_guess(
        tmp_path: Path, old: str, new: str, said: str) -> None:
    assert old in SAMPLE_TEXT
    text = SAMPLE_TEXT.replace(old, new, 1)
    out = _refused(tmp_path, text)
    line = _line(text, new.splitlines()[0])
    assert len(out) == 1, out
    assert out[0].startswith(f"evkin.yml:{line}: ") and said in out[0], out


def test_unknown_keys_inside_tte_and_persetujuan_and_batas(tmp_path: Path) -> None:
    text = SAMPLE_TEXT + ("\ntte:\n  penyedia: bsre\n  cap_waktuu: https://tsa.example/\n"
                          "persetujuan:\n  cara: forge\n  kunci_dicabut:\n"
                          "    - {kunci: ssh-ed25519 AAAA, sejak: 2026-01-01, alsan: hilang}\n"
                          "batas:\n  ukuran_gambar: 20\n")
    out = _refused(tmp_path, text)
    assert any(o.startswith(f"evkin.yml:{_line(text, 'cap_waktuu')}: ")
               and "maksudnya 'tte.cap_waktu'?" in o for o in out), out
    assert any("maksudnya 'persetujuan.kunci_dicabut[1].alasan'?" in o for o in out), out
    assert any("maksudnya 'batas.ukuran_gambar_mb'?" in o for o in out), out


@pytest.mark.parametrize(("old", "new", "said"), [
    ("  kertas: A4          # A4 (210 x 297 mm) atau F4 (215 x 330 mm)\n  huruf:",
     "  - kertas: A4\n  - huruf:",
     "'dokumen' harus berupa kumpulan isian (kunci: nilai) di baris-baris berikutnya, bukan "
     "daftar."),
    ("  predikat:\n", "  predikat: Sangat Tinggi\n  lama:\n", "'capaian.predikat' harus berupa"),
    ("  kepala_dinas:\n    nama: Ir. Hendra Saputra, M.T.",
     "  kepala_dinas:\n    nama: [Ir. Hendra Saputra, M.T.]",
     "'pejabat.kepala_dinas.nama' harus berupa teks satu baris, bukan daftar."),
])
def test_a_value_of_the_wrong_shape_is_said_once(
        tmp_path: Path, old: str, new: str, said: str) -> None:
    assert old in SAMPLE_TEXT
    out = _refused(tmp_path, SAMPLE_TEXT.replace(old, new, 1))
    assert any(said in o for o in out), out
    assert len([o for o in out if "harus berupa" in o]) == 1, out


def test_messages_in_english_too(tmp_path: Path) -> None:
    set_lang("en")
    try:
        out = _refused(tmp_path, SAMPLE_TEXT.replace("  kertas: A4", "  kertass: A4"))
    finally:
        set_lang("id")
    assert "unknown key 'dokumen.kertass'; did you mean 'dokumen.kertas'?" in out[0]


def test_a_committed_version_with_a_key_since_unknown_still_reads(tmp_path: Path) -> None:
    """Approvals recorded under an accepted evkin.yml keep verifying: only the working copy
    is held to the declaration."""
    settings = parse_settings(SAMPLE_TEXT + "\nlama_tak_dipakai: 1\n", SAMPLE, strict=False)
    assert settings.paper == "A4"


def test_every_evkin_yml_snippet_in_the_readme_and_guides_is_declared() -> None:
    fence = re.compile(r"^([ \t]*)```ya?ml[^\n]*\n(.*?)^\1```", re.S | re.M)
    checked = 0
    for path in [PROJECT / "README.md", *sorted((PROJECT / "docs").rglob("*.md"))]:
        # portal.yml, a file of its own, declared the same way
        schema = PORTAL_SCHEMA if path.name == "portal.md" else SCHEMA
        text = path.read_text(encoding="utf-8")
        for match in fence.finditer(text):
            raw = parse(match.group(2))
            if not isinstance(raw, LinedDict) or not {o.key for o in schema} & set(raw):
                continue
            checked += 1
            where = f"{path.relative_to(PROJECT)}:{text[:match.start()].count(chr(10)) + 1}"
            assert check_structure(raw, where, schema) == [], where
    assert checked >= 7


def test_the_sample_uses_only_declared_keys_and_declares_its_defaults() -> None:
    raw = parse(SAMPLE_TEXT)
    assert isinstance(raw, LinedDict)
    assert check_structure(raw, "evkin.yml") == []
    settings = load_settings(SAMPLE)
    declared = dict(walk())
    assert declared["dokumen.kertas"].default == settings.paper
    assert declared["dokumen.huruf"].default == ", ".join(settings.fonts)
    assert declared["persetujuan.cara"].default == settings.approval_mode
    assert declared["instansi.zona_waktu"].default == settings.zone
    assert declared["tte.perbarui_hari"].default == str(settings.tte.renew_days)
    assert declared["tte.alasan"].default == settings.tte.reason
    assert declared["tte.alamat_verifikasi"].default == settings.tte.verify_url


def test_every_declared_option_says_what_it_is_for() -> None:
    for path, option in walk():
        assert option.doc and option.step, path
        assert re.fullmatch(r"[1-8](?:[–,] ?[1-8])*", option.step), path


def test_the_guide_shows_the_declaration() -> None:
    page = PROJECT / "docs" / "panduan" / "pengaturan.md"
    assert not stale(page.read_text(encoding="utf-8")), (
        "docs/panduan/pengaturan.md differs from evkin.settings_schema: "
        "run `python -m evkin.settings_doc`")
    for path, _ in walk():
        assert f"`{path}`" in render_reference(), path


def test_check_reports_an_unknown_key_as_a_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_sample(tmp_path / "repo", init_git=False)
    settings = root / "evkin.yml"
    settings.write_text(SAMPLE_TEXT.replace("  kertas: A4", "  kertass: A4"), encoding="utf-8")
    line = _line(SAMPLE_TEXT, "  kertas: A4")
    said = "isian 'dokumen.kertass' tidak dikenal; maksudnya 'dokumen.kertas'?"
    assert main(["--root", str(root), "check"]) == 2
    out, err = capsys.readouterr()
    assert f"evkin.yml:{line}: {said}" in err and "Traceback" not in out + err
    assert main(["--root", str(root), "check", "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert [(f["path"], f["line"], f["code"]) for f in report["settings"]] == [
        ("evkin.yml", line, "settings.key_unknown_guess")]
    assert said in report["settings"][0]["message"]
    assert main(["--root", str(root), "pdf", "2024-tahunan"]) == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize(("old", "new", "said"), [
    ("pejabat:\n  kepala_dinas:", "pejabat: [kepala_dinas]\nlama:\n  kepala_dinas:",
     "'pejabat' harus berupa kumpulan isian (kunci: nilai) di baris-baris berikutnya, bukan "
     "daftar."),
    ("situs:\n  url: http://127.0.0.1:8000/", "situs: http://127.0.0.1:8000/",
     "'situs' harus berupa kumpulan isian (kunci: nilai) di baris-baris berikutnya, bukan teks"),
    ("pencatat:\n  kunci:\n", "pencatat:\n  kunci:\n    a: b\n  lama:\n",
     "'pencatat.kunci' harus berupa teks atau daftar teks, bukan kumpulan isian"),
])
def test_a_list_or_text_where_a_map_belongs_and_back(
        tmp_path: Path, old: str, new: str, said: str) -> None:
    assert old in SAMPLE_TEXT
    out = _refused(tmp_path, SAMPLE_TEXT.replace(old, new, 1))
    assert any(said in o for o in out), out
    assert not any("Traceback" in o for o in out)


def test_tte_or_persetujuan_as_a_list_is_refused_at_its_line(tmp_path: Path) -> None:
    for section in ("tte", "persetujuan", "batas"):
        text = SAMPLE_TEXT + f"\n{section}:\n  - penyedia: bsre\n"
        out = _refused(tmp_path, text)
        assert out == [f"evkin.yml:{_line(text, section + ':')}: '{section}' harus berupa "
                       "kumpulan isian (kunci: nilai) di baris-baris berikutnya, bukan daftar. "
                       "Lihat contohnya di docs/panduan/pengaturan.md."], out


# Where a stray key can land: (a line of the sample it follows, its indent, the keys there).
PLACES = [("  kertas: A4", "  ", {"kertas", "huruf"}),
          ("    login: rina-marlina", "    ",
           {"nama", "jabatan", "pangkat", "nip", "login", "surel", "kunci_ssh"}),
          ("  url: http://127.0.0.1:8000/", "  ", {"url"}),
          ("  zona_waktu: Asia/Jakarta", "  ", {o.key for o in SCHEMA[0].children})]


@settings(max_examples=60, deadline=None)
@given(place=st.sampled_from(PLACES),
       key=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_\u00a0", min_size=1, max_size=16))
def test_any_stray_key_anywhere_is_refused_at_its_line(
        place: tuple[str, str, set[str]], key: str) -> None:
    after, indent, known = place
    assume(key not in known and key.strip("\u00a0"))
    lines = SAMPLE_TEXT.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(after)) + 1
    text = "\n".join([*lines[:at], f"{indent}{key}: 1", *lines[at:]]) + "\n"
    with pytest.raises(EvkinError) as caught:
        parse_settings(text, SAMPLE, files=False)
    found = {(f.line, f.code) for f in caught.value.findings}
    assert any(line == at + 1 and (code.startswith("settings.key_") or code == "yaml.invalid")
               for line, code in found), found


def test_portal_yml_is_declared_the_same_way(tmp_path: Path) -> None:
    bundled = PROJECT / "contoh" / "portal" / "portal.yml"
    assert load_portal(bundled).agencies
    text = bundled.read_text(encoding="utf-8")
    assert "kunci_pencatat:" in text
    path = tmp_path / "portal.yml"
    path.write_text(text.replace("    kunci_pencatat:", "    kunci_pencatatt:", 1),
                    encoding="utf-8")
    with pytest.raises(EvkinError) as caught:
        load_portal(path)
    out = [f.render() for f in caught.value.findings]
    assert out == [f"portal.yml:{_line(text, '    kunci_pencatat:')}: isian "
                   "'instansi[1].kunci_pencatatt' tidak dikenal; maksudnya "
                   "'instansi[1].kunci_pencatat'? Perbaiki ejaannya (evkin tidak memakai isian "
                   "yang tidak dikenalnya). Daftar isian: docs/panduan/portal.md."], out


def test_the_declaration_and_the_reader_agree_on_choices_and_limits() -> None:
    declared = dict(walk())
    assert {o.key for o in declared["batas"].children} == set(LIMIT_KEYS)
    assert declared["dokumen.kertas"].choices == PAPERS
    assert declared["capaian.formula_negatif"].choices == FORMULAS
    assert declared["persetujuan.cara"].choices == APPROVAL_MODES
    assert declared["tte.penyedia"].choices == TTE_PROVIDERS
    assert declared["instansi.kota"].default == Agency.__dataclass_fields__["kota"].default


def test_a_committed_evkin_yml_with_an_unknown_key_still_vouches(tmp_path: Path) -> None:
    """Upgrading evkin does not unsettle what was approved: the committed settings (roles for
    trails, the gate's base) read without the unknown-key check; the working copy is refused."""
    root = copy_sample(tmp_path / "repo", init_git=False)
    (root / "evkin.yml").write_text(SAMPLE_TEXT + "\nlama_tak_dikenal: 1\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Pengaturan lama")
    committed = committed_settings(root)
    assert committed is not None and committed.roles.sekretaris.login == "rina-marlina"
    with pytest.raises(EvkinError) as caught:
        load_settings(root)
    assert [f.code for f in caught.value.findings] == ["settings.key_unknown"]
