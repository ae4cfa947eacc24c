#!/usr/bin/env python3
"""Sanity checks for an evaluation set (JSON lines) over the bundled corpus.

Usage:
    python3 eval/check_set.py eval/sets/bundled/tune.jsonl eval/sets/bundled/test.jsonl \
        [--corpus data/corpus] [--strict]
    python3 eval/check_set.py eval/sets/gov-reports/tune.jsonl eval/sets/gov-reports/test.jsonl \
        --corpus ../shared/corpora/gov-work-reports-2010-2017 --strict

The corpus decides the sources: the bundled one (changge, weidu; ids cg-/wd-/un-) or a folder
of yearly reports "2010年国务院政府工作报告.txt" ... (source = the year, or several years
comma-separated, "2016,2017"; ids gwr-). There a quote may span a ； (a clause inside one
sentence: batch 1 quoted target lists so), and the few departures its README explains are
listed in GOV_KNOWN and printed as notes instead of errors or warnings.

Several files are checked as one set (ids must be unique across them: the tune and test
parts of a set never share a question).

Stdlib only. The two corpus files are cleaned with an approximation of the product's
cleaner:

* per raw line: drop zero-width characters and "[bookmark: _GoBack]", "**" bold markers and leading "#" heading
  markers, then remove spaces adjacent to a CJK character when the other side is CJK
  or a digit ("1 月 25 日" -> "1月25日", "区长 李朝锋" -> "区长李朝锋"); spaces between
  Latin letters/words stay;
* a joined version of each document: the cleaned lines concatenated with no separator
  (this is how broken PDF lines are re-joined).

Reported as ERRORS (exit status 1):
  missing/unknown fields, bad values, duplicate ids, a gold quote or an answer keyword
  not found in the cleaned corpus, quotes that break the format rules (length 6-40,
  inside one sentence: no 。！？；, no "**", "#", newline, no space next to CJK),
  unanswerable items with evidence, multi items with fewer than 2 quotes.
Reported as WARNINGS (errors with --strict):
  a quote occurring in more than one raw line (not distinctive), a quote found only
  across a line break, a keyword not found near any of its gold quotes, multi quotes
  that come from the same paragraph, a source that does not match where quotes occur,
  duplicate question texts.
Then prints counts per type/lang and the number of date_inferred and unanswerable items.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REQUIRED = ("id", "question", "lang", "type", "gold_quotes", "answer_keywords")
OPTIONAL = ("unanswerable", "source", "date_inferred", "near_miss")
TYPES = ("fact", "number", "date", "who", "role", "requirement", "multi",
         "crosslingual", "unanswerable")
LANGS = ("zh", "en")
SOURCES = {"changge": "changge_2020-03_chronicle.txt",
           "weidu": "weidu_yearbook_2020_extract.txt"}
ID_RE = re.compile(r"^(cg|wd|un)-\d{3,4}$")      # 4 digits from batch 6 (cg-1001 ...)
GOV_FILE = re.compile(r"^(\d{4})年国务院政府工作报告\.txt$")
GOV_ID_RE = re.compile(r"^gwr-\d{3,4}$")
# (id, finding) the gov-reports README documents as deliberate or inherited; reported as notes.
GOV_KNOWN = {
    ("gwr-542", "line-break"): "the 2017 file's title and speaker lines; inside one chunk",
    ("gwr-819", "sentence-end"): "the 2017 report repeats the tunnel target word for word",
    ("gwr-804", "duplicate-question"): "batch 4 repeated batch 2's gwr-504; both in tune",
}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
SENTENCE_END = set("。！？；")
NEAR_LINES = 4          # keyword must occur within this many raw lines of a gold quote

# CJK ideographs, CJK symbols/punctuation, full-width forms, Chinese quotation marks.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026"
_SP = "[ \t\u00a0\u3000]+"
_SPACE_CJK = re.compile(rf"(?<=[{_CJK}]){_SP}(?=[{_CJK}0-9])|(?<=[{_CJK}0-9]){_SP}(?=[{_CJK}])")
_HAS_SPACE_NEXT_TO_CJK = re.compile(rf"[{_CJK}]\s|\s[{_CJK}]")
_HEADING = re.compile(r"^\s*#+\s*")


def clean_line(raw: str) -> str:
    line = raw.translate(_ZERO_WIDTH).replace("[bookmark: _GoBack]", "").replace("**", "")
    line = _HEADING.sub("", line)
    line = _SPACE_CJK.sub("", line)
    return line.strip()


class Doc:
    def __init__(self, name: str, path: Path):
        self.name = name
        raw = path.read_text(encoding="utf-8")
        self.lines = [clean_line(l) for l in raw.splitlines()]
        self.joined = "".join(self.lines)
        # map joined offsets back to line numbers
        self.starts = []
        pos = 0
        for l in self.lines:
            self.starts.append(pos)
            pos += len(l)

    def line_of(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        # skip empty lines that share the offset
        while lo + 1 < len(self.lines) and self.starts[lo + 1] == self.starts[lo] and not self.lines[lo]:
            lo += 1
        return lo

    def lines_with(self, s: str) -> list[int]:
        return [i for i, l in enumerate(self.lines) if s in l]

    def joined_hits(self, s: str) -> list[int]:
        out, i = [], self.joined.find(s)
        while i != -1:
            out.append(i)
            i = self.joined.find(s, i + 1)
        return out

    def window(self, line_no: int, n: int = NEAR_LINES) -> str:
        return "".join(self.lines[max(0, line_no - n): line_no + n + 1])


def corpus_profile(corpus: Path) -> tuple[dict[str, str], re.Pattern, set[str], dict]:
    """Sources, id pattern, sentence ends and known exceptions: the bundled corpus's two
    documents, or else the yearly work reports found in `corpus`."""
    if all((corpus / fn).is_file() for fn in SOURCES.values()):
        return SOURCES, ID_RE, SENTENCE_END, {}
    years = {m.group(1): p.name for p in sorted(corpus.glob("*.txt")) if (m := GOV_FILE.match(p.name))}
    if years:
        return years, GOV_ID_RE, SENTENCE_END - {"；"}, GOV_KNOWN
    raise SystemExit(f"{corpus}: neither the bundled corpus ({', '.join(SOURCES.values())}) "
                     "nor yearly reports (2010年国务院政府工作报告.txt ...); pass --corpus")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", type=Path, nargs="+", metavar="SET")
    ap.add_argument("--corpus", type=Path,
                    default=Path(__file__).resolve().parent.parent / "data" / "corpus")
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    args = ap.parse_args(argv)

    sources, id_re, sentence_end, known = corpus_profile(args.corpus)
    docs = {src: Doc(src, args.corpus / fn) for src, fn in sources.items()}
    errors: list[str] = []
    warnings: list[str] = []
    notes: list[str] = []

    def report(out: list[str], ids: list[str], finding: str, msg: str) -> None:
        """Append msg to out, or to notes when every id has the finding in `known`."""
        reasons = [known.get((i, finding)) for i in ids]
        if ids and all(reasons):
            notes.append(f"{msg} (known: {'; '.join(r for r in reasons if r)})")
        else:
            out.append(msg)
    items = []

    lines = [(f"{p.name}:{n}", line) for p in args.sets
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)]
    for n, line in lines:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{n}: invalid JSON ({e})")
            continue
        if not isinstance(obj, dict):
            errors.append(f"{n}: not a JSON object")
            continue
        items.append((n, obj))

    ids = Counter(o.get("id") for _, o in items)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"duplicate id {i!r} ({c} times)")
    qtexts = Counter((o.get("question") or "").strip() for _, o in items)
    for q, c in qtexts.items():
        if q and c > 1:
            dup_ids = [o.get("id") for _, o in items if (o.get("question") or "").strip() == q]
            report(warnings, dup_ids[1:], "duplicate-question",
                   f"duplicate question text ({c} times): {q}")

    for n, o in items:
        iid = o.get("id", f"<{n}>")
        where = f"{iid}"
        for f in REQUIRED:
            if f not in o:
                errors.append(f"{where}: missing field {f!r}")
        for f in o:
            if f not in REQUIRED and f not in OPTIONAL:
                errors.append(f"{where}: unknown field {f!r}")
        if not isinstance(o.get("id"), str) or not id_re.match(o.get("id", "")):
            errors.append(f"{where}: id should look like cg-001 / wd-001 / un-001 (or cg-1001 ...)")
        if not isinstance(o.get("question"), str) or not o.get("question", "").strip():
            errors.append(f"{where}: empty question")
        if o.get("lang") not in LANGS:
            errors.append(f"{where}: lang {o.get('lang')!r} not in {LANGS}")
        if o.get("type") not in TYPES:
            errors.append(f"{where}: type {o.get('type')!r} not in {TYPES}")
        srcs = str(o.get("source", "")).split(",") if "source" in o else []
        if any(s not in sources for s in srcs):
            errors.append(f"{where}: source {o['source']!r} not in {tuple(sources)}")
        if "date_inferred" in o and not isinstance(o["date_inferred"], bool):
            errors.append(f"{where}: date_inferred must be true/false")
        quotes = o.get("gold_quotes", [])
        kws = o.get("answer_keywords", [])
        if not isinstance(quotes, list) or not all(isinstance(q, str) for q in quotes):
            errors.append(f"{where}: gold_quotes must be a list of strings")
            quotes = []
        if not isinstance(kws, list) or not all(isinstance(k, str) for k in kws):
            errors.append(f"{where}: answer_keywords must be a list of strings")
            kws = []
        lang = o.get("lang")
        q = o.get("question", "") or ""
        if lang == "en" and re.search(r"[\u4e00-\u9fff]", q) and not re.search("[A-Za-z]{3,}", q):
            warnings.append(f"{where}: lang en but question looks Chinese")
        if lang == "zh" and not re.search(r"[\u4e00-\u9fff]", q):
            errors.append(f"{where}: lang zh but no Chinese in question")

        unans = o.get("unanswerable") is True or o.get("type") == "unanswerable"
        if unans:
            if o.get("type") != "unanswerable" or o.get("unanswerable") is not True:
                errors.append(f"{where}: unanswerable items need type 'unanswerable' and unanswerable: true")
            if quotes or kws:
                errors.append(f"{where}: unanswerable item must have empty gold_quotes and answer_keywords")
            continue
        if "unanswerable" in o and o["unanswerable"] is not False:
            errors.append(f"{where}: unanswerable must be true or absent")
        if not 1 <= len(quotes) <= 3:
            errors.append(f"{where}: needs 1-3 gold quotes (has {len(quotes)})")
        if not 1 <= len(kws) <= 4:
            errors.append(f"{where}: needs 1-4 answer keywords (has {len(kws)})")
        if o.get("type") == "multi" and len(quotes) < 2:
            errors.append(f"{where}: multi item needs quotes from 2-3 paragraphs")

        quote_locs: list[tuple[str, int]] = []   # (doc, line) of every quote hit
        for gq in quotes:
            low = 5 if o.get("type") in ("role", "who") else 6     # "区长李朝锋": title + name
            if not low <= len(gq) <= 40:
                errors.append(f"{where}: quote length {len(gq)} not in {low}-40: {gq}")
            bad = sentence_end.intersection(gq)
            if bad:
                report(errors, [iid], "sentence-end", f"{where}: quote crosses a sentence end {''.join(sorted(bad))}: {gq}")
            if "**" in gq or "#" in gq or "\n" in gq or "\r" in gq:
                errors.append(f"{where}: quote contains markdown/newline: {gq}")
            if _HAS_SPACE_NEXT_TO_CJK.search(gq):
                errors.append(f"{where}: quote has a space next to a CJK character: {gq!r}")
            line_hits = {s: d.lines_with(gq) for s, d in docs.items()}
            joined_hits = {s: d.joined_hits(gq) for s, d in docs.items()}
            n_lines = sum(len(v) for v in line_hits.values())
            n_joined = sum(len(v) for v in joined_hits.values())
            if n_joined == 0:
                errors.append(f"{where}: quote not found in cleaned corpus: {gq}")
                continue
            if n_lines == 0:
                report(warnings, [iid], "line-break", f"{where}: quote only found across a line break: {gq}")
            # "Who is the district head?" is answered by every passage stating it: role and
            # who questions may use a quote that recurs on purpose.
            if (n_lines > 1 or n_joined > 1) and o.get("type") not in ("role", "who"):
                places = ", ".join(f"{s}:{[x + 1 for x in v]}" for s, v in line_hits.items() if v)
                warnings.append(f"{where}: quote not distinctive ({n_joined} occurrences; lines {places}): {gq}")
            for s, offs in joined_hits.items():
                for off in offs:
                    quote_locs.append((s, docs[s].line_of(off)))
            if srcs and not any(joined_hits.get(s) for s in srcs):
                warnings.append(f"{where}: source {o['source']!r} but quote occurs in {[s for s, v in joined_hits.items() if v]}")

        if o.get("type") == "multi" and quotes:
            if len({loc for loc in quote_locs}) < 2:
                warnings.append(f"{where}: multi quotes all come from one paragraph")

        for kw in kws:
            if not kw.strip():
                errors.append(f"{where}: empty keyword")
                continue
            if not any(kw in d.joined for d in docs.values()):
                errors.append(f"{where}: keyword not found in cleaned corpus: {kw}")
                continue
            if quote_locs and not any(kw in docs[s].window(ln) for s, ln in quote_locs):
                warnings.append(f"{where}: keyword not found near its gold quotes: {kw}")

    # ------------------------------------------------------------------ report
    for e in errors:
        print("ERROR  ", e)
    for w in warnings:
        print("WARNING", w)
    for note in notes:
        print("NOTE   ", note)

    objs = [o for _, o in items]
    print()
    print(f"items: {len(objs)}")
    types = Counter(o.get("type") for o in objs)
    langs = Counter(o.get("lang") for o in objs)
    cross = Counter((o.get("type"), o.get("lang")) for o in objs)
    width = max(len(t) for t in TYPES)
    print(f"{'type':<{width}}  {'zh':>4} {'en':>4} {'total':>6}")
    for t in TYPES:
        print(f"{t:<{width}}  {cross[(t, 'zh')]:>4} {cross[(t, 'en')]:>4} {types[t]:>6}")
    other = set(types) - set(TYPES)
    for t in sorted(other, key=str):
        print(f"{str(t):<{width}}  {'':>4} {'':>4} {types[t]:>6}   (invalid type)")
    print(f"{'total':<{width}}  {langs['zh']:>4} {langs['en']:>4} {len(objs):>6}")
    en_share = langs["en"] / len(objs) if objs else 0.0
    print(f"English share: {en_share:.1%}")
    print(f"date_inferred: {sum(1 for o in objs if o.get('date_inferred') is True)}")
    print(f"unanswerable:  {sum(1 for o in objs if o.get('unanswerable') is True)}")
    srcs = Counter(o.get("source", "-") for o in objs)
    print("source:        " + ", ".join(f"{k}={v}" for k, v in sorted(srcs.items())))
    print(f"\n{len(errors)} error(s), {len(warnings)} warning(s)")
    failed = bool(errors) or (args.strict and bool(warnings))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
