"""The cache file the page conversions and templates are remembered in (``cache_db``): a month
unused is forgotten, the rest kept; forked processes write beside their parent; a damaged
file is started afresh; none of it ever stops a build."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from evkin import cache_db
from evkin.cache_db import CacheDb


def _keys(path: Path) -> set[str]:
    with CacheDb(path) as db:
        return db.keys()



def test_entries_unused_for_a_month_are_forgotten(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "templat.sqlite"
    first = CacheDb(path)
    first.put("lama", b"<html>lama</html>")
    first.put("baru", b"<html>baru</html>")
    first.close()
    now = cache_db.today()
    monkeypatch.setattr(cache_db, "today", lambda: now + 20)
    again = CacheDb(path)
    assert again.get("baru") == b"<html>baru</html>"  # used again twenty days later
    again.close()
    monkeypatch.setattr(cache_db, "today", lambda: now + 40)
    later = CacheDb(path)
    later.close()  # not read in that build: still pruned
    assert _keys(path) == {"baru"}


def test_a_fork_writes_its_own_entries_beside_the_parent(tmp_path: Path) -> None:
    path = tmp_path / "templat.sqlite"
    db = CacheDb(path)
    pid = os.fork()
    if pid == 0:  # as page_forks' children: write, then leave at once
        try:
            for n in range(200):
                db.put(f"anak-{n}", b"x" * 5000)
        finally:
            os._exit(0)
    for n in range(200):
        db.put(f"induk-{n}", b"y" * 5000)
    assert os.waitpid(pid, 0)[1] == 0
    db.close()
    keys = _keys(path)
    assert len(keys) == 400 and {"anak-199", "induk-199"} <= keys


def test_a_connection_opened_before_a_fork_is_not_used_in_the_child(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.sqlite"
    db = CacheDb(path)
    db.put("induk", b"1")
    assert db.get("induk") == b"1"  # written and read: the connection is open
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            found = db.get("induk")  # the parent's connection: the child goes without
            db.put("anak", b"2")
            os.write(write, b"none" if found is None else b"found")
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 16)
    os.waitpid(pid, 0)
    assert answer == b"none"
    assert db.get("induk") == b"1" and db.get("anak") is None
    db.close()


def test_a_damaged_file_is_started_afresh(tmp_path: Path) -> None:
    path = tmp_path / "templat.sqlite"
    path.write_bytes(b"bukan basis data " * 500)
    db = CacheDb(path)
    assert db.get("apa") is None
    db.put("apa", b"ini")
    assert db.get("apa") == b"ini"
    db.close()
    with sqlite3.connect(path) as plain:
        assert plain.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_unwritable_cache_is_done_without(tmp_path: Path) -> None:
    blocked = tmp_path / "berkas"
    blocked.write_text("bukan folder", encoding="utf-8")
    db = CacheDb(blocked / "templat.sqlite")  # its folder cannot be made
    db.put("apa", b"ini")
    assert db.get("apa") is None and db.keys() == set()
    db.close()
