"""Documents over HTTP: list, upload (multipart, ingested in the background), remove.

Uploads meet the UI's rules: the same file types, RAG_UI_MAX_UPLOAD_MB per file,
RAG_MAX_JOB_MB per request, and the same profile fields (title, kind, place, level, year,
period). A refusal is a 4xx naming the file and the limit; nothing is ingested then.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool

from rag.ingest.loaders import UPLOAD_TYPES  # the UI's list too
from rag.server.access import ApiError

PROFILE_FIELDS = ("title", "kind", "place", "level", "year", "period")
MAX_FILES = 20
# multipart framing and the profile fields on top of the files themselves
FORM_OVERHEAD = 2**20

UPLOAD_SCHEMA = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": f"One or more files ({' '.join(UPLOAD_TYPES)}), each at most "
                                 "RAG_UI_MAX_UPLOAD_MB"},
        "index": {"type": "string", "description": "Index to add them to (default: the server's)"},
        "title": {"type": "string", "description": "Title shown in citations"},
        "kind": {"type": "string", "description": "年鉴 | 大事记 | 政府工作报告 | 讲话 | 通知/文件 | other"},
        "place": {"type": "string", "description": "Place the document is about, e.g. 平阳县"},
        "level": {"type": "string", "description": "national | 省 | 市 | 县 | 区 | 乡镇"},
        "year": {"type": "integer", "description": "The document's own year"},
        "period": {"type": "string", "description": "Years it is about: 2019 or 2019-2020"},
    }}}}}}


def public_doc(d: dict) -> dict:
    """A document record without its server path (only the file name, as "source")."""
    out = {k: v for k, v in d.items() if k not in ("path", "text")}
    out["source"] = Path(d.get("path") or "").name
    out["flagged"] = int(d.get("flagged") or 0) if not isinstance(d.get("flagged"), list) \
        else len(d["flagged"])
    return out


def check_length(request, settings) -> None:
    """Refuse an oversized body from its Content-Length, before any of it is read."""
    size = request.headers.get("content-length")
    if size is None or not size.isdigit():
        raise ApiError(411, "send the upload with a Content-Length header", "files")
    limit = min(settings.max_job_mb, MAX_FILES * settings.ui_max_upload_mb) * 2**20
    if int(size) > limit + FORM_OVERHEAD:
        raise ApiError(413, f"the upload is {int(size) / 2**20:.1f} MB, over the "
                            f"{limit / 2**20:.0f} MB limit for one request (setting "
                            "RAG_MAX_JOB_MB; each file at most RAG_UI_MAX_UPLOAD_MB)", "files",
                       "too_large")


def profile_of(form) -> dict:
    """The profile fields given, checked as `rag ingest` checks them (400 naming the field)."""
    from rag.ingest.profile import check_given
    given = {}
    for name in PROFILE_FIELDS:
        v = form.get(name)
        if isinstance(v, str) and v.strip():
            given[name] = v.strip()
    if "year" in given:
        if not re.fullmatch(r"\d{3,4}", given["year"]):
            raise ApiError(400, "field 'year' must be a year such as 2019", "year")
        given["year"] = int(given["year"])
    try:
        check_given(dict(given))
    except ValueError as e:
        field = next((f for f in PROFILE_FIELDS if str(e).startswith(f)), None)
        raise ApiError(400, f"field '{field or 'profile'}': {e}", field) from None
    return given


async def save_uploads(form, settings) -> tuple[Path, list[Path]]:
    """The uploaded files written to a new private folder; 4xx for a wrong type or size."""
    uploads = [f for f in form.getlist("files") + form.getlist("file") if hasattr(f, "read")]
    if not uploads:
        raise ApiError(400, "field 'files' is required: send the documents as multipart "
                            "form fields named 'files'", "files")
    if len(uploads) > MAX_FILES:
        raise ApiError(413, f"{len(uploads)} files in one request, over the limit of "
                            f"{MAX_FILES}", "files", "too_many_files")
    max_bytes = int(settings.ui_max_upload_mb * 2**20)
    names = []
    for up in uploads:
        name = _safe_name(up.filename or "")
        if Path(name).suffix.lower() not in UPLOAD_TYPES:
            raise ApiError(415, f"{name}: only {' '.join(UPLOAD_TYPES)} files can be uploaded",
                           "files", "unsupported_type")
        if (up.size or 0) > max_bytes:
            raise ApiError(413, f"{name} is {up.size / 2**20:.1f} MB, over the upload limit of "
                                f"{settings.ui_max_upload_mb} MB (setting RAG_UI_MAX_UPLOAD_MB)",
                           "files", "too_large")
        names.append(name)
    folder = Path(tempfile.mkdtemp(prefix="rag-upload-"))
    paths = []
    for up, name in zip(uploads, names):
        path = folder / name
        n = 1
        while path.exists():                 # two uploads with one name
            path = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
            n += 1
        await run_in_threadpool(path.write_bytes, await up.read())   # off the event loop
        paths.append(path)
    return folder, paths


def _safe_name(name: str) -> str:
    """The file name alone, without folders or control characters (it becomes the doc id)."""
    name = re.sub(r"[\x00-\x1f\x7f]", "", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return name.lstrip(".")[:150] or "upload.txt"


def original_of(api, doc_id: str) -> tuple[Path, str]:
    """The kept original and the name it was ingested under; 404 when there is none."""
    doc = api.document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document '{doc_id[:100]}' in this index: GET /v1/documents "
                            "lists them", "doc_id")
    path = api.original(doc_id)
    if path is None:
        raise ApiError(404, f"the original of '{doc_id[:100]}' is not kept: the index was built "
                            "before originals were; ingest the file again to keep it", "doc_id",
                       "original_not_kept")
    return path, Path(doc.get("path") or "").name or path.name


def media_type(name: str) -> str:
    import mimetypes
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def attachment(name: str) -> str:
    """Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266)."""
    from urllib.parse import quote
    ascii_name = re.sub(r'[^A-Za-z0-9._-]', "_", name) or "original"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
