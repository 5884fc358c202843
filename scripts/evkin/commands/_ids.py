"""Shared by history, diff, approve, approvals and status: the evaluation an argument names."""

from __future__ import annotations

from pathlib import Path

from evkin.evaluation.load import not_found
from evkin.settings import Settings


def evaluation_id(settings: Settings, raw: str, must_exist: bool = True) -> str:
    """``2024-tahunan`` from ``2024-tahunan`` or a path to its folder; ``EvkinError`` when
    neither names an evaluation folder (and ``must_exist``)."""
    path = Path(raw)
    candidates = [settings.evaluations_dir / raw, path if path.is_absolute()
                  else Path.cwd() / path]
    for candidate in candidates:
        if candidate.is_dir() and candidate.resolve().parent == \
                settings.evaluations_dir.resolve():
            return candidate.resolve().name
    name = path.name if raw.rstrip("/").count("/") else raw
    if not must_exist and name and "/" not in name:
        return name  # callers that find nothing in history either raise not_found()
    raise not_found(settings, raw)
