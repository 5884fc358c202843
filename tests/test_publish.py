"""Step 8 for real: publication into a folder, the manifest, e-mail through a local SMTP
server (aiosmtpd), ``evkin verify``."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from evkin.settings import load_settings
from evkin.site.serve import start_background
from tests.archive_repo import INJECTED, MODIFIED, UNAPPROVED, approve, make_archive_repo
from tests.conftest import git

RECIPIENTS = {"doni.kurniawan@bmcktr.example", "mega.silvia@bmcktr.example",
              "rahmat.hidayat@bmcktr.example", "sri.wahyuni@bmcktr.example"}
SITE_URL = "http://127.0.0.1:9/evkin/"  # the discard port: nothing answers, nothing leaves


@dataclass
class Mailbox:
    """What a real SMTP server (aiosmtpd) received."""

    port: int
    messages: list[tuple[str, list[str], EmailMessage]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    box = Mailbox(free_port())

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                     data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == b"arsip" and \
            data.password == b"rahasia"
        if ok:
            box.logins.append(data.login.decode())
        return AuthResult(success=ok)

    controller = Controller(box, hostname="127.0.0.1", port=box.port, authenticator=authenticate,
                            auth_require_tls=False)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture
def smtp_env(monkeypatch: pytest.MonkeyPatch, mailbox: Mailbox) -> Mailbox:
    monkeypatch.setenv("EVKIN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("EVKIN_SMTP_PORT", str(mailbox.port))
    monkeypatch.setenv("EVKIN_SMTP_USER", "arsip")
    monkeypatch.setenv("EVKIN_SMTP_PASSWORD", "rahasia")
    monkeypatch.setenv("EVKIN_SMTP_FROM", "arsip@bmcktr.example")
    monkeypatch.setenv("EVKIN_SMTP_STARTTLS", "0")
    return mailbox


@pytest.fixture
def repo(tmp_path: Path, record_key: str) -> Path:
    """The sample archive; publication signs its manifest with the sample record key, as a
    publication holding EVKIN_RECORD_KEY does."""
    root = make_archive_repo(tmp_path / "repo")
    settings = root / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "url: http://127.0.0.1:8000/", f"url: {SITE_URL}"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Alamat situs arsip")
    return root


def manifest(dest: Path) -> dict[str, Any]:
    return json.loads((dest / "manifest.json").read_text(encoding="utf-8"))


def test_publish_announce_once_and_verify(repo: Path, tmp_path: Path, smtp_env: Mailbox,
                                          evkin) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "terbit" / "arsip"
    run = evkin("publish", "--dest", str(dest), "--notify", "--previous", str(tmp_path / "x"),
                root=repo)
    assert run.code == 2 and "Manifest rilis sebelumnya" in run.err  # a wrong --previous
    run = evkin("publish", "--dest", str(dest), "--notify", root=repo)
    assert run.code == 2 and "--previous none" in run.err  # the live site cannot be read
    assert not dest.exists()
    run = evkin("publish", "--dest", str(dest), "--notify", "--previous", "none", root=repo)
    assert run.code == 0, run.err
    assert "Terbit:" in run.out and "2 laporan final" in run.out
    # The injected report fails `evkin check`, so it has no PDF: said, not hidden.
    assert f"peringatan: {INJECTED}:" in run.err
    assert dest.is_symlink() and (dest / "index.html").is_file()

    # The manifest lists exactly the verified reports, with their PDFs' real hashes.
    data = manifest(dest)
    assert {r["id"] for r in data["laporan"]} == {"2024-tahunan", "2025-tahunan"}
    for entry in data["laporan"]:
        pdf = dest / entry["pdf"]
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == entry["sha256"]
        assert entry["tanda_tangan"]["nama"] == "Ir. Hendra Saputra, M.T."
        assert entry["diberitahukan"]
    # Read through the one typed reader, it writes back the very bytes that were published.
    from evkin.record import manifest as typed

    assert typed.dumps(typed.read(dest)) == (dest / "manifest.json").read_bytes()

    # One message per recipient, Indonesian, with the link and the hash.
    assert smtp_env.logins and {r for _, rcpt, _ in smtp_env.messages for r in rcpt} == RECIPIENTS
    sender, _, first = smtp_env.messages[0]
    assert sender == "arsip@bmcktr.example"
    body = first.get_content()
    assert first["Subject"].startswith("Terbit:")
    assert "Sesuai SOP 150.1/SOP-BMCKTR/2024 langkah 8" in body
    entry = next(r for r in data["laporan"] if r["id"] == "2025-tahunan")
    assert f"{SITE_URL}arsip/2025/2025-tahunan/index.html" in body
    assert entry["sha256"] in body
    assert "Yth. Ir. Doni Kurniawan, M.T." in "\n".join(
        m.get_content() for _, _, m in smtp_env.messages)

    # Again, unchanged: nothing switches, nobody is mailed twice.
    release = dest.resolve()
    count = len(smtp_env.messages)
    run = evkin("publish", "--dest", str(dest), "--notify", root=repo)
    assert run.code == 0 and "Tidak ada perubahan" in run.out
    assert "surel tidak dikirim" in run.out
    assert dest.resolve() == release and len(smtp_env.messages) == count

    # evkin verify: the published PDF is genuine; a changed copy is not.
    pdf = dest / entry["pdf"]
    run = evkin("verify", str(pdf), "--archive", str(dest), root=repo)
    assert run.code == 0, run.err
    assert "ASLI" in run.out and "Ir. Hendra Saputra, M.T. (Kepala Dinas)" in run.out
    assert "Dra. Rina Marlina, M.Si. (Sekretaris)" in run.out and "29 Januari 2026" in run.out
    copy = tmp_path / "salinan.pdf"
    copy.write_bytes(pdf.read_bytes() + b"\n%tambahan\n")
    run = evkin("verify", str(copy), "--archive", str(dest), root=repo)
    assert run.code == 1 and "TIDAK DIKENAL" in run.out

    # Over HTTP too, as staff would check against the live archive.
    server, base = start_background(dest)
    try:
        run = evkin("verify", str(pdf), "--archive", base, "--format", "json", root=repo)
    finally:
        server.shutdown()
        server.server_close()
    assert run.code == 0 and json.loads(run.out)["laporan"]["id"] == "2025-tahunan"


@pytest.mark.slow
def test_a_new_approval_is_announced_and_old_pdfs_keep_their_bytes(
        repo: Path, tmp_path: Path, smtp_env: Mailbox, evkin) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "arsip"
    # Approved in this repository (the copied sample's trails name commits it lacks): a final
    # PDF is stamped with its approved commit, so later commits leave its bytes alone.
    for report_id in ("2024-tahunan", "2025-tahunan"):
        approve(repo, report_id)
    assert evkin("publish", "--dest", str(dest), "--notify", "--previous", "none",
                 root=repo).code == 0
    before = {r["id"]: r["sha256"] for r in manifest(dest)["laporan"]}
    smtp_env.messages.clear()
    # An unrelated commit, then the modified report is fixed and approved again.
    (repo / "catatan.txt").write_text("catatan\n", encoding="utf-8")
    git(repo, "add", "catatan.txt")
    git(repo, "commit", "-q", "-m", "Catatan")
    report = repo / "evaluations" / MODIFIED / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nPerbaikan.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Perbaikan")
    approve(repo, MODIFIED)
    # As in CI: a fresh checkout (no cache), the previous release read from the live site.
    shutil.rmtree(repo / "build")
    server, base = start_background(dest)
    try:
        run = evkin("publish", "--dest", str(tmp_path / "baru"), "--notify", "--previous",
                    base, root=repo)
    finally:
        server.shutdown()
        server.server_close()
    assert run.code == 0, run.err
    dest = tmp_path / "baru"
    after = {r["id"]: r["sha256"] for r in manifest(dest)["laporan"]}
    assert MODIFIED in after
    assert {k: after[k] for k in before} == before  # unchanged reports: same published bytes
    assert len(smtp_env.messages) == len(RECIPIENTS)
    body = smtp_env.messages[0][2].get_content()
    assert f"arsip/2026/{MODIFIED}/index.html" in body
    assert "arsip/2025/2025-tahunan" not in body


def test_mail_failure_publishes_and_retries(repo: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            evkin) -> None:  # type: ignore[no-untyped-def]
    from aiosmtpd.controller import Controller

    dest = tmp_path / "arsip"
    port = free_port()  # nobody listens here yet
    monkeypatch.setenv("EVKIN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("EVKIN_SMTP_PORT", str(port))
    monkeypatch.setenv("EVKIN_SMTP_FROM", "arsip@bmcktr.example")
    monkeypatch.setenv("EVKIN_SMTP_STARTTLS", "0")
    run = evkin("publish", "--dest", str(dest), "--notify", "--previous", "none", root=repo)
    assert run.code == 1 and "Surel tidak terkirim" in run.err
    assert "jalankan 'evkin publish' lagi" in run.err
    assert (dest / "manifest.json").is_file()  # the site is out regardless
    assert not any(r["diberitahukan"] for r in manifest(dest)["laporan"])
    box = Mailbox(port)
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        run = evkin("publish", "--dest", str(dest), "--notify", root=repo)
    finally:
        controller.stop()
    assert run.code == 0 and "Tidak ada perubahan" in run.out
    assert len(box.messages) == len(RECIPIENTS)
    assert all(r["diberitahukan"] for r in manifest(dest)["laporan"])


def test_failed_build_leaves_the_published_site(repo: Path, tmp_path: Path,
                                                evkin) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "arsip"
    assert evkin("publish", "--dest", str(dest), root=repo).code == 0
    release = dest.resolve()
    digest = {p.relative_to(release).as_posix(): p.read_bytes() for p in release.rglob("*")
              if p.is_file()}
    # A broken MkDocs configuration makes the next build fail half-way.
    approve(repo, UNAPPROVED)
    (repo / "mkdocs.yml").write_text("site_name: [tidak ditutup\n", encoding="utf-8")
    run = evkin("publish", "--dest", str(dest), root=repo)
    assert run.code == 2 and "MkDocs" in run.err
    assert dest.resolve() == release
    assert {p.relative_to(release).as_posix(): p.read_bytes() for p in release.rglob("*")
            if p.is_file()} == digest
    leftovers = [p.name for p in (tmp_path / "arsip.rilis").iterdir()]
    assert leftovers == [release.name]


def test_notify_settings_are_checked_before_building(repo: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     evkin) -> None:  # type: ignore[no-untyped-def]
    for name in ("HOST", "PORT", "USER", "PASSWORD", "FROM", "STARTTLS"):
        monkeypatch.delenv(f"EVKIN_SMTP_{name}", raising=False)
    run = evkin("publish", "--dest", str(tmp_path / "arsip"), "--notify", root=repo)
    assert run.code == 2 and "EVKIN_SMTP_HOST" in run.err
    assert not (tmp_path / "arsip").exists()
    monkeypatch.setenv("EVKIN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("EVKIN_SMTP_PORT", "dua lima")
    run = evkin("publish", "--dest", str(tmp_path / "arsip"), "--notify", root=repo)
    assert run.code == 2 and "EVKIN_SMTP_PORT" in run.err


def test_verify_without_an_archive_says_what_to_do(tmp_path: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    run = evkin("verify", str(pdf), root=tmp_path)
    assert run.code == 2 and "--archive" in run.err
    run = evkin("verify", str(tmp_path / "tidak-ada.pdf"), "--archive", str(tmp_path))
    assert run.code == 2 and "tidak ada" in run.err


def test_compose_is_indonesian_whatever_the_cli_language(repo: Path) -> None:
    from evkin.archive.notify import Item, Smtp, compose

    settings = load_settings(repo)
    smtp = Smtp("127.0.0.1", 25, "", "", "arsip@bmcktr.example", False, False)
    item = Item("Laporan X", "050/1", "Tahun 2025", "Ir. Hendra Saputra, M.T. (Kepala Dinas)",
                "29 Januari 2026", "https://a/b.html", "https://a/b.pdf", "ab" * 32)
    from evkin import messages

    messages.set_lang("en")
    try:
        message = compose(settings, smtp, settings.roles.penerima[0], [item])
    finally:
        messages.set_lang(None)
    assert message["Subject"] == "Terbit: Laporan X"
    assert "Yth. Ir. Doni Kurniawan, M.T." in message.get_content()


@dataclass
class Picky(Mailbox):
    """A real SMTP server that refuses one recipient (RCPT 550) while ``refuse`` is set."""

    refuse: str = ""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address == self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.mark.slow
def test_a_refused_recipient_neither_blocks_the_others_nor_doubles_their_mail(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        evkin) -> None:  # type: ignore[no-untyped-def]
    from aiosmtpd.controller import Controller

    order = [p.surel for p in load_settings(repo).roles.penerima]
    refused = order[1]  # one with recipients before and after it
    box = Picky(free_port(), refuse=refused)
    monkeypatch.setenv("EVKIN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("EVKIN_SMTP_PORT", str(box.port))
    monkeypatch.setenv("EVKIN_SMTP_FROM", "arsip@bmcktr.example")
    monkeypatch.setenv("EVKIN_SMTP_STARTTLS", "0")
    dest = tmp_path / "arsip"
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    try:
        first = evkin("publish", "--dest", str(dest), "--notify", "--previous", "none",
                      root=repo)
        second = evkin("publish", "--dest", str(dest), "--notify", root=repo)
        box.refuse = ""
        third = evkin("publish", "--dest", str(dest), "--notify", root=repo)
        fourth = evkin("publish", "--dest", str(dest), "--notify", root=repo)
    finally:
        controller.stop()
    for run in (first, second):
        assert run.code == 1 and "Traceback" not in run.err
        assert f"kepada 1 penerima: {refused} (550 5.1.1 mailbox unavailable)" in run.err
    assert third.code == 0 and fourth.code == 0
    received = [rcpt for _, rcpts, _ in box.messages for rcpt in rcpts]
    assert sorted(received) == sorted(order)  # every recipient exactly once, in three runs
    entries = manifest(dest)["laporan"]
    assert all(set(e["diberitahukan_kepada"]) == set(order) and e["diberitahukan"]
               for e in entries)


def test_a_final_report_without_a_pdf_keeps_its_publication_date(repo: Path,
                                                                 tmp_path: Path) -> None:
    """Two publications a few minutes apart, nothing changed: the second changes nothing,
    also for a final report whose PDF could not be made (its step-8 date is remembered)."""
    import datetime as dt

    from evkin.archive.publish import publish

    settings = load_settings(repo)
    dest = tmp_path / "arsip"
    wib = dt.timezone(dt.timedelta(hours=7))
    first = publish(settings, dest, "none", now=dt.datetime(2026, 7, 1, 9, 0, tzinfo=wib))
    assert first.changed
    waiting = first.manifest.tanpa_pdf
    assert waiting, "the archive test repository has a final report without a PDF"
    published = {e.id for e in first.manifest.laporan}
    assert not published & {w.id for w in waiting}
    again = publish(settings, dest, None, now=dt.datetime(2026, 7, 1, 9, 7, tzinfo=wib))
    assert not again.changed
    assert again.manifest.tanpa_pdf == waiting


def test_prune_keeps_the_newest_releases_and_deletes_the_rest_behind(tmp_path: Path) -> None:
    """Old releases leave the releases folder at once; their files go in a process the
    publication does not wait for, and a deletion cut short is finished by the next prune."""
    import time

    from evkin.archive.publish import GONE, KEEP_RELEASES, prune, releases_dir, switch

    dest = tmp_path / "arsip"
    folder = releases_dir(dest)
    names = [f"20261201-0{n}0000-1" for n in range(6)]
    for name in names:
        (folder / name / "arsip").mkdir(parents=True)
        (folder / name / "arsip" / "laporan.pdf").write_bytes(b"%PDF-" + name.encode())
    switch(dest, folder / names[1])  # rolled back to an older release: it stays
    cut_short = folder / f"{GONE}20261101-000000-1"
    (cut_short / "arsip").mkdir(parents=True)
    prune(dest)
    kept = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert kept == [names[1], *names[-KEEP_RELEASES:]]
    assert (dest / "arsip" / "laporan.pdf").read_bytes() == b"%PDF-" + names[1].encode()
    deadline = time.monotonic() + 30
    while any(p.name.startswith(GONE) for p in folder.iterdir()):
        assert time.monotonic() < deadline, sorted(p.name for p in folder.iterdir())
        time.sleep(0.05)
