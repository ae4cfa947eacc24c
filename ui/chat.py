"""The chat tab: streamed, cited answers with per-session memory, filters and settings."""
from __future__ import annotations

import calendar
import logging
import re
import time
from html import escape
from types import SimpleNamespace

import gradio as gr

from ui.documents import doc_choices
from ui.errors import user_message
from ui.i18n import reason, t
from ui import source as source_panel
from ui.render import CLICK_JS, SOURCES_CSS, chat_messages, sources_html, turn_record
from ui.source import SOURCE_CLICK_JS

log = logging.getLogger(__name__)
EXAMPLES = [
    "市长对高标准农田建设提出了什么要求？",
    "What did the mayor require about high-standard farmland?",
    "3月4日长葛市委书记尹俊营主持召开了什么会议？",
    "那市长呢？",
]
MODES = ["hybrid", "dense", "bm25"]
# Seconds between streamed updates of the answer bubble. An LLM's tokens still flow (a
# handful per update); an extractive answer, whose pieces come in one burst, costs two
# updates instead of one per piece. Each update is a full Chatbot postprocess, diff and
# SSE message: under 20 sessions one update per piece cost 107-118 ms of server CPU per
# answer, 89-99 ms coalesced (benchmarks/load_bench.py).
STREAM_EVERY = 0.05


class BadDate(ValueError):
    """A date filter that is not a date; its message is the value as given."""


_DATE = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?\s*$")


def normalize_date(value: str | None, end: bool = False) -> str | None:
    """"2020", "2020-3", "2020/3/4" or "2020年3月4日" -> ISO; a partial date widens to its
    first day (from) or last day (to). Raises BadDate (a ValueError) on anything else."""
    if not value or not str(value).strip():
        return None
    m = _DATE.match(str(value))
    if not m:
        raise BadDate(value)
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    mo = int(mo) if mo else (12 if end else 1)
    if not 1 <= mo <= 12:
        raise BadDate(value)
    last = calendar.monthrange(y, mo)[1]
    d = int(d) if d else (last if end else 1)
    if not 1 <= d <= last:
        raise BadDate(value)
    return f"{y:04d}-{mo:02d}-{d:02d}"


def history_for(turns: list[dict]) -> list[dict]:
    """Prior turns as chat messages for api.stream; the user side is the rewritten question,
    so a chain of follow-ups keeps its subject."""
    msgs = []
    for rec in turns:
        msgs.append({"role": "user", "content": rec.get("standalone_question") or rec["question"]})
        msgs.append({"role": "assistant", "content": rec["answer"]})
    return msgs


def answerer_choices(api) -> tuple[list[str], str, dict[str, tuple[bool, str]]]:
    """(names offered, default, {name: (ok, reason)}) from rag.answer.available_answerers."""
    from rag.answer import available_answerers
    avail = available_answerers(api.settings)
    names = ["auto"] + [n for n, (ok, _) in avail.items() if ok]
    default = api.settings.llm or "auto"
    if default not in names:
        base = default.partition(":")[0]
        if avail.get(base, (False, ""))[0]:
            names.append(default)
        else:
            default = "auto"
    return names, default, avail


def reasons_markdown(avail: dict[str, tuple[bool, str]], lang: str) -> str:
    bad = [(n, why) for n, (ok, why) in avail.items() if not ok]
    if not bad:
        return ""
    lines = [f"**{t(lang, 'unavailable')}**"]
    lines += [f"- `{n}`: {reason(lang, why)}" for n, why in bad]
    return "\n".join(lines)


def build(api_for, texts, lang: str, lang_box) -> SimpleNamespace:
    """Lay out the chat tab inside the current Blocks context and wire its events.

    `api_for(request)` is the index API a handler acts through (ui.access: the user's chosen
    index, permission-checked); `api_for()` is the one the page is built with."""
    api = api_for()
    names, default_llm, avail = answerer_choices(api)
    s = api.settings
    turns = gr.State([])
    with gr.Row():
        with gr.Column(scale=3):
            # No math: KaTeX runs over the rendered text, where no escaping can stop a
            # document's "$$…$$"; sanitize_html stays on behind render.md_text's escaping.
            chatbot = texts.make(gr.Chatbot, {"label": "chatbot"}, height=460, elem_id="chatbot",
                                 feedback_options=None, buttons=["copy"], latex_delimiters=[],
                                 sanitize_html=True)
            with gr.Row():
                msg = texts.make(gr.Textbox, {"label": "question", "placeholder": "question_ph"},
                                 scale=5, elem_id="question", show_label=False, autofocus=True,
                                 lines=1, max_lines=4)
                send = texts.make(gr.Button, {"value": "send"}, variant="primary", scale=1,
                                  elem_id="send", min_width=80)
                reset = texts.make(gr.Button, {"value": "reset"}, scale=1, elem_id="reset",
                                   min_width=150)
            examples = texts.make(gr.Dataset, {"label": "examples"}, components=[msg],
                                  samples=[[q] for q in EXAMPLES], elem_id="examples")
            sources = gr.HTML(sources_html([], lang), elem_id="sources", css_template=SOURCES_CSS,
                              js_on_load=CLICK_JS + SOURCE_CLICK_JS, padding=True,
                              label="sources")
            source_panel.build(api_for, lang_box, sources)
        with gr.Column(scale=1, min_width=260):
            with texts.make(gr.Accordion, {"label": "filters"}, open=True):
                docs = texts.make(gr.Dropdown, {"label": "filter_docs"}, choices=doc_choices(api),
                                  multiselect=True, value=[], elem_id="filter-docs")
                with gr.Row():
                    date_from = texts.make(gr.Textbox, {"label": "date_from", "placeholder": "date_ph"},
                                           elem_id="date-from", max_lines=1, value="")
                    date_to = texts.make(gr.Textbox, {"label": "date_to", "placeholder": "date_ph"},
                                         elem_id="date-to", max_lines=1, value="")
                mode = texts.make(gr.Radio, {"label": "mode"}, choices=MODES, elem_id="mode",
                                  value=s.mode if s.mode in MODES else "hybrid")
                k = texts.make(gr.Slider, {"label": "k"}, minimum=1, maximum=20, value=s.k, step=1,
                               elem_id="k")
                llm = texts.make(gr.Dropdown, {"label": "answerer"}, choices=names,
                                 value=default_llm, elem_id="answerer")
                reasons = gr.Markdown(reasons_markdown(avail, lang), elem_id="answerer-reasons",
                                      label="reasons", show_label=False)

    def respond(message, turns_, docs_, dfrom, dto, mode_, k_, llm_, lang_,
                request: gr.Request = None):
        api = api_for(request)
        message = (message or "").strip()
        turns_ = list(turns_ or [])
        if not message:
            yield chat_messages(turns_), turns_, gr.skip(), gr.skip()
            return
        try:
            filters = {"date_from": normalize_date(dfrom), "date_to": normalize_date(dto, end=True)}
        except ValueError as e:
            gr.Warning(escape(t(lang_, "bad_date", value=str(e))))     # toasts render HTML
            yield chat_messages(turns_), turns_, gr.skip(), gr.skip()
            return
        if not api.status().get("exists"):
            gr.Warning(t(lang_, "no_index"))
            yield chat_messages(turns_), turns_, gr.skip(), gr.skip()
            return
        partial, shown_at = "", 0.0
        # The conversation state is sent once, with the answer: Gradio copies and diffs
        # every output of every update, and the state does not change while streaming.
        yield chat_messages(turns_, (message, partial)), gr.skip(), gr.skip(), ""
        try:
            for ev in api.stream(message, history=history_for(turns_), llm=llm_ or None,
                                 docs=docs_ or None, mode=mode_ or None, k=int(k_) if k_ else None,
                                 **filters):
                if ev["type"] == "token":
                    partial += ev["text"]
                    if time.monotonic() - shown_at >= STREAM_EVERY:
                        shown_at = time.monotonic()
                        yield chat_messages(turns_, (message, partial)), gr.skip(), gr.skip(), \
                            gr.skip()
                elif ev["type"] == "reset":         # the model failed mid-answer: start over
                    partial = ""
                elif ev["type"] == "answer":
                    turns_ = turns_ + [turn_record(ev["answer"])]
        except gr.Error:
            raise
        except Exception as e:       # a sentence for the user, the detail for the log
            note = user_message(e, lang_, "answer")
            gr.Warning(escape(note))
            yield chat_messages(turns_, (message, note)), turns_, gr.skip(), gr.skip()
            return
        yield chat_messages(turns_), turns_, sources_html(turns_, lang_), gr.skip()

    inputs = [msg, turns, docs, date_from, date_to, mode, k, llm, lang_box]
    outputs = [chatbot, turns, sources, msg]
    common = dict(fn=respond, inputs=inputs, outputs=outputs, api_visibility="private",
                  show_progress="minimal")
    # /chat streams like the page does and keeps the conversation in the client's session.
    msg.submit(**{**common, "api_visibility": "public"}, api_name="chat")
    send.click(**common)
    examples.click(lambda sample: sample[0], examples, msg, queue=False,
                   api_visibility="private").then(**common)

    def clear(lang_):
        return [], [], sources_html([], lang_), ""

    reset.click(clear, [lang_box], [chatbot, turns, sources, msg], queue=False,
                api_visibility="private")
    # The Chatbot's own trash button clears the display; forget the conversation with it.
    chatbot.clear(clear, [lang_box], [chatbot, turns, sources, msg], queue=False,
                  api_visibility="private")

    def relabel(lang_, turns_):
        _, _, avail_ = answerer_choices(api)
        return sources_html(turns_ or [], lang_), reasons_markdown(avail_, lang_)

    return SimpleNamespace(chatbot=chatbot, msg=msg, turns=turns, sources=sources, docs=docs,
                           reasons=reasons, relabel=relabel,
                           relabel_outputs=[sources, reasons])
