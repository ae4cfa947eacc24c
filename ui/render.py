"""HTML for answers and their sources. Document text is untrusted: every piece is escaped.

A conversation is a list of turn records (plain dicts, so they live in gr.State and travel
as JSON): {"question", "answer", "citations": [Citation dicts], "abstained", "llm",
"notice", "nearest": [Hit dicts]}. Card anchors are "cite-<turn>-<n>" so that [n] markers
in older answers still point at their own sources.
"""
from __future__ import annotations

import re
from html import escape

from ui.i18n import t

MARKER = re.compile(r"\[(\d{1,3})\]")
NEAREST = 3     # passages shown when the answer abstains


def turn_record(answer) -> dict:
    """The JSON-able record of one rag.types.Answer that the UI keeps and renders."""
    d = answer.to_dict()
    d["nearest"] = [h.to_dict() for h in answer.hits[:NEAREST]]
    return d


def anchor(turn: int, n: int) -> str:
    return f"cite-{turn}-{n}"


# Markdown the Chatbot would act on in document text: link/image brackets, emphasis, code,
# tables, strike-through, math dollars, raw-HTML braces. Each is backslash-escaped (CommonMark
# lets any ASCII punctuation be escaped), so it shows as itself. `<`, `>` and `&` become
# entities instead, which markdown also shows literally. "_" inside a word ("file_name")
# emphasises nothing in GFM and stays as it is, so names stay readable in API replies.
_MD_ACTIVE = re.compile(r"([\\`*{}\[\]()!#|~$^]|(?<!\w)_|_(?!\w))")
# What GFM would linkify: a URL's "://" ("http://", "ftp://"), an e-mail's "@", "www.";
# and list, heading and rule markers opening a line.
_MD_AUTOLINK = re.compile(r"(:)(?=//)|(@)|(?<=\b[wW]{3})(\.)")
_MD_LINE_START = re.compile(r"(?m)^([ \t]*)(?:([-+=])|(\d+)([.)]))")


def md_text(text: str) -> str:
    """`text` as markdown that renders exactly that text: no link, image, HTML, math,
    emphasis or list can come out of it (answers quote documents, which are data)."""
    out = _MD_ACTIVE.sub(r"\\\1", text)
    out = _MD_AUTOLINK.sub(lambda m: "\\" + m.group(0), out)
    out = _MD_LINE_START.sub(lambda m: m.group(1) + (
        "\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), out)
    return escape(out, quote=False)


def answer_markdown(text: str, turn: int | None = None, cited: set[int] | None = None) -> str:
    """Answer text for the Chatbot: literal (see md_text), with [n] markers linked to their
    cards; the links are the only markup in it."""
    parts, pos = [], 0
    for m in MARKER.finditer(text):
        parts.append(md_text(text[pos:m.start()]))
        n = int(m.group(1))
        if turn is None or (cited is not None and n not in cited):
            parts.append(f"\\[{n}\\]")
        else:
            parts.append(f'<a class="cite-ref" href="#{anchor(turn, n)}" '
                         f'data-cite="{anchor(turn, n)}">[{n}]</a>')
        pos = m.end()
    parts.append(md_text(text[pos:]))
    return "".join(parts)


def chat_messages(turns: list[dict], pending: tuple[str, str] | None = None) -> list[dict]:
    """Chatbot messages for the finished turns plus one being streamed (question, text so far)."""
    msgs = []
    for i, rec in enumerate(turns, 1):
        cited = {c["n"] for c in rec.get("citations", [])}
        msgs.append({"role": "user", "content": md_text(rec["question"])})
        text = answer_markdown(rec["answer"], i, cited)
        if rec.get("notice"):
            text += "\n\n*⚠ " + answer_markdown(rec["notice"]) + "*"
        msgs.append({"role": "assistant", "content": text})
    if pending:
        q, partial = pending
        msgs.append({"role": "user", "content": md_text(q)})
        msgs.append({"role": "assistant", "content": answer_markdown(partial) or "…"})
    return msgs


def highlighted(text: str, quote: str, start: int | None, end: int | None) -> str:
    """The paragraph with the quote wrapped in <mark>, located by offsets, else by search."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
            and text[start:end] == quote):
        start = text.find(quote) if quote else -1
        end = start + len(quote)
    if start < 0:
        return escape(text)
    return (escape(text[:start]) + "<mark>" + escape(text[start:end]) + "</mark>"
            + escape(text[end:]))


def _card(card_id: str, label: str, title: str, section: str, date: str | None, body: str,
          badge: str = "", page: str = "", button: str = "") -> str:
    meta = " · ".join(escape(x) for x in (section, date or "", page) if x)
    return (f'<div class="cite-card" id="{card_id}">'
            f'<div class="cite-head"><span class="cite-n">{escape(label)}</span>'
            f'<span class="cite-title">{escape(title)}</span>{badge}{button}</div>'
            f'<div class="cite-meta">{meta}</div>'
            f'<div class="cite-text">{body}</div></div>')


def _page(d: dict, lang: str) -> str:
    """"第37页" / "p. 37" when the passage's page is known (paged formats)."""
    n = d.get("page")
    return t(lang, "page", n=int(n)) if isinstance(n, int) and not isinstance(n, bool) else ""


_ROW_UNIT = re.compile(r"（单位：[^）]{1,20}）$")


def table_row_html(text: str, answer: str = "") -> str | None:
    """A table-row passage ("表名 · 行名 · 列名: 值；列名: 值。", rag.ingest.tables.row_text)
    as a small table: its caption, the column names over the row's values, and the cells
    whose value the answer gives marked. None when the text is not in that form."""
    body = _ROW_UNIT.sub("", text.strip().removesuffix("。"))
    parts = body.split(" · ")
    if len(parts) < 2 or ": " not in parts[-1]:
        return None
    cells = [c.split(": ", 1) for c in parts[-1].split("；")]
    if not all(len(c) == 2 for c in cells):
        return None
    caption, name = " · ".join(parts[:-2]), parts[-2] if len(parts) >= 3 else parts[0]
    digits = set(re.findall(r"\d+(?:\.\d+)?", answer or ""))

    def marked(v: str) -> bool:
        return bool(set(re.findall(r"\d+(?:\.\d+)?", v)) & digits) or (bool(answer) and v in answer)
    head = "".join(f"<th>{escape(col)}</th>" for col, _ in cells)
    row = "".join(f"<td><mark>{escape(v)}</mark></td>" if marked(v) else f"<td>{escape(v)}</td>"
                  for _, v in cells)
    cap = f'<caption>{escape(caption)}</caption>' if caption and len(parts) >= 3 else ""
    return (f'<table class="cite-table">{cap}<tr><th></th>{head}</tr>'
            f'<tr><th>{escape(name)}</th>{row}</tr></table>')


def citation_card(turn: int, c: dict, lang: str, answer: str = "") -> str:
    badge = "" if c.get("verified", True) else (
        f'<span class="badge-unverified" title="{escape(t(lang, "unverified_title"))}">'
        f'{escape(t(lang, "unverified"))}</span>')
    table = table_row_html(c["text"], answer) if c.get("kind") == "table-row" else None
    body = table or highlighted(c["text"], c.get("quote") or "", c.get("start"), c.get("end"))
    from ui.source import source_button
    return _card(anchor(turn, c["n"]), f'[{c["n"]}]', c["doc_title"], c.get("section") or "",
                 c.get("date"), body, badge, _page(c, lang), source_button(c, lang))


def nearest_card(turn: int, i: int, h: dict, lang: str = "en") -> str:
    return _card(f"near-{turn}-{i}", "·", h["doc_title"], h.get("section") or "", h.get("date"),
                 escape(h["text"]), page=_page(h, lang))


def why_html(rec: dict, lang: str) -> str:
    """"Why this answer": what the question was understood to fix (year, outcome or target,
    place, the kind of value asked for), as plain text."""
    cons = rec.get("constraints")
    if not cons:
        return ""
    from rag.answer.constraints import describe_dict
    line = describe_dict(cons, lang)
    if not line:
        return ""
    return (f'<details class="rag-why"><summary>{escape(t(lang, "why"))}</summary>'
            f'<div>{escape(line)}</div></details>')


def turn_html(turn: int, rec: dict, lang: str, open_: bool) -> str:
    parts = []
    if rec.get("notice"):
        parts.append(f'<div class="rag-notice"><strong>{escape(t(lang, "notice"))}:</strong> '
                     f'{escape(rec["notice"])}</div>')
    why = why_html(rec, lang)
    if why:
        parts.append(why)
    if rec.get("abstained") or not rec.get("citations"):
        parts.append(f'<div class="rag-abstain">{escape(t(lang, "abstain_note"))}</div>')
        parts += [f'<div class="rag-why-miss">{escape(r)}</div>' for r in rec.get("why") or []]
        parts += [nearest_card(turn, i, h, lang) for i, h in enumerate(rec.get("nearest", []), 1)]
    if rec.get("citations"):
        parts += [citation_card(turn, c, lang, rec.get("answer") or "") for c in rec["citations"]]
    llm = f'<span class="turn-llm">{escape(t(lang, "answered_by", llm=rec.get("llm", "")))}</span>'
    return (f'<details class="turn" id="turn-{turn}"{" open" if open_ else ""}>'
            f'<summary>{escape(t(lang, "turn", n=turn))}: {escape(rec["question"])} {llm}</summary>'
            + "".join(parts) + "</details>")


def sources_html(turns: list[dict], lang: str) -> str:
    """All turns' sources, newest first and open; older turns folded."""
    head = f'<h3 class="rag-sources-title">{escape(t(lang, "sources"))}</h3>'
    if not turns:
        return (f'<div class="rag-sources">{head}<p class="rag-empty">'
                f'{escape(t(lang, "sources_empty"))}</p></div>')
    body = "".join(turn_html(i, rec, lang, open_=(i == len(turns)))
                   for i, rec in reversed(list(enumerate(turns, 1))))
    return f'<div class="rag-sources">{head}{body}</div>'


# Styles and the click handler that brings a card into view. The handler is delegated from
# document because the [n] links live in the Chatbot, outside the sources panel.
SOURCES_CSS = """
.rag-sources { font-size: 0.95em; }
.rag-sources .rag-sources-title { margin: 0 0 0.3em; font-size: 1.05em; }
.rag-sources .rag-empty { opacity: 0.7; }
.rag-sources details.turn { margin: 0.4em 0; }
.rag-sources summary { cursor: pointer; font-weight: 600; }
.rag-sources .turn-llm { font-weight: normal; opacity: 0.6; font-size: 0.85em; margin-left: 0.5em; }
.rag-sources .cite-card { border: 1px solid var(--border-color-primary, #ddd); border-radius: 8px;
  padding: 0.6em 0.8em; margin: 0.5em 0; scroll-margin-top: 4em; transition: box-shadow 0.3s; }
.rag-sources .cite-card.flash { box-shadow: 0 0 0 3px #f59e0b; }
.rag-sources .cite-head { display: flex; gap: 0.5em; align-items: baseline; flex-wrap: wrap; }
.rag-sources .cite-n { font-weight: 700; color: #2563eb; }
.rag-sources .cite-title { font-weight: 600; }
.rag-sources .cite-meta { opacity: 0.7; font-size: 0.85em; margin: 0.2em 0; }
.rag-sources .cite-text { margin: 0.3em 0 0; line-height: 1.6; }
.rag-sources mark { background: #fde68a; color: inherit; padding: 0 1px; }
.rag-sources .cite-table { border-collapse: collapse; margin: 0.3em 0 0; font-size: 0.9em; }
.rag-sources .cite-table caption { text-align: left; font-weight: 600; padding-bottom: 0.2em; }
.rag-sources .cite-table th, .rag-sources .cite-table td { border: 1px solid var(--border-color-primary, #ddd);
  padding: 0.15em 0.5em; text-align: left; }
.rag-sources .cite-source { margin-left: auto; font-size: 0.85em; padding: 0 0.6em;
  border: 1px solid #2563eb; color: #2563eb; border-radius: 4px; background: none; cursor: pointer; }
.rag-sources .badge-unverified { background: #fee2e2; color: #b91c1c; border-radius: 4px;
  padding: 0 0.4em; font-size: 0.8em; }
.rag-sources .rag-notice { background: #fef3c7; border-radius: 6px; padding: 0.4em 0.6em; margin: 0.4em 0; }
.rag-sources .rag-abstain { opacity: 0.8; margin: 0.4em 0; }
"""

CLICK_JS = """
if (!window.__ragCiteClicks) {
  window.__ragCiteClicks = true;
  document.addEventListener('click', function (ev) {
    const a = ev.target.closest && ev.target.closest('a.cite-ref');
    if (!a) return;
    const id = a.getAttribute('data-cite') || (a.getAttribute('href') || '').replace('#', '');
    const card = document.getElementById(id);
    if (!card) return;
    ev.preventDefault();
    ev.stopPropagation();
    const turn = card.closest('details');
    if (turn) turn.open = true;
    card.scrollIntoView({behavior: 'smooth', block: 'center'});
    card.classList.add('flash');
    setTimeout(function () { card.classList.remove('flash'); }, 1500);
  }, true);
}
"""
