"""Dates and times as people read them: in Indonesian the Tata Naskah Dinas way (``Kamis,
30 Januari 2025 09.12 WIB``), in English ``Thursday, 30 January 2025 09:12 WIB``. Pure apart from
the language and the agency's clock (``clock``): every moment is shown on that clock, so
history, approvals, status, the PDF and the site show the same time for the same moment.

Also dates as people write them where evkin wants ``TTTT-BB-HH`` (``written``): never taken
as the date (a file says what it means, or is refused), only read to tell the writer exactly
what to write instead (``advice``)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from evkin import clock
from evkin.messages import Phrase, current_lang

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ZONES = {7 * 3600: "WIB", 8 * 3600: "WITA", 9 * 3600: "WIT"}


def _lang(lang: str | None) -> str:
    if lang is not None:
        return lang

    return current_lang()


def format_date(day: dt.date, weekday: bool = False, lang: str | None = None) -> str:
    """``30 Januari 2025`` (``Kamis, 30 Januari 2025`` with ``weekday``); English with
    ``lang="en"`` (default: the language of messages)."""
    english = _lang(lang) == "en"
    months, days = (MONTHS_EN, DAYS_EN) if english else (MONTHS, DAYS)
    text = f"{day.day} {months[day.month - 1]} {day.year}"
    return f"{days[day.weekday()]}, {text}" if weekday else text


def zone_label(moment: dt.datetime) -> str:
    """WIB, WITA or WIT for Indonesia's zones, else ``UTC+hh.mm``."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    seconds = int(offset.total_seconds())
    if seconds in ZONES:
        return ZONES[seconds]
    if seconds == 0:
        return "UTC"
    sign = "+" if seconds >= 0 else "-"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"UTC{sign}{hours:02d}.{minutes:02d}"


def format_time(moment: dt.datetime, lang: str | None = None) -> str:
    """``09.12 WIB`` (``09:12 WIB`` in English) on the agency's clock."""
    local = clock.local(moment)
    sep = ":" if _lang(lang) == "en" else "."
    return f"{local.hour:02d}{sep}{local.minute:02d} {zone_label(local)}"


def format_datetime(moment: dt.datetime, weekday: bool = True, lang: str | None = None) -> str:
    """``Kamis, 30 Januari 2025 09.12 WIB`` on the agency's clock."""
    local = clock.local(moment)
    return f"{format_date(local.date(), weekday, lang)} {format_time(local, lang)}"


def day_of(value: dt.date | dt.datetime) -> dt.date:
    """The calendar day of a moment on the agency's clock (a date stays itself)."""
    return clock.local(value).date() if isinstance(value, dt.datetime) else value


def format_moment(value: dt.date | dt.datetime | None, weekday: bool = False,
                  lang: str | None = None) -> str:
    """A date or a date-time, whichever it is; ``–`` when unknown."""
    if value is None:
        return "–"
    if isinstance(value, dt.datetime):
        return format_datetime(value, weekday, lang)
    return format_date(value, weekday, lang)


# Month words as Tim SAKIP types them: Indonesian and English names, their three-letter forms
# and the usual Indonesian short forms ("Agt", "Ags", "Sept").
_MONTH_WORDS = {word: n for n, names in enumerate(zip(MONTHS, MONTHS_EN, strict=True), 1)
                for name in names for word in (name.lower(), name[:3].lower())}
_MONTH_WORDS |= {"agt": 8, "ags": 8, "sept": 9, "okt": 10, "des": 12, "peb": 2, "pebruari": 2,
                 "nop": 11, "nopember": 11}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: only a refused date needs them, not every command's start."""
    weekday = "|".join(d.lower() for d in (*DAYS, *DAYS_EN, "Jum'at"))
    return (re.compile(rf"(?:(?:{weekday}),?\s+)?(\d{{1,2}})[\s.-]*([a-z]+)\.?[\s.,-]*(\d{{4}})"),
            re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})"),
            re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T][\d:.]*)?"))


def written(text: str) -> tuple[int, int, int] | None:
    """The year, month and day that ``text`` names, as written (which may not exist):
    ``26 Januari 2026``, ``Senin, 26 Jan 2026``, ``26/01/2026`` (day first, as Indonesia
    writes it), ``2026/1/26``, ``2026-02-30``. ``None`` when it names no day this way."""
    text = " ".join(text.split()).lower()
    in_words, day_first, year_first = _patterns()
    if found := in_words.fullmatch(text):
        month = _MONTH_WORDS.get(found[2])
        return None if month is None else (int(found[3]), month, int(found[1]))
    if found := day_first.fullmatch(text):
        return int(found[4]), int(found[3]), int(found[1])
    if found := year_first.fullmatch(text):
        return int(found[1]), int(found[3]), int(found[4])
    return None


def advice(value: object) -> Phrase:
    """What to write instead of ``value`` where a ``TTTT-BB-HH`` date belongs: the very date,
    spelled out so the writer sees how it was read, when ``value`` names one (``written``);
    else what is wrong with the day it names; else the format."""
    named = written(str(value))
    if named is None:
        return Phrase("date.write_iso")
    year, month, day = named
    if not 1 <= month <= 12:
        return Phrase("date.no_month", {"month": month})
    spelled = Phrase("date.spelled", {"day": day, "year": year, "month_id": MONTHS[month - 1],
                                      "month_en": MONTHS_EN[month - 1]})
    try:
        meant = dt.date(year, month, day)
    except ValueError:
        return Phrase("date.not_in_calendar", {"spelled": spelled})
    return Phrase("date.means", {"spelled": spelled, "iso": meant.isoformat()})


def bad_date(field: str, value: object) -> dict[str, object]:
    """The parameters of ``meta.bad_date``: the field, what it holds, and ``advice``."""
    return {"field": field, "value": value, "advice": advice(value)}
