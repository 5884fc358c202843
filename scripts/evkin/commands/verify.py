"""``evkin verify FILE.pdf``: is this PDF a published report? Which one, signed by whom, when.

The answer comes from the archive's manifest (``manifest.json`` of the published site): the
PDF's SHA-256 either is listed there, or the file is not the published report (or was changed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from evkin import gitrepo, published_site
from evkin.approval.records import TRAIL_DIR
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.output import print_json
from evkin.record import manifest as mf
from evkin.record.manifest import MANIFEST, Earlier, Manifest, Person, Report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("verify", help=t("verify.help"), description=t("verify.description"))
    p.add_argument("file", metavar="FILE.pdf", help=t("verify.opt_file"))
    p.add_argument("--archive", metavar="FOLDER_OR_URL", help=t("verify.opt_archive"))
    p.add_argument("--akar", "--root-cert", dest="roots", action="append", default=[],
                   metavar="CERT.pem", help=t("verify.opt_root"))
    p.add_argument("--pada", dest="at", metavar="WAKTU", help=t("verify.opt_at"))
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def _manifest(args: argparse.Namespace) -> tuple[Manifest, str, str]:
    """(manifest, base, source): ``--archive``; else the published site (``situs.url``); where
    that cannot be read, the archive this repository built locally (``evkin site build`` or
    ``evkin demo`` write ``site/manifest.json``), said so; else what to run."""
    from evkin.commands import settings_from

    if args.archive:
        try:
            own = settings_from(args)
        except EvkinError:
            own = None  # no repository: no record key to check the signature with
        data, base = load_manifest(str(args.archive), own)
        return data, base, str(args.archive)
    try:
        settings = settings_from(args)
    except EvkinError:
        raise EvkinError("verify.no_archive") from None
    local = settings.root / "site" / MANIFEST
    problem: EvkinError | None = None
    if settings.site_url:
        try:
            data, base = load_manifest(settings.site_url, settings)
            return data, base, settings.site_url
        except EvkinError as error:
            if error.code.startswith("manifest."):
                raise  # a published manifest whose signature fails is an answer, not a gap
            problem = error
    if local.is_file():
        if problem is not None:
            print(t("verify.using_local", {"site": settings.site_url, "path": str(local)}))
        # Built on this machine from this checkout (evkin site build, demo): derived here.
        data, base = load_manifest(str(local), None, signed=False)
        return data, base, str(local)
    raise EvkinError("verify.nothing_to_compare", {
        "site": settings.site_url or "–",
        "detail": problem.message() if problem is not None else "situs.url kosong"})


def load_manifest(source: str, settings: Any, signed: bool = True
                  ) -> tuple[Manifest, str]:
    """The manifest and the base it was read from (folder path or URL ending in /); with
    ``signed``, refused unless ``manifest.json.sig`` verifies against the record keys of
    ``settings`` (the repository's own evkin.yml): how it travelled decides nothing."""
    from evkin.record import manifest_sig

    if source.startswith(("http://", "https://")):
        base = source if source.endswith("/") else source + "/"
        if base.endswith(MANIFEST + "/"):
            base = base[: -len(MANIFEST) - 1]
        try:
            raw = published_site.get(urljoin(base, MANIFEST))
        except published_site.FAILED as error:
            raise EvkinError("verify.manifest_unreadable",
                             {"source": urljoin(base, MANIFEST), "detail": str(error)}) from None
        signature = (published_site.short_text(urljoin(base, manifest_sig.SIG_FILE))
                     if signed else None)
        where = urljoin(base, MANIFEST)
    else:
        path = Path(source)
        if path.is_dir():
            path = path / MANIFEST
        base = str(path.parent)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise EvkinError("verify.manifest_missing", {"source": str(path)}) from None
        except (OSError, ValueError) as error:
            raise EvkinError("verify.manifest_unreadable",
                             {"source": str(path), "detail": str(error)}) from None
        sig = path.with_name(manifest_sig.SIG_FILE)
        signature = sig.read_text(encoding="utf-8", errors="replace") if sig.is_file() else None
        where = str(path)
    if signed:
        manifest_sig.check(settings, raw, signature, where)
    return mf.parse(raw, where), base


def _when(value: object) -> str:
    from evkin.indonesian_dates import format_moment

    try:
        return format_moment(dt.datetime.fromisoformat(str(value)))
    except ValueError:
        return "–"


def _who(record: Person | None) -> str:
    if record is None:
        return "–"
    name = record.nama or "–"
    return f"{name} ({record.jabatan})" if record.jabatan else name


def _claims_signed(entry: Report | Earlier) -> bool:
    from evkin.record.manifest import ELECTRONIC

    return entry.segel is not None and entry.segel.status in ELECTRONIC


def approvals_since(args: argparse.Namespace, data: Manifest) -> set[str]:
    """Reports whose approval trail this repository's main line changed after the commit the
    manifest was published from: the manifest cannot speak for them (not published yet, or an
    older signed manifest served again to hide a newer approval). Empty without a repository,
    or when the manifest's commit is not in it."""
    from evkin.commands import settings_from

    if data.lokal or not data.komit:
        return set()
    try:
        root = settings_from(args).root
    except EvkinError:
        return set()
    if gitrepo.object_type(root, data.komit) != "commit":
        return set()
    try:
        out = gitrepo.run_git(root, ["log", "--first-parent", "--format=", "--name-only",
                                     f"{data.komit}..HEAD", "--", f"{TRAIL_DIR}/"])
    except EvkinError:
        return set()
    return {Path(line).stem for line in out.split() if line.endswith(".yml")}


def run(args: argparse.Namespace) -> int:
    from evkin.commands.verify_signatures import check, report_lines, signed_render
    from evkin.record.manifest import find

    path = Path(args.file)
    try:
        content = path.read_bytes()
        digest = hashlib.sha256(content).hexdigest()
    except FileNotFoundError:
        raise EvkinError("verify.file_missing", {"path": str(path)}) from None
    except OSError as error:
        raise EvkinError("verify.file_unreadable", {"path": str(path),
                                                    "detail": error.strerror}) from None
    try:
        signatures = check(args, content)
    except EvkinError as error:
        if error.code != "tte.pdf_unreadable":
            raise
        signatures = []  # not a PDF evkin can read: the manifest still answers
    signatures_ok = all(c.ok for c in signatures)
    if args.format == "text":
        for line in report_lines(signatures):
            print(line)
    data, base, source = _manifest(args)
    found = find(data, digest)
    signed_here = False  # sealed or signed outside the archive (``evkin seal`` on a render)
    if found is None or found[0] == "render":
        before = signed_render(content, signatures)
        again = find(data, hashlib.sha256(before).hexdigest()) if before else None
        if again is not None and again[0] in ("terbit", "render"):
            found, signed_here = ("terbit", again[1]), True
        elif again is not None:
            found = again
    # The manifest says sealed or signed, the file carries no valid signature: not the
    # official copy, whatever its hash (a render that was never sealed, a stripped copy).
    unsigned_claim = bool(found and found[0] == "terbit" and not signed_here
                          and _claims_signed(found[1]) and not (signatures and signatures_ok))
    if data.lokal and args.format == "text":
        print(t("verify.local_note", {"path": source}))
    if args.format == "json":
        state = found[0] if found else "tidak_dikenal"
        if unsigned_claim:
            state = "tanpa_tanda_tangan_sah"
        print_json({"berkas": str(path), "sha256": digest, "arsip": source, "status": state,
                    "laporan": mf.entry_json(found[1]) if found else None,
                    "tanda_tangan_elektronik": [c.as_json() for c in signatures]})
        return 0 if state == "terbit" and signatures_ok else 1
    if found is None:
        print(t("verify.unknown", {"file": str(path), "sha256": digest, "source": source}))
        return 1
    state, entry = found
    if unsigned_claim:
        print(t("verify.claimed_unsigned", {"file": str(path), "id": entry.id,
                                            "state": entry.segel.status if entry.segel
                                            else None}))
        return 1
    if state == "render":
        assert isinstance(entry, Report)
        print(t("verify.render_of", {
            "file": str(path), "id": entry.id, "sha256": entry.sha256,
            "page": urljoin(base, entry.halaman)
            if base.startswith("http") else entry.halaman or "–"}))
        return 1
    if isinstance(entry, Earlier):
        current = data.report(entry.id)
        print(t("verify.superseded", {
            "file": str(path), "id": entry.id, "published": _when(entry.terbit),
            "replaced": _when(entry.diganti),
            "current": urljoin(base + "/", current.halaman) if current and
            base.startswith("http") else (current.halaman if current else "–")}))
        return 1
    newer = approvals_since(args, data)
    if entry.id in newer:
        print(t("verify.manifest_behind", {"file": str(path), "id": entry.id,
                                           "commit": data.komit[:12], "source": source}))
        return 1
    page = entry.halaman
    print(t("verify.genuine", {
        "file": str(path), "title": entry.judul, "id": entry.id,
        "nomor": entry.nomor or "–", "period": entry.periode,
        "paraf": _who(entry.paraf),
        "paraf_at": _when(entry.paraf.waktu if entry.paraf else None),
        "signer": _who(entry.tanda_tangan),
        "signed_at": _when(entry.tanda_tangan.waktu if entry.tanda_tangan else None),
        "published": _when(entry.terbit),
        "page": urljoin(base, page) if base.startswith("http") else page,
        "sha256": digest}))
    if signed_here:
        print(t("verify.signed_outside", {"sha256": entry.render or entry.sha256}))
    return 0 if signatures_ok else 1
