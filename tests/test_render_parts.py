"""Pure parts of the official documents: font chain, Indonesian dates, titles, the chart SVG."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal

from evkin.evaluation.capaian import Result, compute
from evkin.evaluation.model import Indicator, Section
from evkin.render import content, fonts, indonesian
from evkin.render.chart import chart_svg
from evkin.settings import DEFAULT_SCALE, Agency, Person

WITA = dt.timezone(dt.timedelta(hours=8))


def test_font_chain_keeps_the_first_installed_arial_compatible_family() -> None:
    wanted = ("Arial", "Arimo", "Liberation Sans", "DejaVu Sans")
    choice = fonts.choose(wanted, frozenset({"arimo", "dejavu sans"}))
    assert choice.families == ("Arimo", "Liberation Sans")  # nothing machine-dependent after
    assert choice.metric_compatible and choice.font_paths == (str(fonts.bundled_fonts()),)


def test_font_chain_ends_with_the_bundled_liberation_sans_on_a_bare_machine() -> None:
    choice = fonts.choose(("Arial", "Arimo"), frozenset({"libertinus serif"}))
    assert choice.families == ("Liberation Sans",)
    assert choice.metric_compatible
    bundled = fonts.bundled_fonts()
    assert {p.name for p in bundled.glob("*.ttf")} == {
        f"LiberationSans-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")}
    assert "SIL OPEN FONT LICENSE Version 1.1" in (bundled / "LICENSE").read_text(encoding="utf-8")
    assert not choice.system  # the bundled copy leads: no system copy of another version


def test_a_first_family_that_is_not_arial_compatible_is_kept_with_a_warning_flag() -> None:
    choice = fonts.choose(("Calibri", "Arial"), frozenset({"calibri"}))
    assert choice.families == ("Calibri", "Liberation Sans")
    assert not choice.metric_compatible


def test_indonesian_dates_and_times() -> None:
    assert indonesian.tanggal(dt.date(2026, 1, 26)) == "26 Januari 2026"
    assert indonesian.hari_tanggal(dt.date(2026, 1, 13)) == "Selasa, 13 Januari 2026"
    assert indonesian.date_line("Padang", dt.date(2025, 1, 5)) == "Padang, 5 Januari 2025"
    moment = dt.datetime(2026, 1, 27, 11, 15, tzinfo=WITA)  # recorded from Makassar
    assert indonesian.waktu(moment) == "27 Januari 2026 pukul 10.15 WIB"
    assert indonesian.text_value([dt.date(2026, 2, 1), "x"]) == "1 Februari 2026, x"


def test_signing_title_names_the_agency_and_region() -> None:
    agency = Agency("PEMERINTAH PROVINSI SUMATERA BARAT",
                    "DINAS BINA MARGA, CIPTA KARYA DAN TATA RUANG")
    kepala = Person("Ir. Hendra Saputra, M.T.", jabatan="Kepala Dinas")
    assert content.jabatan_full(kepala, agency) == (
        "KEPALA DINAS BINA MARGA, CIPTA KARYA DAN TATA RUANG PROVINSI SUMATERA BARAT")
    assert content.jabatan_full(replace(kepala, jabatan="Sekretaris"), agency) == "SEKRETARIS"


def test_author_numbered_headings_are_left_alone() -> None:
    def section(title: str) -> Section:
        return Section(title, 1, 1, "")

    assert not content.user_numbered([section("Pendahuluan"), section("Hasil Evaluasi")])
    assert content.user_numbered([section("BAB I Pendahuluan")])
    assert content.user_numbered([section("1.2 Latar Belakang")])


def _result(id_: str, target: str, actual: str, polarity: str = "positif") -> Result:
    indicator = Indicator(id_, "Sasaran", f"Indikator {id_}", "%", polarity, Decimal(target),
                          Decimal(actual))
    return compute(indicator, scale=DEFAULT_SCALE)


def test_chart_svg_is_valid_stable_and_follows_the_data() -> None:
    results = [_result("IK-01", "80", "81.2"),
               _result("IK-02", "14", "12.5", "negatif"), _result("IK-03", "0", "5")]
    svg = chart_svg(results)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert svg == chart_svg(results)
    for text in ("IK-01", "101,50 %", "110,71 %", "tidak dapat dihitung", "(R 12,5 % / T 14 %)"):
        assert text in svg, text
    changed = [_result("IK-01", "80", "60"), *results[1:]]
    assert chart_svg(changed) != svg
