"""Working days counted by weeks give what counting day by day gives: the SOP's deadlines and
"terlambat" marks stay the same for a report decades behind its timeline's today."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from evkin.timing import WEEKEND, working_days_between

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


def day_by_day(start: dt.date, end: dt.date, holidays: set[dt.date]) -> int:
    count, day = 0, start + dt.timedelta(days=1)
    while day <= end:
        count += day.weekday() not in WEEKEND and day not in holidays
        day += dt.timedelta(days=1)
    return count


class Only:
    """A container that can answer "is this day a holiday" but not list them."""

    def __init__(self, days: set[dt.date]) -> None:
        self.days = days

    def __contains__(self, day: object) -> bool:
        return day in self.days


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(min_value=-20, max_value=4000), st.sets(DAYS, max_size=40))
def test_working_days_by_weeks_are_the_days_counted_one_by_one(
        start: dt.date, span: int, holidays: set[dt.date]) -> None:
    end = start + dt.timedelta(days=span)
    expected = day_by_day(start, end, holidays)
    assert working_days_between(start, end, holidays) == expected
    assert working_days_between(start, end, dict.fromkeys(holidays, "libur")) == expected
    assert working_days_between(start, end, Only(holidays)) == expected


def test_a_holiday_on_a_weekend_is_not_counted_twice() -> None:
    saturday = dt.date(2026, 8, 15)
    assert working_days_between(dt.date(2026, 8, 14), dt.date(2026, 8, 17), {saturday}) == 1
