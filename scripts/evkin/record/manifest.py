"""The archive's manifest (``manifest.json``), typed: the one module that reads and writes it.

Publication writes it, the sealing and timestamp steps update it, ``evkin verify``, ``evkin
status``, the next publication and a province portal read it. They all go through here: one
parser that names the file and the field when something is wrong, one writer (temporary file,
then rename; the record key's signature beside it, ``manifest_sig``), and the very bytes that
are signed (``dumps``).

Format 1, as published since the first release: every field but a report's ``id`` may be
missing (older archives, hand-made test archives) and reads as empty; unknown fields are kept
and written back (``extra``), so an older evkin rewriting a newer archive loses nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from evkin.files import write_atomic
from evkin.findings import EvkinError
from evkin.messages import Phrase
from evkin.record.manifest_sig import SIG_FILE, sign

MANIFEST = "manifest.json"
FORMAT = 1
# A report's ``segel.status``: what electronic signature its published PDF carries.
SEALED = "tersegel"  # the agency's seal
SIGNED = "ditandatangani"  # the Kepala Dinas' own signature, accepted
NOT_SEALED = "belum"
ELECTRONIC = (SEALED, SIGNED)

Json = Any  # a JSON value kept as read (portal facts, open recommendations: their own schema)
T = TypeVar("T")


class Malformed(ValueError):
    """A field that is not what the manifest format says: ``where`` is its path, ``problem``
    the catalogue key ``manifest.field_<problem>`` that says what is wrong."""

    def __init__(self, where: str, problem: str, params: Mapping[str, object] | None = None
                 ) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
        self.params = dict(params or {})

    def detail(self) -> Phrase:
        return Phrase(f"manifest.field_{self.problem}", self.params)


@dataclass(frozen=True)
class Person:
    """Who gave the paraf or the signature, and when (ISO time)."""

    nama: str = ""
    jabatan: str = ""
    nip: str = ""
    waktu: str = ""
    extra: Mapping[str, Json] = field(default_factory=dict)


@dataclass(frozen=True)
class Seal:
    """The electronic-signature state of a published PDF: ``status`` always; ``jenis``,
    ``waktu`` and ``oleh`` for a seal or signature, ``pesan`` for why there is none."""

    status: str = ""
    jenis: str | None = None
    waktu: str | None = None
    oleh: str | None = None
    pesan: str | None = None
    extra: Mapping[str, Json] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    """One current final report: its PDF (path in the release, SHA-256), page and approvals."""

    id: str
    judul: str = ""
    nomor: str = ""
    periode: str = ""
    halaman: str = ""
    pdf: str = ""
    grafik: tuple[str, ...] = ()
    sha256: str = ""
    ukuran: int = 0
    kunci: str = ""
    pohon: str = ""
    persetujuan: str = ""
    paraf: Person | None = None
    tanda_tangan: Person | None = None
    render: str | None = None  # SHA-256 of the unsealed render; None: not recorded
    portal: Json = None  # portal/facts.py
    segel: Seal | None = None
    terbit: str | None = None  # first published (ISO)
    diberitahukan: str | None = None  # announced to everyone (ISO)
    diberitahukan_kepada: Mapping[str, str] = field(default_factory=dict)
    sha256_sebelumnya: tuple[str, ...] = ()  # before each timestamp renewal
    cap_waktu: str | None = None  # last timestamp renewal (ISO)
    extra: Mapping[str, Json] = field(default_factory=dict)

    @property
    def seal_status(self) -> str:
        return self.segel.status if self.segel else ""


@dataclass(frozen=True)
class Earlier:
    """A version a newer approval replaced, kept downloadable under ``versi/``."""

    id: str = ""
    sha256: str = ""
    terbit: str | None = None
    diganti: str | None = None
    nomor: str = ""
    judul: str = ""
    pdf: str = ""
    render: str | None = None
    segel: Seal | None = None
    tanda_tangan: Person | None = None
    paraf: Person | None = None
    extra: Mapping[str, Json] = field(default_factory=dict)


@dataclass(frozen=True)
class Waiting:
    """A final report published without a PDF yet, and since when."""

    id: str
    terbit: str = ""
    extra: Mapping[str, Json] = field(default_factory=dict)


@dataclass(frozen=True)
class Manifest:
    format: int = FORMAT
    evkin: str = ""
    instansi: str = ""
    situs: str = ""
    komit: str = ""
    laporan: tuple[Report, ...] = ()
    versi_lama: tuple[Earlier, ...] = ()
    tanpa_pdf: tuple[Waiting, ...] = ()
    rekomendasi_terbuka: tuple[Json, ...] = ()
    urutan: int | None = None  # its number in the line of publications (manifest_chain)
    sebelumnya: str | None = None  # SHA-256 of the manifest it follows
    lokal: bool = False  # built on this machine (``evkin site build``), never published
    extra: Mapping[str, Json] = field(default_factory=dict)

    def reports(self) -> dict[str, Report]:
        return {r.id: r for r in self.laporan}

    def report(self, report_id: str) -> Report | None:
        return self.reports().get(report_id)

    def with_report(self, new: Report) -> Manifest:
        """This manifest with the report of the same id replaced by ``new``."""
        return replace(self, laporan=tuple(new if r.id == new.id else r for r in self.laporan))


# ---------------------------------------------------------------- reading

def _str(value: Json, where: str, nullable: bool = False) -> Any:
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise Malformed(where, "want_text")
    return value


def _int(value: Json, where: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise Malformed(where, "want_int")
    return value


def _object(value: Json, where: str) -> dict[str, Json]:
    if not isinstance(value, dict):
        raise Malformed(where, "want_object")
    return value


def _list(value: Json, where: str) -> list[Json]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise Malformed(where, "want_list")
    return value


def _fields(raw: dict[str, Json], where: str, strings: tuple[str, ...],
            optional: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in strings:
        if name in raw:
            out[name] = _str(raw[name], f"{where}.{name}", nullable=True) or ""
    for name in optional:
        if name in raw:
            out[name] = _str(raw[name], f"{where}.{name}", nullable=True)
    return out


def _extra(raw: Mapping[str, Json], known: tuple[str, ...]) -> dict[str, Json]:
    return {k: v for k, v in raw.items() if k not in known}


_PERSON = ("nama", "jabatan", "nip", "waktu")
_SEAL = ("status", "jenis", "waktu", "oleh", "pesan")


def _person(value: Json, where: str) -> Person | None:
    if value is None:
        return None
    raw = _object(value, where)
    return Person(**_fields(raw, where, _PERSON), extra=_extra(raw, _PERSON))


def _seal(value: Json, where: str) -> Seal | None:
    if value is None:
        return None
    raw = _object(value, where)
    return Seal(**_fields(raw, where, ("status",), _SEAL[1:]), extra=_extra(raw, _SEAL))


def _render(value: Json, where: str) -> str | None:
    if value is None:
        return None
    found: str | None = _str(_object(value, where).get("sha256"), f"{where}.sha256",
                             nullable=True)
    return found


def _id(raw: dict[str, Json], where: str) -> str:
    if "id" not in raw or raw["id"] is None:
        raise Malformed(f"{where}.id", "missing")
    return str(_str(raw["id"], f"{where}.id"))


_REPORT = ("id", "judul", "nomor", "periode", "halaman", "pdf", "grafik", "sha256", "ukuran",
           "kunci", "pohon", "persetujuan", "paraf", "tanda_tangan", "render", "portal",
           "segel", "terbit", "diberitahukan", "diberitahukan_kepada", "sha256_sebelumnya",
           "cap_waktu")


def _report(value: Json, where: str) -> Report:
    raw = _object(value, where)
    told = _object(raw.get("diberitahukan_kepada") or {}, f"{where}.diberitahukan_kepada")
    return Report(
        id=_id(raw, where),
        **_fields(raw, where, ("judul", "nomor", "periode", "halaman", "pdf", "sha256", "kunci",
                               "pohon", "persetujuan"),
                  ("terbit", "diberitahukan", "cap_waktu")),
        grafik=tuple(_str(g, f"{where}.grafik[{i}]")
                     for i, g in enumerate(_list(raw.get("grafik"), f"{where}.grafik"))),
        ukuran=_int(raw.get("ukuran"), f"{where}.ukuran"),
        paraf=_person(raw.get("paraf"), f"{where}.paraf"),
        tanda_tangan=_person(raw.get("tanda_tangan"), f"{where}.tanda_tangan"),
        render=_render(raw.get("render"), f"{where}.render"),
        portal=raw.get("portal"),
        segel=_seal(raw.get("segel"), f"{where}.segel"),
        diberitahukan_kepada={str(k): _str(v, f"{where}.diberitahukan_kepada.{k}")
                              for k, v in told.items()},
        sha256_sebelumnya=tuple(
            _str(s, f"{where}.sha256_sebelumnya[{i}]") for i, s in enumerate(
                _list(raw.get("sha256_sebelumnya"), f"{where}.sha256_sebelumnya"))),
        extra=_extra(raw, _REPORT))


_EARLIER = ("id", "sha256", "terbit", "diganti", "nomor", "judul", "pdf", "render", "segel",
            "tanda_tangan", "paraf")


def _earlier(value: Json, where: str) -> Earlier:
    raw = _object(value, where)
    return Earlier(
        **_fields(raw, where, ("id", "sha256", "nomor", "judul", "pdf"), ("terbit", "diganti")),
        render=_render(raw.get("render"), f"{where}.render"),
        segel=_seal(raw.get("segel"), f"{where}.segel"),
        tanda_tangan=_person(raw.get("tanda_tangan"), f"{where}.tanda_tangan"),
        paraf=_person(raw.get("paraf"), f"{where}.paraf"),
        extra=_extra(raw, _EARLIER))


def _waiting(value: Json, where: str) -> Waiting:
    raw = _object(value, where)
    return Waiting(id=_id(raw, where), **_fields(raw, where, ("terbit",)),
                   extra=_extra(raw, ("id", "terbit")))


_TOP = ("format", "evkin", "instansi", "situs", "komit", "laporan", "versi_lama", "tanpa_pdf",
        "rekomendasi_terbuka", "urutan", "sebelumnya", "lokal")


def _items(raw: dict[str, Json], name: str, read: Callable[[Json, str], T]) -> tuple[T, ...]:
    return tuple(read(item, f"{name}[{i}]")
                 for i, item in enumerate(_list(raw.get(name), name)))


def from_json(data: Json) -> Manifest:
    """The manifest of a decoded ``manifest.json``; ``Malformed`` names the first bad field."""
    raw = _object(data, "(manifest)")
    if not isinstance(raw.get("laporan"), list):
        raise Malformed("laporan", "want_list")
    version = _int(raw.get("format", FORMAT), "format")
    if version > FORMAT:
        raise Malformed("format", "newer", {"found": version, "known": FORMAT})
    lokal = raw.get("lokal", False)
    if not isinstance(lokal, bool):
        raise Malformed("lokal", "want_bool")
    return Manifest(
        format=version,
        **_fields(raw, "", ("evkin", "instansi", "situs", "komit")),
        laporan=_items(raw, "laporan", _report),
        versi_lama=_items(raw, "versi_lama", _earlier),
        tanpa_pdf=_items(raw, "tanpa_pdf", _waiting),
        rekomendasi_terbuka=tuple(_list(raw.get("rekomendasi_terbuka"),
                                        "rekomendasi_terbuka")),
        urutan=None if raw.get("urutan") is None else _int(raw["urutan"], "urutan"),
        sebelumnya=_str(raw.get("sebelumnya"), "sebelumnya", nullable=True),
        lokal=lokal,
        extra=_extra(raw, _TOP))


def parse(raw: bytes, source: str) -> Manifest:
    """``raw`` (the bytes of ``source``, a path or URL) as a manifest; an ``EvkinError`` that
    names the file and the field when it is not one."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise EvkinError("manifest.malformed", {"source": source, "field": "(JSON)",
                                                "detail": str(error)}) from None
    try:
        return from_json(data)
    except Malformed as error:
        raise EvkinError("manifest.malformed", {"source": source, "field": error.where,
                                                "detail": error.detail()}) from None


def read(path: Path) -> Manifest:
    """``path`` (a ``manifest.json``, or the folder holding one) as a manifest."""
    if path.is_dir():
        path = path / MANIFEST
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise EvkinError("verify.manifest_unreadable",
                         {"source": str(path), "detail": error.strerror or str(error)}) from None
    return parse(raw, str(path))


# ---------------------------------------------------------------- writing

def _with_extra(known: dict[str, Json], extra: Mapping[str, Json]) -> dict[str, Json]:
    return {**known, **{k: v for k, v in extra.items() if k not in known}}


def person_json(person: Person | None) -> Json:
    if person is None:
        return None
    return _with_extra({"nama": person.nama, "jabatan": person.jabatan, "nip": person.nip,
                        "waktu": person.waktu}, person.extra)


def seal_json(seal: Seal | None) -> Json:
    if seal is None:
        return None
    out: dict[str, Json] = {"status": seal.status}
    for name in _SEAL[1:]:
        if getattr(seal, name) is not None:
            out[name] = getattr(seal, name)
    return _with_extra(out, seal.extra)


def report_json(r: Report) -> dict[str, Json]:
    out: dict[str, Json] = {
        "id": r.id, "judul": r.judul, "nomor": r.nomor, "periode": r.periode,
        "halaman": r.halaman, "pdf": r.pdf, "grafik": list(r.grafik), "sha256": r.sha256,
        "ukuran": r.ukuran, "kunci": r.kunci, "pohon": r.pohon, "persetujuan": r.persetujuan,
        "paraf": person_json(r.paraf), "tanda_tangan": person_json(r.tanda_tangan)}
    if r.render is not None:
        out["render"] = {"sha256": r.render}
    out.update({"portal": r.portal, "segel": seal_json(r.segel), "terbit": r.terbit,
                "diberitahukan": r.diberitahukan,
                "diberitahukan_kepada": dict(r.diberitahukan_kepada)})
    if r.sha256_sebelumnya:
        out["sha256_sebelumnya"] = list(r.sha256_sebelumnya)
    if r.cap_waktu is not None:
        out["cap_waktu"] = r.cap_waktu
    return _with_extra(out, r.extra)


def earlier_json(e: Earlier) -> dict[str, Json]:
    return _with_extra({
        "id": e.id, "sha256": e.sha256, "terbit": e.terbit, "diganti": e.diganti,
        "nomor": e.nomor, "judul": e.judul, "pdf": e.pdf,
        "render": None if e.render is None else {"sha256": e.render},
        "segel": seal_json(e.segel), "tanda_tangan": person_json(e.tanda_tangan),
        "paraf": person_json(e.paraf)}, e.extra)


def to_json(m: Manifest) -> dict[str, Json]:
    """The manifest as the JSON object written to disk (format 1's key order)."""
    out: dict[str, Json] = {
        "format": m.format, "evkin": m.evkin, "instansi": m.instansi, "situs": m.situs,
        "komit": m.komit, "laporan": [report_json(r) for r in m.laporan],
        "versi_lama": [earlier_json(e) for e in m.versi_lama],
        "tanpa_pdf": [_with_extra({"id": w.id, "terbit": w.terbit}, w.extra)
                      for w in m.tanpa_pdf],
        "rekomendasi_terbuka": list(m.rekomendasi_terbuka)}
    if m.urutan is not None:
        out.update(urutan=m.urutan, sebelumnya=m.sebelumnya)
    if m.lokal:
        out["lokal"] = True
    return _with_extra(out, m.extra)


def dumps(m: Manifest) -> bytes:
    """The bytes of ``manifest.json``: what is written and what the record key signs."""
    return (json.dumps(to_json(m), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write(folder: Path, m: Manifest, key: str | None = None, keep_signature: bool = False
          ) -> None:
    """``manifest.json`` in ``folder`` (temporary file, then rename) and, with the record key,
    its signature. Without one, a signature left there no longer matches and is removed;
    ``keep_signature`` leaves it for the step holding the key to sign afresh (sealing,
    timestamp renewal: ``evkin publish --sign-manifest`` follows them)."""
    data = dumps(m)
    write_atomic(folder / MANIFEST, data)
    sig = folder / SIG_FILE
    if key is not None:
        write_atomic(sig, sign(data, key))
    elif not keep_signature:
        sig.unlink(missing_ok=True)


def sign_written(folder: Path, key: str) -> None:
    """Sign the ``manifest.json`` already in ``folder`` as it is, byte for byte."""
    write_atomic(folder / SIG_FILE, sign((folder / MANIFEST).read_bytes(), key))


def find(m: Manifest, sha256: str) -> tuple[str, Report | Earlier] | None:
    """``("terbit", report)`` for a current report, ``("render", report)`` for the unsealed
    render of a sealed one, ``("lama", earlier)`` for a superseded one."""
    for report in m.laporan:
        if report.sha256 == sha256:
            return "terbit", report
    for report in m.laporan:
        if report.render == sha256:
            return "render", report
    for earlier in m.versi_lama:
        if sha256 in (earlier.sha256, earlier.render):
            return "lama", earlier
    return None


def entry_json(entry: Report | Earlier) -> dict[str, Json]:
    """A report or an earlier version as its JSON object (``evkin verify --format json``)."""
    return report_json(entry) if isinstance(entry, Report) else earlier_json(entry)
