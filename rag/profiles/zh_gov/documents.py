"""How Chinese government documents say what they are: kinds, national markers, places and
the years a kind of document covers. Used by `rag.ingest.profile` to infer document profiles.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

# Kind -> words in a title or file name that name it (checked in this order: a "年鉴" that
# holds a "政府工作报告" is a yearbook).
KIND_WORDS = [
    ("年鉴", ("年鉴", "yearbook", "almanac")),
    ("大事记", ("大事记", "大事年表", "chronicle", "dashiji")),
    ("政府工作报告", ("政府工作报告", "work report", "work-report", "gongzuobaogao")),
    ("讲话", ("讲话", "致辞", "发言", "演讲", "speech", "remarks")),
    ("通知/文件", ("通知", "意见", "办法", "决定", "方案", "规定", "条例", "公告", "通报", "notice")),
]
# Content cues, when neither title nor file name says: the opening of a work report, of a
# speech, of a yearbook.
CONTENT_CUES = [
    ("政府工作报告", re.compile(r"各位代表[：:!！]|向大会报告政府工作|代表.{0,6}人民政府.{0,4}向大会")),
    ("讲话", re.compile(r"^同志们[：:！!]|^各位领导|^同志们，", re.M)),
    ("年鉴", re.compile(r"^#*\s*(?:特\s*载|概\s*况|大事记)\s*$", re.M)),
]
# A document of the whole country, not of one place.
NATIONAL = re.compile(r"国务院|全国人民代表大会|全国人大|中华人民共和国|中共中央|党中央|全国政协|"
                      r"\bstate council\b|\bnational people'?s congress\b", re.I)
NATIONAL_NAME = "全国"
# Words for the whole country in running text: where a question names the country, not its subject.
NATION_WORDS = ("全国", "中国", "我国", "国家", "全国各地")
_SUFFIX_LEVEL = [("自治区", "省"), ("省", "省"), ("自治州", "市"), ("地区", "市"), ("盟", "市"),
                 ("市", "市"), ("自治县", "县"), ("县", "县"), ("旗", "县"), ("区", "区"),
                 ("街道", "乡镇"), ("镇", "乡镇"), ("乡", "乡镇")]
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|县|旗|区|街道|镇|乡)(?!级)")
# Words ending like a place that are not one ("全区", "城区", "开发区", "社区"...).
_NOT_PLACE = re.compile(r"^(?:全|本|我|各|该|城|市|县|区|辖|片|园|景|小|新|老|山|灾|库|街|社|校|"
                        r"开发|集聚|示范|功能|试验|保护|自贸|经济|高新|产业|工业|风景|服务|"
                        r"中心|地)")


def document_kind(text: str, content: bool = False) -> str | None:
    """The kind a title or file name names; with `content`, the kind the opening text shows."""
    if not text:
        return None
    if content:
        for kind, rx in CONTENT_CUES:
            if rx.search(text):
                return kind
        return None
    low = text.lower()
    for kind, words in KIND_WORDS:
        if any(w in low for w in words):
            return kind
    return None


# An entry lead: "2021年1月5日，", "1月5日", "5日 ", "是日", "5日至7日".
_ENTRY_LEAD = re.compile(r"^(?:\*\*)?(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日|^(?:\*\*)?(?:是日|同日|当日|当天)")


def chronicle_share(lines: list[str]) -> float:
    """Share of content lines that open with a date: most of a chronicle's do."""
    content = [ln for ln in lines if not ln.startswith("#") and len(ln) > 8]
    if len(content) < 3:
        return 0.0
    return sum(1 for ln in content if _ENTRY_LEAD.match(ln)) / len(content)


def is_national(text: str) -> bool:
    return bool(text and NATIONAL.search(text))


_LEVEL_ZH = {"province": "省", "city": "市"}


@functools.lru_cache(maxsize=1)
def divisions() -> dict[str, tuple[str, str]]:
    """Every county-level and higher division of China: name -> (full name, level), from the
    profile's national place table (`divisions.table()`); empty without cpca's data, and
    place inference then relies on suffixes alone."""
    from rag.profiles.zh_gov.divisions import table
    out: dict[str, tuple[str, str]] = {}
    for p in table().places:
        if not p.id.isdigit():
            continue                    # English exonyms: not names a Chinese text writes
        level = _LEVEL_ZH.get(p.level) or ("区" if p.name.endswith("区") else "县")
        out.setdefault(p.name, (p.full_name, level))
    return out


@functools.lru_cache(maxsize=1)
def _short_names() -> frozenset[str]:
    return frozenset(re.sub(r"(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|盟|旗)$", "", n)
                     for n in divisions())


def title_place(text: str, title_start: int) -> str | None:
    """The place written in front of a title ("海淀区委书记" -> 海淀, "杭州市长" -> 杭州): the
    two or three characters before it, when they are a division's short name."""
    before = text[max(0, title_start - 3):title_start]
    for n in (3, 2):
        cand = before[-n:]
        if len(cand) == n and cand in _short_names():
            return cand
    return None


def place_level(name: str) -> str | None:
    known = divisions().get(name)
    if known:
        return known[1]
    for suffix, level in _SUFFIX_LEVEL:
        if name.endswith(suffix):
            return level
    return None


def _candidates(text: str) -> list[str]:
    """Place names in a text: with the national list, the longest known name ending each
    match ("是日海淀区" -> 海淀区); without it, suffix matches that are not generic words."""
    known = divisions()
    out = []
    for m in _PLACE.finditer(text):
        name = m.group(0)
        if known:
            name = next((name[i:] for i in range(len(name) - 1) if name[i:] in known), None)
            if name:
                out.append(name)
        elif not _NOT_PLACE.match(name):
            out.append(name)
    return out


@functools.lru_cache(maxsize=1)
def _pinyin_names() -> dict[str, list[str]]:
    """One-word pinyin keys of the national place table -> the divisions they may be
    ("haidian" -> [海淀区]); the table reads polyphones in the context of the name."""
    from rag.profiles.zh_gov.divisions import table
    seen: dict[str, set[str]] = {}
    for p in table().places:
        if p.id.isdigit():
            for k in p.keys:
                if " " not in k:
                    seen.setdefault(k, set()).add(p.name)
    return {k: sorted(v) for k, v in seen.items()}


_EN_LEVEL_SUFFIX = {"province": "省", "city": "市", "county": "县", "district": "区"}


def place_in(text: str) -> tuple[str, str] | None:
    """The most specific known place a title or file name names, with its level: in Chinese
    ("海淀区年鉴"), or as pinyin words in a file name ("pingyang_2020-03_chronicle")."""
    found = _candidates(text or "")
    if not found:
        words = re.findall(r"[a-z]+", (text or "").lower())
        for i, w in enumerate(words):
            options = _pinyin_names().get(w, [])
            if len(options) > 1:        # 海淀区 or another "haidian": the next word may say
                nxt = words[i + 1] if i + 1 < len(words) else ""
                suffix = _EN_LEVEL_SUFFIX.get(nxt)
                options = [o for o in options if suffix and o.endswith(suffix)]
            if len(options) == 1:
                found.append(options[0])
    if not found:
        return None
    name = found[-1]
    return name, place_level(name) or ""


# A county's records name their city (its directives, its leaders) more often than the
# county itself, which they mostly leave implicit ("市委书记…"); a city's records name each of
# its counties far less than the city. So a descendant named at least this share as often as
# the most-named place is the document's own place. Origin: the bundled chronicle
# (data/corpus) names its county 12 times and its city 35 (0.34); a city's yearbook naming
# one of its several counties stays well below 0.25.
DESCENDANT_SHARE = 0.25


def most_named_place(text: str, min_count: int = 3) -> tuple[str, str] | None:
    """The place a document's content names most often, if it names one at least
    `min_count` times; a place inside it named nearly as often wins (see DESCENDANT_SHARE)."""
    counts = Counter(_candidates(text))
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    if n < min_count:
        return None
    full = divisions().get(name, (name, ""))[0]
    inner = [(c, k) for k, c in counts.items() if k != name and c >= max(min_count, n * DESCENDANT_SHARE)
             and divisions().get(k, ("", ""))[0].startswith(full) and len(divisions()[k][0]) > len(full)]
    if inner:
        name = max(inner)[1]
    return name, place_level(name) or ""


def period_of(kind: str | None, year: int) -> tuple[int, int]:
    """The years a document of this kind and year is about: a yearbook records the year before
    its edition; a work report reviews the year before and plans its own."""
    if kind == "年鉴":
        return (year - 1, year - 1)
    if kind == "政府工作报告":
        return (year - 1, year)
    return (year, year)


# --- what a section is about --------------------------------------------------------------
# Five-year plans: the Nth plan from the 3rd (1966-1970) on starts in 1966 + 5 (N - 3).
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_FIVE_YEAR = re.compile(r"[“\"]?(十?[一二三四五六七八九]|十)五[”\"]?(?:规划|计划|时期|期间)?")
_REVIEW = re.compile(r"回顾|总结|过去|成就|成绩|主要工作|工作情况|review", re.I)
_PLAN = re.compile(r"部署|任务|目标|要求|建议|安排|计划|打算|重点工作|主要任务|今年|工作思路|展望|举措|plan|target", re.I)
_RELATIVE = [(re.compile(r"过去五年|五年来"), (-5, -1)), (re.compile(r"去年|过去一年|上一年|一年来"), (-1, -1)),
             (re.compile(r"今年|本年"), (0, 0)), (re.compile(r"明年"), (1, 1))]
# The same in running text, where "比去年增长" compares with last year rather than speaks of it.
_RELATIVE_TEXT = [(re.compile(r"过去五年|五年来|这五年|(?<!今后)(?<!未来)(?<!今后的)五年(?:累计|间|中|里|共)"), (-5, -1)), (re.compile(r"今后五年|未来五年"), (0, 4)),
                  (re.compile(r"(?<![比较同])(?:去年|过去一年|上一年|一年来)"), (-1, -1)),
                  (re.compile(r"前年"), (-2, -2)),
                  (re.compile(r"(?<![比较同])(?:今年|本年)"), (0, 0)), (re.compile(r"明年"), (1, 1))]
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-—–至到~]\s*((?:19|20)\d{2})\s*年")
# A year a figure is compared with ("是2010年的2.2倍", "比2015年增长") is not what it is about.
_YEAR_TEXT = re.compile(r"(?<![比较\d])(?<!是)((?:19|20)\d{2})\s*年(?!的\d+(?:\.\d+)?倍)")
# A sentence that opens on a time ("2012年，", "过去一年，", "“十二五”时期，") sets the time of
# the sentences after it in its paragraph; a prefix longer than this is no opening.
LEAD_CHARS = 16
# ...or it opens on one in its first characters: "2019年", "过去五年", "“十二五”时期".
# Origin: not tuned; the longest such opening written out ("“十二五”时期", 7) plus one.
OPENING_CHARS = 8


def _cn_number(s: str) -> int | None:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGIT.get(s[1:], 0)
    return _CN_DIGIT.get(s)


def five_year_plan(text: str) -> tuple[int, int] | None:
    """"十二五" -> (2011, 2015)."""
    m = _FIVE_YEAR.search(text)
    if not m or "五年" in m.group(0):
        return None
    n = _cn_number(m.group(1))
    if not n or n < 3:
        return None
    start = 1966 + 5 * (n - 3)
    return (start, start + 4)


def section_years(title: str, doc_year: int | None) -> set[int]:
    """The years a section title says it is about: "2014年工作回顾" -> {2014}, "今年…" in a
    report of 2013 -> {2013}, "过去五年工作回顾" -> 2008-2012, "“十二五”时期…" -> 2011-2015."""
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})\s*年", title)}
    plan = five_year_plan(title)
    if plan:
        years |= set(range(plan[0], plan[1] + 1))
    if doc_year:
        for rx, (a, b) in _RELATIVE:
            if rx.search(title):
                years |= set(range(doc_year + a, doc_year + b + 1))
    return years


def sentence_years(sentence: str, ref_year: int | None, spans: bool = True) -> set[int]:
    """The years a sentence speaks of: those it names ("2012年", "2009-2012年"), its relative
    ones against the year it was written ("去年" in a 2013 report is 2012) and five-year plans;
    with spans=False only the single years ("今年", "2012年")."""
    years = {int(y) for y in _YEAR_TEXT.findall(sentence)}
    if ref_year:
        for rx, (a, b) in _RELATIVE_TEXT:
            if a == b and rx.search(sentence):
                years.add(ref_year + a)
    if not spans:
        return years
    for a, b in _YEAR_RANGE.findall(sentence):
        if int(a) <= int(b) <= int(a) + 30:
            years |= set(range(int(a), int(b) + 1))
    plan = five_year_plan(sentence)
    if plan:
        years |= set(range(plan[0], plan[1] + 1))
    if ref_year:
        for rx, (a, b) in _RELATIVE_TEXT:
            if rx.search(sentence):
                years |= set(range(ref_year + a, ref_year + b + 1))
    return years


def sentence_scopes(sentences: list[str], ref_year: int | None) -> list[set[int] | None]:
    """For each sentence of a paragraph, in order, the years it is about: its own, else those
    of the last sentence before it that opened on a time ("过去一年，我们…。国内生产总值增长
    10.3%…" : the figures are last year's); None when nothing in the paragraph says."""
    out: list[set[int] | None] = []
    carried: set[int] | None = None
    within: set[int] | None = None      # until the sentence's full stop only
    for sent in sentences:
        own = sentence_years(sent, ref_year)
        out.append(own or within or carried)
        lead = re.split(r"[，,：:]", sent, maxsplit=1)[0]
        opened = sentence_years(lead, ref_year) if len(lead) <= LEAD_CHARS else set()
        if opened:
            carried, within = opened, None
        elif len(lead) > LEAD_CHARS:
            # a long first clause that starts on a time ("2019年全区完成…；一般公共预算收入…；")
            # sets it for the rest of its sentence, up to the full stop
            within = sentence_years(lead[:OPENING_CHARS], ref_year) or within
        intro = re.split(r"[：:](?=[^：:]*$)", sent, maxsplit=1)
        if len(intro) == 2 and (listed := sentence_years(intro[0], ref_year)):
            # a list's introduction sets the time of its items up to the full stop:
            # "今年…主要预期指标是：生产总值增长7%；…；全社会固定资产投资增长8%；…。"
            within = listed
        if re.search(r"[。！？!?]\s*$", sent):
            within = None
    return out


# A paragraph's sentences read for an opening on a stretch of years, and the fewest years a
# stretch has (two years named are usually two years apart, not a stretch). Not tuned: a
# paragraph's scene is set in its first sentence or the one after a heading-like first one.
OPENING_SENTENCES = 2
STRETCH_YEARS = 3


def opening_span(text: str, ref_year: int | None) -> set[int]:
    """The stretch of years a paragraph opens on ("过去五年，…", "“十二五”时期，…", "2015年是
    “十二五”收官之年。"), which its later sentences and chunks speak of too; else nothing. A
    plan named further on ("发布实施“十二五”…方案") sets no time."""
    for sent in re.split(r"(?<=[。！？；])", text)[:OPENING_SENTENCES]:
        lead = re.split(r"[，,：:]", sent, maxsplit=1)[0]
        years = sentence_years(lead, ref_year) if len(lead) <= LEAD_CHARS else set()
        if len(years) >= STRETCH_YEARS:
            return years
    return set()


# How a sentence says it plans rather than records: "今年要力争引进3个", "预期目标是",
# "拟安排财政赤字"; and how it says it records ("已", "累计", "比上年增长", "去年").
_PLAN_CUE = re.compile(r"力争|确保|争取|预期|预计|(?<![主重需只必想纪摘概简])要(?![求点素害闻])|(?<![即])将(?=[^军领]{0,6}"
                       r"(?:达到|实现|完成|增长|新增|建成|提高|下降|超过))|拟(?=[^合]{0,3}[安发新设建])|"
                       r"计划(?=[^生单经]{0,4}(?:投资|完成|新增|建设|实施))|目标(?:是|为)|左右|以内")
# 实际 of "结合实际", "从实际出发", "符合实际" is the actual conditions, not what actually happened
_RECORD_CUE = re.compile(r"(?<![将要])已(?:经)?|累计|(?<![将要])完成了|比上年|同比|较上年|(?<![合从系符据切])实际(?!出发)|"
                         r"首次|创历史|去年|过去")
# Scope words: "全区生产总值" is the district's figure, "全市" the city's, whatever the document.
SCOPE_LEVEL = {"全国": "national", "全省": "省", "全市": "市", "全县": "县", "全区": "区", "全镇": "乡镇",
               "全乡": "乡镇", "全街道": "乡镇"}
_SCOPE = re.compile("|".join(SCOPE_LEVEL))


# A result measured against its target ("M2增长11.3%，低于13%左右的预期目标", "超额完成年度计划"):
# a record, whose target words plan nothing
_AGAINST_TARGET = re.compile(r"(?:低于|高于|超过|超出|好于|快于|慢于|完成|达到|实现)了?[^。，；,;]{0,12}?"
                             r"(?:预期目标|目标任务|目标|计划|预期)")


def sentence_stance(sentence: str) -> str | None:
    """"plan" for a sentence that sets a target, "record" for one that reports what
    happened, None when it says neither or both."""
    against = _AGAINST_TARGET.search(sentence) and not re.search(r"确保|力争|争取|要(?![求点素害闻])", sentence)
    if against:
        sentence = _AGAINST_TARGET.sub("", sentence)
    plan, record = bool(_PLAN_CUE.search(sentence)), bool(against or _RECORD_CUE.search(sentence))
    if plan and not record:
        return "plan"
    if record and not plan:
        return "record"
    return None


# A passage's own stance: sentences that plan must outnumber those that record by
# TEXT_STANCE_RATIO and be at least TEXT_STANCE_MIN (and the reverse). Not tuned: two clear
# sentences, twice the other kind, so one stray "要" decides nothing.
TEXT_STANCE_MIN = 2
TEXT_STANCE_RATIO = 2


def text_stance(text: str) -> str | None:
    """"plan" for a passage whose sentences mostly plan (a speech's "今年要…确保…"), "review"
    for one whose sentences mostly record, None when neither clearly wins."""
    kinds = [sentence_stance(s) for s in re.split(r"(?<=[。！？；!?;])", text) if s.strip()]
    plan, record = kinds.count("plan"), kinds.count("record")
    if plan >= TEXT_STANCE_MIN and plan >= TEXT_STANCE_RATIO * record:
        return "plan"
    if record >= TEXT_STANCE_MIN and record >= TEXT_STANCE_RATIO * plan:
        return "review"
    return None


# What follows a place inside a proper name: "太原中航产业园", "寿光晨鸣纸业" name a park and a firm,
# not the city speaking.
_NAME_TAIL = re.compile(r"[\u4e00-\u9fff（）()]{0,10}?(?:产业园|工业园|科技园|园区|公司|集团|学院|大学|银行|医院|纸业|股份|实业|合作组织|"
                        r"[一二三四]期)")     # "寿光晨鸣一期…生产线": a firm's project phase; "上海合作组织"


def place_in_names_only(sentence: str, short: str, full: str) -> bool:
    """Whether every mention of a place ("太原", full name "太原市") in the sentence is part of
    a park's, a firm's or a programme's name."""
    found = False
    for m in re.finditer(re.escape(short), sentence):
        rest, before = sentence[m.end():], sentence[:m.start()]
        if before.count("《") > before.count("》") or (before.count("“") > before.count("”")
                                                      and "”" in rest and len(rest.split("”", 1)[0]) <= 10):
            found = True                    # inside a title: 《关于共建…某市（某区）产业园合作协议》,
            continue                        # or a short quoted name: “某市英才计划”
        if full != short and rest.startswith(full[len(short):]) or not _NAME_TAIL.match(rest):
            return False
        found = True
    return found


def without_names(sentence: str, short: str) -> str:
    """The sentence with every name a place opens cut out ("上海合作组织峰会" -> "峰会"), so that
    what is left of the name ("合作") is not read as another place."""
    return re.sub(re.escape(short) + _NAME_TAIL.pattern, "，", sentence)


def sentence_levels(sentence: str) -> set[str]:
    """The administrative levels a sentence's scope words name ("全区…" -> {"区"})."""
    return {SCOPE_LEVEL[m.group(0)] for m in _SCOPE.finditer(sentence)}


# Parts of a year a figure can be given for, in both languages, each to one key: a first-
# quarter or January-April figure does not answer for the whole year, nor the reverse.
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
            "first": 1, "second": 2, "third": 3, "fourth": 4}
_PART_OF_YEAR = [
    (re.compile(r"全年|全年度|\b(?:whole|full|entire) year\b|\bfull-year\b|\bfor the year as a whole\b", re.I),
     lambda m: "year"),
    (re.compile(r"前三季度|\bfirst three quarters\b", re.I), lambda m: "Q1-3"),
    (re.compile(r"(?<!前)(?:第)?([一二三四1-4])季度|\b(first|second|third|fourth) quarter\b|\bQ([1-4])\b", re.I),
     lambda m: f"Q{_QUARTER[(m.group(1) or m.group(2) or m.group(3)).lower()]}"),
    (re.compile(r"首季度?|\bopening quarter\b", re.I), lambda m: "Q1"),      # 首季“开门红”: the first quarter
    (re.compile(r"上半年|\bfirst half\b|\bH1\b", re.I), lambda m: "H1"),
    (re.compile(r"下半年|\bsecond half\b|\bH2\b", re.I), lambda m: "H2"),
    (re.compile(r"(?<!\d)(1[0-2]|[1-9])\s*[-~～—–至到]\s*(1[0-2]|[1-9])\s*月(?:份)?"), lambda m: f"M{m.group(1)}-{m.group(2)}"),
    (re.compile(r"前([一二三四五六七八九十]{1,2}|\d{1,2})个月"), lambda m: f"M1-{_cn_number(m.group(1)) or m.group(1)}"),
]


def part_of_year(text: str) -> set[str]:
    """The parts of a year a text gives figures for: "year" (全年), "Q1".."Q4", "Q1-3", "H1",
    "H2", "M1-4" (1~4月份); empty when it names none."""
    found = set()
    for rx, key in _PART_OF_YEAR:
        found |= {key(m) for m in rx.finditer(text)}
    return found


def without_part_of_year(text: str) -> str:
    """The text with its part-of-year words ("全年", "一季度") cut out: a time, no subject."""
    for rx, _ in _PART_OF_YEAR:
        text = rx.sub("，", text)
    return text


def section_stance(title: str) -> str | None:
    """"review" for a section looking back (工作回顾), "plan" for one looking ahead (总体部署,
    重点工作, 主要任务); None when the title says neither."""
    review, plan = bool(_REVIEW.search(title)), bool(_PLAN.search(title))
    if review and not plan:
        return "review"
    if plan and not review:
        return "plan"
    return None


# Who delivered, made or signed a document: its byline answers ("Who delivered the 2017
# report?", "报告由谁代表区人民政府作？", "谁作的政府工作报告").
_WHO_DELIVERED = re.compile(
    r"由谁(?:代表[^，。？?]{0,12})?(?:作|做|宣读|发布|签发)|谁(?:代表[^，。？?]{0,12})?(?:作|做)(?:了)?(?:的)?[^，。？?]{0,12}报告|"
    r"(?:报告|讲话)(?:的)?(?:报告人|作者|发言人|讲话人)是谁|"
    r"\bwho (?:delivered|gave|presented|made|read|wrote|signed)\b|\b(?:delivered|given|presented|made) by whom\b",
    re.I)
_DOCUMENT_WORD = re.compile(r"报告|讲话|致辞|发言|\breport\b|\bspeech\b|\baddress\b", re.I)


def asks_who_delivered(question: str) -> bool:
    """Whether the question asks who delivered or made a document (its byline answers)."""
    return bool(_WHO_DELIVERED.search(question) and _DOCUMENT_WORD.search(question))
