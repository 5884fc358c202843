"""A cache of many small entries (key → bytes) in one SQLite file instead of one file each.

A full build of a 1,000-report archive remembers about 5,700 entries (a report's pages, each
page's Markdown conversion and its template HTML); as files, each took a temporary file, a
rename and folder lookups. SQLite (Python's standard library) keeps them as rows of one file,
written a batch at a time in one short transaction: an interrupted build keeps every batch it
wrote and never leaves half an entry.

- Each process opens its own connection, lazily: MkDocs' page templates are rendered in forks
  (``page_forks``), and a connection must not cross a fork. A connection this process already
  had open before a fork is never used, opened again or closed in the child (SQLite would share
  its lock bookkeeping); the child then goes without the cache. For the same reason nothing may
  hold the file open across a fork whose child opens it: close a ``CacheDb`` (``with``) when
  done. WAL and a busy timeout let the processes write side by side.
- A row holds the day a build last used it; rows no build used for ``KEEP_DAYS`` days are
  forgotten when the opening process closes the cache.
- A damaged file is started afresh and a locked or unwritable one is done without: a cache
  miss, never an error.
- A file in ``build/`` is not a root of trust (``design.md``): a job that ran a pull request's
  code on the same runner could have written it. A publication passes a ``seal`` (from the
  record key, ``memo.Memo.seal_for``): each row it writes carries an HMAC of its key and value,
  and it reads no row whose HMAC does not verify.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import time
from contextlib import suppress
from pathlib import Path

from evkin.files import KEEP_DAYS

SCHEMA = ("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
          "used INTEGER NOT NULL, seal BLOB NOT NULL)")
BATCH, BATCH_BYTES = 256, 8 << 20  # rows kept before they are written in one transaction
VERSION = 1  # of SCHEMA: a file of another version is emptied and made anew
DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def today() -> int:
    """Days since 1970: a row's last use, at most one update a day however often it is read."""
    return int(time.time() // 86400)


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # with WAL: never corrupt, only the last lost
        if db.execute("PRAGMA user_version").fetchone()[0] != VERSION:
            db.execute("DROP TABLE IF EXISTS entry")
            db.execute(f"PRAGMA user_version = {VERSION}")
        db.execute(SCHEMA)
    except BaseException:
        db.close()
        raise
    return db


class CacheDb:
    """Entries of one cache at ``path`` (``*.sqlite``), read and written from any process."""

    def __init__(self, path: Path, days: int = KEEP_DAYS, seal: bytes | None = None) -> None:
        self.path = path
        self.days = days
        self._secret = seal
        self._opener = os.getpid()
        self._pid = -1  # the process ``_db`` belongs to
        self._db: sqlite3.Connection | None = None
        self._forked: list[sqlite3.Connection] = []  # a parent's: kept, so never closed here
        self._pending: dict[str, tuple[str, bytes, int, bytes]] = {}  # put, not written yet
        self._pending_bytes = 0

    def _connection(self) -> sqlite3.Connection | None:
        pid = os.getpid()
        if self._pid == pid:
            return self._db
        if self._db is not None:  # opened before this process was forked: not safe to reopen
            self._forked.append(self._db)
            self._pid, self._db = pid, None
            return None
        self._pid = pid
        try:
            self._db = _connect(self.path)
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) in DAMAGED:
                self._db = self._afresh()
        except OSError:
            self._db = None
        return self._db

    def _afresh(self) -> sqlite3.Connection | None:
        for suffix in ("", "-wal", "-shm"):
            with suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()
        try:
            return _connect(self.path)
        except (sqlite3.Error, OSError):
            return None

    def __enter__(self) -> CacheDb:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _seal(self, key: str, value: bytes) -> bytes:
        if self._secret is None:
            return b""
        return hmac.new(self._secret, key.encode() + b"\0" + value, hashlib.sha256).digest()

    def get(self, key: str) -> bytes | None:
        """The value remembered under ``key``; ``None`` when there is none, or (with a
        ``seal``) it is not sealed by it."""
        if key in self._pending and os.getpid() == self._opener:
            self._flush()  # put moments ago: read as written (a miss elsewhere flushes nothing)
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value, used, seal FROM entry WHERE key = ?",
                             (key,)).fetchone()
            if row is None:
                return None
            value = bytes(row[0])
            if self._secret is not None and not hmac.compare_digest(
                    bytes(row[2]), self._seal(key, value)):
                return None
            if row[1] < today():
                db.execute("UPDATE entry SET used = ? WHERE key = ?", (today(), key))
        except sqlite3.Error:
            return None
        return value

    def put(self, key: str, value: bytes) -> None:
        """Remember ``value`` under ``key``: in the opening process a batch at a time (one
        short transaction per ``BATCH`` rows, and at ``close``); in a fork at once, since a
        fork leaves without closing."""
        row = (key, value, today(), self._seal(key, value))
        if os.getpid() == self._opener:
            self._pending[key] = row
            self._pending_bytes += len(row[1])
            if len(self._pending) >= BATCH or self._pending_bytes >= BATCH_BYTES:
                self._flush()
        else:
            self._write([row])

    def _flush(self) -> None:
        rows, self._pending, self._pending_bytes = list(self._pending.values()), {}, 0
        if rows:
            self._write(rows)

    def _write(self, rows: list[tuple[str, bytes, int, bytes]]) -> None:
        db = self._connection()
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?)", rows)
            db.execute("COMMIT")
        except sqlite3.Error:
            with suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def keys(self) -> set[str]:
        if os.getpid() == self._opener:
            self._flush()
        db = self._connection()
        if db is None:
            return set()
        try:
            return {str(k) for (k,) in db.execute("SELECT key FROM entry")}
        except sqlite3.Error:
            return set()

    def close(self) -> None:
        """Forget what no build used for ``days`` days, and close (in the opening process;
        a fork leaves without)."""
        if os.getpid() != self._opener:
            return
        self._flush()
        if self._pid == -1 and self.path.exists():  # not read in this build: still pruned
            self._connection()
        if self._pid != self._opener or self._db is None:
            return
        with suppress(sqlite3.Error):
            self._db.execute("DELETE FROM entry WHERE used < ?", (today() - self.days,))
        self._db.close()
        self._db, self._pid = None, -1
