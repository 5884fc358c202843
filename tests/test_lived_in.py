"""The suite never reads the agency's own files (``evkin.yml``, ``evaluations/``,
``persetujuan/``, ``rencana-aksi/``, ``assets/``): it copies the bundled sample
(``evkin/contoh/``). So it passes in a repository an agency has lived in: new evaluations made,
its own record key, the officials' SSH keys, forge-less approval, as the guides describe."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evkin.settings import load_settings

from .conftest import PROJECT, copy_sample, git

AGENCY = ("evkin.yml", "evaluations", "persetujuan", "rencana-aksi", "assets")


def test_no_test_or_benchmark_reads_the_agencys_own_files() -> None:
    pattern = re.compile(r'(PROJECT|ROOT|parents\[1\]\)?)\s*/\s*"(' + "|".join(
        re.escape(a) for a in AGENCY) + r')"|load_settings\(PROJECT\)')
    found = []
    for folder in ("tests", "benchmarks"):
        for path in sorted((PROJECT / folder).glob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line):
                    found.append(f"{path.relative_to(PROJECT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
    assert (PROJECT / "scripts" / "evkin" / "contoh" / "evkin.yml").is_file()


@pytest.mark.slow
def test_the_suite_passes_in_a_repository_the_agency_has_lived_in(tmp_path: Path) -> None:
    clone = tmp_path / "instansi"
    subprocess.run(["git", "clone", "-q", str(PROJECT), str(clone)], check=True)
    # The agency's files as the bundled sample has them, whatever this repository's are (it
    # may have lived already: its own 2026-tw1, its own key), then lived in as the guides say.
    for part in AGENCY:
        if (clone / part).is_dir():
            shutil.rmtree(clone / part)
        (clone / part).unlink(missing_ok=True)
    copy_sample(clone, init_git=False)
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "--allow-empty", "-m", "Instansi: berkas contoh")
    env = {**os.environ, "PYTHONPATH": str(clone / "scripts")}
    for ident in ("2026-tahunan", "2026-tw1"):
        subprocess.run([sys.executable, "-m", "evkin", "--root", str(clone), "new", ident],
                       env=env, check=True, capture_output=True)
    key = tmp_path / "kunci"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    own = " ".join(Path(f"{key}.pub").read_text(encoding="utf-8").split()[:2])
    settings = clone / "evkin.yml"
    text = settings.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^    - ssh-ed25519 \S+ evkin-pencatat-CONTOH\S*$", f"    - {own}", text)
    text = text.replace("    surel: hendra.saputra@bmcktr.example\n",
                        f"    surel: hendra.saputra@bmcktr.example\n    kunci_ssh: {own}\n")
    text = text.replace("Ir. Hendra Saputra, M.T.", "Dr. Ir. Hendra Saputra, M.T.")
    settings.write_text(text + "\npersetujuan:\n  cara: tanpa_forge\n", encoding="utf-8")
    (clone / "persetujuan" / "2024-tahunan.yml").unlink()
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "Instansi: evaluasi baru, kunci sendiri")
    # Every key the guides add is declared (settings_schema): the lived-in evkin.yml loads.
    lived = load_settings(clone)
    assert lived.approval_mode == "tanpa_forge" and lived.roles.kepala_dinas.kunci_ssh == own
    tests = ["tests/test_settings.py", "tests/test_integrity.py::test_the_sample_trails_verify",
             "tests/test_status.py::test_status_of_the_bundled_sample_is_final",
             "tests/test_trust_roots.py::test_the_sample_record_key_makes_nothing_final_outside"
             "_the_demo", "tests/test_check.py"]
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                           *tests], cwd=clone, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and " failed" not in done.stdout
