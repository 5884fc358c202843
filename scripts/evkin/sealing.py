"""Certified electronic signature (TTE) of a final PDF: PAdES through pyHanko.

After the Kepala Dinas' approval (SOP step 7) the final PDF, rendered from the approved
version, is *sealed*: a PAdES signature added as an incremental update (the rendered bytes, and
so PDF/A-2b, stay as they were), with a visible block in the signature space of the signature
block: a QR code leading to the archive page of that exact version, and who signed.

Signer backends (``tte.penyedia`` in ``evkin.yml``):

- ``bsre``: the agency's BSrE eSign Client (``evkin.esign``); URL and credentials only from
  environment secrets;
- ``pkcs12``: a PKCS#12 file named by an environment variable (``EVKIN_TTE_P12``), with its
  passphrase in ``EVKIN_TTE_P12_PASSPHRASE``.

Nothing secret is ever put in a message, a file or a log: errors name the variable, not its
value. ``verify_signatures`` checks every signature in a PDF against the agency's trust roots
(``tte.akar``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from evkin.certnames import name_text
from evkin.findings import EvkinError, Finding
from evkin.settings import SETTINGS_FILE
from evkin.yamlfile import LinedDict, YamlProblem, parse, read_text

PROVIDERS = ("bsre", "pkcs12")
FIELD_NAME = "TTE-Kepala-Dinas"
P12_ENV = "EVKIN_TTE_P12"
P12_PASSPHRASE_ENV = "EVKIN_TTE_P12_PASSPHRASE"
P12_BASE64_ENV = "EVKIN_TTE_P12_BASE64"  # the file itself, for a forge secret
# The signature space of the signature block (render/typst/evkin.typ ``signer-lines``).
SPACE_WIDTH = 7.6 / 2.54 * 72
SPACE_HEIGHT = 2.4 / 2.54 * 72
DPI = 300
NOTE_MARK = "persetujuan/"  # in the approval note of render.signed_note
SEALED = "tersegel"
NOT_SEALED = "belum"


# ---------------------------------------------------------------- settings

@dataclass(frozen=True)
class TteSettings:
    """``tte:`` in ``evkin.yml``; ``provider`` '' means sealing is off."""

    provider: str = ""
    roots: tuple[Path, ...] = ()
    location: str = ""
    reason: str = "Persetujuan Laporan Hasil Evaluasi Kinerja Internal"

    @property
    def enabled(self) -> bool:
        return bool(self.provider)


def load_tte(root: Path) -> TteSettings:
    """Read ``tte:`` from ``root/evkin.yml``; located findings for what is wrong."""
    path = root / SETTINGS_FILE
    try:
        raw = parse(read_text(path))
    except (OSError, UnicodeDecodeError):
        return TteSettings()
    except YamlProblem as problem:
        raise EvkinError("settings.invalid", findings=[
            Finding(SETTINGS_FILE, problem.line, "yaml.invalid", {"detail": problem.detail})
        ]) from None
    if not isinstance(raw, LinedDict) or raw.get("tte") is None:
        return TteSettings()
    section = raw.get("tte")
    problems: list[Finding] = []
    if not isinstance(section, LinedDict):
        raise EvkinError("settings.invalid", findings=[
            Finding(SETTINGS_FILE, raw.line_of("tte"), "settings.not_mapping", {"key": "tte"})])
    provider = str(section.get("penyedia") or "").strip().lower()
    if provider in ("", "tidak", "none", "false"):
        provider = ""
    elif provider not in PROVIDERS:
        problems.append(Finding(SETTINGS_FILE, section.line_of("penyedia"), "tte.provider",
                                {"value": provider, "known": ", ".join(PROVIDERS)}))
    roots_raw = section.get("akar") or []
    items = roots_raw if isinstance(roots_raw, list) else [roots_raw]
    roots = []
    for item in items:
        rel = str(item).strip()
        candidate = (root / rel).resolve()
        if not candidate.is_file() or not candidate.is_relative_to(root.resolve()):
            problems.append(Finding(SETTINGS_FILE, section.line_of("akar"), "tte.root_missing",
                                    {"path": rel}))
            continue
        roots.append(candidate)
    if problems:
        raise EvkinError("settings.invalid", findings=problems)
    location = str(section.get("lokasi") or "").strip()
    reason = str(section.get("alasan") or "").strip() or TteSettings.reason
    return TteSettings(provider, tuple(roots), location, reason)


# ---------------------------------------------------------------- appearance

@dataclass(frozen=True)
class Appearance:
    """What the visible signature shows, and where."""

    url: str  # the QR code's target: the archive page of this version
    signer: str  # name as in the signature block
    jabatan: str
    when: dt.datetime
    issuer_line: str  # e.g. "BSrE, BSSN" or the certificate's issuer
    page: int = 0  # 0-based
    box: tuple[float, float, float, float] = (0.0, 0.0, SPACE_WIDTH, SPACE_HEIGHT)


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

    from evkin.render.fonts import bundled_fonts

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
    regular, bold = _font(26), _font(28, bold=True)
    rows: list[tuple[str, Any]] = []
    for n, line in enumerate(lines):
        font = bold if n == 1 else regular
        rows += [(part, font) for part in _wrap(draw, line, font, text_width)]
    line_height = 31
    y = max(pad, (height - line_height * len(rows)) // 2)
    for part, font in rows:
        draw.text((text_left, y), part, font=font, fill=ink if font is not bold else "black")
        y += line_height
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def statement(look: Appearance, provider: str) -> list[str]:
    """The text beside the QR code (Indonesian: the document's language)."""
    from evkin.render import indonesian

    by = ("sertifikat elektronik yang diterbitkan oleh Balai Besar Sertifikasi Elektronik "
          "(BSrE), BSSN" if provider == "bsre" else f"sertifikat elektronik {look.issuer_line}")
    return ["Ditandatangani secara elektronik oleh",
            look.signer,
            f"{look.jabatan}, {indonesian.waktu(look.when)}".strip(", "),
            f"menggunakan {by}.",
            "Pindai kode QR untuk memeriksa keaslian dokumen."]


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

def sign_with_pyhanko(pdf: bytes, signer: Any, png: bytes, page: int,
                      box: tuple[float, float, float, float], location: str = "",
                      reason: str = "", contact: str = "") -> bytes:
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
        field_name=FIELD_NAME, location=location or None, reason=reason or None,
        contact_info=contact or None, subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256")
    spec = fields.SigFieldSpec(FIELD_NAME, on_page=page,
                               box=tuple(round(v) for v in box))  # type: ignore[arg-type]
    out = io.BytesIO()
    signers.PdfSigner(meta, signer, stamp_style=style, new_field_spec=spec).sign_pdf(
        writer, output=out)
    return out.getvalue()


class Backend(Protocol):
    provider: str

    def issuer_line(self) -> str: ...

    def sign(self, pdf: bytes, png: bytes, page: int,
             box: tuple[float, float, float, float], tte: TteSettings) -> bytes: ...


@dataclass
class Pkcs12Backend:
    """An agency's own certificate (or one for trying it out) in a PKCS#12 file."""

    path: Path | None
    passphrase: bytes = field(repr=False)
    provider: str = "pkcs12"
    data: bytes = field(default=b"", repr=False)  # the file's bytes (EVKIN_TTE_P12_BASE64)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Pkcs12Backend:
        import base64
        import binascii

        passphrase = env.get(P12_PASSPHRASE_ENV, "").encode()
        if env.get(P12_BASE64_ENV):
            try:
                data = base64.b64decode(env[P12_BASE64_ENV], validate=False)
            except (binascii.Error, ValueError):
                raise EvkinError("tte.p12_unreadable", {"name": P12_BASE64_ENV}) from None
            return cls(None, passphrase, data=data)
        path = env.get(P12_ENV, "")
        if not path:
            raise EvkinError("tte.env_missing", {"name": f"{P12_ENV} / {P12_BASE64_ENV}"})
        if not Path(path).is_file():
            raise EvkinError("tte.p12_missing", {"name": P12_ENV})
        return cls(Path(path), passphrase)

    def _signer(self) -> Any:
        import tempfile

        from pyhanko.sign import signers

        try:
            if self.path is not None:
                signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
                    str(self.path), passphrase=self.passphrase or None)
            else:
                with tempfile.TemporaryDirectory(prefix="evkin-p12-") as folder:
                    held = Path(folder) / "ttd.p12"  # private folder (0700), removed at once
                    held.write_bytes(self.data)
                    signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
                        str(held), passphrase=self.passphrase or None)
        except (ValueError, OSError):
            signer = None
        if signer is None:
            raise EvkinError("tte.p12_unreadable",
                             {"name": P12_ENV if self.path is not None else P12_BASE64_ENV})
        return signer

    def issuer_line(self) -> str:
        cert = self._signer().signing_cert
        common = cert.issuer.native.get("common_name") or name_text(cert.issuer)
        return f"dari {common}"

    def sign(self, pdf: bytes, png: bytes, page: int,
             box: tuple[float, float, float, float], tte: TteSettings) -> bytes:
        return sign_with_pyhanko(pdf, self._signer(), png, page, box, tte.location, tte.reason)


def backend_for(tte: TteSettings, env: Mapping[str, str] | None = None) -> Backend:
    env = os.environ if env is None else env
    if tte.provider == "pkcs12":
        return Pkcs12Backend.from_env(env)
    from evkin.esign import EsignBackend

    return EsignBackend.from_env(env)


@dataclass(frozen=True)
class Sealed:
    pdf: bytes
    sha256: str
    render_sha256: str
    provider: str


def seal(render: bytes, look: Appearance, backend: Backend, tte: TteSettings) -> Sealed:
    """Seal one rendered PDF: locate the signature space, draw the block, sign."""
    page, box = locate(render, look.signer)
    look = Appearance(look.url, look.signer, look.jabatan, look.when, backend.issuer_line(),
                      page, box)
    png = appearance_png(look, statement(look, backend.provider))
    signed = backend.sign(render, png, page, box, tte)
    if not signed.startswith(render):
        raise EvkinError("tte.not_incremental")
    if tte.roots:  # what the service sent back must verify before it is published
        checks = verify_signatures(signed, load_roots(tte.roots))
        if not checks or not checks[-1].ok or not checks[-1].whole_file:
            raise EvkinError("tte.seal_invalid",
                             {"signer": checks[-1].signer if checks else "–"})
    return Sealed(signed, hashlib.sha256(signed).hexdigest(),
                  hashlib.sha256(render).hexdigest(), backend.provider)


# ---------------------------------------------------------------- verification

@dataclass(frozen=True)
class SignatureCheck:
    field: str
    signer: str  # certificate subject
    issuer: str
    signed_at: dt.datetime | None
    intact: bool  # the bytes it covers are unchanged
    trusted: bool  # the certificate chains to a configured root and is valid
    whole_file: bool  # it covers the whole file (nothing added after it)
    problem: str  # '' when valid; else a short explanation (English from pyHanko)

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted and not self.problem

    def as_json(self) -> dict[str, Any]:
        return {"medan": self.field, "penanda_tangan": self.signer, "penerbit": self.issuer,
                "waktu": self.signed_at.isoformat() if self.signed_at else None,
                "utuh": self.intact, "tepercaya": self.trusted,
                "seluruh_berkas": self.whole_file, "sah": self.ok, "masalah": self.problem}


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


def verify_signatures(pdf: bytes, roots: Sequence[Any]) -> list[SignatureCheck]:
    """Every signature in the PDF, checked: integrity, certificate chain to ``roots`` and
    validity at signing time, and whether it covers the whole file."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError) as error:
        raise EvkinError("tte.pdf_unreadable", {"detail": str(error)[:200]}) from None
    out = []
    for sig in embedded:
        context = ValidationContext(trust_roots=list(roots), allow_fetching=False,
                                    revocation_mode="soft-fail")
        try:
            status = validate_pdf_signature(sig, context)
        except Exception as error:  # pyHanko raises many kinds for a broken signature
            out.append(SignatureCheck(sig.field_name, "–", "–", None, False, False, False,
                                      type(error).__name__ + ": " + str(error)[:200]))
            continue
        cert = status.signing_cert
        coverage = str(getattr(status.coverage, "name", status.coverage))
        problem = ""
        if not status.intact:
            problem = "integrity"
        elif not status.valid:
            problem = "cryptographic"
        elif not status.trusted:
            problem = "trust"
        out.append(SignatureCheck(
            sig.field_name, name_text(cert.subject) if cert else "–",
            name_text(cert.issuer) if cert else "–", status.signer_reported_dt,
            bool(status.intact and status.valid), bool(status.trusted),
            coverage == "ENTIRE_FILE", problem))
    return out
