"""The documents tab: upload and index files, list and remove documents, index status."""
from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import gradio as gr

from rag.ingest.loaders import UPLOAD_TYPES as _UPLOAD_TYPES
from ui.errors import scrub_paths, shown
from ui.i18n import t
from ui.render import md_text

log = logging.getLogger(__name__)
# images are read by OCR (the "ocr" extra); without it their upload says how to install it
UPLOAD_TYPES = list(_UPLOAD_TYPES)


def check_uploads(paths, max_mb: float, lang: str) -> tuple[list[Path], list[str]]:
    """(files to ingest, messages for rejected ones): wrong type or over the upload limit."""
    ok, rejected = [], []
    for p in map(Path, paths or []):
        if not p.is_file():           # already ingested and discarded, or cleaned up
            rejected.append(t(lang, "upload_gone", name=p.name))
        elif p.suffix.lower() not in UPLOAD_TYPES:
            rejected.append(t(lang, "rejected_type", name=p.name, types=" ".join(UPLOAD_TYPES)))
        elif p.stat().st_size > max_mb * 2**20:
            rejected.append(t(lang, "rejected_size", name=p.name, mb=p.stat().st_size / 2**20,
                              limit=max_mb))
        else:
            ok.append(p)
    return ok, rejected


def discard_uploads(paths) -> None:
    """Delete Gradio's temporary copies of uploaded files (and their per-upload folders):
    once ingested, the index holds what it needs, and nothing else may pile up on the
    server. Files outside Gradio's upload folder are never touched."""
    from gradio.utils import get_upload_folder
    root = Path(get_upload_folder()).resolve()
    for p in map(Path, paths or []):
        try:
            p = p.resolve()
            if root not in p.parents:
                continue
            p.unlink(missing_ok=True)
            if p.parent != root and not any(p.parent.iterdir()):
                p.parent.rmdir()
        except OSError as e:
            log.warning("could not delete the upload %s: %s", p, e)


def status_markdown(api, lang: str) -> str:
    st = api.status()
    if not st.get("exists"):
        return t(lang, "status_missing", name=st.get("name", ""))
    updated = str(st.get("updated") or "").replace("T", " ").split("+")[0]
    return t(lang, "status_text", name=st["name"], documents=st["documents"],
             chunks=st["chunks"], embedder=st["embedder"], updated=updated)


def doc_rows(api, lang: str = "zh") -> list[list]:
    from rag.ingest.profile import DocProfile
    return [[d["doc_id"], d.get("title") or "", DocProfile.from_dict(d.get("profile")).describe(),
             d.get("chunks", 0), Path(d.get("path") or "").name, flags_cell(d, lang)]
            for d in api.status().get("docs", [])]


def flags_cell(doc: dict, lang: str) -> str:
    """Planted instructions found at ingest (rag.ingest.instructions): kept as data, never answers."""
    n, title = int(doc.get("flagged") or 0), bool(doc.get("title_flagged"))
    if not n and not title:
        return ""
    return t(lang, "flags_cell", n=n) + (t(lang, "flags_title") if title else "")


def headers(lang: str) -> list[str]:
    return [t(lang, k) for k in ("col_id", "col_title", "col_profile", "col_chunks", "col_path", "col_flags")]


KIND_CHOICES = ["", "年鉴", "大事记", "政府工作报告", "讲话", "通知/文件", "other"]


def profile_fields(title, kind, place, year, period) -> dict:
    """The upload form's profile fields the user filled in (empty ones are inferred)."""
    out = {"title": (title or "").strip(), "kind": kind or "", "place": (place or "").strip(),
           "year": int(year) if year not in (None, "") else None, "period": (period or "").strip()}
    return {k: v for k, v in out.items() if v not in (None, "")}


def doc_choices(api, with_id: bool = False) -> list[tuple[str, str]]:
    """(label, doc_id) for every indexed document, for the filter and the removal list."""
    return [((d.get("title") or d["doc_id"]) + (f" ({d['doc_id']})" if with_id else ""), d["doc_id"])
            for d in api.status().get("docs", [])]


def build(api_for, texts, lang: str, lang_box, doc_filter) -> SimpleNamespace:
    """Lay out the documents tab inside the current Blocks context and wire its events.

    `api_for(request)` is the index API a handler acts through (see ui.chat.build)."""
    api = api_for()
    max_mb = api.settings.ui_max_upload_mb
    with gr.Row():
        with gr.Column(scale=1):
            files = texts.make(gr.File, {"label": "upload"}, file_count="multiple",
                               file_types=UPLOAD_TYPES, elem_id="upload")
            with texts.make(gr.Accordion, {"label": "profile_box"}, open=False,
                            elem_id="profile-box"):
                pf_title = texts.make(gr.Textbox, {"label": "pf_title"}, elem_id="pf-title")
                pf_kind = texts.make(gr.Dropdown, {"label": "pf_kind"}, choices=KIND_CHOICES,
                                     value="", elem_id="pf-kind")
                pf_place = texts.make(gr.Textbox, {"label": "pf_place"}, elem_id="pf-place")
                pf_year = texts.make(gr.Number, {"label": "pf_year"}, value=None, precision=0,
                                     elem_id="pf-year")
                pf_period = texts.make(gr.Textbox, {"label": "pf_period"}, elem_id="pf-period")
            ingest_btn = texts.make(gr.Button, {"value": "ingest"}, variant="primary",
                                    elem_id="ingest")
            # File names and titles shown here come from uploads: escaped, and no math.
            ingest_msg = gr.Markdown(elem_id="ingest-msg", label="message", show_label=False,
                                     latex_delimiters=[])
        with gr.Column(scale=2):
            status = gr.Markdown(status_markdown(api, lang), elem_id="index-status", label="status",
                                 show_label=False, latex_delimiters=[])
            # Cells are plain text ("str"), never markdown or HTML: titles come from documents.
            table = texts.make(gr.Dataframe, {"label": "doc_list"}, value=doc_rows(api, lang),
                               headers=headers(lang), interactive=False, elem_id="doc-table",
                               wrap=True, datatype="str", latex_delimiters=[])
            remove_sel = texts.make(gr.CheckboxGroup, {"label": "remove_select"},
                                    choices=doc_choices(api, with_id=True), elem_id="remove-select")
            with gr.Row():
                remove_btn = texts.make(gr.Button, {"value": "remove"}, variant="stop",
                                        elem_id="remove")
                refresh_btn = texts.make(gr.Button, {"value": "refresh"}, elem_id="refresh")

    def refreshed(lang_: str, request: gr.Request = None) -> tuple:
        api = api_for(request)
        return (status_markdown(api, lang_),
                gr.update(value=doc_rows(api, lang_), headers=headers(lang_)),
                gr.update(choices=doc_choices(api, with_id=True), value=[]),
                gr.update(choices=doc_choices(api)))

    def ingest(paths, lang_, title=None, kind=None, place=None, year=None, period=None,
               progress=gr.Progress(), request: gr.Request = None):
        """Index uploaded files; returns a message plus the refreshed lists."""
        api = api_for(request)
        if not paths:
            return (t(lang_, "ingest_none"), *refreshed(lang_, request), None)
        if isinstance(paths, str):
            paths = [paths]
        try:
            msg = ingest_checked(api, paths, lang_, progress,
                                 profile_fields(title, kind, place, year, period))
        finally:
            discard_uploads(paths)
        return (msg, *refreshed(lang_, request), None)

    def ingest_checked(api, paths, lang_, progress, profile) -> str:
        """The ingest message (markdown; every name in it from the upload is escaped)."""
        ok, lines = check_uploads(paths, max_mb, lang_)
        if ok:
            progress(0, desc=t(lang_, "ingest_loading"))

            def on_progress(done, total, rate=None):
                desc = t(lang_, "ingest_progress", done=done, total=total)
                if rate is not None and getattr(rate, "tokens_per_s", 0):
                    from rag.ingest.progress import format_eta
                    desc += t(lang_, "ingest_rate", rate=f"{rate.tokens_per_s:,.0f}",
                              eta=format_eta(rate.eta_s))
                progress((done, total), desc=desc)

            def on_step(step, done, total):      # "ocr": scanned pages, seconds each
                progress((done, total), desc=t(lang_, "ingest_ocr", done=done, total=total))

            try:
                result, report = api.ingest(ok, progress=on_progress, profile=profile, on_step=on_step)
            except Exception as e:       # e.g. an index built with another embedder
                raise shown(e, lang_, "ingest") from None
            lines += [t(lang_, "skipped", name=Path(s.path).name, reason=scrub_paths(s.reason))
                      for s in result.skipped]
            from rag.ingest.profile import DocProfile
            lines += [t(lang_, "profile_line", name=Path(d.document.path).name,
                        profile=DocProfile.from_dict(d.document.profile).describe())
                      for d in result.docs]
            lines.insert(0, t(lang_, "ingest_done", added=", ".join(report.added) or "—",
                              updated=", ".join(report.updated) or "—",
                              unchanged=", ".join(report.unchanged) or "—",
                              chunks=report.embedded_chunks))
        return "\n".join(f"- {md_text(x)}" for x in lines)

    def remove(ids, lang_, request: gr.Request = None):
        api = api_for(request)
        if not ids:
            return (t(lang_, "remove_none"), *refreshed(lang_, request))
        try:
            api.remove(ids)
        except Exception as e:
            raise shown(e, lang_, "remove") from None
        return (md_text(t(lang_, "removed", ids=", ".join(ids))), *refreshed(lang_, request))

    outs = [ingest_msg, status, table, remove_sel, doc_filter]
    # Index writes are serialized: one ingest or removal at a time across all sessions.
    # The file box is emptied after an ingest: its temporary copies are gone (discard_uploads).
    ingest_btn.click(ingest, [files, lang_box, pf_title, pf_kind, pf_place, pf_year, pf_period],
                     outs + [files], api_name="upload", concurrency_limit=1,
                     concurrency_id="index-write")
    remove_btn.click(remove, [remove_sel, lang_box], outs, api_name="remove", concurrency_limit=1,
                     concurrency_id="index-write")
    def refresh(lang_, request: gr.Request = None):
        return ("", *refreshed(lang_, request))

    refresh_btn.click(refresh, [lang_box], outs, api_name="refresh_documents")

    return SimpleNamespace(status=status, table=table, refreshed=refreshed,
                           relabel_outputs=[status, table, remove_sel, doc_filter])
