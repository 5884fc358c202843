"""The one clock: every moment shown to a person is in the agency's time zone.

The zone is ``instansi.zona_waktu`` in ``evkin.yml`` (an IANA name, default ``Asia/Jakarta``,
WIB). Loading the settings fixes it for the process, the way ``--lang`` fixes the language, so
the CLI, the PDF, the site, e-mail and the trail display all show the same wall-clock time for
the same moment. Stored moments keep their own offset (ISO 8601); only display converts.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# The fallback zone for a date without a time (the agency's own zone: ``zone``).
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")

DEFAULT_ZONE = "Asia/Jakarta"
_zone_name = DEFAULT_ZONE


@cache
def zone_info(name: str) -> ZoneInfo | None:
    """The IANA zone ``name``; ``None`` when there is no such zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def set_zone(name: str) -> None:
    """Fix the agency's zone for this process (from the settings)."""
    global _zone_name
    _zone_name = name if zone_info(name) is not None else DEFAULT_ZONE


def zone_name() -> str:
    return _zone_name


def zone() -> dt.tzinfo:
    found = zone_info(_zone_name)
    return found if found is not None else dt.timezone(dt.timedelta(hours=7), "WIB")


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` on the agency's clock (a naive moment is taken to be on it already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone())
    return moment.astimezone(zone())


def today() -> dt.date:
    """Today's date on the agency's clock."""
    return dt.datetime.now(zone()).date()


def now() -> dt.datetime:
    return dt.datetime.now(zone()).replace(microsecond=0)
