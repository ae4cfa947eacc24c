"""Reports of a `rag eval` run: report.json, a Markdown table, and one self-contained HTML page.

The HTML page has inline CSS and SVG charts drawn here (no scripts, no network), so it can be
mailed or archived as a single file.
"""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

from rag.eval.definitions import meaning

# (label, path into a config's "metrics", kind) — kind "ratio" prints 0.000, "ms" prints 12.
ROWS = [
    ("hit@1", ("hit@1",), "ratio"), ("hit@3", ("hit@3",), "ratio"),
    ("hit@5", ("hit@5",), "ratio"), ("hit@10", ("hit@10",), "ratio"),
    ("hit@5 lenient", ("hit@5_lenient",), "ratio"),
    ("MRR@10", ("mrr@10",), "ratio"), ("nDCG@10", ("ndcg@10",), "ratio"),
    ("quote recall@5", ("quote_recall@5",), "ratio"), ("all quotes@5", ("all_quotes@5",), "ratio"),
    ("top-1 from another year's document", ("wrong_year@1",), "ratio"),
    ("citation precision", ("citation_precision",), "ratio"),
    ("citation recall", ("citation_recall",), "ratio"),
    ("faithfulness", ("faithfulness",), "ratio"), ("keyword recall", ("keyword_recall",), "ratio"),
    ("first citation from another year's document", ("wrong_year_cited",), "ratio"),
    ("abstention precision", ("abstention", "precision"), "ratio"),
    ("abstention recall", ("abstention", "recall"), "ratio"),
    ("abstention accuracy", ("abstention", "accuracy"), "ratio"),
    ("latency retrieve p50 (ms)", ("latency_ms", "retrieve", "p50"), "ms"),
    ("latency retrieve p95 (ms)", ("latency_ms", "retrieve", "p95"), "ms"),
    ("latency answer p50 (ms)", ("latency_ms", "answer", "p50"), "ms"),
    ("latency answer p95 (ms)", ("latency_ms", "answer", "p95"), "ms"),
    ("latency total p50 (ms)", ("latency_ms", "total", "p50"), "ms"),
    ("latency total p95 (ms)", ("latency_ms", "total", "p95"), "ms"),
    ("questions", ("n",), "int"),
]
# The bar chart of main metrics: short labels so eleven groups fit side by side.
CHART = [("hit@1", "hit@1"), ("hit@5", "hit@5"), ("hit@10", "hit@10"), ("MRR", "mrr@10"),
         ("nDCG", "ndcg@10"), ("quote R@5", "quote_recall@5"), ("cite P", "citation_precision"),
         ("cite R", "citation_recall"), ("faithful", "faithfulness"),
         ("keyword R", "keyword_recall"), ("abstain acc", "abstention_correct")]
COLORS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")


def _get(metrics: dict, path: tuple):
    v = metrics
    for key in path:
        if not isinstance(v, dict):
            return None
        v = v.get(key)
    return v


def _fmt(v, kind: str) -> str:
    if v is None:
        return "–"
    if kind == "ms":
        return f"{v:.1f}" if v < 10 else f"{v:.0f}"
    if kind == "int":
        return str(int(v))
    return f"{v:.3f}"


def _set_label(report: dict) -> str:
    s = report["set"]
    return s if isinstance(s, str) else " + ".join(s)


def metric_table(report: dict) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the main table: metrics as rows, configurations as columns."""
    names = list(report["configs"])
    rows = [[label] + [_fmt(_get(report["configs"][n]["metrics"], path), kind) for n in names]
            for label, path, kind in ROWS]
    return ["metric", *names], rows


def group_table(report: dict, group: str, key: str = "hit@5") -> tuple[list[str], list[list[str]]]:
    """`key` per value of a group ("by_type" or "by_lang"), configurations as columns."""
    names = list(report["configs"])
    values = list(dict.fromkeys(v for n in names for v in report["configs"][n][group]))
    rows = []
    for v in values:
        first = report["configs"][names[0]][group].get(v, {})
        rows.append([str(v), str(first.get("n", ""))] +
                    [_fmt(report["configs"][n][group].get(v, {}).get(key), "ratio") for n in names])
    return [group.removeprefix("by_"), "n", *names], rows


def definitions_table() -> tuple[list[str], list[list[str]]]:
    """Each reported metric with its one-line meaning (docs/metrics.md has the details)."""
    return ["metric", "meaning"], [[label, meaning(label)] for label, _, _ in ROWS]


def _md(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def to_markdown(report: dict) -> str:
    meta = report.get("meta", {})
    out = [f"## rag eval: {_set_label(report)} ({report['n']} questions)", "",
           f"answers: {meta.get('llm') or 'off'} · embedder: {meta.get('embedder')} · "
           f"retrieval scored on top {meta.get('k', 10)}", "",
           _md(*metric_table(report)), "", "### hit@5 by question type", "",
           _md(*group_table(report, "by_type")), "", "### hit@5 by language", "",
           _md(*group_table(report, "by_lang")), ""]
    names = list(report["configs"])
    kinds = list(dict.fromkeys(k for n in names
                               for k in (report["configs"][n]["metrics"].get("abstention_by_kind") or {})))
    if kinds:
        def cell(n, k):
            m = report["configs"][n]["metrics"]
            v = (m.get("abstention_by_kind") or {}).get(k)
            return f"{v['declined']}/{v['n']}" if v else "–"
        rows = [[k] + [cell(n, k) for n in names] for k in kinds]
        fa = [report["configs"][n]["metrics"].get("false_abstentions") or {} for n in names]
        rows.append(["false abstentions (answerable)"] + [f"{f.get('n', 0)}/{f.get('of', 0)}" for f in fa])
        out += ["### declined, by kind of near miss", "", _md(["kind", *names], rows), ""]
        steps = list(dict.fromkeys(st for n in names for side in (report["configs"][n]["metrics"].get("declined_by")
                                                                 or {}).values() for st in side))
        if steps:
            def by(n, st):
                d = report["configs"][n]["metrics"].get("declined_by") or {}
                return f"{d.get('unanswerable', {}).get(st, 0)} / {d.get('answerable', {}).get(st, 0)}"
            out += ["### declined, by the step that declined (unanswerable / answerable)", "",
                    _md(["step", *names], [[st] + [by(n, st) for n in names] for st in steps]), ""]
        checks = list(dict.fromkeys(ch for n in names for side in (report["configs"][n]["metrics"].get(
            "declined_by_check") or {}).values() for ch in side))
        if checks:
            def by_check(n, ch):
                d = report["configs"][n]["metrics"].get("declined_by_check") or {}
                return f"{d.get('unanswerable', {}).get(ch, 0)} / {d.get('answerable', {}).get(ch, 0)}"
            out += ["### constraint declines, by the checks that ruled out the nearest sentence "
                    "(unanswerable / answerable)", "",
                    _md(["checks", *names], [[ch] + [by_check(n, ch) for n in names] for ch in checks]), ""]
    out += ["### What the metrics mean (docs/metrics.md)", "", _md(*definitions_table()), ""]
    return "\n".join(out)


# ---------------------------------------------------------------- SVG


def _legend(names: list[str], x: float, y: float) -> str:
    parts = []
    for i, name in enumerate(names):
        parts.append(f'<rect x="{x}" y="{y + i * 16}" width="11" height="11" '
                     f'fill="{COLORS[i % len(COLORS)]}"/><text x="{x + 16}" y="{y + i * 16 + 10}" '
                     f'class="lg">{escape(name)}</text>')
    return "".join(parts)


def bar_chart(categories: list[str], series: dict[str, list], title: str,
              width: int = 960, height: int = 300) -> str:
    """Grouped bars of values in [0, 1]; None draws no bar. Hover shows exact values."""
    left, right, top, bottom = 40, 150, 28, 40
    pw, ph = width - left - right, height - top - bottom
    names = list(series)
    group_w = pw / max(1, len(categories))
    bar_w = group_w * 0.8 / max(1, len(names))
    svg = [f'<svg viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for t in (0, 0.25, 0.5, 0.75, 1.0):
        y = top + ph * (1 - t)
        svg.append(f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" class="ax" text-anchor="end">{t:g}</text>')
    for ci, cat in enumerate(categories):
        gx = left + ci * group_w + group_w * 0.1
        for si, name in enumerate(names):
            v = series[name][ci]
            if v is None:
                continue
            h = ph * max(0.0, min(1.0, v))
            x, y = gx + si * bar_w, top + ph - h
            svg.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" '
                       f'fill="{COLORS[si % len(COLORS)]}"><title>{escape(name)} · '
                       f'{escape(cat)}: {v:.3f}</title></rect>')
            if bar_w >= 14:
                svg.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" class="val" '
                           f'text-anchor="middle">{v:.2f}</text>')
        svg.append(f'<text x="{left + (ci + 0.5) * group_w:.1f}" y="{top + ph + 16}" class="ax" '
                   f'text-anchor="middle">{escape(cat)}</text>')
    svg.append(_legend(names, left + pw + 16, top))
    svg.append("</svg>")
    return "".join(svg)


def _pct(xs: list[float], p: float) -> float:
    from rag.eval.metrics import percentile
    return percentile(xs, p)


def _nice_step(vmax: float, ticks: int = 5) -> float:
    """The smallest 1, 2 or 5 x 10^n step with `ticks` steps reaching vmax."""
    import math
    raw = max(vmax, 1e-9) / ticks
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)


def latency_chart(samples: dict[str, list[float]], title: str, width: int = 960) -> str:
    """Horizontal box plots: whiskers p5-p95, box p25-p75, median line, dots beyond p95."""
    names = [n for n in samples if samples[n]]
    row_h, left, right, top, bottom = 34, 130, 30, 16, 36
    height = top + bottom + row_h * max(1, len(names))
    pw = width - left - right
    step = _nice_step(max((_pct(samples[n], 99) for n in names), default=1.0) * 1.05)
    ticks = 5
    vmax = step * ticks
    sx = lambda v: left + pw * min(v, vmax) / vmax  # noqa: E731
    svg = [f'<svg viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for i in range(ticks + 1):
        v = step * i
        svg.append(f'<line x1="{sx(v):.1f}" x2="{sx(v):.1f}" y1="{top}" y2="{height - bottom}" '
                   f'class="grid"/><text x="{sx(v):.1f}" y="{height - bottom + 16}" class="ax" '
                   f'text-anchor="middle">{v:g}</text>')
    svg.append(f'<text x="{left + pw / 2}" y="{height - 4}" class="ax" text-anchor="middle">'
               'milliseconds per question (retrieve + answer)</text>')
    for i, name in enumerate(names):
        xs = samples[name]
        p5, p25, p50, p75, p95 = (_pct(xs, p) for p in (5, 25, 50, 75, 95))
        cy = top + row_h * i + row_h / 2
        color = COLORS[list(samples).index(name) % len(COLORS)]
        svg.append(f'<text x="{left - 8}" y="{cy + 4:.1f}" class="lg" text-anchor="end">'
                   f'{escape(name)}</text>'
                   f'<line x1="{sx(p5):.1f}" x2="{sx(p95):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" '
                   f'stroke="{color}" stroke-width="2"/>'
                   f'<rect x="{sx(p25):.1f}" y="{cy - 9:.1f}" width="{max(1.0, sx(p75) - sx(p25)):.1f}" '
                   f'height="18" fill="{color}" fill-opacity="0.35" stroke="{color}">'
                   f'<title>{escape(name)}: p5 {p5:.0f}, p25 {p25:.0f}, median {p50:.0f}, '
                   f'p75 {p75:.0f}, p95 {p95:.0f} ms (n={len(xs)})</title></rect>'
                   f'<line x1="{sx(p50):.1f}" x2="{sx(p50):.1f}" y1="{cy - 9:.1f}" y2="{cy + 9:.1f}" '
                   f'stroke="#222" stroke-width="2"/>')
        for v in xs:
            if v > p95:
                svg.append(f'<circle cx="{sx(v):.1f}" cy="{cy:.1f}" r="2.5" fill="{color}">'
                           f'<title>{v:.0f} ms</title></circle>')
    svg.append("</svg>")
    return "".join(svg)


# ---------------------------------------------------------------- HTML


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:13px;margin:.5em 0}
th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
.meta{color:#666}table.fail{table-layout:fixed;width:100%}.fail td{overflow-wrap:anywhere}.fail ol{margin:0;padding-left:1.2em}
svg{width:100%;height:auto}svg .grid{stroke:#e5e5e5}svg .ax{font-size:11px;fill:#555}
svg .lg{font-size:12px;fill:#222}svg .val{font-size:9px;fill:#444}
details{margin:.6em 0}summary{cursor:pointer;font-weight:600}
"""


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td{"" if i == 0 else " class=num"}>{escape(c)}</td>'
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _trunc(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


def failures(rows: list[dict]) -> list[tuple[str, dict]]:
    """(reason, row) for questions whose gold is not in the top 5, or whose abstention is wrong."""
    out = []
    for r in rows:
        if not r["unanswerable"] and r.get("hit@5") == 0.0:
            out.append(("no gold quote in top 5", r))
        elif r.get("abstained") is not None and r["abstained"] != r["unanswerable"]:
            out.append(("answered an unanswerable question" if r["unanswerable"]
                        else "abstained although the answer was retrieved", r))
    return out


def _failure_table(rows: list[dict]) -> str:
    fails = failures(rows)
    if not fails:
        return "<p>No failed questions.</p>"
    head = ('<colgroup><col style="width:6%"><col style="width:8%"><col style="width:10%">'
            '<col style="width:16%"><col style="width:15%"><col style="width:30%">'
            '<col style="width:15%"></colgroup>'
            "<tr><th>id</th><th>type</th><th>why</th><th>question</th><th>gold quote</th>"
            "<th>retrieved instead (top 3)</th><th>answer</th></tr>")
    body = []
    for why, r in fails:
        gold = "<br>".join(escape(g) for g in r["gold_quotes"]) or "—（unanswerable）"
        top = "".join(f"<li>{escape(_trunc(t, 120))}</li>" for t in r.get("top3", []))
        body.append(f"<tr><td>{escape(r['id'])}</td><td>{escape(r['type'])} / {escape(r['lang'])}"
                    f"</td><td>{escape(why)}</td><td>{escape(r['question'])}</td><td>{gold}</td>"
                    f"<td><ol>{top}</ol></td><td>{escape(_trunc(r.get('answer'), 200))}</td></tr>")
    return f'<table class="fail">{head}{"".join(body)}</table>'


def to_html(report: dict) -> str:
    configs = report["configs"]
    names = list(configs)
    meta = report.get("meta", {})
    cats = [(label, key) for label, key in CHART
            if any(configs[n]["metrics"].get(key) is not None for n in names)]
    main = bar_chart([c for c, _ in cats],
                     {n: [configs[n]["metrics"].get(k) for _, k in cats] for n in names},
                     "Main metrics per configuration")
    types = list(dict.fromkeys(t for n in names for t in configs[n]["by_type"]))
    types = [t for t in types if any(configs[n]["by_type"].get(t, {}).get("hit@5") is not None
                                     for n in names)]
    by_type = bar_chart(types, {n: [configs[n]["by_type"].get(t, {}).get("hit@5") for t in types]
                                for n in names}, "hit@5 by question type")
    latency = latency_chart({n: [r["total_ms"] for r in configs[n]["rows"]
                                 if r.get("total_ms") is not None] for n in names},
                            "Total latency per question")
    fail_sections = "".join(
        f"<details{' open' if i == 0 else ''}><summary>{escape(n)}: "
        f"{len(failures(configs[n]['rows']))} failed</summary>"
        f"{_failure_table(configs[n]['rows'])}</details>" for i, n in enumerate(names))
    title = f"rag eval: {_set_label(report)}"
    configs_list = "".join(f"<li><b>{escape(n)}</b>: {escape(str(configs[n].get('describe', n)))}</li>"
                           for n in names)
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>{CSS}</style></head><body>
<h1>{escape(title)}</h1>
<p class="meta">{report['n']} questions · answers: {escape(str(meta.get('llm') or 'off'))} ·
embedder: {escape(str(meta.get('embedder')))} · retrieval scored on top {meta.get('k', 10)} ·
{escape(str(meta.get('created', '')))}</p>
<ul class="meta">{configs_list}</ul>
<h2>Main metrics</h2>{main}
{_html_table(*metric_table(report))}
<h2>hit@5 by question type</h2>{by_type}
{_html_table(*group_table(report, "by_type"))}
<h2>hit@5 by language</h2>{_html_table(*group_table(report, "by_lang"))}
<h2>Latency</h2>{latency}
<h2>Failed questions</h2>
<p class="meta">No gold quote in the top 5 passages, or a wrong decision to abstain.</p>
{fail_sections}
<h2>What the metrics mean</h2>
<p class="meta">Gold quotes are matched exactly as retrieval returned the passage (strict);
"lenient" rows match after normalising width, case, spaces and line breaks.</p>
{_html_table(*definitions_table())}
</body></html>
"""


def rounded(obj, digits: int = 4):
    """A copy with floats rounded, for readable JSON (4 decimals: 0.1% of a ratio, 0.1 µs)."""
    if isinstance(obj, float):
        return round(obj, digits)
    if isinstance(obj, dict):
        return {k: rounded(v, digits) for k, v in obj.items()}
    if isinstance(obj, list):
        return [rounded(v, digits) for v in obj]
    return obj


def write_reports(report: dict, out: Path) -> list[Path]:
    """Write report.json (with per-question rows), report.md and report.html into `out`."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "report.json", out / "report.md", out / "report.html"]
    paths[0].write_text(json.dumps(rounded(report), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    paths[1].write_text(to_markdown(report), encoding="utf-8")
    paths[2].write_text(to_html(report), encoding="utf-8")
    return paths
