"""A certificate's subject or issuer in the reader's words ("Nama: BSrE CA, Organisasi: BSSN")
rather than asn1crypto's English labels ("Common Name: …"). Pure."""

from __future__ import annotations

from typing import Any

from evkin.messages import t

# asn1crypto's attribute keys, most specific first (as people read a name).
_ORDER = ("common_name", "organizational_unit_name", "organization_name", "locality_name",
          "state_or_province_name", "country_name", "email_address", "serial_number")


def name_text(name: Any) -> str:
    """``name``: an ``asn1crypto.x509.Name``; unknown attributes keep asn1crypto's label."""
    native = name.native if hasattr(name, "native") else {}
    if not isinstance(native, dict) or not native:
        return str(getattr(name, "human_friendly", "") or "–")
    keys = [k for k in _ORDER if k in native] + [k for k in native if k not in _ORDER]
    parts = []
    for key in keys:
        value = native[key]
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        label = t(f"cert.{key}") if key in _ORDER else key.replace("_", " ")
        parts.append(f"{label}: {shown}")
    return ", ".join(parts)
