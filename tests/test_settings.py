"""evkin.yml: validated with located messages; NIP and predikat scale rules."""

from pathlib import Path

import pytest

from evkin import nip
from evkin.findings import EvkinError
from evkin.settings import load_settings, parse_settings

from .conftest import SAMPLE


def test_bundled_settings_load() -> None:
    settings = load_settings(SAMPLE)
    assert settings.roles.kepala_dinas.nip_spaced == "19700312 199503 1 002"
    assert settings.roles.role_of_login("RINA-MARLINA") == "sekretaris"
    assert settings.paper == "A4"
    assert "Kendala" in settings.section_titles("faktor_penghambat")


@pytest.mark.parametrize(("value", "code"), [
    ("19720925 199803 1 003", None),
    ("1972092519980310", "nip.length"),
    ("19721325 199803 1 003", "nip.birth"),
    ("19720925 199813 1 003", "nip.appointment"),
    ("19720925 197803 1 003", "nip.appointment"),
    ("19720925 199803 3 003", "nip.sex"),
])
def test_nip_validation(value: str, code: str | None) -> None:
    assert nip.problem(value) == code


def _settings_with(tmp_path: Path, old: str, new: str) -> list[str]:
    text = (SAMPLE / "evkin.yml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "assets").mkdir(exist_ok=True)
    (tmp_path / "assets" / "lambang-contoh.svg").write_text("<svg/>")
    with pytest.raises(EvkinError) as caught:
        parse_settings(text.replace(old, new), tmp_path)
    return [f.render() for f in caught.value.findings]


def test_bad_nip_is_located(tmp_path: Path) -> None:
    out = _settings_with(tmp_path, "nip: 19700312 199503 1 002", "nip: 19701312 199503 1 002")
    line = next(i for i, text in enumerate(
        (SAMPLE / "evkin.yml").read_text(encoding="utf-8").splitlines(), 1) if "19700312" in text)
    assert out == [f"evkin.yml:{line}: NIP kepala_dinas '19701312 199503 1 002': 8 angka "
                   "pertama bukan tanggal lahir yang sah (TTTTBBHH)."]


def test_overlapping_and_gapped_bands_are_refused(tmp_path: Path) -> None:
    overlap = _settings_with(tmp_path, "{predikat: Sedang, lebih_dari: 65, sampai: 75}",
                             "{predikat: Sedang, lebih_dari: 65, sampai: 80}")
    assert any("tumpang tindih" in o for o in overlap)
    gap = _settings_with(tmp_path, "{predikat: Sedang, lebih_dari: 65, sampai: 75}",
                         "{predikat: Sedang, lebih_dari: 65, sampai: 70}")
    assert any("celah" in o for o in gap)


def test_bad_yaml_names_the_line(tmp_path: Path) -> None:
    out = _settings_with(tmp_path, "  kertas: A4", "  kertas: [A4")
    assert out and out[0].startswith("evkin.yml:") and "YAML tidak valid" in out[0]


def test_unknown_paper_and_formula(tmp_path: Path) -> None:
    out = _settings_with(tmp_path, "kertas: A4 ", "kertas: Letter ")
    assert any("ukuran kertas 'LETTER'" in o for o in out)
