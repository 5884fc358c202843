"""Results a publication remembers between runs on this machine, sealed with the record key.

Publishing one report into an archive of a thousand should not check every folder and verify
every trail again: each answer is a pure function of what it reads (the folder's bytes, the
trail, the settings, the code, the day), so it may be remembered under a key of all of that, as
the derived PDFs are. But a file in ``build/`` is not a root of trust (``design.md``): a job
that ran a pull request's code on the same runner could have written it. So every memory file
is sealed with an HMAC whose secret is derived from the record key, which only the publishing
step holds (the same key that signs the trails and the manifest, so it vouches for nothing it
could not already sign). A file whose seal does not verify, came with a checkout, or was written
for another key is not read at all; without the record key nothing is remembered.

One file per kind (``periksa``: checked folders; ``jejak``: trail verdicts), rewritten with
exactly the entries of the current run, so it never grows with the archive's history. The
entries are pickles: read only after the seal verified, never from anywhere else.
"""

from __future__ import annotations

import hashlib
import hmac
import pickle
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path

from evkin import __version__
from evkin.files import write_atomic

MAGIC = b"evkin-ingatan 1\n"
FOLDER = Path("build") / "evkin-cache" / "ingatan"
# Libraries whose answers a remembered check or verdict holds (YAML, spreadsheets, Markdown,
# signatures): another version may answer otherwise, so it reads as another key.
LIBRARIES = ("PyYAML", "openpyxl", "markdown-it-py", "mdit-py-plugins", "nh3", "cryptography",
             "pyHanko")


def files_hash(package: str) -> str:
    """Every file of an installed package (its code, templates and data), by relative name."""
    h = hashlib.sha256()
    stack = [resources.files(package)]
    files = []
    while stack:
        item = stack.pop()
        for child in item.iterdir():
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append(child)
            elif child.is_file() and not child.name.endswith(".pyc"):
                files.append(child)
    top = str(resources.files(package))
    for child in sorted(files, key=str):
        h.update(str(child).removeprefix(top).encode() + b"\0")
        h.update(child.read_bytes())
    return h.hexdigest()


@cache
def code_key() -> str:
    """evkin's version, every file of the package and the libraries' versions (``LIBRARIES``):
    the code part of every memory key."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(__version__.encode() + b"\0" + files_hash("evkin").encode())
    for name in LIBRARIES:
        try:
            h.update(f"\0{name}={version(name)}".encode())
        except PackageNotFoundError:
            h.update(f"\0{name}=-".encode())
    return h.hexdigest()


class Memo:
    """The sealed memory files under ``folder`` for one secret (see the module's docstring)."""

    def __init__(self, folder: Path, record_key: str) -> None:
        self.folder = folder
        self._secret = hashlib.sha256(b"evkin-ingatan\0" + record_key.strip().encode()).digest()

    def _seal(self, kind: str, body: bytes) -> bytes:
        return hmac.new(self._secret, kind.encode() + b"\0" + body, hashlib.sha256).digest()

    def seal_for(self, kind: str) -> bytes:
        """The secret that seals each row of the ``kind`` cache (``cache_db``): rows written
        without it (by a build that does not hold the record key) are not read."""
        return self._seal(kind, b"cache_db")

    def read(self, kind: str) -> dict[str, bytes]:
        """The entries of ``kind`` (key → bytes), or none when the file is missing, damaged or
        sealed with another secret."""
        try:
            raw = (self.folder / f"{kind}.bin").read_bytes()
        except OSError:
            return {}
        if not raw.startswith(MAGIC) or len(raw) < len(MAGIC) + 32:
            return {}
        seal, body = raw[len(MAGIC):len(MAGIC) + 32], raw[len(MAGIC) + 32:]
        if not hmac.compare_digest(seal, self._seal(kind, body)):
            return {}
        try:
            entries = pickle.loads(body)  # sealed by this secret: checked above
        except Exception:  # a sealed file of another evkin version: forget it
            return {}
        if not isinstance(entries, dict) or not all(
                isinstance(k, str) and isinstance(v, bytes) for k, v in entries.items()):
            return {}
        return entries

    def write(self, kind: str, entries: Mapping[str, bytes]) -> None:
        """Replace the file of ``kind`` with ``entries``, sealed (whole or not at all)."""
        body = pickle.dumps(dict(entries), protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(self.folder / f"{kind}.bin", MAGIC + self._seal(kind, body) + body)
