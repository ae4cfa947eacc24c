"""What a question asks for: a quantity (with its unit and kind of figure), a person, a place, a
date, requirements, a list or a fact, read by regular expressions in Chinese and English."""
from __future__ import annotations

import re

from rag.answer.quantities import MEASURE_WORD_NOT, MEASURE_WORDS

# What is asked. Explicit question words first; a noun that names a figure (GDP) comes after
# who/when, so "Who set the GDP target?" asks for a person.
# "哪几个“在党”", "哪几项" ask which ones (a list), not how many.
# 多重 asks a weight ("有多重"), not "多重困难和压力" (multiple difficulties)
_QTY_ZH = re.compile(r"多少|(?<!哪)几(?=[个次项家名人天年亩万条批所位倍千百十座处户类种]|大[类项块批])|多大|多长|多高|多远|多重(?![困压任目挑风矛问影])|"
                     r"百分之几|比例|比重|占比|增速|增长率|增幅")
# "What is the daily processing capacity, in tonnes, of …": a unit the answer is to be given in
_IN_UNIT_EN = r"\bin (?:(?:trillion|billion|million|thousand|100 million)\s+)?(?:yuan|rmb|us dollars|dollars|" \
              r"percent|mu|hectares|square kilomet(?:er|re)s|kilomet(?:er|re)s|km|tons|tonnes|meters|metres)\b"
_QTY_EN = re.compile(_IN_UNIT_EN + r"|\bhow (?:many|much|long|large|big|fast)\b|\bby how much\b|"
                     # "how far had the reform progressed" asks how it stands, not a distance
                     r"\bhow far\b(?![^?]*\b(?:progress\w*|advanc\w*|come|gone|got|go)\b)|"
                     r"\bwhat (?:percentage|percent|share|proportion|number|amount|rate|ratio|total|size|value|sum)\b",
                     re.I)
_QTY_NOUN = re.compile(r"生产总值|GDP|总产值|产值|增加值|收入|投资额|增长目标|预期目标|\brevenue\b|\boutput\b|\binvestment\b|"
                       r"\bvalue[- ]added\b|\badded value\b|"
                       r"\bbudget\b|\bincome\b|\bpopulation\b|\bgrowth (?:target|rate)\b", re.I)
# "What was the fiscal deficit ratio", "What CPI target did …": a figure named by its noun.
_QTY_WHAT_EN = re.compile(r"\bwhat\b(?:\s+[\w'-]+){0,6}?\s+(?:ratio|rate|output|growth|target|deficit|total|"
                          r"volume|quota|share|amount|number|revenue|income|investment|value[- ]added|capacity|capacities)s?\b", re.I)
# "What happened to central government revenue", "财政收入出现了什么情况": an event, not a figure
_WHAT_HAPPENED = re.compile(r"\bwhat happened\b|\bwhat became of\b|发生了什么|出现了?什么(?:情况|变化|问题)", re.I)
# "What should serve as the lever for … investment": what is to be done or used, not a figure,
# whatever money noun follows (a figure is asked "how much", "what amount", "what was the …")
_WHAT_ACTS = re.compile(r"\bwhat\s+(?:should|must|shall|will|would|could|can|is to|are to)\b|"
                        # "What did the 2015 report say about the Asian Infrastructure Investment Bank",
                        # "… say China had done about …": what was said or done, whatever noun follows
                        r"\bwhat\s+(?:did|does|do|has|have|had)\b[^?]*?\b(?:say|said|done|do|doing)\s+"
                        r"(?:about|on|regarding|concerning|with)\b", re.I)
# "健全什么样的薪酬制度", "完善什么机制": a thing of some kind, asked by the noun after the question
# word, whatever figure noun the question names elsewhere (收入分配体制改革); a level (什么水平)
# or a target is a figure still
_WHAT_THING_ZH = re.compile(r"(?:什么样的?|什么|哪种|哪类)([\u4e00-\u9fff]{2,6})")
_FIGURE_WORDS_ZH = re.compile(r"水平|程度|规模|幅度|标准|目标|数|额|量|率|值|比")
# "who"/"whom"/"whose" as the question word, not a relative one after a noun ("the line whose
# construction he wanted sped up", "the official who chaired it")
_PERSON_Q = re.compile(r"谁|哪几?位|哪几名|何人|哪个人|什么人|哪些(?:人|领导|同志)|"
                       r"(?:^|[,;:]\s*|\b(?:and|or|me|us)\s+)(?:who|whom|whose)\b|"
                       r"\b(?:to|for|by|with|from|of)\s+whom\b|"
                       r"\bwhich (?:officials?|leaders?|persons?|people)\b|\bname of the\b|"
                       r"\bwhich\s+(?:[\w-]+\s+){0,2}?(?:premier|president|mayor|governor|secretary|minister|"
                       r"chairman|chairwoman|chair|director|head|deputy|commissioner|member|official|leader|cadre)s?\b", re.I)
_DATE_Q = re.compile(r"哪天|哪一天|哪日|何时|什么时候|什么时间|哪年|哪一年|哪几年|哪些年份?|几月|几号|几日|日期|"
                     # "when" as the question word, not a clause's ("What post did he hold when he…")
                     r"(?:^|[,;:]\s*|\b(?:and|by|until|since|from)\s+)when\b|"
                     r"\bwhat (?:date|day|year|month)s?\b|\bwhich (?:date|day|year|month)s?\b|\bon what date\b",
                     re.I)
_REQ_Q = re.compile(r"要求|强调|部署|指出|\brequir\w*|\bdemand\w*|\bcall(?:s|ed)? for\b|\binstruct\w*|\burge[sd]?\b|"
                    r"\bstress(?:ed|es)?\b|\bemphasi[sz]\w*|\bask(?:s|ed)? (?:for|to)\b", re.I)
_LIST_Q = re.compile(r"哪些|哪几|有什么措施|什么措施|\bwhat (?:kinds?|types?|sorts?|forms?) of\b|\bwhat (?:measures|steps|projects|actions|tasks|policies|initiatives|"
                     r"areas|achievements|problems|priorities)\b|\bwhich \w+s\b|\blist\b", re.I)

_MEASURE = "|".join(w + (f"(?![{MEASURE_WORD_NOT[w]}])" if w in MEASURE_WORD_NOT else "")
                    for w in MEASURE_WORDS.split("|"))      # 多少部电梯 counts lifts; 多少部门, departments
_UNIT_ZH = ("个百分点|百分点|平方公里|平方米|万亿元|亿美元|万美元|美元|亿元|万元|元|万人次|人次|万人|人|名|万亩|亩|公顷|"
            f"公里|千米|米|万吨|吨|千克|公斤|个月|小时|天|年|倍|{_MEASURE}|岁|%")
_UNIT_Q_ZH = re.compile(rf"(?:多少|几)\s*({_UNIT_ZH})")
_UNIT_EN_WORDS = (r"(?:(?:trillion|billion|million|thousand|hundred million|100 million|ten thousand)\s+)?"
                  r"(?:yuan|rmb|us dollars|dollars|usd)|percentage points?|percent|%|people|persons|jobs|"
                  r"workers|residents|households|mu|hectares|square kilomet(?:er|re)s|kilomet(?:er|re)s|km|"
                  r"tons|tonnes|meters|metres")
_UNIT_EN = re.compile(rf"\b({_UNIT_EN_WORDS})(?!\w)", re.I)
_HOW_MANY = re.compile(r"\bhow many\s+(?:new\s+|more\s+|of\s+the\s+)?([a-z]+)", re.I)

_KIND_OF_UNIT = [   # first match wins; tested against the unit as written, lower-cased
    ("percent", re.compile(r"百分点|%|倍|percent|rate|ratio")),
    ("money", re.compile(r"元|钱|yuan|rmb|dollar|usd")),
    ("people", re.compile(r"人|名|people|person|jobs|workers|residents")),
    ("area", re.compile(r"亩|平方|公顷|hectare|square|^mu$")),
    ("length", re.compile(r"公里|千米|^米$|km|kilomet|meter|metre")),
    ("weight", re.compile(r"吨|千克|公斤|tons|tonnes")),
    ("count", re.compile(rf"^(?:{MEASURE_WORDS})$")),
    ("duration", re.compile(r"^(?:天|日|周|小时|个月|年|days?|weeks?|months?|hours?|years?)$")),
]
# When the question writes no unit, its words still say what kind of figure it wants.
_SEVERAL = re.compile(r"分别|各(?:是|为|有)|\brespectively\b|\beach\b", re.I)
_KIND_WORDS = [
    # a stretch of time before a length: "多长时间" is no distance
    ("duration", re.compile(r"年限|期限|多长时间|多久|多少天|几天|多少个?月|几个月|多少年|几年(?!级)|"
                            r"\bhow long (?:before|after|ago|did|does|do|will|would|had|has|have)\b|"
                            r"\bhow many (?:days|weeks|months|years)\b|\byears of (?:schooling|education)\b", re.I)),
    ("percent", re.compile(r"百分|比例|比重|占比|之比|增速|(?<!效)率|增幅|增长|覆盖面|percentage|percent|\brate\b|ratio|share|"
                           r"proportion|coverage|growth|\bgrow\b|\bgrew\b", re.I)),
    ("money", re.compile(r"多少钱|资金|投资|预算|收入|财政|生产总值|产值|增加值|利润|利税|税收|营业额|销售额|总额|金额|经费|GDP|"
                         r"money|budget|invest\w*|fund|spend|spent|cost|debts?\b|loans?\b|bonds?\b|revenue|income|output value|value[- ]added|added value|"
                         r"profits?\b|\btax|sales",
                         re.I)),
    ("people", re.compile(r"就业|人口|人数|jobs|people|persons|population|employ", re.I)),
    ("area", re.compile(r"面积|\barea\b|hectares|square", re.I)),
    ("length", re.compile(r"多长|全长|长度|里程|\blength\b|\bhow long\b|kilomet", re.I)),
    ("weight", re.compile(r"吨|重量|\btons?\b|tonnes|weigh", re.I)),
    ("count", re.compile(rf"(?:几|多少)(?:{_MEASURE})|number of|how many", re.I)),
]


def _unit(q: str, lang: str) -> str | None:
    if lang == "zh":
        m = _UNIT_Q_ZH.search(q)
        if m:
            return m.group(1)
    m = _UNIT_EN.search(q)
    if m:
        return m.group(1)
    m = _HOW_MANY.search(q)
    return m.group(1) if m else None


# "Of the 4 trillion yuan plan, what share went to …", "…占比多少": a share, whatever unit
# the scene names
_ASKS_SHARE = re.compile(r"\bwhat (?:share|percentage|proportion|percent)\b|占比|比重是?多少|百分之几|多少比例|比例是?多少",
                         re.I)


# "几大类", "多少种": how many kinds ("哪几类" asks which, a list)
_KINDS_COUNT = re.compile(r"(?<!哪)(?:几|多少)大?[类种]")


def _quantity_kind(q: str, unit: str | None) -> str | None:
    if _ASKS_SHARE.search(q) and not (unit and re.search(r"百分点|percentage point", unit, re.I)):
        return "percent"
    if unit:
        u = unit.lower()
        for kind, rx in _KIND_OF_UNIT:
            if rx.search(u):
                return kind
        if _HOW_MANY.search(q):
            return "count"              # "how many enterprises"
    if _KINDS_COUNT.search(q):
        return "count"                  # "整合成了几大类": a count of kinds, whatever money noun is near
    kinds = [kind for kind, rx in _KIND_WORDS if rx.search(q)]
    if len(kinds) > 1 and _SEVERAL.search(q):
        return None             # "城镇化率和人均可支配收入分别达到了多少": a share and an amount
    return kinds[0] if kinds else None


# Which city, province or country a question asks for: the answer names one (北京).
_PLACE_Q = re.compile(r"哪(?:个|座)(?:城市|省份?|国家)|哪座城|\b(?:which|what) (?:city|cities|province|country)\b", re.I)


# "When the mayor visited the park on 3 March, what did he …": a clause setting the time of
# what is asked, not a when-question.
TEMPORAL_LEAD = re.compile(r"^\s*when\s+(?!(?:did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b)"
                           r"[^?]*?,\s*(?=(?:and\s+)?(?:(?:on|in|at|for|by|to|from|with|under|about|of)\s+)?"
                           r"(?:what|which|how|who|whom|where|why|did|does|do|was|were|is|are|has|have|had)\b)", re.I)


# "自觉做政治上的什么人", "成为什么样的人": a kind of person, described, not someone named;
# "加大对哪些人的监督力度": those a measure is aimed at, groups (领导干部, 负责人), not names
_PERSON_KIND = re.compile(r"(?:做|当|成为|争做|争当)[^，。？?]{0,10}?什么(?:样的)?人|(?:对|向|为|给)哪些人")


# "与上年相比是高还是低", "higher or lower than the year before": a choice between two
# directions, answered by a comparison ("低于去年"), not by a figure, whatever figure it names
_DIRECTION = r"(?:高|低|多|少|大|小|快|慢|增|减|升|降|上升|下降|增加|减少|提高|降低|扩大|缩小)"
_DIRECTION_EN = r"(?:higher|lower|more|less|fewer|faster|slower|larger|smaller|greater|above|below|up|down|rise|fall|rose|fell)"
_CHOICE = re.compile(rf"{_DIRECTION}了?还是{_DIRECTION}|\b{_DIRECTION_EN}\s+or\s+{_DIRECTION_EN}\b", re.I)


# "When the mayor inspected the park on 5 March, he wanted a ledger set up. Which body was to take
# the lead?": sentences before the one that asks only set the scene
_SCENE_SENTENCES = re.compile(r"^.*(?:[.!](?=\s)|[。！])\s*(?=[^。！]*[?？]\s*$)", re.S)
_ASKING = re.compile(r"\b(?:what|which|who|whom|whose|when|where|how|why|did|does|do|is|are|was|were|has|have)\b|"
                     r"什么|哪|谁|多少|几|是否|何|怎", re.I)


# "What post did 张某, who went with him, hold?": a who-clause between commas after a name,
# with the question word before it, is a relative clause; it asks nothing
_RELATIVE_WHO = re.compile(r"\s*,\s*who\s+[^,?]+,(?=\s*(?!and\b|or\b|but\b)[a-z])")
_WH_BEFORE = re.compile(r"\b(?:what|which|how|whose|where|why)\b", re.I)


# The question's first question word ("which …" asks for things, whatever money noun it names)
_FIRST_WH = re.compile(r"\b(what|which|how|who|whom|whose|when|where|why)\b", re.I)


# "What did X tell the delegation, when it came to study …?": a when-clause after the question
# word, its own subject after "when", sets the time and asks nothing ("…, and when was it held?"
# still asks: an auxiliary follows)
_WHEN_CLAUSE = re.compile(r"[,;]\s*when\s+(?!(?:did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b)"
                          r"[^,;?]*", re.I)


def without_when_clause(q: str) -> str:
    m = _FIRST_WH.search(q)
    return _WHEN_CLAUSE.sub("", q) if m and m.group(1).lower() != "when" else q


def without_relative_who(q: str) -> str:
    m = _RELATIVE_WHO.search(q)
    return q[:m.start()] + q[m.end():] if m and _WH_BEFORE.search(q[:m.start()]) else q


def _which_first(q: str) -> bool:
    """"Which entry and vetting checks did the report want on investment projects?" asks for
    things, whatever money noun it names (a figure is asked "how much", "what amount")."""
    m = _FIRST_WH.search(q)
    return bool(m) and m.group(1).lower() == "which"


def _asks(q: str) -> str:
    last = _SCENE_SENTENCES.sub("", q)
    if last != q and _ASKING.search(last):
        q = last
    q = without_when_clause(without_relative_who(TEMPORAL_LEAD.sub("", q)))
    if _QTY_ZH.search(q) or _QTY_EN.search(q):
        return "quantity"
    if _CHOICE.search(q):
        return "fact"
    if _PLACE_Q.search(q):
        return "place"
    if _PERSON_Q.search(_PERSON_KIND.sub("", q)):
        return "person"
    if _DATE_Q.search(q):
        return "date"
    things = [m.group(1) for m in _WHAT_THING_ZH.finditer(q) if not m.group(1).startswith(("是", "为"))]
    asks_thing = bool(things) and not any(_QTY_NOUN.search(t) or _FIGURE_WORDS_ZH.search(t) for t in things)
    if (_QTY_NOUN.search(q) and not _WHAT_ACTS.search(q) and not _which_first(q) and not asks_thing
            or _QTY_WHAT_EN.search(q)) \
            and not _LIST_Q.search(q) and not _REQ_Q.search(q) and not _WHAT_HAPPENED.search(q):
        return "quantity"
    if _REQ_Q.search(q):
        return "requirement"
    if _LIST_Q.search(q):
        return "list"
    return "fact"
