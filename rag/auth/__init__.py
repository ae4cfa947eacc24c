"""Users, departments, index permissions, API keys, login back-off and the audit log.

    accounts = Accounts.for_settings(settings)     # index/users.db or RAG_USERS_DB
    accounts.add("alice", "…", ["财政局"])
    accounts.grant("finance", "财政局")             # the index "finance" belongs to 财政局
    accounts.can_use(accounts.get("alice"), "finance")  # True
    authenticate_key(key)                          # User or None, for the HTTP API
"""
from __future__ import annotations

from rag.auth.audit import AuditEntry, AuditLog
from rag.auth.db import users_db_path
from rag.auth.login import Login, LoginResult
from rag.auth.users import AccountError, Accounts, User, check_index_name, list_indexes

__all__ = ["AccountError", "Accounts", "AuditEntry", "AuditLog", "Login", "LoginResult", "User",
           "authenticate_key", "check_index_name", "list_indexes", "users_db_path"]


def authenticate_key(key: str | None, settings=None) -> User | None:
    """The user an API key belongs to, or None (unknown, revoked, or no accounts file)."""
    if settings is None:
        from rag.settings import Settings
        settings = Settings.load()
    return Accounts.for_settings(settings).authenticate_key(key)
