"""The accounts file: one small SQLite database holding users, departments, which department
owns each index, API-key digests, login back-off state and the append-only audit log.

Every call opens its own short connection, so the UI's worker threads and a `rag users`
command run at the same time can share the file (WAL mode, 10 s busy timeout).
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS users(
    name TEXT PRIMARY KEY, password TEXT NOT NULL, admin INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memberships(
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE, department TEXT NOT NULL,
    PRIMARY KEY(user, department));
CREATE TABLE IF NOT EXISTS indexes(name TEXT PRIMARY KEY, department TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys(
    digest TEXT PRIMARY KEY, user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS throttle(
    key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last REAL NOT NULL,
    locked_until REAL NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
    id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, user TEXT, addr TEXT,
    action TEXT NOT NULL, idx TEXT, target TEXT, outcome TEXT NOT NULL, detail TEXT);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


def users_db_path(settings) -> Path:
    """RAG_USERS_DB, or users.db in the index folder (beside the indexes it governs)."""
    return Path(settings.users_db) if getattr(settings, "users_db", None) else \
        Path(settings.index_dir) / "users.db"


class Database:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._ready = False

    def exists(self) -> bool:
        return self.path.is_file()

    @contextmanager
    def connect(self):
        """A connection inside one transaction, committed on success, rolled back on error."""
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=10)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            if not self._ready:
                con.execute("PRAGMA journal_mode = WAL")
                con.executescript(SCHEMA)
                self._ready = True
            with con:
                yield con
        finally:
            con.close()
