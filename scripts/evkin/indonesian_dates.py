"""Dates and times written the Indonesian way (Tata Naskah Dinas): ``Kamis, 30 Januari 2025
09.12 WIB``. Pure; used by history, approvals and status so every screen reads the same."""

from __future__ import annotations

import datetime as dt

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ZONES = {7 * 3600: "WIB", 8 * 3600: "WITA", 9 * 3600: "WIT"}


def format_date(day: dt.date, weekday: bool = False) -> str:
    """``30 Januari 2025`` (``Kamis, 30 Januari 2025`` with ``weekday``)."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{DAYS[day.weekday()]}, {text}" if weekday else text


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


def format_datetime(moment: dt.datetime, weekday: bool = True) -> str:
    """``Kamis, 30 Januari 2025 09.12 WIB`` in the moment's own time zone."""
    zone = zone_label(moment)
    text = f"{format_date(moment.date(), weekday)} {moment.hour:02d}.{moment.minute:02d}"
    return f"{text} {zone}" if zone else text


def format_moment(value: dt.date | dt.datetime | None, weekday: bool = False) -> str:
    """A date or a date-time, whichever it is; ``–`` when unknown."""
    if value is None:
        return "–"
    if isinstance(value, dt.datetime):
        return format_datetime(value, weekday)
    return format_date(value, weekday)
