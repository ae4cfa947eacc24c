"""What the browser is told when a handler fails: a clear sentence, never the exception.

Python's own messages name server paths and internals ("'NoneType' object is not
iterable", "no index at /srv/…"); they go to the log with the traceback. Two kinds are meant
for users and are shown: a limit refusal (rag.limits.LimitError, naming the limit and its
setting) and a gr.Error a handler raised on purpose (e.g. ui.access.Denied).
"""
from __future__ import annotations

import functools
import logging
import re
from html import escape

import gradio as gr

from ui.i18n import t

log = logging.getLogger("ui")

# An absolute path (POSIX or Windows) of two or more parts; shown as its last part only.
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\s\\/'\"<>:;,，。]+){2,}[\\/]?")


def scrub_paths(text: str) -> str:
    """`text` with absolute paths cut to their file names."""
    return _PATH.sub(lambda m: m.group(0).rstrip("\\/").replace("\\", "/").rsplit("/", 1)[-1],
                     text)


def _limit_error():
    """rag.limits.LimitError, or None where that module is absent (it is optional here)."""
    try:
        from rag.limits import LimitError
    except ImportError:
        return None
    return LimitError


def _is_limit(exc: BaseException) -> bool:
    limit = _limit_error()
    return limit is not None and isinstance(exc, limit)


def user_message(exc: BaseException, lang: str, action: str) -> str:
    """The sentence for `exc` raised while doing `action` ("answer", "ask", "ingest",
    "remove"): a limit's own message, or a generic one for that action. Unless it is a
    limit or a bad date, the exception and its traceback go to the log."""
    from ui.chat import BadDate
    if _is_limit(exc):
        return t(lang, "limit", message=scrub_paths(str(exc)))
    if isinstance(exc, BadDate):
        return t(lang, "bad_date", value=str(exc)[:40])
    log.error("%s failed", action, exc_info=exc)
    return t(lang, "failed_" + action)


def shown(exc: BaseException, lang: str, action: str) -> gr.Error:
    """The gr.Error to raise for `exc`: a deliberate gr.Error as it is, anything else
    through user_message."""
    if isinstance(exc, gr.Error):
        return exc
    return gr.Error(escape(user_message(exc, lang, action)))     # toasts render HTML


def api_errors(action: str):
    """Decorate a gr.api endpoint so that its failures reach the client as shown() says
    (in English: API clients send no interface language)."""
    def wrap(fn):
        @functools.wraps(fn)      # gradio reads the signature (and gr.Request) through this
        def endpoint(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception as e:
                raise shown(e, "en", action) from None
        return endpoint
    return wrap
