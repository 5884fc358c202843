"""The one place evkin reads its environment variables (``EVKIN_*``, the forge's ``GITHUB_*``,
``SOURCE_DATE_EPOCH``, ...). Every other module asks a function here, so what evkin takes from
the environment (secrets above all) is listed once: ``VARIABLES``, shown in README's
configuration section and tested against the guides (``tests/test_architecture_env.py``).

Accessors take an optional ``env`` mapping (a test's, or a step's own copy); ``None`` means this
process's environment. Secrets are returned, never printed: messages name the variable.
Passing the environment on to a child process (git, pandoc) stays where the child is started.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

Env = Mapping[str, str]


@dataclass(frozen=True)
class Variable:
    """One variable evkin reads: what it is for (Indonesian, for the guides) and where it is
    set; ``secret``: a forge secret, never echoed."""

    name: str
    doc: str
    where: str
    secret: bool = False


# ---------------------------------------------------------------- names

LANG = "EVKIN_LANG"
SAMPLE_KEY = "EVKIN_KUNCI_CONTOH"
RECORD_KEY = "EVKIN_RECORD_KEY"
TOKEN = "EVKIN_TOKEN"
BOT_LOGIN = "EVKIN_BOT_LOGIN"
EXCEL = "EVKIN_EXCEL"
NO_HTML_STASH = "EVKIN_NO_HTML_STASH"
SMTP_HOST = "EVKIN_SMTP_HOST"
SMTP_PORT = "EVKIN_SMTP_PORT"
SMTP_USER = "EVKIN_SMTP_USER"
SMTP_PASSWORD = "EVKIN_SMTP_PASSWORD"
SMTP_FROM = "EVKIN_SMTP_FROM"
SMTP_STARTTLS = "EVKIN_SMTP_STARTTLS"
TTE_P12 = "EVKIN_TTE_P12"
TTE_P12_PASSPHRASE = "EVKIN_TTE_P12_PASSPHRASE"
TTE_P12_BASE64 = "EVKIN_TTE_P12_BASE64"
BSRE_URL = "EVKIN_BSRE_URL"
BSRE_USER = "EVKIN_BSRE_USER"
BSRE_PASSWORD = "EVKIN_BSRE_PASSWORD"
BSRE_ID_SUBSCRIBER = "EVKIN_BSRE_ID_SUBSCRIBER"
BSRE_SEAL_TOTP = "EVKIN_BSRE_SEAL_TOTP"
BSRE_NIK = "EVKIN_BSRE_NIK"
BSRE_EMAIL = "EVKIN_BSRE_EMAIL"
# Tokens tried in order: evkin's own, else the one the forge's runner gives.
TOKENS = (TOKEN, "GITHUB_TOKEN", "GITEA_TOKEN")
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

_CI = "alur kerja CI (secret)"
_KADIS = "komputer Kepala Dinas"
VARIABLES: tuple[Variable, ...] = (
    Variable(LANG, "bahasa pesan: `en` untuk bahasa Inggris (bawaan Indonesia; `--lang` "
             "mendahului)", "siapa saja"),
    Variable(RECORD_KEY, "kunci privat pencatat: menandatangani jejak persetujuan dan manifes "
             "arsip; kunci publiknya tercantum di `pencatat.kunci`", _CI, secret=True),
    Variable(TOKEN, "token API forge (bila tidak ada: `GITHUB_TOKEN`, lalu `GITEA_TOKEN`)", _CI,
             secret=True),
    Variable(BOT_LOGIN, "akun bot tambahan yang menulis komentar evkin (mis. di Forgejo)",
             "alur kerja CI"),
    Variable(EXCEL, "`true`: `evkin start` menyertakan `indikator.xlsx` (kotak centang alur "
             "kerja *Mulai evaluasi*)", "alur kerja CI"),
    Variable(NO_HTML_STASH, "`1`: situs dibangun tanpa simpanan HTML (untuk pemeriksaan)",
             "pengembang"),
    Variable(SMTP_HOST, "server surel untuk pemberitahuan langkah 8", _CI),
    Variable(SMTP_PORT, "port server surel (bawaan 587; 465 = SSL)", _CI),
    Variable(SMTP_USER, "akun server surel", _CI),
    Variable(SMTP_PASSWORD, "sandi akun server surel", _CI, secret=True),
    Variable(SMTP_FROM, "alamat pengirim (bawaan: akun)", _CI),
    Variable(SMTP_STARTTLS, "`true`/`false`: STARTTLS (bawaan: ya pada port 587)", _CI),
    Variable(TTE_P12, "berkas PKCS#12 segel instansi (`tte.penyedia: pkcs12`)", _CI, secret=True),
    Variable(TTE_P12_BASE64, "isi berkas PKCS#12 dalam base64 (untuk secret forge)", _CI,
             secret=True),
    Variable(TTE_P12_PASSPHRASE, "sandi berkas PKCS#12", _CI, secret=True),
    Variable(BSRE_URL, "alamat layanan BSrE eSign", f"{_CI}; {_KADIS}"),
    Variable(BSRE_USER, "pengguna API BSrE eSign", f"{_CI}; {_KADIS}", secret=True),
    Variable(BSRE_PASSWORD, "sandi API BSrE eSign", f"{_CI}; {_KADIS}", secret=True),
    Variable(BSRE_ID_SUBSCRIBER, "idSubscriber akun segel instansi di BSrE", _CI, secret=True),
    Variable(BSRE_SEAL_TOTP, "TOTP aktivasi segel instansi", _CI, secret=True),
    Variable(BSRE_NIK, "NIK Kepala Dinas untuk `evkin tandatangani` (di komputernya sendiri)",
             _KADIS, secret=True),
    Variable(BSRE_EMAIL, "surel akun BSrE Kepala Dinas untuk `evkin tandatangani`", _KADIS),
    Variable(SAMPLE_KEY, "`izinkan`: kunci pencatat contoh dianggap sah (hanya `evkin demo` dan "
             "pengujian)", "evkin demo, pengujian"),
)

# EVKIN_ names the guides and workflows use that evkin itself never reads: the workflows' own
# secrets (used by their shell steps) and shell variables of the guides.
NOT_READ_BY_EVKIN = {
    "EVKIN_DEPLOY_KEY": "alur kerja evkin-terbit: kunci deploy untuk push jejak ke main",
    "EVKIN_PUSH_URL": "alur kerja evkin-terbit: alamat SSH repositori bila berbeda",
    "EVKIN_PIP": "alur kerja portal: versi evkin yang dipasang",
    "EVKIN_SRC": "panduan alur kerja: folder clone evkin di komputer sendiri",
    "EVKIN_REQUIRE_BROWSER": "CI: pengujian peramban wajib berjalan",
}


def _env(env: Env | None) -> Env:
    return os.environ if env is None else env


def _text(name: str, env: Env | None = None) -> str:
    return _env(env).get(name, "").strip()


# ---------------------------------------------------------------- evkin's own

def lang() -> str:
    """``EVKIN_LANG``'s two-letter language, '' when unset."""
    return _text(LANG).lower()[:2]


def sample_key_allowed() -> bool:
    """``EVKIN_KUNCI_CONTOH=izinkan``: the sample record key vouches (demo and tests only)."""
    return _env(None).get(SAMPLE_KEY, "") == "izinkan"


def allow_sample_key() -> None:
    """``evkin demo``: its archive is signed with the sample key, for this process only."""
    os.environ[SAMPLE_KEY] = "izinkan"


def record_key(env: Env | None = None) -> str:
    """The record key's private half (a forge secret), '' when this step holds none."""
    return _env(env).get(RECORD_KEY, "")


def token(env: Env | None = None) -> str | None:
    """The forge API token: ``EVKIN_TOKEN``, else ``GITHUB_TOKEN``, else ``GITEA_TOKEN``."""
    for name in TOKENS:
        value = _text(name, env)
        if value:
            return value
    return None


def bot_login(env: Env | None = None) -> str:
    return _text(BOT_LOGIN, env)


def excel_requested() -> bool:
    """The *Mulai evaluasi* workflow's "excel" checkbox, passed through ``env:``."""
    return _text(EXCEL).lower() == "true"


def html_stash_off() -> bool:
    return bool(_env(None).get(NO_HTML_STASH))


@dataclass(frozen=True)
class SmtpVariables:
    host: str
    port: str
    user: str
    sender: str
    starttls: str  # lower case; '' = unset
    password: str = field(repr=False)


def smtp(env: Env | None = None) -> SmtpVariables:
    """The SMTP variables as given (``notify`` decides what they mean)."""
    return SmtpVariables(_text(SMTP_HOST, env), _text(SMTP_PORT, env), _text(SMTP_USER, env),
                         _text(SMTP_FROM, env), _text(SMTP_STARTTLS, env).lower(),
                         _env(env).get(SMTP_PASSWORD, ""))


@dataclass(frozen=True)
class P12Variables:
    path: str
    data_base64: str = field(repr=False)
    passphrase: str = field(repr=False)


def p12(env: Env | None = None) -> P12Variables:
    """The agency's seal certificate: a file, or its bytes in base64 (a forge secret)."""
    return P12Variables(_text(TTE_P12, env), _text(TTE_P12_BASE64, env),
                        _env(env).get(TTE_P12_PASSPHRASE, ""))


@dataclass(frozen=True)
class BsreVariables:
    url: str
    user: str = field(repr=False)
    password: str = field(repr=False)
    subscriber: str = field(repr=False)
    seal_totp: str = field(repr=False)
    nik: str = field(repr=False)
    email: str = ""


def bsre(env: Env | None = None) -> BsreVariables:
    """BSrE eSign's account (CI: the agency's seal; his computer: the Kepala Dinas)."""
    raw = _env(env)
    return BsreVariables(_text(BSRE_URL, env), raw.get(BSRE_USER, ""), raw.get(BSRE_PASSWORD, ""),
                         _text(BSRE_ID_SUBSCRIBER, env), _text(BSRE_SEAL_TOTP, env),
                         _text(BSRE_NIK, env), _text(BSRE_EMAIL, env))


# ---------------------------------------------------------------- the forge's runner and tools

@dataclass(frozen=True)
class Runner:
    """What a forge's workflow runner says about the run (GitHub's names; Gitea and Forgejo
    runners set the same ones)."""

    repository: str
    api_url: str
    server_url: str
    step_summary: str
    gitea: bool  # a Gitea or Forgejo runner


def runner(env: Env | None = None) -> Runner:
    raw = _env(env)
    return Runner(_text("GITHUB_REPOSITORY", env), _text("GITHUB_API_URL", env),
                  _text("GITHUB_SERVER_URL", env).rstrip("/"), _text("GITHUB_STEP_SUMMARY", env),
                  raw.get("GITEA_ACTIONS") == "true" or raw.get("FORGEJO_ACTIONS") == "true")


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (reproducible builds), ``None`` when unset or not a number."""
    value = _text(SOURCE_DATE_EPOCH)
    return int(value) if value.isdigit() else None


@contextmanager
def source_date_epoch_set(value: str | None) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH=value`` for the duration (MkDocs reads it), unless already set."""
    if _text(SOURCE_DATE_EPOCH) or not value:
        yield
        return
    os.environ[SOURCE_DATE_EPOCH] = value
    try:
        yield
    finally:
        os.environ.pop(SOURCE_DATE_EPOCH, None)


def no_color() -> bool:
    """The ``NO_COLOR`` convention (no-color.org)."""
    return bool(_env(None).get("NO_COLOR"))


def pandoc_override() -> str:
    """``PYPANDOC_PANDOC``: pypandoc's own setting for another pandoc."""
    return _text("PYPANDOC_PANDOC")


def typst_single_threaded() -> None:
    """A worker process's Typst uses one thread (``RAYON_NUM_THREADS``)."""
    os.environ["RAYON_NUM_THREADS"] = "1"
