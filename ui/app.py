"""The Gradio app: `build_app(api)` lays out the tabs; `launch(settings)` serves them.

Per-user state (conversation, interface language) lives in the browser session — gr.State
and component values — never in module globals, so concurrent users never see each
other's conversations.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import gradio as gr

from ui import chat as chat_tab
from ui import documents as docs_tab
from ui import evaluate as eval_tab
from ui.access import ClientAddress, OpenAccess, access_for, document_of
from ui.errors import api_errors
from ui.i18n import LANG_CHOICES, pick_lang, t
from ui.render import turn_record

# Queue workers shared by all sessions. Answering is mostly waiting on retrieval and the
# LLM; more workers than cores keeps a slow LLM call from blocking everyone else.
# Extractive answers are CPU-bound, yet 2 workers did no better than 8 under 20 sessions
# (benchmarks/load_bench.py: the same p50 and server CPU per answer), so 8 serves both.
CONCURRENCY = 8
# Gradio's temporary files (uploads not yet ingested, e.g. from an abandoned page) are
# swept every 15 minutes once an hour old; ingested uploads are deleted at once.
DELETE_CACHE = (900, 3600)
BROWSER_LANG_JS = "() => (navigator.languages && navigator.languages[0]) || navigator.language || ''"


class Texts:
    """Components whose labels follow the interface language.

    `make(gr.Button, {"value": "send"}, ...)` builds a component with its strings in the
    build-time language and remembers which of its properties to re-translate later.
    """

    def __init__(self, lang: str):
        self.lang = lang
        self.items: list[tuple[gr.components.Component, dict[str, str | Callable]]] = []

    @staticmethod
    def _resolve(lang: str, keys: dict) -> dict:
        return {attr: key(lang) if callable(key) else t(lang, key) for attr, key in keys.items()}

    def make(self, cls, keys: dict, **kwargs):
        comp = cls(**self._resolve(self.lang, keys), **kwargs)
        self.items.append((comp, keys))
        return comp

    @property
    def components(self) -> list:
        return [c for c, _ in self.items]

    def updates(self, lang: str) -> list:
        return [gr.update(**self._resolve(lang, keys)) for _, keys in self.items]


def header(lang: str) -> str:
    return f"## {t(lang, 'title')}\n{t(lang, 'subtitle')}"


def build_app(api, lang: str = "zh", access=None) -> gr.Blocks:
    """The whole UI over one `rag.api.RAG`, or over the indexes `access` (ui.access.Access)
    lets each logged-in user see; `lang` is the language before the browser's is known."""
    texts = Texts(lang)
    access = access or OpenAccess(api)
    with gr.Blocks(title="地方志问答 · Local records Q&A", analytics_enabled=False,
                   delete_cache=DELETE_CACHE) as demo:
        with gr.Row(equal_height=True):
            texts.make(gr.Markdown, {"value": header}, elem_id="header")
            # Filled per user on load; shown when the user may use more than one index.
            index_box = gr.Dropdown([], label="知识库 / Index", elem_id="index-select",
                                    visible=False, scale=0, min_width=200,
                                    allow_custom_value=True)
            lang_box = gr.Radio(LANG_CHOICES, value=lang, label="界面语言 / Language",
                                elem_id="lang", scale=0, min_width=280)
        with gr.Tabs() as tabs:
            with texts.make(gr.Tab, {"label": "tab_chat"}, id="chat", elem_id="tab-chat"):
                chat = chat_tab.build(access.api_for, texts, lang, lang_box)
            with texts.make(gr.Tab, {"label": "tab_docs"}, id="docs", elem_id="tab-docs"):
                docs = docs_tab.build(access.api_for, texts, lang, lang_box, chat.docs)
            with texts.make(gr.Tab, {"label": "tab_eval"}, id="eval", elem_id="tab-eval") as tab_eval:
                eval_tab.build(access.api_for, texts, lang, lang_box, chat=chat, tabs=tabs,
                               tab=tab_eval)

        nav_lang = gr.Textbox(visible=False)        # receives navigator.language on load

        def apply_lang(lang_, turns_, request: gr.Request = None):
            return (*texts.updates(lang_), *chat.relabel(lang_, turns_),
                    *docs.refreshed(lang_, request))

        relabel_outputs = texts.components + chat.relabel_outputs + docs.relabel_outputs

        def browser_lang(nav_lang: str, request: gr.Request):
            accept = request.headers.get("accept-language") if request else None
            return pick_lang(nav_lang, accept)

        # The browser's language picks the default; the radio overrides it per session.
        demo.load(browser_lang, [nav_lang], [lang_box], js=BROWSER_LANG_JS, queue=False,
                  api_visibility="private").then(
            apply_lang, [lang_box, chat.turns], relabel_outputs, api_visibility="private")
        lang_box.input(apply_lang, [lang_box, chat.turns], relabel_outputs,
                       api_visibility="private")

        _index_choice(demo, access, index_box, chat, docs, lang_box)
        _api_endpoints(access)
        eval_tab.register_api(access)
    demo.queue(default_concurrency_limit=CONCURRENCY)
    return demo


def _api_endpoints(access) -> None:
    """Named endpoints for gradio_client: /ask, /status, /download, /source, /original,
    /indexes, /select_index
    (plus /upload, /remove on the documents tab). `index` defaults to the session's index;
    every call is checked against the logged-in user's permissions (ui.access)."""

    @api_errors("ask")
    def ask(question: str, history: list | None = None, docs: list | None = None,
            date_from: str | None = None, date_to: str | None = None, mode: str | None = None,
            k: int | None = None, llm: str | None = None, index: str | None = None,
            request: gr.Request = None) -> dict:
        """Answer a question; history is earlier turns as [[question, answer], ...] or
        [{"role", "content"}, ...]. Returns the answer, its citations and nearest passages."""
        api = access.api_for(request, index or None)
        answer = api.ask(question, history=history or None, llm=llm or None, docs=docs or None,
                         date_from=chat_tab.normalize_date(date_from),
                         date_to=chat_tab.normalize_date(date_to, end=True),
                         mode=mode or None, k=int(k) if k else None)
        return turn_record(answer)

    def status(index: str | None = None, request: gr.Request = None) -> dict:
        """The index status: documents, chunks, embedder, last update and the document list.

        Server paths are cut to file names under "source": they are nobody's business, and
        gradio_client takes any dict with a "path" key for a file to download."""
        st = access.api_for(request, index or None).status()
        st["docs"] = [{**{k: v for k, v in d.items() if k != "path"},
                       "source": Path(d.get("path") or "").name} for d in st.get("docs", [])]
        return st

    def download(doc_id: str, index: str | None = None, request: gr.Request = None) -> dict:
        """One document's indexed text: {"doc_id", "title", "source", "text"}."""
        doc = document_of(access.api_for(request, index or None), doc_id)
        if doc is None:
            raise gr.Error(f"no document {doc_id!r} in this index")
        return {"doc_id": doc["doc_id"], "title": doc.get("title") or "",
                "source": Path(doc.get("path") or "").name, "text": doc.get("text") or ""}

    def source(doc_id: str, page: int | None = None, quote: str | None = None,
               index: str | None = None, request: gr.Request = None) -> dict:
        """A citation's source: {"doc_id", "title", "file_name", "original", "page", "pages",
        "png_base64" (a PDF's page, quote highlighted), "boxes", "text", "start", "end"}."""
        from ui.source import source_dict
        return source_dict(access.api_for(request, index or None), doc_id, page, quote)

    def original(doc_id: str, index: str | None = None, request: gr.Request = None) -> dict:
        """The kept original file: {"doc_id", "file_name", "data_base64"}."""
        from ui.source import original_dict
        return original_dict(access.api_for(request, index or None), doc_id)

    def indexes(request: gr.Request = None) -> dict:
        """The indexes the logged-in user may use, and the session's current one."""
        return {"indexes": access.indexes(request), "current": access.current(request)}

    def select_index(index: str, request: gr.Request = None) -> str:
        """Make `index` the session's index (for /upload, /remove and the chat)."""
        return access.select(request, index)

    gr.api(ask, api_name="ask")
    gr.api(status, api_name="status")
    gr.api(download, api_name="download")
    gr.api(source, api_name="source")
    gr.api(original, api_name="original")
    gr.api(indexes, api_name="indexes")
    gr.api(select_index, api_name="select_index")


def _index_choice(demo, access, index_box, chat, docs, lang_box) -> None:
    """The index dropdown: filled on load with the user's indexes; choosing one (checked
    on the server) refreshes the documents tab and starts a new conversation."""
    from ui.render import sources_html
    if not access.accounts_mode:
        return

    def fill(request: gr.Request = None):
        names = access.indexes(request)
        return gr.update(choices=names, value=access.current(request), visible=len(names) > 1)

    def choose(name, lang_, request: gr.Request = None):
        access.select(request, name)
        return ([], [], sources_html([], lang_), "", *docs.refreshed(lang_, request))

    demo.load(fill, None, [index_box], api_visibility="private")
    index_box.input(choose, [index_box, lang_box],
                    [chat.chatbot, chat.turns, chat.sources, chat.msg, *docs.relabel_outputs],
                    api_visibility="private")


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """"user:password" -> (user, password); the password may itself contain ":"."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("RAG_UI_AUTH must look like user:password")
    return user, password


def one_thread_per_call() -> None:
    """OpenMP (FAISS, the e5 engine) on one thread per call unless OMP_NUM_THREADS says
    otherwise; effective only before the first of them loads, so launch() calls it first.

    A server answers many requests at once: its parallelism is across requests. Two OpenMP
    threads per query embedding spin-wait for a core the other requests hold; on 2 busy
    cores an embedding took 112 ms (median, max 1.7 s) instead of 26 ms on one thread, and
    the server's CPU per answer under 20 sessions fell from 126 to 103 ms
    (benchmarks/load_bench.py). Ingesting from the UI embeds on one core too."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def launch(settings, api=None, **launch_kwargs):
    """Serve the UI on settings.ui_host:ui_port (127.0.0.1 unless told otherwise).

    Builds the index from the bundled corpus first when there is none, so a fresh checkout
    answers questions straight away. With accounts (`rag users add`) users log in with their
    own passwords and see their departments' indexes; RAG_UI_AUTH is then ignored, and no
    index is built (the admin decides what each department gets). Extra keyword arguments
    go to `gr.Blocks.launch`.
    """
    one_thread_per_call()
    from rag.api import RAG
    api = api or RAG(settings)
    access = access_for(settings, api)
    auth, app_kwargs = parse_auth(settings.ui_auth), {}
    if access.accounts_mode:
        from starlette.middleware import Middleware
        if auth:
            print(f"accounts in {access.accounts.path}: RAG_UI_AUTH is ignored")
        auth = access.gradio_auth()
        app_kwargs = {"middleware": [Middleware(ClientAddress)]}
    elif not api.status().get("exists"):
        print(f"no index '{settings.index}' yet: building it from {settings.corpus_dir} ...")
        api.ensure_index()
    from rag import workers
    workers.start_for(settings)     # extractive answers on every core (README "Load")
    demo = build_app(api, access=access)
    # show_error=False: an exception no handler translated (ui.errors) reaches the browser as
    # a bare "Error", never its text; gr.Error messages, which are ours, are still shown.
    kwargs = dict(server_name=settings.ui_host, server_port=settings.ui_port,
                  auth=auth, max_file_size=f"{settings.ui_max_upload_mb}mb",
                  show_error=False, footer_links=["api"], app_kwargs=app_kwargs)
    kwargs.update(launch_kwargs)
    demo.launch(**kwargs)
    return demo
