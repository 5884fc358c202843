"""Publication derives what it publishes. Attacks, as a Tim SAKIP member (or whoever answers
the archive's plain-http address, or code running in the build job) would try them:

- the previous site serves a tampered PDF (and a manifest to match): the published PDF is the
  one derived from the approved commit, and a message names the mismatch;
- the build job's artifact carries a tampered PDF, or claims a seal it does not have: the
  signing step refuses, names it, and seals nothing;
- a manifest changed after signing, unsigned, signed by another key or with a trail's
  signature: ``evkin verify`` and the next publication refuse it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from evkin import signing
from tests.archive_repo import approve, make_archive_repo
from tests.conftest import git
from tests.tte_ca import Ca

REPORT, OTHER = "2025-tahunan", "2024-tahunan"
SIGNER = "Ir. Hendra Saputra, M.T."


@pytest.fixture(scope="module")
def ca() -> Ca:
    return Ca.make("Root CA Uji Segel")


@pytest.fixture
def repo(tmp_path: Path, record_key: str, ca: Ca) -> Path:
    """The sample archive, both sample reports approved in it, TTE with the agency's PKCS#12
    certificate and its root in ``tte.akar``."""
    root = make_archive_repo(tmp_path / "repo")
    ca.pem(root / "akar.pem")
    with (root / "evkin.yml").open("a", encoding="utf-8") as fh:
        fh.write("\ntte:\n  penyedia: pkcs12\n  akar: [akar.pem]\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "TTE")
    for report_id in (OTHER, REPORT):
        approve(root, report_id)
    return root


@pytest.fixture
def p12(tmp_path: Path, ca: Ca, monkeypatch: pytest.MonkeyPatch) -> None:
    p12 = ca.pkcs12(tmp_path / "segel.p12", "Dinas Bina Marga Uji", b"sandi-segel")
    monkeypatch.setenv("EVKIN_TTE_P12_BASE64", base64.b64encode(p12.read_bytes()).decode())
    monkeypatch.setenv("EVKIN_TTE_P12_PASSPHRASE", "sandi-segel")


def manifest(dest: Path) -> dict[str, Any]:
    return json.loads((dest / "manifest.json").read_text(encoding="utf-8"))


def entry(dest: Path, report: str = REPORT) -> dict[str, Any]:
    return next(r for r in manifest(dest)["laporan"] if r["id"] == report)


def publish(evkin: Any, repo: Path, dest: Path, *extra: str) -> Any:
    run = evkin("publish", "--dest", str(dest), "--no-seal", *extra, root=repo)
    assert run.code == 0, run.err
    return run


def rewrite(dest: Path, change: Any) -> None:
    """Change the manifest as an attacker would, keeping its layout."""
    data = manifest(dest)
    change(data)
    (dest.resolve() / "manifest.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def tamper_pdf(dest: Path) -> bytes:
    """Put the other report's (real, well-formed) PDF in place of REPORT's, and make the
    manifest agree with it: sha256 and the render's hash."""
    forged = (dest / entry(dest, OTHER)["pdf"]).read_bytes()
    target = dest.resolve() / entry(dest)["pdf"]
    target.write_bytes(forged)
    digest = hashlib.sha256(forged).hexdigest()

    def change(data: dict[str, Any]) -> None:
        for item in data["laporan"]:
            if item["id"] == REPORT:
                item["sha256"] = digest
                item["render"] = {"sha256": digest}

    rewrite(dest, change)
    return forged


# ---------------------------------------------------------------- the previous site

def serve_release(server: HTTPServer, dest: Path, replace: dict[str, bytes]) -> str:
    """The previous release over plain http, as it is on disk, some files replaced."""
    release = dest.resolve()
    for path in release.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".sig", ".pdf", ".svg"):
            rel = path.relative_to(release).as_posix()
            body = replace.get(rel, path.read_bytes())
            server.expect_request(f"/arsip/{rel}").respond_with_data(body)
    return server.url_for("/arsip/")


@pytest.mark.slow
def test_a_tampered_previous_site_does_not_decide_the_final_pdf(
        repo: Path, tmp_path: Path, httpserver: HTTPServer, evkin: Any) -> None:
    first = tmp_path / "pertama"
    publish(evkin, repo, first, "--previous", "none")
    genuine = (first / entry(first)["pdf"]).read_bytes()
    assert (first / "manifest.json.sig").is_file()

    # 1. Whoever answers the address serves another PDF and a manifest listing its hash;
    #    the signature no longer matches: the previous release is not used at all.
    site = tmp_path / "situs"
    shutil.copytree(first.resolve(), site)
    forged = tamper_pdf(site)
    shutil.rmtree(repo / "build", ignore_errors=True)  # a fresh CI checkout
    base = serve_release(httpserver, site, {})
    run = publish(evkin, repo, tmp_path / "kedua", "--previous", base)
    assert "tidak dipakai" in run.err and "TIDAK COCOK" in run.err, run.err
    second = tmp_path / "kedua"
    published = (second / entry(second)["pdf"]).read_bytes()
    assert published == genuine and published != forged
    assert entry(second)["sha256"] == hashlib.sha256(genuine).hexdigest()

    # 2. The genuine signed manifest (the last one published: an older one would be a
    #    replay, test_publish_replay), but the PDF at its address replaced.
    httpserver.clear()
    base = serve_release(httpserver, second.resolve(), {entry(second)["pdf"]: forged})
    shutil.rmtree(repo / "build", ignore_errors=True)
    run = publish(evkin, repo, tmp_path / "ketiga", "--previous", base)
    third = tmp_path / "ketiga"
    assert (third / entry(third)["pdf"]).read_bytes() == genuine
    assert f"{REPORT}: PDF rilis sebelumnya" in run.err and "TIDAK SAMA" in run.err, run.err

    # 3. A local previous folder without a signature (this machine's own) is a cache only:
    #    its tampered PDF is replaced by the derived one, and the mismatch is named.
    local = tmp_path / "lokal"
    shutil.copytree(third.resolve(), local)
    (local / "manifest.json.sig").unlink()
    tamper_pdf(local)
    run = publish(evkin, repo, tmp_path / "keempat", "--previous", str(local))
    fourth = tmp_path / "keempat"
    assert (fourth / entry(fourth)["pdf"]).read_bytes() == genuine
    assert f"{REPORT}: PDF rilis sebelumnya" in run.err, run.err
    # the untouched report keeps its published bytes (and publication date) from the cache
    assert entry(fourth, OTHER)["terbit"] == entry(third, OTHER)["terbit"]


def test_a_seal_claimed_by_the_previous_site_is_not_taken(
        repo: Path, tmp_path: Path, evkin: Any) -> None:
    """'Already sealed' comes from the file, checked against the derivation and tte.akar —
    never from what the previous manifest says."""
    first = tmp_path / "pertama"
    publish(evkin, repo, first, "--previous", "none")
    local = tmp_path / "lokal"
    shutil.copytree(first.resolve(), local)
    (local / "manifest.json.sig").unlink()
    rewrite(local, lambda data: [item.update({"segel": {"status": "tersegel",
                                                        "waktu": "2026-01-01T00:00:00+07:00"}})
                                 for item in data["laporan"]])
    publish(evkin, repo, tmp_path / "kedua", "--previous", str(local))
    again = entry(tmp_path / "kedua")
    assert again["segel"]["status"] == "belum"


# ---------------------------------------------------------------- the signing job

@pytest.mark.slow
def test_the_signing_step_seals_only_what_it_derived_itself(
        repo: Path, tmp_path: Path, p12: None, evkin: Any) -> None:
    dest = tmp_path / "public"
    publish(evkin, repo, dest, "--previous", "none")
    genuine = (dest / entry(dest)["pdf"]).read_bytes()
    forged = tamper_pdf(dest)
    # ... and a seal claimed for a file that has none.
    rewrite(dest, lambda data: [item.update({"segel": {"status": "tersegel"}})
                                for item in data["laporan"] if item["id"] == OTHER])
    before = (dest / "manifest.json").read_bytes()
    run = evkin("publish", "--dest", str(dest), "--seal-only", root=repo)
    assert run.code == 2, run.out + run.err
    assert "tidak ada yang ditandatangani" in run.err
    assert f"{REPORT}: {entry(dest)['pdf']} tidak sama byte demi byte" in run.err
    assert f"{OTHER}: manifest menyebut status segel 'tersegel'" in run.err
    assert (dest / "manifest.json").read_bytes() == before
    for pdf in dest.resolve().rglob("*.pdf"):
        assert b"/ByteRange" not in pdf.read_bytes(), pdf  # nothing sealed

    # The genuine artifact is sealed, and the record-key step signs the manifest.
    (dest.resolve() / entry(dest)["pdf"]).write_bytes(genuine)
    publish(evkin, repo, dest, "--previous", "none")
    run = evkin("publish", "--dest", str(dest), "--seal-only", root=repo)
    assert run.code == 0 and "Disegel secara elektronik (segel instansi): 2 PDF" in run.out, run.err
    sealed = (dest / entry(dest)["pdf"]).read_bytes()
    assert sealed.startswith(genuine) and sealed != forged
    run = evkin("publish", "--dest", str(dest), "--sign-manifest", root=repo)
    assert run.code == 0, run.err
    assert evkin("verify", str(dest / entry(dest)["pdf"]), "--archive", str(dest),
                 root=repo).code == 0


def test_the_manifest_step_refuses_a_tampered_archive_and_needs_its_key(
        repo: Path, tmp_path: Path, evkin: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "public"
    publish(evkin, repo, dest, "--previous", "none")
    (dest.resolve() / "manifest.json.sig").unlink()
    rewrite(dest, lambda data: data["laporan"][0]["tanda_tangan"].update(
        {"nama": "Orang Lain"}))
    run = evkin("publish", "--dest", str(dest), "--sign-manifest", root=repo)
    assert run.code == 2 and "'tanda_tangan'" in run.err and "Orang Lain" in run.err
    assert not (dest / "manifest.json.sig").exists()
    monkeypatch.delenv(signing.RECORD_KEY_ENV)
    run = evkin("publish", "--dest", str(dest), "--sign-manifest", root=repo)
    assert run.code == 2 and signing.RECORD_KEY_ENV in run.err


# ---------------------------------------------------------------- evkin verify

def _other_key(tmp_path: Path) -> str:
    key = tmp_path / "kunci-lain"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    return key.read_text(encoding="utf-8")


def test_verify_refuses_a_manifest_whose_signature_fails(
        repo: Path, tmp_path: Path, httpserver: HTTPServer, evkin: Any,
        record_key: str) -> None:
    from evkin.record import manifest_sig

    dest = tmp_path / "arsip"
    publish(evkin, repo, dest, "--previous", "none")
    pdf = dest / entry(dest)["pdf"]
    assert evkin("verify", str(pdf), "--archive", str(dest), root=repo).code == 0

    # A forged PDF listed in a manifest served over plain http, with the old signature.
    forged = tmp_path / "palsu.pdf"
    forged.write_bytes(pdf.read_bytes() + b"\n%palsu\n")
    site = tmp_path / "situs"
    shutil.copytree(dest.resolve(), site)
    rewrite(site, lambda data: data["laporan"][0].update(
        {"sha256": hashlib.sha256(forged.read_bytes()).hexdigest()}))
    base = serve_release(httpserver, site, {})
    run = evkin("verify", str(forged), "--archive", base, root=repo)
    assert run.code == 2 and "TIDAK COCOK" in run.err and "ASLI" not in run.out, run.err

    text = (site / "manifest.json").read_bytes()
    for name, signature, expected in (
            ("tanpa", None, "tidak bertanda tangan"),
            ("kunci-lain", manifest_sig.sign(text, _other_key(tmp_path)), "TIDAK COCOK"),
            # a signature over the same bytes in the trails' namespace does not pass
            ("jejak", signing.sign_with_key_text(text, record_key), "TIDAK COCOK")):
        sig = site / "manifest.json.sig"
        sig.unlink(missing_ok=True)
        if signature is not None:
            sig.write_text(signature, encoding="ascii")
        run = evkin("verify", str(forged), "--archive", str(site), root=repo)
        assert run.code == 2 and expected in run.err, (name, run.err)

    # Outside any repository there is no record key to check with: refused, said why.
    run = evkin("verify", str(pdf), "--archive", str(dest), root=tmp_path / "kosong")
    assert run.code == 2 and "pencatat.kunci" in run.err


def test_the_sample_record_key_vouches_for_no_manifest(
        repo: Path, tmp_path: Path, evkin: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its private half is in the repository: outside the demo and the tests, a manifest it
    signed proves nothing, and publication will not sign with it."""
    from evkin.approval import trust

    dest = tmp_path / "arsip"
    publish(evkin, repo, dest, "--previous", "none")  # signed: the tests allow the sample key
    pdf = dest / entry(dest)["pdf"]
    monkeypatch.delenv(trust.SAMPLE_ENV, raising=False)
    run = evkin("verify", str(pdf), "--archive", str(dest), root=repo)
    assert run.code == 2 and "pencatat.kunci" in run.err and "ASLI" not in run.out
    run = evkin("publish", "--dest", str(dest), "--sign-manifest", root=repo)
    assert run.code == 2 and "CONTOH" in run.err


@pytest.mark.slow
def test_without_tte_the_signing_step_still_checks_before_the_mail(
        tmp_path: Path, record_key: str, evkin: Any) -> None:
    """TTE off: the sealing step seals nothing but still refuses a tampered artifact, so the
    mail job (which needs it to succeed) announces only what was derived."""
    root = make_archive_repo(tmp_path / "repo")
    for report_id in (OTHER, REPORT):
        approve(root, report_id)
    dest = tmp_path / "public"
    publish(evkin, root, dest, "--previous", "none")
    run = evkin("publish", "--dest", str(dest), "--seal-only", root=root)
    assert run.code == 0, run.err
    tamper_pdf(dest)
    run = evkin("publish", "--dest", str(dest), "--seal-only", root=root)
    assert run.code == 2 and f"{REPORT}: {entry(dest)['pdf']} tidak sama" in run.err
