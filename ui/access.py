"""Who may use which index in the UI, enforced on the server for every handler.

`Access.api_for(request)` hands a handler the index API for the session's chosen index,
wrapped so each call checks the logged-in user's permission at the moment it runs and
writes the audit log. `OpenAccess` is the same interface for a server without accounts
(no login, or the single RAG_UI_AUTH user): one index, no checks.

The chosen index is kept per (user, Gradio session) on the server rather than sent by the
page, because the handlers of the chat and documents tabs take the page's inputs only;
whatever a client claims, the permission check happens again on every call.
"""
from __future__ import annotations

import contextvars
import logging
import threading
from collections import OrderedDict
from dataclasses import replace

import gradio as gr

log = logging.getLogger(__name__)
# Sessions whose index choice is remembered; the oldest are forgotten (they fall back to
# the user's first index), so a flood of sessions cannot grow memory without bound.
MAX_SESSIONS = 10_000
CLIENT_ADDR: contextvars.ContextVar[str | None] = contextvars.ContextVar("client_addr",
                                                                         default=None)


class Denied(gr.Error):
    """Shown to the user; names the index but nothing about what it holds."""

    def __init__(self, index: str | None):
        name = index or "-"
        super().__init__(f"无权使用知识库“{name}”。 You may not use the index '{name}'.")


class ClientAddress:
    """ASGI middleware remembering the client's address for the login check, which Gradio
    calls with the user name and password only."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        token = CLIENT_ADDR.set((scope.get("client") or (None,))[0])
        try:
            await self.app(scope, receive, send)
        finally:
            CLIENT_ADDR.reset(token)


def _addr(request) -> str | None:
    client = getattr(request, "client", None)
    return getattr(client, "host", None)


class Blank:
    """What the page is built with before anyone has logged in: no index, no documents."""

    def __init__(self, settings):
        self.settings = settings

    def status(self) -> dict:
        return {"exists": False, "name": ""}

    def documents(self) -> list:
        return []

    def source(self, doc_id, page=None, quote=None):
        raise Denied(None)

    def original(self, doc_id):
        raise Denied(None)


class Guarded:
    """One RAG index as seen by one user: every call is permission-checked and audited."""

    def __init__(self, access: "Access", request, index: str):
        self._access, self.index = access, index
        self.username = getattr(request, "username", None)
        self.addr = _addr(request)

    @property
    def settings(self):
        return replace(self._access.settings, index=self.index)

    def _check(self, action: str, target=None):
        from rag.auth import AccountError, check_index_name
        user = self._access.accounts.get(self.username) if self.username else None
        try:
            allowed = bool(check_index_name(self.index)) and \
                self._access.accounts.can_use(user, self.index)
        except AccountError:
            allowed = False
        if not allowed:
            self._audit(action, target, "denied")
            raise Denied(self.index)
        return self._access.rag(self.index)

    def _audit(self, action, target=None, outcome="ok", detail=None):
        self._access.audit.record(action, user=self.username, addr=self.addr, index=self.index,
                                  target=target, outcome=outcome, detail=detail)

    def status(self) -> dict:
        return self._check("list").status()

    def documents(self) -> list[dict]:
        return self._check("list").documents()

    def ask(self, question, **kwargs):
        api = self._check("ask", question)
        self._audit("ask", question)
        return api.ask(question, **kwargs)

    def stream(self, question, **kwargs):
        api = self._check("ask", question)
        self._audit("ask", question)
        yield from api.stream(question, **kwargs)

    def document(self, doc_id: str) -> dict | None:
        doc = _lookup(self._check("download", doc_id), doc_id)
        self._audit("download", doc_id, "ok" if doc else "failed",
                    None if doc else "no such document")
        return doc

    def source(self, doc_id: str, page=None, quote=None):
        # audited as a download: it shows the document (its page or text) to the user
        api = self._check("download", doc_id)
        self._audit("download", doc_id, detail="source")
        return api.source(doc_id, page=page, quote=quote)

    def original(self, doc_id: str):
        return self._check("download", doc_id).original(doc_id)

    def ingest(self, paths, **kwargs):
        from pathlib import Path
        names = ", ".join(Path(p).name for p in paths or [])
        api = self._check("upload", names)
        try:
            result, report = api.ingest(paths, **kwargs)
        except Exception as e:
            self._audit("upload", names, "failed", type(e).__name__)
            raise
        for doc_id in report.added + report.updated:
            self._audit("upload", doc_id, detail="updated" if doc_id in report.updated else None)
        return result, report

    def remove(self, doc_ids):
        api = self._check("remove", ", ".join(doc_ids))
        report = api.remove(doc_ids)
        for doc_id in report.removed:
            self._audit("remove", doc_id)
        return report


class Access:
    """Accounts mode: users log in, see their departments' indexes, and are audited."""

    accounts_mode = True

    def __init__(self, settings, accounts, api=None):
        from rag.auth import AuditLog, Login
        self.settings = settings
        self.accounts = accounts
        self.audit = AuditLog(accounts.path)
        self.login = Login.for_settings(settings, accounts)
        self._apis = {api.settings.index: api} if api is not None else {}
        self._chosen: OrderedDict[tuple, str] = OrderedDict()
        self._lock = threading.Lock()

    def rag(self, name: str):
        """The shared RAG for index `name`, created on first use."""
        from rag.api import RAG
        from rag.auth import check_index_name
        with self._lock:
            if name not in self._apis:
                self._apis[name] = RAG(replace(self.settings, index=check_index_name(name)))
            return self._apis[name]

    def indexes(self, request) -> list[str]:
        """Index names the request's user may use."""
        from rag.auth import list_indexes
        name = getattr(request, "username", None)
        user = self.accounts.get(name) if name else None
        return self.accounts.visible(user, list_indexes(self.settings.index_dir)) if user else []

    def current(self, request) -> str | None:
        """The session's chosen index, else the default index if visible, else the first."""
        key = (getattr(request, "username", None), getattr(request, "session_hash", None))
        with self._lock:
            chosen = self._chosen.get(key)
        if chosen:
            return chosen
        names = self.indexes(request)
        return self.settings.index if self.settings.index in names else (names or [None])[0]

    def select(self, request, name: str) -> str:
        """Make `name` the session's index; refused (and audited) unless the user may use it."""
        user_name = getattr(request, "username", None)
        user = self.accounts.get(user_name) if user_name else None
        if not name or not self.accounts.can_use(user, name):
            self.audit.record("select", user=user_name, addr=_addr(request), index=name or None,
                              outcome="denied")
            raise Denied(name)
        key = (user_name, getattr(request, "session_hash", None))
        with self._lock:
            self._chosen[key] = name
            self._chosen.move_to_end(key)
            while len(self._chosen) > MAX_SESSIONS:
                self._chosen.popitem(last=False)
        return name

    def api_for(self, request=None, index: str | None = None):
        """The API a handler acts through: `index` if given, else the session's choice.
        Without a request (building the page) nothing is visible."""
        if request is None:
            return Blank(self.settings)
        name = index or self.current(request)
        if name is None:
            return Blank(self.settings)
        return Guarded(self, request, name)

    def check_login(self, username: str, password: str) -> bool:
        """Gradio's auth callable: the password check with back-off, audited. A locked
        account gets HTTP 429 with the wait, whatever the password."""
        from fastapi import HTTPException
        result = self.login.attempt(username, password, addr=CLIENT_ADDR.get())
        if result.outcome == "locked":
            raise HTTPException(status_code=429, detail=(
                f"too many failed logins: try again in {result.retry_after:.0f} s"))
        return result.ok

    def gradio_auth(self):
        """An async auth callable: the slow password hash runs off the event loop."""
        import anyio

        async def auth(username: str, password: str) -> bool:
            addr = CLIENT_ADDR.get()

            def check():
                CLIENT_ADDR.set(addr)
                return self.check_login(username, password)
            return await anyio.to_thread.run_sync(check)
        return auth


def document_of(api, doc_id: str) -> dict | None:
    """One indexed document (its text and profile) through whichever API the handler got."""
    return api.document(doc_id) if isinstance(api, Guarded) else _lookup(api, doc_id)


def _lookup(api, doc_id: str) -> dict | None:
    """The document record with its text, as the index stores it (docs.jsonl)."""
    if not api.status().get("exists"):
        return None
    return api.load_index().docs.get(doc_id)


class OpenAccess:
    """No accounts: one index, every handler acts on it (the RAG_UI_AUTH or open server)."""

    accounts_mode = False

    def __init__(self, api):
        self.api = api
        self.settings = api.settings

    def api_for(self, request=None, index: str | None = None):
        if index and index != self.settings.index:
            raise gr.Error(f"this server serves only the index '{self.settings.index}'")
        return self.api

    def indexes(self, request) -> list[str]:
        return [self.settings.index]

    def current(self, request) -> str:
        return self.settings.index

    def select(self, request, name: str) -> str:
        return self.api_for(request, name).settings.index


def access_for(settings, api=None):
    """Accounts mode when the users file holds at least one account, else open."""
    from rag.auth import Accounts
    accounts = Accounts.for_settings(settings)
    if accounts.has_users():
        return Access(settings, accounts, api)
    from rag.api import RAG
    return OpenAccess(api or RAG(settings))
