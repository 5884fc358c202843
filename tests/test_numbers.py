"""Indonesian numbers: what is read, what is refused, how figures are printed."""

from decimal import Decimal

import pytest

from evkin.numbers import (
    NumberProblem,
    format_number,
    format_percent,
    from_spreadsheet,
    parse_number,
)


@pytest.mark.parametrize(("text", "value"), [
    ("12", "12"), ("68,4", "68.4"), ("1.234,5", "1234.5"), ("1.234.567", "1234567"),
    ("85,5 %", "85.5"), ("-3,25", "-3.25"), (" 100 ", "100"), ("1.234.567,89", "1234567.89"),
])
def test_reads_indonesian_numbers(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(("text", "code"), [
    ("68.4", "number.decimal_dot"),  # a thousands dot is followed by three digits
    ("85.50", "number.decimal_dot"),
    ("1.234", "number.ambiguous_dot"),
    ("1,234.5", "number.mixed"),
    ("delapan", "number.unreadable"),
    ("12,3,4", "number.unreadable"),
    ("", "number.empty"),
])
def test_refuses_what_it_cannot_read_unambiguously(text: str, code: str) -> None:
    with pytest.raises(NumberProblem) as caught:
        parse_number(text)
    assert caught.value.code == code


def test_spreadsheet_cells_keep_their_exact_value() -> None:
    assert from_spreadsheet(68.4) == Decimal("68.4")
    assert from_spreadsheet(7) == Decimal(7)
    assert from_spreadsheet("81,17") == Decimal("81.17")
    with pytest.raises(NumberProblem):
        from_spreadsheet("68.4")


def test_prints_indonesian_style() -> None:
    assert format_percent(Decimal("101.456")) == "101,46 %"
    assert format_percent(Decimal("87.5")) == "87,50 %"
    assert format_number(Decimal("1234567.5")) == "1.234.567,5"
    assert format_number(Decimal("-1234")) == "-1.234"
    assert format_number(Decimal("0.125"), 2) == "0,13"
