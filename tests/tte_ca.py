"""A test certification authority made in the test: a root, a signer certificate (valid,
expired or from an untrusted root) and a PKCS#12 file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Uji evkin"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


@dataclass
class Ca:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    @classmethod
    def make(cls, name: str = "Root CA Uji") -> Ca:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=30))
                .not_valid_after(now + dt.timedelta(days=3650))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(False, False, False, False, False, True, True,
                                             False, False), critical=True)
                .sign(key, hashes.SHA256()))
        return cls(key, cert)

    def pem(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path

    def issue(self, common: str, expired: bool = False
              ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        start, end = ((now - dt.timedelta(days=400), now - dt.timedelta(days=2)) if expired
                      else (now - dt.timedelta(days=1), now + dt.timedelta(days=365)))
        cert = (x509.CertificateBuilder().subject_name(_name(common))
                .issuer_name(self.cert.subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(start).not_valid_after(end)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(True, True, False, False, False, False, False,
                                             False, False), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                               critical=False)
                .sign(self.key, hashes.SHA256()))
        return key, cert

    def pkcs12(self, path: Path, common: str, passphrase: bytes,
               expired: bool = False) -> Path:
        key, cert = self.issue(common, expired)
        path.write_bytes(pkcs12.serialize_key_and_certificates(
            b"ttd", key, cert, [self.cert],
            serialization.BestAvailableEncryption(passphrase)))
        return path


# ---------------------------------------------------------------- a PKI with OCSP, CRL and TSAs

ARCH = "bsre-uji"
KEPALA_CN = "HENDRA SAPUTRA"  # as BSrE writes a name: no titles, no degrees
OTHER_CN = "RINA MARLINA"  # the Sekretaris: a real certificate, the wrong person
SEAL_CN = "Dinas Bina Marga Uji"  # the agency's seal certificate
_LABELS = ("root", "interm", "ocsp", "kepala", "lain", "segel", "tsa", "tsa2")


def _pki_config(keys: Path, prefix: str, now: dt.datetime,
                validity: dict[str, tuple[int, int]] | None = None) -> dict[str, object]:
    """certomancer's configuration: root → intermediate (OCSP responder, CRLs) → the Kepala
    Dinas, another official and the agency's seal, valid for months; two TSAs, the second
    valid for decades. Dates relative to ``now``: the "after expiry" tests move the clock."""
    for label in _LABELS:
        key = ec.generate_private_key(ec.SECP256R1())
        (keys / f"{label}.pem").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))

    def days(n: int) -> str:
        return (now + dt.timedelta(days=n)).strftime("%Y-%m-%dT%H:%M:%S+0000")

    def valid(start: int, end: int) -> dict[str, str]:
        return {"valid-from": days(start), "valid-to": days(end)}

    def usage(*names: str) -> dict[str, object]:
        return {"id": "key_usage", "critical": True,
                "smart-value": {"schema": "key-usage", "params": list(names)}}

    def crl(repo: str) -> dict[str, object]:
        return {"id": "crl_distribution_points",
                "smart-value": {"schema": "crl-dist-url", "params": {"crl-repo-names": [repo]}}}

    leaf = [usage("digital_signature", "non_repudiation"), crl("interm"),
            {"id": "authority_information_access",
             "smart-value": {"schema": "aia-urls", "params": {"ocsp-responder-names": ["interm"]}}}]
    tsa = [usage("digital_signature"), crl("root"),
           {"id": "extended_key_usage", "critical": True, "value": ["time_stamping"]}]
    ca = {"id": "basic_constraints", "critical": True, "value": {"ca": True}}
    names = {"root": "Root CA Uji BSrE", "interm": "CA Antara Uji BSrE", "ocsp": "OCSP Uji",
             "kepala": KEPALA_CN, "lain": OTHER_CN, "segel": SEAL_CN, "tsa": "TSA Uji",
             "tsa2": "TSA Uji Kedua"}
    certs: dict[str, dict[str, object]] = {
        "root": {"subject": "root", "subject-key": "root", "issuer": "root",
                 "authority-key": "root", "validity": valid(-800, 30000),
                 "extensions": [ca, usage("digital_signature", "key_cert_sign", "crl_sign")]},
        "interm": {"issuer": "root", "validity": valid(-800, 30000),
                   "extensions": [ca, usage("digital_signature", "key_cert_sign", "crl_sign"),
                                  crl("root")]},
        "ocsp": {"issuer": "interm", "validity": valid(-800, 30000),
                 "extensions": [usage("digital_signature"), {"id": "ocsp_no_check"},
                                {"id": "extended_key_usage", "critical": True,
                                 "value": ["ocsp_signing"]}]},
        "kepala": {"issuer": "interm", "validity": valid(-300, 180), "extensions": leaf},
        "lain": {"issuer": "interm", "validity": valid(-300, 180), "extensions": leaf},
        "segel": {"issuer": "interm", "validity": valid(-300, 180), "extensions": leaf},
        "tsa": {"issuer": "root", "validity": valid(-800, 1460), "extensions": tsa},
        "tsa2": {"issuer": "root", "validity": valid(-1, 12000), "extensions": tsa},
    }
    for label, (start, end) in (validity or {}).items():  # days from now
        certs[label]["validity"] = valid(start, end)
    return {
        "external-url-prefix": prefix,
        "keysets": {"uji": {"path-prefix": str(keys),
                            "keys": {label: {"path": f"{label}.pem"} for label in _LABELS}}},
        "pki-architectures": {ARCH: {
            "keyset": "uji",
            "entity-defaults": {"country-name": "ID", "organization-name": "Uji evkin"},
            "entities": {label: {"common-name": name} for label, name in names.items()},
            "certs": certs,
            "services": {
                "ocsp": {"interm": {"for-issuer": "interm", "responder-cert": "ocsp",
                                    "signing-key": "ocsp"}},
                "crl-repo": {
                    "root": {"for-issuer": "root", "signing-key": "root",
                             "simulated-update-schedule": "P90D"},
                    "interm": {"for-issuer": "interm", "signing-key": "interm",
                               "simulated-update-schedule": "P30D"}},
                "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"},
                                  "tsa2": {"signing-key": "tsa2", "signing-cert": "tsa2"}},
            }}},
    }


@dataclass
class Pki:
    """A certomancer PKI served over HTTP (OCSP, CRL, TSA) by a pytest-httpserver."""

    arch: object
    animator: object
    prefix: str

    @classmethod
    def make(cls, keys: Path, prefix: str,
             validity: dict[str, tuple[int, int]] | None = None) -> Pki:
        from certomancer.integrations.animator import Animator, AnimatorArchStore
        from certomancer.registry import ArchLabel, CertomancerConfig

        keys.mkdir(parents=True, exist_ok=True)
        config = CertomancerConfig(_pki_config(keys, prefix.rstrip("/"),
                                               dt.datetime.now(dt.UTC), validity),
                                   key_search_dir=str(keys))
        return cls(config.get_pki_arch(ArchLabel(ARCH)),
                   Animator(AnimatorArchStore(config.pki_archs), with_web_ui=False),
                   prefix.rstrip("/"))

    def serve(self, httpserver: object) -> None:
        import io
        import re

        from werkzeug import Request

        def handle(request: Request) -> object:
            # The server read the body already: give certomancer a fresh stream of it.
            data = request.get_data()
            environ = dict(request.environ)
            environ.update({"wsgi.input": io.BytesIO(data), "CONTENT_LENGTH": str(len(data))})
            return self.animator.dispatch(Request(environ))  # type: ignore[attr-defined]

        httpserver.expect_request(re.compile(f"^/{ARCH}/")).respond_with_handler(  # type: ignore[attr-defined]
            handle)

    def cert(self, label: str) -> object:
        from certomancer.registry import CertLabel

        return self.arch.get_cert(CertLabel(label))  # type: ignore[attr-defined]

    def signer(self, label: str) -> object:
        """A pyHanko signer holding ``label``'s key, its certificate and the chain."""
        from certomancer.registry import KeyLabel
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        return signers.SimpleSigner(
            signing_cert=self.cert(label),
            signing_key=self.arch.key_set.get_private_key(KeyLabel(label)),  # type: ignore[attr-defined]
            cert_registry=SimpleCertificateStore.from_certs([self.cert("root"),
                                                             self.cert("interm")]))

    def root_pem(self, path: Path) -> Path:
        from asn1crypto import pem

        path.write_bytes(pem.armor("CERTIFICATE", self.cert("root").dump()))  # type: ignore[attr-defined]
        return path

    def tsa_url(self, label: str = "tsa") -> str:
        return f"{self.prefix}/{ARCH}/tsa/{label}"
