"""Gitea's and Forgejo's copies of the workflows, made from ``.github/workflows``.

Gitea reads ``.gitea/workflows`` before ``.github/workflows``; Forgejo reads
``.forgejo/workflows``, then ``.gitea/workflows``, then ``.github/workflows`` (the first folder
that exists wins). One ``.gitea/workflows`` folder therefore serves both, and it differs from
GitHub's only where those forges do:

- artifacts: ``actions/upload-artifact``/``download-artifact`` v4 and later refuse a server
  that is not github.com unless the runner patches them, and v7 sends a ``mime_type`` Gitea up
  to 1.25 and Forgejo up to 16 answer with HTTP 500; v3 speaks the protocol both serve. v3
  names every artifact (no ``archive: false``) and overwrites same-named files on a second
  upload in the run (no ``overwrite`` input);
- the commit status: Gitea 1.26 and later apply ``permissions:`` to the job token and have no
  ``statuses`` scope; posting a status needs write access to the code (``contents: write``);
- GitHub Pages does not exist there: the deploying job, its upload and the jobs that wait
  for the deployment (the record of the manifest that went live) are left out.

``python -m evkin.forge.workflows`` writes the folder; ``--check`` says whether it is current
(``tests/test_workflows.py`` checks it too). Edit ``.github/workflows`` only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SOURCE = Path(".github") / "workflows"
TARGET = Path(".gitea") / "workflows"
PDF_ARTIFACT = "draf-pdf"  # the draft PDF's artifact name there (evkin-ringkasan.yml)

ACTIONS = {
    "actions/upload-artifact": "ff15f0306b3f739f7b6fd43fb5d26cd321bd4de5 # v3.2.1",
    "actions/download-artifact": "9bc31d5ccc31df68ecc42ccf4149144866c47d8a # v3.0.2",
}
GITHUB_ONLY_ACTIONS = ("actions/upload-pages-artifact", "actions/deploy-pages")


def _header(name: str) -> str:
    return (f"# DIBUAT OTOMATIS dari .github/workflows/{name} untuk Gitea dan Forgejo: jangan\n"
            "# diubah di sini. Ubah berkas .github/workflows lalu jalankan\n"
            "#   python -m evkin.forge.workflows\n"
            "# Perbedaannya dan alasannya: scripts/evkin/forge/workflows.py.\n")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_end(lines: list[str], start: int, deeper_than: int, item: bool) -> int:
    """Index after the block starting at ``start``: lines indented more than ``deeper_than``
    (and, for a list ``item``, not the next item at the same indentation)."""
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip():
            indent = _indent(line)
            if indent < deeper_than or (indent == deeper_than and (
                    not item or line.lstrip().startswith("- "))):
                break
            if indent == deeper_than and not item:
                break
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _with_comments_above(lines: list[str], start: int) -> int:
    indent = _indent(lines[start])
    while start > 0 and lines[start - 1].strip().startswith("#") and _indent(
            lines[start - 1]) == indent:
        start -= 1
    return start


def _drop_github_only(lines: list[str]) -> list[str]:
    """Remove steps using a GitHub-only action, then jobs left without steps."""
    for action in GITHUB_ONLY_ACTIONS:
        while True:
            at = next((i for i, line in enumerate(lines)
                       if re.search(rf"uses:\s*{re.escape(action)}@", line)), None)
            if at is None:
                break
            step = next(i for i in range(at, -1, -1) if lines[i].lstrip().startswith("- "))
            indent = _indent(lines[step])
            end = _block_end(lines, step, indent, item=True)
            start = _with_comments_above(lines, step)
            lines = lines[:start] + lines[end:]
    return _drop_orphan_jobs(_drop_empty_jobs(lines))


def _drop_empty_jobs(lines: list[str]) -> list[str]:
    jobs = next((i for i, line in enumerate(lines) if line.rstrip() == "jobs:"), None)
    if jobs is None:
        return lines
    i = jobs + 1
    while i < len(lines):
        line = lines[i]
        if line.strip() and _indent(line) == 2 and re.match(r"\s{2}[\w-]+:\s*$", line):
            end = _block_end(lines, i, 2, item=False)
            body = lines[i:end]
            steps = [j for j, text in enumerate(body) if text.strip() == "steps:"]
            has_step = bool(steps) and any(t.lstrip().startswith("- ")
                                           for t in body[steps[0] + 1:])
            if not has_step:
                start = _with_comments_above(lines, i)
                while start > jobs + 1 and not lines[start - 1].strip():
                    start -= 1
                lines = lines[:start] + lines[end:]
                i = start
                continue
            i = end
        else:
            i += 1
    return lines


def _jobs(lines: list[str]) -> list[tuple[str, int, int]]:
    """(name, first line, end) of each job."""
    jobs = next((i for i, line in enumerate(lines) if line.rstrip() == "jobs:"), None)
    out = []
    for i in range(jobs + 1 if jobs is not None else len(lines), len(lines)):
        found = re.match(r"\s{2}([\w-]+):\s*$", lines[i])
        if found:
            out.append((found.group(1), i, _block_end(lines, i, 2, item=False)))
    return out


def _drop_orphan_jobs(lines: list[str]) -> list[str]:
    """Remove jobs that need a job no longer there, until none is left."""
    while True:
        jobs = _jobs(lines)
        names = {name for name, _, _ in jobs}
        orphan = None
        for _, start, end in jobs:
            for line in lines[start:end]:
                needs = re.match(r"\s{4}needs:\s*\[?([^\]#]*)\]?", line)
                if needs and any(n.strip() and n.strip() not in names
                                 for n in needs.group(1).split(",")):
                    orphan = (start, end)
        if orphan is None:
            return lines
        start = _with_comments_above(lines, orphan[0])
        while start > 0 and not lines[start - 1].strip():
            start -= 1
        lines = lines[:start] + lines[orphan[1]:]


def _permissions(lines: list[str]) -> list[str]:
    """``statuses: write`` → ``contents: write`` in the same ``permissions:`` block."""
    out: list[str | None] = list(lines)
    for i, line in enumerate(lines):
        if not re.match(r"\s+statuses:\s*write\b", line):
            continue
        indent = _indent(line)
        start, end = i, i
        while start > 0 and lines[start - 1].strip() and _indent(lines[start - 1]) == indent:
            start -= 1
        while end + 1 < len(lines) and lines[end + 1].strip() and _indent(
                lines[end + 1]) == indent:
            end += 1
        for j in range(start, end + 1):
            if re.match(r"\s+contents:\s*read\b", lines[j]):
                out[j] = " " * indent + ("contents: write # Gitea 1.26+: posting a commit "
                                         "status needs it")
        out[i] = None
    return [line for line in out if line is not None]


def _actions(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        for action, pin in ACTIONS.items():
            found = re.match(rf"(\s*(?:-\s+)?uses:\s*){re.escape(action)}@\S+.*$", line)
            if found:
                line = f"{found.group(1)}{action}@{pin}"
        if re.match(r"\s+archive:\s*false\b", line):
            line = " " * _indent(line) + f"name: {PDF_ARTIFACT}"
        if re.match(r"\s+overwrite:\s*true\b", line):
            continue
        out.append(line)
    return out


def convert(name: str, text: str) -> str:
    """The Gitea/Forgejo version of one GitHub workflow file."""
    lines = text.splitlines()
    lines = _actions(_permissions(_drop_github_only(lines)))
    return _header(name) + "\n".join(lines) + "\n"


def generate(root: Path) -> dict[str, str]:
    return {path.name: convert(path.name, path.read_text(encoding="utf-8"))
            for path in sorted((root / SOURCE).glob("*.yml"))}


def stale(root: Path) -> list[str]:
    """Files of ``.gitea/workflows`` that differ from what ``generate`` makes (or are extra)."""
    made = generate(root)
    target = root / TARGET
    present = {p.name for p in target.glob("*.yml")} if target.is_dir() else set()
    out = sorted(n for n in made if n not in present or (target / n).read_text(
        encoding="utf-8") != made[n])
    return out + sorted(present - set(made))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path.cwd()
    if "--check" in args:
        wrong = stale(root)
        for name in wrong:
            print(f"{TARGET / name}: tidak sesuai dengan {SOURCE}; jalankan "
                  "python -m evkin.forge.workflows", file=sys.stderr)
        return 1 if wrong else 0
    target = root / TARGET
    target.mkdir(parents=True, exist_ok=True)
    made = generate(root)
    for old in target.glob("*.yml"):
        if old.name not in made:
            old.unlink()
    for name, text in made.items():
        tmp = target / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
