"""Working from the browser, against a GitHub- and a Gitea-shaped forge stand-in: "Buat evaluasi
baru" (``evkin start``) pushes a branch and opens a draft pull request, or refuses with a message
in the run's summary; the living summary comment (``evkin comment collect`` then ``post``) is
created once, updated on the next push, and after a return shows the reason and who acts next.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from evkin import forge
from evkin.report.prcomment import MARKER

from .conftest import copy_sample, git
from .forge_payloads import (
    EMAILS,
    HOST,
    Event,
    commit,
    files,
    issue_comment,
    pull,
    reviews,
    server_version,
)
from .test_forge import BASE, KD, OWNER_REPO, SAKIP, SEK, TOKEN, serve_gitea, serve_github
from .test_prcomment import MENTION, NASTY, markdown, visible

BOT = {"github": "github-actions[bot]", "gitea": "gitea-actions"}
EVAL = "2025-tahunan"
REPORT = f"evaluations/{EVAL}/laporan.md"
META = f"evaluations/{EVAL}/evaluasi.yml"
FORGES = ["github", "gitea"]


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data), status=status, content_type="application/json")


# --- Buat evaluasi baru ------------------------------------------------------------------------

@pytest.fixture
def checkout(tmp_path: Path) -> dict[str, Path]:
    """A fresh clone of a forge repository (a bare repository stands in for the remote)."""
    source = copy_sample(tmp_path / "source")
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(source), str(origin))
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(origin), str(work))
    return {"origin": origin, "work": work, "summary": tmp_path / "summary.md"}


def _serve_create_pull(server: HTTPServer, forge_name: str, origin: Path) -> list[Any]:
    made: list[Any] = []

    def handler(request: Request) -> Response:
        body = json.loads(request.get_data())
        made.append((body, dict(request.headers)))
        head = git(origin, "rev-parse", f"refs/heads/{body['head']}")
        raw = pull(forge_name, 12, BOT[forge_name], head, body["base"], title=body["title"])
        raw["head"]["ref"] = body["head"]
        raw["draft"] = bool(body.get("draft")) or body["title"].startswith("WIP:")
        return _json(raw, 201)

    server.expect_request(f"{BASE}/pulls", method="POST").respond_with_handler(handler)
    return made


def _start(evkin: Any, server: HTTPServer, forge_name: str, checkout: dict[str, Path],
           monkeypatch: Any, ident: str) -> Any:
    monkeypatch.setenv("EVKIN_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(checkout["summary"]))
    return evkin("start", ident, "--forge", forge_name, "--api-url", server.url_for(""),
                 "--repo", OWNER_REPO, "--server-url", HOST[forge_name],
                 root=checkout["work"])


@pytest.mark.parametrize("forge_name", FORGES)
def test_start_pushes_a_branch_and_opens_a_draft_pull_request(
        evkin: Any, httpserver: HTTPServer, checkout: dict[str, Path], monkeypatch: Any,
        forge_name: str) -> None:
    made = _serve_create_pull(httpserver, forge_name, checkout["origin"])
    result = _start(evkin, httpserver, forge_name, checkout, monkeypatch, "2026-tw2")
    assert result.code == 0, result.err
    listed = git(checkout["origin"], "ls-tree", "-r", "--name-only", "evaluasi/2026-tw2")
    assert "evaluations/2026-tw2/laporan.md" in listed.splitlines()
    assert git(checkout["origin"], "log", "--format=%s", "-1", "evaluasi/2026-tw2") == \
        "Mulai evaluasi 2026-tw2"
    (body, headers), = made
    assert body["head"] == "evaluasi/2026-tw2" and body["base"] == "main"
    assert headers["Authorization"].endswith(TOKEN)
    title = "Evaluasi kinerja Triwulan II Tahun 2026"
    if forge_name == "github":
        assert body["draft"] is True and body["title"] == title
    else:
        assert "draft" not in body and body["title"] == f"WIP: {title}"
    branch_link = ("blob/evaluasi/2026-tw2/" if forge_name == "github"
                   else "src/branch/evaluasi/2026-tw2/")
    assert f"{HOST[forge_name]}/{OWNER_REPO}/{branch_link}evaluations/2026-tw2/laporan.md" \
        in body["body"]
    assert "indikator.xlsx" in body["body"] and "[[ISI: …]]" in body["body"]
    summary = checkout["summary"].read_text(encoding="utf-8")
    assert "Evaluasi 2026-tw2 dimulai" in summary and "/pull" in summary
    assert TOKEN not in result.out + result.err + summary


def _codes(evkin: Any, root: Path, ident: str) -> list[tuple[str, Any, str]]:
    run = evkin("check", ident, "--format", "json", root=root)
    (evaluation,) = json.loads(run.out)["evaluations"]
    return [(f["path"], f["cell"] or f["line"], f["code"]) for f in evaluation["findings"]
            if f["severity"] == "error"]


def test_the_excel_route_records_everything_without_yaml(
        evkin: Any, httpserver: HTTPServer, checkout: dict[str, Path],
        monkeypatch: Any) -> None:
    """The guide's Excel route, end to end: "Buat evaluasi baru" with "Isi di Excel" gives one
    indikator.xlsx (indicators, recommendations, follow-ups); it is downloaded, filled in and
    uploaded under the same name in one commit; no commit of the branch lacks its data; a slip
    in a sheet is one finding naming sheet and row; the Word copy shows the follow-up."""
    import datetime as dt

    from openpyxl import load_workbook

    from evkin.report.outputs import build_docx
    from evkin.settings import load_settings

    from .test_docx import document_text
    from .test_new import fill

    ident = "2026-tahunan"
    folder_rel = f"evaluations/{ident}"
    made = _serve_create_pull(httpserver, "github", checkout["origin"])
    monkeypatch.setenv("EVKIN_EXCEL", "true")  # the workflow's "Isi di Excel" checkbox
    result = _start(evkin, httpserver, "github", checkout, monkeypatch, ident)
    assert result.code == 0, result.err
    (body, _headers), = made
    listed = git(checkout["origin"], "ls-tree", "-r", "--name-only", f"evaluasi/{ident}")
    assert f"{folder_rel}/indikator.xlsx" in listed.splitlines()
    for absent in ("indikator.csv", "rekomendasi.yml", "tindak-lanjut.yml"):
        assert f"{folder_rel}/{absent}" not in listed.splitlines()
        assert f"{folder_rel}/{absent}" not in body["body"]
    assert f"{folder_rel}/indikator.xlsx" in body["body"] and "unggah lagi" in body["body"]

    work = checkout["work"]
    broken = {"data.missing", "data.two_files", "rec.two_sources", "data.xlsx_error"}
    assert not {c for _, _, c in _codes(evkin, work, ident)} & broken  # the first commit
    # Download, fill in Excel, save under the same name.
    book_path = work / folder_rel / "indikator.xlsx"
    book = load_workbook(book_path)
    assert book.sheetnames == ["indikator", "rekomendasi", "tindak-lanjut"]
    indicators = book["indikator"]
    # Polaritas and formula are picked from a list; every sheet keeps its headers in view.
    pickers = {str(v.sqref)[0]: v.formula1 for v in indicators.data_validations.dataValidation}
    assert pickers == {"E": '"positif,negatif"', "I": '"A,B"'}
    assert [book[name].freeze_panes for name in book.sheetnames] == ["A2"] * 3
    for row in range(2, indicators.max_row + 1):
        indicators.cell(row, 6, 80)  # target
        indicators.cell(row, 8, 82.5)  # realisasi
    made_sheet = book["rekomendasi"]
    made_sheet["B2"] = "Percepat fasilitasi RDTR: dua kabupaten"
    made_sheet["C2"] = "Sekretaris"
    made_sheet["D2"] = dt.datetime(2026, 12, 31)
    follow = book["tindak-lanjut"]
    followed = [follow.cell(r, 1).value for r in range(2, follow.max_row + 1)]
    assert followed == ["2024-tahunan-R3", "2025-tahunan-R1", "2025-tahunan-R2",
                        "2025-tahunan-R3"]
    for row in range(2, follow.max_row + 1):
        follow.cell(row, 3, "dalam proses")
        follow.cell(row, 4, "Tahap II: pelatihan dijadwalkan Maret 2026.")
    book.save(book_path)
    fill(work / folder_rel)  # the Markdown and evaluasi.yml, edited in the browser
    git(work, "commit", "-q", "-am", "Isi indikator.xlsx")  # "Upload files": one commit
    assert _codes(evkin, work, ident) == []
    assert evkin("check", ident, root=work).code == 0

    # A slip in Excel: one finding, in the workbook's own terms.
    book = load_workbook(book_path)
    book["tindak-lanjut"]["C4"] = "selesai sebagian"
    book.save(book_path)
    found = _codes(evkin, work, ident)
    assert found == [(f"{folder_rel}/indikator.xlsx", "lembar tindak-lanjut baris 4",
                      "rec.bad_status")], found
    git(work, "checkout", "-q", "--", folder_rel)
    # Both a tindak-lanjut.yml and the sheet: said, never a silent pick.
    (work / folder_rel / "tindak-lanjut.yml").write_text(
        "- rekomendasi: 2024-tahunan-R3\n  status: selesai\n  uraian: Selesai.\n",
        encoding="utf-8")
    assert ("rec.two_sources" in {c for _, _, c in _codes(evkin, work, ident)})
    (work / folder_rel / "tindak-lanjut.yml").unlink()

    word = build_docx(load_settings(work), ident, work / "build")
    text = document_text(word)
    assert "Tahap II: pelatihan dijadwalkan Maret 2026." in text
    assert "Tindak Lanjut Rekomendasi Evaluasi Sebelumnya" in text


@pytest.mark.parametrize("ident, words", [
    ("2025-tahunan", "sudah ada"),
    ("2026-tw9", "bukan id evaluasi"),
    ("../2026-tw1", "bukan id evaluasi"),
    ("2026-tw1 ", "bukan id evaluasi"),
])
def test_start_refuses_with_a_readable_summary(evkin: Any, httpserver: HTTPServer,
                                               checkout: dict[str, Path], monkeypatch: Any,
                                               ident: str, words: str) -> None:
    made = _serve_create_pull(httpserver, "github", checkout["origin"])
    result = _start(evkin, httpserver, "github", checkout, monkeypatch, ident)
    assert result.code == 2 and words in result.err
    summary = checkout["summary"].read_text(encoding="utf-8")
    assert "Evaluasi tidak dibuat" in summary and words in summary
    assert made == [] and "evaluasi/" not in git(checkout["origin"], "branch", "--list")
    assert git(checkout["work"], "status", "--porcelain") == ""


def test_start_refuses_an_id_whose_branch_exists(evkin: Any, httpserver: HTTPServer,
                                                 checkout: dict[str, Path],
                                                 monkeypatch: Any) -> None:
    git(checkout["origin"], "branch", "evaluasi/2026-tw3", "main")
    made = _serve_create_pull(httpserver, "gitea", checkout["origin"])
    result = _start(evkin, httpserver, "gitea", checkout, monkeypatch, "2026-tw3")
    assert result.code == 2 and "sudah dimulai" in result.err
    assert "sudah dimulai" in checkout["summary"].read_text(encoding="utf-8")
    assert made == [] and not (checkout["work"] / "evaluations" / "2026-tw3").exists()


# --- the living summary comment ---------------------------------------------------------------

class Forge:
    """The stand-in's state across runs: pull request 7, its reviews and its comments."""

    def __init__(self, server: HTTPServer, forge_name: str) -> None:
        self.server, self.name = server, forge_name
        self.comments: list[dict[str, Any]] = []
        self.writes: list[tuple[str, str]] = []
        self.next_id = 900

    def serve(self, head: str, shas: dict[str, str], events: list[Event]) -> None:
        self.server.clear()
        pr = pull(self.name, 7, SAKIP, head)
        rv = reviews(self.name, 7, events, shas)
        fl = files(self.name, [REPORT, META])
        cm = [commit(self.name, head, SAKIP, EMAILS[SAKIP])]
        (serve_github if self.name == "github" else serve_gitea)(self.server, 7, pr, rv, fl, cm)
        if self.name == "gitea":
            self.server.expect_request("/version").respond_with_json(server_version("1.25.3"))
        path = f"{BASE}/issues/7/comments"
        self.server.expect_request(path, method="GET").respond_with_handler(
            lambda _r: _json(self.comments))
        self.server.expect_request(path, method="POST").respond_with_handler(self._create)
        self.server.expect_request(re.compile(rf"^{BASE}/issues/comments/\d+$"),
                                   method="PATCH").respond_with_handler(self._update)

    def _create(self, request: Request) -> Response:
        self.next_id += 1
        item = issue_comment(self.name, self.next_id, 7, BOT[self.name],
                             json.loads(request.get_data())["body"])
        self.comments.append(item)
        self.writes.append(("POST", str(self.next_id)))
        return _json(item, 201)

    def _update(self, request: Request) -> Response:
        cid = int(request.path.rsplit("/", 1)[1])
        item = next(c for c in self.comments if c["id"] == cid)
        item["body"] = json.loads(request.get_data())["body"]
        self.writes.append(("PATCH", str(cid)))
        return _json(item)

    def ours(self) -> list[dict[str, Any]]:
        return [c for c in self.comments if c["body"].startswith(MARKER)
                and c["user"]["login"] == BOT[self.name]]


def _push(root: Path, path: str, text: str, message: str) -> str:
    with (root / path).open("a", encoding="utf-8") as fh:
        fh.write(text)
    git(root, "commit", "-q", "-am", message)
    return git(root, "rev-parse", "HEAD")


def _run(evkin: Any, stand_in: Forge, pr_root: Path, base_root: Path, tmp: Path,
         head: str) -> str:
    """One workflow run: collect in the pull request's checkout, post from the target branch's
    settings only; returns the posting's output."""
    common = ("--pr", "7", "--forge", stand_in.name, "--api-url",
              stand_in.server.url_for(""), "--repo", OWNER_REPO, "--server-url",
              HOST[stand_in.name])
    data = tmp / f"ringkasan-{head[:7]}.json"
    result = evkin("comment", "collect", *common, "--base", "main", "--out", str(data),
                   root=pr_root)
    assert result.code == 0, result.err
    result = evkin("comment", "post", *common, "--data", str(data), "--head", head,
                   "--pdf-url", f"{HOST[stand_in.name]}/{OWNER_REPO}/actions/runs/5/"
                   "artifacts/9", "--run-url", "https://evil.example/run", "--run-id", "48213",
                   "--run-number", "5", "--pdf-artifact", "draf-pdf", root=base_root)
    assert result.code == 0, result.err
    return str(result.out)


@pytest.mark.parametrize("forge_name", FORGES)
def test_one_living_comment_through_a_review_round(evkin: Any, httpserver: HTTPServer,
                                                   tmp_path: Path, monkeypatch: Any,
                                                   forge_name: str) -> None:
    monkeypatch.setenv("EVKIN_TOKEN", TOKEN)
    root = copy_sample(tmp_path / "repo")
    base_root = tmp_path / "base"  # the target branch's settings; no pull request content
    base_root.mkdir()
    (base_root / "evkin.yml").write_text((root / "evkin.yml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    subprocess.run(["cp", "-r", str(root / "assets"), str(base_root)], check=True)
    git(root, "checkout", "-q", "-b", "draf-2025")
    meta = (root / META).read_text(encoding="utf-8")
    (root / META).write_text(re.sub(r"(?m)^judul: .*$", "judul: " + json.dumps(NASTY), meta),
                             encoding="utf-8")
    git(root, "commit", "-q", "-am", "Judul")
    first = git(root, "rev-parse", "HEAD")
    stand_in = Forge(httpserver, forge_name)

    # First push: the comment is created.
    stand_in.serve(first, {"head": first}, [])
    out = _run(evkin, stand_in, root, base_root, tmp_path, first)
    assert "Komentar ringkasan dibuat" in out
    (ours,) = stand_in.ours()
    body = ours["body"]
    assert f"(komit {first[:7]})" in body and "Sekretaris" in body  # waits for the paraf
    # GitHub: the upload action's artifact-url; Gitea 1.25: the run's number and the name.
    pdf = "artifacts/9" if forge_name == "github" else "artifacts/draf-pdf"
    assert f"{HOST[forge_name]}/{OWNER_REPO}/actions/runs/5/{pdf}" in body
    assert "artifacts/9" in body or forge_name != "github"
    assert "48213" not in body  # the PDF link is given, the run link is not needed
    assert ("berkas .zip" in body) == (forge_name == "gitea")
    assert "evil.example/run" not in body  # a link outside the repository is dropped
    assert "Sejak draf dimulai" in body
    # A person quoting the marker does not take the comment over.
    stand_in.comments.append(issue_comment(forge_name, 5, 7, KD, MARKER + " kutipan"))

    # Second push: the same comment is updated, with the new words.
    second = _push(root, REPORT, "\nKalimat tambahan tentang jalan mantap.\n", "Draf kedua")
    stand_in.serve(second, {"head": second, "old": first}, [])
    out = _run(evkin, stand_in, root, base_root, tmp_path, second)
    assert "Komentar ringkasan diperbarui" in out
    assert [w[0] for w in stand_in.writes] == ["POST", "PATCH"]
    (ours,) = stand_in.ours()
    assert ours["id"] == 901 and f"(komit {second[:7]})" in ours["body"]
    assert "jalan mantap" in ours["body"]
    assert next(c for c in stand_in.comments if c["id"] == 5)["body"] == MARKER + " kutipan"
    blob = ("blob" if forge_name == "github" else "src/commit")
    assert f"{HOST[forge_name]}/{OWNER_REPO}/{blob}/{second}/{REPORT}#L" in ours["body"]

    # Third run, after the Sekretaris returns the draft: the reason and who acts next.
    reason = "Tabel capaian belum lengkap, mohon @hendra-saputra lihat ![x](http://evil.example/x)"
    # A team asked to review (Gitea/Forgejo list it with no user) is nobody's decision.
    stand_in.serve(second, {"head": second, "old": first},
                   [Event("sekretariat", "team_request"), Event(SEK, "request", body=reason)])
    _run(evkin, stand_in, root, base_root, tmp_path, second)
    assert [w[0] for w in stand_in.writes] == ["POST", "PATCH", "PATCH"]
    (ours,) = stand_in.ours()
    rendered = markdown(ours["body"])
    text = visible(rendered)
    assert "Dikembalikan oleh Sekretaris" in text and "Tabel capaian belum lengkap" in text
    assert "Berikutnya bertindak: Tim SAKIP" in text
    assert "Sejak ulasan terakhir" in text and "Tidak ada perubahan" in text
    assert not MENTION.search(text) and "<img" not in rendered and "<pre" not in rendered
    assert all(h.startswith(HOST[forge_name]) for h in re.findall(r'href="([^"]*)"',
                                                                   rendered))
    assert TOKEN not in out

    # Fourth push: a realisasi corrected; the Sekretaris sees the figure and the capaian move.
    data = root / f"evaluations/{EVAL}/indikator.csv"
    data.write_text(data.read_text(encoding="utf-8").replace(";81,17;", ";82,04;"),
                    encoding="utf-8")
    git(root, "commit", "-q", "-am", "Koreksi realisasi IK-01")
    fourth = git(root, "rev-parse", "HEAD")
    stand_in.serve(fourth, {"head": fourth, "old": second},
                   [Event(SEK, "request", body="Periksa IK-01", commit="old")])
    _run(evkin, stand_in, root, base_root, tmp_path, fourth)
    (ours,) = stand_in.ours()
    text = visible(markdown(ours["body"]))
    assert "IK-01 realisasi 81,17 → 82,04; capaian 100,83 % → 101,91 %" in text


@pytest.mark.parametrize("forge_name", FORGES)
def test_results_of_an_older_head_are_not_posted(evkin: Any, httpserver: HTTPServer,
                                                 tmp_path: Path, monkeypatch: Any,
                                                 forge_name: str) -> None:
    monkeypatch.setenv("EVKIN_TOKEN", TOKEN)
    root = copy_sample(tmp_path / "repo")
    git(root, "checkout", "-q", "-b", "draf-2025")
    old = _push(root, REPORT, "\nSatu.\n", "Satu")
    new = _push(root, REPORT, "\nDua.\n", "Dua")
    stand_in = Forge(httpserver, forge_name)
    stand_in.serve(new, {"head": new}, [])
    data = tmp_path / "old.json"
    data.write_text(json.dumps({"format": 1, "head": old, "evaluation": EVAL}),
                    encoding="utf-8")
    result = evkin("comment", "post", "--pr", "7", "--forge", forge_name, "--api-url",
                   httpserver.url_for(""), "--repo", OWNER_REPO, "--data", str(data),
                   "--head", old, root=root)
    assert result.code == 0 and "tidak dikirim" in result.err
    assert stand_in.writes == []
    data.write_text(json.dumps({"format": 1, "head": "HEAD", "evaluation": EVAL}),
                    encoding="utf-8")
    result = evkin("comment", "post", "--pr", "7", "--forge", forge_name, "--api-url",
                   httpserver.url_for(""), "--repo", OWNER_REPO, "--data", str(data),
                   "--head", new, root=root)
    assert result.code == 2 and "tidak berbentuk" in result.err and stand_in.writes == []


def test_bot_logins_cover_both_forges() -> None:
    assert {"github-actions[bot]", "gitea-actions"} <= forge.bot_logins({})
    assert "evkin-bot" in forge.bot_logins({"EVKIN_BOT_LOGIN": "evkin-bot"})


# --- the guide matches the files ---------------------------------------------------------------

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "panduan" / "tanpa-terminal.md"
WORKFLOWS = GUIDE.parents[2] / ".github" / "workflows"


def _workflow(name: str) -> dict[Any, Any]:
    import yaml

    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_guide_names_the_workflows_their_inputs_and_jobs_as_they_are() -> None:
    from evkin.evaluation.load import DATA_FILES, META_FILE, REPORT_FILE
    from evkin.messages import t

    text = GUIDE.read_text(encoding="utf-8")
    rows = re.findall(r"^\| \*\*(.+?)\*\* \| `(.+?\.yml)` \|", text, re.M)
    assert len(rows) == 2
    for name, file in rows:
        assert _workflow(file)["name"] == name, file
        assert f"pilih **{name}**" in text or f"alur kerja **{name}**" in text
    start = _workflow("evkin-mulai.yml")
    inputs = start[True]["workflow_dispatch"]["inputs"]  # YAML reads the key 'on' as True
    assert set(inputs) == {"id", "excel"} and "masukan `id`" in text
    assert inputs["id"]["description"].startswith("Id evaluasi") and "**Id evaluasi**" in text
    assert inputs["excel"]["description"].startswith("Isi di Excel") and "**Isi di Excel**" \
        in text and "masukan\n   `excel`" in text
    for file in ("rekomendasi.yml", "tindak-lanjut.yml"):  # every file Tim SAKIP fills
        assert f"`{file}`" in text, file
    steps = [s.get("name", "") for job in start["jobs"].values() for s in job["steps"]]
    assert "langkah *evkin start*" in text and "evkin start" in steps
    jobs = [job["name"] for job in _workflow("evkin-ringkasan.yml")["jobs"].values()]
    for mentioned in re.findall(r"\*(periksa draf|kirim komentar ringkasan)\*", text):
        assert any(j.startswith(mentioned) for j in jobs), mentioned
    for file in (REPORT_FILE, META_FILE, *DATA_FILES):
        assert f"`{file}`" in text, file
    for key in ("comment.position_title", "comment.pdf_title", "comment.findings_title",
                "comment.capaian_title", "comment.diff_title", "comment.pdf_label"):
        assert t(key) in text, key
    assert "Artifacts" in text and "archive: false" in text
    upload = next(s for s in _workflow("evkin-ringkasan.yml")["jobs"]["periksa"]["steps"]
                  if s.get("id") == "pdf")
    assert upload["with"]["archive"] is False


def test_guide_states_the_forge_versions_evkin_acts_on() -> None:
    """The version table and the review buttons agree with what evkin does on Gitea/Forgejo."""
    from evkin.forge import links, workflows

    text = re.sub(r"\s+", " ", GUIDE.read_text(encoding="utf-8"))
    gitea, forgejo = links.RUN_BY_ID["gitea"], links.RUN_BY_ID["forgejo"]
    assert (f"Gitea {'.'.join(map(str, gitea))}+ dan Forgejo {forgejo[0]}+ memakai id run"
            in text)
    assert "| *Run workflow* dengan masukan (`workflow_dispatch`) | ya | 1.23 ke atas | 8.0 ke " \
           "atas |" in text
    assert f"artifact `{workflows.PDF_ARTIFACT}`" in text
    assert "Jangan membuat `.forgejo/workflows/`" in text
    assert "tekan **Submit Review**" not in text and "**Finish review**" in text
    assert "saat ulasan dikirim" in text
