"""``portal.yml``: the province's list of agencies, each with where its published archive is and
the public halves of its record keys, pinned by the province. The keys are the root each
archive is checked against: an agency's own site can change nothing the portal trusts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from evkin.approval.trust import APPROVING_ROLES
from evkin.findings import EvkinError, Finding
from evkin.settings_schema import PORTAL_GUIDE, PORTAL_SCHEMA, check_structure
from evkin.signing import parse_public_key
from evkin.yamlfile import LinedDict, YamlProblem, parse, read_text

FILE = "portal.yml"
CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass(frozen=True)
class Agency:
    kode: str  # the portal's folder for it: lowercase letters, digits, hyphens
    nama: str
    arsip: str  # the published archive: an http(s) URL or a folder
    kunci: tuple[str, ...]  # its record keys ("ssh-ed25519 AAAA…"), pinned by the province
    tautan: str = ""  # the archive's public address for links (default: arsip, if a URL)
    # Forge-less agencies (persetujuan.cara: tanpa_forge): the officials' SSH keys by role,
    # pinned by the province. Set, they are the only root a trail's paraf and signature count
    # against: the agency holds its record key, so a record-signed trail proves nothing then.
    pejabat: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def forgeless(self) -> bool:
        return bool(self.pejabat)

    def official_keys(self, role: str) -> tuple[str, ...]:
        return next((keys for r, keys in self.pejabat if r == role), ())

    @property
    def link_base(self) -> str:
        base = self.tautan or (self.arsip if self.arsip.startswith(("http://", "https://"))
                               else "")
        return base if not base or base.endswith("/") else base + "/"


@dataclass(frozen=True)
class Portal:
    judul: str
    agencies: tuple[Agency, ...]
    root: Path


def load(path: Path) -> Portal:
    """Read and check ``portal.yml``; every problem named by line."""
    rel = path.name
    try:
        raw = parse(read_text(path))
    except FileNotFoundError:
        raise EvkinError("portal.config_missing", {"path": str(path)}) from None
    except (OSError, UnicodeDecodeError) as error:
        raise EvkinError("portal.config_invalid", {"path": rel}, [
            Finding(rel, None, "file.unreadable", {"detail": str(error)})]) from None
    except YamlProblem as problem:
        raise EvkinError("portal.config_invalid", {"path": rel}, [
            Finding(rel, problem.line, "yaml.invalid", {"detail": problem.detail})]) from None
    if not isinstance(raw, LinedDict):
        raise EvkinError("portal.config_invalid", {"path": rel},
                         [Finding(rel, 1, "yaml.not_mapping")])
    # Unknown keys (a misspelled ``kunci_pencatat``) and wrong shapes first, each at its line.
    problems = check_structure(raw, rel, PORTAL_SCHEMA, guide=PORTAL_GUIDE)
    if problems:
        raise EvkinError("portal.config_invalid", {"path": rel}, problems)
    entries = raw.get("instansi")
    if not isinstance(entries, list) or not entries:
        problems.append(Finding(rel, raw.line_of("instansi"), "portal.no_agencies"))
        entries = []
    agencies: list[Agency] = []
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, LinedDict):
            problems.append(Finding(rel, raw.line_of("instansi"), "portal.agency_not_mapping"))
            continue
        kode = str(entry.get("kode") or "")
        if not CODE.match(kode):
            problems.append(Finding(rel, entry.line_of("kode"), "portal.bad_code",
                                    {"value": kode}))
        elif kode in seen:
            problems.append(Finding(rel, entry.line_of("kode"), "portal.duplicate_code",
                                    {"value": kode}))
        seen.add(kode)
        for key in ("nama", "arsip"):
            if not str(entry.get(key) or "").strip():
                problems.append(Finding(rel, entry.line, "portal.field_missing",
                                        {"field": key, "code": kode}))
        tautan = str(entry.get("tautan") or "")
        if tautan and not tautan.startswith(("http://", "https://")):
            problems.append(Finding(rel, entry.line_of("tautan"), "portal.bad_link",
                                    {"value": tautan}))
        keys_raw = entry.get("kunci_pencatat")
        keys: list[str] = []
        if not isinstance(keys_raw, list) or not keys_raw:
            problems.append(Finding(rel, entry.line_of("kunci_pencatat"), "portal.no_keys",
                                    {"code": kode}))
        else:
            for value in keys_raw:
                key = parse_public_key(str(value))
                if key:
                    keys.append(key)
                else:
                    problems.append(Finding(rel, entry.line_of("kunci_pencatat"),
                                            "portal.bad_key", {"code": kode}))
        officials = _official_keys(rel, entry, kode, problems)
        arsip = str(entry.get("arsip") or "").strip()
        if arsip and not arsip.startswith(("http://", "https://")):
            folder = Path(arsip)
            arsip = str(folder if folder.is_absolute() else (path.parent / folder))
        agencies.append(Agency(kode, str(entry.get("nama") or "").strip(), arsip, tuple(keys),
                               tautan, officials))
    if problems:
        raise EvkinError("portal.config_invalid", {"path": rel}, problems)
    judul = str(raw.get("judul") or "Portal Evaluasi Kinerja Internal").strip()
    return Portal(judul, tuple(agencies), path.parent)


def _official_keys(rel: str, entry: LinedDict, kode: str, problems: list[Finding]
                   ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``kunci_pejabat``: {sekretaris: [keys], kepala_dinas: [keys]}, both roles or neither."""
    raw = entry.get("kunci_pejabat")
    if raw is None:
        return ()
    line = entry.line_of("kunci_pejabat")
    if not isinstance(raw, dict) or set(raw) - set(APPROVING_ROLES):
        problems.append(Finding(rel, line, "portal.bad_official_keys", {"code": kode}))
        return ()
    out = []
    for role in APPROVING_ROLES:
        values = raw.get(role)
        values = [values] if isinstance(values, str) else values
        keys = [parse_public_key(str(v)) for v in values] if isinstance(values, list) else []
        if not keys or not all(keys):
            problems.append(Finding(rel, line, "portal.bad_official_keys", {"code": kode}))
            return ()
        out.append((role, tuple(keys)))
    return tuple(out)
