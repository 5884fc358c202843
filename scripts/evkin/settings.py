"""``evkin.yml`` → typed ``Settings``. Every problem is located (file, line) and collected."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from evkin import clock
from evkin import nip as nipmod
from evkin.findings import EvkinError, Finding
from evkin.numbers import NumberProblem, format_number, from_spreadsheet, implausible
from evkin.settings_schema import check_structure
from evkin.signing import parse_public_key
from evkin.sop import Sop, load_sop
from evkin.yamlfile import LinedDict, YamlProblem, parse, read_text

SETTINGS_FILE = "evkin.yml"
PAPERS = ("A4", "F4")
FORMULAS = ("A", "B")
# How approvals are made (``persetujuan.cara``): reviews on a forge, recorded by the publishing
# workflow and signed with the record key; or SSH-signed ``evkin approve`` without a forge.
APPROVAL_MODES = ("forge", "tanpa_forge")
DEFAULT_FONTS = ("Arial", "Liberation Sans", "Arimo")
# ``tte.penyedia``: BSrE eSign, or the agency's seal certificate in a PKCS#12 file.
TTE_PROVIDERS = ("bsre", "pkcs12")
VERIFY_URL = "https://tte.komdigi.go.id/verifyPDF"


@dataclass(frozen=True)
class TteSettings:
    """``tte:`` in ``evkin.yml``; ``provider`` '' means sealing is off."""

    provider: str = ""
    roots: tuple[Path, ...] = ()  # akar: certificates every signature is checked against
    location: str = ""
    reason: str = "Segel elektronik instansi atas Laporan Hasil Evaluasi Kinerja Internal"
    verify_url: str = VERIFY_URL  # alamat_verifikasi: the national verification page
    tsa: str = ""  # cap_waktu: RFC 3161 timestamp authority for B-LTA ('' = none)
    renew_days: int = 180  # perbarui_hari: a fresh document timestamp this long before expiry

    @property
    def enabled(self) -> bool:
        return bool(self.provider)


@dataclass(frozen=True)
class Person:
    nama: str
    jabatan: str = ""
    pangkat: str = ""
    nip: str = ""
    login: str = ""
    surel: str = ""
    kunci_ssh: str = ""

    @property
    def nip_spaced(self) -> str:
        return nipmod.spaced(self.nip)


@dataclass(frozen=True)
class Revoked:
    """A key that stops counting from ``since`` (``persetujuan.kunci_dicabut``): signatures
    dated that day or later no longer verify; earlier ones still do."""

    key: str  # "type base64"
    since: dt.date
    reason: str = ""


@dataclass(frozen=True)
class Band:
    """A predikat band: value > ``above`` and value ≤ ``upto`` (``None`` = unbounded)."""

    label: str
    above: Decimal | None
    upto: Decimal | None

    def contains(self, value: Decimal) -> bool:
        return (self.above is None or value > self.above) and (
            self.upto is None or value <= self.upto
        )


@dataclass(frozen=True)
class Scale:
    bands: tuple[Band, ...]

    def predikat(self, value: Decimal) -> str:
        for band in self.bands:
            if band.contains(value):
                return band.label
        return self.bands[-1].label  # unreachable for a validated scale


DEFAULT_SCALE = Scale((
    Band("Sangat Tinggi", Decimal(90), None),
    Band("Tinggi", Decimal(75), Decimal(90)),
    Band("Sedang", Decimal(65), Decimal(75)),
    Band("Rendah", Decimal(50), Decimal(65)),
    Band("Sangat Rendah", None, Decimal(50)),
))


MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Plausibility limits (``batas:`` in ``evkin.yml``), checked before any heavy work.

    A hand-kept indicator table is a few kilobytes and its figures have a handful of digits;
    anything far beyond that is a mistake (a paste, an export of the wrong sheet) that would
    otherwise make rendering slow or exhaust memory.
    """

    digits: int = 15  # digits of one figure (whole part plus decimal places)
    magnitude: Decimal = Decimal(10) ** 12  # largest absolute value of a figure
    data_bytes: int = 2 * MEGABYTE  # indikator.csv / indikator.xlsx
    data_rows: int = 2000  # indicator rows
    line_chars: int = 10_000  # longest line of laporan.md or a step document
    text_bytes: int = 5 * MEGABYTE  # laporan.md, evaluasi.yml, a step document
    image_bytes: int = 10 * MEGABYTE  # one picture referenced by the report
    image_pixels: int = 40_000_000  # width × height of one picture


LIMIT_KEYS = {
    "digit_angka": ("digits", 1, 30),
    "nilai_maks": ("magnitude", 1, 10 ** 15),
    "ukuran_data_mb": ("data_bytes", 1, 100),
    "baris_data": ("data_rows", 1, 100_000),
    "panjang_baris": ("line_chars", 200, 1_000_000),
    "ukuran_teks_mb": ("text_bytes", 1, 100),
    "ukuran_gambar_mb": ("image_bytes", 1, 200),
    "piksel_gambar": ("image_pixels", 10_000, 500_000_000),
}


@dataclass(frozen=True)
class Agency:
    pemerintah: str
    nama: str
    unit: str = ""
    alamat: str = ""
    telepon: str = ""
    laman: str = ""
    surel: str = ""
    kota: str = "Padang"
    lambang: str = ""


@dataclass(frozen=True)
class Roles:
    kepala_dinas: Person
    sekretaris: Person
    tim_sakip: tuple[Person, ...] = ()
    perencanaan: tuple[Person, ...] = ()
    penerima: tuple[Person, ...] = ()

    def holders(self, role: str) -> tuple[Person, ...]:
        value = getattr(self, role, ())
        return value if isinstance(value, tuple) else (value,)

    def role_of_login(self, login: str) -> str | None:
        """The approving role (kepala_dinas or sekretaris) a forge login holds, if any."""
        low = login.lower()
        for role in ("kepala_dinas", "sekretaris"):
            if any(p.login and p.login.lower() == low for p in self.holders(role)):
                return role
        return None


@dataclass(frozen=True)
class Settings:
    root: Path
    agency: Agency
    roles: Roles
    paper: str = "A4"
    fonts: tuple[str, ...] = DEFAULT_FONTS
    negative_formula: str = "A"
    cap: Decimal | None = None
    scale: Scale = DEFAULT_SCALE
    section_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    site_url: str = ""
    limits: Limits = field(default_factory=Limits)
    zone: str = "Asia/Jakarta"  # instansi.zona_waktu: every time shown is on this clock
    sop: Sop = field(default_factory=load_sop)
    # Public halves of the keys that only the publishing workflow holds: a forge trail counts
    # only when one of them signed it (``pencatat.kunci``).
    record_keys: tuple[str, ...] = ()
    approval_mode: str = "forge"  # persetujuan.cara (APPROVAL_MODES)
    revoked: tuple[Revoked, ...] = ()  # persetujuan.kunci_dicabut
    tte: TteSettings = field(default_factory=TteSettings)  # tte: the agency's seal

    @property
    def evaluations_dir(self) -> Path:
        return self.root / "evaluations"

    def section_titles(self, key: str) -> tuple[str, ...]:
        base = tuple(a.judul for a in self.sop.analisis if a.key == key)
        return base + self.section_aliases.get(key, ())


class _Reader:
    """Collects located findings while reading a ``LinedDict`` tree."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []

    def add(self, line: int | None, code: str, **params: object) -> None:
        self.findings.append(Finding(self.path, line, code, params))

    def mapping(self, parent: LinedDict, key: str, required: bool = True) -> LinedDict:
        value = parent.get(key)
        if value is None:
            if required:
                self.add(parent.line, "settings.missing", key=key)
            empty = LinedDict()
            empty.line = parent.line
            return empty
        if not isinstance(value, LinedDict):
            self.add(parent.line_of(key), "settings.not_mapping", key=key)
            empty = LinedDict()
            empty.line = parent.line_of(key)
            return empty
        return value

    def text(self, parent: LinedDict, key: str, required: bool = False, default: str = "") -> str:
        value = parent.get(key)
        if value is None or value == "":
            if required:
                self.add(parent.line, "settings.missing", key=key)
            return default
        if isinstance(value, LinedDict | list):
            self.add(parent.line_of(key), "settings.not_text", key=key)
            return default
        return str(value).strip()

    def number(self, parent: LinedDict, key: str) -> Decimal | None:
        value = parent.get(key)
        if value is None:
            return None
        try:
            number = from_spreadsheet(value)
        except NumberProblem as problem:
            self.add(parent.line_of(key), problem.code, text=problem.text, column=key)
            return None
        code = implausible(number, Limits.digits, Limits.magnitude)
        if code:
            self.add(parent.line_of(key), code, text=str(value), column=key,
                     digits=Limits.digits, limit=format_number(Limits.magnitude))
            return None
        return number


def _person(reader: _Reader, raw: Any, line: int, where: str, need_nip: bool) -> Person | None:
    if not isinstance(raw, LinedDict):
        reader.add(line, "settings.person_not_mapping", where=where)
        return None
    nama = reader.text(raw, "nama", required=True)
    nip = reader.text(raw, "nip", required=need_nip)
    if nip:
        code = nipmod.problem(nip)
        if code:
            reader.add(raw.line_of("nip"), code, nip=nip, where=where)
    return Person(
        nama=nama,
        jabatan=reader.text(raw, "jabatan", required=need_nip),
        pangkat=reader.text(raw, "pangkat"),
        nip=nipmod.normalise(nip),
        login=reader.text(raw, "login"),
        surel=reader.text(raw, "surel"),
        kunci_ssh=reader.text(raw, "kunci_ssh"),
    )


def _people(reader: _Reader, parent: LinedDict, key: str) -> tuple[Person, ...]:
    raw = parent.get(key)
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for i, item in enumerate(items, 1):
        line = item.line if isinstance(item, LinedDict) else parent.line_of(key)
        person = _person(reader, item, line, f"{key}[{i}]", need_nip=False)
        if person:
            out.append(person)
    return tuple(out)


def _scale(reader: _Reader, raw: Any, line: int) -> Scale:
    if raw is None:
        return DEFAULT_SCALE
    if not isinstance(raw, list) or not raw:
        reader.add(line, "settings.scale_not_list")
        return DEFAULT_SCALE
    bands: list[tuple[Band, int]] = []
    for item in raw:
        if not isinstance(item, LinedDict):
            reader.add(line, "settings.scale_not_list")
            return DEFAULT_SCALE
        label = reader.text(item, "predikat", required=True)
        bands.append((Band(label, reader.number(item, "lebih_dari"),
                           reader.number(item, "sampai")), item.line))
    # Highest band first: the top has no upper bound, the bottom no lower bound,
    # and each band's lower bound is the next band's upper bound.
    bands.sort(key=lambda b: (b[0].upto is None, b[0].upto or 0), reverse=True)
    ok = True
    if bands[0][0].upto is not None:
        reader.add(bands[0][1], "settings.scale_top_open")
        ok = False
    if bands[-1][0].above is not None:
        reader.add(bands[-1][1], "settings.scale_bottom_open")
        ok = False
    for (upper, _), (lower, lower_line) in itertools.pairwise(bands):
        if upper.above is None or lower.upto is None:
            reader.add(lower_line, "settings.scale_unbounded_middle", label=lower.label)
            ok = False
        elif lower.upto > upper.above:
            reader.add(lower_line, "settings.scale_overlap", upper=upper.label,
                       lower=lower.label, edge=str(lower.upto), above=str(upper.above))
            ok = False
        elif lower.upto < upper.above:
            reader.add(lower_line, "settings.scale_gap", upper=upper.label,
                       lower=lower.label, edge=str(lower.upto), above=str(upper.above))
            ok = False
    return Scale(tuple(b for b, _ in bands)) if ok else DEFAULT_SCALE


def _limits(reader: _Reader, raw: LinedDict) -> Limits:
    values: dict[str, Any] = {}
    for key in raw:
        if key not in LIMIT_KEYS:
            continue  # named by settings_schema.check_structure
        name, low, high = LIMIT_KEYS[key]
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            reader.add(raw.line_of(key), "settings.limit_range", key=key, value=str(value)[:40],
                       low=low, high=format_number(Decimal(high)))
            continue
        scaled = value * MEGABYTE if name.endswith("_bytes") else value
        values[name] = Decimal(scaled) if name == "magnitude" else scaled
    return Limits(**values)


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder upwards holding ``evkin.yml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise EvkinError("settings.not_found", {"start": str(here)})


def load_settings(root: Path) -> Settings:
    """Read and validate ``root/evkin.yml``; raise ``EvkinError`` listing every problem."""
    path = root / SETTINGS_FILE
    try:
        text = read_text(path)
    except FileNotFoundError:
        raise EvkinError("settings.not_found", {"start": str(root)}) from None
    except UnicodeDecodeError:
        raise EvkinError("settings.invalid", findings=[
            Finding(SETTINGS_FILE, None, "file.not_utf8")]) from None
    settings = parse_settings(text, root)
    clock.set_zone(settings.zone)  # the agency's clock for everything this process shows
    return settings


def parse_settings(text: str, root: Path, files: bool = True, strict: bool = True) -> Settings:
    """``files``: check that files named (the emblem, TTE roots) exist in the working copy; off
    for settings read from an earlier commit, whose files come from that commit too.
    ``strict``: refuse keys the declaration (``settings_schema``) does not know; off for a
    version already committed (and so already accepted), whose approvals must keep verifying."""
    reader = _Reader(SETTINGS_FILE)
    try:
        raw = parse(text)
    except YamlProblem as problem:
        raise EvkinError("settings.invalid", findings=[
            Finding(SETTINGS_FILE, problem.line, "yaml.invalid", {"detail": problem.detail})
        ]) from None
    if not isinstance(raw, LinedDict):
        raise EvkinError("settings.invalid", findings=[
            Finding(SETTINGS_FILE, 1, "settings.not_mapping", {"key": "evkin.yml"})])
    shape = check_structure(raw, SETTINGS_FILE) if strict else []

    inst = reader.mapping(raw, "instansi")
    agency = Agency(
        pemerintah=reader.text(inst, "pemerintah", required=True),
        nama=reader.text(inst, "nama", required=True),
        unit=reader.text(inst, "unit"),
        alamat=reader.text(inst, "alamat"),
        telepon=reader.text(inst, "telepon"),
        laman=reader.text(inst, "laman"),
        surel=reader.text(inst, "surel"),
        kota=reader.text(inst, "kota", required=True, default="Padang"),
        lambang=reader.text(inst, "lambang"),
    )
    zone = reader.text(inst, "zona_waktu", default=clock.DEFAULT_ZONE).strip()
    if clock.zone_info(zone) is None:
        reader.add(inst.line_of("zona_waktu"), "settings.zone", value=zone)
        zone = clock.DEFAULT_ZONE
    if files and agency.lambang and not (root / agency.lambang).is_file():
        reader.add(inst.line_of("lambang"), "settings.emblem_missing", path=agency.lambang)

    doc = reader.mapping(raw, "dokumen", required=False)
    paper = reader.text(doc, "kertas", default="A4").upper()
    if paper not in PAPERS:
        reader.add(doc.line_of("kertas"), "settings.paper", value=paper)
        paper = "A4"
    fonts_raw = doc.get("huruf")
    fonts: tuple[str, ...] = DEFAULT_FONTS
    if fonts_raw is not None:
        items = fonts_raw if isinstance(fonts_raw, list) else [fonts_raw]
        fonts = tuple(str(f) for f in items if str(f).strip()) or DEFAULT_FONTS

    cap_raw = reader.mapping(raw, "capaian", required=False)
    formula = reader.text(cap_raw, "formula_negatif", default="A").upper()
    if formula not in FORMULAS:
        reader.add(cap_raw.line_of("formula_negatif"), "settings.formula", value=formula)
        formula = "A"
    cap = reader.number(cap_raw, "batas_atas")
    if cap is not None and cap < 100:
        reader.add(cap_raw.line_of("batas_atas"), "settings.cap_low", value=str(cap))
    scale = _scale(reader, cap_raw.get("predikat"), cap_raw.line_of("predikat"))

    aliases: dict[str, tuple[str, ...]] = {}
    sections = reader.mapping(raw, "bagian", required=False)
    known = {a.key for a in load_sop().analisis}
    for key, value in sections.items():
        if key not in known:
            reader.add(sections.line_of(key), "settings.section_unknown", key=key,
                       known=", ".join(sorted(known)))
            continue
        items = value if isinstance(value, list) else [value]
        aliases[key] = tuple(str(v) for v in items)

    people = reader.mapping(raw, "pejabat")
    kepala = _person(reader, people.get("kepala_dinas"), people.line_of("kepala_dinas"),
                     "kepala_dinas", need_nip=True)
    sekretaris = _person(reader, people.get("sekretaris"), people.line_of("sekretaris"),
                         "sekretaris", need_nip=True)
    roles = Roles(
        kepala_dinas=kepala or Person("?"),
        sekretaris=sekretaris or Person("?"),
        tim_sakip=_people(reader, people, "tim_sakip"),
        perencanaan=_people(reader, people, "perencanaan"),
        penerima=_people(reader, people, "penerima"),
    )
    if kepala and sekretaris and kepala.login and kepala.login.lower() == sekretaris.login.lower():
        reader.add(people.line_of("sekretaris"), "settings.same_login", login=kepala.login)

    site = reader.mapping(raw, "situs", required=False)
    record_keys = _record_keys(reader, reader.mapping(raw, "pencatat", required=False))
    approval = reader.mapping(raw, "persetujuan", required=False)
    mode = reader.text(approval, "cara", default="forge").strip().lower()
    if mode not in APPROVAL_MODES:
        reader.add(approval.line_of("cara"), "settings.approval_mode", value=mode,
                   allowed=", ".join(APPROVAL_MODES))
        mode = "forge"
    revoked = _revoked(reader, approval)
    limits = _limits(reader, reader.mapping(raw, "batas", required=False))
    tte = _tte(reader, raw, root, files, strict)
    if shape or reader.findings:
        # A value of the wrong shape is said once: by the structure check, at its line.
        said = {f.line for f in shape}
        raise EvkinError("settings.invalid", findings=sorted(
            shape + [f for f in reader.findings if f.line not in said],
            key=lambda f: f.line or 0))
    return Settings(
        root=root, agency=agency, roles=roles, paper=paper, fonts=fonts,
        negative_formula=formula, cap=cap, scale=scale, section_aliases=aliases,
        site_url=reader.text(site, "url"), record_keys=record_keys, limits=limits,
        zone=zone, approval_mode=mode, revoked=revoked, tte=tte,
    )


def _tte(reader: _Reader, raw: LinedDict, root: Path, files: bool, strict: bool) -> TteSettings:
    """``tte:``: the agency's seal. Roots must be files inside the repository (in the working
    copy: a committed version's roots may since have moved)."""
    if raw.get("tte") is None:
        return TteSettings()
    section = reader.mapping(raw, "tte", required=False)
    provider = reader.text(section, "penyedia").lower()
    if provider in ("", "tidak", "none", "false"):
        provider = ""
    elif provider not in TTE_PROVIDERS:
        reader.add(section.line_of("penyedia"), "tte.provider", value=provider,
                   known=", ".join(TTE_PROVIDERS))
    roots_raw = section.get("akar") or []
    roots = []
    for item in roots_raw if isinstance(roots_raw, list) else [roots_raw]:
        rel = str(item).strip()
        candidate = (root / rel).resolve()
        inside = candidate.is_relative_to(root.resolve())
        if not inside or (files and strict and not candidate.is_file()):
            reader.add(section.line_of("akar"), "tte.root_missing", path=rel)
            continue
        roots.append(candidate)
    verify_url = reader.text(section, "alamat_verifikasi", default=VERIFY_URL)
    tsa = reader.text(section, "cap_waktu")
    for key, value in (("alamat_verifikasi", verify_url), ("cap_waktu", tsa)):
        if value and not value.startswith(("https://", "http://")):
            reader.add(section.line_of(key), "tte.bad_url", key=key, value=value[:80])
    renew_raw = section.get("perbarui_hari")
    renew = TteSettings.renew_days
    if renew_raw is not None:
        if isinstance(renew_raw, int) and not isinstance(renew_raw, bool) and renew_raw > 0:
            renew = renew_raw
        else:
            reader.add(section.line_of("perbarui_hari"), "tte.bad_days", value=str(renew_raw)[:40])
    return TteSettings(provider, tuple(roots), reader.text(section, "lokasi"),
                       reader.text(section, "alasan", default=TteSettings.reason), verify_url,
                       tsa, renew)


def _revoked(reader: _Reader, raw: LinedDict) -> tuple[Revoked, ...]:
    """``persetujuan.kunci_dicabut``: a list of ``{kunci: <public key>, sejak: <date>}``."""

    value = raw.get("kunci_dicabut")
    if value is None:
        return ()
    if not isinstance(value, list):
        reader.add(raw.line_of("kunci_dicabut"), "settings.revoked_not_list")
        return ()
    out = []
    for item in value:
        line = item.line if isinstance(item, LinedDict) else raw.line_of("kunci_dicabut")
        if not isinstance(item, LinedDict):
            reader.add(line, "settings.revoked_entry")
            continue
        key = parse_public_key(str(item.get("kunci") or ""))
        since = item.get("sejak")
        if isinstance(since, str):
            try:
                since = dt.date.fromisoformat(since.strip())
            except ValueError:
                since = None
        if isinstance(since, dt.datetime):
            since = since.date()
        if not key or not isinstance(since, dt.date):
            reader.add(line, "settings.revoked_entry")
            continue
        out.append(Revoked(key, since, str(item.get("alasan") or "")))
    return tuple(out)


def _record_keys(reader: _Reader, raw: LinedDict) -> tuple[str, ...]:
    """``pencatat.kunci``: one OpenSSH public key or a list of them (old ones stay listed so
    that trails they signed keep verifying after a rotation)."""

    value = raw.get("kunci")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    keys = []
    for item in items:
        key = parse_public_key(str(item)) if isinstance(item, str) else ""
        if not key:
            reader.add(raw.line_of("kunci"), "settings.record_key", value=str(item)[:60])
            continue
        keys.append(key)
    return tuple(keys)
