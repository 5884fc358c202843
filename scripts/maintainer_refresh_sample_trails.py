"""MAINTAINER TOOL: rewrite the bundled sample approval trails after the sample evaluations change.

The sample evaluations (``scripts/evkin/contoh/evaluations/2024-tahunan`` and ``2025-tahunan``,
copied at the repository's top level for the demo) ship as approved so the demo archive shows
final reports. Their trails (``persetujuan/<id>.yml``) are fictional, forge-style records whose
``pohon`` must be the git tree of the folder as committed; any change to a sample folder makes
them stale, and ``tests/test_trail.py`` fails to say so. The trails are written into the bundled
sample, and into the top-level copy while its folder is still the same tree.

Usage, from the repository root after committing the changed sample folder:

    .venv/bin/python scripts/maintainer_refresh_sample_trails.py
    git add persetujuan/ && git commit -m "Refresh sample approval trails"

It only touches evaluations marked ``contoh: true`` in their ``evaluasi.yml`` and refuses a
folder with uncommitted changes: rewriting the tree hash of a real approval would forge it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import yaml

from evkin.approval.records import Approval, Trail, save_trail, trail_path
from evkin.approval.trail import sign_record
from evkin.files import write_atomic

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = Path("scripts") / "evkin" / "contoh"  # the sample the tests copy
MARK = "# CONTOH: jejak persetujuan fiktif untuk arsip demo; tautan ulasan hanyalah contoh.\n"
FORGE = "https://git.bmcktr.example/sakip/evaluasi-kinerja/pulls"
WIB = dt.timezone(dt.timedelta(hours=7))
# The demo's record key (its public half is in evkin.yml, marked CONTOH): it stands for the
# publishing workflow's secret, so the sample trails verify like recorded ones.
SAMPLE_RECORD_KEY = ROOT / BUNDLED / "assets" / "contoh-kunci-pencatat"

# id → (pull request number, paraf time, signature time); people come from evkin.yml.
SAMPLES = {
    "2024-tahunan": (1, dt.datetime(2025, 1, 30, 9, 12, tzinfo=WIB),
                     dt.datetime(2025, 1, 31, 10, 5, tzinfo=WIB)),
    "2025-tahunan": (2, dt.datetime(2026, 1, 28, 9, 30, tzinfo=WIB),
                     dt.datetime(2026, 1, 29, 14, 0, tzinfo=WIB)),
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()


def main() -> int:
    settings = yaml.safe_load((ROOT / BUNDLED / "evkin.yml").read_text(encoding="utf-8"))[
        "pejabat"]
    for evaluation_id, (number, paraf_at, sign_at) in SAMPLES.items():
        folder = f"{BUNDLED.as_posix()}/evaluations/{evaluation_id}"
        meta = yaml.safe_load((ROOT / folder / "evaluasi.yml").read_text(encoding="utf-8"))
        if not meta.get("contoh"):
            print(f"{folder} is not marked 'contoh: true'; refusing to touch its trail.")
            return 1
        if git("status", "--porcelain", "--", folder):
            print(f"{folder} has uncommitted changes; commit them first.")
            return 1
        tree = git("rev-parse", f"HEAD:{folder}")
        # Keep the commit the trails have always named (the copies the tests make lack it).
        old = ROOT / BUNDLED / "persetujuan" / f"{evaluation_id}.yml"
        named = yaml.safe_load(old.read_text(encoding="utf-8")) if old.is_file() else {}
        commit = str(named.get("komit") or git("log", "-1", "--format=%H", "--", folder))
        pr = f"{FORGE}/{number}"

        def record(role: str, decision: str, at: dt.datetime, review: int, *,
                   tree: str = tree, commit: str = commit, pr: str = pr) -> Approval:
            person = settings[role]
            return Approval(role=role, decision=decision, name=person["nama"], at=at,
                            jabatan=person["jabatan"], nip="".join(str(person["nip"]).split()),
                            login=person["login"], url=f"{pr}#contoh-ulasan-{review}",
                            tree=tree, commit=commit)

        # Recorded (step 8 begins) the afternoon of the signature, under the record signature:
        # the trail's own commit is far later, since the sample was written long after its
        # fictional dates.
        recorded = (sign_at + dt.timedelta(hours=3)).isoformat()
        trail = Trail(evaluation_id, (record("sekretaris", "paraf", paraf_at, 1),
                                      record("kepala_dinas", "tanda_tangan", sign_at, 2)),
                      tree=tree, commit=commit, source="gitea", pull_request=pr,
                      recorded_at=recorded)
        trail = sign_record(trail, SAMPLE_RECORD_KEY.read_text(encoding="ascii"))
        roots = [ROOT / BUNDLED]
        top = subprocess.run(["git", "rev-parse", f"HEAD:evaluations/{evaluation_id}"], cwd=ROOT,
                             capture_output=True, text=True, check=False).stdout.strip()
        if top == tree:
            roots.append(ROOT)  # the top-level copy is still the sample
        for root in roots:
            save_trail(root, trail)
            path = trail_path(root, evaluation_id)
            write_atomic(path, MARK + path.read_text(encoding="utf-8"))
            print(f"{path.relative_to(ROOT)}: tree {tree[:12]} (commit {commit[:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
