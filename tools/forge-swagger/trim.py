"""Trim a Gitea or Forgejo swagger description (``/swagger.v1.json``) to the operations evkin
calls and every definition and response they reference, noting where the copy came from.

    python tools/forge-swagger/trim.py FULL.json "source text" > tests/data/forge-swagger/X.json

The kept operations are ``USED`` below; ``tests/test_forge_swagger.py`` checks evkin's
requests and the stand-ins' answers against the trimmed copies.
"""

from __future__ import annotations

import json
import sys
from typing import Any

USED: dict[str, tuple[str, ...]] = {
    "/version": ("get",),
    "/repos/{owner}/{repo}/pulls": ("post",),
    "/repos/{owner}/{repo}/pulls/{index}": ("get",),
    "/repos/{owner}/{repo}/pulls/{index}/files": ("get",),
    "/repos/{owner}/{repo}/pulls/{index}/commits": ("get",),
    "/repos/{owner}/{repo}/pulls/{index}/reviews": ("get",),
    "/repos/{owner}/{repo}/commits/{sha}/pull": ("get",),
    "/repos/{owner}/{repo}/statuses/{sha}": ("post",),
    "/repos/{owner}/{repo}/issues/{index}/comments": ("get", "post"),
    "/repos/{owner}/{repo}/issues/comments/{id}": ("patch",),
}


def _refs(node: Any, out: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            out.add(ref)
        for value in node.values():
            _refs(value, out)
    elif isinstance(node, list):
        for value in node:
            _refs(value, out)


def trim(spec: dict[str, Any], source: str) -> dict[str, Any]:
    paths = {path: {m: spec["paths"][path][m] for m in methods}
             for path, methods in USED.items()}
    keep: dict[str, dict[str, Any]] = {"definitions": {}, "responses": {}}
    todo: set[str] = set()
    _refs(paths, todo)
    seen: set[str] = set()
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        _, section, name = ref.split("/")
        item = spec[section][name]
        keep[section][name] = item
        _refs(item, todo)
    out = {key: spec[key] for key in ("swagger", "info", "basePath") if key in spec}
    out["x-evkin-source"] = source
    out["paths"] = paths
    out["definitions"] = dict(sorted(keep["definitions"].items()))
    out["responses"] = dict(sorted(keep["responses"].items()))
    return out


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        full = json.load(fh)
    json.dump(trim(full, sys.argv[2]), sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")
