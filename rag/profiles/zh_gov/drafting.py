"""How to draft evaluation questions from Chinese government records (`rag eval draft`).

The engine (rag/eval/draft.py) walks the index's passages and asks `candidates()` for the
questions one passage supports; everything about the language and the genre is here:
chronicle entries ("3月2日，市委书记张某主持召开…"), figures ("资金426亿元"), requirements
("要求，…"), table rows ("表 · 行 · 列: 值"), and how a near miss is phrased.
Each candidate carries a gold quote copied from the passage and the answer keywords.
"""
from __future__ import annotations

import re

from . import words

# A chronicle entry opens with its day ("3月2日，"); `_ENTRY` takes the month and day.
_ENTRY = re.compile(r"^(?:\*\*)?(\d{1,2})月(\d{1,2})日[，,、\s]*")
# Who did it: an official title right before a name (the name starts with a common surname).
_TITLE = (r"(?:(?:省|市|县|区|州|镇|乡)(?:委|政府|人大常委会|政协|纪委)?)?(?:常务)?(?:副)?"
          r"(?:书记|市长|县长|区长|省长|镇长|乡长|主任|主席|总理|部长|局长|秘书长)")
# "出席"/"参加" are left out: several officials attend, so "who attended" has many answers.
_ACTIONS = ("主持召开", "主持", "带队调研", "调研", "督导", "检查", "带队", "会见", "慰问", "深入")
_WHO = re.compile(rf"({_TITLE})([\u4e00-\u9fff]{{2,3}}?)({'|'.join(_ACTIONS)})([^，。；：]{{2,14}})")
# An event whose day is the answer: "…会议召开" / "举行…".
_EVENT = re.compile(r"^([^，。；]{6,40}?(?:会议|大会|座谈会|推进会|观摩会|现场会|培训班|活动|仪式))(召开|举行|开幕)")
# the meeting an entry is about, anywhere in its opening ("…召开全市春耕生产工作会议")
_MEETING = re.compile(r"(?:召开|举行)([^，。；、]{4,20}?(?:会议|大会|座谈会|推进会|观摩会|现场会|专题会))"
                      r"|([^，。；、]{4,20}?(?:会议|大会|座谈会|推进会|观摩会|现场会|专题会))(?:召开|举行)")
_REQUIRE = re.compile(rf"(?:({_TITLE})([\u4e00-\u9fff]{{2,3}}?))?要求[，,：:]\s*([^。]{{8,}})")
# A figure: digits with a unit of amount, size or share.
UNITS = ("万亿元", "亿元", "万元", "元", "万亩", "亩", "万吨", "吨", "万人", "万名", "人次", "万户", "户",
         "公里", "千米", "平方米", "万平方米", "个百分点", "%", "％", "个", "家", "所", "项", "座", "辆", "套")
_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(" + "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)) + ")")
_CLAUSE = re.compile(r"[^，。；：！？\n]+")
_NOT_SUBJECT = re.compile(r"^(?:比上年|同比|其中|增长|下降|提高|年均|平均|约|共|达|为|这|该|此|其|上述|今年要|"
                          r"目标|任务|比|占|亿元|万元)")
# a subject that ends in a bare verb of share or size names no quantity ("重大基础设施建设占")
_BARE_END = re.compile(r"(?:占|约|近|的)$")
# a figure that is a plan, not an outcome: English questions ask for the target
_TARGET = re.compile(r"左右|预期|目标|控制在|力争|拟")
_LEAD = re.compile(r"^(?:围绕|同时|并|还|又|也|全年共|今年)")   # connectives dropped from a subject
# where an event's name may be cut so the question names it in 14 characters or fewer
_EVENT_CUT = "暨届、"
# Requirements worth asking about carry something checkable: a deadline or an amount.
_DEADLINE = re.compile(r"\d{1,2}月(?:底|中旬|上旬|下旬|\d{1,2}日)?前|年底前|\d{4}年(?:底)?前")
MAX_COPY = 14           # figure clauses: each side of the figure is copied, so at most 14 characters


def _doc_ref(doc: dict, date: str | None) -> str:
    """How a question names its source: the day and place for a chronicle entry, the report
    for a report ("2010年政府工作报告中，")."""
    prof = doc.get("profile") or {}
    kind, year, place = prof.get("kind") or "", prof.get("year"), prof.get("place") or ""
    short = _short_place(place)
    if "报告" in kind and year:            # a report is dated by its delivery: name the report
        return f"{year}年{'' if place in ('全国', '') else short}{kind}中，"
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        y, m, d = date.split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日，{short}"
    title = doc.get("title") or prof.get("title") or ""
    return f"《{title}》中，" if title else ""


def _short_place(place: str) -> str:
    """"河南省某某市某某县" -> "某某县" (the last division); "全国" -> ""."""
    if place in ("", "全国"):
        return ""
    parts = re.findall(r".+?(?:自治区|自治州|特别行政区|省|市|州|盟|县|旗|区)", place)
    return parts[-1] if parts else place


def english_ref(doc: dict) -> str | None:
    """"the 2010 government work report" for a national report; None when not bridged."""
    prof = doc.get("profile") or {}
    if prof.get("kind") == "政府工作报告" and prof.get("place") == "全国" and prof.get("year"):
        return f"the {prof['year']} government work report"
    return None


def candidates(text: str, date: str | None, doc: dict, kind: str | None = None) -> list[dict]:
    """Questions one passage supports: {"kind", "type", "question", "gold_quotes",
    "answer_keywords", "lang", optional "slots" for near-miss variants}."""
    out: list[dict] = []
    ref = _doc_ref(doc, date)
    if kind == "table-row":
        return _table_row(text, ref)
    entry = _ENTRY.match(text)
    if entry and date:
        body = text[entry.end():]
        out += _who(body, ref)
        out += _when(body, doc, entry)
        event = _MEETING.search(body[:200])
        who = _WHO.search(body[:120])
        name = ((event.group(1) or event.group(2)) if event
                else who.group(4) if who and who.group(3) == "主持召开" else None)
        out += _requirement(body, ref, (name[-MAX_COPY:] if name else None))
    elif "要求" in text or "强调" in text:
        out += _requirement(text, ref)
    out += _figures(text, ref, doc)
    return out                    # the engine drops questions that copy 15+ characters of a quote


def _who(body: str, ref: str) -> list[dict]:
    m = _WHO.search(body[:120])
    if not m or m.group(2)[0] not in words.SURNAMES:
        return []
    title, name, action, obj = m.groups()
    obj = obj.rstrip("等")
    quote = m.group(0)
    return [{"kind": "who", "type": "who", "lang": "zh", "gold_quotes": [quote],
             "answer_keywords": [name],
             "question": f"{ref}{action}{obj}的{title}是谁？"}]


def _when(body: str, doc: dict, entry) -> list[dict]:
    m = _EVENT.match(body)
    if not m:
        return []
    event = m.group(1)
    if "，" in event:
        return []
    place = _short_place((doc.get("profile") or {}).get("place") or "")
    for lead in (place, place[:-1] if len(place) > 2 else "\0", "全市", "全区", "全县"):
        if lead and event.startswith(lead) and len(event) > len(lead) + 4:
            event = event[len(lead):]
    core = event
    if len(core) > MAX_COPY:
        cuts = [i + 1 for i, ch in enumerate(event) if ch in _EVENT_CUT and len(event) - i - 1 <= MAX_COPY]
        if not cuts or len(event) - cuts[0] < 6:
            return []
        core = event[cuts[0]:]
    year = (doc.get("profile") or {}).get("year")
    quote = m.group(0)
    day = f"{int(entry.group(1))}月{int(entry.group(2))}日"
    return [{"kind": "when", "type": "date", "lang": "zh", "gold_quotes": [quote],
             "answer_keywords": [day],
             "question": f"{year or ''}{'年' if year else ''}{place}{core}是哪天{m.group(2)}的？",
             "slots": {"missing": f"{year or ''}{'年' if year else ''}{place}{core}共有多少人参加？",
                       "has_count": bool(re.search(r"\d+(?:名|人)", body[:300]))}}]


def _requirement(text: str, ref: str, meeting: str | None = None) -> list[dict]:
    m = _REQUIRE.search(text)
    if not m:
        return []
    title, name, req = m.groups()
    if name and name[0] not in words.SURNAMES:
        title = name = None
    quote, keys = "", []
    for clause in re.finditer(r"[^，；。]+[，；。]?", req):
        quote += clause.group(0)
        keys = list(dict.fromkeys(_DEADLINE.findall(quote) + ["".join(f) for f in _FIGURE.findall(quote)]))
        if keys or len(quote) > 90 or quote.endswith("。"):
            break
    quote = quote.rstrip("，；。")
    if not keys or len(quote) > 90:          # a requirement cut at its first deadline or amount
        return []
    if title and name:
        who = f"{title}{name}"
    else:                          # the entry's meeting when it names one; else the day's meeting
        who = meeting or "会议"
    return [{"kind": "requirement", "type": "requirement", "lang": "zh", "gold_quotes": [quote],
             "answer_keywords": keys[:3], "question": f"{ref}{who}提出了什么要求？"}]


def _figures(text: str, ref: str, doc: dict) -> list[dict]:
    out = []
    for clause in _CLAUSE.finditer(text):
        c = clause.group(0).strip()
        figs = list(_FIGURE.finditer(c))
        if len(figs) != 1 or len(c) > 40:
            continue                      # one figure per clause, or the question is ambiguous
        f = figs[0]
        before, after, unit = c[:f.start()], c[f.end():], f.group(2)
        place = _short_place((doc.get("profile") or {}).get("place") or "")
        before = _LEAD.sub("", before)
        if place and before.startswith(place):
            before = before[len(place):]
        if before.endswith("第") or (after[:1] == "民" and unit.endswith("人")):
            continue                      # an ordinal ("第35个教师节"), or "50万人民" (people)
        if re.search(r"(?:市|省|县|区)是$", before):
            continue                      # "某某市是11个…之一": a fact about a place, not a figure
        if len(before) < 4 or _NOT_SUBJECT.match(before) or _BARE_END.search(before) or re.search(r"\d", before + after):
            continue
        if len(before) > MAX_COPY or len(after) > MAX_COPY:
            continue
        unit = f.group(2)
        ask = "百分之多少" if unit in ("%", "％") else ("多少" + unit if unit in ("个", "家", "所", "项", "座", "辆", "套") else "多少")
        if unit == "个百分点":
            ask = "多少个百分点"
        question = f"{ref}{before}{ask}{after}？"
        item = {"kind": "figure", "type": "number", "lang": "zh", "gold_quotes": [c],
                "answer_keywords": [f.group(0)], "question": question,
                "slots": {"ref": ref, "rest": f"{before}{ask}{after}？"}}
        out.append(item)
        en = english_ref(doc)
        term = _english_term(before)
        if en and term:
            verb = before[len(_VERB_END.sub("", before)):]
            if _TARGET.search(c):
                ask_en = f"What target does {en} set for {term}?"
            elif "增长" in verb or "提高" in verb:
                ask_en = f"By how much did {term} grow, according to {en}?"
            elif "下降" in verb or "减少" in verb:
                ask_en = f"By how much did {term} fall, according to {en}?"
            else:
                ask_en = f"According to {en}, what figure is given for {term}?"
            out.append({**item, "lang": "en", "type": "crosslingual", "kind": "figure-en",
                        "question": ask_en, "slots": {}})
    return out


_REVERSE: dict[str, str] | None = None


def _english_term(chinese: str) -> str | None:
    """The English of the longest glossary term (3+ characters) ending `chinese` (a figure's
    subject, its verb dropped)."""
    global _REVERSE
    if _REVERSE is None:
        from . import profile
        rev: dict[str, str] = {}
        for en, zhs in profile().glossary().entries.items():
            for zh in zhs:
                if len(zh) >= 3 and (zh not in rev or len(en) < len(rev[zh])):
                    rev[zh] = en
        _REVERSE = rev
    subject = _VERB_END.sub("", chinese)
    # the term must end the subject: "对全球经济增长的贡献率" is not about economic growth
    best = max((zh for zh in _REVERSE if subject.endswith(zh)), key=len, default=None)
    return _REVERSE[best] if best else None


_VERB_END = re.compile(r"(?:要|将|已)?(?:达到|增长|下降|为|是|超过|突破|稳定在|控制在|提高到|上升到|下降到|"
                       r"安排|积累|减少|新增|完成|实现|约|近|累计)+$")


def _table_row(text: str, ref: str) -> list[dict]:
    parts = text.rstrip("。").split(" · ")
    if len(parts) < 3:
        return []
    title, row = parts[0], parts[1]
    out = []
    for cell in parts[2].split("；")[:2]:
        col, sep, value = cell.partition(": ")
        if not sep or not value.strip() or not re.search(r"\d", value):
            continue
        question = f"{ref}{title}里，{row}的{col}是多少？"
        out.append({"kind": "table", "type": "number", "lang": "zh", "gold_quotes": [cell],
                    "answer_keywords": [value.strip()], "question": question})
    return out


def near_misses(item: dict, other_year: int | None, other_place: str | None,
                national: bool) -> list[dict]:
    """Unanswerable variants of a drafted question: another year (no document covers it),
    another place (none is about it), a figure the passage does not give."""
    out = []
    q = item["question"]
    base = {"lang": "zh", "type": "unanswerable", "gold_quotes": [], "answer_keywords": [],
            "unanswerable": True}
    years = re.findall(r"(?:19|20)\d{2}(?=年)", q)
    if other_year and years:
        out.append({**base, "kind": "wrong-year", "near_miss": "wrong-year",
                    "question": q.replace(years[0] + "年", f"{other_year}年", 1)})
    slots = item.get("slots") or {}
    national_words = re.compile(r"全国|我国|中央|国内")     # a province's figure would contradict them
    if (item["kind"] == "figure" and other_place and slots.get("rest")
            and not (national and national_words.search(slots["rest"]))):
        kind = "wrong-level" if national else "other"
        ref = slots["ref"]
        year = years[0] + "年" if years else ""
        out.append({**base, "kind": "wrong-place", "near_miss": kind,
                    "question": f"{year}{other_place}{slots['rest']}" if national
                    else q.replace(_place_in(ref) or "\0", other_place, 1)})
    if item["kind"] == "when" and slots.get("missing") and not slots.get("has_count"):
        out.append({**base, "kind": "missing-figure", "near_miss": "missing-figure",
                    "question": slots["missing"]})
    return [o for o in out if o["question"] != q and "\0" not in o["question"]]


def _place_in(ref: str) -> str | None:
    m = re.search(r"[\u4e00-\u9fff]{2,6}?(?:市|县|区)", ref.split("，")[-1])
    return m.group(0) if m else None
