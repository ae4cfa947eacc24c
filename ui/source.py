"""The "原文 / Source" panel: a citation card's button opens the cited PDF page as an image
with the quote highlighted, or the document's text scrolled to the passage, with a
download of the original file.

Everything travels inside the page as data: URLs (the PNG, the original file), so no server
path or file URL ever reaches the browser. Document text is escaped (it is data).
"""
from __future__ import annotations

import base64
import mimetypes
from html import escape

import gradio as gr

from ui.i18n import t

# Originals larger than this are not offered inline as a download (a data: URL is built in
# the browser's memory); the page view still works.
DOWNLOAD_MAX_MB = 25

SOURCE_CSS = """
.src-view .src-head { display: flex; gap: 0.8em; align-items: baseline; flex-wrap: wrap; }
.src-view .src-title { font-weight: 600; }
.src-view .src-note { opacity: 0.75; font-size: 0.9em; }
.src-view img.src-page { max-width: 100%; border: 1px solid #ddd; margin-top: 0.4em; }
.src-view pre.src-text { white-space: pre-wrap; max-height: 520px; overflow: auto;
  border: 1px solid #ddd; padding: 0.6em; line-height: 1.6; font-family: inherit; }
.src-view mark.src-mark { background: #fde68a; color: inherit; }
"""

# A card's source button sends its citation to the server as the sources panel's click
# event; the data attributes hold the doc id, page and quote (escaped when rendered).
SOURCE_CLICK_JS = """
if (!element.__ragSourceClicks) {
  element.__ragSourceClicks = true;
  element.addEventListener('click', function (ev) {
    const b = ev.target.closest && ev.target.closest('button.cite-source');
    if (!b) return;
    ev.preventDefault();
    trigger('click', {doc: b.dataset.doc || '', page: b.dataset.page || '',
                      quote: b.dataset.quote || ''});
  });
}
"""
# brings the highlighted passage of a text view into sight once it renders
SCROLL_JS = """
() => { setTimeout(function () {
  const m = document.querySelector('#source-view mark.src-mark');
  if (m) m.scrollIntoView({block: 'center'});
  const v = document.getElementById('source-view');
  if (v) v.scrollIntoView({block: 'start'});
}, 50); }
"""


def doc_id_of(citation: dict) -> str:
    """The document of a citation: chunk ids are "<doc_id>:p<para>[.<part>]"."""
    return str(citation.get("id") or "").rsplit(":", 1)[0]


def source_button(citation: dict, lang: str) -> str:
    page = citation.get("page")
    page = str(page) if isinstance(page, int) and not isinstance(page, bool) else ""
    return (f'<button type="button" class="cite-source" data-doc="{escape(doc_id_of(citation))}" '
            f'data-page="{page}" data-quote="{escape(citation.get("quote") or "")}">'
            f'{escape(t(lang, "source_open"))}</button>')


def _download(api, view, lang: str) -> str:
    if not view.original:
        return f'<span class="src-note">{escape(t(lang, "source_no_original"))}</span>'
    path = api.original(view.doc_id)
    if path is None:
        return f'<span class="src-note">{escape(t(lang, "source_no_original"))}</span>'
    size = path.stat().st_size
    if size > DOWNLOAD_MAX_MB * 2**20:
        return f'<span class="src-note">{escape(t(lang, "source_too_big", mb=DOWNLOAD_MAX_MB))}</span>'
    mime = mimetypes.guess_type(view.file_name)[0] or "application/octet-stream"
    data = base64.b64encode(path.read_bytes()).decode()
    return (f'<a class="src-download" download="{escape(view.file_name)}" '
            f'href="data:{mime};base64,{data}">{escape(t(lang, "source_download"))}</a>')


def view_html(api, view, lang: str) -> str:
    """The panel's HTML for a rag.source.SourceView."""
    head = [f'<span class="src-title">{escape(view.title or view.file_name)}</span>']
    if view.page:
        head.append(f'<span class="src-note">{escape(t(lang, "page", n=view.page))}'
                    f' / {view.pages}</span>')
    head.append(_download(api, view, lang))
    parts = [f'<div class="src-head">{"".join(head)}</div>']
    if view.png:
        img = base64.b64encode(view.png).decode()
        parts.append(f'<img class="src-page" alt="{escape(t(lang, "source_page_alt"))}" '
                     f'src="data:image/png;base64,{img}">')
    else:
        text = view.text or ""
        if view.start is not None and view.end is not None:
            body = (escape(text[:view.start]) + '<mark class="src-mark">'
                    + escape(text[view.start:view.end]) + "</mark>" + escape(text[view.end:]))
        else:
            parts.append(f'<div class="src-note">{escape(t(lang, "source_not_found"))}</div>')
            body = escape(text)
        parts.append(f'<pre class="src-text">{body}</pre>')
    return f'<div class="src-view">{"".join(parts)}</div>'


def open_source(api, doc_id: str, page, quote: str | None, lang: str) -> str:
    """The panel for one citation, through the handler's (permission-checked) API."""
    try:
        n = int(page) if str(page or "").isdigit() else None
        view = api.source(doc_id, page=n, quote=quote or None)
    except KeyError:
        raise gr.Error(t(lang, "source_unknown")) from None
    except ValueError as e:
        raise gr.Error(escape(str(e))) from None
    return view_html(api, view, lang)


def build(api_for, lang_box, sources) -> gr.HTML:
    """The panel under the sources, filled by a card's source button."""
    panel = gr.HTML("", elem_id="source-view", css_template=SOURCE_CSS, padding=True,
                    js_on_load=None, label="source")

    def on_click(lang_, evt: gr.EventData, request: gr.Request = None):
        data = getattr(evt, "_data", None) or {}
        if not data.get("doc"):
            return gr.skip()
        return open_source(api_for(request), data["doc"], data.get("page"), data.get("quote"),
                           lang_)

    sources.click(on_click, [lang_box], [panel], api_visibility="private",
                  show_progress="minimal").then(None, js=SCROLL_JS)
    return panel


def source_dict(api, doc_id: str, page=None, quote: str | None = None) -> dict:
    """The /source endpoint's reply (rag.source.SourceView.to_dict: no server path in it)."""
    try:
        return api.source(doc_id, page=int(page) if page else None, quote=quote or None).to_dict()
    except KeyError:
        raise gr.Error(f"no document {doc_id!r} in this index") from None
    except ValueError as e:
        raise gr.Error(str(e)) from None


def original_dict(api, doc_id: str) -> dict:
    """The /original endpoint's reply: the file's name and bytes (base64)."""
    path = api.original(doc_id)
    if path is None:
        raise gr.Error(f"the original of {doc_id!r} is not kept in this index")
    from pathlib import Path

    from ui.access import document_of
    doc = document_of(api, doc_id) or {}         # the name it was ingested under
    return {"doc_id": doc_id, "file_name": Path(doc.get("path") or "").name,
            "data_base64": base64.b64encode(path.read_bytes()).decode()}
