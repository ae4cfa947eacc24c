"""The Gradio app: `build_app(api)` lays out the tabs; `launch(settings)` serves them.

Per-user state (conversation, interface language) lives in the browser session — gr.State
and component values — never in module globals, so concurrent users never see each
other's conversations.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import gradio as gr

from ui import chat as chat_tab
from ui import documents as docs_tab
from ui.i18n import LANG_CHOICES, pick_lang, t
from ui.render import turn_record

# Queue workers shared by all sessions. Answering is mostly waiting on retrieval and the
# LLM; more workers than cores keeps a slow LLM call from blocking everyone else.
CONCURRENCY = 8
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


def build_app(api, lang: str = "zh") -> gr.Blocks:
    """The whole UI over one `rag.api.RAG`; `lang` is the language before the browser's is known."""
    texts = Texts(lang)
    with gr.Blocks(title="地方志问答 · Local records Q&A", analytics_enabled=False) as demo:
        with gr.Row(equal_height=True):
            texts.make(gr.Markdown, {"value": header}, elem_id="header")
            lang_box = gr.Radio(LANG_CHOICES, value=lang, label="界面语言 / Language",
                                elem_id="lang", scale=0, min_width=280)
        with gr.Tabs():
            with texts.make(gr.Tab, {"label": "tab_chat"}, id="chat", elem_id="tab-chat"):
                chat = chat_tab.build(api, texts, lang, lang_box)
            with texts.make(gr.Tab, {"label": "tab_docs"}, id="docs", elem_id="tab-docs"):
                docs = docs_tab.build(api, texts, lang, lang_box, chat.docs)

        nav_lang = gr.Textbox(visible=False)        # receives navigator.language on load

        def apply_lang(lang_, turns_):
            return (*texts.updates(lang_), *chat.relabel(lang_, turns_), *docs.refreshed(lang_))

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

        _api_endpoints(api)
    demo.queue(default_concurrency_limit=CONCURRENCY)
    return demo


def _api_endpoints(api) -> None:
    """Named endpoints for gradio_client: /ask and /status (plus /upload, /remove on the tab)."""

    def ask(question: str, history: list | None = None, docs: list | None = None,
            date_from: str | None = None, date_to: str | None = None, mode: str | None = None,
            k: int | None = None, llm: str | None = None) -> dict:
        """Answer a question; history is earlier turns as [[question, answer], ...] or
        [{"role", "content"}, ...]. Returns the answer, its citations and nearest passages."""
        answer = api.ask(question, history=history or None, llm=llm or None, docs=docs or None,
                         date_from=chat_tab.normalize_date(date_from),
                         date_to=chat_tab.normalize_date(date_to, end=True),
                         mode=mode or None, k=int(k) if k else None)
        return turn_record(answer)

    def status() -> dict:
        """The index status: documents, chunks, embedder, last update and the document list.

        Server paths are cut to file names under "source": they are nobody's business, and
        gradio_client takes any dict with a "path" key for a file to download."""
        st = api.status()
        st["docs"] = [{**{k: v for k, v in d.items() if k != "path"},
                       "source": Path(d.get("path") or "").name} for d in st.get("docs", [])]
        return st

    gr.api(ask, api_name="ask")
    gr.api(status, api_name="status")


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """"user:password" -> (user, password); the password may itself contain ":"."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("RAG_UI_AUTH must look like user:password")
    return user, password


def launch(settings, api=None, **launch_kwargs):
    """Serve the UI on settings.ui_host:ui_port (127.0.0.1 unless told otherwise).

    Builds the index from the bundled corpus first when there is none, so a fresh checkout
    answers questions straight away. Extra keyword arguments go to `gr.Blocks.launch`.
    """
    from rag.api import RAG
    api = api or RAG(settings)
    if not api.status().get("exists"):
        print(f"no index '{settings.index}' yet: building it from {settings.corpus_dir} ...")
        api.ensure_index()
    demo = build_app(api)
    kwargs = dict(server_name=settings.ui_host, server_port=settings.ui_port,
                  auth=parse_auth(settings.ui_auth), max_file_size=f"{settings.ui_max_upload_mb}mb",
                  show_error=True, footer_links=["api"])
    kwargs.update(launch_kwargs)
    demo.launch(**kwargs)
    return demo
