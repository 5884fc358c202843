"""Dates and times as Tata Naskah Dinas writes them: ``26 Januari 2026``, ``09.12 WIB``.

Month in full, no numeric month, no full stop after the year; times with a dot and a zone.
"""

from __future__ import annotations

import datetime as dt

from evkin import clock
from evkin.indonesian_dates import format_date, format_time


def tanggal(date: dt.date) -> str:
    """``2026-01-26`` → ``26 Januari 2026``."""
    return format_date(date, lang="id")


def hari_tanggal(date: dt.date) -> str:
    """``2026-01-13`` → ``Selasa, 13 Januari 2026`` (the notulen's "hari, tanggal")."""
    return format_date(date, weekday=True, lang="id")


def date_line(city: str, date: dt.date | None) -> str:
    """``Padang, 26 Januari 2026``; dots where the date is not known yet."""
    return f"{city}, {tanggal(date)}" if date else f"{city}, ...................."


def waktu(moment: dt.datetime) -> str:
    """A moment on the agency's clock: ``27 Januari 2026 pukul 09.12 WIB``."""
    local = clock.local(moment)
    return f"{tanggal(local.date())} pukul {format_time(local, 'id')}"


def text_value(value: object) -> str:
    """A front-matter value as document text: dates in Indonesian, lists joined by commas."""
    if isinstance(value, dt.datetime):
        return waktu(value)
    if isinstance(value, dt.date):
        return tanggal(value)
    if isinstance(value, list | tuple):
        return ", ".join(text_value(v) for v in value)
    if value is None:
        return ""
    return str(value)
