"""Pure metric functions for `rag eval`: retrieval, citations, faithfulness, keywords, abstention.

Gold evidence is given as quotes (exact substrings of the source). Strict matching (the
default, and what README and CI report): a passage is relevant when a gold quote occurs in
its text exactly as retrieval returned it, character for character, no normalisation.
Lenient matching (`strict=False`, reported beside as hit@5 lenient) compares after
`rag.textsim.normalize` (NFKC, lowercase, whitespace and "*" dropped), so full-width digits
and line breaks inside Chinese do not matter. Definitions: docs/metrics.md.
Per-question functions return floats or None ("not defined for this question");
`aggregate` averages them ignoring None. No numpy needed.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from rag.textsim import count_cjk, is_han, normalize, support

# ---------------------------------------------------------------- retrieval


def _form(text: str, strict: bool) -> str:
    """The text as compared: unchanged when strict, else `normalize`d."""
    return text if strict else normalize(text)


def contains_quote(text: str, quote: str, strict: bool = True) -> bool:
    """True when the quote occurs in the text (exactly, or after `normalize` when not strict).

    An empty or blank quote never does.
    """
    q = _form(quote, strict)
    return bool(q.strip()) and q in _form(text, strict)


def relevant_flags(ranked_texts: Sequence[str], gold_quotes: Sequence[str],
                   strict: bool = True) -> list[bool]:
    """For each ranked passage, whether it contains any gold quote (binary relevance)."""
    quotes = [q for q in (_form(g, strict) for g in gold_quotes) if q.strip()]
    flags = []
    for text in ranked_texts:
        t = _form(text, strict)
        flags.append(any(q in t for q in quotes))
    return flags


def hit_at_k(flags: Sequence[bool], k: int) -> float:
    """1.0 when any of the top k passages is relevant, else 0.0."""
    return float(any(flags[:k]))


def reciprocal_rank(flags: Sequence[bool], k: int = 10) -> float:
    """1/rank of the first relevant passage within the top k (rank 1 is best), else 0.0."""
    for i, flag in enumerate(flags[:k]):
        if flag:
            return 1.0 / (i + 1)
    return 0.0


def _dcg(flags: Iterable[bool]) -> float:
    return sum(1.0 / math.log2(i + 2) for i, flag in enumerate(flags) if flag)


def ndcg_at_k(flags: Sequence[bool], k: int, n_relevant: int) -> float:
    """Binary-relevance nDCG@k; the ideal ranking puts min(n_relevant, k) relevant items first.

    `n_relevant` is the number of gold quotes (at least 1). Several chunks may contain the
    same quote (overlapping chunks), which can push DCG above the ideal; the score is
    capped at 1.0.
    """
    ideal = _dcg([True] * min(max(n_relevant, 1), k))
    if ideal == 0.0:
        return 0.0
    return min(1.0, _dcg(flags[:k]) / ideal)


def _quotes_found(ranked_texts: Sequence[str], gold_quotes: Sequence[str], k: int,
                  strict: bool = True) -> list[bool]:
    top = [_form(t, strict) for t in ranked_texts[:k]]
    found = []
    for g in gold_quotes:
        q = _form(g, strict)
        found.append(bool(q.strip()) and any(q in t for t in top))
    return found


def quote_recall_at_k(ranked_texts: Sequence[str], gold_quotes: Sequence[str],
                      k: int, strict: bool = True) -> float | None:
    """Fraction of gold quotes found in the top k passages; None without gold quotes."""
    if not gold_quotes:
        return None
    found = _quotes_found(ranked_texts, gold_quotes, k, strict)
    return sum(found) / len(found)


def all_quotes_at_k(ranked_texts: Sequence[str], gold_quotes: Sequence[str], k: int,
                    strict: bool = True) -> bool:
    """True when every gold quote is in the top k (multi-hop questions need all of them).

    False without gold quotes: there is no evidence to have found (skip unanswerables).
    """
    return bool(gold_quotes) and all(_quotes_found(ranked_texts, gold_quotes, k, strict))


# ---------------------------------------------------------------- citations and support


def citation_precision(cited_texts: Sequence[str], gold_quotes: Sequence[str],
                       strict: bool = True) -> float | None:
    """Fraction of cited passages that contain a gold quote; None when nothing was cited."""
    if not cited_texts:
        return None
    return sum(relevant_flags(cited_texts, gold_quotes, strict)) / len(cited_texts)


def citation_recall(cited_texts: Sequence[str], gold_quotes: Sequence[str],
                    strict: bool = True) -> float | None:
    """Fraction of gold quotes covered by at least one cited passage; None without gold."""
    return quote_recall_at_k(cited_texts, gold_quotes, len(cited_texts), strict)


def faithfulness(claims: Sequence[tuple[str, Sequence[str]]], threshold: float) -> float | None:
    """Fraction of answer sentences supported by a passage they cite.

    Each claim is (sentence, texts of the passages it cites). A sentence is faithful when
    `support(sentence, passage) >= threshold` for some cited passage; an uncited sentence is
    unfaithful. None when there are no claims (e.g. the system abstained).
    """
    if not claims:
        return None
    faithful = 0
    for sentence, cited in claims:
        if cited and max(support(sentence, p) for p in cited) >= threshold:
            faithful += 1
    return faithful / len(claims)


# ---------------------------------------------------------------- keywords

# English answers to Chinese questions spell names in pinyin and dates in English; these
# rules let a Chinese gold keyword ("王建国", "1月22日", "57.7亿元") count as found there.

_MONTHS = ("january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun",
           "july|jul", "august|aug", "september|sept|sep", "october|oct", "november|nov",
           "december|dec")
_DATE_KW = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?")
_NUMBER_KW = re.compile(r"([+-]?\d[\d,]*(?:\.\d+)?)(\D*)")
_PINYIN_SEP = r"[\s\-\u2010\u2011'\u2019]*"   # "Zhang Zhong-min", "Xi'an"


def _month_re(month: int) -> str:
    full, *abbrevs = _MONTHS[month - 1].split("|")
    if full == "may":
        return "(?-i:May)"           # capitalised only: "you may 1 day" is not May 1
    return "(?:" + "|".join([full] + [a + r"\.?" for a in abbrevs]) + ")"


def _fold_latin(text: str) -> str:
    """NFKC text without diacritics ("Zhāng Lǚ" -> "Zhang Lu"), spaces and case kept."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _mostly_latin(text: str) -> bool:
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    cjk = count_cjk(text)
    return latin > cjk


def _pinyin_hit(name: str, answer: str) -> bool:
    """A Chinese name written in pinyin, surname first or last ("Zhongmin Zhang")."""
    from pypinyin import Style, lazy_pinyin, pinyin   # loads a large dictionary: only on use

    main = lazy_pinyin(name)
    every = pinyin(name, style=Style.NORMAL, heteronym=True)
    if len(every) != len(main):
        every = [[m] for m in main]
    syllables = []
    for first, others in zip(main, every):
        readings = list(dict.fromkeys([first, *others]))   # heteronyms: 曾 is ceng or zeng
        # pypinyin writes ü as "v"; English text has "lü", "lu" or "lyu" (ü loses its dots).
        alts = [re.escape(r).replace("v", "(?:v|u|yu)") for r in readings]
        syllables.append("(?:" + "|".join(alts) + ")")
    orders = [syllables]
    for i in range(1, len(syllables)):                     # given name first, any surname length
        orders.append(syllables[i:] + syllables[:i])
    text = _fold_latin(answer).lower()
    return any(re.search(r"(?<![a-z])" + _PINYIN_SEP.join(o) + r"(?![a-z])", text)
               for o in orders)


def _date_hit(year: str | None, month: int, day: int | None, answer: str) -> bool:
    """A Chinese date as ISO ("2019-01-22"), "March 15", "15 March", "Jan. 22" or "01月22日"."""
    text = _fold_latin(answer)
    y = year or r"\d{4}"
    mon = _month_re(month)
    if day is None:
        forms = [rf"(?<!\d){y}[-/.]0?{month}(?!\d)",
                 rf"(?<![a-z]){mon}[\s,]*(?:of\s+)?{y}(?!\d)" if year else
                 rf"(?<![a-z]){mon}(?![a-z])"]
        return any(re.search(f, text, re.IGNORECASE) for f in forms)
    iso = rf"(?<!\d){y}[-/.]0?{month}[-/.]0?{day}(?!\d)"
    if re.search(iso, text):
        return True
    # Chinese with zero padding or 号: "2019年01月22日", "1月22号".
    zh = (rf"(?<!\d){year}年" if year else r"(?<!\d)") + rf"0?{month}月0?{day}[日号]"
    if re.search(zh, normalize(answer)):
        return True
    d = rf"0?{day}(?:st|nd|rd|th)?"
    english = [rf"(?<![a-z]){mon}\s*{d}(?![a-z\d])",
               rf"(?<![\d]){d}\s+(?:of\s+)?{mon}(?![a-z])"]
    if not any(re.search(f, text, re.IGNORECASE) for f in english):
        return False
    # A year in the keyword must appear too; "January 22" alone does not pin 2019年1月22日.
    return year is None or re.search(rf"(?<!\d){year}(?!\d)", text) is not None


def _number_hit(number: str, answer: str) -> bool:
    """The digits of "57.7亿元" as a whole number in the answer ("57.7 billion yuan")."""
    digits = number.replace(",", "")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", answer)        # "1,234" -> "1234"
    return re.search(rf"(?<![\d.]){re.escape(digits)}(?!\d|\.\d)", text) is not None


def keyword_hit(keyword: str, answer: str) -> bool:
    """Whether a gold keyword is present in the answer.

    Normalised substring match first. Then, for Chinese keywords in other scripts: a name
    in pinyin, a date in ISO or English form, and (in a mostly-English answer only, where
    units like 亿 are translated away) the bare number of a number-with-unit keyword.
    """
    kw = normalize(keyword)
    if not kw:
        return False
    if kw in normalize(answer):
        return True
    date = _DATE_KW.fullmatch(kw)
    if date:
        year, month, day = date.group(1), int(date.group(2)), date.group(3)
        if 1 <= month <= 12:
            return _date_hit(year, month, int(day) if day else None, answer)
        return False
    number = _NUMBER_KW.fullmatch(kw)
    if number and number.group(2):
        return _mostly_latin(answer) and _number_hit(number.group(1), answer)
    if all(is_han(ch) for ch in kw):
        return _pinyin_hit(kw, answer)
    return False


def keyword_recall(keywords: Sequence[str], answer: str) -> float | None:
    """Fraction of gold keywords found by `keyword_hit`; None without keywords."""
    if not keywords:
        return None
    return sum(keyword_hit(k, answer) for k in keywords) / len(keywords)


# ---------------------------------------------------------------- abstention


def abstention_scores(pairs: Sequence[tuple[bool, bool]]) -> dict[str, float | int | None]:
    """Precision/recall/accuracy/F1 of abstaining, from (predicted_abstain, should_abstain).

    Abstaining is the positive class: precision asks "when it declined, was the question
    really unanswerable?", recall "did it decline every unanswerable question?". Undefined
    ratios (0/0) are None.
    """
    tp = sum(1 for p, s in pairs if p and s)
    fp = sum(1 for p, s in pairs if p and not s)
    fn = sum(1 for p, s in pairs if not p and s)
    tn = len(pairs) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if precision is None or recall is None:
        f1 = None
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return {"precision": precision, "recall": recall,
            "accuracy": (tp + tn) / len(pairs) if pairs else None, "f1": f1,
            "n": len(pairs), "tp": tp, "fp": fp, "fn": fn, "tn": tn}


# ---------------------------------------------------------------- aggregation


def mean_or_none(values: Iterable[float | bool | None]) -> float | None:
    """Mean of the values that are not None (bools count as 0/1); None if there are none."""
    kept = [float(v) for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def percentile(values: Iterable[float | None], p: float) -> float | None:
    """The p-th percentile (0-100) with linear interpolation, like numpy's default.

    None values are ignored; None when nothing is left.
    """
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be between 0 and 100, got {p}")
    xs = sorted(float(v) for v in values if v is not None)
    if not xs:
        return None
    rank = (len(xs) - 1) * p / 100
    lo = math.floor(rank)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (rank - lo)


def aggregate(rows: Sequence[dict], keys: Iterable[str]) -> dict[str, float | int | None]:
    """Mean of each metric over the rows that define it (not None), plus "n" = len(rows)."""
    result: dict[str, float | int | None] = {k: mean_or_none(r.get(k) for r in rows)
                                             for k in keys}
    result["n"] = len(rows)
    return result


def group_by(rows: Sequence[dict], field: str,
             keys: Iterable[str]) -> dict[object, dict[str, float | int | None]]:
    """`aggregate` per value of `field` (question type, language, ...), in first-seen order."""
    keys = list(keys)
    groups: dict[object, list[dict]] = {}
    for row in rows:
        groups.setdefault(row.get(field), []).append(row)
    return {value: aggregate(members, keys) for value, members in groups.items()}
