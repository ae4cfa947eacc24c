"""Chinese numerals as numbers: "二〇一九" -> 2019, "百分之七点四" -> 7.4%, "三万亩" -> 30000亩.

Shared by the question constraints and the claim fact checks.
"""
from __future__ import annotations

import re

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10 ** 4, "亿": 10 ** 8}
_CN_RUN = re.compile(r"(百分之)?([〇零一二两三四五六七八九十百千万亿]{1,16})(?:点([〇零一二三四五六七八九]{1,8}))?")
# A Chinese numeral is read as a number only before a unit ("三万亩", "十四届", "二〇一九年"):
# elsewhere the characters are words (一些, 统一, 千家万户, 十分).
_CN_UNIT_AFTER = re.compile(r"[余多]?(?:个百分点|平方公里|公里|千米|美元|人次|[年月日号个项家名人次届元亩吨米座所条批处户天倍岁位%])")


def cn_number(s: str) -> int | None:
    """"二〇一九" -> 2019, "一万二千" -> 12000, "十四" -> 14; None when s is not a number."""
    if not s or len(s) > 16 or s[0] not in _CN_DIGIT and s[0] != "十":
        return None
    if all(ch in _CN_DIGIT for ch in s):
        if len(s) == 1:
            return _CN_DIGIT[s]
        # Digit by digit only for years and codes (二〇一九); "三五年" is "three to five years".
        return int("".join(str(_CN_DIGIT[ch]) for ch in s)) if "〇" in s or len(s) == 4 else None
    total = section = num = 0
    for ch in s:
        if ch in _CN_DIGIT:
            num = _CN_DIGIT[ch]
        elif ch in _CN_SMALL:
            section += (num or 1) * _CN_SMALL[ch]
            num = 0
        else:                                   # 万 / 亿
            section += num
            if ch == "亿":
                total, section = (total + section) * _CN_BIG[ch], 0
            else:
                total, section = total + section * _CN_BIG[ch], 0
            num = 0
    return total + section + num


def arabize(text: str, min_value: int = 0) -> str:
    """Chinese numerals before a unit written as Arabic digits: "二〇一九年" -> "2019年",
    "百分之七点四" -> "7.4%", "三万亩" -> "30000亩". Numbers below `min_value` are left alone,
    except in dates (一月, 三日), percentages and those with 万/亿."""
    if not any(ch in _CN_DIGIT or ch == "十" for ch in text):
        return text

    def sub(m: re.Match) -> str:
        pct, run, frac = m.group(1), m.group(2), m.group(3)
        value = cn_number(run)
        if value is None:
            return m.group(0)
        after = _CN_UNIT_AFTER.match(text, m.end())
        if not pct and not after:
            return m.group(0)
        is_date = bool(after) and after.group(0)[-1] in "月日号"
        if not (pct or is_date or value >= min_value or "万" in run or "亿" in run):
            return m.group(0)
        num = str(value)
        if frac:
            num += "." + "".join(str(_CN_DIGIT[ch]) for ch in frac)
        return num + "%" if pct else num

    return _CN_RUN.sub(sub, text)


_EN_NUMBER = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_EN_NUMBER.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                   "ninety": 90, "hundred": 100, "a dozen": 12})
_EN_NUMBER_RX = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _EN_NUMBER), key=len, reverse=True)) + r")\b", re.I)


_MONTHS_EN = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PART = re.compile(r"\d{1,2}\s*月|\d{1,2}\s*[日号]|"
                        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS_EN}\b|\b{_MONTHS_EN}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
                        re.I)


def numbers_in(text: str) -> set[str]:
    """The numbers a text writes, as digit strings: Arabic ("7.4%" -> "74"), Chinese before a
    unit ("四个" -> "4") and English words ("the four roads" -> "4"); a date's month and day
    ("4月12日", "12 April") are no figures (its year stays a number, as before)."""
    text = _DATE_PART.sub(" ", arabize(text))
    out = {re.sub(r"\D", "", n) for n in re.findall(r"\d+(?:[.,]\d+)*", text)}
    out |= {str(_EN_NUMBER[m.group(0).lower()]) for m in _EN_NUMBER_RX.finditer(text)}
    return out


_EN_AMOUNT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(trillion|billion|million|hundred million)\b", re.I)
_EN_SCALE = {"trillion": 10 ** 12, "billion": 10 ** 9, "million": 10 ** 6, "hundred million": 10 ** 8}


def english_amounts(text: str) -> list[str]:
    """An English question's large amounts as Chinese records write them: "4 trillion" ->
    4万亿, "1.2 billion" -> 12亿, "500 million" -> 5亿, "12 million" -> 1200万."""
    from decimal import Decimal
    out: list[str] = []
    for m in _EN_AMOUNT.finditer(text):
        value = Decimal(m.group(1)) * _EN_SCALE[m.group(2).lower()]
        for scale, word in ((10 ** 12, "万亿"), (10 ** 8, "亿"), (10 ** 4, "万")):
            if value >= scale:
                n = value / scale
                s = format(n.normalize(), "f")
                out.append(s + word)
                break
    return list(dict.fromkeys(out))
