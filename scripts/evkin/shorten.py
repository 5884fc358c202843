"""Text cut to a length and still read: at a whole word, or a whole sentence, never inside one
(a finding's recommendation text, a scaffold's comment, a report's summary on the portal)."""

from __future__ import annotations

ELLIPSIS = "…"


def shortened(text: str, limit: int, sentence: bool = False) -> str:
    """``text`` in at most ``limit`` characters: whole when it fits; else, with ``sentence``,
    up to its last whole sentence when that keeps half of it; else up to its last whole word,
    followed by an ellipsis (counted in ``limit``). A single word longer than that is cut."""
    if len(text) <= limit:
        return text
    if sentence:
        end = text[:limit + 1].rfind(". ")
        if end >= limit // 2:
            return text[:end + 1]
    head = text[:limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head[:head.rfind(" ")]
    return head.rstrip(" ,;:") + ELLIPSIS
