"""Indonesian numbers: ``1.234,5`` in, ``101,46 %`` out. Ambiguity is refused, never guessed.

``68.4`` could be English 68.4 or a mistyped Indonesian number; ``1.234`` could be one thousand
two hundred thirty-four or one point two three four. Both are refused with a hint.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

_PLAIN = re.compile(r"^-?\d+$")
_COMMA_DECIMAL = re.compile(r"^-?\d{1,3}(?:\.\d{3})*,\d+$|^-?\d+,\d+$")
_DOT_THOUSANDS = re.compile(r"^-?\d{1,3}(?:\.\d{3}){2,}$")
_SINGLE_DOT = re.compile(r"^-?\d+\.\d+$")


class NumberProblem(ValueError):
    """``code`` is a catalogue key explaining why ``text`` is not a number we can trust."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(code)
        self.code = code
        self.text = text


def parse_number(text: str) -> Decimal:
    """Read an Indonesian number; a trailing ``%`` and spaces are allowed."""
    raw = text.strip().replace("\u00a0", " ")
    cleaned = raw.removesuffix("%").strip().replace(" ", "")
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    cleaned = cleaned.replace("\u2212", "-")
    if not cleaned:
        raise NumberProblem("number.empty", raw)
    if _PLAIN.match(cleaned):
        return Decimal(cleaned)
    if _COMMA_DECIMAL.match(cleaned):
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    if _DOT_THOUSANDS.match(cleaned):
        return Decimal(cleaned.replace(".", ""))
    if _SINGLE_DOT.match(cleaned):
        # Only ``1.234`` could be a thousands separator; ``85.5`` is an English decimal point.
        if len(cleaned.rpartition(".")[2]) == 3:
            raise NumberProblem("number.ambiguous_dot", raw)
        raise NumberProblem("number.decimal_dot", raw)
    if "," in cleaned and "." in cleaned:
        raise NumberProblem("number.mixed", raw)
    raise NumberProblem("number.unreadable", raw)


def from_spreadsheet(value: object) -> Decimal:
    """A spreadsheet cell: numeric cells are exact already; text cells are read as above."""
    if isinstance(value, bool):
        raise NumberProblem("number.unreadable", str(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NumberProblem("number.not_finite", repr(value))
        try:
            return Decimal(repr(value))
        except InvalidOperation:
            raise NumberProblem("number.unreadable", repr(value)) from None
    if value is None:
        raise NumberProblem("number.empty", "")
    return parse_number(str(value))


def digits(value: Decimal) -> int:
    """Digits a person typed: whole-part digits (no leading zeros) plus decimal places."""
    _sign, numerals, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    whole = max(len(numerals) + exponent, 0)
    places = max(-exponent, 0)
    if whole and numerals[0] == 0 and len(numerals) == 1:
        whole = 0
    return max(whole + places, 1)


def implausible(value: Decimal, max_digits: int, max_magnitude: Decimal) -> str | None:
    """The catalogue key when ``value`` is beyond what an indicator can hold, else ``None``.

    Checked before any arithmetic: an unbounded ``Decimal`` makes the capaian, its rounding
    and its printing slow or impossible.
    """
    if not value.is_finite():
        return "number.not_finite"
    if abs(value) > max_magnitude:
        return "number.too_large"
    if digits(value.normalize() if value else value) > max_digits:
        return "number.too_many_digits"
    return None


_CENT = Decimal("0.01")
_USUAL = Context(prec=28)  # wide enough for any value below 10^22


def round2(value: Decimal) -> Decimal:
    """Two decimals, half up: the figure that is published and rated."""
    # A context wide enough for the value: quantize never fails for lack of precision.
    context = _USUAL if value.adjusted() + 6 <= 28 else Context(prec=value.adjusted() + 6)
    return value.quantize(_CENT, rounding=ROUND_HALF_UP, context=context)


def format_number(value: Decimal, decimals: int | None = None) -> str:
    """``Decimal('1234.5')`` → ``1.234,5`` (thousands dot, decimal comma)."""
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return f"{sign}{out},{frac}" if frac else f"{sign}{out}"


def format_percent(value: Decimal) -> str:
    """``Decimal('101.456')`` → ``101,46 %``."""
    return f"{format_number(value, 2)} %"
