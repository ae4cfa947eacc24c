"""Who is calling and which indexes they may use: bearer keys, per-user keys, the audit log.

Two key mechanisms, either or both:
- RAG_API_KEYS: comma-separated tokens with full access (a service account);
- per-user keys (`rag users key NAME`): the user's departments decide the indexes, as in
  the UI, and every attempt is written to the audit log.
With neither configured (no keys, no accounts) the server is open, like `rag ui` without
accounts. Keys are compared in constant time and never logged.
"""
from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, replace


class ApiError(Exception):
    """An error the client sees as JSON: status, message naming the fix, the field at fault."""

    TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
             404: "not_found_error", 413: "invalid_request_error", 422: "invalid_request_error"}

    def __init__(self, status: int, message: str, param: str | None = None,
                 code: str | None = None):
        super().__init__(message)
        self.status, self.message, self.param, self.code = status, message, param, code

    def body(self) -> dict:
        return {"error": {"message": self.message, "param": self.param, "code": self.code,
                          "type": self.TYPES.get(self.status, "server_error")}}


@dataclass(frozen=True)
class Caller:
    """The authenticated client: a user (per-user key), or a full-access key holder."""
    name: str | None          # user name; None for RAG_API_KEYS holders and open servers
    user: object = None       # rag.auth.User for per-user keys
    full: bool = False
    addr: str | None = None


class Access:
    """Key checks, index permissions and the audit log for one server."""

    def __init__(self, settings):
        from rag.auth import Accounts, AuditLog
        self.settings = settings
        self.tokens = [t.strip() for t in (settings.api_keys or "").split(",") if t.strip()]
        self.accounts = Accounts.for_settings(settings)
        self.audit_log = AuditLog(self.accounts.path)
        self._apis: dict = {}
        self._lock = threading.Lock()

    @property
    def mode(self) -> str:
        if self.accounts.has_users():
            return "accounts"
        return "keys" if self.tokens else "none"

    # --- who ---------------------------------------------------------------------------
    def caller(self, authorization: str | None, addr: str | None) -> Caller:
        """The caller for an Authorization header; ApiError 401 when a key is required and
        missing or wrong."""
        mode = self.mode
        if mode == "none":
            return Caller(None, full=True, addr=addr)
        scheme, _, key = (authorization or "").partition(" ")
        key = key.strip()
        if scheme.lower() != "bearer" or not key:
            raise ApiError(401, "missing API key: send the header 'Authorization: Bearer <key>' "
                                "(a RAG_API_KEYS token or a key from `rag users key NAME`)",
                           code="missing_api_key")
        if any(hmac.compare_digest(key.encode(), t.encode()) for t in self.tokens):
            return Caller(None, full=True, addr=addr)
        user = self.accounts.authenticate_key(key) if mode == "accounts" else None
        if user is None:
            if mode == "accounts":       # the key itself is never recorded
                self.audit_log.record("login", addr=addr, outcome="failed",
                                      detail="http api: unknown API key")
            raise ApiError(401, "invalid API key: check the Authorization header",
                           code="invalid_api_key")
        return Caller(user.name, user=user, full=bool(user.admin), addr=addr)

    # --- which indexes -----------------------------------------------------------------
    def existing(self) -> list[str]:
        from rag.auth import list_indexes
        return list_indexes(self.settings.index_dir)

    def visible(self, caller: Caller) -> list[str]:
        names = self.existing()
        if caller.user is None:            # full-access key or open server
            return sorted(set(names) | {self.settings.index})
        return self.accounts.visible(caller.user, names)

    def allowed(self, caller: Caller, index: str) -> bool:
        from rag.auth import AccountError, check_index_name
        try:
            check_index_name(index)
        except AccountError:
            return False
        if caller.user is None:
            return True
        return self.accounts.can_use(caller.user, index)

    def rag(self, caller: Caller, index: str | None, action: str, target=None,
            status: int = 403):
        """The RAG for `index` if `caller` may use it; else audited and ApiError `status`."""
        index = index or self.settings.index
        if not self.allowed(caller, index):
            self.audit(caller, action, index, target, "denied")
            if status == 404:
                raise ApiError(404, f"model 'rag-{index}' does not exist or you may not use "
                                    "it: GET /v1/models lists yours", "model", "model_not_found")
            raise ApiError(403, f"you may not use the index '{index}': ask an admin to grant it "
                                "to your department (`rag users grant`)", "index",
                           "index_not_allowed")
        return self._rag(index)

    def _rag(self, index: str):
        from rag.api import RAG
        with self._lock:
            if index in self._apis:
                return self._apis[index]
            api = RAG(replace(self.settings, index=index))
            if api.store.exists():         # kept once built: names asked for in vain are not
                self._apis[index] = api
            return api

    def audit(self, caller: Caller, action: str, index: str | None, target=None,
              outcome: str = "ok", detail=None) -> None:
        """Recorded in accounts mode, like the UI (an open or token-only server has no log)."""
        if self.mode != "accounts":
            return
        self.audit_log.record(action, user=caller.name, addr=caller.addr, index=index,
                              target=target, outcome=outcome,
                              detail=detail if detail else ("http api" if caller.name else
                                                            "http api: RAG_API_KEYS token"))
