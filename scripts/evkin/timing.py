"""Working-day arithmetic for the SOP's time standards (5, 2 and 1 *hari* are working days).

Pure: the holidays are passed in. ``indonesian_holidays`` builds them from the ``holidays``
package: national public holidays plus *cuti bersama* (the collective leave days the
government sets for civil servants, the package's ``government`` category), because the
officials this SOP binds do not work on either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable

WEEKEND = (5, 6)  # Saturday, Sunday
HOLIDAY_CATEGORIES = ("public", "government")


def is_working_day(day: dt.date, holidays: Container[dt.date]) -> bool:
    return day.weekday() not in WEEKEND and day not in holidays


def working_days_between(start: dt.date, end: dt.date, holidays: Container[dt.date]) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``).

    A step handed over on Monday and finished on Tuesday took 1 working day; finished the
    same day, 0. Counted by whole weeks, then the holidays in between: an archive's oldest
    report is years behind its timeline's today.
    """
    if end <= start:
        return 0
    first = start + dt.timedelta(days=1)
    weeks, rest = divmod((end - first).days + 1, 7)
    count = weeks * (7 - len(WEEKEND))
    count += sum(1 for n in range(rest) if (first.weekday() + n) % 7 not in WEEKEND)
    if isinstance(holidays, Iterable):
        return count - sum(1 for day in set(holidays)
                           if isinstance(day, dt.date) and not isinstance(day, dt.datetime)
                           and first <= day <= end and day.weekday() not in WEEKEND)
    day, count = first, 0  # a container that cannot list its days: one day at a time
    while day <= end:
        if is_working_day(day, holidays):
            count += 1
        day += dt.timedelta(days=1)
    return count


def add_working_days(start: dt.date, days: int, holidays: Container[dt.date]) -> dt.date:
    """The date ``days`` working days after ``start``: the last day a step may end on time."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays):
            left -= 1
    return day


def is_overdue(start: dt.date, end: dt.date, allowed_days: int,
               holidays: Container[dt.date]) -> bool:
    """True when more than ``allowed_days`` working days passed between ``start`` and ``end``."""
    return working_days_between(start, end, holidays) > allowed_days


def indonesian_holidays(years: Iterable[int]) -> dict[dt.date, str]:
    """Indonesian public holidays and cuti bersama for ``years``, named in Indonesian."""
    import holidays

    wanted = sorted(set(years))
    if not wanted:
        return {}
    found = holidays.country_holidays("ID", years=wanted, language="id",
                                      categories=HOLIDAY_CATEGORIES)
    return {day: str(name) for day, name in found.items()}
