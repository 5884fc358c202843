"""The agency's BSrE eSign Client (API v2): ``POST /api/v2/sign/pdf``.

HTTP Basic authentication to the agency's on-premise eSign Client; a JSON request with the
signer's ``nik`` or ``email``, a ``passphrase`` or a ``totp``, ``signatureProperties`` (one
visible signature: the QR block as ``imageBase64`` at ``page``, ``originX``, ``originY``,
``width``, ``height``, in PDF points from the page's lower left corner, page numbers from 1),
and ``file``: a list of base64 PDFs. The answer is ``{time, file: [base64]}``.

Everything comes from environment secrets (``EVKIN_BSRE_*``) and is never written anywhere;
error messages name the variable or the HTTP status, never a value, and never repeat the
service's text (which may echo the request).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from evkin.findings import EvkinError
from evkin.sealing import TteSettings

URL_ENV = "EVKIN_BSRE_URL"
USER_ENV = "EVKIN_BSRE_USER"
PASSWORD_ENV = "EVKIN_BSRE_PASSWORD"
NIK_ENV = "EVKIN_BSRE_NIK"
EMAIL_ENV = "EVKIN_BSRE_EMAIL"
PASSPHRASE_ENV = "EVKIN_BSRE_PASSPHRASE"
TOTP_ENV = "EVKIN_BSRE_TOTP"
SIGN_PATH = "/api/v2/sign/pdf"
VERIFY_PATH = "/api/v2/verify/pdf"
TIMEOUT = 120


@dataclass
class EsignBackend:
    url: str
    user: str = field(repr=False)
    password: str = field(repr=False)
    identity: dict[str, str] = field(repr=False)  # {"nik": …} or {"email": …}
    secret: dict[str, str] = field(repr=False)  # {"passphrase": …} or {"totp": …}
    provider: str = "bsre"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> EsignBackend:
        url = env.get(URL_ENV, "").strip()
        if not url.startswith(("https://", "http://")):
            raise EvkinError("tte.env_missing", {"name": URL_ENV})
        for name in (USER_ENV, PASSWORD_ENV):
            if not env.get(name):
                raise EvkinError("tte.env_missing", {"name": name})
        if env.get(NIK_ENV):
            identity = {"nik": env[NIK_ENV].strip()}
        elif env.get(EMAIL_ENV):
            identity = {"email": env[EMAIL_ENV].strip()}
        else:
            raise EvkinError("tte.env_missing", {"name": f"{NIK_ENV} / {EMAIL_ENV}"})
        if env.get(PASSPHRASE_ENV):
            secret = {"passphrase": env[PASSPHRASE_ENV]}
        elif env.get(TOTP_ENV):
            secret = {"totp": env[TOTP_ENV].strip()}
        else:
            raise EvkinError("tte.env_missing", {"name": f"{PASSPHRASE_ENV} / {TOTP_ENV}"})
        return cls(url.rstrip("/"), env[USER_ENV], env[PASSWORD_ENV], identity, secret)

    def issuer_line(self) -> str:
        return "BSrE"

    def request_body(self, pdf: bytes, png: bytes, page: int,
                     box: tuple[float, float, float, float], tte: TteSettings) -> dict[str, Any]:
        x0, y0, x1, y1 = box
        return {
            **self.identity,
            **self.secret,
            "signatureProperties": [{
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
            }],
            "file": [base64.b64encode(pdf).decode("ascii")],
        }

    def sign(self, pdf: bytes, png: bytes, page: int,
             box: tuple[float, float, float, float], tte: TteSettings) -> bytes:
        body = json.dumps(self.request_body(pdf, png, page, box, tte)).encode()
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        request = urllib.request.Request(
            self.url + SIGN_PATH, data=body, method="POST",
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
        files = answer.get("file") if isinstance(answer, dict) else None
        if not isinstance(files, list) or len(files) != 1 or not isinstance(files[0], str):
            raise EvkinError("tte.esign_bad_answer", {"detail": "file"})
        try:
            return base64.b64decode(files[0], validate=True)
        except ValueError:
            raise EvkinError("tte.esign_bad_answer", {"detail": "base64"}) from None
