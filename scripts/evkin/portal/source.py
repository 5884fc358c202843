"""Reading files of a published archive, from a folder or over http(s): only paths inside it,
only up to a size, never following anything the archive says elsewhere."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urljoin

TIMEOUT = 20
MAX_BYTES = 200 * 1024 * 1024  # a PDF of a report is a few MB; anything past this is refused


class Unreachable(Exception):
    """The archive (or one of its files) could not be read; ``str`` says why."""


def safe_relative(rel: str) -> str | None:
    """``rel`` as a path inside the archive, or ``None`` when it could leave it (absolute,
    ``..``, a scheme, a backslash, a control character)."""
    if not rel or "\\" in rel or ":" in rel or rel.startswith("/") or any(
            ord(c) < 32 for c in rel):
        return None
    parts = PurePosixPath(rel).parts
    if any(p in ("..", ".") for p in parts) or not parts:
        return None
    return "/".join(parts)


class Source:
    """One agency's published archive."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.url = location.startswith(("http://", "https://"))
        self.base = (location if location.endswith("/") else location + "/") if self.url \
            else location

    def read(self, rel: str, limit: int = MAX_BYTES) -> bytes:
        safe = safe_relative(rel)
        if safe is None:
            raise Unreachable(f"{rel}: bukan berkas di dalam arsip")
        if self.url:
            address = urljoin(self.base, quote(safe))
            try:
                with urllib.request.urlopen(address, timeout=TIMEOUT) as response:
                    data: bytes = response.read(limit + 1)
            except (OSError, urllib.error.URLError, ValueError) as error:
                raise Unreachable(f"{address}: {error}") from None
        else:
            base = Path(self.base).resolve()
            path = (base / safe).resolve()
            if not path.is_relative_to(base):  # a symbolic link out of the archive
                raise Unreachable(f"{rel}: menunjuk ke luar arsip")
            try:
                with path.open("rb") as handle:
                    data = handle.read(limit + 1)
            except OSError as error:
                raise Unreachable(f"{path}: {error.strerror or error}") from None
        if len(data) > limit:
            raise Unreachable(f"{rel}: lebih besar dari {limit} bita")
        return data
