"""The published archive over HTTP(S) (``situs.url``): the one module that fetches from it.

``evkin publish`` reads the previous release from the live site in a fresh CI checkout and
``evkin verify`` reads the archive's manifest; what they read is checked by signature and
hash afterwards (``manifest_sig``, ``derive``), never trusted for how it travelled.
"""

from __future__ import annotations

import urllib.error
import urllib.request

TIMEOUT = 20  # seconds
HTTPError = urllib.error.HTTPError  # the site answered with an error status (e.g. 404)
FAILED = (OSError, urllib.error.URLError, ValueError)  # not read, for whatever reason


def get(url: str, limit: int = -1, timeout: float = TIMEOUT) -> bytes:
    """The body at ``url`` (at most ``limit`` bytes when given); raises one of ``FAILED``."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return bytes(response.read(limit) if limit >= 0 else response.read())


def short_text(url: str, limit: int = 1 << 16) -> str | None:
    """A small text file (a signature) at ``url``; ``None`` when it cannot be read."""
    try:
        return get(url, limit).decode("ascii", errors="replace")
    except FAILED:
        return None
