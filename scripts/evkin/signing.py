"""SSH signatures (the SSHSIG format git's SSH signing uses), made by ``ssh-keygen -Y sign``.

Verification runs in-process with ``cryptography`` for the key types evkin's officials and
record keys use (ssh-ed25519, RSA with rsa-sha2-256/512, ecdsa-sha2-nistp256/384/521): a
publication checks every trail afresh, and one ``ssh-keygen`` process per signature was most
of its time. Anything else (FIDO ``sk-*`` keys, certificates, encodings that are not the
canonical ones ``ssh-keygen`` writes) is left to ``ssh-keygen -Y verify``, so nothing passes
in-process that ``ssh-keygen`` refuses.

Allowed signers come from the settings: the holders of the approving roles and the
``kunci_ssh`` each holds, one principal per role (``sekretaris``, ``kepala_dinas``), valid
for evkin's own records (namespace ``evkin``) and for git tags and commits (``git``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import shutil
import struct
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
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

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

    What ``ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n evkin -s SIG < data``
    answers (namespace ``git`` for a signed commit), in-process where ``verify_in_process``
    decides, else by running it.
    """
    allowed = list(allowed)
    if not allowed or "BEGIN SSH SIGNATURE" not in signature:
        return False
    decided = verify_in_process(data, signature, allowed, principal, namespace)
    if decided is not None:
        return decided
    return verify_with_keygen(data, signature, allowed, principal, namespace)


def _namespaces(namespace: str) -> str:
    """The namespaces an allowed signer is valid for when ``namespace`` is checked."""
    return namespace if namespace != NAMESPACE else f"{NAMESPACE},git"


def verify_with_keygen(data: bytes, signature: str, allowed: Iterable[Signer], principal: str,
                       namespace: str = NAMESPACE) -> bool:
    """``ssh-keygen -Y verify`` itself (the fallback, and the reference the tests hold
    ``verify_in_process`` to)."""
    text = allowed_signers_text(allowed, _namespaces(namespace))
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


# --- In-process SSHSIG verification (OpenSSH PROTOCOL.sshsig; sshsig.c) ---------------------

class _Unsure(Exception):
    """A form left to ``ssh-keygen`` (a key type or encoding not checked in-process)."""


class _Refused(Exception):
    """A signature ``ssh-keygen -Y verify`` refuses too."""


_ARMOR = re.compile(rb"-----BEGIN SSH SIGNATURE-----\n((?:[A-Za-z0-9+/=]+\n)+)"
                    rb"-----END SSH SIGNATURE-----\n?")
# Principals and namespaces compared as plain words: ssh-keygen reads both as pattern lists
# (``*``, ``?``, ``!``, commas), so anything else is left to it.
_PLAIN = re.compile(r"[A-Za-z0-9_.@-]+")
_HASHES = {b"sha512": hashlib.sha512, b"sha256": hashlib.sha256}
# Hashes by name in ``cryptography.hazmat.primitives.hashes``: cryptography is imported only
# where a signature is checked, so a draft's ``evkin pdf`` (no trail) never loads it.
_RSA_SIGNATURES = {b"rsa-sha2-512": "SHA512", b"rsa-sha2-256": "SHA256"}  # not ssh-rsa (SHA-1)
_ECDSA_HASHES = {b"ecdsa-sha2-nistp256": "SHA256", b"ecdsa-sha2-nistp384": "SHA384",
                 b"ecdsa-sha2-nistp521": "SHA512"}
_IN_PROCESS_KEYS = (b"ssh-ed25519", b"ssh-rsa", *_ECDSA_HASHES)
_RSA_MINIMUM_BITS = 1024  # smaller RSA keys: ssh-keygen refuses them
_ED25519_ORDER = 2**252 + 27742317777372353535851937790883648493

if TYPE_CHECKING:
    _PublicKey = ed25519.Ed25519PublicKey | rsa.RSAPublicKey | ec.EllipticCurvePublicKey


class _Reader:
    """SSH wire-format fields (RFC 4251 ``uint32``, ``string``); a short field is refused."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def u32(self) -> int:
        if self.at + 4 > len(self.data):
            raise _Refused
        (value,) = struct.unpack_from(">I", self.data, self.at)
        self.at += 4
        return int(value)

    def string(self) -> bytes:
        size = self.u32()
        if self.at + size > len(self.data):
            raise _Refused
        self.at += size
        return self.data[self.at - size:self.at]

    def cstring(self) -> bytes:
        """A text field; a NUL in it is left to ssh-keygen (C string rules)."""
        value = self.string()
        if b"\0" in value:
            raise _Unsure
        return value

    def end(self) -> None:
        if self.at != len(self.data):
            raise _Refused  # trailing data


def _string(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def _dearmor(signature: str) -> bytes:
    """The signature blob of canonical armor (as ``ssh-keygen -Y sign`` writes it)."""
    text = signature.encode("ascii", errors="replace")  # as the fallback writes it
    found = _ARMOR.fullmatch(text)
    if not found:
        raise _Unsure
    body = found.group(1).replace(b"\n", b"")
    try:
        blob = base64.b64decode(body, validate=True)
    except binascii.Error:
        raise _Unsure from None
    if base64.b64encode(blob) != body:  # non-zero padding bits and the like
        raise _Unsure
    return blob


def _public_key(blob: bytes) -> _PublicKey:
    """The key of an OpenSSH public key blob in canonical form, of a type checked
    in-process."""
    key_type = _Reader(blob).string()
    if key_type not in _IN_PROCESS_KEYS:
        raise _Unsure
    if key_type == b"ssh-ed25519":
        return _ed25519_key(blob)
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    try:
        key = serialization.load_ssh_public_key(key_type + b" " + base64.b64encode(blob))
    except (ValueError, UnsupportedAlgorithm):
        raise _Unsure from None
    if not isinstance(key, ed25519.Ed25519PublicKey | rsa.RSAPublicKey
                      | ec.EllipticCurvePublicKey):
        raise _Unsure
    if isinstance(key, rsa.RSAPublicKey) and key.key_size < _RSA_MINIMUM_BITS:
        raise _Unsure
    again = key.public_bytes(serialization.Encoding.OpenSSH,
                             serialization.PublicFormat.OpenSSH).split()
    if again[0] != key_type or base64.b64decode(again[1]) != blob:
        raise _Unsure  # not canonical: ssh-keygen may still read it as the same key
    return key


def _ed25519_key(blob: bytes) -> ed25519.Ed25519PublicKey:
    """An ``ssh-ed25519`` blob's key, in the one canonical form (``string "ssh-ed25519"``,
    ``string`` of 32 bytes, nothing after: what ``load_ssh_public_key`` and ``public_bytes``
    round-trip). Read here rather than by cryptography's SSH module, whose import (bcrypt,
    ciphers) cost a cold final ``evkin pdf`` more than its two signature checks."""
    from cryptography.hazmat.primitives.asymmetric import ed25519

    reader = _Reader(blob)
    try:
        reader.string()
        raw = reader.string()
    except _Refused:
        raise _Unsure from None
    if len(raw) != 32 or reader.at != len(blob):
        raise _Unsure  # not canonical: ssh-keygen may still read it as the same key
    return ed25519.Ed25519PublicKey.from_public_bytes(raw)


def _allowed_blob(public_key: str) -> bytes:
    """The blob of an allowed signer's ``type base64`` key, checked as ssh-keygen reads it."""
    parts = public_key.split()
    if len(parts) != 2:
        raise _Unsure
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except binascii.Error:
        raise _Unsure from None
    try:
        if _Reader(blob).string() != parts[0].encode("ascii", errors="replace"):
            raise _Unsure
        _public_key(blob)
    except _Refused:
        raise _Unsure from None  # ssh-keygen skips a line it cannot read, and reads on
    return blob


def _mpint(value: bytes) -> int:
    """A canonical non-negative mpint (others are left to ssh-keygen)."""
    if value and (value[0] & 0x80 or (value[0] == 0 and (len(value) == 1
                                                           or not value[1] & 0x80))):
        raise _Unsure
    return int.from_bytes(value, "big")


def _signature_valid(key_type: bytes, key: _PublicKey, signature: bytes,
                     signed: bytes) -> bool:
    """``sshkey_verify`` of the blob's signature field over ``signed``; ``key_type`` is the
    type the key's blob names (``_public_key`` made ``key`` of that type)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import ed25519

    reader = _Reader(signature)
    algorithm, raw = reader.cstring(), reader.string()
    reader.end()
    try:
        if key_type == b"ssh-ed25519":
            assert isinstance(key, ed25519.Ed25519PublicKey)
            if algorithm != b"ssh-ed25519" or len(raw) > 64:
                return False
            if len(raw) < 64 or int.from_bytes(raw[32:], "little") >= _ED25519_ORDER:
                raise _Unsure  # forms the reference Ed25519 code reads differently
            key.verify(raw, signed)
            return True
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
        from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

        if key_type == b"ssh-rsa":
            assert isinstance(key, rsa.RSAPublicKey)
            digest = _RSA_SIGNATURES.get(algorithm)
            size = (key.key_size + 7) // 8
            if digest is None or len(raw) > size:
                return False
            key.verify(raw.rjust(size, b"\0"), signed, padding.PKCS1v15(),
                       getattr(hashes, digest)())
        else:
            assert isinstance(key, ec.EllipticCurvePublicKey)
            if algorithm != key_type:
                return False
            inner = _Reader(raw)
            r, s = _mpint(inner.string()), _mpint(inner.string())
            inner.end()
            key.verify(encode_dss_signature(r, s), signed,
                       ec.ECDSA(getattr(hashes, _ECDSA_HASHES[key_type])()))
    except InvalidSignature:
        return False
    return True


def verify_in_process(data: bytes, signature: str, allowed: Iterable[Signer], principal: str,
                      namespace: str = NAMESPACE) -> bool | None:
    """``ssh-keygen -Y verify``'s answer, computed here; ``None`` where it is left to
    ``ssh-keygen`` (see the module's docstring).

    As sshsig.c: version 1; the namespace exactly ``namespace``; hash sha512 or sha256 of
    ``data``; the signature by the key the blob carries, which must be one of the allowed
    signers' keys for ``principal`` (type and key compared as blobs, both canonical).
    """
    try:
        if not _PLAIN.fullmatch(principal) or not _PLAIN.fullmatch(namespace):
            raise _Unsure
        keys = []
        for signer in allowed:
            if not _PLAIN.fullmatch(signer.principal):
                raise _Unsure
            blob = _allowed_blob(signer.public_key)
            if signer.principal == principal:
                keys.append(blob)
        reader = _Reader(_dearmor(signature))
        if reader.data[:6] != b"SSHSIG":
            return False
        reader.at = 6
        version = reader.u32()
        if version != 1:
            if version > 1:
                return False
            raise _Unsure
        key_blob, got_namespace = reader.string(), reader.cstring()
        reader.string()  # reserved: read, not signed (the signed data has it empty)
        hash_name, signed_part = reader.cstring(), reader.string()
        reader.end()
        hasher = _HASHES.get(hash_name)
        if hasher is None:
            return False
        key = _public_key(key_blob)
        if got_namespace != namespace.encode():
            return False
        signed = (b"SSHSIG" + _string(namespace.encode()) + _string(b"") + _string(hash_name)
                  + _string(hasher(data).digest()))
        if not _signature_valid(_Reader(key_blob).string(), key, signed_part, signed):
            return False
        return key_blob in keys
    except _Refused:
        return False
    except _Unsure:
        return None


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
