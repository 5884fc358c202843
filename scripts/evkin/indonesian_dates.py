"""Dates and times as people read them: in Indonesian the Tata Naskah Dinas way (``Kamis,
30 Januari 2025 09.12 WIB``), in English ``Thursday, 30 January 2025 09:12 WIB``. Pure apart from
the language and the agency's clock (``clock``): every moment is shown on that clock, so
history, approvals, status, the PDF and the site show the same time for the same moment."""

from __future__ import annotations

import datetime as dt

from evkin import clock
from evkin.messages import current_lang

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
