"""An agency's name as Indonesian writes it in a sentence or a footer: "Dinas Bina Marga,
Cipta Karya dan Tata Ruang" from "DINAS BINA MARGA, CIPTA KARYA DAN TATA RUANG" — conjunctions
and prepositions stay lower case, roman numerals and short acronyms stay as written. Pure."""

from __future__ import annotations

import re

_SMALL = frozenset({"dan", "atau", "di", "ke", "dari", "untuk", "yang", "pada", "dengan",
                    "serta", "bagi", "oleh"})
_ROMAN = re.compile(r"^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def title_case(text: str) -> str:
    """Each word capitalised except the small ones (never the first word)."""
    out: list[str] = []
    position = 0

    def word(match: re.Match[str]) -> str:
        nonlocal position
        raw = match.group(0)
        position += 1
        lower = raw.lower()
        if position > 1 and lower in _SMALL:
            return lower
        if _ROMAN.match(raw.upper()) and raw.isupper():
            return raw
        return lower[:1].upper() + lower[1:]

    out.append(_WORD.sub(word, text))
    return "".join(out)
