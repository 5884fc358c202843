"""Message catalogue: each module in this package holds ``MESSAGES`` for one area.

A module per area keeps parallel work from colliding; keys are ``area.name``.
"""

from __future__ import annotations

import importlib
import pkgutil

CATALOGUE: dict[str, dict[str, str]] = {}

for _info in pkgutil.iter_modules(__path__):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    for _key, _entry in getattr(_module, "MESSAGES", {}).items():
        if _key in CATALOGUE:
            raise RuntimeError(f"duplicate message key {_key}")
        CATALOGUE[_key] = _entry
