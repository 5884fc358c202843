"""The agency's BSrE eSign Client (API v2), for the two acts kept apart:

- **the agency's seal** (CI, ``evkin seal``): ``POST /api/v2/seal/get/totp`` with
  ``{idSubscriber, totp, data}`` (the seal activation TOTP, the number of files) answers a fresh
  ``{totp, expires}``; ``POST /api/v2/seal/pdf`` with ``{idSubscriber, totp,
  signatureProperties, file}`` seals. Secrets: ``EVKIN_BSRE_*`` in the environment of the one
  signing step;
- **the Kepala Dinas' own signature** (``evkin tandatangani`` on his computer):
  ``POST /api/v2/sign/pdf`` with his ``nik`` or ``email`` and the ``passphrase`` or ``totp`` he
  types at the prompt. That secret lives in memory for one request: it is never read from the
  environment, a file or a setting, and never written anywhere.

HTTP Basic authentication to the agency's on-premise eSign Client. ``signatureProperties``:
one visible signature, the QR block as ``imageBase64`` at ``page`` (from 1), ``originX``,
``originY``, ``width``, ``height`` in PDF points from the page's lower left corner; ``file``: a
list of base64 PDFs; the answer is ``{time, file: [base64]}``. Errors name the variable or the
HTTP status, never a value, and never repeat the service's text (which may echo the request).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from evkin import environment
from evkin.findings import EvkinError
from evkin.settings import TteSettings

URL_ENV = environment.BSRE_URL
USER_ENV = environment.BSRE_USER
PASSWORD_ENV = environment.BSRE_PASSWORD
SUBSCRIBER_ENV = environment.BSRE_ID_SUBSCRIBER  # the agency's seal account
SEAL_TOTP_ENV = environment.BSRE_SEAL_TOTP  # the seal activation TOTP
NIK_ENV = environment.BSRE_NIK  # the Kepala Dinas' NIK, on his own computer only
EMAIL_ENV = environment.BSRE_EMAIL
SIGN_PATH = "/api/v2/sign/pdf"
SEAL_PATH = "/api/v2/seal/pdf"
SEAL_TOTP_PATH = "/api/v2/seal/get/totp"
VERIFY_PATH = "/api/v2/verify/pdf"
TIMEOUT = 120


@dataclass
class Client:
    """The eSign Client's address and HTTP Basic account."""

    url: str
    user: str = field(repr=False)
    password: str = field(repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Client:
        given = environment.bsre(env)
        if not given.url.startswith(("https://", "http://")):
            raise EvkinError("tte.env_missing", {"name": URL_ENV})
        for name, value in ((USER_ENV, given.user), (PASSWORD_ENV, given.password)):
            if not value:
                raise EvkinError("tte.env_missing", {"name": name})
        return cls(given.url.rstrip("/"), given.user, given.password)

    def post(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        request = urllib.request.Request(
            self.url + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json",
                     "Authorization": f"Basic {token}"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                answer = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            code = "tte.esign_refused" if error.code in (400, 401, 403, 422) \
                else "tte.esign_failed"
            raise EvkinError(code, {"status": error.code}) from None
        except (OSError, urllib.error.URLError) as error:
            reason = getattr(error, "reason", error)
            raise EvkinError("tte.esign_unreachable",
                             {"detail": type(reason).__name__}) from None
        except ValueError:
            raise EvkinError("tte.esign_bad_answer", {"detail": "JSON"}) from None
        if not isinstance(answer, dict):
            raise EvkinError("tte.esign_bad_answer", {"detail": "JSON"})
        return answer


def properties(png: bytes, page: int, box: tuple[float, float, float, float],
               tte: TteSettings) -> list[dict[str, Any]]:
    x0, y0, x1, y1 = box
    return [{
        "tampilan": "VISIBLE",
        "imageBase64": base64.b64encode(png).decode("ascii"),
        "page": page + 1,
        "originX": round(x0, 2),
        "originY": round(y0, 2),
        "width": round(x1 - x0, 2),
        "height": round(y1 - y0, 2),
        "location": tte.location,
        "reason": tte.reason,
        "contactInfo": "",
    }]


def one_file(answer: Mapping[str, Any]) -> bytes:
    files = answer.get("file")
    if not isinstance(files, list) or len(files) != 1 or not isinstance(files[0], str):
        raise EvkinError("tte.esign_bad_answer", {"detail": "file"})
    try:
        return base64.b64decode(files[0], validate=True)
    except ValueError:
        raise EvkinError("tte.esign_bad_answer", {"detail": "base64"}) from None


@dataclass
class EsignSealBackend:
    """The agency's electronic seal through ``seal/pdf``: a fresh seal TOTP for every run."""

    client: Client
    subscriber: str = field(repr=False)
    activation_totp: str = field(repr=False)
    provider: str = "bsre"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> EsignSealBackend:
        client = Client.from_env(env)
        given = environment.bsre(env)
        for name, value in ((SUBSCRIBER_ENV, given.subscriber), (SEAL_TOTP_ENV, given.seal_totp)):
            if not value:
                raise EvkinError("tte.env_missing", {"name": name})
        return cls(client, given.subscriber, given.seal_totp)

    def issuer_line(self) -> str:
        return "BSrE"

    def fresh_totp(self, files: int = 1) -> str:
        """``seal/get/totp``: the seal TOTP for ``files`` documents, from the activation one."""
        answer = self.client.post(SEAL_TOTP_PATH, {"idSubscriber": self.subscriber,
                                                   "totp": self.activation_totp,
                                                   "data": files})
        totp = answer.get("totp")
        if not isinstance(totp, str) or not totp.strip():
            raise EvkinError("tte.esign_bad_answer", {"detail": "totp"})
        return totp.strip()

    def request_body(self, pdf: bytes, png: bytes, page: int,
                     box: tuple[float, float, float, float], tte: TteSettings,
                     totp: str) -> dict[str, Any]:
        return {"idSubscriber": self.subscriber, "totp": totp,
                "signatureProperties": properties(png, page, box, tte),
                "file": [base64.b64encode(pdf).decode("ascii")]}

    def sign(self, pdf: bytes, png: bytes, page: int,
             box: tuple[float, float, float, float], tte: TteSettings) -> bytes:
        totp = self.fresh_totp(1)
        return one_file(self.client.post(SEAL_PATH,
                                         self.request_body(pdf, png, page, box, tte, totp)))


@dataclass
class PersonalSigner:
    """The Kepala Dinas signing himself through ``sign/pdf`` (``evkin tandatangani``): his
    identity and the passphrase or TOTP he typed, held only for this request."""

    client: Client
    identity: dict[str, str] = field(repr=False)  # {"nik": …} or {"email": …}
    secret: dict[str, str] = field(repr=False)  # {"passphrase": …} or {"totp": …}
    provider: str = "bsre"

    def issuer_line(self) -> str:
        return "BSrE"

    def sign(self, pdf: bytes, png: bytes, page: int,
             box: tuple[float, float, float, float], tte: TteSettings) -> bytes:
        body = {**self.identity, **self.secret,
                "signatureProperties": properties(png, page, box, tte),
                "file": [base64.b64encode(pdf).decode("ascii")]}
        try:
            return one_file(self.client.post(SIGN_PATH, body))
        finally:
            self.secret.clear()  # one request: not kept for a second
