"""Every failure as a JSON error naming the field or setting to fix; never a traceback or a
server path. Exceptions the library raises for bad input become 4xx here."""
from __future__ import annotations

import logging
import re

from rag.server.access import ApiError

log = logging.getLogger("rag.server")
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\s\\/'\"<>:;,，。]+){2,}[\\/]?")
# LimitError's setting -> the request field it is about
_LIMIT_PARAM = {"RAG_MAX_QUESTION_CHARS": "question", "RAG_MAX_K": "k"}


def scrub(text: str) -> str:
    """`text` with absolute paths cut to their last part."""
    return _PATH.sub(lambda m: m.group(0).rstrip("\\/").replace("\\", "/").rsplit("/", 1)[-1],
                     text)


def _limit_param(e) -> str | None:
    if getattr(e, "setting", None) in _LIMIT_PARAM:
        return _LIMIT_PARAM[e.setting]
    msg = str(e)
    for field in ("question", "k", "docs", "history"):
        if msg.startswith((f"the {field} ", f"{field} ")):
            return field
    return None


def translate(e: BaseException, question_field: str = "question") -> ApiError:
    """The ApiError for an exception raised while serving a request."""
    import importlib
    import sys
    if isinstance(e, ApiError):
        return e
    from rag.limits import LimitError
    if isinstance(e, LimitError):
        param = _limit_param(e)
        if param == "question":
            param = question_field
        return ApiError(400, scrub(str(e)), param, "limit")
    if isinstance(e, FileNotFoundError):
        return ApiError(404, "this index has no documents yet: upload some with "
                             "POST /v1/documents (or run `rag ingest --index NAME`)", "index",
                        "index_empty")
    for mod, name, status in (("rag.answer.base", "AnswerError", 503),
                              ("rag.index.store", "IndexMismatch", 409),
                              ("rag.embed.base", "EmbedderError", 503),
                              ("rag.rerank", "RerankerError", 503)):
        m = sys.modules.get(mod) or importlib.import_module(mod)
        kind = getattr(m, name, None)
        if kind is not None and isinstance(e, kind):
            log.warning("%s: %s", name, scrub(str(e)))
            return ApiError(status, scrub(str(e)), code=name)
    log.error("request failed", exc_info=e)
    return ApiError(500, "internal error: the server log has the details", code="internal")


def validation_message(errors: list[dict]) -> tuple[str, str | None]:
    """(message, field) for pydantic's first validation error, phrased for a client."""
    if not errors:
        return "invalid request", None
    err = errors[0]
    if err.get("type") == "json_invalid":
        return "the request body is not valid JSON", None
    loc = [str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path")]
    field = ".".join(loc) or None
    msg = str(err.get("msg") or "invalid value")
    if err.get("type") == "missing":
        return f"field '{field}' is required", field
    if field is None:
        return f"the request body: {msg}", None
    return f"field '{field}': {msg}", field
