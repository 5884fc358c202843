"""The archive manifest's signature: ``manifest.json.sig`` beside ``manifest.json``.

An SSH signature with the record key (``EVKIN_RECORD_KEY``, public halves in
``pencatat.kunci``), made by the publishing step that has just checked every listed PDF against
its own derivation from the approved commit. Namespace ``evkin-manifes``: a manifest signature
never passes for a trail's (namespace ``evkin``), nor the reverse. Whatever reads a manifest
later — ``evkin verify``, the next publication, a province portal — checks this first, so the
transport (often plain ``http://`` on an intranet) decides nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from evkin import environment, signing
from evkin.approval import trust
from evkin.findings import EvkinError
from evkin.settings import Settings

SIG_FILE = "manifest.json.sig"
NAMESPACE = "evkin-manifes"


def private_key(settings: Settings, env: Mapping[str, str] | None = None) -> str | None:
    """The record key from the environment, checked against ``pencatat.kunci``; ``None``
    when this step holds no key (the build job, a local publication)."""
    private = environment.record_key(env)
    if not private.strip():
        return None

    public = signing.public_key_of_text(private)
    if trust.is_sample_key(public) and not trust.sample_allowed():
        raise EvkinError("record.sample_key", {"env": signing.RECORD_KEY_ENV})
    if public not in settings.record_keys:
        raise EvkinError("record.key_not_listed", {"env": signing.RECORD_KEY_ENV,
                                                   "key": public[:40] + "…"})
    return private


def sign(data: bytes, key: str) -> str:
    return signing.sign_with_key_text(data, key, NAMESPACE)


def usable_keys(settings: Settings) -> list[str]:
    """Record keys that may vouch for a manifest today: listed, not revoked (a manifest is
    signed afresh at every publication, so a revoked key's old signatures need not count), and
    not the sample key whose private half is public (outside the demo and the tests)."""
    import datetime as dt


    today = dt.date.today()
    return [k for k in settings.record_keys
            if not trust.revoked_at(settings.revoked, k, today)
            and (trust.sample_allowed() or not trust.is_sample_key(k))]


def check(settings: Settings | None, data: bytes, signature: str | None, source: str) -> None:
    """Refuse a manifest whose signature is missing or does not verify against the usable
    record keys of ``evkin.yml`` (the repository's own settings, never the archive's)."""
    keys = usable_keys(settings) if settings is not None else []
    if not keys:
        raise EvkinError("manifest.no_keys", {"source": source})
    if not signature or "BEGIN SSH SIGNATURE" not in signature:
        raise EvkinError("manifest.unsigned", {"source": source, "sig": SIG_FILE})
    signers = [signing.Signer(signing.RECORD_PRINCIPAL, k) for k in keys]
    if not signing.verify(data, signature, signers, signing.RECORD_PRINCIPAL, NAMESPACE):
        raise EvkinError("manifest.bad_signature", {"source": source, "sig": SIG_FILE})
