"""Whether a passage or sentence speaks for the place a question asks about (its name, its level's
scope words such as 全市, a lower unit's document), and which places and titled people it names."""
from __future__ import annotations

import re

from rag.answer.constraints import Constraints
from rag.answer.quantities import quantities
from rag.answer.query import chinese_terms
from rag.types import Hit


def _short_place(place: str) -> str:
    return re.sub(r"(?:特别行政区|自治区|自治州|自治县|省|市|县|区|镇|乡|街道)$", "", place) or place


def _chinese_place(place: str) -> str | None:
    """The Chinese name of a place as the question writes it ("Haidian district" -> 海淀区);
    None when it cannot be told (then the place is not checked)."""
    if re.search(r"[\u4e00-\u9fff]", place):
        return place
    from rag.profiles.zh_gov.documents import place_in
    found = place_in(place.lower())
    return found[0] if found else None


def _own_place(doc_place: str | None) -> str:
    """The last unit of a document's place chain: "浙江省温州市平阳县" -> "平阳县"."""
    if not doc_place:
        return ""
    from rag.profiles import get_profile
    found = get_profile().places().in_chinese(doc_place)
    if found:
        return found[-1].name
    # a place the national list does not hold (a new or a made-up county): its last unit by suffix
    units = re.findall(r"[^省市县区州旗盟]+?(?:自治州|自治县|[省市县区州旗盟])", doc_place)
    return units[-1] if units else doc_place


def place_words(cons: Constraints) -> set[str]:
    """The words for the place a question names, and for the whole country: the place is
    checked against the passage, so as words they would only favour sentences naming it."""
    from rag.ingest.profile import document_rules
    place = _chinese_place(cons.place) if cons.place else None
    words = set(getattr(document_rules(), "NATION_WORDS", ())) if cons.level == "national" else set()
    return words | ({place, _short_place(place)} if place else set())


_LEVEL_ZH = {"province": "省", "city": "市", "county": "县", "district": "区", "township": "乡镇",
             "national": "national", "省": "省", "市": "市", "县": "县", "区": "区", "乡镇": "乡镇"}


def _suffix_levels(place: str) -> set[str]:
    """The scope word a place's own texts use for it: a county-level city says 全市 too."""
    return {lv for suf, lv in (("市", "市"), ("县", "县"), ("区", "区"), ("省", "省"), ("旗", "县"),
                               ("镇", "乡镇"), ("乡", "乡镇")) if place.endswith(suf)}


def _other_level(cons: Constraints, sentence: str) -> bool:
    """Whether the sentence's scope words give another level than the one asked about and it
    does not name the place asked about ("全区…" for a question on a city)."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    asked = _LEVEL_ZH.get(cons.level or "")
    place = _chinese_place(cons.place) if cons.place and asked != "national" else None
    if not hasattr(rules, "sentence_levels") or not (asked or place):
        return False
    # a county-level city's own texts say 全市: the name's suffix counts as its level too
    names = {asked} | _suffix_levels(place or "")
    names |= rules.sentence_levels(cons.question)     # "全市…会上，介绍某区经验…": both levels asked
    levels = rules.sentence_levels(_FROM_ABOVE.sub("", _RANKED_AMONG.sub("", _figure_scope(cons, sentence))))
    if not levels or levels & names:
        return False
    return not (place and _short_place(place) in sentence)


# A level named as where one ranks ("保持全省先进", "位居全市第一", "全省排名第3") is not the
# sentence's scope: the ranked place is the one spoken of.
_RANKED_AMONG = re.compile(r"(?:全|本)[省市县区](?:范围内|内)?(?:第[一二三四五六七八九十\d]+|前列|前[一二三四五六七八九十\d]+名?|"
                           r"领先|先进|排名|排位|位次|首位|末位|倒数)")
# A higher level acting on the place spoken of is not the sentence's scope: the honour it gives
# ("荣获全省问题楼盘化解先进单位"), the meeting whose requirements are carried out ("认真落实全省
# 卫生健康大会要求") and the people addressed ("党中央向全国人民作出的郑重承诺").
_FROM_ABOVE = re.compile(r"(?:荣获|获得|获评|评为|授予|命名为|入选)[^，。；]{0,4}?(?:全|国家级|省级|市级)[国省市县区]?"
                         r"[^，。；]{0,24}?(?:先进|示范|模范|标兵|称号|荣誉|奖)|"
                         r"(?:落实|贯彻|传达|学习|按照|根据)(?:落实|贯彻)?(?:好|了)?全[国省市][^，。；]{0,16}?(?:会议|大会|会)"
                         r"(?:精神|要求|部署)?|(?:向|对|号召|动员|带领|团结|依靠)全[国省市县区](?:各族)?人民")
# A level named as what a figure is compared with ("比全市平均高1.05万元") is not its scope.
_COMPARED = re.compile(r"(?:比|较|高于|低于|超过|快于|慢于)(?:全|本)[省市县区镇乡]")


def _figure_scope(cons: Constraints, sentence: str) -> str:
    """The part of a sentence whose scope words say whose figure it gives: for a quantity
    question the clauses that hold a figure ("待全省疫情得到控制后，…提前一周公布": the
    province sets the condition, not the figure), without comparisons; else the sentence."""
    if cons.asks != "quantity":
        return sentence
    figured = [c for c in _CLAUSE_SPLIT.split(sentence) if quantities(c)]
    return _COMPARED.sub("", "，".join(figured)) if figured else sentence


def _part_of_asked_place(cons: Constraints, hit: Hit) -> bool:
    """Whether the passage's document is of a place inside the one asked about: a district's
    yearbook for a question on its city, a city's for its province."""
    place = _chinese_place(cons.place) if cons.place and cons.level != "national" else None
    where = hit.chunk.doc_place or ""
    if not place or not where:
        return False
    i = where.find(place)
    if i < 0 or i + len(place) >= len(where):
        return False
    # "某市…会议后，某县教体局…": the question names the document's own place too
    own = where[i + len(place):]
    return _short_place(own) not in cons.question and own not in cons.question


# Where a sentence's clauses end
_CLAUSE_SPLIT = re.compile(r"[，,；;。：:]")


def _own_scope(cons: Constraints, sentence: str, own: str) -> bool:
    """Whether a sentence speaks for its document's own place ("我市", "全市" in a county-level
    city's records) when another place of that level was asked about, which it does not name."""
    place = _chinese_place(cons.place) if cons.place and cons.level != "national" else None
    if not place or not own or own == place or _short_place(place) in sentence:
        return False
    from rag.ingest.profile import document_rules
    rules = document_rules()
    if not hasattr(rules, "sentence_levels"):
        return False
    return bool(rules.sentence_levels(sentence) & _suffix_levels(own) & _suffix_levels(place))


def _speaks_for(cons: Constraints, sentence: str, own: str = "") -> bool:
    """Whether a sentence of a lower unit's document speaks for the place asked about: it names
    it ("某市…") or its level ("全市…", "全省…"), unless that level is the document's own place's
    as well (a county-level city's "全市" is itself, not its prefecture)."""
    place = _chinese_place(cons.place) or ""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    if place and _short_place(place) in sentence and not (
            hasattr(rules, "place_in_names_only") and rules.place_in_names_only(sentence, _short_place(place), place)):
        return True
    if not hasattr(rules, "sentence_levels"):
        return True
    asked = _suffix_levels(place)
    asked |= {_LEVEL_ZH.get(cons.level or "")} - {None}
    asked -= _suffix_levels(own)
    return bool(rules.sentence_levels(sentence) & asked)


def _people_elsewhere(cons: Constraints, sentence: str) -> bool:
    """Whether every titled person in the sentence holds the title of another place than the
    one asked about."""
    place = _chinese_place(cons.place) if cons.place and cons.level != "national" else None
    if not place:
        return False
    from rag.answer.facts import person_names
    from rag.ingest.profile import document_rules
    from rag.profiles import get_profile
    rules, short = document_rules(), _short_place(place)
    titles = get_profile().roles.title_regex
    # the title asked about ("Party secretary" -> 市委书记), else every title
    asked = {m.group(0) for m in titles.finditer(" ".join(chinese_terms(cons.question, cons.lang)))}
    wheres = [rules.title_place(sentence, m.start()) for m in titles.finditer(sentence)
              if (not asked or m.group(0) in asked) and person_names(sentence[m.start():m.end() + 4])]
    return bool(wheres) and all(w and w != short and w not in place for w in wheres)


def _names_new_place(cons: Constraints, sentence: str) -> bool:
    """Whether the sentence names a place (of the profile's place list) the question does not."""
    from rag.ingest.profile import document_rules
    from rag.profiles import get_profile
    rules = document_rules()
    places = get_profile().places()
    if hasattr(rules, "place_in_names_only") and hasattr(rules, "without_names"):   # "上海合作组织峰会": no city
        for p in places.in_chinese(sentence):
            if rules.place_in_names_only(sentence, _short_place(p.name), p.name):
                sentence = rules.without_names(sentence, _short_place(p.name))
    new = [p for p in places.in_chinese(sentence)
           if p.name not in cons.question and _short_place(p.name) not in cons.question]
    if not new or any(p.name in sentence for p in new):
        return bool(new)
    # a short name inside a word ("大通关" -> 大通区, "陆海口岸" -> 海口市) names no place: it counts
    # with its unit, or as a word of its own ("在杭州举办"); segmented only when it matters
    from rag.index.bm25 import _jieba
    words = set(_jieba().lcut(sentence))
    return any(_short_place(p.name) in words for p in new)
