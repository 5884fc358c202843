"""Every user-facing sentence goes through here, so Indonesian and English stay in step.

Sentences live in ``evkin.catalogue`` modules (one per area); this module picks the language
(``--lang``, else ``EVKIN_LANG``, else Indonesian) and fills in the parameters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from evkin import environment
from evkin.catalogue import CATALOGUE

LANGS: Final = ("id", "en")
_lang: str | None = None


def set_lang(lang: str | None) -> None:
    """Fix the language for this process (the CLI's ``--lang``)."""
    global _lang
    _lang = lang if lang in LANGS else None


def current_lang() -> str:
    if _lang:
        return _lang
    env = environment.lang()
    return env if env in LANGS else "id"


@dataclass(frozen=True)
class Phrase:
    """A parameter that is itself a sentence of the catalogue, said in the language of the
    sentence it fills (e.g. why a YAML file is unreadable, inside "YAML tidak valid: …")."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return t(self.key, self.params)


def t(key: str, params: Mapping[str, object] | None = None, lang: str | None = None) -> str:
    """The sentence ``key`` in the current language with ``params`` filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:
        # A missing key is a programming error; still say something useful.
        return key + (f" {dict(params)}" if params else "")
    chosen = lang or current_lang()
    text = entry.get(chosen) or entry["id"]
    if params:
        params = {k: t(v.key, v.params, lang) if isinstance(v, Phrase) else v
                  for k, v in params.items()}
        try:
            said = text.format(**params)
        except (KeyError, IndexError):
            return text
        return _ONE.sub(r"\1", said) if chosen == "en" else said
    return text


# English counts: "1 evaluations" → "1 evaluation" (Indonesian nouns have no plural form).
_ONE = re.compile(r"(?<![\d.,])(1 (?:evaluation|finding|error|warning|row|indicator|file|"
                  r"recommendation|step|report|working day|day|page|signature|change|line|"
                  r"draft|folder|document|approval))s\b")
