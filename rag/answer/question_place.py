"""The place a question names and its level ("浙江省温州市平阳县" -> county, "Haidian district",
全国), read by patterns, the national division list and word segmentation."""
from __future__ import annotations

import re

from rag.answer.question_kind import _REQ_Q

_PLACE_SUFFIX = {"特别行政区": "province", "自治区": "province", "自治州": "city", "自治县": "county",
                 "街道": "township", "省": "province", "市": "city", "县": "county", "区": "district",
                 "镇": "township", "乡": "township"}
_PLACE_SUFFIX_RX = re.compile("|".join(sorted(_PLACE_SUFFIX, key=len, reverse=True)))
# Characters a place name does not contain: where the look-back from 省/市/县 stops
# ("3月4日平阳县委书记" -> 平阳县).
_PLACE_STOP = set("在于对和与及的了是日月年据从到向把将给为由按各全该本我其此请问说之等即或至那这今去哪位几多少什么谁")
# Words that end in a place suffix but name no place.
_NOT_PLACE = set("全市 本市 城市 各市 我市 该市 县市 省市 全区 本区 各区 我区 社区 地区 园区 城区 景区 辖区 小区 郊区 "
                 "山区 市区 片区 矿区 库区 厂区 校区 街区 新区 全县 本县 各县 我县 该县 全省 本省 各省 我省 外省 "
                 "全镇 各镇 乡镇 城镇 集镇 村镇 全乡 各乡 城乡 下乡 家乡 故乡 老区 农区 牧区 灾区 疫区 展区 分区 "
                 "发区 范区 聚区 护区 能区 验区 务区 贸区".split())
_WHOLE_AREA = {"全国": "national", "我国": "national", "全省": "province", "全市": "city", "全县": "county",
               "全区": "district"}
_NATIONAL_ZH = re.compile(r"全国|我国|国家(?!级)|中国(?!特色|共产党)")
_NATIONAL_EN = re.compile(r"\b(?:national(?:ly|wide)?|China|the (?:whole )?country|the nation)\b")
_PLACE_EN = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s+"
                       r"((?i:province|city|county|district|town(?:ship)?|municipality|autonomous region))\b")
_PLACE_EN_IN = re.compile(r"\b(?:in|of|for|at)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b(?!-)")
_PLACE_EN_POSS = re.compile(r"\b([A-Z][a-z]+)(?:'s|’s)\s+(?:GDP|economy|government|mayor|party|population|budget|"
                            r"revenue|output|growth|fiscal|people|district|city|county)\b")
_QUESTION_LEAD_EN = {"has", "have", "had", "is", "are", "was", "were", "did", "does", "do", "will", "would", "can",
                     "could", "should", "how", "what", "which", "who", "when", "where", "why", "in", "on", "at",
                     "by", "for", "according", "under", "during", "after", "before", "since"}
_EN_LEVEL = {"province": "province", "autonomous region": "province", "city": "city", "municipality": "city",
             "county": "county", "district": "district", "town": "township", "township": "township"}
_NOT_PLACE_EN = set("The A An This That These Those China National January February March April May June July "
                    "August September October November December Mr Ms Mrs Dr Party Congress Chinese English "
                    "Government Report Yearbook".split())


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_LEVEL_NAME = {"省": "province", "市": "city", "县": "county", "区": "district", "乡镇": "township"}


# The capitalised words right before and after a word ("Hengda Jiaoke", "Xinyang North Station")
_PREV_CAP = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]+)\s+$")
_NEXT_CAP = re.compile(r"\s+([A-Z][a-z]+)\b")


def _in_pinyin_name(q: str, m: re.Match) -> bool:
    """Whether a capitalised word is part of a name written in pinyin words ("Hengda Jiaoke", a
    firm; "Han Wei", an ancient city), not a place named by itself: a neighbouring capitalised
    word is no English word ("Xinyang North Station" and "Pingyang County" name their place)."""
    from rag.profiles.zh_gov import cedict
    if not cedict.enabled():
        return False
    near = [x.group(1) for x in (_PREV_CAP.search(q[:m.start()]), _NEXT_CAP.match(q, m.end())) if x]
    return any(not cedict.is_english(w.lower()) for w in near)


def _known_place(q: str, lang: str) -> tuple[str | None, str | None]:
    """A place of the national division list named without the words the patterns above
    need ("How many jobs did Beijing create", "天津滨海新区的生产总值"): Chinese names as
    written, English ones as capitalised pinyin words after the first."""
    from rag.profiles.zh_gov import documents
    if lang == "zh":
        found = documents.place_in(q)
    else:
        # not a part of a hyphenated name ("Shenzhou-8", "Shenzhen-HK Connect" name a craft, a programme)
        words = [m.group(0) for m in re.finditer(r"(?<!^)(?<![.?!]\s)(?<![-\w])[A-Z][a-z]+(?![-\w])", q)
                 if not _in_pinyin_name(q, m)]
        found = documents.place_in(" ".join(words).lower()) if words else None
    if not found:
        return None, None
    return found[0], _LEVEL_NAME.get(found[1])


def _place_zh(q: str) -> tuple[str | None, str | None]:
    """The first named place ("浙江省温州市平阳县" as one chain), else 全国/全市 ..., else None."""
    chain: list[str] = []
    level = None
    chain_end = prev_end = 0
    for m in _PLACE_SUFFIX_RX.finditer(q):
        i = j = m.start()
        lo = max(prev_end, i - 5)       # never back past the previous suffix: 温州市|平阳县
        prev_end = m.end()
        while j > lo and _is_cjk(q[j - 1]) and q[j - 1] not in _PLACE_STOP:
            j -= 1
        if i - j < 2 or q[i - 1:m.end()] in _NOT_PLACE:
            continue
        if q[m.end():m.end() + 1] == "级":
            continue                                # "区领导和县级干部": a level (县级), not 和县
        if chain and j != chain_end:
            break                                   # a second, separate place: keep the first
        j = _known_start(q, j, m.end())
        if not _is_known(q[j:m.end()]):
            j = _word_start(q, m.start(), m.end())
            if j is None:
                continue                            # "要求高速沿线镇村": no place
        chain.append(q[j:m.end()])
        level, chain_end = _PLACE_SUFFIX[m.group(0)], m.end()
    if chain:
        return "".join(chain), level
    for word, lvl in _WHOLE_AREA.items():
        at = q.find(word)
        if at >= 0:
            return _named_whole(q, at, word[1]) or word, lvl
    m = _NATIONAL_ZH.search(q)
    return (m.group(0), "national") if m else (None, None)


def _named_whole(q: str, at: int, suffix: str) -> str | None:
    """"温州全市", "浙江全省": the place named, without its suffix, just before 全市/全省 at `at`,
    when the national list knows it with that suffix (with no list loaded, none can be told)."""
    from rag.profiles.zh_gov.documents import divisions
    known = divisions()
    if not known or suffix not in "省市县区":
        return None
    for k in range(max(0, at - 4), at - 1):         # the longest name first
        name = q[k:at]
        if all(_is_cjk(ch) and ch not in _PLACE_STOP for ch in name) and name + suffix in known:
            return name + suffix
    return None


def _is_known(name: str) -> bool:
    from rag.profiles.zh_gov.documents import divisions
    known = divisions()
    return not known or name in known


# Words a place suffix opens that are no office of a place ("房地产|市场", "重点|区域", "县域经济"):
# the word before them is no place name. Offices (市委, 市政协, 区长) are the other words it opens.
_SUFFIX_WORDS = frozenset("市场 市值 市价 区域 区间 区别 区分 区块 县域 省份 镇定".split())
_NUMERAL_START = re.compile(r"[\d一二三四五六七八九十两几多各全本该每上下]")


def _word_start(q: str, i: int, end: int) -> int | None:
    """Where a name the national list does not know starts, by word segmentation: the word
    before the suffix when the suffix opens a word ("石象|镇", "长垣|市政协"), else the word the
    suffix closes ("老城镇"); None when the suffix sits inside a word or opens one of places
    ("沿线|镇村"), or when the name is a count or a word like 上 ("三镇四办", "座谈会上|市长")."""
    from rag.index.bm25 import _jieba
    words = list(_jieba().tokenize(q))
    at = next((w for w in words if w[1] <= i < w[2]), None)
    if at is None:
        return None
    if at[1] == i:                                   # the suffix opens a word: the name before it
        if at[2] > end and q[end] in "省市县区镇乡村":
            return None                              # "镇村", "省市": towns and villages, no name
        if q[i:i + 2] in _SUFFIX_WORDS:
            return None                              # "房地产|市场调控": a market, no city
        before = next((w for w in words if w[2] == i), None)
        start = before[1] if before else None
    elif at[2] == end:
        start = at[1]
    else:
        return None
    if start is None or i - start < 2 or _NUMERAL_START.match(q[start]) or not all(_is_cjk(ch) for ch in q[start:i]):
        return None
    if _REQ_Q.fullmatch(q[start:i]):
        return None                                  # "张某要求街道…": a verb, no place
    return start


def _known_start(q: str, j: int, end: int) -> int:
    """Where a place name really starts: a verb in front of it ("介绍某某区的经验") is cut off
    when the national list knows the name without it; an unknown name is kept as found."""
    if _is_known(q[j:end]):
        return j
    for k in range(j + 1, end - 1):
        if _is_known(q[k:end]):
            return k
    return j


# A place before an office ("Wenzhou city leaders", "Pingyang county's Party secretary") says whose
# officials they are, not where the question is: another place named decides that.
_OFFICIALS_EN = re.compile(r"(?:'s|’s)?\s+(?:(?:vice|deputy|executive)\s+)?(?:leaders?|leadership|officials?|cadres?|"
                           r"mayor|governor|party\s+secretary|secretary|head|chief)\b", re.I)


def _place_en(q: str) -> tuple[str | None, str | None]:
    whose = None
    for m in _PLACE_EN.finditer(q):
        # a capitalised word opening the question is no part of the name ("Has Gaoxin district …")
        words = m.group(1).split()
        while words and (words[0] in _NOT_PLACE_EN or words[0].lower() in _QUESTION_LEAD_EN):
            words.pop(0)
        if words:
            found = " ".join(words) + q[m.end(1):m.end()], _EN_LEVEL[m.group(2).lower()]
            if not _OFFICIALS_EN.match(q, m.end()):
                return found
            whose = whose or (found, q[:m.start()] + q[m.end():])
    for rx in (_PLACE_EN_IN, _PLACE_EN_POSS):
        for m in rx.finditer(q):
            name = m.group(1)
            if name.split()[0] not in _NOT_PLACE_EN:
                return name, None
    if whose:
        other = _known_place(whose[1], "en")
        return other if other[0] else whose[0]
    m = _NATIONAL_EN.search(q)
    return (m.group(0), "national") if m else (None, None)
