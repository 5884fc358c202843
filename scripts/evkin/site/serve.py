"""Serve a built site folder with the standard library (what any plain web server does)."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from evkin.messages import t


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files; no directory listings; requests not logged."""

    extensions_map = {  # noqa: RUF012 - the stdlib declares it as an instance variable
        **SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
        ".svg": "image/svg+xml", ".json": "application/json"}

    def list_directory(self, path: Any) -> None:
        self.send_error(404)

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
        from evkin.findings import EvkinError

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
