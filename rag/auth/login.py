"""Password logins with a back-off per user name and per client address, audited.

After `max_failures` wrong passwords in a row a key (the user name, or the address) is
locked for `lockout_s`, doubling with every further failure up to an hour. While locked,
even the right password is refused — otherwise the lock would only slow guessing, not stop
it. The state lives in the accounts file, so restarting the server does not reset it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from rag.auth.audit import AuditLog
from rag.auth.users import Accounts, User

MAX_LOCK_S = 3600.0
# An office behind one NAT address shares it: the per-address threshold is this many times
# the per-user one, so one person's typos never lock out the building.
ADDRESS_FACTOR = 4
# Failures this long after the last one start a fresh count.
FORGET_S = 24 * 3600.0


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    outcome: str                 # ok | failed | locked
    retry_after: float = 0.0     # seconds until a locked key may try again

    @property
    def ok(self) -> bool:
        return self.user is not None


class Login:
    def __init__(self, accounts: Accounts, audit: AuditLog | None = None, max_failures: int = 5,
                 lockout_s: float = 30.0, clock=time.time):
        if max_failures < 1 or lockout_s <= 0:
            raise ValueError("login_max_failures must be >= 1 and login_lockout_s > 0")
        self.accounts = accounts
        self.audit = audit or AuditLog(accounts.path)
        self.max_failures = max_failures
        self.lockout_s = lockout_s
        self.clock = clock

    @classmethod
    def for_settings(cls, settings, accounts: Accounts | None = None) -> "Login":
        accounts = accounts or Accounts.for_settings(settings)
        return cls(accounts, max_failures=settings.login_max_failures,
                   lockout_s=settings.login_lockout_s)

    def _keys(self, name: str, addr: str | None) -> list[tuple[str, int]]:
        keys = [("user:" + name, self.max_failures)]
        if addr:
            keys.append(("addr:" + addr, self.max_failures * ADDRESS_FACTOR))
        return keys

    def locked_for(self, name: str, addr: str | None = None) -> float:
        """Seconds until `name` (from `addr`) may try again; 0 when not locked."""
        now = self.clock()
        with self.accounts.db.connect() as con:
            waits = [row[0] - now for key, _ in self._keys(name, addr) for row in con.execute(
                "SELECT locked_until FROM throttle WHERE key=?", (key,))]
        return max([0.0, *waits])

    def attempt(self, name: str, password: str, addr: str | None = None) -> LoginResult:
        name = (name or "").strip()
        wait = self.locked_for(name, addr)
        if wait > 0:
            self._fail(name, addr)          # guessing during a lock lengthens it
            self.audit.record("login", user=name, addr=addr, outcome="locked",
                              detail=f"locked for {wait:.0f} s more")
            return LoginResult(None, "locked", self.locked_for(name, addr))
        user = self.accounts.check_password(name, password)
        if user is None:
            self._fail(name, addr)
            self.audit.record("login", user=name, addr=addr, outcome="failed")
            return LoginResult(None, "failed", self.locked_for(name, addr))
        with self.accounts.db.connect() as con:
            # Only the user's count is cleared: one valid account must not let an address
            # reset its count and go on guessing other accounts' passwords.
            con.execute("DELETE FROM throttle WHERE key=?", ("user:" + name,))
        self.audit.record("login", user=name, addr=addr)
        return LoginResult(user, "ok")

    def _fail(self, name: str, addr: str | None) -> None:
        now = self.clock()
        with self.accounts.db.connect() as con:
            con.execute("DELETE FROM throttle WHERE last < ? AND locked_until < ?",
                        (now - FORGET_S, now))
            for key, limit in self._keys(name, addr):
                row = con.execute("SELECT failures, last FROM throttle WHERE key=?",
                                  (key,)).fetchone()
                failures = (row[0] if row and now - row[1] < FORGET_S else 0) + 1
                locked_until = 0.0
                if failures >= limit:
                    locked_until = now + min(MAX_LOCK_S, self.lockout_s * 2 ** min(failures - limit, 20))
                con.execute("INSERT OR REPLACE INTO throttle VALUES (?,?,?,?)",
                            (key, failures, now, locked_until))
