"""`rag users ...`: accounts, departments, index grants, API keys and the audit log.

Registered by rag.cli like the core commands; imports only the standard library and
rag.auth, so it works on a server without the UI installed.
"""
from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("users", help="user accounts, departments, index permissions, audit log")
    p.add_argument("--users-db", type=Path, dest="users_db",
                   help="accounts file (default: users.db in the index folder; RAG_USERS_DB)")
    us = p.add_subparsers(dest="users_cmd", required=True)

    a = us.add_parser("add", help="create an account (the password is asked for)")
    a.add_argument("name")
    a.add_argument("--department", action="append", default=[], dest="departments",
                   help="department the user belongs to (repeatable), e.g. 财政局")
    a.add_argument("--admin", action="store_true", help="sees and manages every index")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.set_defaults(handler=cmd_add)

    a = us.add_parser("list", help="accounts and which department owns each index")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_list)

    a = us.add_parser("remove", help="delete an account and its API keys")
    a.add_argument("name")
    a.set_defaults(handler=cmd_remove)

    a = us.add_parser("passwd", help="set a new password")
    a.add_argument("name")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.set_defaults(handler=cmd_passwd)

    a = us.add_parser("grant", help="assign an index to the department that may use it")
    a.add_argument("index_name", metavar="INDEX", help="index name under the index folder")
    a.add_argument("--department", required=True)
    a.set_defaults(handler=cmd_grant)

    a = us.add_parser("key", help="print a new API key for a user (shown once, stored hashed)")
    a.add_argument("name")
    a.add_argument("--revoke", action="store_true", help="revoke all of the user's keys instead")
    a.set_defaults(handler=cmd_key)

    a = us.add_parser("audit", help="show the audit log, newest last")
    a.add_argument("--user")
    a.add_argument("--action", help="login, ask, list, download, upload, remove, ...")
    a.add_argument("--outcome", choices=["ok", "denied", "failed", "locked"])
    a.add_argument("--limit", type=int, default=50, help="entries to show (0: all)")
    a.add_argument("--json", action="store_true", help="JSON lines")
    a.set_defaults(handler=cmd_audit)


def _accounts(settings):
    from rag.auth import Accounts
    return Accounts.for_settings(settings)


def _audit(settings, action, target, detail=None):
    from rag.auth import AuditLog
    try:
        who = getpass.getuser()
    except Exception:              # no login name in some containers
        who = None
    AuditLog.for_settings(settings).record(action, user=who, addr="cli", target=target,
                                           detail=detail)


def _fail(e: Exception):
    from rag.commands import UserError
    raise UserError(str(e)) from None


def _password(args) -> str:
    if args.password_stdin:
        pw = sys.stdin.readline().rstrip("\r\n")
    else:
        pw = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != pw:
            _fail(ValueError("the passwords differ"))
    if not pw:
        _fail(ValueError("the password is empty"))
    return pw


def cmd_add(args, settings):
    from rag.auth import AccountError
    accounts = _accounts(settings)
    try:
        user = accounts.add(args.name, _password(args), args.departments, admin=args.admin)
    except AccountError as e:
        _fail(e)
    _audit(settings, "user_add", user.name, json.dumps(user.to_dict(), ensure_ascii=False))
    print(f"added {user.name}" + (" (admin)" if user.admin else "")
          + (f" in {', '.join(user.departments)}" if user.departments else "")
          + f" to {accounts.path}")
    return 0


def cmd_list(args, settings):
    from rag.auth import list_indexes
    accounts = _accounts(settings)
    users, owners = accounts.users(), accounts.owners()
    existing = list_indexes(settings.index_dir)
    if args.json:
        print(json.dumps({"users": [u.to_dict() for u in users],
                          "indexes": {n: owners.get(n) for n in sorted(set(existing) | set(owners))}},
                         ensure_ascii=False))
        return 0
    if not users:
        print(f"no accounts in {accounts.path}: add one with `rag users add NAME --department D`")
    for u in users:
        print(f"{u.name}{' (admin)' if u.admin else ''}: {', '.join(u.departments) or '-'}")
    for n in sorted(set(existing) | set(owners)):
        state = "" if n in existing else " (not built yet)"
        print(f"index {n}: {owners.get(n) or 'no department (admins only)'}{state}")
    return 0


def cmd_remove(args, settings):
    if not _accounts(settings).remove(args.name):
        _fail(ValueError(f"no user {args.name!r}"))
    _audit(settings, "user_remove", args.name)
    print(f"removed {args.name}")
    return 0


def cmd_passwd(args, settings):
    from rag.auth import AccountError
    try:
        _accounts(settings).set_password(args.name, _password(args))
    except AccountError as e:
        _fail(e)
    _audit(settings, "password", args.name)
    print(f"password of {args.name} changed")
    return 0


def cmd_grant(args, settings):
    from rag.auth import AccountError, list_indexes
    try:
        before = _accounts(settings).grant(args.index_name, args.department)
    except AccountError as e:
        _fail(e)
    _audit(settings, "grant", args.index_name, f"{before or '-'} -> {args.department}")
    print(f"index {args.index_name} belongs to {args.department}"
          + (f" (was {before})" if before and before != args.department else ""))
    if args.index_name not in list_indexes(settings.index_dir):
        print(f"  (no index {args.index_name!r} yet: its members can upload into it, or "
              f"`rag ingest --index {args.index_name} PATH`)")
    return 0


def cmd_key(args, settings):
    from rag.auth import AccountError
    accounts = _accounts(settings)
    if args.revoke:
        n = accounts.revoke_keys(args.name)
        _audit(settings, "key", args.name, f"revoked {n}")
        print(f"revoked {n} key(s) of {args.name}")
        return 0
    try:
        key = accounts.new_key(args.name)
    except AccountError as e:
        _fail(e)
    _audit(settings, "key", args.name, "new key")
    print(key)
    print("(shown once: only its hash is stored)", file=sys.stderr)
    return 0


def cmd_audit(args, settings):
    from rag.auth import AuditLog
    entries = AuditLog.for_settings(settings).entries(limit=args.limit or None, user=args.user,
                                                      action=args.action, outcome=args.outcome)
    for e in entries:
        if args.json:
            print(json.dumps(e.to_dict(), ensure_ascii=False))
        else:
            where = f" [{e.index}]" if e.index else ""
            what = f" {e.target}" if e.target else ""
            extra = f" ({e.detail})" if e.detail else ""
            print(f"{e.ts} {e.user or '-'}@{e.addr or '-'} {e.action}{where}{what}: "
                  f"{e.outcome}{extra}")
    return 0
