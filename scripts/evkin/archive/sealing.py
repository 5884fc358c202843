"""The agency's electronic seal (segel elektronik) on a final PDF: PAdES through pyHanko.

Two acts are kept apart (PP 71/2019 Ps. 59(3); BSSN's guidance to regional governments):

1. the **Kepala Dinas' personal signature** is made by him alone, with a passphrase or TOTP he
   types, in a BSrE-connected application or with ``evkin tandatangani`` on his own computer;
   evkin only *accepts* the signed file (``personal.py``), never signs as him;
2. the **agency's seal**, made here, by CI or ``evkin seal``: BSrE eSign ``seal/pdf`` with the
   agency's ``idSubscriber`` and a rolling TOTP (``evkin.archive.esign``), or the agency's seal
   certificate in a PKCS#12 file. It is labelled as the agency's seal everywhere.

The seal is an incremental update (the rendered bytes, and so PDF/A-2b, stay as they were)
with a visible block in the signature space: a QR code to the archive page of that exact
version, the BSrE/BSSN statement and the national verification address. When ``tte.cap_waktu``
names a timestamp authority, the seal is extended to PAdES B-LTA (``ltv.py``).

Nothing secret is ever put in a message, a file or a log: errors name the variable, not its
value. ``signatures.verify_signatures`` checks every signature against ``tte.akar``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from evkin import environment
from evkin.archive.certnames import name_text
from evkin.archive.esign import EsignSealBackend
from evkin.archive.pades import (
    SignatureCheck,
    extend,
    http_timestamper,
    load_pkcs12,
    only_a_signature_added,
    render_before_signatures,
    sign_with_pyhanko,
    verify_signatures,
)
from evkin.findings import EvkinError
from evkin.render import indonesian
from evkin.render.fonts import bundled_fonts
from evkin.settings import TTE_PROVIDERS, VERIFY_URL, TteSettings

__all__ = ["VERIFY_URL", "SignatureCheck", "TteSettings", "verify_signatures"]

PROVIDERS = TTE_PROVIDERS
PERSONAL_FIELD = "TTE-Kepala-Dinas"  # the Kepala Dinas' own signature (evkin tandatangani)
P12_ENV = environment.TTE_P12
P12_PASSPHRASE_ENV = environment.TTE_P12_PASSPHRASE
P12_BASE64_ENV = environment.TTE_P12_BASE64  # the file itself, for a forge secret
# The signature space of the signature block (render/typst/evkin.typ ``signer-lines``).
SPACE_WIDTH = 7.6 / 2.54 * 72
SPACE_HEIGHT = 2.4 / 2.54 * 72
DPI = 300
NOTE_MARK = "persetujuan/"  # in the approval note of render.signed_note
BSRE = "Balai Besar Sertifikasi Elektronik (BSrE), BSSN"


# ---------------------------------------------------------------- appearance

@dataclass(frozen=True)
class Appearance:
    """What the visible signature shows, and where."""

    url: str  # the QR code's target: the archive page of this version
    signer: str  # the agency (a seal) or the Kepala Dinas' name (his own signature)
    jabatan: str  # '' for a seal
    when: dt.datetime
    issuer_line: str  # e.g. "BSrE, BSSN" or the certificate's issuer
    page: int = 0  # 0-based
    box: tuple[float, float, float, float] = (0.0, 0.0, SPACE_WIDTH, SPACE_HEIGHT)
    personal: bool = False  # True: the Kepala Dinas' own signature; False: the agency's seal
    verify_url: str = VERIFY_URL
    block: str = ""  # the name under the signature space (the Kepala Dinas); '' = ``signer``


def version_url(site_url: str, page_url: str, render_sha256: str) -> str:
    """The archive page of one version: the report page, at that version's entry."""
    from urllib.parse import urljoin

    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, page_url) + f"#versi-{render_sha256[:12]}"


def qr_matrix(url: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), quiet zone excluded."""
    import segno

    code = segno.make_qr(url, error="m")
    return [[bool(m) for m in row] for row in code.matrix]


def _font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont


    names = ["LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"]
    folders = [bundled_fonts()]  # shipped with evkin: the same stamp on every machine
    for name in names:
        for folder in folders:
            if (folder / name).is_file():
                return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def _wrap(draw: Any, text: str, font: Any, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def appearance_png(look: Appearance, lines: Sequence[str]) -> bytes:
    """The visible signature as an opaque PNG (no transparency: PDF/A-2b safe): the QR code on
    the left, the statement on the right, a thin frame."""
    from PIL import Image, ImageDraw

    x0, y0, x1, y1 = look.box
    width = round((x1 - x0) / 72 * DPI)
    height = round((y1 - y0) / 72 * DPI)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    ink = (31, 78, 140)
    draw.rectangle((0, 0, width - 1, height - 1), outline=ink, width=3)
    matrix = qr_matrix(look.url)
    pad = 14
    side = height - 2 * pad
    module = side // (len(matrix) + 2)  # a one-module quiet zone inside the frame
    qr_side = module * (len(matrix) + 2)
    top = (height - qr_side) // 2
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                left = pad + module * (c + 1)
                upper = top + module * (r + 1)
                draw.rectangle((left, upper, left + module - 1, upper + module - 1), fill="black")
    text_left = pad + qr_side + 18
    text_width = width - text_left - pad
    regular, bold = _font(21), _font(23, bold=True)
    rows: list[tuple[str, Any]] = []
    for n, line in enumerate(lines):
        font = bold if n == 1 else regular
        rows += [(part, font) for part in _wrap(draw, line, font, text_width)]
    line_height = 25
    y = max(pad, (height - line_height * len(rows)) // 2)
    for part, font in rows:
        draw.text((text_left, y), part, font=font, fill=ink if font is not bold else "black")
        y += line_height
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def statement(look: Appearance, provider: str) -> list[str]:
    """The text beside the QR code (Indonesian: the document's language): who, as which act,
    under which certificate, and where to verify (the marks of an Indonesian e-signed
    document)."""

    by = BSRE if provider == "bsre" else look.issuer_line
    when = indonesian.waktu(look.when)
    if look.personal:
        return ["Ditandatangani secara elektronik oleh",
                look.signer,
                f"{look.jabatan}, {when}".strip(", "),
                f"Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat "
                f"elektronik yang diterbitkan oleh {by}.",
                f"Periksa: unggah dokumen pada laman {look.verify_url} atau pindai kode QR."]
    return ["Segel elektronik instansi",
            look.signer,
            when,
            f"Dokumen ini telah disegel secara elektronik (segel instansi, bukan tanda tangan "
            f"pribadi) menggunakan sertifikat elektronik yang diterbitkan oleh {by}.",
            f"Periksa: unggah dokumen pada laman {look.verify_url} atau pindai kode QR."]


# ---------------------------------------------------------------- where the block goes

def locate(pdf: bytes, name: str) -> tuple[int, tuple[float, float, float, float]]:
    """The signature space of the signature block: the page and box above the signer's name,
    where the name is followed by a "NIP." line at the same left edge (attendance lists and
    other mentions of the name are not signature blocks). Raises ``tte.no_space``."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    wanted = " ".join(name.split())
    for number, page in enumerate(reader.pages):
        runs: list[tuple[str, float, float, float]] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float,
                  runs: list[tuple[str, float, float, float]] = runs) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((" ".join(text.split()), x, y, size * abs(tm[3] * (cm[3] or 1))))

        page.extract_text(visitor_text=visit)
        for text, x, y, size in runs:
            if text != wanted or not any(
                    t.startswith("NIP") and abs(tx - x) < 2 and 0 < y - ty < 4 * size
                    for t, tx, ty, _ in runs):
                continue
            bottom = y + size * 1.3  # clear of the name's underline
            box = (x, bottom, x + SPACE_WIDTH, bottom + SPACE_HEIGHT - size * 0.5)
            # The report's own block holds evkin's approval note (the trail file's path);
            # a draft's block holds "BELUM DITANDATANGANI" instead and is never sealed.
            if any(NOTE_MARK in t and box[0] <= tx <= box[2] and box[1] <= ty <= box[3]
                   for t, tx, ty, _ in runs):
                return number, box
    raise EvkinError("tte.no_space", {"name": name})


# ---------------------------------------------------------------- signing with pyHanko


class Backend(Protocol):
    provider: str

    def issuer_line(self) -> str: ...

    def sign(self, pdf: bytes, png: bytes, page: int,
             box: tuple[float, float, float, float], tte: TteSettings) -> bytes: ...


@dataclass
class Pkcs12Backend:
    """The agency's seal certificate (or one for trying it out) in a PKCS#12 file."""

    path: Path | None
    passphrase: bytes = field(repr=False)
    provider: str = "pkcs12"
    data: bytes = field(default=b"", repr=False)  # the file's bytes (EVKIN_TTE_P12_BASE64)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Pkcs12Backend:
        import base64
        import binascii

        given = environment.p12(env)
        passphrase = given.passphrase.encode()
        if given.data_base64:
            try:
                data = base64.b64decode(given.data_base64, validate=False)
            except (binascii.Error, ValueError):
                raise EvkinError("tte.p12_unreadable", {"name": P12_BASE64_ENV}) from None
            return cls(None, passphrase, data=data)
        path = given.path
        if not path:
            raise EvkinError("tte.env_missing", {"name": f"{P12_ENV} / {P12_BASE64_ENV}"})
        if not Path(path).is_file():
            raise EvkinError("tte.p12_missing", {"name": P12_ENV})
        return cls(Path(path), passphrase)

    def _signer(self) -> Any:
        import tempfile

        try:
            if self.path is not None:
                signer = load_pkcs12(str(self.path), self.passphrase)
            else:
                with tempfile.TemporaryDirectory(prefix="evkin-p12-") as folder:
                    held = Path(folder) / "ttd.p12"  # private folder (0700), removed at once
                    held.write_bytes(self.data)
                    signer = load_pkcs12(str(held), self.passphrase)
        except (ValueError, OSError):
            signer = None
        if signer is None:
            raise EvkinError("tte.p12_unreadable",
                             {"name": P12_ENV if self.path is not None else P12_BASE64_ENV})
        return signer

    def issuer_line(self) -> str:
        cert = self._signer().signing_cert
        return str(cert.issuer.native.get("common_name") or name_text(cert.issuer))

    def sign(self, pdf: bytes, png: bytes, page: int,
             box: tuple[float, float, float, float], tte: TteSettings) -> bytes:
        stamper = None
        if tte.tsa:
            stamper = http_timestamper(tte.tsa)
        try:
            return sign_with_pyhanko(pdf, self._signer(), png, page, box, tte.location,
                                     tte.reason, timestamper=stamper)
        except (OSError, ConnectionError) as error:
            raise EvkinError("tte.tsa_unreachable", {"url": tte.tsa,
                                                     "detail": type(error).__name__}) from None


def backend_for(tte: TteSettings, env: Mapping[str, str] | None = None) -> Backend:
    if tte.provider == "pkcs12":
        return Pkcs12Backend.from_env(env)

    return EsignSealBackend.from_env(env)


@dataclass(frozen=True)
class Sealed:
    pdf: bytes
    sha256: str
    render_sha256: str
    provider: str
    long_term: bool = False  # extended to PAdES B-LTA
    note: str = ""  # why it was not extended (the service did not answer)


def seal(render: bytes, look: Appearance, backend: Backend, tte: TteSettings) -> Sealed:
    """Seal one rendered PDF as the agency: locate the signature space, draw the block, sign,
    check what came back, extend it to B-LTA when a timestamp authority is configured."""
    page, box = locate(render, look.block or look.signer)
    look = dataclasses.replace(look, issuer_line=backend.issuer_line(), page=page, box=box,
                               verify_url=tte.verify_url)
    png = appearance_png(look, statement(look, backend.provider))
    signed = backend.sign(render, png, page, box, tte)

    if not signed.startswith(render) or render_before_signatures(signed) != render \
            or not only_a_signature_added(signed, render):
        raise EvkinError("tte.not_incremental")
    roots = load_roots(tte.roots) if tte.roots else []
    if roots:  # what the service sent back must verify before it is published
        checks = verify_signatures(signed, roots)
        if not checks or not checks[-1].ok:
            raise EvkinError("tte.seal_invalid",
                             {"signer": checks[-1].signer if checks else "–"})
    long_term, note = False, ""
    if tte.tsa:

        try:
            signed = extend(signed, roots, tte.tsa)
            long_term = True
        except EvkinError as error:
            note = error.message()
    return Sealed(signed, hashlib.sha256(signed).hexdigest(),
                  hashlib.sha256(render).hexdigest(), backend.provider, long_term, note)


# ---------------------------------------------------------------- verification

def load_roots(paths: Sequence[Path]) -> list[Any]:
    """Trust roots from PEM or DER files (a PEM file may hold several certificates)."""
    from asn1crypto import pem, x509

    roots = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise EvkinError("tte.root_unreadable", {"path": str(path),
                                                     "detail": error.strerror}) from None
        try:
            if pem.detect(data):
                roots += [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, True)]
            else:
                roots.append(x509.Certificate.load(data))
        except ValueError:
            raise EvkinError("tte.root_unreadable", {"path": str(path),
                                                     "detail": "bukan sertifikat X.509"}
                             ) from None
    return roots
