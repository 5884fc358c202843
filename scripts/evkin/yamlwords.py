"""Why a YAML file cannot be read, in the user's words rather than the parser's.

The parser (libyaml or PyYAML) explains in English and in its own terms ("mapping values are
not allowed in this context"); a civil servant needs to hear which slip that usually is and
how to fix it. Pure: parser text in, catalogue phrase out.
"""

from __future__ import annotations

from evkin.messages import Phrase

# Substrings of the parser's problem text → catalogue key (first match wins).
_KNOWN: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "yaml.why.colon"),
    ("tab", "yaml.why.tab"),
    ("',' or ']'", "yaml.why.bracket"),
    ("',' or '}'", "yaml.why.bracket"),
    ("quoted scalar", "yaml.why.quote"),
    ("end of stream", "yaml.why.quote"),
    ("alias", "yaml.why.alias"),
    ("anchor", "yaml.why.alias"),
    ("escape", "yaml.why.escape"),
    ("document start", "yaml.why.documents"),
    ("single document", "yaml.why.documents"),
    ("another document", "yaml.why.documents"),
    ("cannot start any token", "yaml.why.character"),
    ("expected key", "yaml.why.indent"),
    ("expected ':'", "yaml.why.indent"),
    ("'-' indicator", "yaml.why.indent"),
    ("block sequence entries", "yaml.why.indent"),
    ("node content", "yaml.why.indent"),
    ("block end", "yaml.why.indent"),
)


def explain(detail: str) -> Phrase:
    """The phrase for a parser problem (or evkin's own tokens: ``duplicate:<key>``, ``key``,
    ``not-a-mapping``); unknown texts are passed on, marked as the parser's."""
    if detail.startswith("duplicate:"):
        return Phrase("yaml.why.duplicate", {"key": detail.partition(":")[2]})
    if detail == "key":
        return Phrase("yaml.why.key")
    if detail == "not-a-mapping":
        return Phrase("yaml.why.not_mapping")
    lowered = detail.lower()
    for needle, key in _KNOWN:
        if needle in lowered:
            return Phrase(key)
    return Phrase("yaml.why.other", {"detail": detail})
