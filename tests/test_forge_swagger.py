"""What evkin sends to Gitea and Forgejo and what their stand-ins answer, checked against the
forges' own swagger descriptions (trimmed copies in ``tests/data/forge-swagger``, sources noted
in each file's ``x-evkin-source``; ``tools/forge-swagger/trim.py`` makes them).

Go's JSON encoder writes ``null`` for a nil pointer, slice or map, which Swagger 2.0 cannot
say: objects, arrays, references and times may be ``null`` here; a field the description does
not declare is an error (the servers send no others, but for ``username`` on a user, which
``User.MarshalJSON`` adds for older clients)."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from evkin import forge

from .forge_payloads import (
    EMAILS,
    Event,
    commit,
    commit_status,
    files,
    issue_comment,
    pull,
    reviews,
    server_version,
)

DATA = Path(__file__).resolve().parent / "data" / "forge-swagger"
SPECS = sorted(p.stem for p in DATA.glob("*.json"))
OWNER_REPO = "bmcktr/evaluasi-kinerja"
BASE = f"/repos/{OWNER_REPO}"
SHA = "a" * 40


@functools.cache
def _spec(name: str) -> dict[str, Any]:
    data = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _strict(node: Any) -> Any:
    """The description as Go's encoder fills it: declared fields only, Go's nulls allowed."""
    if isinstance(node, list):
        return [_strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _strict(v) for k, v in node.items() if not k.startswith("x-")}
    if "properties" in node and "additionalProperties" not in node:
        out["additionalProperties"] = False
        out["properties"] = {k: _nullable(v, k) for k, v in out["properties"].items()}
    return out


# String fields that are Go pointers (``*string``): null until set.
POINTER_STRINGS = frozenset({"merge_commit_sha"})
# Fields Go's custom encoders add beyond the description.
ADDED = {"User": {"username": {"type": "string"}}}


def _definitions(spec: dict[str, Any]) -> dict[str, Any]:
    out = _strict(spec["definitions"])
    for name, fields in ADDED.items():
        out[name]["properties"].update(fields)
    return dict(out)


def _nullable(schema: dict[str, Any], name: str = "") -> dict[str, Any]:
    if (name in POINTER_STRINGS or "$ref" in schema
            or schema.get("type") in ("object", "array") or schema.get("format") == "date-time"):
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


def _check(name: str, schema: dict[str, Any], value: Any) -> None:
    from jsonschema import Draft4Validator

    spec = _spec(name)
    root = {**_strict(schema), "definitions": _definitions(spec)}
    errors = sorted(Draft4Validator(root).iter_errors(value), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def _response(name: str, path: str, method: str, status: str) -> dict[str, Any]:
    answer = _spec(name)["paths"][path][method]["responses"][status]
    if "$ref" in answer:
        answer = _spec(name)["responses"][answer["$ref"].rsplit("/", 1)[1]]
    schema = answer["schema"]
    assert isinstance(schema, dict)
    return schema


def _body(name: str, path: str, method: str) -> dict[str, Any]:
    params = _spec(name)["paths"][path][method]["parameters"]
    schema = next(p["schema"] for p in params if p["in"] == "body")
    assert isinstance(schema, dict)
    return schema


def _query(name: str, path: str, method: str) -> set[str]:
    params = _spec(name)["paths"][path][method].get("parameters", [])
    return {p["name"] for p in params if p["in"] == "query"}


PULL = "/repos/{owner}/{repo}/pulls/{index}"
REVIEWS = PULL + "/reviews"
COMMENTS = "/repos/{owner}/{repo}/issues/{index}/comments"
COMMENT = "/repos/{owner}/{repo}/issues/comments/{id}"
STATUS = "/repos/{owner}/{repo}/statuses/{sha}"


def test_the_copies_say_where_they_come_from() -> None:
    assert {"gitea-1.27.1", "forgejo-11.0.3", "forgejo-16.0.1"} <= set(SPECS)
    for name in SPECS:
        spec = _spec(name)
        assert spec["info"]["version"].startswith(name.split("-", 1)[1])
        assert "swagger.v1.json" in spec["x-evkin-source"]


@pytest.mark.parametrize("name", SPECS)
def test_the_stand_ins_answers_are_the_forges(name: str) -> None:
    shas = {"head": SHA, "old": "b" * 40}
    events = [Event("sekretariat", "team_request"), Event("rina-marlina", "request_review", None),
              Event("hendra-saputra", "approve", finished=4), Event("rina-marlina", "approve"),
              Event("rina-marlina", "request", "old", dismissed=True, body="Perbaiki"),
              Event("hendra-saputra", "comment")]
    _check(name, _response(name, PULL, "get", "200"), pull("gitea", 7, "fajar-ramadhan", SHA))
    _check(name, _response(name, REVIEWS, "get", "200"), reviews("gitea", 7, events, shas))
    _check(name, _response(name, PULL + "/files", "get", "200"),
           files("gitea", ["evaluations/x/a.md", "evaluations/x/b.md"],
                 {"evaluations/x/b.md": "evaluations/x/c.md"}))
    _check(name, _response(name, PULL + "/commits", "get", "200"),
           [commit("gitea", SHA, "fajar-ramadhan", EMAILS["fajar-ramadhan"]),
            commit("gitea", SHA, None, "tamu@example.org")])
    _check(name, _response(name, "/repos/{owner}/{repo}/commits/{sha}/pull", "get", "200"),
           pull("gitea", 7, "fajar-ramadhan", SHA, merged=True))
    comment = issue_comment("gitea", 901, 7, "gitea-actions", "<!-- evkin:ringkasan -->")
    _check(name, _response(name, COMMENTS, "get", "200"), [comment])
    _check(name, _response(name, COMMENTS, "post", "201"), comment)
    _check(name, _response(name, COMMENT, "patch", "200"), comment)
    status = commit_status("gitea", SHA, {"state": "success", "context": "evkin/persetujuan",
                                          "description": "x", "target_url": "https://x/7"})
    _check(name, _response(name, STATUS, "post", "201"), status)
    _check(name, _response(name, "/version", "get", "200"), server_version("1.26.1"))


@pytest.mark.parametrize("name", SPECS)
def test_the_schema_check_would_catch_a_wrong_shape(name: str) -> None:
    """GitHub's name for the status' state, and a review's time under another name."""
    status = commit_status("gitea", SHA, {"state": "success", "context": "c"})
    status["state"] = status.pop("status")
    with pytest.raises(AssertionError, match="state"):
        _check(name, _response(name, STATUS, "post", "201"), status)
    (review,) = reviews("gitea", 7, [Event("rina-marlina", "approve")], {"head": SHA})
    bad = copy.deepcopy(review)
    bad["submitted"] = bad.pop("submitted_at")
    with pytest.raises(AssertionError, match="'submitted' was unexpected"):
        _check(name, _response(name, REVIEWS, "get", "200"), [bad])


@pytest.mark.parametrize("name", SPECS)
def test_evkins_requests_are_what_the_forge_documents(name: str, httpserver: HTTPServer
                                                      ) -> None:
    sent: list[tuple[str, str, dict[str, str], Any]] = []

    def record(status: int, answer: Any) -> Any:
        def handler(request: Request) -> Response:
            raw = request.get_data()
            sent.append((request.method, request.path, dict(request.args),
                         json.loads(raw) if raw else None))
            return Response(json.dumps(answer), status=status, content_type="application/json")
        return handler

    made = issue_comment("gitea", 901, 7, "gitea-actions", "x")
    status = commit_status("gitea", SHA, {"state": "pending", "context": "evkin/persetujuan"})
    created = pull("gitea", 12, "gitea-actions", SHA)
    routes = [("POST", f"{BASE}/pulls", created, "/repos/{owner}/{repo}/pulls"),
              ("POST", f"{BASE}/issues/7/comments", made, COMMENTS),
              ("PATCH", f"{BASE}/issues/comments/901", made, COMMENT),
              ("POST", f"{BASE}/statuses/{SHA}", status, STATUS),
              ("GET", f"{BASE}/pulls/7/reviews", [], REVIEWS),
              ("GET", f"{BASE}/pulls/7/commits", [], PULL + "/commits"),
              ("GET", "/version", server_version("1.25.0"), "/version")]
    for method, path, answer, _ in routes:
        httpserver.expect_request(path, method=method).respond_with_handler(
            record(201 if method == "POST" else 200, answer))
    client = forge.client("gitea", httpserver.url_for(""), OWNER_REPO, "tok")
    client.create_pull("evaluasi/2026-tw2", "main", "Evaluasi kinerja", "Isi **berkas**.")
    client.create_comment(7, "<!-- evkin:ringkasan -->\n## Ringkasan")
    client.update_comment(901, "<!-- evkin:ringkasan -->\n## Ringkasan baru")
    client.post_status(SHA, "pending", forge.STATUS_CONTEXT, "Menunggu paraf", "https://x/7")
    client.reviews(7)
    client._list(f"repos/{OWNER_REPO}/pulls/7/commits", verification="false", files="false")
    client.server_version()
    assert [(m, p) for m, p, _, _ in sent] == [(m, p) for m, p, _, _ in routes]
    for (method, _, query, body), (_, _, _, spec_path) in zip(sent, routes, strict=True):
        low = method.lower()
        assert set(query) <= _query(name, spec_path, low), (spec_path, query)
        if body is not None:
            _check(name, _body(name, spec_path, low), body)
    assert sent[0][3]["title"].startswith("WIP: ")  # Gitea/Forgejo's draft marker
