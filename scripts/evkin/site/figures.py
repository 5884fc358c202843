"""Figures the archive shows that the capaian engine does not: a report's overall mean, the
people behind logins, what a verification failure means in words. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from evkin.approval.trail import Verification
from evkin.evaluation.capaian import Result
from evkin.messages import t
from evkin.numbers import round2
from evkin.settings import Person, Settings


def overall(results: Sequence[Result]) -> Decimal | None:
    """Mean of the published (rounded) capaian of every indicator that has one."""
    values = [r.rounded for r in results if r.rounded is not None]
    return round2(sum(values, Decimal(0)) / len(values)) if values else None


def person_by_login(settings: Settings, login: str) -> Person | None:
    roles = settings.roles
    everyone = (roles.kepala_dinas, roles.sekretaris, *roles.tim_sakip, *roles.perencanaan,
                *roles.penerima)
    low = login.strip().lower()
    return next((p for p in everyone if p.login and p.login.lower() == low), None)


def author_names(settings: Settings, logins: Sequence[str]) -> list[str]:
    out = []
    for login in logins:
        person = person_by_login(settings, login)
        out.append(person.nama if person else login)
    return out


def reason(verification: Verification) -> str:
    """Why an evaluation is not final, as a sentence (Indonesian by default)."""
    if verification.ok or not verification.reason:
        return ""
    return t(verification.reason, dict(verification.params))
