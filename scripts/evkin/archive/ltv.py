"""Long-term validation of seals and accepted signatures (PAdES B-LT / B-LTA).

Evaluation reports are permanent records; a signature stops being checkable once its
certificates expire or the revocation services move. ``extend`` adds, as incremental updates,
the revocation data (OCSP, CRL) and certificates of every signature to the document security
store, then a document timestamp over everything; ``renew`` adds a fresh document timestamp
(with the validation data of the previous one) before the newest one's certificate expires.
The signed bytes are never touched: each step is a new revision.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from evkin.archive.signatures import carries_signature, document_timestamps
from evkin.findings import EvkinError

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
