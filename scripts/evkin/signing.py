"""SSH signatures through ``ssh-keygen -Y`` (the same mechanism git's SSH signing uses).

Allowed signers come from the settings: the holders of the approving roles and the
``kunci_ssh`` each holds, one principal per role (``sekretaris``, ``kepala_dinas``), valid
for evkin's own records (namespace ``evkin``) and for git tags and commits (``git``).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from evkin import environment
from evkin.findings import EvkinError

if TYPE_CHECKING:  # settings parse keys with this module: a type only, no import circle
    from evkin.settings import Settings

NAMESPACE = "evkin"
KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-", "sk-ssh-ed25519@openssh.com",
             "sk-ecdsa-sha2-")


@dataclass(frozen=True)
class Signer:
    principal: str  # the role key
    public_key: str  # "type base64" without comment


def parse_public_key(text: str) -> str:
    """``type base64`` of an OpenSSH public key line (comment and options dropped); '' if none."""
    parts = text.strip().split()
    for i, part in enumerate(parts[:-1]):
        if part.startswith(KEY_TYPES):
            return f"{part} {parts[i + 1]}"
    return ""


def same_key(a: str, b: str) -> bool:
    key_a, key_b = parse_public_key(a), parse_public_key(b)
    return bool(key_a) and key_a == key_b


def signers(settings: Settings, roles: Iterable[str]) -> list[Signer]:
    """The role holders' keys as allowed signers (holders without a key are left out)."""
    out = []
    for role in roles:
        for person in settings.roles.holders(role):
            key = parse_public_key(person.kunci_ssh)
            if key:
                out.append(Signer(role, key))
    return out


def allowed_signers_text(found: Iterable[Signer], namespaces: str = f"{NAMESPACE},git") -> str:
    """An ``allowed_signers`` file (ssh-keygen(1) ALLOWED SIGNERS) for these signers."""
    return "".join(f'{s.principal} namespaces="{namespaces}" {s.public_key}\n'
                   for s in found)


def _ssh_keygen() -> str:
    path = shutil.which("ssh-keygen")
    if not path:
        raise EvkinError("ssh.no_keygen")
    return path


def public_key_of(key: Path) -> str:
    """The public key of a signing key file (``.pub`` beside it, else derived from it)."""
    if not key.is_file():
        raise EvkinError("ssh.key_missing", {"path": str(key)})
    candidates = [key] if key.suffix == ".pub" else [Path(f"{key}.pub")]
    for candidate in candidates:
        if candidate.is_file():
            found = parse_public_key(candidate.read_text(encoding="utf-8", errors="replace"))
            if found:
                return found
    result = subprocess.run([_ssh_keygen(), "-y", "-f", str(key)], capture_output=True,
                            text=True, check=False, stdin=subprocess.DEVNULL)
    found = parse_public_key(result.stdout)
    if result.returncode != 0 or not found:
        raise EvkinError("ssh.key_unreadable", {"path": str(key),
                                                "detail": result.stderr.strip()})
    return found


def fingerprint(public_key: str) -> str:
    """``SHA256:...`` of a public key, as ``ssh-keygen -l`` prints it; '' when unreadable."""
    if not parse_public_key(public_key):
        return ""
    result = subprocess.run([_ssh_keygen(), "-l", "-f", "-"], input=public_key + "\n",
                            capture_output=True, text=True, check=False)
    parts = result.stdout.split()
    return parts[1] if result.returncode == 0 and len(parts) > 1 else ""


def sign(data: bytes, key: Path, namespace: str = NAMESPACE) -> str:
    """An armored SSH signature of ``data`` in namespace ``evkin``, made with ``key``.

    ``ssh-keygen -Y sign -f KEY -n evkin`` (standard input → standard output); a passphrase is
    asked on the terminal, and a ``.pub`` file signs through ssh-agent.
    """
    result = subprocess.run([_ssh_keygen(), "-Y", "sign", "-f", str(key), "-n", namespace],
                            input=data, capture_output=True, check=False)
    text = result.stdout.decode("ascii", errors="replace")
    if result.returncode != 0 or "BEGIN SSH SIGNATURE" not in text:
        raise EvkinError("ssh.sign_failed", {
            "path": str(key), "detail": result.stderr.decode(errors="replace").strip()})
    return text.strip() + "\n"


def verify(data: bytes, signature: str, allowed: Iterable[Signer], principal: str,
           namespace: str = NAMESPACE) -> bool:
    """True when ``signature`` over ``data`` was made by a key allowed for ``principal``.

    ``ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n evkin -s SIG < data``
    (namespace ``git`` for a signed commit).
    """
    text = allowed_signers_text(allowed, namespace if namespace != NAMESPACE
                                else f"{NAMESPACE},git")
    if not text or "BEGIN SSH SIGNATURE" not in signature:
        return False
    with tempfile.TemporaryDirectory(prefix="evkin-ssh-") as tmp:
        folder = Path(tmp)
        (folder / "allowed_signers").write_text(text, encoding="utf-8")
        (folder / "record.sig").write_text(signature, encoding="ascii", errors="replace")
        result = subprocess.run(
            [_ssh_keygen(), "-Y", "verify", "-f", str(folder / "allowed_signers"),
             "-I", principal, "-n", namespace, "-s", str(folder / "record.sig")],
            input=data, capture_output=True, check=False)
    return result.returncode == 0


# The record key: held only by the publishing workflow (a forge secret), it signs the trail
# that the after-merge step writes from the forge's reviews. Its public halves are listed in
# evkin.yml (``pencatat.kunci``); a PR author holds no private half, so cannot forge a trail.
RECORD_PRINCIPAL = "pencatat"
RECORD_KEY_ENV = environment.RECORD_KEY


def record_signers(settings: Settings) -> list[Signer]:
    return [Signer(RECORD_PRINCIPAL, key) for key in settings.record_keys]


@contextmanager
def _key_file(private_key: str) -> Iterator[Path]:
    """A private key given as text (a forge secret in the environment) as a file readable by
    this user only, for ``ssh-keygen``; removed when the block ends."""
    if "PRIVATE KEY" not in private_key:
        raise EvkinError("record.key_unreadable", {"env": RECORD_KEY_ENV})
    with tempfile.TemporaryDirectory(prefix="evkin-key-") as tmp:
        path = Path(tmp) / "kunci"
        path.touch(mode=0o600)
        path.write_text(private_key.strip() + "\n", encoding="ascii", errors="replace")
        yield path


def public_key_of_text(private_key: str) -> str:
    """The public half of a private key given as text (``public_key_of`` on a private copy)."""
    with _key_file(private_key) as path:
        try:
            return public_key_of(path)
        except EvkinError:
            # Name the secret, not the temporary file it was copied to.
            raise EvkinError("record.key_unreadable", {"env": RECORD_KEY_ENV}) from None


def sign_with_key_text(data: bytes, private_key: str, namespace: str = NAMESPACE) -> str:
    """Sign with a private key given as text."""
    with _key_file(private_key) as path:
        return sign(data, path, namespace)
