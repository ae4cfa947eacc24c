"""The evaluation tab: pick a set and configurations, run in the background, read the report;
draft a set from the index's own documents and review it (accept, edit, reject).

A thin layer over rag.eval (jobs, draft, importer, report): a run is a background job kept in
`<index folder>/eval/runs/`, the page remembers its id in the browser (gr.BrowserState) and
polls its status, so the bar survives a reload. Every handler goes through `api_for(request,
index)` and checks the index with `status()` first, so a user only evaluates indexes they may see.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from types import SimpleNamespace

import gradio as gr

from rag.eval.definitions import meaning
from ui.i18n import t

CONFIGS = ["default", "dense", "bm25", "naive-langchain"]
POLL_SECONDS = 2
# (report row label, metrics key) of the headline table
HEADLINE = [("hit@5", "hit@5"), ("hit@5 lenient", "hit@5_lenient"), ("MRR@10", "mrr@10"),
            ("citation precision", "citation_precision"), ("citation recall", "citation_recall"),
            ("keyword recall", "keyword_recall"), ("faithfulness", "faithfulness")]
DRAFT_COLS = ["status", "id", "kind", "question", "gold_quotes", "answer_keywords"]


def _store(api):
    from rag.eval.jobs import EvalStore
    api.status()                         # permission check (ui.access.Guarded) before any file
    return EvalStore(api.settings.index_path)


def set_choices(api) -> list[tuple[str, str]]:
    """(label, value) of the sets a user can run: bundled ones, then this index's saved ones."""
    from rag.eval.jobs import bundled_sets
    out = [(f"{p.parent.name}/{p.stem}", f"bundled:{p.parent.name}/{p.name}") for p in bundled_sets()]
    out += [(f"saved: {p.stem}", f"saved:{p.name}") for p in _store(api).sets()]
    return out


def resolve_set(api, choice: str | None, upload: str | None) -> tuple[Path, str]:
    """The set file to run: an upload wins over the dropdown."""
    from rag.eval.jobs import bundled_sets
    from rag.eval.runner import EvalError
    if upload:
        return Path(upload), Path(upload).stem
    kind, _, name = (choice or "").partition(":")
    if kind == "bundled":
        for p in bundled_sets():
            if f"{p.parent.name}/{p.name}" == name:
                return p, f"{p.parent.name}/{p.stem}"
    if kind == "saved":
        for p in _store(api).sets():
            if p.name == name:
                return p, p.stem
    raise EvalError(f"pick a set or upload one (JSONL, CSV or XLSX): {choice!r} is not available")


def progress_html(status: dict | None, lang: str) -> str:
    if not status:
        return f"<div id='eval-progress'>{escape(t(lang, 'eval_idle'))}</div>"
    done, total = int(status.get("done") or 0), max(1, int(status.get("total") or 1))
    pct = 100 * done / total
    state = status.get("state")
    label = {"running": t(lang, "eval_running", done=done, total=total,
                          config=status.get("current") or ""),
             "done": t(lang, "eval_done", n=status.get("n", 0)),
             "failed": t(lang, "eval_failed", error=status.get("error") or "")}.get(state, state)
    return (f"<div id='eval-progress' data-state='{escape(str(state))}'>"
            f"<div style='background:#eee;border-radius:4px;height:14px'>"
            f"<div style='background:#4e79a7;width:{pct:.0f}%;height:14px;border-radius:4px'></div></div>"
            f"<p>{escape(label)}</p></div>")


def report_markdown(report: dict | None, lang: str) -> str:
    """Headline figures with a one-line meaning each, then hit@5 by question type and language."""
    if not report:
        return ""
    names = list(report["configs"])
    lines = [f"### {t(lang, 'eval_headline')} — {report['n']} {t(lang, 'eval_questions')}", "",
             "| " + " | ".join([t(lang, "eval_metric"), *names, t(lang, "eval_meaning")]) + " |",
             "|" + "---|" * (len(names) + 2)]
    for label, key in HEADLINE:
        vals = [report["configs"][n]["metrics"].get(key) for n in names]
        lines.append("| " + " | ".join([label, *("–" if v is None else f"{v:.3f}" for v in vals),
                                         meaning(label)]) + " |")
    for n in names:
        ab = report["configs"][n]["metrics"].get("abstention") or {}
        if ab.get("precision") is not None or ab.get("recall") is not None:
            p, r = ab.get("precision"), ab.get("recall")
            lines.append(f"| abstention P / R ({n}) | " + " | ".join(
                [f"{'–' if p is None else f'{p:.2f}'} / {'–' if r is None else f'{r:.2f}'}"]
                + [""] * (len(names) - 1)) + f" | {meaning('abstention precision')} |")
    for group, title in (("by_type", t(lang, "eval_by_type")), ("by_lang", t(lang, "eval_by_lang"))):
        values = list(dict.fromkeys(v for n in names for v in report["configs"][n][group]))
        lines += ["", f"#### {title} (hit@5)", "", "| | n | " + " | ".join(names) + " |",
                  "|---|---|" + "---|" * len(names)]
        for v in values:
            first = report["configs"][names[0]][group].get(v, {})
            cells = [report["configs"][n][group].get(v, {}).get("hit@5") for n in names]
            lines.append(f"| {v} | {first.get('n', '')} | " +
                         " | ".join("–" if c is None else f"{c:.3f}" for c in cells) + " |")
    return "\n".join(lines)


def report_chart(report: dict | None) -> str:
    if not report:
        return ""
    from rag.eval.report import bar_chart
    names = list(report["configs"])
    keys = [(label, key) for label, key in HEADLINE
            if any(report["configs"][n]["metrics"].get(key) is not None for n in names)]
    return bar_chart([label for label, _ in keys],
                     {n: [report["configs"][n]["metrics"].get(k) for _, k in keys] for n in names},
                     "")


def failed_rows(report: dict | None) -> list[list[str]]:
    """[config, id, question, gold quote, top passage] for failed questions (rag.eval.report)."""
    if not report:
        return []
    from rag.eval.report import failures
    out = []
    for name, cfg in report["configs"].items():
        for why, r in failures(cfg["rows"]):
            out.append([name, r["id"], r["question"], " | ".join(r.get("gold_quotes") or []) or why,
                        (r.get("top3") or [""])[0][:200]])
    return out


def compare_html(row: list[str] | None, report: dict | None, lang: str) -> str:
    """A failed question's gold quote beside what was retrieved (its top 3 passages)."""
    if not row or not report:
        return ""
    name, qid = row[0], row[1]
    r = next((x for x in report["configs"].get(name, {}).get("rows", []) if x["id"] == qid), None)
    if r is None:
        return ""
    gold = "".join(f"<li>{escape(g)}</li>" for g in r.get("gold_quotes") or []) or "<li>–</li>"
    got = "".join(f"<li>{escape(p)}</li>" for p in r.get("top3") or [])
    answer = escape(r.get("answer") or "")
    return (f"<div id='eval-compare'><p><b>{escape(r['question'])}</b></p>"
            f"<div style='display:flex;gap:1em'><div style='flex:1'><b>{escape(t(lang, 'eval_gold'))}</b>"
            f"<ol>{gold}</ol></div><div style='flex:2'><b>{escape(t(lang, 'eval_retrieved'))}</b>"
            f"<ol>{got}</ol></div></div><p><b>{escape(t(lang, 'eval_answer'))}</b> {answer}</p></div>")


def runs_rows(api) -> list[list]:
    out = []
    for s in _store(api).runs():
        fig = s.get("figures") or {}
        first = fig.get(s["configs"][0], {}) if s.get("configs") else {}
        fmt = (lambda v: "" if v is None else f"{v:.3f}")
        out.append([s.get("created", ""), s.get("index", ""), s.get("set", ""),
                    ", ".join(s.get("configs") or []), s.get("state", ""),
                    fmt(first.get("hit@5")), fmt(first.get("citation_precision")), s["id"]])
    return out


def drafts_rows(drafts) -> list[list[str]]:
    return [[d.status, d.id, d.kind, d.question, " | ".join(d.gold_quotes),
             "; ".join(d.answer_keywords)] for d in drafts]


def drafts_from_rows(rows, originals: list[dict]) -> list:
    """Drafts with the reviewer's status and edits applied (an edited question is 'edited')."""
    from rag.eval.draft import Draft
    by_id = {o["id"]: o for o in originals}
    out = []
    for row in rows or []:
        status, qid, _kind, question, quotes, keywords = (list(row) + [""] * 6)[:6]
        if qid not in by_id:
            continue
        d = Draft.from_dict(by_id[qid])
        d.status = str(status or "pending").strip().lower()
        new_q = str(question or "").strip()
        new_quotes = [q.strip() for q in str(quotes or "").split("|") if q.strip()]
        new_kw = [k.strip() for k in str(keywords or "").replace("；", ";").split(";") if k.strip()]
        edited = (new_q != d.question or new_quotes != d.gold_quotes or new_kw != d.answer_keywords)
        d.question, d.gold_quotes, d.answer_keywords = new_q, new_quotes, new_kw
        if edited and d.status == "accepted":
            d.status = "edited"
        out.append(d)
    return out


def build(api_for, texts, lang: str, lang_box, chat=None, tabs=None, tab=None) -> SimpleNamespace:
    """Lay out the evaluation tab inside the current Blocks context and wire its events.

    With the chat tab's components (`chat.msg`) and the `tabs`, a failed question opens in
    the chat: its question is asked there, and the answer shows its citations. The page polls
    a run only while one is shown: from starting it, or from opening the tab (`tab`), until
    it has finished."""
    from rag.eval.runner import EvalError
    api = api_for()
    run_id = gr.BrowserState("", storage_key="rag-eval-run")
    drafts_state = gr.State([])
    texts.make(gr.Markdown, {"value": "eval_intro"}, elem_id="eval-intro")
    with gr.Row():
        with gr.Column(scale=2):
            set_box = texts.make(gr.Dropdown, {"label": "eval_set"}, choices=set_choices(api),
                                 elem_id="eval-set", allow_custom_value=False)
            upload = texts.make(gr.File, {"label": "eval_upload"}, file_types=[".jsonl", ".csv", ".xlsx"],
                                type="filepath", elem_id="eval-upload")
        with gr.Column(scale=1):
            configs = texts.make(gr.CheckboxGroup, {"label": "eval_configs"}, choices=CONFIGS,
                                 value=["default"], elem_id="eval-configs")
            from ui.chat import answerer_choices
            names, _, _ = answerer_choices(api)
            llm = texts.make(gr.Dropdown, {"label": "answerer"},
                             choices=["extractive"] + [n for n in names if n not in ("auto", "extractive")],
                             value="extractive", elem_id="eval-llm")
            start = texts.make(gr.Button, {"value": "eval_run"}, variant="primary", elem_id="eval-run")
    progress = gr.HTML(progress_html(None, lang), elem_id="eval-progress-box")
    message = gr.Markdown("", elem_id="eval-message")
    report_md = gr.Markdown("", elem_id="eval-report")
    chart = gr.HTML("", elem_id="eval-chart")
    failed = texts.make(gr.Dataframe, {"label": "eval_failed_list"},
                        headers=["config", "id", "question", "gold", "top passage"],
                        value=[], interactive=False, wrap=True, elem_id="eval-failed")
    compare = gr.HTML("", elem_id="eval-compare-box")
    picked = gr.State("")
    open_chat = texts.make(gr.Button, {"value": "eval_open_chat"}, elem_id="eval-open-chat",
                           visible=chat is not None and tabs is not None)
    with gr.Row():
        dl_html = texts.make(gr.DownloadButton, {"label": "eval_dl_html"}, value=None, elem_id="eval-dl-html")
        dl_json = texts.make(gr.DownloadButton, {"label": "eval_dl_json"}, value=None, elem_id="eval-dl-json")
    runs = texts.make(gr.Dataframe, {"label": "eval_runs"},
                      headers=["date", "index", "set", "configs", "state", "hit@5", "cite P", "run"],
                      value=[], interactive=False, elem_id="eval-runs")
    with texts.make(gr.Accordion, {"label": "eval_draft_title"}, open=True, elem_id="eval-draft"):
        with gr.Row():
            n_box = gr.Number(60, precision=0, minimum=1, maximum=300, label="n", elem_id="eval-draft-n")
            draft_btn = texts.make(gr.Button, {"value": "eval_draft"}, elem_id="eval-draft-btn")
        draft_table = texts.make(gr.Dataframe, {"label": "eval_draft_table"}, headers=DRAFT_COLS,
                                 value=[], interactive=True, wrap=True, elem_id="eval-drafts",
                                 column_count=len(DRAFT_COLS))
        with gr.Row():
            accept_all = texts.make(gr.Button, {"value": "eval_accept_all"}, elem_id="eval-accept-all")
            set_name = texts.make(gr.Textbox, {"label": "eval_set_name"}, value="my-set",
                                  elem_id="eval-set-name", max_lines=1)
            save = texts.make(gr.Button, {"value": "eval_save"}, variant="primary", elem_id="eval-save")
        draft_msg = gr.Markdown("", elem_id="eval-draft-msg")
    timer = gr.Timer(POLL_SECONDS, active=tab is None)
    report_state = gr.State(None)

    def on_start(choice, upload_, configs_, llm_, lang_, request: gr.Request = None):
        a = api_for(request)
        try:
            store = _store(a)             # the permission check first
            path, label = resolve_set(a, choice, upload_)
            rid = store.start(path, configs_ or ["default"], a.settings, llm=llm_, set_label=label)
        except EvalError as e:
            return gr.update(), f"**{escape(str(e))}**"
        return rid, ""

    def poll(rid, lang_, request: gr.Request = None):
        idle = gr.Timer(active=False)
        if not rid:
            return progress_html(None, lang_), *[gr.update()] * 7, idle
        a = api_for(request)
        store = _store(a)
        try:
            st = store.status(rid)
        except EvalError:
            return progress_html(None, lang_), *[gr.update()] * 7, idle
        if st.get("state") == "running":
            return progress_html(st, lang_), *[gr.update()] * 7, gr.update()
        if st.get("state") != "done":
            return progress_html(st, lang_), *[gr.update()] * 6, runs_rows(a), gr.update(), idle
        rep = store.report(rid)
        return (progress_html(st, lang_), report_markdown(rep, lang_), report_chart(rep),
                failed_rows(rep), str(store.report_file(rid, "html")),
                str(store.report_file(rid, "json")), runs_rows(a), rep, idle)

    def pick_failed(evt: gr.SelectData, rows, rep, lang_):
        try:
            row = list(rows.iloc[evt.index[0]]) if hasattr(rows, "iloc") else rows[evt.index[0]]
        except (IndexError, KeyError, TypeError):
            return "", ""
        return compare_html(row, rep, lang_), str(row[2])

    def on_draft(n, lang_, request: gr.Request = None):
        from rag.eval.draft import draft_index
        a = api_for(request)
        a.status()
        try:
            drafts = draft_index(a.settings, n=int(n or 60))
        except (EvalError, FileNotFoundError) as e:
            return [], [], f"**{escape(str(e))}**"
        return drafts_rows(drafts), [d.to_dict() for d in drafts], t(lang_, "eval_drafted", n=len(drafts))

    def on_accept_all(rows):
        rows = rows.values.tolist() if hasattr(rows, "values") else rows
        return [["accepted", *r[1:]] if r and r[0] == "pending" else r for r in rows or []]

    def on_save(rows, originals, name, lang_, request: gr.Request = None):
        from rag.eval.draft import accept
        from rag.eval.importer import index_passages
        a = api_for(request)
        store = _store(a)                 # the permission check, before the index is read
        rows = rows.values.tolist() if hasattr(rows, "values") else rows
        drafts = drafts_from_rows(rows, originals)
        result = accept(drafts, index_passages(a.settings))
        try:
            path = store.save_set(str(name or "").strip(), result.items)
        except EvalError as e:
            return f"**{escape(str(e))}**", gr.update()
        edited = sum(d.status == "edited" for d in drafts)
        msg = t(lang_, "eval_saved", n=len(result.items), edited=edited, name=path.stem)
        if result.errors:
            msg += "\n\n" + "\n".join(f"- {escape(e)}" for e in result.errors)
        return msg, gr.update(choices=set_choices(a), value=f"saved:{path.name}")

    start.click(on_start, [set_box, upload, configs, llm, lang_box], [run_id, message],
                api_visibility="private").then(lambda: gr.Timer(active=True), None, timer,
                                               api_visibility="private")
    outputs = [progress, report_md, chart, failed, dl_html, dl_json, runs, report_state, timer]
    timer.tick(poll, [run_id, lang_box], outputs, api_visibility="private", show_progress="hidden")
    if tab is not None:
        tab.select(poll, [run_id, lang_box], outputs, api_visibility="private",
                   show_progress="hidden").then(lambda: gr.Timer(active=True), None, timer,
                                                api_visibility="private")
    failed.select(pick_failed, [failed, report_state, lang_box], [compare, picked],
                  api_visibility="private")
    if chat is not None and tabs is not None:
        # the question goes to the chat box, the chat tab opens, and its send button is pressed
        open_chat.click(lambda q: (q, gr.Tabs(selected="chat")) if q else (gr.skip(), gr.skip()),
                        [picked], [chat.msg, tabs], api_visibility="private").then(
            None, None, None, api_visibility="private",
            js="() => { const b = document.querySelector('#send'); if (b) b.click(); }")
    draft_btn.click(on_draft, [n_box, lang_box], [draft_table, drafts_state, draft_msg],
                    api_visibility="private")
    accept_all.click(on_accept_all, [draft_table], [draft_table], api_visibility="private")
    save.click(on_save, [draft_table, drafts_state, set_name, lang_box], [draft_msg, set_box],
               api_visibility="private")

    def refreshed(lang_, request=None):
        a = api_for(request)
        return gr.update(choices=set_choices(a)), runs_rows(a)

    return SimpleNamespace(relabel_outputs=[set_box, runs], refreshed=refreshed, run_id=run_id)


def register_api(access) -> None:
    """Named endpoints for gradio_client: /eval_sets, /eval_start, /eval_status, /eval_draft,
    /eval_save_set; each acts on the session's (or the given, permitted) index."""
    from rag.eval.runner import EvalError

    def _api(request, index):
        return access.api_for(request, index or None)

    def eval_sets(index: str | None = None, request: gr.Request = None) -> list[str]:
        """The set values /eval_start accepts ("bundled:bundled/test.jsonl", "saved:NAME.jsonl")."""
        return [v for _, v in set_choices(_api(request, index))]

    def eval_start(set_name: str | None = None, upload: dict | str | None = None,
                   configs: list[str] | None = None, llm: str | None = None,
                   index: str | None = None, request: gr.Request = None) -> str:
        """Start a run in the background; returns its id for /eval_status."""
        a = _api(request, index)
        store = _store(a)                 # the permission check first
        path_ = upload.get("path") if isinstance(upload, dict) else upload
        try:
            path, label = resolve_set(a, set_name, path_)
            return store.start(path, configs or ["default"], a.settings, llm=llm, set_label=label)
        except EvalError as e:
            raise gr.Error(str(e)) from None

    def eval_status(run_id: str, index: str | None = None, request: gr.Request = None) -> dict:
        """The run's status (state, done, total, figures) and, when done, its metrics."""
        a = _api(request, index)
        try:
            store = _store(a)
            st = store.status(run_id)
        except EvalError as e:
            raise gr.Error(str(e)) from None
        if st.get("state") == "done":
            from rag.eval.runner import public
            st["report"] = public(store.report(run_id))
        return st

    def eval_draft(n: int = 60, index: str | None = None, request: gr.Request = None) -> list[dict]:
        """Drafted candidates (each with "draft": {"kind", "passage", "status"})."""
        from rag.eval.draft import draft_index
        a = _api(request, index)
        a.status()
        return [d.to_dict() for d in draft_index(a.settings, n=int(n))]

    def eval_save_set(name: str, drafts: list[dict], index: str | None = None,
                      request: gr.Request = None) -> dict:
        """Save the drafts whose draft.status is accepted or edited as set NAME."""
        from rag.eval.draft import Draft, accept
        from rag.eval.importer import index_passages
        a = _api(request, index)
        store = _store(a)                 # the permission check, before the index is read
        result = accept([Draft.from_dict(d) for d in drafts or []], index_passages(a.settings))
        try:
            path = store.save_set(name, result.items)
        except EvalError as e:
            raise gr.Error(str(e)) from None
        return {"set": f"saved:{path.name}", "saved": len(result.items), "errors": result.errors}

    gr.api(eval_sets, api_name="eval_sets")
    gr.api(eval_start, api_name="eval_start")
    gr.api(eval_status, api_name="eval_status")
    gr.api(eval_draft, api_name="eval_draft")
    gr.api(eval_save_set, api_name="eval_save_set")
