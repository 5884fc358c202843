"""Evaluation folders hold regular files only.

The approval binds the git tree of ``evaluations/<id>``; that binding means something only
when the tree is the content. A symbolic link points outside it (a later commit elsewhere
would change the published report while the tree stays the same), a submodule points at
another repository, and ``.gitattributes`` filters or export rules make the working copy or
an export differ from the approved blobs. Each is refused, by path, before anything renders.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from evkin import gitrepo
from evkin.findings import Finding

ATTRIBUTE_FILES = (".gitattributes", ".gitmodules")


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def scan_folder(root: Path, folder: Path) -> list[Finding]:
    """Symbolic links, submodules and attribute files in the working copy of one folder
    (never following a link; ``os.scandir`` answers "is it a link" without a call per file)."""
    out: list[Finding] = []
    for here, entries in _tree(folder):
        for entry in entries:
            name = entry.name
            path = Path(entry.path)
            if entry.is_symlink():
                out.append(Finding(_rel(root, path), None, "regular.symlink",
                                   {"target": os.readlink(path)}))
            elif name == ".git":
                out.append(Finding(_rel(root, Path(here)), None, "regular.submodule", {}))
            elif name in ATTRIBUTE_FILES:
                out.append(Finding(_rel(root, path), None, "regular.attribute_file",
                                   {"name": name}))
    return out


def _tree(folder: Path) -> Iterator[tuple[str, list[os.DirEntry[str]]]]:
    """Each directory under ``folder`` (itself first) with its entries sorted by name; links
    and ``.git`` are listed, never entered; unreadable directories are skipped, as
    ``os.walk`` does."""
    pending = [str(folder)]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        yield here, entries
        below = []
        for entry in entries:
            try:
                if entry.name != ".git" and entry.is_dir(follow_symlinks=False):
                    below.append(entry.path)
            except OSError:
                continue
        pending.extend(reversed(below))


def scan(root: Path, folders: Sequence[Path]) -> dict[Path, list[Finding]]:
    """Findings per folder: the working copy, plus (in a Git repository, asked once for all
    folders) entries the index records as links or submodules and content attributes."""
    root = root.resolve()
    folders = [folder.resolve() for folder in folders]
    out = {folder: scan_folder(root, folder) for folder in folders}
    if not gitrepo.is_repo(root) or not folders:
        return out
    by_rel = {_rel(root, folder): folder for folder in folders}
    indexed = gitrepo.irregular_in_index(root, gitrepo.EVALUATIONS) or []
    for entry in indexed:
        folder = _owner(by_rel, entry.path)
        if folder is not None and not any(f.path == entry.path for f in out[folder]):
            out[folder].append(Finding(entry.path, None, f"regular.{entry.kind}",
                                       {"target": ""}))
    files = [_rel(root, p) for folder in folders for p in _files(folder)]
    for path, attributes in gitrepo.content_attributes(root, files).items():
        folder = _owner(by_rel, path)
        if folder is not None:
            out[folder].append(Finding(path, None, "regular.attribute", {
                "attributes": ", ".join(f"{a}={v}" for a, v in attributes)}))
    return out


def _files(folder: Path) -> Iterable[Path]:
    for _, entries in _tree(folder):
        for entry in entries:
            try:  # as os.walk sorts them: a link to a folder is a folder, never entered
                if not entry.is_dir():
                    yield Path(entry.path)
            except OSError:
                continue


def _owner(by_rel: dict[str, Path], path: str) -> Path | None:
    parts = path.split("/")
    return by_rel.get("/".join(parts[:2])) if len(parts) > 2 else None


def tree_findings(root: Path, rev: str, evaluation_id: str) -> list[Finding]:
    """The same refusal for a folder as committed at ``rev`` (the gate's head, the approved
    commit): links, submodules and attribute files in the tree, never followed."""
    return tree_scan(root, rev, evaluation_id)[0]


def tree_scan(root: Path, rev: str, evaluation_id: str) -> tuple[list[Finding], list[str]]:
    """``tree_findings`` and the folder's blob paths, from one listing of the tree."""
    entries = gitrepo.tree_entries(root, rev, gitrepo.folder_path(evaluation_id))
    out = [Finding(e.path, None, f"regular.{e.kind}", {"target": ""})
           for e in entries if e.mode not in gitrepo.REGULAR_MODES]
    files = [e.path for e in entries if e.mode in ("100644", "100755", "120000")]
    out += [Finding(p, None, "regular.attribute_file", {"name": p.rsplit("/", 1)[-1]})
            for p in files if p.rsplit("/", 1)[-1] in ATTRIBUTE_FILES]
    return out, files


def attributes_possible(root: Path) -> bool:
    """Can a ``.gitattributes`` rule reach an evaluation folder? Only from the root, from
    ``evaluations/`` or from the repository's own ``info/attributes`` (attribute files inside
    a folder are refused by name)."""
    return any(p.is_file() for p in (root / ".gitattributes",
                                     root / gitrepo.EVALUATIONS / ".gitattributes",
                                     root / ".git" / "info" / "attributes"))
