"""argparse's own error sentences in the user's language.

The standard library says "the following arguments are required: ID" in English whatever the
user reads; these patterns turn the sentences it produces (Python 3.11–3.13) into catalogue
sentences. Pure; a sentence no pattern knows is passed on unchanged (still located by
``cli.bad_arguments``).
"""

from __future__ import annotations

import re

from evkin.messages import t

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), key) for pattern, key in (
        (r"^the following arguments are required: (?P<args>.*)$", "args.required"),
        (r"^unrecognized arguments: (?P<args>.*)$", "args.unrecognized"),
        (r"^one of the arguments (?P<args>.*) is required$", "args.one_required"),
        (r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$", "args.ambiguous"),
        (r"^argument (?P<arg>.+?): invalid choice: (?P<value>.*?) \(choose from "
         r"(?P<choices>.*)\)$", "args.invalid_choice"),
        (r"^argument (?P<arg>.+?): expected one argument$", "args.expected_one"),
        (r"^argument (?P<arg>.+?): expected at least one argument$", "args.expected_some"),
        (r"^argument (?P<arg>.+?): expected at most one argument$", "args.expected_one"),
        (r"^argument (?P<arg>.+?): invalid \S+ value: (?P<value>.*)$", "args.invalid_value"),
        (r"^argument (?P<arg>.+?): not allowed with argument (?P<other>.*)$",
         "args.not_together"),
        (r"^argument (?P<arg>.+?): ignored explicit argument (?P<value>.*)$",
         "args.no_value"),
        (r"^argument (?P<arg>.+?): (?P<detail>.*)$", "args.argument"),
    ))


def translate(message: str) -> str:
    """argparse's ``message`` as a catalogue sentence (Indonesian or English)."""
    for pattern, key in _PATTERNS:
        match = pattern.match(message)
        if match:
            return t(key, match.groupdict())
    return message
