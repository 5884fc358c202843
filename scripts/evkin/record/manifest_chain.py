"""The archive manifest's place in its line of publications: ``urutan`` (a sequence number
that grows at every publication that changes the manifest) and ``sebelumnya`` (the SHA-256 of
the manifest it follows), both under the record key's signature.

An older manifest stays genuinely signed for ever, so a site (or anyone serving it) could hand
out an old one to hide a newer report or a withdrawn version. Whoever has seen a manifest keeps
its number and hash (the province portal in its own repository): a lower number, or the same
number with other bytes, is a rollback or a fork, shown as such. Manifests written before these
fields existed read as number 0 and stay readable. Pure decisions; no I/O."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SEQUENCE, PREVIOUS = "urutan", "sebelumnya"
NEW, SAME, ROLLED_BACK, FORKED = "baru", "sama", "mundur", "bercabang"


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def sequence_of(data: Mapping[str, Any]) -> int:
    """The manifest's number; 0 for a manifest from before numbering (or a bad value)."""
    value = data.get(SEQUENCE)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def link(data: dict[str, Any], previous: Mapping[str, Any] | None, previous_sha: str) -> None:
    """Number ``data`` after ``previous`` (whose bytes hash to ``previous_sha``). A manifest
    equal to the previous one but for these two fields keeps its number and link, so
    publishing the same thing again changes nothing."""
    if previous is not None and _rest(data) == _rest(previous) and sequence_of(previous):
        data[SEQUENCE], data[PREVIOUS] = sequence_of(previous), previous.get(PREVIOUS)
        return
    data[SEQUENCE] = (sequence_of(previous) if previous is not None else 0) + 1
    data[PREVIOUS] = previous_sha or None


def follow(data: dict[str, Any], before_sha: str) -> None:
    """``data`` rewritten after a manifest with the same number was signed (the announcement
    step of one publication): the next number, linked to it."""
    data[PREVIOUS] = before_sha
    data[SEQUENCE] = sequence_of(data) + 1


def _rest(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in (SEQUENCE, PREVIOUS)}


@dataclass(frozen=True)
class Seen:
    """The last manifest a reader verified for one archive."""

    sequence: int
    sha256: str
    at: str = ""  # when it was first seen (ISO 8601), for the message


def judge(seen: Seen | None, data: Mapping[str, Any], sha256: str) -> str:
    """``data`` (verified, hashing to ``sha256``) against the last one seen: NEW, SAME,
    ROLLED_BACK (a lower number) or FORKED (the same number with other bytes, or the next
    number not linked to the one seen)."""
    if seen is None:
        return NEW
    number = sequence_of(data)
    if sha256 == seen.sha256:
        return SAME
    if number < seen.sequence or (number == 0 and seen.sequence > 0):
        return ROLLED_BACK
    if number == 0:  # neither numbered: an old archive, nothing to order by
        return NEW
    if number == seen.sequence:
        return FORKED
    if number == seen.sequence + 1 and data.get(PREVIOUS) != seen.sha256:
        return FORKED
    return NEW
