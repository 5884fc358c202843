"""Indonesian numbers: ``1.234,5`` in, ``101,46 %`` out. Ambiguity is refused, never guessed.

``68.4`` could be English 68.4 or a mistyped Indonesian number; ``1.234`` could be one thousand
two hundred thirty-four or one point two three four. Both are refused with a hint.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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
        raise NumberProblem("number.ambiguous_dot", raw)
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
        try:
            return Decimal(repr(value))
        except InvalidOperation:
            raise NumberProblem("number.unreadable", repr(value)) from None
    if value is None:
        raise NumberProblem("number.empty", "")
    return parse_number(str(value))


def round2(value: Decimal) -> Decimal:
    """Two decimals, half up: the figure that is published and rated."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


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
