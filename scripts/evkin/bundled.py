"""The bundled sample agency (``evkin/contoh/``): the settings, emblem, two approved
evaluations, their trails and a rencana aksi, as the repository first ships them.

The repository's own ``evkin.yml``, ``evaluations/``, ``persetujuan/`` and ``rencana-aksi/``
belong to the agency, which edits them; the tests and benchmarks copy this untouched sample
into temporary folders instead, so they pass however the agency's files have changed.
"""

from __future__ import annotations

from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "contoh"
SAMPLE_PARTS = ("evkin.yml", "assets", "evaluations", "persetujuan", "rencana-aksi")
# Stands for the publishing workflow's secret (EVKIN_RECORD_KEY) in the demo and the tests;
# `trust.SAMPLE_RECORD_KEYS` holds its public half, refused everywhere else.
SAMPLE_RECORD_KEY = SAMPLE / "assets" / "contoh-kunci-pencatat"
