"""SSH signatures verified in-process answer exactly as ``ssh-keygen -Y verify`` does.

Real ``ssh-keygen`` makes a key of each type evkin verifies in-process and signs; every
genuine signature and every forgery a Tim SAKIP member could try on a trail is then checked
both ways. In-process may leave a case to ssh-keygen (``None``), never answer otherwise.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evkin import signing
from evkin.approval import trust
from evkin.approval.records import load_trail
from evkin.bundled import SAMPLE
from evkin.signing import Signer

KEY_TYPES = {"ed25519": ["-t", "ed25519"], "rsa": ["-t", "rsa", "-b", "2048"],
             "ecdsa256": ["-t", "ecdsa", "-b", "256"], "ecdsa384": ["-t", "ecdsa", "-b", "384"],
             "ecdsa521": ["-t", "ecdsa", "-b", "521"]}
ROLE = "kepala_dinas"
NAMESPACES = st.sampled_from(["evkin", "git", "evkin-manifes"]) | st.from_regex(
    r"[a-z][a-z0-9.@_-]{0,15}", fullmatch=True)
FEW = settings(max_examples=8, deadline=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("keys")
    out = {}
    for name, options in KEY_TYPES.items():
        subprocess.run(["ssh-keygen", "-q", *options, "-N", "", "-C", name, "-f",
                        str(folder / name)], check=True, stdin=subprocess.DEVNULL)
        out[name] = folder / name
    return out


def both(data: bytes, signature: str, allowed: list[Signer], principal: str = ROLE,
         namespace: str = signing.NAMESPACE) -> bool:
    """ssh-keygen's answer, after asserting that in-process never contradicts it."""
    reference = signing.verify_with_keygen(data, signature, allowed, principal, namespace)
    here = signing.verify_in_process(data, signature, allowed, principal, namespace)
    assert here is None or here == reference, (here, reference)
    assert signing.verify(data, signature, allowed, principal, namespace) == reference
    return reference


def allowed(key: Path, principal: str = ROLE) -> list[Signer]:
    return [Signer(principal, signing.public_key_of(key))]


def unarmor(signature: str) -> bytes:
    return base64.b64decode("".join(signature.strip().splitlines()[1:-1]))


def armor(blob: bytes) -> str:
    text = base64.b64encode(blob).decode()
    lines = [text[i:i + 70] for i in range(0, len(text), 70)]
    return "\n".join(["-----BEGIN SSH SIGNATURE-----", *lines,
                      "-----END SSH SIGNATURE-----"]) + "\n"


def field(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def fields(blob: bytes) -> tuple[int, list[bytes]]:
    """Version and the five fields of an SSHSIG blob."""
    at, out = 10, []
    for _ in range(5):
        (size,) = struct.unpack_from(">I", blob, at)
        out.append(blob[at + 4:at + 4 + size])
        at += 4 + size
    return struct.unpack_from(">I", blob, 6)[0], out


def build(public: bytes, namespace: bytes, hash_name: bytes, signature: bytes,
          version: int = 1, reserved: bytes = b"") -> bytes:
    return (b"SSHSIG" + struct.pack(">I", version) + field(public) + field(namespace)
            + field(reserved) + field(hash_name) + field(signature))


def crafted(key: Path, data: bytes, namespace: str = "evkin", hash_name: str = "sha512",
            algorithm: str = "") -> str:
    """An SSHSIG made here (what ssh-keygen would never make: SHA-1, sha256, ...)."""
    private = serialization.load_ssh_private_key(key.read_bytes(), None)
    public = private.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                               serialization.PublicFormat.OpenSSH)
    digest = hashlib.new(hash_name, data).digest()
    signed = (b"SSHSIG" + field(namespace.encode()) + field(b"") + field(hash_name.encode())
              + field(digest))
    if isinstance(private, ed25519.Ed25519PrivateKey):
        raw = field(b"ssh-ed25519") + field(private.sign(signed))
    elif isinstance(private, rsa.RSAPrivateKey):
        chosen = {"ssh-rsa": hashes.SHA1(), "rsa-sha2-256": hashes.SHA256(),
                  "rsa-sha2-512": hashes.SHA512()}[algorithm]
        raw = field(algorithm.encode()) + field(private.sign(signed, padding.PKCS1v15(), chosen))
    else:
        raise AssertionError(type(private))
    return armor(build(base64.b64decode(public.split()[1]), namespace.encode(),
                       hash_name.encode(), raw))


@FEW
@given(data=st.binary(max_size=2000), namespace=NAMESPACES, name=st.sampled_from(list(KEY_TYPES)))
def test_genuine_signatures_verify_in_process(keys: dict[str, Path], data: bytes,
                                              namespace: str, name: str) -> None:
    signature = signing.sign(data, keys[name], namespace)
    ok = allowed(keys[name])
    assert signing.verify_in_process(data, signature, ok, ROLE, namespace) is True
    assert both(data, signature, ok, namespace=namespace)
    wrong = "evkin" if namespace != "evkin" else "git"
    assert not both(data, signature, ok, namespace=wrong)  # the wrong namespace


@pytest.mark.parametrize("name", list(KEY_TYPES))
def test_every_key_type_decides_in_process(keys: dict[str, Path], name: str) -> None:
    """The fast path covers every key type evkin's officials hold (none left to ssh-keygen),
    and the refusals that matter most are decided in-process too."""
    data = b"paraf " + name.encode()
    signature = signing.sign(data, keys[name])
    ok = allowed(keys[name])
    assert signing.verify_in_process(data, signature, ok, ROLE) is True
    assert signing.verify_in_process(data + b".", signature, ok, ROLE) is False
    assert signing.verify_in_process(data, signature, ok, ROLE, "git") is False
    assert signing.verify_in_process(data, signature, allowed(keys[name], "sekretaris"),
                                     ROLE) is False
    other = "ed25519" if name != "ed25519" else "rsa"
    assert signing.verify_in_process(data, signature, allowed(keys[other]), ROLE) is False


@FEW
@given(data=st.binary(min_size=1, max_size=500), at=st.integers(min_value=0),
       bit=st.integers(min_value=0, max_value=7), name=st.sampled_from(list(KEY_TYPES)))
def test_a_flipped_bit_in_message_or_signature(keys: dict[str, Path], data: bytes, at: int,
                                               bit: int, name: str) -> None:
    signature = signing.sign(data, keys[name])
    ok = allowed(keys[name])
    message = bytearray(data)
    message[at % len(message)] ^= 1 << bit
    assert not both(bytes(message), signature, ok)
    blob = bytearray(unarmor(signature))
    blob[at % len(blob)] ^= 1 << bit
    assert not both(data, armor(bytes(blob)), ok)


@FEW
@given(at=st.integers(min_value=0), char=st.sampled_from("AQgw+/=x\n -"),
       name=st.sampled_from(list(KEY_TYPES)))
def test_a_changed_character_in_the_armor(keys: dict[str, Path], at: int, char: str,
                                          name: str) -> None:
    data = b"laporan final"
    signature = signing.sign(data, keys[name])
    at %= len(signature)
    changed = signature[:at] + char + signature[at + 1:]
    if changed != signature:
        both(data, changed, allowed(keys[name]))  # may pass only if ssh-keygen passes it


@FEW
@given(cut=st.integers(min_value=1), name=st.sampled_from(list(KEY_TYPES)))
def test_truncated_armor(keys: dict[str, Path], cut: int, name: str) -> None:
    data = b"laporan final"
    signature = signing.sign(data, keys[name])
    assert not both(data, signature[:-(cut % (len(signature) - 30) + 30)], allowed(keys[name]))


def test_another_keys_signature_and_another_principals_key(keys: dict[str, Path]) -> None:
    data = b"paraf sekretaris"
    signature = signing.sign(data, keys["ed25519"])
    assert not both(data, signature, allowed(keys["ecdsa256"]))
    # The signing key is allowed, but for the Sekretaris, not the Kepala Dinas.
    mixed = [Signer("sekretaris", signing.public_key_of(keys["ed25519"])),
             Signer(ROLE, signing.public_key_of(keys["rsa"]))]
    assert not both(data, signature, mixed)
    assert both(data, signature, mixed, principal="sekretaris")


def test_version_two_trailing_data_and_garbage_after_the_armor(keys: dict[str, Path]) -> None:
    data = b"laporan final"
    signature = signing.sign(data, keys["ed25519"])
    ok = allowed(keys["ed25519"])
    version, parts = fields(unarmor(signature))
    assert version == 1
    assert not both(data, armor(build(*parts[:2], parts[3], parts[4], version=2)), ok)
    assert not both(data, armor(unarmor(signature) + b"\0\0\0\0"), ok)
    # Inside the signature field too.
    assert not both(data, armor(build(*parts[:2], parts[3], parts[4] + b"x")), ok)
    both(data, signature + "tambahan\n", ok)  # after the footer: as ssh-keygen decides
    both(data, armor(build(*parts[:2], parts[3], parts[4], version=0)), ok)
    both(data, armor(build(*parts[:2], parts[3], parts[4], reserved=b"r")), ok)


def test_embedded_public_key_differs_from_the_signing_key(keys: dict[str, Path]) -> None:
    data = b"laporan final"
    signature = signing.sign(data, keys["ed25519"])
    _, parts = fields(unarmor(signature))
    other = unarmor(signing.sign(data, keys["ecdsa256"]))
    _, other_parts = fields(other)
    forged = armor(build(other_parts[0], *parts[1:2], parts[3], parts[4]))
    assert not both(data, forged, allowed(keys["ecdsa256"]))
    assert not both(data, forged, allowed(keys["ed25519"]))
    # Another Ed25519 key carried with this signature: same type, other key.
    with_spare = keys["ed25519"].parent / "spare"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(with_spare)],
                   check=True, stdin=subprocess.DEVNULL)
    _, spare_parts = fields(unarmor(signing.sign(data, with_spare)))
    forged = armor(build(spare_parts[0], *parts[1:2], parts[3], parts[4]))
    assert not both(data, forged, allowed(with_spare))
    assert not both(data, forged, allowed(keys["ed25519"]))


def test_rsa_sha1_is_refused_as_ssh_keygen_refuses_it(keys: dict[str, Path]) -> None:
    data = b"laporan final"
    ok = allowed(keys["rsa"])
    for algorithm in ("rsa-sha2-256", "rsa-sha2-512"):  # the forms ssh-keygen accepts
        assert both(data, crafted(keys["rsa"], data, algorithm=algorithm), ok)
    sha1 = crafted(keys["rsa"], data, algorithm="ssh-rsa")
    assert signing.verify_in_process(data, sha1, ok, ROLE) is False
    assert not both(data, sha1, ok)


def test_hash_algorithms(keys: dict[str, Path]) -> None:
    data = b"laporan final"
    ok = allowed(keys["ed25519"])
    assert signing.verify_in_process(data, crafted(keys["ed25519"], data, hash_name="sha256"),
                                     ok, ROLE) is True
    assert both(data, crafted(keys["ed25519"], data, hash_name="sha256"), ok)
    assert not both(data, crafted(keys["ed25519"], data, hash_name="sha1"), ok)
    assert not both(data, crafted(keys["ed25519"], data, hash_name="sha384"), ok)
    assert not both(data, crafted(keys["ed25519"], data, namespace="git"), ok)


def test_malleated_ed25519_signature(keys: dict[str, Path]) -> None:
    """S + L: the same signature to the reference Ed25519 code, not to OpenSSL's."""
    data = b"laporan final"
    signature = signing.sign(data, keys["ed25519"])
    _, parts = fields(unarmor(signature))
    raw = parts[4][-64:]
    s = int.from_bytes(raw[32:], "little") + 2**252 + 27742317777372353535851937790883648493
    if s < 2**256:
        forged = parts[4][:-64] + raw[:32] + s.to_bytes(32, "little")
        both(data, armor(build(*parts[:2], parts[3], forged)), allowed(keys["ed25519"]))


def test_keys_left_to_ssh_keygen(keys: dict[str, Path], tmp_path: Path) -> None:
    """A key type not checked in-process (an ECDSA key used with a mismatched signature
    type, a FIDO key's allowed line) is decided by ssh-keygen, not guessed."""
    data = b"laporan final"
    signature = signing.sign(data, keys["ed25519"])
    fido = Signer(ROLE, "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t"
                        "AAAAIHqSqjmQuW1tBqeRChy+yQC6ShH6u5j0oOSwmSfLjc0GAAAABHNzaDo=")
    mixed = [fido, *allowed(keys["ed25519"])]
    assert signing.verify_in_process(data, signature, mixed, ROLE) is None
    assert both(data, signature, mixed)
    broken = [Signer(ROLE, "ssh-ed25519 AAAA"), *allowed(keys["ed25519"])]
    assert both(data, signature, broken)
    assert not both(data, signature, [Signer(ROLE, "ssh-ed25519 AAAA")])
    assert signing.verify_in_process(data, signature, allowed(keys["ed25519"]), "kepala*") is None


def test_ecdsa_signature_type_must_match_the_curve(keys: dict[str, Path]) -> None:
    data = b"laporan final"
    signature = signing.sign(data, keys["ecdsa256"])
    _, parts = fields(unarmor(signature))
    inner = parts[4]
    (size,) = struct.unpack_from(">I", inner, 0)
    relabelled = field(b"ecdsa-sha2-nistp384") + inner[4 + size:]
    assert not both(data, armor(build(*parts[:2], parts[3], relabelled)),
                    allowed(keys["ecdsa256"]))
    assert isinstance(serialization.load_ssh_private_key(keys["ecdsa256"].read_bytes(), None),
                      ec.EllipticCurvePrivateKey)


@pytest.mark.parametrize("evaluation_id", ["2024-tahunan", "2025-tahunan"])
def test_stored_trails_take_the_fast_path(evaluation_id: str) -> None:
    """A record signature as a trail file stores it (YAML block, read back) is decided
    in-process: publication does not quietly fall back to one ssh-keygen per trail."""
    trail = load_trail(SAMPLE, evaluation_id)
    assert trail is not None and trail.record_signature
    keys = [Signer(signing.RECORD_PRINCIPAL, k) for k in trust.SAMPLE_RECORD_KEYS]
    assert signing.verify_in_process(trail.payload(), trail.record_signature, keys,
                                     signing.RECORD_PRINCIPAL) is True
    assert both(trail.payload(), trail.record_signature, keys, signing.RECORD_PRINCIPAL)
    assert not both(trail.payload() + b" ", trail.record_signature, keys,
                    signing.RECORD_PRINCIPAL)


def test_an_ed25519_key_blob_not_in_its_one_form(keys: dict[str, Path]) -> None:
    """The Ed25519 key is read without cryptography's SSH module: a blob with a byte more or
    less, or a key field of another length, in the signature or among the allowed signers, is
    never accepted in-process where ssh-keygen refuses it (``both`` asserts it)."""
    data = b"laporan final"
    signature = signing.sign(data, keys["ed25519"])
    _, parts = fields(unarmor(signature))
    raw = parts[0][19:]
    assert parts[0] == field(b"ssh-ed25519") + field(raw) and len(raw) == 32
    ok = allowed(keys["ed25519"])
    assert both(data, signature, ok)
    for blob in (parts[0] + b"\0", field(b"ssh-ed25519") + field(raw[:31]),
                 field(b"ssh-ed25519") + field(raw + b"\0"), field(b"ssh-ed25519")):
        assert not both(data, armor(build(blob, *parts[1:2], parts[3], parts[4])), ok)
        odd = [Signer(ROLE, "ssh-ed25519 " + base64.b64encode(blob).decode())]
        assert signing.verify_in_process(data, signature, odd, ROLE) in (None, False)
        both(data, signature, odd)
