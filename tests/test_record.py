"""Step 8's record decisions, pure (no Git, no network): which pushed paths the record step
refuses, whether and what it records, and the commit status a state gives."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evkin.approval.decision import GateState, decide, forge_state
from evkin.approval.review import APPROVE, REQUEST_CHANGES, PullRequest, Review
from evkin.archive import record
from evkin.bundled import SAMPLE
from evkin.settings import Settings, parse_settings

HEAD = "a" * 40
ID = "2026-tahunan"
REPORT = f"evaluations/{ID}/laporan.md"


@pytest.fixture(scope="module")
def settings() -> Settings:
    with tempfile.TemporaryDirectory() as tmp:
        return parse_settings((SAMPLE / "evkin.yml").read_text(encoding="utf-8"), Path(tmp),
                              files=False)


def _pr(*files: str) -> PullRequest:
    return PullRequest(7, "fajar-ramadhan", HEAD, "main", files=files,
                       url="https://forge.example/pr/7")


def _review(login: str, state: str, minute: int) -> Review:
    return Review(login, state, HEAD, dt.datetime(2026, 1, 20, 9, minute, tzinfo=dt.UTC))


def _state(settings: Settings, *reviews: Review, files: tuple[str, ...] = (REPORT,)
           ) -> GateState:
    return decide(_pr(*files), list(reviews), settings, [])


PARAF = ("rina-marlina", APPROVE, 1)
SIGNATURE = ("hendra-saputra", APPROVE, 2)


def test_a_signed_pull_request_is_recorded_with_its_tree_commit_and_approvals(
        settings: Settings) -> None:
    state = _state(settings, _review(*PARAF), _review(*SIGNATURE))
    assert state.signed and record.what_to_record(state) == record.RECORD
    trail = record.trail_of(state, settings, "t" * 40, "github", "2026-01-21T08:00:00+07:00")
    assert (trail.evaluation_id, trail.tree, trail.commit, trail.source, trail.pull_request) == (
        ID, "t" * 40, HEAD, "github", "https://forge.example/pr/7")
    assert [a.decision for a in trail.approvals] == ["paraf", "tanda_tangan"]
    assert all(a.tree == "t" * 40 for a in trail.approvals)
    assert trail.recorded_at == "2026-01-21T08:00:00+07:00" and not trail.record_signature


def test_a_paraf_alone_is_not_recorded_and_fails_nothing_yet(settings: Settings) -> None:
    state = _state(settings, _review(*PARAF))
    assert record.what_to_record(state) == record.UNSIGNED
    assert forge_state(state) == "pending"
    with pytest.raises(ValueError):
        record.trail_of(state, settings, "t" * 40, "github", "")


def test_a_return_turns_the_status_red(settings: Settings) -> None:
    state = _state(settings, _review(*PARAF), _review("hendra-saputra", REQUEST_CHANGES, 2))
    assert not state.signed and forge_state(state) == "failure"


def test_signed_is_green_and_a_pull_request_without_evaluation_records_nothing(
        settings: Settings) -> None:
    assert forge_state(_state(settings, _review(*PARAF), _review(*SIGNATURE))) == "success"
    state = _state(settings, files=("docs/panduan/mulai.md",))
    assert record.what_to_record(state) == record.NOTHING


def test_a_push_may_change_only_the_signed_pull_requests_own_folder() -> None:
    pr = _pr(REPORT)
    own = record.allowed_evaluation(pr, signed=True)
    assert own == ID
    files = [REPORT, "evaluations/2025-tahunan/laporan.md", "persetujuan/2026-tahunan.yml",
             "docs/panduan/mulai.md", "evaluations/README.md"]
    # Another report's folder and any trail (even the pull request's own) are refused.
    assert record.stray_paths(files, own) == ["evaluations/2025-tahunan/laporan.md",
                                              "persetujuan/2026-tahunan.yml"]
    # Unsigned (or no pull request at all): every evaluation folder is stray.
    assert record.allowed_evaluation(pr, signed=False) is None
    assert record.stray_paths(files, None)[0] == REPORT


@given(st.lists(st.sampled_from(["evaluations", "persetujuan", "docs", ID, "2025-tahunan",
                                 "x.md", ".."]), min_size=1, max_size=4).map("/".join))
def test_no_trail_path_ever_passes(path: str) -> None:
    """Whatever a Tim SAKIP member names a file, a path under persetujuan/ is refused."""
    stray = record.stray_paths([path], ID)
    if path.split("/")[0] == "persetujuan":
        assert stray == [path]
    if path.startswith("evaluations/") and path.count("/") >= 2 \
            and path.split("/")[1] != ID:
        assert stray == [path]
