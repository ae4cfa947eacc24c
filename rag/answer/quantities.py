"""Quantities in Chinese text: each figure with the kind of its unit (money, people, a share…),
and whether a sentence gives a figure of the kind a question asks for."""
from __future__ import annotations

import re

_NUM = r"(?<![\d.])\d+(?:[.,]\d+)*"
_CN_NUM = r"[零〇一二两三四五六七八九十百千万亿]+"
# Measure words of a count of things ("5个", "多少栋"); the question reader uses the same list.
MEASURE_WORDS = "个|项|家|所|座|处|条|户|批|次|辆|台|位|套|件|间|栋|幢|张|棵|艘|架|部"
# 部 before these is a word of its own: 多少部门 asks about departments, not a count of 部.
MEASURE_WORD_NOT = {"部": "门署分委长队"}
# Units by kind of quantity; a number with no unit ("农村贫困人口减少1240万") fits any kind.
_UNITS = [
    # 2个多百分点: a share, not 2个; "增长3倍" a change as a multiple, as a share is
    ("percent", r"%|％|个多?百分点|百分点|倍|成(?![为本果绩立员])"),
    ("money", r"元|美元|欧元|日元|港元"),
    ("people", r"人次|人|名"),
    ("area", r"亩|公顷|平方公里|平方米|平方千米"),
    ("length", r"公里|千米|米"),
    ("weight", r"吨|斤|千克|公斤"),
    ("duration", r"个月|小时|天|周"),
    ("rank", r"个位次|位次|名次"),                  # "下降63个位次": a place in a ranking, not a count
    ("count", rf"{MEASURE_WORDS}|种|类|只|头|宗|例"),   # in a text "3种" is a count; a question's 哪几种 asks for a list
    ("time", r"年|月|日|岁"),
]
_RANKED = {"位列", "排名", "排在", "名列", "位居", "居第", "列第"}
_UNIT_RX = "|".join(u for _, u in _UNITS)
_QUANTITY = re.compile(rf"(?:({_NUM})|百分之({_CN_NUM})|({_CN_NUM})(?=\s*(?:多|余)?\s*(?:万|亿|千)?\s*(?:{_UNIT_RX})))"
                       rf"\s*(?:多|余)?\s*(万亿|千亿|百亿|亿|千万|百万|万|千)?\s*(?:多|余)?\s*((?:{_UNIT_RX}))?")   # 35万余人
_KIND_OF = [(kind, re.compile(rf"^(?:{u})")) for kind, u in _UNITS]
_LABEL_BEFORE, _LABEL_AFTER = re.compile(r"[“\"「『]"), re.compile(r"[”\"」』]")
_NAME_AFTER = re.compile(r"[#＃]|号(?:线|楼|院|地|文|令)|国道|省道|路|街|工程|计划|行动|专项")
# A question on a change ("增长多少", "by how much did GDP fall").
CHANGE_Q = re.compile(r"增长|增加|下降|减少|提高|降低|上升|回落|\b(?:grow|grew|grown|growth|rise|rose|risen|fall|fell|"
                       r"fallen|drop|dropped|decline|declined|increase|increased|decrease|decreased)\b|by how much", re.I)
AMOUNTS = {"percent", "money", "people", "weight", "area", "length"}    # what a change is given in
# Kinds a figure must carry its unit for: "98" is no length, "513" no amount of money. A bare
# number still counts people or things ("农村贫困人口减少1240万").
_UNIT_NEEDED = {"money", "percent", "area", "length", "weight", "duration"}


# A fraction is a share: "三分之一", "1/3", "一半" (a date written with slashes, 2019/3/5, is none)
_FRACTION = re.compile(rf"(?:{_CN_NUM}|\d+(?:\.\d+)?)分之(?:{_CN_NUM}|\d+(?:\.\d+)?)|"
                       r"(?<![\d/.])\d{1,3}/\d{1,3}(?![\d/])|一半|半数|过半|"
                       # doubling: "翻一番", "翻两番", "增长一倍" (一 before 倍 is no article)
                       r"翻[一两二三四]?番|一倍")


# A count of kinds named with 大 ("十大重点产业", "三大攻坚战"); not a Party congress ("党的十九大",
# "二十大精神") nor 一大 ("一大批": many)
_BIG_COUNT = re.compile(r"(?<![第\d零〇一二两三四五六七八九十百])([二两三四五六七八九十]|十[一二三四五六七八九]|\d{1,2})大"
                        r"(?=[\u4e00-\u9fff])(?!以来|精神|报告|代表|召开|胜利|提出|开幕|闭幕|期间|班子|和|、)")


def quantities(text: str) -> list[tuple[str, str | None]]:
    """(number as written, kind of its unit or None) for each quantity in a text; years,
    months and days are left out."""
    out = [(m.start(), (m.group(0), "percent")) for m in _FRACTION.finditer(text)]   # (where, quantity)
    out += [(m.start(), (m.group(0), "count")) for m in _BIG_COUNT.finditer(text)
            if text[max(0, m.start() - 2):m.start()] != "党的"]
    taken = [(a, a + len(q)) for a, (q, _) in out]
    for m in _QUANTITY.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue                                    # the 1 and 3 of 1/3, the 十 of 十大
        before, after = text[max(0, m.start() - 1):m.start()], text[m.end():m.end() + 2]
        measured = bool(m.group(5)) and any(rx.match(m.group(5)) for k, rx in _KIND_OF if k in _UNIT_NEEDED)
        if _LABEL_BEFORE.match(before) or (_NAME_AFTER.match(after) and not measured) \
                or before == "第":                      # 第二批: an ordinal
            continue                                    # “513”工业行动计划, “三个代表”, 98#地, 107国道: names
            #                                             (an amount stays one: 拿出500万元专项资金)
        if re.match(r"[A-Za-z]", before) or re.match(r"[A-Z]", after):
            continue                                    # PM10, C919, G20, 5G: part of a name
        if m.group(2):                                  # 百分之七点四
            out.append((m.start(), (m.group(0), "percent")))
            continue
        unit = m.group(5)
        kind = next((k for k, rx in _KIND_OF if unit and rx.match(unit)), None)
        if kind == "people" and text[max(0, m.start() - 2):m.start()] in _RANKED:
            kind = "rank"                               # "位列170名": a place in a ranking
        if kind == "time" and not m.group(4):
            cn, num = m.group(3), m.group(1)
            if unit != "年" or not (cn and len(cn) <= 3 and not re.search("[零〇]", cn)
                                   or num and re.fullmatch(r"\d{1,2}(?:\.\d+)?", num)):
                continue                                # 2016年, 二〇一九年, 3月, 5日
            kind = "duration"                           # 十至二十年, 10年, 10.8年: a stretch of years
        if m.group(3) == "一" and kind == "count" and not m.group(4) \
                and not re.search(r"[只仅共]\w?$", text[max(0, m.start() - 2):m.start()]):
            continue                                    # 一批, 一个, 一项: an article, not a count
            #                                             (只设一个层级, 仅一项: a count)
        if m.group(3) == "一" and not m.group(4) and re.match(r"一[\u4e00-\u9fff]", text[m.end():m.end() + 2]):
            continue                                    # 一人一策, 一户一档: a slogan's pattern, not a count
        if m.group(1) and not unit and not m.group(4) and re.fullmatch(r"(?:19|20)\d{2}", m.group(1)):
            continue                                    # a bare year
        out.append((m.start(), (m.group(0).strip(), kind)))
    return [q for _, q in sorted(out, key=lambda x: x[0])]


def states_value(sentence: str, kind: str | None, change: bool = False, counted: bool = False) -> bool:
    """Does the sentence give a quantity of the asked kind (or one with no unit at all)? A
    question on a change ("by how much did GDP fall") is answered by a share or an amount; a
    count of things ("how many workers") by a number of people too, unless the question counts
    with a measure word that is not for people (几家, 多少个)."""
    for _, k in quantities(sentence):
        if kind is None or k == kind or (change and k in AMOUNTS and kind in AMOUNTS and "percent" in (k, kind)) \
                or (kind == "count" and k == "people" and not counted) \
                or (k is None and kind not in _UNIT_NEEDED):
            return True
    return False


def new_figure(figure: str, question: str) -> bool:
    """Whether a figure of the sentence is not in the question: by its digits ("7.4%"), or as
    written when in Chinese numerals ("十二万吨", which has no digits to compare)."""
    from rag.answer.numerals import arabize, numbers_in
    digits = re.sub(r"\D", "", arabize(figure))
    if not digits:
        return figure not in question
    # number by number: "10%" is new to "…in 2010?", whose digits merely contain "10"; in
    # either language ("四个" is not new to "the four roads")
    return digits not in numbers_in(question)
