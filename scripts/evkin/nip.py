"""NIP (Nomor Induk Pegawai): 18 digits = birth date, appointment month, sex, sequence."""

from __future__ import annotations

import datetime as dt


def normalise(text: str) -> str:
    return "".join(text.split())


def problem(text: str) -> str | None:
    """The catalogue key of what is wrong with a NIP, or ``None`` when it is valid."""
    nip = normalise(text)
    if len(nip) != 18 or not nip.isdigit():
        return "nip.length"
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return "nip.birth"
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < birth.year + 15 or year > dt.date.today().year + 1:
        return "nip.appointment"
    if nip[14] not in "12":
        return "nip.sex"
    return None


def spaced(text: str) -> str:
    """``197209251998031003`` → ``19720925 199803 1 003`` (Tata Naskah Dinas spacing)."""
    nip = normalise(text)
    if len(nip) != 18:
        return text
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"
