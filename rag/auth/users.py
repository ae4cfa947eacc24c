"""Accounts, departments and which department owns each index.

The rule everything enforces: an index belongs to one department and is visible only to
that department's members; admins see every index; an index nobody was granted is visible
to admins only (a new index is private until someone decides who it is for).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from rag.auth.db import Database, users_db_path
from rag.auth.passwords import (dummy_hash, hash_password, key_digest, new_api_key,
                                verify_password)

# Names appear in logs, the audit table and Gradio's login form: printable, no spaces or
# ":" (RAG_UI_AUTH uses "user:password"), at most 64 characters. Chinese names are fine.
_NAME = re.compile(r"^[^\s:/\\]{1,64}$")
# Index names are directory names under the index folder: no separators, no leading dot.
_INDEX = re.compile(r"^(?!\.)[^/\\\x00]{1,100}$")


class AccountError(ValueError):
    """A bad account request (unknown user, duplicate name, invalid name); says which."""


@dataclass(frozen=True)
class User:
    name: str
    departments: tuple[str, ...] = ()
    admin: bool = False

    def to_dict(self) -> dict:
        return {"name": self.name, "departments": list(self.departments), "admin": self.admin}


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def check_index_name(name: str) -> str:
    if not name or not _INDEX.match(name) or name.strip() != name or name == "..":
        raise AccountError(f"index name {name!r} is not a plain folder name")
    return name


class Accounts:
    """The users database (`rag users ...`, the UI's login, API keys)."""

    def __init__(self, path: Path):
        self.db = Database(path)

    @classmethod
    def for_settings(cls, settings) -> "Accounts":
        return cls(users_db_path(settings))

    @property
    def path(self) -> Path:
        return self.db.path

    # --- users ---------------------------------------------------------------------------
    def add(self, name: str, password: str, departments=(), admin: bool = False) -> User:
        if not _NAME.match(name or ""):
            raise AccountError(f"user name {name!r}: use 1-64 characters without spaces, ':' or '/'")
        depts = tuple(dict.fromkeys(d.strip() for d in departments if d and d.strip()))
        if not depts and not admin:
            raise AccountError(f"user {name!r} needs a --department (or --admin)")
        if not password:
            raise AccountError("the password is empty")
        with self.db.connect() as con:
            if con.execute("SELECT 1 FROM users WHERE name=?", (name,)).fetchone():
                raise AccountError(f"user {name!r} already exists (remove it first)")
            con.execute("INSERT INTO users VALUES (?,?,?,?)",
                        (name, hash_password(password), int(admin), now_iso()))
            con.executemany("INSERT INTO memberships VALUES (?,?)", [(name, d) for d in depts])
        return User(name, depts, admin)

    def remove(self, name: str) -> bool:
        with self.db.connect() as con:
            return con.execute("DELETE FROM users WHERE name=?", (name,)).rowcount > 0

    def set_password(self, name: str, password: str) -> None:
        if not password:
            raise AccountError("the password is empty")
        with self.db.connect() as con:
            if not con.execute("UPDATE users SET password=? WHERE name=?",
                               (hash_password(password), name)).rowcount:
                raise AccountError(f"no user {name!r}")

    def get(self, name: str) -> User | None:
        if not self.db.exists():
            return None
        with self.db.connect() as con:
            row = con.execute("SELECT name, admin FROM users WHERE name=?", (name,)).fetchone()
            if row is None:
                return None
            depts = [d for (d,) in con.execute(
                "SELECT department FROM memberships WHERE user=? ORDER BY department", (name,))]
        return User(row[0], tuple(depts), bool(row[1]))

    def users(self) -> list[User]:
        if not self.db.exists():
            return []
        with self.db.connect() as con:
            names = [n for (n,) in con.execute("SELECT name FROM users ORDER BY name")]
        return [u for u in map(self.get, names) if u]

    def has_users(self) -> bool:
        if not self.db.exists():
            return False
        with self.db.connect() as con:
            return con.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None

    def check_password(self, name: str, password: str) -> User | None:
        """The user when the password is right; None otherwise (no rate limiting here:
        `rag.auth.login.Login` adds the back-off and the audit)."""
        stored = None
        if self.db.exists():
            with self.db.connect() as con:
                row = con.execute("SELECT password FROM users WHERE name=?", (name,)).fetchone()
                stored = row[0] if row else None
        ok = verify_password(password or "", stored or dummy_hash())
        return self.get(name) if ok and stored else None

    # --- indexes -------------------------------------------------------------------------
    def grant(self, index: str, department: str) -> str | None:
        """Give `index` to `department`; returns the department that owned it before."""
        check_index_name(index)
        if not (department or "").strip():
            raise AccountError("give the department the index belongs to")
        with self.db.connect() as con:
            row = con.execute("SELECT department FROM indexes WHERE name=?", (index,)).fetchone()
            con.execute("INSERT OR REPLACE INTO indexes VALUES (?,?)", (index, department.strip()))
        return row[0] if row else None

    def owners(self) -> dict[str, str]:
        """{index name: department} for every granted index."""
        if not self.db.exists():
            return {}
        with self.db.connect() as con:
            return dict(con.execute("SELECT name, department FROM indexes ORDER BY name"))

    def department_of(self, index: str) -> str | None:
        return self.owners().get(index)

    @staticmethod
    def may_use(user: User | None, department: str | None) -> bool:
        if user is None:
            return False
        return user.admin or (department is not None and department in user.departments)

    def can_use(self, user: User | None, index: str) -> bool:
        return self.may_use(user, self.department_of(index))

    def visible(self, user: User | None, existing=()) -> list[str]:
        """Index names `user` may use, among the existing ones and those granted."""
        owners = self.owners()
        names = sorted(set(existing) | set(owners))
        return [n for n in names if self.may_use(user, owners.get(n))]

    # --- API keys ------------------------------------------------------------------------
    def new_key(self, name: str) -> str:
        """A new API key for `name`, returned once; only its digest is stored."""
        key = new_api_key()
        with self.db.connect() as con:
            if not con.execute("SELECT 1 FROM users WHERE name=?", (name,)).fetchone():
                raise AccountError(f"no user {name!r}")
            con.execute("INSERT INTO api_keys VALUES (?,?,?)", (key_digest(key), name, now_iso()))
        return key

    def revoke_keys(self, name: str) -> int:
        with self.db.connect() as con:
            return con.execute("DELETE FROM api_keys WHERE user=?", (name,)).rowcount

    def authenticate_key(self, key: str | None) -> User | None:
        if not key or not self.db.exists():
            return None
        with self.db.connect() as con:
            row = con.execute("SELECT user FROM api_keys WHERE digest=?",
                              (key_digest(key),)).fetchone()
        return self.get(row[0]) if row else None


def list_indexes(index_dir: Path) -> list[str]:
    """Index names that exist under the index folder (folders holding a built index)."""
    from rag.index import IndexStore
    d = Path(index_dir)
    if not d.is_dir():
        return []
    return sorted(p.name for p in d.iterdir()
                  if p.is_dir() and not p.name.startswith(".") and IndexStore(p).exists())
