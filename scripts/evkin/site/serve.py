"""Serve a built site folder with the standard library (what any plain web server does)."""

from __future__ import annotations

import functools
import html
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from evkin.findings import EvkinError
from evkin.messages import current_lang, t


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files; no directory listings; requests not logged."""

    extensions_map = {  # noqa: RUF012 - the stdlib declares it as an instance variable
        **SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
        ".svg": "image/svg+xml", ".json": "application/json"}

    def list_directory(self, path: Any) -> None:
        self.send_error(404)

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """The site's own 404 page (MkDocs builds one, in Indonesian), else a short page in the
        reader's language: never the standard library's English "Error response"."""
        if code != 404:
            super().send_error(code, message, explain)
            return
        page = Path(self.directory) / "404.html"
        try:
            body = page.read_bytes()
        except OSError:
            body = (f"<!doctype html><html lang=\"{current_lang()}\"><meta charset=\"utf-8\">"
                    "<title>"
                    f"{html.escape(t('site.not_found_title'))}</title><h1>"
                    f"{html.escape(t('site.not_found_title'))}</h1><p>"
                    f"{html.escape(t('site.not_found_text'))}</p></html>").encode()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return None


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(folder))
    return ThreadingHTTPServer((host, port), handler)


def start_background(folder: Path, host: str = "127.0.0.1") -> tuple[ThreadingHTTPServer, str]:
    """A server on a free port in a daemon thread; returns it and its base URL."""
    server = make_server(folder, host, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://{host}:{server.server_address[1]}/"


def serve_folder(folder: Path, host: str, port: int) -> int:
    try:
        server = make_server(folder, host, port)
    except OSError as error:

        raise EvkinError("site.port_busy", {"host": host, "port": port,
                                            "detail": error.strerror or str(error)}) from None
    print(t("site.serving", {"url": f"http://{host}:{server.server_address[1]}/",
                             "path": str(folder)}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(t("site.stopped"))
    finally:
        server.server_close()
    return 0
