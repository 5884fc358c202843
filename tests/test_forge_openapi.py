"""What evkin sends to GitHub and what the GitHub stand-in answers, checked against GitHub's own
REST API description (npm ``@octokit/openapi``, ``tools/openapi``): the draft pull request and
summary-comment requests, and the comment payloads the stand-in serves."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from evkin import forge

from .forge_payloads import issue_comment

PROJECT = Path(__file__).resolve().parents[1]
SPEC = (PROJECT / "tools" / "openapi" / "node_modules" / "@octokit" / "openapi" / "generated"
        / "api.github.com.json")
OWNER_REPO = "bmcktr/evaluasi-kinerja"
BASE = f"/repos/{OWNER_REPO}"


@functools.cache
def _spec() -> dict[str, Any]:
    if not SPEC.is_file():
        pytest.skip("npm package @octokit/openapi is not installed: run "
                    "'npm ci --prefix tools/openapi'")
    data = json.loads(SPEC.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _check(schema: dict[str, Any], value: Any) -> None:
    """Validate ``value`` against an OpenAPI 3.0 schema of the description (refs resolved)."""
    from openapi_schema_validator import OAS30Validator

    spec = _spec()
    root = {**schema, "components": spec["components"]}
    errors = sorted(OAS30Validator(root).iter_errors(value), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def _operation(path: str, method: str) -> dict[str, Any]:
    operation = _spec()["paths"][path][method]
    assert isinstance(operation, dict)
    return operation


def _request_schema(path: str, method: str) -> dict[str, Any]:
    schema = _operation(path, method)["requestBody"]["content"]["application/json"]["schema"]
    assert isinstance(schema, dict)
    return schema


def _response_schema(path: str, method: str, status: str) -> dict[str, Any]:
    schema = _operation(path, method)["responses"][status]["content"]["application/json"][
        "schema"]
    assert isinstance(schema, dict)
    return schema


COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments"
COMMENT = "/repos/{owner}/{repo}/issues/comments/{comment_id}"
PULLS = "/repos/{owner}/{repo}/pulls"


def test_the_stand_ins_comments_are_githubs_issue_comments() -> None:
    items = [issue_comment("github", 901, 7, "github-actions[bot]", "<!-- evkin:ringkasan -->"),
             issue_comment("github", 5, 7, "hendra-saputra", "Setuju.")]
    _check(_response_schema(COMMENTS, "get", "200"), items)
    _check(_response_schema(COMMENTS, "post", "201"), items[0])
    _check(_response_schema(COMMENT, "patch", "200"), items[0])


def test_the_schema_check_would_catch_a_wrong_shape() -> None:
    bad = issue_comment("github", 901, 7, "github-actions[bot]", "x")
    del bad["node_id"]
    with pytest.raises(AssertionError, match="node_id"):
        _check(_response_schema(COMMENTS, "post", "201"), bad)


def test_evkins_requests_are_what_github_documents(httpserver: HTTPServer) -> None:
    sent: list[tuple[str, str, Any]] = []

    def record(status: int, answer: Any) -> Any:
        def handler(request: Request) -> Response:
            sent.append((request.method, request.path, json.loads(request.get_data())))
            return Response(json.dumps(answer), status=status, content_type="application/json")
        return handler

    made = issue_comment("github", 901, 7, "github-actions[bot]", "x")
    created = {"number": 12, "html_url": "https://github.com/bmcktr/evaluasi-kinerja/pull/12"}
    httpserver.expect_request(f"{BASE}/pulls", method="POST").respond_with_handler(
        record(201, created))
    httpserver.expect_request(f"{BASE}/issues/7/comments", method="POST").respond_with_handler(
        record(201, made))
    httpserver.expect_request(f"{BASE}/issues/comments/901", method="PATCH"
                              ).respond_with_handler(record(200, made))
    client = forge.client("github", httpserver.url_for(""), OWNER_REPO, "tok")
    client.create_pull("evaluasi/2026-tw2", "main", "Evaluasi kinerja", "Isi **berkas**.")
    client.create_comment(7, "<!-- evkin:ringkasan -->\n## Ringkasan")
    client.update_comment(901, "<!-- evkin:ringkasan -->\n## Ringkasan baru")
    schemas = {("POST", f"{BASE}/pulls"): _request_schema(PULLS, "post"),
               ("POST", f"{BASE}/issues/7/comments"): _request_schema(COMMENTS, "post"),
               ("PATCH", f"{BASE}/issues/comments/901"): _request_schema(COMMENT, "patch")}
    assert [(m, p) for m, p, _ in sent] == list(schemas)
    for method, path, body in sent:
        _check(schemas[(method, path)], body)
    assert sent[0][2]["draft"] is True
