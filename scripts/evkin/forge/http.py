"""A small JSON-over-HTTPS client on the standard library, shared by both forges.

Problems become ``EvkinError`` (exit 2) with the URL and the server's own message, never a
traceback. The token travels only in an ``Authorization`` header that is not repeated on a
redirect, and it is never printed.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from evkin import __version__
from evkin.findings import EvkinError

TIMEOUT = 30  # seconds per request
MAX_PAGES = 200  # a runaway pagination guard: 200 pages × 100 items is far past any pull request

_LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?([^";]+)"?')


@dataclass(frozen=True)
class Response:
    status: int
    data: Any
    headers: Mapping[str, str]

    def header(self, name: str) -> str:
        low = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == low), "")


def next_link(link_header: str) -> str | None:
    """The ``rel="next"`` target of an RFC 8288 ``Link`` header, if any."""
    for target, rels in _LINK.findall(link_header or ""):
        if "next" in rels.split():
            return str(target)
    return None


class Http:
    """JSON requests against one API base URL with one authorization scheme."""

    def __init__(self, api_url: str, auth_header: str | None, accept: str = "application/json",
                 extra_headers: Mapping[str, str] | None = None) -> None:
        if urllib.parse.urlsplit(api_url).scheme not in ("http", "https"):
            raise EvkinError("forge.bad_api_url", {"url": _safe(api_url)})
        self.api_url = api_url.rstrip("/")
        self._auth = auth_header
        self._headers = {"Accept": accept, "User-Agent": f"evkin/{__version__}",
                         **(extra_headers or {})}

    def url(self, path: str, query: Mapping[str, object] | None = None) -> str:
        out = f"{self.api_url}/{path.lstrip('/')}"
        if query:
            out += "?" + urllib.parse.urlencode({k: str(v) for k, v in query.items()})
        return out

    def request(self, method: str, url: str, body: object = None) -> Response:
        data = json.dumps(body).encode("utf-8") if body is not None else None
        req = urllib.request.Request(url, data=data, method=method, headers=dict(self._headers))
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self._auth:
            # Not forwarded when the server redirects elsewhere.
            req.add_unredirected_header("Authorization", self._auth)
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
                raw = resp.read()
                headers = {k: v for k, v in resp.headers.items()}
                status = resp.status
        except urllib.error.HTTPError as error:
            detail = _detail(error.read())
            code = "forge.unauthorized" if error.code in (401, 403) else "forge.http"
            raise EvkinError(code, {"method": method, "url": _safe(url), "status": error.code,
                                    "detail": detail}) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise EvkinError("forge.unreachable", {"url": _safe(url), "reason": str(reason)}
                             ) from None
        if not raw.strip():
            return Response(status, None, headers)
        try:
            payload = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise EvkinError("forge.not_json", {"url": _safe(url)}) from None
        return Response(status, payload, headers)

    def get(self, path: str, query: Mapping[str, object] | None = None) -> Response:
        return self.request("GET", self.url(path, query))

    def post(self, path: str, body: object) -> Response:
        return self.request("POST", self.url(path), body)

    def patch(self, path: str, body: object) -> Response:
        return self.request("PATCH", self.url(path), body)

    def post_status(self, repo: str, sha: str, state: str, context: str, description: str,
                    target_url: str) -> None:
        """``POST /repos/{repo}/statuses/{sha}``: the same call on GitHub and Gitea/Forgejo."""
        body = {"state": state, "context": context, "description": description[:140]}
        if target_url:
            body["target_url"] = target_url
        self.request("POST", self.url(f"repos/{repo}/statuses/{sha}"), body)

    def paginate(self, path: str, query: Mapping[str, object],
                 next_url: Callable[[Response, str, int, int], str | None]) -> Iterator[Any]:
        """Every item of a listed resource; ``next_url(resp, url, page, seen)`` finds the next
        page (``None``: done)."""
        url: str | None = self.url(path, query)
        page, seen = 1, 0
        while url:
            if page > MAX_PAGES:
                raise EvkinError("forge.too_many_pages", {"url": _safe(url), "pages": MAX_PAGES})
            resp = self.request("GET", url)
            if not isinstance(resp.data, list):
                raise EvkinError("forge.not_list", {"url": _safe(url)})
            yield from resp.data
            seen += len(resp.data)
            url = next_url(resp, url, page, seen) if resp.data else None
            page += 1


def _detail(raw: bytes) -> str:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return raw[:200].decode("utf-8", "replace").strip()
    if isinstance(data, dict):
        return str(data.get("message") or data.get("error") or data)[:300]
    return str(data)[:300]


def _safe(url: str) -> str:
    """A URL fit for messages: no user-info part."""
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts)
