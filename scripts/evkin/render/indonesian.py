"""Dates and times as Tata Naskah Dinas writes them: ``26 Januari 2026``, ``09.12 WIB``.

Month in full, no numeric month, no full stop after the year; times with a dot and a zone.
"""

from __future__ import annotations

import datetime as dt

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
# Indonesia's three zones; the agency's documents use WIB (Padang).
ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}
WIB = dt.timezone(dt.timedelta(hours=7))


def tanggal(date: dt.date) -> str:
    """``2026-01-26`` → ``26 Januari 2026``."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def hari_tanggal(date: dt.date) -> str:
    """``2026-01-13`` → ``Selasa, 13 Januari 2026`` (the notulen's "hari, tanggal")."""
    return f"{DAYS[date.weekday()]}, {tanggal(date)}"


def date_line(city: str, date: dt.date | None) -> str:
    """``Padang, 26 Januari 2026``; dots where the date is not known yet."""
    return f"{city}, {tanggal(date)}" if date else f"{city}, ...................."


def waktu(moment: dt.datetime, zone: dt.tzinfo = WIB) -> str:
    """A moment in the agency's zone: ``27 Januari 2026 pukul 09.12 WIB``."""
    local = moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    offset = local.utcoffset()
    hours = int(offset.total_seconds() // 3600) if offset is not None else 7
    name = ZONES.get(hours, f"UTC{hours:+d}")
    return f"{tanggal(local.date())} pukul {local:%H.%M} {name}"


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
