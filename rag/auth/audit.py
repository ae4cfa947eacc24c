"""The audit log: who asked what of which index, who added or removed which document, who
logged in or failed to, and every refused attempt.

An SQLite table in the accounts file whose triggers refuse UPDATE and DELETE, so entries
can be added but not rewritten through SQL (someone with the file can still delete it; copy
the log elsewhere if that matters).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from rag.auth.db import Database
from rag.auth.users import now_iso

# Questions are recorded as asked, up to this many characters: enough for any real question,
# while a megabyte-long hostile one cannot bloat the log.
MAX_TEXT = 2000

ACTIONS = ("login", "ask", "list", "download", "upload", "remove", "select", "user_add",
           "user_remove", "grant", "key", "password")
OUTCOMES = ("ok", "denied", "failed", "locked")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    ts: str
    user: str | None
    addr: str | None
    action: str
    index: str | None
    target: str | None
    outcome: str
    detail: str | None

    def to_dict(self) -> dict:
        return asdict(self)


def _cut(text) -> str | None:
    if text is None:
        return None
    text = str(text)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + f"… ({len(text)} characters)"


class AuditLog:
    def __init__(self, path: Path):
        self.db = Database(path)

    @classmethod
    def for_settings(cls, settings) -> "AuditLog":
        from rag.auth.db import users_db_path
        return cls(users_db_path(settings))

    def record(self, action: str, *, user: str | None = None, index: str | None = None,
               target=None, outcome: str = "ok", addr: str | None = None, detail=None) -> None:
        if action not in ACTIONS or outcome not in OUTCOMES:
            raise ValueError(f"audit: unknown action {action!r} or outcome {outcome!r}")
        with self.db.connect() as con:
            con.execute("INSERT INTO audit(ts, user, addr, action, idx, target, outcome, detail) "
                        "VALUES (?,?,?,?,?,?,?,?)",
                        (now_iso(), user, addr, action, index, _cut(target), outcome, _cut(detail)))

    def entries(self, limit: int | None = 100, user: str | None = None,
                action: str | None = None, outcome: str | None = None) -> list[AuditEntry]:
        """The newest `limit` entries (all when None), oldest first, optionally filtered."""
        if not self.db.exists():
            return []
        where, args = [], []
        for col, val in (("user", user), ("action", action), ("outcome", outcome)):
            if val:
                where.append(f"{col}=?")
                args.append(val)
        sql = ("SELECT id, ts, user, addr, action, idx, target, outcome, detail FROM audit"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id DESC")
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self.db.connect() as con:
            rows = con.execute(sql, args).fetchall()
        return [AuditEntry(*r) for r in reversed(rows)]
