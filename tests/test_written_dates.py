"""A date typed the way people write it (``26 Januari 2026``, ``26/01/2026``) is still refused
where evkin wants ``TTTT-BB-HH``, but the message names the very date to write instead, spelled
out so the writer sees how it was read; an impossible day is called impossible."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from evkin.indonesian_dates import DAYS, MONTHS, MONTHS_EN, advice, bad_date, format_date, written
from evkin.messages import t

DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def said(value: object, lang: str = "id") -> str:
    return t("meta.bad_date", bad_date("tanggal", value), lang)


@given(DATES, st.sampled_from(["id", "en"]))
def test_every_way_of_writing_a_real_day_names_that_day(day: dt.date, lang: str) -> None:
    forms = [
        format_date(day, lang=lang),
        format_date(day, weekday=True, lang=lang),
        f"{day.day} {(MONTHS if lang == 'id' else MONTHS_EN)[day.month - 1][:3]} {day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}-{day.month:02d}-{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.year}/{day.month}/{day.day}",
        f"  {day.day}  {MONTHS[day.month - 1].upper()}   {day.year} ",
    ]
    for form in forms:
        assert written(form) == (day.year, day.month, day.day), form
        message = said(form, lang)
        assert day.isoformat() in message, message
        assert format_date(day, lang=lang) in message, message
        assert "{" not in message


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(0, 99))
def test_a_day_the_month_does_not_have_is_called_impossible(year: int, month: int, day: int
                                                            ) -> None:
    last = calendar.monthrange(year, month)[1]
    if 1 <= day <= last:
        return
    message = said(f"{year}-{month:02d}-{day:02d}")
    assert f"{day} {MONTHS[month - 1]} {year} tidak ada di kalender" in message
    assert "tulis TTTT-BB-HH" in message


def test_a_thirteenth_month_is_named() -> None:
    assert "tidak ada bulan ke-13" in said("2026-13-04")
    assert "tidak ada bulan ke-13" in said("26/13/2026")
    assert "there is no month 13" in said("26/13/2026", "en")


def test_day_first_is_spelled_out_so_the_writer_sees_how_it_was_read() -> None:
    message = said("01/02/2026")
    assert message == ("'tanggal: 01/02/2026' bukan tanggal; bila maksudnya 1 Februari 2026, "
                       "tulis 2026-02-01 (TTTT-BB-HH).")


@given(st.text(max_size=60))
def test_any_text_gets_a_whole_sentence(text: str) -> None:
    for lang in ("id", "en"):
        message = said(text, lang)
        assert "{" not in message.replace(text, "")
        assert message.endswith(")." if advice(text).key == "date.means" else ".")


@given(st.sampled_from(DAYS), DATES)
def test_a_weekday_in_front_is_read_past(weekday: str, day: dt.date) -> None:
    # The weekday typed need not be the right one: the message spells the day it names.
    assert written(f"{weekday}, {format_date(day)}") == (day.year, day.month, day.day)


def test_status_today_names_the_date_to_write(evkin, sample_repo) -> None:  # type: ignore[no-untyped-def]
    run = evkin("status", "--today", "7/12/2026", root=sample_repo)
    assert run.code == 2 and "Traceback" not in run.err
    assert ("'7/12/2026' bukan tanggal; bila maksudnya 7 Desember 2026, tulis 2026-12-07 "
            "(TTTT-BB-HH). Lihat 'evkin --help'.") in run.err
    assert ".." not in run.err
