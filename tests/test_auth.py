"""Accounts, index grants, API keys, login back-off and the audit log (rag.auth), on real
SQLite files in temp dirs, and the `rag users` command run as a user would."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rag.auth import AccountError, Accounts, AuditLog, Login, authenticate_key
from rag.auth.passwords import hash_password, verify_password
from rag.settings import Settings

REPO = Path(__file__).resolve().parent.parent


class Clock:
    """A clock the test moves by hand, so lock-out expiry is tested without waiting."""

    def __init__(self):
        self.t = 1_000_000.0

    def __call__(self):
        return self.t


@pytest.fixture
def accounts(tmp_path):
    acc = Accounts(tmp_path / "users.db")
    acc.add("alice", "alice-pw", ["财政局"])
    acc.add("bob", "bob-pw", ["教育局", "卫健委"])
    acc.add("root", "root-pw", admin=True)
    acc.grant("finance", "财政局")
    acc.grant("education", "教育局")
    return acc


def test_passwords_are_salted_hashes_never_plaintext(accounts):
    a, b = hash_password("same"), hash_password("same")
    assert a != b and verify_password("same", a) and verify_password("same", b)
    assert not verify_password("other", a) and not verify_password("same", "garbage")
    raw = accounts.path.read_bytes()
    assert b"alice-pw" not in raw and b"root-pw" not in raw
    with sqlite3.connect(accounts.path) as con:
        stored = con.execute("SELECT password FROM users WHERE name='alice'").fetchone()[0]
    assert stored.startswith("scrypt$") and "alice-pw" not in stored


def test_check_password(accounts):
    alice = accounts.check_password("alice", "alice-pw")
    assert alice.name == "alice" and alice.departments == ("财政局",) and not alice.admin
    assert accounts.check_password("alice", "bob-pw") is None
    assert accounts.check_password("nobody", "alice-pw") is None
    accounts.set_password("alice", "new-pw")
    assert accounts.check_password("alice", "alice-pw") is None
    assert accounts.check_password("alice", "new-pw")


def test_bad_account_requests_name_the_problem(accounts):
    with pytest.raises(AccountError, match="already exists"):
        accounts.add("alice", "x", ["财政局"])
    with pytest.raises(AccountError, match="--department"):
        accounts.add("carol", "x", [])
    with pytest.raises(AccountError, match="user name"):
        accounts.add("a b", "x", ["财政局"])
    with pytest.raises(AccountError, match="folder name"):
        accounts.grant("../etc", "财政局")
    with pytest.raises(AccountError, match="no user"):
        accounts.new_key("nobody")


def test_each_index_is_visible_to_its_department_only(accounts):
    alice, bob, root = (accounts.get(n) for n in ("alice", "bob", "root"))
    existing = ["finance", "education", "ungranted"]
    assert accounts.visible(alice, existing) == ["finance"]
    assert accounts.visible(bob, existing) == ["education"]
    assert accounts.visible(root, existing) == ["education", "finance", "ungranted"]
    assert accounts.can_use(alice, "finance") and not accounts.can_use(alice, "education")
    assert not accounts.can_use(alice, "ungranted") and not accounts.can_use(None, "finance")
    # one department per index: a new grant moves it
    assert accounts.grant("education", "财政局") == "教育局"
    assert accounts.can_use(alice, "education") and not accounts.can_use(bob, "education")


def test_api_keys_are_scoped_to_a_user_and_stored_hashed(accounts, tmp_path):
    key = accounts.new_key("bob")
    assert key.startswith("rag_") and len(key) > 40
    assert accounts.authenticate_key(key).name == "bob"
    assert accounts.authenticate_key(key + "x") is None and accounts.authenticate_key("") is None
    assert key.encode() not in accounts.path.read_bytes()
    settings = Settings.load(index_dir=tmp_path / "index", users_db=accounts.path)
    assert authenticate_key(key, settings).departments == ("卫健委", "教育局")
    assert accounts.remove("bob") and accounts.authenticate_key(key) is None


def test_wrong_passwords_lock_out_with_back_off_even_for_the_right_one(accounts):
    clock = Clock()
    login = Login(accounts, max_failures=5, lockout_s=30, clock=clock)
    for _ in range(4):
        assert login.attempt("alice", "guess", addr="10.0.0.9").outcome == "failed"
    assert login.locked_for("alice") == 0
    assert login.attempt("alice", "guess", addr="10.0.0.9").outcome == "failed"
    assert login.locked_for("alice") == 30
    refused = login.attempt("alice", "alice-pw", addr="10.0.0.9")
    assert refused.outcome == "locked" and not refused.ok and refused.retry_after > 30
    clock.t += 61                                  # the refused try doubled the lock
    assert login.attempt("alice", "guess").outcome == "failed"
    assert login.locked_for("alice") == 120        # 30 * 2**2: three failures past the limit
    clock.t += 121
    assert login.attempt("alice", "alice-pw").ok
    assert login.locked_for("alice") == 0          # success clears the user's count
    assert login.attempt("alice", "guess").outcome == "failed"
    assert login.locked_for("alice") == 0

    log = AuditLog(accounts.path).entries(limit=None, action="login", user="alice")
    assert [e.outcome for e in log].count("failed") == 7
    assert [e.outcome for e in log].count("locked") == 1
    assert [e.outcome for e in log].count("ok") == 1
    assert {e.addr for e in log[:6]} == {"10.0.0.9"}


def test_one_address_guessing_many_accounts_is_locked(accounts):
    clock = Clock()
    login = Login(accounts, max_failures=2, lockout_s=10, clock=clock)
    for i in range(8):                             # 2 x ADDRESS_FACTOR, each user name new
        login.attempt(f"user{i}", "guess", addr="10.0.0.7")
    assert login.attempt("root", "root-pw", addr="10.0.0.7").outcome == "locked"
    assert login.attempt("root", "root-pw", addr="10.0.0.8").ok     # another address is not


def test_audit_log_is_append_only(accounts):
    audit = AuditLog(accounts.path)
    audit.record("ask", user="alice", index="finance", target="预算是多少？" + "长" * 5000)
    audit.record("remove", user="bob", index="education", target="doc1", outcome="denied")
    entries = audit.entries()
    assert [(e.user, e.action, e.outcome) for e in entries] == [
        ("alice", "ask", "ok"), ("bob", "remove", "denied")]
    assert entries[0].target.startswith("预算是多少？") and len(entries[0].target) < 2100
    with sqlite3.connect(accounts.path) as con:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("UPDATE audit SET user='mallory'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("DELETE FROM audit")
    with pytest.raises(ValueError, match="unknown action"):
        audit.record("drop_table")


def _rag(*args, stdin: str = "", env_db: Path | None = None):
    return subprocess.run([sys.executable, "-m", "rag", "users", "--users-db", str(env_db), *args],
                          input=stdin, capture_output=True, text=True, cwd=REPO, timeout=60)


def test_rag_users_command(tmp_path):
    db = tmp_path / "users.db"
    r = _rag("add", "alice", "--department", "财政局", "--department", "审计局",
             "--password-stdin", stdin="s3cret\n", env_db=db)
    assert r.returncode == 0 and "alice" in r.stdout, r.stderr
    r = _rag("add", "alice", "--department", "财政局", "--password-stdin", stdin="x\n", env_db=db)
    assert r.returncode == 2 and "already exists" in r.stderr and "Traceback" not in r.stderr
    assert _rag("grant", "finance", "--department", "财政局", env_db=db).returncode == 0
    listing = _rag("list", env_db=db).stdout
    assert "alice: 审计局, 财政局" in listing and "index finance: 财政局" in listing
    key = _rag("key", "alice", env_db=db).stdout.strip()
    accounts = Accounts(db)
    assert accounts.authenticate_key(key).name == "alice"
    assert accounts.check_password("alice", "s3cret")
    assert _rag("remove", "alice", env_db=db).returncode == 0
    assert accounts.get("alice") is None
    audit = _rag("audit", env_db=db).stdout
    for action in ("user_add alice", "grant finance", "key alice", "user_remove alice"):
        assert action in audit, audit
