"""The last manifest publication signed, recorded where the site host cannot write: git.

An older manifest stays genuinely signed for ever, so whoever can write the archive's hosting
could serve one again (a replay) and the next publication would carry its facts over
(``terbit``, ``diberitahukan``, ``versi_lama``). So the step that signs a manifest also writes
``terbitan/manifes.yml``: its number (``urutan``) and SHA-256, signed with the same record key
(namespace ``evkin-manifes-tercatat``, so neither signature passes for the other). In CI a job
commits it to main with the deploy key after the site is deployed; a publication on the
agency's own server leaves it in the working copy.

What counts is the highest number among every version of that file along the first-parent
line of HEAD (the protected main line) and the working copy, whose signature verifies against
the usable record keys of ``evkin.yml``: a later commit that puts an older record back, or a
record with a made-up number, lowers nothing. A record that lags (its push failed) only makes
the check weaker, never a false alarm: a newer manifest than the record is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evkin import gitrepo, signing
from evkin.files import write_atomic
from evkin.record import manifest_chain, manifest_sig
from evkin.record.manifest_chain import Seen
from evkin.settings import Settings

RECORD_FILE = "terbitan/manifes.yml"
NAMESPACE = "evkin-manifes-tercatat"
HEADER = ("# Dicatat oleh evkin publish setelah manifest arsip ditandatangani kunci pencatat.\n"
          "# Penerbitan berikutnya membandingkan manifest situs dengan catatan ini, sehingga\n"
          "# manifest lama yang disajikan lagi dikenali. Jangan diubah dengan tangan.\n")


@dataclass(frozen=True)
class Entry:
    """One version of the record, as written (its signature not checked yet)."""

    sequence: int
    sha256: str
    signature: str


def payload(sequence: int, sha256: str) -> bytes:
    """What the record key signs: the number and the hash, nothing else."""
    return f"evkin-manifes-tercatat\nurutan: {sequence}\nsha256: {sha256}\n".encode()


def render(raw_manifest: bytes, sequence: int, key: str) -> str:
    """The record's text for the manifest whose bytes are ``raw_manifest``."""
    sha = manifest_chain.digest(raw_manifest)
    signature = signing.sign_with_key_text(payload(sequence, sha), key, NAMESPACE).strip()
    indented = "".join(f"  {line}\n" for line in signature.splitlines())
    return f"{HEADER}urutan: {sequence}\nsha256: {sha}\ntanda_tangan: |\n{indented}"


def parse(text: str) -> Entry | None:
    """The record's fields; ``None`` for anything that is not one (never an error: a broken
    version only counts for nothing)."""
    fields: dict[str, str] = {}
    lines = text.splitlines()
    signature: list[str] = []
    for n, line in enumerate(lines):
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("tanda_tangan: |"):
            signature = [s[2:] for s in lines[n + 1:] if s.startswith("  ")]
            break
        name, _, value = line.partition(": ")
        fields[name] = value.strip()
    number, sha = fields.get("urutan", ""), fields.get("sha256", "")
    if not (number.isdigit() and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)
            and signature):
        return None
    return Entry(int(number), sha, "\n".join(signature) + "\n")


def write(root: Path, raw_manifest: bytes, sequence: int, key: str) -> Path:
    """Record the manifest just signed (``raw_manifest``, number ``sequence``) in the working
    copy; unchanged when it is recorded already."""
    path = root / RECORD_FILE
    text = render(raw_manifest, sequence, key)
    if not (path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text):
        write_atomic(path, text)
    return path


def versions(root: Path) -> list[str]:
    """Every version of the record along HEAD's first-parent line, and the working copy's."""
    found = gitrepo.versions_along_line(root, RECORD_FILE)
    path = root / RECORD_FILE
    if path.is_file():
        found.append(path.read_text(encoding="utf-8", errors="replace"))
    return found


def latest(settings: Settings) -> Seen | None:
    """The highest recorded manifest whose record verifies; ``None`` when none does."""
    keys = manifest_sig.usable_keys(settings)
    if not keys:
        return None
    signers = [signing.Signer(signing.RECORD_PRINCIPAL, k) for k in keys]
    entries = {e for e in map(parse, versions(settings.root)) if e is not None}
    for entry in sorted(entries, key=lambda e: (e.sequence, e.sha256), reverse=True):
        if signing.verify(payload(entry.sequence, entry.sha256), entry.signature, signers,
                          signing.RECORD_PRINCIPAL, NAMESPACE):
            return Seen(entry.sequence, entry.sha256)
    return None
