"""The FastAPI app: routes, the key check on every route but /healthz, JSON errors.

Route handlers are plain functions, so FastAPI runs them in its thread pool: a long answer
(or a streamed one, iterated in the pool too) never blocks the event loop or other clients.
"""
from __future__ import annotations

import logging
import re
import time

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from rag.server import chat, documents
from rag.server.access import Access, ApiError, Caller
from rag.server.errors import translate, validation_message
from rag.server.jobs import Jobs
from rag.server.models import (ChatCompletion, ChatRequest, DocumentList, ErrorBody,
                               EvalRequest, EvalResponse, Health, IndexStatus, Job, ModelCard,
                               ModelList, Removed, RetrieveRequest, RetrieveResponse, Status,
                               model_id)

log = logging.getLogger("rag.server")
MAX_EVAL_QUESTIONS = 200
ERRORS = {s: {"model": ErrorBody} for s in (400, 401, 403, 404, 413)}
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def caller(request: Request) -> Caller:
    """The dependency every protected route takes: 401 without a valid key."""
    access: Access = request.app.state.access
    addr = request.client.host if request.client else None
    return access.caller(request.headers.get("authorization"), addr)


def date_param(value: str | None, field: str, end: bool = False) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as a full ISO date (a partial one widened); 400 otherwise."""
    import calendar
    if value is None or not value.strip():
        return None
    m = _DATE.match(value.strip())
    bad = ApiError(400, f"field '{field}' must be a date YYYY-MM-DD (or YYYY-MM, YYYY)", field)
    if not m:
        raise bad
    y, mo = int(m.group(1)), int(m.group(2) or (12 if end else 1))
    if not 1 <= mo <= 12 or y < 1:
        raise bad
    last = calendar.monthrange(y, mo)[1]
    d = int(m.group(3) or (last if end else 1))
    if not 1 <= d <= last:
        raise bad
    return f"{y:04d}-{mo:02d}-{d:02d}"


router = APIRouter(prefix="/v1", dependencies=[Depends(caller)], responses=ERRORS)


@router.get("/models", response_model=ModelList, summary="The indexes you may ask, as models")
def models(request: Request, who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    owners = access.accounts.owners()
    return ModelList(data=[ModelCard(id=model_id(n), owned_by=owners.get(n, "rag"))
                           for n in access.visible(who)])


@router.post("/chat/completions", response_model=ChatCompletion,
             summary="OpenAI-compatible chat with citations (stream: server-sent events)",
             responses={200: {"content": {"text/event-stream": {}}}})
def completions(body: ChatRequest, request: Request, who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    if body.stream:
        return StreamingResponse(chat.stream(body, access, who, date_param),
                                 media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache"})
    return chat.complete(body, access, who, date_param)


@router.post("/retrieve", response_model=RetrieveResponse,
             summary="Passages for a question, with scores and how it was understood")
def retrieve(body: RetrieveRequest, request: Request, who: Caller = Depends(caller)):
    from rag.answer.constraints import extract
    access: Access = request.app.state.access
    api = access.rag(who, body.index, "ask", body.question)
    dates = (date_param(body.date_from, "date_from"), date_param(body.date_to, "date_to", True))
    try:
        r = api.retrieve(body.question, k=body.k, mode=body.mode, docs=body.docs,
                         date_from=dates[0], date_to=dates[1])
    except Exception as e:
        raise translate(e) from None
    access.audit(who, "ask", api.settings.index, body.question, detail="http api: retrieve")
    return {**r.to_dict(), "constraints": extract(r.query).to_dict()}


@router.get("/documents", response_model=DocumentList, summary="Documents in an index")
def list_documents(request: Request, index: str | None = None, who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    api = access.rag(who, index, "list")
    access.audit(who, "list", api.settings.index)
    return DocumentList(index=api.settings.index,
                        documents=[documents.public_doc(d) for d in api.documents()])


@router.post("/documents", response_model=Job, status_code=202,
             summary="Upload documents (multipart); ingested in the background",
             openapi_extra=documents.UPLOAD_SCHEMA)
async def upload(request: Request, who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    documents.check_length(request, access.settings)
    try:
        form = await request.form(max_files=documents.MAX_FILES + 1, max_fields=50)
    except Exception:
        raise ApiError(400, "the body must be multipart/form-data with the files in fields "
                            "named 'files'", "files") from None
    index = form.get("index") if isinstance(form.get("index"), str) else None
    names = ", ".join(getattr(f, "filename", "") or "" for f in form.getlist("files"))
    api = await run_in_threadpool(access.rag, who, index or None, "upload", names)
    profile = documents.profile_of(form)
    folder, paths = await documents.save_uploads(form, access.settings)

    def audit(job):
        if job["status"] == "failed":
            access.audit(who, "upload", job["index"], names, "failed", job["error"])
        for doc_id in job["added"] + job["updated"]:
            access.audit(who, "upload", job["index"], doc_id)

    return request.app.state.jobs.submit(api, folder, paths, [], profile, on_done=audit)


@router.get("/jobs/{job_id}", response_model=Job, summary="An upload's ingest job")
def job(job_id: str, request: Request, who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    found = request.app.state.jobs.get(job_id)
    if found is None or not access.allowed(who, found["index"]):
        raise ApiError(404, "no such job (job ids are kept until the server restarts)", "job_id")
    return found


@router.delete("/documents/{doc_id}", response_model=Removed, summary="Remove a document")
def remove(doc_id: str, request: Request, index: str | None = None,
           who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    api = access.rag(who, index, "remove", doc_id)
    if doc_id not in {d["doc_id"] for d in api.documents()}:
        raise ApiError(404, f"no document '{doc_id[:100]}' in this index: GET /v1/documents "
                            "lists them", "doc_id")
    try:
        report = api.remove([doc_id])
    except Exception as e:
        raise translate(e) from None
    for d in report.removed:
        access.audit(who, "remove", api.settings.index, d)
    return Removed(index=api.settings.index, removed=list(report.removed))


@router.get("/documents/{doc_id}/original", summary="The document's original file",
            responses={200: {"content": {"application/octet-stream": {}}}, **ERRORS})
def original(doc_id: str, request: Request, index: str | None = None,
             who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    api = access.rag(who, index, "download", doc_id)
    path, name = documents.original_of(api, doc_id)
    access.audit(who, "download", api.settings.index, doc_id, detail="http api: original")
    return Response(path.read_bytes(), media_type=documents.media_type(name),
                    headers={"Content-Disposition": documents.attachment(name)})


@router.get("/documents/{doc_id}/pages/{n}.png", summary="A PDF page, the quote highlighted",
            responses={200: {"content": {"image/png": {}}}, **ERRORS})
def page_png(doc_id: str, n: int, request: Request, quote: str | None = None,
             index: str | None = None, who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    api = access.rag(who, index, "download", doc_id)
    path, _ = documents.original_of(api, doc_id)
    if path.suffix.lower() != ".pdf":
        raise ApiError(404, f"'{doc_id[:100]}' is not a PDF: it has no pages to render; GET "
                            f"/v1/documents/{doc_id[:100]}/original gives the file", "doc_id")
    try:
        view = api.source(doc_id, page=n, quote=(quote or "")[:2000] or None)
    except ValueError as e:
        raise ApiError(404, str(e), "n") from None
    access.audit(who, "download", api.settings.index, doc_id, detail=f"http api: page {n}")
    return Response(view.png, media_type="image/png")


@router.get("/status", response_model=Status, summary="The indexes you may use, and the server")
def status(request: Request, who: Caller = Depends(caller)):
    access: Access = request.app.state.access
    out = []
    for name in access.visible(who):
        st = access._rag(name).status()
        out.append(IndexStatus(**{k: st.get(k) for k in ("embedder", "updated")},
                               name=name, exists=st["exists"], documents=st.get("documents", 0),
                               chunks=st.get("chunks", 0)))
    return Status(indexes=out, default_index=access.settings.index, answerer=access.settings.llm,
                  auth=access.mode, user=who.name)


@router.post("/eval", response_model=EvalResponse,
             summary="Evaluate retrieval and answers on a QA set (rag eval)")
def evaluate(body: EvalRequest, request: Request, who: Caller = Depends(caller)):
    from rag.server.evaluate import run_eval
    access: Access = request.app.state.access
    api = access.rag(who, body.index, "ask", f"eval {body.set or 'inline set'}")
    return run_eval(body, api.settings, MAX_EVAL_QUESTIONS)


def create_app(settings, ui: bool = False) -> FastAPI:
    """The API over the index folder of `settings`; with `ui`, the Gradio UI under /ui."""
    app = FastAPI(title="rag-zh HTTP API", version="1", docs_url=None, redoc_url=None,
                  openapi_url=None,
                  description="Cited answers over Chinese local-government records. Send "
                              "'Authorization: Bearer <key>' when keys are configured.")
    app.state.access = Access(settings)
    app.state.jobs = Jobs()
    app.state.started = time.time()
    app.include_router(router)

    @app.get("/healthz", response_model=Health, summary="Liveness; needs no key")
    def healthz():
        return Health()

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(caller)])
    def openapi():
        return app.openapi()

    _error_handlers(app)
    if ui:
        _mount_ui(app, settings)
    return app


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request, e: ApiError):
        headers = {"WWW-Authenticate": "Bearer"} if e.status == 401 else None
        return JSONResponse(e.body(), status_code=e.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request, e: RequestValidationError):
        message, field = validation_message(e.errors())
        return JSONResponse(ApiError(400, message, field).body(), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, e: StarletteHTTPException):
        message = {404: "no such endpoint: see /openapi.json",
                   405: "method not allowed on this endpoint: see /openapi.json"}.get(
            e.status_code, str(e.detail))
        return JSONResponse(ApiError(e.status_code, message).body(), status_code=e.status_code)

    @app.exception_handler(Exception)
    async def crashed(request, e: Exception):
        err = translate(e)
        return JSONResponse(err.body(), status_code=err.status)


def _mount_ui(app: FastAPI, settings) -> None:
    """The Gradio UI in this process, with its own login when accounts exist.

    The one place rag reaches for ui, imported only when `--ui` is asked for: the UI stays
    an optional layer over rag, and a server without it says what is missing."""
    import importlib

    from rag.api import RAG
    try:
        gr = importlib.import_module("gradio")
        access_for = importlib.import_module("ui.access").access_for
        build_app = importlib.import_module("ui.app").build_app
    except ImportError as e:
        raise RuntimeError(f"--ui needs the chat UI installed (pip install -e .): {e}") from None
    api = RAG(settings)
    access = access_for(settings, api)
    demo = build_app(api, access=access)
    gr.mount_gradio_app(app, demo, path="/ui",
                        auth=access.gradio_auth() if access.accounts_mode else None,
                        max_file_size=f"{settings.ui_max_upload_mb}mb", show_error=False)
