"""PAdES through pyHanko: the one module that imports pyHanko and its certificate validator.

Making: ``sign_with_pyhanko`` (a signature with its visible appearance, for the agency's seal
and the local test signer); long-term validation: ``extend`` adds, as incremental updates, the
revocation data and certificates of every signature and then a document timestamp (B-LTA),
``renew`` a fresh document timestamp before the newest one's certificate expires (evaluation
reports are permanent records; the signed bytes are never touched: each step is a new
revision). Reading — what a PDF's electronic signatures say, read from the signature fields
themselves (never by searching the bytes: a report titled "/ByteRange /Sig" carries no
signature).

- ``carries_signature``: is there a filled signature field at all;
- ``render_before_signatures``: the file as it was before its first signature (the render the
  Kepala Dinas or the agency signed), cut at the end of that revision as pyHanko's cross-reference
  reader finds it;
- ``verify_signatures``: every signature checked against the configured trust roots. A file with
  long-term validation material (DSS and a document timestamp: PAdES B-LTA) is validated with
  pyHanko's AdES LTA algorithm at ``at`` (default now), so it still verifies after the signer's
  certificate expired: the timestamps prove it was valid when it was signed. Without that
  material a signature is validated now, and an expired certificate fails.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evkin.archive.certnames import name_text
from evkin.findings import EvkinError

# pyHanko imports cryptography's DSA key types, and cryptography announces DSA's deprecation as
# they load. evkin never uses DSA, and a Python warning is not a message for the civil servant
# reading `evkin verify`'s answer.
warnings.filterwarnings("ignore", message="DSA is deprecated", category=UserWarning)

FIELD_NAME = "Segel-Instansi"  # the signature field of the agency's seal

_READ_ERRORS = (ValueError, KeyError, IndexError, TypeError, AttributeError)


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    signer: str  # certificate subject
    issuer: str
    signed_at: dt.datetime | None
    intact: bool  # the bytes it covers are unchanged
    trusted: bool  # the certificate chains to a configured root and is valid
    whole_file: bool  # nothing but timestamps and validation data was added after it
    problem: str  # '' when valid; else a short explanation (English from pyHanko)
    long_term: bool = False  # validated through its B-LTA material (DSS + document timestamp)
    common_name: str = ""  # the certificate's CN, to compare with the signer's name
    serial: str = ""  # the subject's serialNumber attribute (BSrE puts an ID number there)
    revision: int = 0  # the PDF revision that added it

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted and not self.problem

    def as_json(self) -> dict[str, Any]:
        return {"medan": self.field, "penanda_tangan": self.signer, "penerbit": self.issuer,
                "waktu": self.signed_at.isoformat() if self.signed_at else None,
                "utuh": self.intact, "tepercaya": self.trusted,
                "seluruh_berkas": self.whole_file, "jangka_panjang": self.long_term,
                "sah": self.ok, "masalah": self.problem}


def _reader(pdf: bytes) -> Any:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        _ = reader.embedded_signatures
    except (PdfReadError, *_READ_ERRORS) as error:
        raise EvkinError("tte.pdf_unreadable", {"detail": str(error)[:200]}) from None
    return reader


def carries_signature(pdf: bytes) -> bool:
    """Does the PDF hold a filled signature field (a signature or a document timestamp)?
    An unreadable file holds none."""
    try:
        return bool(_reader(pdf).embedded_signatures)
    except EvkinError:
        return False


def render_before_signatures(pdf: bytes) -> bytes | None:
    """The file as it was before its first signature was added (``None`` when unsigned, or when
    the first signature is in the file's first revision: then nothing was signed afterwards)."""
    reader = _reader(pdf)
    found = reader.embedded_signatures
    if not found:
        return None
    first = min(s.signed_revision for s in found)
    if first <= 0:
        return None
    end = reader.xrefs.get_xref_container_info(first - 1).end_location
    mark = pdf.find(b"%%EOF", end)
    if mark < 0:
        return None
    cut = mark + len(b"%%EOF")
    while pdf[cut:cut + 1] in (b"\r", b"\n"):
        cut += 1
    return pdf[:cut]


def _signing_revision_only_signs(reader: Any, revision: int) -> bool:
    """The revision that added the first signature changed nothing of the document before it
    but the catalogue's /AcroForm (and the like), a page's /Annots (the widget), and the
    document information and XMP metadata (modification date, producer), as signers do."""
    from pyhanko.pdf_utils import generic

    old = reader.get_historical_resolver(revision - 1)
    new = reader.get_historical_resolver(revision)
    root_ref = reader.root_ref
    allowed_root = {"/AcroForm", "/Perms", "/DSS", "/Extensions", "/Version"}
    info = reader.trailer_view.raw_get("/Info") if "/Info" in reader.trailer_view else None
    metadata = old(root_ref).raw_get("/Metadata") if "/Metadata" in old(root_ref) else None
    descriptive = {getattr(x, "reference", None) for x in (info, metadata)} - {None}
    for ref in reader.xrefs.explicit_refs_in_revision(revision):
        if reader.xrefs.get_introducing_revision(ref) == revision or ref in descriptive:
            continue  # a new object (field, appearance, signature), or metadata
        before, after = old(ref), new(ref)
        if not isinstance(before, generic.DictionaryObject) or \
                not isinstance(after, generic.DictionaryObject) or \
                isinstance(before, generic.StreamObject):
            return False
        ignored = allowed_root if ref == root_ref else {"/Annots"}
        if ref != root_ref and before.get("/Type") != "/Page":
            return False
        keys = (set(before) | set(after)) - ignored
        if any(before.get(k) != after.get(k) for k in keys):
            return False
        if ref != root_ref:
            old_annots = list(before.get("/Annots", generic.ArrayObject()))
            new_annots = list(after.get("/Annots", generic.ArrayObject()))
            if new_annots[:len(old_annots)] != old_annots:
                return False
    return True


def only_a_signature_added(pdf: bytes, base: bytes) -> bool:
    """Everything after ``base`` (a prefix of ``pdf``) is signatures, their appearance,
    validation data and timestamps: no page content, no annotation, no form value changed.
    The first signature's own revision is compared object by object; what came after it,
    by pyHanko's difference analysis."""
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel
    from pyhanko.sign.diff_analysis.policy_api import SuspiciousModification

    if not pdf.startswith(base):
        return False
    reader = _reader(pdf)
    revisions = _reader(base).xrefs.total_revisions
    try:
        if not _signing_revision_only_signs(reader, revisions):
            return False
        if reader.xrefs.total_revisions == revisions + 1:
            return True
        result = DEFAULT_DIFF_POLICY.review_file(reader, revisions)
    except Exception:  # a file pyHanko cannot compare is refused, not trusted
        return False
    if isinstance(result, SuspiciousModification):
        return False
    return bool(result.modification_level <= ModificationLevel.FORM_FILLING)


def _name_parts(cert: Any) -> tuple[str, str]:
    native = cert.subject.native
    return str(native.get("common_name") or ""), str(native.get("serial_number") or "")


def _lta(sig: Any, roots: Sequence[Any], at: dt.datetime) -> Any:
    """pyHanko's AdES LTA validation at ``at``, from what the file holds (nothing fetched).
    The newest document timestamp's certificate is taken as not revoked at ``at``: its status
    after the fact cannot be in the file (the renewal workflow keeps that timestamp fresh)."""
    from pyhanko.sign.validation.ades import ades_lta_validation
    from pyhanko.sign.validation.policy_decl import (
        LocalKnowledge,
        PdfSignatureValidationSpec,
        RevinfoOnlineFetchingRule,
        RevocationInfoGatheringSpec,
        SignatureValidationSpec,
    )
    from pyhanko_certvalidator.context import CertValidationPolicySpec
    from pyhanko_certvalidator.ltv.types import ValidationTimingInfo
    from pyhanko_certvalidator.policy_decl import (
        CertRevTrustPolicy,
        NonRevokedStatusAssertion,
        RevocationCheckingPolicy,
        RevocationCheckingRule,
    )
    from pyhanko_certvalidator.registry import SimpleTrustManager

    def policy(rule: Any) -> Any:
        return CertValidationPolicySpec(
            trust_manager=SimpleTrustManager.build(trust_roots=list(roots)),
            revinfo_policy=CertRevTrustPolicy(RevocationCheckingPolicy(rule, rule)))

    last = sig.reader.embedded_timestamp_signatures[-1]
    spec = PdfSignatureValidationSpec(SignatureValidationSpec(
        policy(RevocationCheckingRule.CRL_OR_OCSP_REQUIRED),
        RevocationInfoGatheringSpec(online_fetching_rule=RevinfoOnlineFetchingRule.LOCAL_ONLY),
        ts_cert_validation_policy=policy(RevocationCheckingRule.CHECK_IF_DECLARED_SOFT),
        local_knowledge=LocalKnowledge(nonrevoked_assertions=[
            NonRevokedStatusAssertion(last.signer_cert.sha256, at)])))
    timing = ValidationTimingInfo(validation_time=at, best_signature_time=at,
                                  point_in_time_validation=False)
    return asyncio.run(ades_lta_validation(sig, spec, timing_info=timing))


def _problem_of(status: Any) -> str:
    if not status.intact:
        return "integrity"
    if not status.valid:
        return "cryptographic"
    if not status.trusted:
        return "trust"
    return ""


def _whole(status: Any) -> tuple[bool, str]:
    """(nothing but timestamps/validation data after it, a problem if something else was)."""
    from pyhanko.sign.diff_analysis import ModificationLevel

    coverage = str(getattr(status.coverage, "name", status.coverage))
    if coverage == "ENTIRE_FILE":
        return True, ""
    level = getattr(status, "modification_level", None)
    if level is None:
        return False, "changed"
    if level <= ModificationLevel.LTA_UPDATES:
        return True, ""
    if level <= ModificationLevel.FORM_FILLING:
        return False, ""  # another signature was added after it
    return False, "changed"


def _timestamp_time(sig: Any) -> dt.datetime | None:
    """The time the signature's own timestamp token states (a TSA's word), if it has one."""
    from pyhanko.sign.validation.generic_cms import extract_tst_data_iter

    try:
        for token in extract_tst_data_iter(sig.signer_info, signed=False):
            value = token["encap_content_info"]["content"].parsed["gen_time"].native
            return value if isinstance(value, dt.datetime) else None
    except Exception:  # no unsigned attributes, a malformed token: no trusted time
        return None
    return None


def verify_signatures(pdf: bytes, roots: Sequence[Any], at: dt.datetime | None = None,
                      quick: bool = False) -> list[SignatureCheck]:
    """Every signature in the PDF (document timestamps aside), checked: integrity, what was
    added after it, and the certificate chain to ``roots`` — through the B-LTA material when
    the file has it, validated at ``at`` (default now).

    ``quick``: was each signature valid when its timestamp says it was made (no AdES LTA run,
    about ten times faster): publication's "never seal again" decision over a whole archive."""
    from pyhanko.sign.ades.report import AdESPassed
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    moment = at or dt.datetime.now(dt.UTC)
    reader = _reader(pdf)
    has_lta = bool(reader.embedded_timestamp_signatures)
    out = []
    for sig in reader.embedded_regular_signatures:
        long_term = False
        try:
            status = None
            if has_lta and not quick:
                result = _lta(sig, roots, moment)
                status = result.api_status
                long_term = isinstance(result.ades_subindic, AdESPassed)
            if status is None or not long_term:
                when = (at or _timestamp_time(sig) or moment) if quick else moment
                context = ValidationContext(trust_roots=list(roots), allow_fetching=False,
                                            revocation_mode="soft-fail", moment=when)
                status = validate_pdf_signature(sig, context)
        except Exception as error:  # pyHanko raises many kinds for a broken signature
            out.append(SignatureCheck(sig.field_name, "–", "–", None, False, False, False,
                                      type(error).__name__ + ": " + str(error)[:200],
                                      revision=sig.signed_revision))
            continue
        cert = status.signing_cert
        whole, changed = _whole(status)
        problem = _problem_of(status) or changed
        trusted = bool(status.trusted) or long_term
        if long_term and problem == "trust":
            problem = ""
        common, serial = _name_parts(cert) if cert else ("", "")
        out.append(SignatureCheck(
            sig.field_name, name_text(cert.subject) if cert else "–",
            name_text(cert.issuer) if cert else "–", status.signer_reported_dt,
            bool(status.intact and status.valid), trusted, whole, problem, long_term,
            common, serial, sig.signed_revision))
    return out


@dataclass(frozen=True)
class Timestamps:
    """The document timestamps of a file: how many, and when the newest one's TSA certificate
    expires (the renewal adds a fresh one before that)."""

    count: int
    last_expires: dt.datetime | None


def document_timestamps(pdf: bytes) -> Timestamps:
    reader = _reader(pdf)
    found = reader.embedded_timestamp_signatures
    if not found:
        return Timestamps(0, None)
    cert = found[-1].signer_cert
    return Timestamps(len(found), cert["tbs_certificate"]["validity"]["not_after"].native)


_NETWORK = (OSError, ConnectionError, TimeoutError)


def _context(roots: Sequence[Any], at: dt.datetime | None) -> Any:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=list(roots), allow_fetching=True,
                             revocation_mode="soft-fail", moment=at)


def _failed(url: str, error: BaseException) -> EvkinError:
    return EvkinError("tte.ltv_failed", {"url": url, "detail": type(error).__name__})


def extend(pdf: bytes, roots: Sequence[Any], tsa_url: str,
           at: dt.datetime | None = None) -> bytes:
    """``pdf`` with validation data for each signature and a document timestamp (B-LTA).
    Raises ``tte.ltv_failed`` when a service does not answer (the file is then left as it
    was: a later run or the renewal workflow tries again)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers, timestamps
    from pyhanko.sign.validation import add_validation_info

    data = pdf
    try:
        count = len(PdfFileReader(io.BytesIO(data), strict=False).embedded_regular_signatures)
        for n in range(count):
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            out = add_validation_info(reader.embedded_regular_signatures[n],
                                      _context(roots, at), output=io.BytesIO())
            data = out.getvalue()
        stamped = io.BytesIO()
        signers.PdfTimeStamper(timestamps.HTTPTimeStamper(tsa_url)).timestamp_pdf(
            IncrementalPdfFileWriter(io.BytesIO(data)), "sha256", _context(roots, at),
            output=stamped)
    except EvkinError:
        raise
    except Exception as error:  # network, a TSA's refusal, a certificate pyHanko cannot use
        raise _failed(tsa_url, error) from None
    return stamped.getvalue()


def renew(pdf: bytes, roots: Sequence[Any], tsa_url: str, before: dt.timedelta,
          now: dt.datetime | None = None) -> bytes | None:
    """A fresh document timestamp when the newest one's certificate expires within ``before``
    (or ``extend`` when the file has none yet); ``None`` when nothing is due."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers, timestamps


    if not carries_signature(pdf):
        return None
    moment = now or dt.datetime.now(dt.UTC)
    found = document_timestamps(pdf)
    if found.count == 0:
        return extend(pdf, roots, tsa_url, now)
    if found.last_expires is not None and found.last_expires - moment > before:
        return None
    out = io.BytesIO()
    try:
        signers.PdfTimeStamper(timestamps.HTTPTimeStamper(tsa_url)) \
            .update_archival_timestamp_chain(PdfFileReader(io.BytesIO(pdf), strict=False),
                                             _context(roots, now), output=out)
    except Exception as error:
        raise _failed(tsa_url, error) from None
    return out.getvalue()


def sign_with_pyhanko(pdf: bytes, signer: Any, png: bytes, page: int,
                      box: tuple[float, float, float, float], location: str = "",
                      reason: str = "", contact: str = "", field_name: str = FIELD_NAME,
                      timestamper: Any = None) -> bytes:
    """One PAdES signature added as an incremental update, its appearance the PNG.

    ``signer`` is a ``pyhanko.sign.signers.Signer``. Used by the PKCS#12 backend (and by the
    test stand-in of the eSign service, which signs the way BSrE's does)."""
    from PIL import Image
    from pyhanko import stamp
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    image = PdfImage(Image.open(io.BytesIO(png)).convert("RGB"), writer=writer)
    fill = layout.SimpleBoxLayoutRule(layout.AxisAlignment.ALIGN_MID,
                                      layout.AxisAlignment.ALIGN_MID,
                                      inner_content_scaling=layout.InnerScaling.STRETCH_FILL)
    style = stamp.StaticStampStyle(border_width=0, background=image, background_layout=fill)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, location=location or None, reason=reason or None,
        contact_info=contact or None, subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256")
    spec = fields.SigFieldSpec(field_name, on_page=page,
                               box=tuple(round(v) for v in box))  # type: ignore[arg-type]
    out = io.BytesIO()
    signers.PdfSigner(meta, signer, stamp_style=style, new_field_spec=spec,
                      timestamper=timestamper).sign_pdf(writer, output=out)
    return out.getvalue()


def load_pkcs12(path: str, passphrase: bytes) -> Any:
    """A signer from a PKCS#12 file; ``None`` when the file or the passphrase does not fit."""
    from pyhanko.sign import signers

    return signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
        path, passphrase=passphrase or None)


def http_timestamper(url: str) -> Any:
    """An RFC 3161 timestamp service client for a signature made here."""
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url)
