"""The one declaration of ``evkin.yml``: every option, its type, default, description and the
SOP step it serves.

``settings.py`` reads values; this module says which keys exist and what shape each takes, so
that a misspelled key (``kertass:``, ``formula_negative:``, ``situs_url:``) is refused with a
did-you-mean instead of loading silently with the default, and so that the guide's reference
(``docs/panduan/pengaturan.md``, written by ``python -m evkin.settings_doc``) cannot drift.

Kept free of heavy imports: ``evkin --help`` loads it through ``settings``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from evkin.findings import Finding
from evkin.messages import Phrase
from evkin.yamlfile import LinedDict

# Shapes a value may take. The Indonesian words are what the guide and the messages show.
MAP = "peta"  # key: value lines underneath
LIST_OF_MAPS = "daftar_peta"  # a list of key: value entries
MAP_OR_LIST = "orang"  # one entry or a list of entries
FREE_MAP = "peta_bebas"  # keys chosen by the agency (``bagian``), values text or a list
TEXT = "teks"
TEXT_OR_LIST = "teks_atau_daftar"
NUMBER = "angka"
INTEGER = "bilangan_bulat"
CHOICE = "pilihan"
DATE = "tanggal"

SCALARS = (TEXT, NUMBER, INTEGER, CHOICE, DATE)
CONTAINERS = (MAP, LIST_OF_MAPS, MAP_OR_LIST, FREE_MAP)

@dataclass(frozen=True)
class Option:
    """One key of ``evkin.yml``. ``default`` is what applies when the key is absent, as the
    guide shows it ('' = none); ``step`` names the SOP steps (``sop.yml``) it serves."""

    key: str
    kind: str
    doc: str
    step: str
    default: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    children: tuple[Option, ...] = ()

    def child(self, key: str) -> Option | None:
        return next((c for c in self.children if c.key == key), None)


def _person(required: bool) -> tuple[Option, ...]:
    return (
        Option("nama", TEXT, "nama lengkap dengan gelar", "1–8", required=True),
        Option("jabatan", TEXT, "jabatan seperti tercetak di dokumen", "1–8", required=required),
        Option("pangkat", TEXT, "pangkat/golongan, dicetak di bawah nama", "6, 7"),
        Option("nip", TEXT, "NIP 18 angka, boleh dengan spasi (`19720925 199803 1 003`)",
               "6, 7", required=required),
        Option("login", TEXT, "akun forge; persetujuan pull request dari akun ini dihitung "
               "sebagai paraf/tanda tangan", "6, 7"),
        Option("surel", TEXT, "alamat surel untuk pemberitahuan", "5–8"),
        Option("kunci_ssh", TEXT, "kunci publik SSH (`ssh-ed25519 AAAA…`) untuk persetujuan "
               "tanpa forge (`evkin approve`)", "6, 7"),
    )


_LIMITS = (
    Option("digit_angka", INTEGER, "digit satu angka (bagian bulat ditambah desimal)", "5",
           default="15"),
    Option("nilai_maks", INTEGER, "nilai mutlak terbesar satu angka", "5",
           default="1000000000000"),
    Option("ukuran_data_mb", INTEGER, "ukuran `indikator.csv`/`indikator.xlsx` (MB)", "5",
           default="2"),
    Option("baris_data", INTEGER, "jumlah baris indikator", "5", default="2000"),
    Option("panjang_baris", INTEGER, "karakter dalam satu baris `laporan.md` atau dokumen "
           "langkah", "5", default="10000"),
    Option("ukuran_teks_mb", INTEGER, "ukuran `laporan.md`, `evaluasi.yml` atau satu dokumen "
           "langkah (MB)", "5", default="5"),
    Option("ukuran_gambar_mb", INTEGER, "ukuran satu gambar di laporan (MB)", "5", default="10"),
    Option("piksel_gambar", INTEGER, "lebar × tinggi satu gambar (40 megapiksel)", "5",
           default="40000000"),
)

SCHEMA: tuple[Option, ...] = (
    Option("instansi", MAP, "kop surat dan jati diri instansi", "1–8", required=True,
           children=(
               Option("pemerintah", TEXT, "baris pertama kop (mis. `PEMERINTAH PROVINSI "
                      "SUMATERA BARAT`)", "1–8", required=True),
               Option("nama", TEXT, "nama perangkat daerah di kop", "1–8", required=True),
               Option("unit", TEXT, "unit kerja di bawah nama", "1–8"),
               Option("alamat", TEXT, "alamat di kop", "1–8"),
               Option("telepon", TEXT, "telepon di kop", "1–8"),
               Option("laman", TEXT, "laman di kop", "1–8"),
               Option("surel", TEXT, "surel di kop", "1–8"),
               Option("kota", TEXT, "kota di baris tanggal (\"Padang, 26 Januari 2026\")",
                      "1–8", default="Padang", required=True),
               Option("lambang", TEXT, "jalur berkas gambar lambang, relatif terhadap "
                      "`evkin.yml`", "1–8"),
               Option("zona_waktu", TEXT, "zona waktu instansi (nama IANA: `Asia/Jakarta` = "
                      "WIB, `Asia/Makassar` = WITA, `Asia/Jayapura` = WIT); semua waktu yang "
                      "ditampilkan memakai zona ini", "1–8", default="Asia/Jakarta"),
           )),
    Option("dokumen", MAP, "tata letak dokumen cetak", "5, 7", children=(
        Option("kertas", CHOICE, "ukuran kertas: `A4` (210 × 297 mm) atau `F4` (215 × 330 mm)",
               "5, 7", default="A4", choices=("A4", "F4")),
        Option("huruf", TEXT_OR_LIST, "urutan huruf yang dicoba (`Liberation Sans` ikut "
               "terpasang bersama evkin)", "5, 7", default="Arial, Liberation Sans, Arimo"),
    )),
    Option("capaian", MAP, "cara menghitung capaian dan predikat", "5", children=(
        Option("formula_negatif", CHOICE, "rumus untuk indikator berpolaritas negatif: `A` = "
               "(2T − R) / T, `B` = T / R", "5", default="A", choices=("A", "B")),
        Option("batas_atas", NUMBER, "batas atas capaian dalam persen (mis. `120`); kosong = "
               "tanpa batas", "5"),
        Option("predikat", LIST_OF_MAPS, "skala predikat (lihat di bawah)", "5",
               default="Sangat Tinggi > 90, Tinggi > 75, Sedang > 65, Rendah > 50, "
                       "Sangat Rendah", children=(
                   Option("predikat", TEXT, "nama predikat", "5", required=True),
                   Option("lebih_dari", NUMBER, "batas bawah (tidak termasuk)", "5"),
                   Option("sampai", NUMBER, "batas atas (termasuk)", "5"),
               )),
    )),
    Option("bagian", FREE_MAP, "judul bagian lain yang diterima selain judul bawaan SOP, mis. "
           "`faktor_penghambat: [Faktor Hambatan, Kendala]`; kuncinya: `target`, `realisasi`, "
           "`faktor_pendorong`, `faktor_penghambat`, `rekomendasi`", "5"),
    Option("pejabat", MAP, "orang-orang dalam SOP", "1–8", required=True, children=(
        Option("kepala_dinas", MAP, "Kepala Dinas: menandatangani laporan", "1, 7",
               required=True, children=_person(True)),
        Option("sekretaris", MAP, "Sekretaris: memaraf laporan", "2, 6", required=True,
               children=_person(True)),
        Option("tim_sakip", MAP_OR_LIST, "anggota Tim SAKIP yang menyusun laporan", "2–5",
               children=_person(False)),
        Option("perencanaan", MAP_OR_LIST, "Subbagian Perencanaan", "3–5",
               children=_person(False)),
        Option("penerima", MAP_OR_LIST, "Pejabat Administrator dan Pejabat Pengawas yang "
               "menerima laporan", "8", children=_person(False)),
    )),
    Option("situs", MAP, "situs arsip", "8", children=(
        Option("url", TEXT, "alamat situs arsip, untuk tautan di surel dan kode QR", "8"),
    )),
    Option("pencatat", MAP, "kunci pencatat jejak persetujuan dari forge", "6, 7", children=(
        Option("kunci", TEXT_OR_LIST, "kunci publik OpenSSH (satu atau daftar) yang boleh "
               "menandatangani jejak persetujuan; kunci lama tetap dicantumkan setelah rotasi",
               "6, 7"),
    )),
    Option("persetujuan", MAP, "cara paraf dan tanda tangan dibuat", "6, 7", children=(
        Option("cara", CHOICE, "`forge`: persetujuan pull request; `tanpa_forge`: `evkin "
               "approve` dengan kunci SSH pejabat", "6, 7", default="forge",
               choices=("forge", "tanpa_forge")),
        Option("kunci_dicabut", LIST_OF_MAPS, "kunci yang bocor: tanda tangan bertanggal `sejak` "
               "atau sesudahnya tidak berlaku", "6, 7", children=(
                   Option("kunci", TEXT, "kunci publik OpenSSH", "6, 7", required=True),
                   Option("sejak", DATE, "tanggal mulai tidak berlaku", "6, 7", required=True),
                   Option("alasan", TEXT, "alasan pencabutan", "6, 7"),
               )),
    )),
    Option("batas", MAP, "batas kewajaran masukan (lihat di bawah)", "5", children=_LIMITS),
    Option("tte", MAP, "segel elektronik instansi pada PDF final (lihat panduan TTE)", "7, 8",
           children=(
               Option("penyedia", CHOICE, "`bsre` (BSrE eSign), `pkcs12` (berkas sertifikat) "
                      "atau kosong = tanpa segel", "7, 8", choices=("bsre", "pkcs12")),
               Option("akar", TEXT_OR_LIST, "sertifikat akar (PEM) tempat setiap tanda tangan "
                      "diperiksa, relatif terhadap `evkin.yml`", "7, 8"),
               Option("lokasi", TEXT, "lokasi penandatanganan di tanda tangan PDF", "7, 8"),
               Option("alasan", TEXT, "alasan di tanda tangan PDF", "7, 8",
                      default="Segel elektronik instansi atas Laporan Hasil Evaluasi Kinerja "
                              "Internal"),
               Option("alamat_verifikasi", TEXT, "halaman verifikasi nasional di blok tanda "
                      "tangan", "7, 8", default="https://tte.komdigi.go.id/verifyPDF"),
               Option("cap_waktu", TEXT, "alamat otoritas cap waktu (RFC 3161) untuk PAdES B-LTA; "
                      "kosong = tanpa", "7, 8"),
               Option("perbarui_hari", INTEGER, "cap waktu dokumen diperbarui sekian hari sebelum "
                      "kedaluwarsa", "8", default="180"),
           )),
)


# ``portal.yml``: the province's portal (``portal/config.py``), a file of its own.
PORTAL_GUIDE = "docs/panduan/portal.md"
PORTAL_SCHEMA: tuple[Option, ...] = (
    Option("judul", TEXT, "judul portal", "8", default="Portal Evaluasi Kinerja Internal"),
    Option("instansi", LIST_OF_MAPS, "instansi yang arsipnya dihimpun", "8", required=True,
           children=(
               Option("kode", TEXT, "folder instansi di portal: huruf kecil, angka, tanda hubung",
                      "8", required=True),
               Option("nama", TEXT, "nama instansi", "8", required=True),
               Option("arsip", TEXT, "alamat situs arsip (http/https) atau folder", "8",
                      required=True),
               Option("kunci_pencatat", TEXT_OR_LIST, "`pencatat.kunci` dari evkin.yml instansi "
                      "itu, dipatok provinsi", "8", required=True),
               Option("tautan", TEXT, "alamat publik untuk tautan, bila arsip dibaca dari folder",
                      "8"),
               Option("kunci_pejabat", MAP, "`kunci_ssh` Sekretaris dan Kepala Dinas untuk "
                      "arsip tanpa forge, diterima langsung dari mereka", "6, 7", children=(
                          Option("sekretaris", TEXT_OR_LIST, "kunci publik Sekretaris", "6"),
                          Option("kepala_dinas", TEXT_OR_LIST, "kunci publik Kepala Dinas", "7"),
                      )),
           )),
)
GUIDE = "docs/panduan/pengaturan.md"


def walk(options: tuple[Option, ...] = SCHEMA, prefix: str = "") -> Iterator[tuple[str, Option]]:
    """Every declared option with its dotted path, parents first."""
    for option in options:
        path = f"{prefix}{option.key}"
        yield path, option
        yield from walk(option.children, path + ".")


# ---------------------------------------------------------------- structure check

_INVISIBLE = "\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff\t "


def _got(value: Any) -> str:
    if isinstance(value, LinedDict):
        return MAP
    if isinstance(value, list):
        return "list"
    return TEXT


def _fits(kind: str, value: Any) -> bool:
    if value is None:
        return True
    if kind in (MAP, FREE_MAP):
        return isinstance(value, LinedDict)
    if kind == LIST_OF_MAPS:
        return isinstance(value, list)
    if kind == MAP_OR_LIST:
        return isinstance(value, LinedDict | list)
    if kind == TEXT_OR_LIST:
        return not isinstance(value, LinedDict) and (
            not isinstance(value, list) or not any(isinstance(v, LinedDict | list)
                                                     for v in value))
    return not isinstance(value, LinedDict | list)


def _guess(key: str, here: tuple[Option, ...], prefix: str,
           top: tuple[Option, ...]) -> tuple[str, str]:
    """(code, guess) for an unknown key: invisible characters (a paste from Excel or Word), a
    parent and child run together (``situs_url``), a close spelling here, or a close spelling
    elsewhere in the file."""
    names = [o.key for o in here]
    bare = "".join(ch for ch in key if ch not in _INVISIBLE)
    if bare != key and bare in names:
        return "settings.key_invisible", prefix + bare
    for cut in range(1, len(bare)):
        head, tail = bare[:cut], bare[cut + 1:]
        if bare[cut] in "_.-" and head in names:
            parent = next(o for o in here if o.key == head)
            if parent.child(tail):
                return "settings.key_unknown_guess", f"{prefix}{head}.{tail}"
    close = difflib.get_close_matches(bare.lower(), names, n=1, cutoff=0.6)
    if close:
        return "settings.key_unknown_guess", prefix + close[0]
    everywhere = {path: o.key for path, o in walk(top)}
    leaf = difflib.get_close_matches(bare.lower(), sorted(set(everywhere.values())), n=1,
                                     cutoff=0.75)
    if leaf:
        path = next(p for p, k in everywhere.items() if k == leaf[0])
        return "settings.key_unknown_guess", path
    return "settings.key_unknown", ", ".join(names)


def check_structure(raw: LinedDict, path: str, options: tuple[Option, ...] = SCHEMA,
                    prefix: str = "", guide: str = GUIDE,
                    top: tuple[Option, ...] | None = None) -> list[Finding]:
    """Unknown keys and values of the wrong shape, at every level, each at its line;
    ``guide`` is the page the messages send the reader to, ``top`` the whole declaration."""
    top = top or options
    found: list[Finding] = []
    for key, value in raw.items():
        option = next((o for o in options if o.key == key), None)
        where = f"{prefix}{key}"
        line = raw.line_of(key)
        if option is None:
            code, guess = _guess(key, options, prefix, top)
            found.append(Finding(path, line, code, {"key": where.strip(), "guess": guess,
                                                    "known": guess, "guide": guide}))
            continue
        if not _fits(option.kind, value):
            found.append(Finding(path, line, "settings.wrong_type", {
                "key": where, "want": _words(option.kind), "got": _words(_got(value)),
                "guide": guide}))
            continue
        found.extend(_inside(option, value, path, where, guide, top))
    return found


def _inside(option: Option, value: Any, path: str, where: str, guide: str,
            top: tuple[Option, ...]) -> list[Finding]:
    if not option.children:
        return []
    if isinstance(value, LinedDict):
        return check_structure(value, path, option.children, where + ".", guide, top)
    found: list[Finding] = []
    if isinstance(value, list):
        for number, item in enumerate(value, 1):
            if isinstance(item, LinedDict):
                found.extend(check_structure(item, path, option.children,
                                             f"{where}[{number}].", guide, top))
    return found


def _words(kind: str) -> Phrase:
    return Phrase("settings.shape." + kind, {})
