"""What a question pins down: years, dates, target or outcome, the document, place, what is asked.

`extract(question)` reads these with regular expressions only (Chinese and English, well under
a millisecond), so retrieval can filter and rank by them and answers can be checked against
them. Every look-back is bounded, so the cost is linear in the question's length.
Chinese numerals are read by `rag.answer.numerals`, dates by `rag.retrieve.dates`, the place
by `rag.answer.question_place` and what is asked by `rag.answer.question_kind`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.answer.entities import entities
from rag.answer.numerals import arabize
from rag.answer.question_kind import _asks, _quantity_kind, _unit
from rag.answer.question_place import _known_place, _place_en, _place_zh
from rag.retrieve.dates import MONTHS, DateSpec, find_dates

# ---- question vocabulary ----------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])(?!\s*(?:[万亿千百余多元人个%吨亩米家项名户]|公里|美元|"
                   r"(?:yuan|people|persons|tons?|km|percent|dollars|million|billion|thousand)\b))", re.I)
_REL_YEAR = re.compile(r"今年|去年|前年|明年|后年|本年度|本年|(?<![比较同])上一?年(?!度)|"
                       r"\b(?:this|last|next|the previous|the following|the past) year\b", re.I)

# 最后 before a count names whom, not when ("最后多少无电人口": the last N people, not "in the end")
_OUTCOME_STRONG = re.compile(r"实际|最终|最后(?![多几一两\d的])|后来|是否已经?|是否[^？?，,。；;]{1,30}?了(?!解|结)|^\s*(?:has|have)\b[^?]*\bbeen\b|\balready\b|\bactual(?:ly)?\b|\bachieved?\b|\bin fact\b|\bin the end\b|"
                             r"\bultimately\b|\bfinally\b", re.I)
# "what goal did he want truly achieved", "aimed to achieve": an aim, not what was achieved
_WANTED = re.compile(r"\b(?:wants?|wanted|aims?|aimed|hopes?|hoped|seeks?|sought|intends?|intended|plans?|planned|"
                     r"asked|urged|called)\b[^?.;]{0,40}?\bachieved?\b|\bto (?:be )?(?:\w+ly )?achieved?\b", re.I)
# Comparisons with the year before: an outcome, unless a target word is there too
# ("拟安排的财政赤字比上年预算增加多少" compares two plans).
_OUTCOME_COMPARE = re.compile(r"比上年|较上年|同比|\byear[- ]on[- ]year\b", re.I)
# "was to grow", "were to be raised", "is the district to renovate", "will invest": what was
# or is planned. The words between "was" and "to" may not be a participle ("was allocated to
# poverty relief", "was spent to build" report what happened).
_PARTICIPLE = r"(?:\w+(?:ed|en)|spent|paid|lent|sent|built|made|done|set|cut|put|used|able|due|related|close|first|last|only)"
# Nor is "to" after a noun that takes it ("consumption's contribution to growth", "the ratio
# of debt to GDP") a plan's, unless "to be" follows.
_BETWEEN = rf"(?:(?!{_PARTICIPLE}\s)[\w'’-]+\s+){{0,9}}?"
_TARGET_PAST = re.compile(rf"\b(?:is|are|was|were)\s+{_BETWEEN}to\s+be\s+\w+|"
                          rf"\b(?:is|are|was|were)\s+(?:(?!{_PARTICIPLE}\s|[\w'’-]*['’]s\s)[\w'’-]+\s+){{0,9}}?"
                          rf"(?<!ion\s)(?<!ment\s)(?<!ity\s)(?<!ance\s)(?<!ence\s)to\s+(?!the\b|an?\b|(?-i:[A-Z0-9]))[a-z]+"
                          r"|\b(?:will|shall)\s+(?!have\b)\w+", re.I)
_TARGET = re.compile(r"目标|预期|计划|任务(?:是|为)|(?<!模)拟|安排(?!了)|力争|争取|(?<![主重需只必想纪])要(?![求点素闻害])(?=[\u4e00-\u9fff])|"
                     r"\btargets?\b|\bgoals?\b|\bplan(?:s|ned)?\b|\bexpect(?:s|ed)?\b|\baim(?:s|ed)?\b|"
                     r"\bprojected\b|\bobjectives?\b|\bintend(?:s|ed)?\b|\bshould\b|\bmust\b|"
                     # what 安排 is in English: a budget sets it, whatever the tense
                     r"\ballocat(?:e|es|ed|ing)\b|\bearmark(?:s|ed)?\b|\bbudgeted\b", re.I)
# Verbs a plan uses as well ("要在3月底前完成", "力争实现"): they suggest an outcome, no more.
_OUTCOME_BARE = re.compile(r"(?<![已])(?:完成|实现|达到)(?!了)")
_OUTCOME = re.compile(r"增长了|增加了|下降了|减少了|提高了|了多少|完成了|实现了|达到了|已完成|已实现|累计|共计|"
                      r"\bgrew\b|\breached\b|\brose\b|\bincreased\b|\bfell\b|\bdeclined\b|"
                      r"\baccomplished\b|\bcompleted\b|\bhappened\b|\bdid\b[^?.]{0,60}\b(?:grow|increase|rise|fall)\b",
                      re.I)
# Past tense alone ("to what level was it raised?") leans to the outcome, but too weakly to
# decline a question whose year has only a plan.
_OUTCOME_WEAK = re.compile(r"\bwas\b|\bwere\b", re.I)
# "What was China's grain output in 2015?" asks the year's record: a plan for it is no answer.
_OUTCOME_YEAR_EN = re.compile(r"\b(?:was|were)\b[^?]*\bin (?:19|20)\d{2}\b", re.I)

_DOC_KIND_ZH = r"国民经济和社会发展统计公报|政府工作报告|统计公报|工作报告|年鉴|大事记|公报|报告|讲话"
_DOC_ZH = re.compile(rf"((?:19|20)\d{{2}})\s*年?度?\s*([{_CJK}]{{0,8}}?)({_DOC_KIND_ZH})")
_DOC_ZH_AFTER = re.compile(r"(政府工作报告|年鉴|大事记|统计公报)\s*[（(]?\s*((?:19|20)\d{2})")
_DOC_KIND_EN = (r"government work report|work report|report|yearbook|chronicle|speech|"
                r"statistical communiqu[eé]|communiqu[eé]|bulletin")
_DOC_EN = re.compile(rf"\b((?:19|20)\d{{2}})\s+(?:[A-Za-z][\w'’-]*\s+){{0,4}}?({_DOC_KIND_EN})\b", re.I)
_DOC_EN_AFTER = re.compile(rf"\b({_DOC_KIND_EN})\s+(?:(?:that\s+was\s+|which\s+was\s+)?(?:delivered|given|presented|made|"
                           rf"published|issued|released|read)\s+)?(?:of|for|from|in)\s+(?:the\s+year\s+)?((?:19|20)\d{{2}})\b",
                           re.I)
_DOC_KIND_CANON = {"government work report": "政府工作报告", "work report": "政府工作报告", "report": "报告",
                   "yearbook": "年鉴", "chronicle": "大事记", "speech": "讲话", "statistical communique": "统计公报",
                   "statistical communiqué": "统计公报", "communique": "统计公报", "communiqué": "统计公报",
                   "bulletin": "统计公报", "国民经济和社会发展统计公报": "统计公报", "公报": "统计公报"}


_DESCRIBE = {
    "zh": {"outcome": "实际", "target": "目标", "quantity": "数量", "person": "人物", "date": "日期",
           "requirement": "要求", "list": "列举", "fact": "事实", "place": "地点", "percent": "百分比", "money": "金额",
           "people": "人数", "area": "面积", "length": "长度", "weight": "重量", "count": "个数",
           "duration": "时长", "national": "全国", "province": "省级", "city": "市级", "county": "县级", "district": "区级",
           "township": "乡镇级"},
}


@dataclass(frozen=True)
class DocRef:
    """A document the question names: "2015年政府工作报告" -> DocRef(2015, "政府工作报告")."""
    year: int
    kind: str
    text: str = ""                  # as written

    def to_dict(self) -> dict:
        return {"year": self.year, "kind": self.kind}


@dataclass
class Constraints:
    """What a question fixes about its answer. Empty fields mean "not said"."""
    question: str
    lang: str
    years: list[int] = field(default_factory=list)     # years asked about (not a named document's)
    relative_years: list[str] = field(default_factory=list)     # 今年, 去年, last year (as written)
    dates: list[DateSpec] = field(default_factory=list)
    period_kind: str | None = None      # "outcome" (what happened) | "target" (what was planned)
    period_implied: bool = False        # not said: a year asked about with no target word
    doc_ref: DocRef | None = None
    place: str | None = None            # as written: 广东省, 全国, Guangdong province
    level: str | None = None            # national | province | city | county | district | township
    entities: list[str] = field(default_factory=list)
    asks: str = "fact"                  # quantity | person | place | date | requirement | list | fact
    unit: str | None = None             # as written: 亿元, 公里, %, people
    quantity_kind: str | None = None    # money | people | area | length | percent | weight | count
    as_of: str | None = None            # "到2020年底": the state asked at the end of this month ("2020-12")

    def to_dict(self) -> dict:
        return {"question": self.question, "lang": self.lang, "years": self.years,
                "relative_years": self.relative_years,
                "dates": [{"text": d.text, "year": d.year, "month": d.month, "day_from": d.day_from,
                           "day_to": d.day_to, "range": d.describe()} for d in self.dates],
                "period_kind": self.period_kind, "period_implied": self.period_implied, "doc_ref": self.doc_ref.to_dict() if self.doc_ref else None,
                "place": self.place, "level": self.level, "entities": self.entities, "asks": self.asks,
                "unit": self.unit, "quantity_kind": self.quantity_kind, "as_of": self.as_of}

    def describe(self, lang: str = "en") -> str:
        """One line for people: "2014 · outcome · quantity (percent)"."""
        words = _DESCRIBE.get(lang, {})
        w = lambda x: words.get(x, x)       # noqa: E731
        parts: list[str] = [str(y) for y in self.years] + self.relative_years
        parts += [d.describe() for d in self.dates]
        if self.place:
            shown = self.level and self.level != "national" and self.level not in self.place.lower()
            parts.append(f"{self.place} ({w(self.level)})" if shown else self.place)
        if self.period_kind:
            parts.append(w(self.period_kind))
        ask = w(self.asks)
        if self.asks == "quantity" and (self.quantity_kind or self.unit):
            ask += f" ({w(self.quantity_kind) if self.quantity_kind else self.unit})"
        parts.append(ask)
        if self.doc_ref:
            parts.append(f"{self.doc_ref.year} {self.doc_ref.kind}")
        return " · ".join(parts)


def describe_dict(d: dict, lang: str = "en") -> str:
    """`Constraints.describe` for the dict form (`to_dict()`), as answers carry it."""
    from rag.retrieve.dates import DateSpec
    c = Constraints(question=d.get("question", ""), lang=d.get("lang", lang))
    for k in ("years", "relative_years", "period_kind", "place", "level", "entities", "asks",
              "unit", "quantity_kind"):
        if d.get(k) is not None:
            setattr(c, k, d[k])
    c.dates = [DateSpec(x.get("year"), x["month"], x["day_from"], x["day_to"], x.get("text", ""))
               for x in d.get("dates") or []]
    ref = d.get("doc_ref")
    c.doc_ref = DocRef(ref["year"], ref["kind"]) if ref else None
    return c.describe(lang)


# A five-year plan named in either language: "“十一五”期间", "the 11th Five-Year Plan".
_YEAR_WORD = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?![\d.])\s*年?")
_PLAN_ZH = re.compile(r"[“\"][十一二三四五六七八九]{1,2}五[”\"]|[十一二三四五六七八九]{1,2}五(?:规划|计划|时期|期间)")
_PLAN_EN = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+five[- ]year\s+plan\b", re.I)


# A stretch of years written out: "2013年至2017年", "2013—2017年", "from 2013 to 2017"; not
# "between 2015 and 2016", which often compares two years.
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*(?:至|到|—|–|-|~|～)\s*((?:19|20)\d{2})(?!\d)|"
                         r"\bfrom\s+((?:19|20)\d{2})\s+(?:to|through|until)\s+((?:19|20)\d{2})\b", re.I)


# A text within a document that a question names by its title ("李某在区委经济工作会议上的
# 讲话和2020年政府工作报告分别提出…"): a section title holding a kind of text the question
# names too, nearly all of whose words the question has. Not tuned: 0.8 leaves room for a
# dropped particle ("区委经济工作会议讲话" for "在区委经济工作会议上的讲话").
_TEXT_KIND = re.compile(r"讲话|报告|致辞|发言|决定|意见|通知|方案|规划|纲要|公报")
TITLE_SHARE = 0.8
_TITLE_GLUE = re.compile(r"^在|上的|的")      # "在…会议上的讲话" is "…会议讲话"


def is_text_title(title: str) -> bool:
    """Whether a section title names a kind of text ("在…会议上的讲话", "政府工作报告")."""
    return bool(_TEXT_KIND.search(title))


def named_texts(question: str, sections: list[str], translated: str = "") -> set[str]:
    """The section titles (elements of the given section paths) a question names."""
    from rag.answer.query import bigrams
    text = question + translated
    qb = bigrams(_TITLE_GLUE.sub("", text))
    out = set()
    for path in sections:
        for title in path.split(" > "):
            kinds = set(_TEXT_KIND.findall(title))
            tb = bigrams(_TITLE_GLUE.sub("", title))
            if kinds and any(k in text for k in kinds) and tb and len(tb & qb) >= TITLE_SHARE * len(tb):
                out.add(title)
    return out


def _years(q: str) -> list[int]:
    years = list(dict.fromkeys(int(m.group(1)) for m in _YEAR.finditer(q)))
    for m in _YEAR_RANGE.finditer(q):
        a, b = (int(g) for g in m.groups() if g)
        if 2 <= b - a <= 10:
            years = sorted(set(years) | set(range(a, b + 1)))
    if not years:
        from rag.ingest.profile import document_rules
        m = _PLAN_EN.search(q)
        n = int(m.group(1)) if m else None
        span = ((1966 + 5 * (n - 3), 1970 + 5 * (n - 3)) if n else
                document_rules().five_year_plan(q) if _PLAN_ZH.search(q) else None)
        if span and span[0] >= 1950:
            # "“十二五”末", "by the end of the 12th Five-Year Plan": its last year
            end = re.search(r"五[”\"]?(?:规划|计划|时期)?(?:末|期末)|\bend of the \d{1,2}(?:st|nd|rd|th) five", q, re.I)
            years = [span[1]] if end else list(range(span[0], span[1] + 1))
    return years


# When something was said: a dated meeting or speech the question sets its words in.
_MONTHS_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SAID_AT = re.compile(r"在((?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日)?[^，,。？?]{0,30}?(?:会议|全会|大会|座谈会|讲话)上?|"
                      rf"\b(?:in|at) (?:his|her|their|the|a) (?:[\w'-]+ ){{0,3}}?{_MONTHS_EN} (?:\d{{1,2}}, )?((?:19|20)\d{{2}}) "
                      r"(?:[\w'-]+ ){0,3}?(?:speech|address|meeting|conference|session|plenary|plenum)\b", re.I)


def is_period(years: list[int]) -> bool:
    """Whether asked years are one stretch of time ("十一五", 2006-2010) rather than years
    named one by one: a sentence then has to be about that stretch, not one year of it."""
    return len(years) >= 3 and years == list(range(years[0], years[0] + len(years)))


def frame_free(cons: "Constraints", keep_target: bool = False) -> str:
    """The question without what frames it (the document named, years, outcome/target
    words), leaving what it is about: "What CPI target did the 2013 report set" -> "CPI".
    `keep_target`: its target words stay ("拟安排的财政赤字")."""
    q = cons.question
    if cons.doc_ref is not None and cons.doc_ref.text:
        q = q.replace(cons.doc_ref.text, " ")
    for rx in (_PLAN_EN, _PLAN_ZH, _TIME_FRAME, _REPORTS_EN, _SAYING_EN, _YEAR_WORD, _REL_YEAR, _OUTCOME_STRONG, _TARGET,
               _OUTCOME_WORDS):
        if not (keep_target and rx is _TARGET):
            q = rx.sub(" ", q)
    return q


# Words that place a question in time, not what it is about: "by the end of the five years
# reviewed in the 2013 report" is about the expressways, not about reviewing or ends ("底前",
# "审议" once bridged); "截至2012年底", "过去五年来" likewise.
_TIME_FRAME = re.compile(r"\b(?:by|at|as of|until|up to) the end of\b|\b(?:over|during|in|for) the (?:past|last|previous|next) "
                         r"(?:five|\d+) years\b|\bthe (?:five|\d+) years\b|\b(?:reviewed|covered|summ?ed up|looked back on) (?:in|by)\b|"
                         r"截至|截止到?|(?:过去|近|今后|此前)(?:五|\d)年(?:来|间|中)?|(?:五|\d)年(?:来|间)", re.I)


# Who said it and where, in an English question: the verb of saying ("did Li say", "told") and
# the meeting spoken to or at ("in his speech to the district economic work conference") set the
# scene, a passage's speaker and title; they are no part of what a figure is about.
_SAYING_EN = re.compile(r"\b(?:to|at|before)\s+(?:the|a|an)\s+"
                        r"(?:[\w'’-]+\s+){0,7}?(?:conference|meeting|session|plenum|plenary|congress|forum|rally)\b|"
                        r"\b(?:say|says|said|tell|tells|told|stated|mention|mentions|mentioned|noted)\b",   # not "state(-owned)"
                        re.I)


# The reports an English question points to without naming one ("according to those years'
# reports", "in their respective reports"): where to look, not what it is about.
_REPORTS_EN = re.compile(r"\b(?:according to|as stated in|as set out in|in|by)\s+(?:the|those|these|their|its|each|both)"
                         r"(?:\s+(?:two|three|years?['’]?s?|year['’]s|respective|same|own))*\s+(?:work\s+)?reports?\b",
                         re.I)


# _OUTCOME's words one by one: its "did … fall" spans what the question is about ("did energy
# consumption per unit of GDP fall"), which must stay.
_OUTCOME_WORDS = re.compile(_OUTCOME.pattern.replace(r"|\bdid\b[^?.]{0,60}\b(?:grow|increase|rise|fall)\b", "")
                            + r"|\bdid\b|\b(?:grow|increase|rise|fall)\b", re.I)


# A target the question gives itself ("against the 1.65 trillion yuan planned", "比目标7%"):
# known already, so not what is asked.
_TARGET_GIVEN = re.compile(r"\d[\d.,]*\s*(?:%|[A-Za-z]+\s+){0,3}(?:planned|targeted|target|goal|expected)\b|"
                           r"(?:目标|计划|预期)[^，,。？?]{0,4}\d|"
                           # "是否实现了…的目标", "did it meet the target": the target is what was to be met
                           r"(?:实现|完成|达到|达成)了?[^，,。？?]{0,24}目标|\b(?:met|meet|achieved?|reached?|hit)\s+(?:the|its|their)\s+"
                           r"(?:\w+\s+){0,3}(?:target|goal)s?\b|"
                           # "did it actually turn positive, as its work report aimed": the aim is the yardstick
                           r"[,，]\s*as\s+(?:[\w'’-]+\s+){0,6}(?:aimed|planned|targeted|intended|promised|pledged|set out)\b", re.I)


# Targets as what was met ("完成全年主要目标任务", "实现了预期目标"), not what is planned; not
# a plan's own words ("要实现的目标", "力争完成…任务")
_TARGET_MET = re.compile(r"(?<![要将拟争])(?:完成|实现|达到|超额完成)了?(?:全年|年度|既定|预期|各项|主要|的)*"
                         r"(?:目标任务|目标|任务)(?![是为])")


def asks_actual(q: str) -> bool:
    """Whether a question says in so many words that it wants what actually happened
    ("实际", "actually", "achieved"), not only in its grammar ("增长了多少")."""
    return bool(_OUTCOME_STRONG.search(_WANTED.sub(" ", q)))


def _period_kind(q: str) -> str | None:
    # An explicit "actual"/"比上年" beats a target word; a target word beats the weak
    # outcome verbs ("What was the 2015 target?" asks for the target).
    target = _TARGET.search(q) or _TARGET_PAST.search(q)
    if target and _TARGET_MET.search(q) and not (_TARGET.search(_TARGET_MET.sub(" ", q)) or _TARGET_PAST.search(q)):
        return "outcome"        # "完成了全年主要目标任务": the targets met, an outcome
    if _OUTCOME_STRONG.search(_WANTED.sub(" ", q)):
        # "预期目标和实际增长分别是多少": both; "actually, against the 7% planned": the outcome
        return None if target and not _TARGET_GIVEN.search(q) else "outcome"
    if target:
        return "target"
    if _OUTCOME_COMPARE.search(q):
        return "outcome"
    if _OUTCOME.search(q) or _OUTCOME_YEAR_EN.search(q):
        return "outcome"
    return "outcome?" if _OUTCOME_WEAK.search(q) or _OUTCOME_BARE.search(q) else None


def _without_doc_refs(q: str) -> str:
    for rx in (_DOC_ZH, _DOC_ZH_AFTER, _DOC_EN, _DOC_EN_AFTER):
        q = rx.sub(" ", q)
    return q


def _doc_ref(q: str) -> DocRef | None:
    found: list[tuple[int, DocRef]] = []
    for m in _DOC_ZH.finditer(q):
        kind = m.group(3)
        if kind == "工作报告" and m.group(2).endswith("政府"):
            kind = "政府工作报告"
        found.append((m.start(), DocRef(int(m.group(1)), _DOC_KIND_CANON.get(kind, kind), m.group(0))))
    for m in _DOC_ZH_AFTER.finditer(q):
        found.append((m.start(), DocRef(int(m.group(2)), _DOC_KIND_CANON.get(m.group(1), m.group(1)), m.group(0))))
    for m in _DOC_EN.finditer(q):
        found.append((m.start(), DocRef(int(m.group(1)), _DOC_KIND_CANON[m.group(2).lower()], m.group(0))))
    for m in _DOC_EN_AFTER.finditer(q):
        found.append((m.start(), DocRef(int(m.group(2)), _DOC_KIND_CANON[m.group(1).lower()], m.group(0))))
    return min(found, key=lambda x: x[0])[1] if found else None


# "到2020年底", "截至2019年6月末", "by the end of 2020": the state asked at a month's end
_AS_OF_ZH = re.compile(r"(?:到|至|截至|截止到?)\s*((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:底|末)")
_AS_OF_EN = re.compile(rf"\b(?:by|at|as of|until) the end of (?:({_MONTHS_EN}) )?((?:19|20)\d{{2}})\b", re.I)


def _as_of(qa: str) -> str | None:
    m = _AS_OF_ZH.search(qa)
    if m:
        return f"{m.group(1)}-{int(m.group(2) or 12):02d}"
    m = _AS_OF_EN.search(qa)
    if m:
        month = MONTHS[m.group(1).lower()] if m.group(1) else 12
        return f"{m.group(2)}-{month:02d}"
    return None


_BACK = re.compile(r"(去年|(?<![比较同])上一?年(?!度)|\b(?:last|the previous|the past) year\b)|(前年)", re.I)


def _years_back(relative: list[str]) -> int | None:
    """How many years before a document's own a relative year is ("去年", "the previous
    year": 1; "前年": 2); None when none of them looks back, or they disagree."""
    backs = {1 if m.group(1) else 2 for r in relative for m in [_BACK.fullmatch(r)] if m}
    return backs.pop() if len(backs) == 1 else None


# A year a figure is compared with: "较2018年", "比2018年", "compared with 2018", "than in 2018"
_BASE_YEAR = re.compile(r"(?:较|比|同比|相比|对比)\s*((?:19|20)\d{2})\s*年|"
                        r"\b(?:compared (?:with|to)|than(?: in)?|relative to|versus|vs\.?)\s+((?:19|20)\d{2})\b", re.I)


def extract(question: str) -> Constraints:
    """The constraints a question states, read by regular expressions (no model)."""
    q = question.strip()
    qa = arabize(q)                 # 二〇一九年 -> 2019年 for years, dates and document years only
    from rag.textsim import question_lang
    lang = question_lang(q)
    c = Constraints(question=question, lang=lang)
    c.years = _years(qa)
    c.relative_years = list(dict.fromkeys(m.group(0) for m in _REL_YEAR.finditer(q)))
    c.dates = find_dates(qa)
    c.period_kind = _period_kind(_PLAN_ZH.sub(" ", _PLAN_EN.sub(" ", q)))   # "Five-Year Plan" names a period
    if c.period_kind == "outcome?":
        c.period_kind, c.period_implied = "outcome", True
    c.doc_ref = _doc_ref(qa)
    c.as_of = _as_of(qa)
    if c.as_of and c.period_kind is None:
        # "Had … been installed by the end of March 2020?": the state then, what had been done
        c.period_kind, c.period_implied = "outcome", True
    if len(c.years) > 1:
        # "李某在2020年1月经济工作会议上预计2019年…", "In his January 2020 speech, … in 2019": the
        # year the words were said is no year asked about when another is named
        framed = {int(m.group(1) or m.group(2)) for m in _SAID_AT.finditer(qa)}
        kept = [y for y in c.years if y not in framed or len(re.findall(str(y), qa)) > 1]
        c.years = kept or c.years
    if len(c.years) > 1:
        # "2019年…较2018年同比分别增长了多少": 2018 is what 2019 is compared with; a record of
        # 2018 (its own growth over 2017) does not answer
        base = {int(m.group(1) or m.group(2)) for m in _BASE_YEAR.finditer(qa)}
        c.years = [y for y in c.years if y not in base or len(re.findall(str(y), qa)) > 1] or c.years
    if c.doc_ref is not None and str(c.doc_ref.year) not in _without_doc_refs(qa):
        # "In the 2020 government work report, what was GDP in 2019?": 2020 names the
        # document, 2019 is the year asked about (also when the document is named twice,
        # "the 2015 report and the 2015 report": a compound question's part)
        c.years = [y for y in c.years if y != c.doc_ref.year]
    back = _years_back(c.relative_years)
    if c.doc_ref is not None and back and not c.years:
        # "the 2016 report … what had been done the previous year", "2017年报告说，去年…": the
        # year before the document's, and what happened in it (the report's review)
        c.years = [c.doc_ref.year - back]
        if c.period_kind is None or c.period_implied:
            c.period_kind, c.period_implied = "outcome", False
    place, level = _place_zh(q) if lang == "zh" else (None, None)
    if place is None:
        place, level = _place_en(q)
    if place is None:
        place, level = _known_place(q, lang)
    c.place, c.level = place, level
    c.entities = entities(q)
    c.asks = _asks(q)
    if c.asks == "quantity":
        c.unit = _unit(q, lang)
        c.quantity_kind = _quantity_kind(q, c.unit)
    if c.period_kind is None and c.years and c.asks == "quantity":
        # "2016年国内生产总值增长多少" asks what happened that year: prefer the record of
        # it, but do not decline when only a plan is found (it may be all the year has)
        c.period_kind, c.period_implied = "outcome", True
    return c
