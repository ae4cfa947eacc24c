"""Metric functions on small hand-made cases whose answers are worked out by hand."""
from __future__ import annotations

import math

import pytest

from rag.eval.metrics import (abstention_scores, aggregate, all_quotes_at_k, citation_precision,
                              citation_recall, contains_quote, faithfulness, group_by,
                              hit_at_k, keyword_hit, keyword_recall, mean_or_none, ndcg_at_k,
                              percentile, quote_recall_at_k, reciprocal_rank, relevant_flags)
from rag.textsim import (Span, best_quote, char_f1, char_ngrams, normalize,
                         normalize_with_offsets, support, units)

# ---------------------------------------------------------------- textsim: normalize, units


def test_normalize_full_width_case_whitespace_and_markdown():
    assert normalize("２０１９年 １月\n２２日") == "2019年1月22日"
    assert normalize("**ＧＤＰ** 增长\u3000７％") == "gdp增长7%"
    assert normalize("全\u200b市") == "全市"                     # zero-width space


def test_normalize_keeps_chinese_punctuation():
    assert normalize("一、总体情况。") == "一、总体情况。"
    # NFKC folds full-width ASCII punctuation; both sides of a comparison get the same.
    assert normalize("你好，世界（一）") == "你好,世界(一)"


@pytest.mark.parametrize("text", [
    "２０１９年 １月\n２２日", "**ＧＤＰ** 增长\u3000７％", "Café ① ㎡ ﬁle", "cafe\u0301 x", "",
])
def test_normalize_with_offsets_agrees_with_normalize(text):
    norm, starts, ends = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(starts) == len(ends) == len(norm)
    assert all(0 <= s < e <= len(text) for s, e in zip(starts, ends))


def test_units_cjk_characters_and_ascii_runs():
    assert units("2019年ＧＤＰ增长 5.6%，Zhang Zhongmin说") == [
        "2019", "年", "gdp", "增", "长", "5", "6", "zhang", "zhongmin", "说"]
    assert units("，。！ ") == []
    assert units("二〇一九年") == ["二", "〇", "一", "九", "年"]


def test_char_ngrams():
    assert char_ngrams("经济发展") == {("经", "济"), ("济", "发"), ("发", "展")}
    assert char_ngrams("经济 发展", n=1) == {("经",), ("济",), ("发",), ("展",)}
    assert char_ngrams("GDP增长", n=3) == {("gdp", "增", "长")}
    assert char_ngrams("经", n=2) == set()
    with pytest.raises(ValueError):
        char_ngrams("经济", n=0)


# ---------------------------------------------------------------- textsim: support, f1


def test_support_fraction_of_claim_bigrams():
    # claim bigrams 全市 市经 经济 济增 增长; the passage has all but 济增 -> 4/5
    assert support("全市经济增长", "今年全市经济稳定增长") == pytest.approx(0.8)
    assert support("全市经济增长", "全市经济增长较快") == 1.0
    assert support("春耕", "全市经济增长") == 0.0


def test_support_ignores_width_and_spaces_and_handles_short_claims():
    assert support("５７.７亿元", "生产总值 57.7 亿元") == 1.0
    assert support("增", "增长") == 1.0                # one unit: unigrams
    assert support("降", "增长") == 0.0
    assert support("。", "增长") == 0.0                # nothing to support


def test_char_f1_multiset_overlap():
    # 5 common units; P = 5/5, R = 5/7 -> F1 = 10/12
    assert char_f1("张忠民主持", "张忠民主持会议") == pytest.approx(10 / 12)
    assert char_f1("的的的", "的") == pytest.approx(0.5)  # P = 1/3, R = 1
    assert char_f1("Zhang Zhongmin chaired", "zhang zhongmin") == pytest.approx(0.8)
    assert char_f1("５７亿", "57亿") == 1.0
    assert char_f1("", "") == 1.0
    assert char_f1("", "经济") == 0.0
    assert char_f1("春耕", "经济") == 0.0


# ---------------------------------------------------------------- textsim: best_quote


def test_best_quote_slices_original_with_full_width_digits():
    passage = "2019年，全市地区生产总值达到５７.７亿元，同比增长６%。"
    span = best_quote("全市地区生产总值达到57.7亿元", passage)
    assert isinstance(span, Span)
    assert passage[span.start:span.end] == "全市地区生产总值达到５７.７亿元"


def test_best_quote_slices_original_with_spaces_and_newlines():
    passage = "会议由 张 忠民 主持，研究部署春耕工作。"
    start, end = best_quote("会议由张忠民主持", passage)
    assert passage[start:end] == "会议由 张 忠民 主持"
    passage = "据统计，全市共有\n中小学 120 所。"
    start, end = best_quote("全市共有中小学120所", passage)
    assert passage[start:end] == "全市共有\n中小学 120 所"


def test_best_quote_offsets_after_full_width_prefix():
    passage = "（一）\u3000２０１９年 工作回顾：全市经济平稳运行，ＧＤＰ增长７％"
    start, end = best_quote("全市经济平稳运行", passage)
    assert passage[start:end] == "全市经济平稳运行"
    start, end = best_quote("**GDP增长7%**", passage)
    assert passage[start:end] == "ＧＤＰ增长７％"


def test_best_quote_picks_longest_common_substring():
    passage = "全市经济增长。全市经济平稳运行，就业形势稳定。"
    start, end = best_quote("今年全市经济平稳运行", passage)
    assert passage[start:end] == "全市经济平稳运行"


def test_best_quote_none_below_min_len():
    assert best_quote("春耕", "研究部署春耕工作") is None
    start, end = best_quote("春耕", "研究部署春耕工作", min_len=2)
    assert (start, end) == (4, 6)
    assert best_quote("完全无关的内容", "研究部署春耕工作") is None
    assert best_quote("", "研究部署春耕工作") is None


# ---------------------------------------------------------------- retrieval metrics

RANKED = [
    "2018年全市经济平稳运行。",
    "会议听取了春耕工作汇报。",
    "2019年，全市地区生产总值达到57.7 亿元。",
    "张忠民主持召开常务会议。",
]


def test_contains_quote_strict_is_exact():
    assert contains_quote("全市地区生产总值达到57.7亿元", "57.7亿元")
    assert not contains_quote("全市地区生产总值达到57.7亿元", "５７.７亿元")   # width differs
    assert not contains_quote("全 市 生产\n总值", "全市生产总值")             # spaces inside
    assert not contains_quote("生产总值**57.7亿元**", "生产总值57.7亿元")
    assert not contains_quote("Changge City", "changge city")                   # case
    assert not contains_quote("全市生产总值", "  ")


def test_contains_quote_lenient_normalises():
    assert contains_quote("全市地区生产总值达到57.7亿元", "５７.７亿元", strict=False)
    assert contains_quote("全 市 生产\n总值", "全市生产总值", strict=False)
    assert contains_quote("生产总值**57.7亿元**", "生产总值57.7亿元", strict=False)
    assert not contains_quote("全市生产总值", "全省生产总值", strict=False)
    assert not contains_quote("全市生产总值", "  ", strict=False)


def test_relevant_flags():
    # RANKED[2] reads "57.7 亿元" (a space): only the lenient match finds the quote there
    assert relevant_flags(RANKED, ["生产总值达到５７.７亿元"]) == [False] * 4
    assert relevant_flags(RANKED, ["生产总值达到57.7 亿元"]) == [False, False, True, False]
    assert relevant_flags(RANKED, ["生产总值达到５７.７亿元"], strict=False) == [False, False, True, False]
    assert relevant_flags(RANKED, ["春耕工作", "张忠民主持"]) == [False, True, False, True]
    assert relevant_flags(RANKED, []) == [False] * 4


def test_hit_and_reciprocal_rank():
    flags = [False, False, True, True]
    assert reciprocal_rank(flags) == pytest.approx(1 / 3)
    assert reciprocal_rank(flags, k=2) == 0.0
    assert reciprocal_rank([True]) == 1.0
    assert reciprocal_rank([]) == 0.0
    assert hit_at_k(flags, 2) == 0.0
    assert hit_at_k(flags, 3) == 1.0


def test_ndcg_by_hand():
    # relevant at ranks 2 and 4, two gold quotes:
    # DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3)
    flags = [False, True, False, True]
    expected = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert ndcg_at_k(flags, 4, 2) == pytest.approx(expected)
    assert ndcg_at_k(flags, 4, 2) == pytest.approx(0.650921, abs=1e-6)
    # k=3 cuts off rank 4: DCG = 1/log2(3)
    assert ndcg_at_k(flags, 3, 2) == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))


def test_ndcg_ideal_uses_min_of_relevant_and_k():
    # one hit at rank 1 of 3 gold quotes: IDCG = 1 + 1/log2(3) + 1/2
    assert ndcg_at_k([True, False], 5, 3) == pytest.approx(1 / (1 + 1 / math.log2(3) + 0.5))
    assert ndcg_at_k([True, False], 1, 3) == 1.0           # ideal has only min(3, 1) item
    assert ndcg_at_k([False, True], 5, 0) == pytest.approx(1 / math.log2(3))  # n_relevant >= 1
    assert ndcg_at_k([True, True], 2, 1) == 1.0            # duplicate chunks: capped
    assert ndcg_at_k([False, False], 2, 1) == 0.0


def test_quote_recall_of_multiple_quotes():
    quotes = ["全市经济平稳运行", "春耕工作", "张忠民主持"]
    assert quote_recall_at_k(RANKED, quotes, 2) == pytest.approx(2 / 3)
    assert quote_recall_at_k(RANKED, quotes, 1) == pytest.approx(1 / 3)
    assert quote_recall_at_k(RANKED, quotes, 4) == 1.0
    assert not all_quotes_at_k(RANKED, quotes, 3)
    assert all_quotes_at_k(RANKED, quotes, 4)
    assert quote_recall_at_k(RANKED, [], 4) is None
    assert not all_quotes_at_k(RANKED, [], 4)


def test_quote_split_across_passages_is_not_found():
    assert quote_recall_at_k(["全市经济", "平稳运行"], ["全市经济平稳运行"], 2) == 0.0


# ---------------------------------------------------------------- citations, faithfulness


def test_citation_precision_and_recall():
    gold = ["生产总值达到57.7 亿元", "春耕工作", "农田水利"]
    cited = [RANKED[2], RANKED[0], RANKED[1]]    # relevant, irrelevant, relevant
    assert citation_precision(cited, gold) == pytest.approx(2 / 3)
    unspaced = ["生产总值达到57.7亿元", "春耕工作", "农田水利"]   # matches RANKED[2] leniently only
    assert citation_precision(cited, unspaced) == pytest.approx(1 / 3)
    assert citation_precision(cited, unspaced, strict=False) == pytest.approx(2 / 3)
    assert citation_recall(cited, unspaced) == pytest.approx(1 / 3)
    assert citation_recall(cited, unspaced, strict=False) == pytest.approx(2 / 3)
    assert citation_recall(cited, gold) == pytest.approx(2 / 3)   # 农田水利 never cited
    assert citation_precision([RANKED[2], RANKED[2]], gold) == 1.0
    assert citation_recall([RANKED[2], RANKED[2]], gold) == pytest.approx(1 / 3)


def test_citation_metrics_undefined_cases():
    assert citation_precision([], ["春耕工作"]) is None
    assert citation_recall([], ["春耕工作"]) == 0.0
    assert citation_recall([RANKED[1]], []) is None
    assert citation_precision([RANKED[1]], []) == 0.0      # citing on an unanswerable


def test_faithfulness_with_uncited_sentence():
    claims = [
        ("全市经济增长", ["今年全市经济稳定增长"]),          # support 0.8: faithful
        ("会议由张忠民主持", []),                           # no citation: unfaithful
        ("研究部署春耕工作", ["全市经济增长"]),              # support 0: unfaithful
        ("研究部署春耕工作", ["全市经济增长", "会议研究部署春耕工作"]),  # max over passages
    ]
    assert faithfulness(claims, 0.5) == pytest.approx(2 / 4)
    assert faithfulness(claims[:1], 0.8) == 1.0          # threshold is inclusive
    assert faithfulness(claims[:1], 0.81) == 0.0
    assert faithfulness([], 0.5) is None


# ---------------------------------------------------------------- keywords

EN_ANSWER = ("The meeting on March 15 was chaired by Zhang Zhongmin; GDP reached "
             "57.7 billion yuan and 1,234 people attended.")


def test_keyword_plain_substring_is_normalised():
    assert keyword_hit("春耕", "今年春耕工作进展顺利")
    assert keyword_hit("５７.７亿元", "达到57.7亿元")
    assert not keyword_hit("春耕", "spring ploughing went well")
    assert not keyword_hit("", "anything")


@pytest.mark.parametrize("answer", [
    "chaired by Zhang Zhongmin.", "Zhongmin Zhang chaired it.", "ZHANG Zhong-min said",
    "Zhāng Zhōngmín said", "zhangzhongmin",
])
def test_keyword_name_in_pinyin(answer):
    assert keyword_hit("张忠民", answer)


@pytest.mark.parametrize("answer", ["Zhang Zhongming said", "Zhang Min said", "Zhang said"])
def test_keyword_name_in_pinyin_needs_whole_name(answer):
    assert not keyword_hit("张忠民", answer)


def test_keyword_pinyin_heteronyms_and_u_umlaut():
    assert keyword_hit("曾庆红", "Zeng Qinghong spoke")       # 曾 as a surname is zeng
    for answer in ("Lü Jian", "Lyu Jian", "Lv Jian", "Lu Jian"):
        assert keyword_hit("吕建", answer)


@pytest.mark.parametrize("answer", [
    "on March 15", "on 15 March", "on Mar. 15th", "on the 15th of March", "on 2019-03-15",
])
def test_keyword_month_day_in_english(answer):
    assert keyword_hit("3月15日", answer)


@pytest.mark.parametrize("answer", ["on March 5", "on March 150", "on May 15", "2019-03-16"])
def test_keyword_month_day_mismatch(answer):
    assert not keyword_hit("3月15日", answer)


@pytest.mark.parametrize("answer,found", [
    ("on 2019-01-22", True), ("on Jan. 22, 2019", True), ("on 22 January 2019", True),
    ("on January 22nd, 2019", True), ("2019年01月22日", True), ("2019/1/22", True),
    ("on January 22", False),                 # the year is part of the keyword
    ("on 2019-01-23", False), ("on 2018-01-22", False), ("on Jan. 22, 2018", False),
])
def test_keyword_full_date(answer, found):
    assert keyword_hit("2019年1月22日", answer) is found


def test_keyword_may_must_be_the_month():
    assert keyword_hit("5月1日", "Held on May 1.")
    assert keyword_hit("5月1日", "HELD ON 1 May")
    assert not keyword_hit("5月1日", "you may 1 day see it")
    assert keyword_hit("3月15日", "ON MARCH 15")


def test_keyword_year_month():
    assert keyword_hit("2019年1月", "in January 2019")
    assert keyword_hit("2019年1月", "since 2019-01")
    assert not keyword_hit("2019年1月", "in January 2018")


def test_keyword_number_with_unit_in_english_answer():
    assert keyword_hit("57.7亿元", EN_ANSWER)
    assert keyword_hit("1234人", EN_ANSWER)                    # thousands separator
    assert keyword_hit("12%", "grew 12 percent")
    assert not keyword_hit("57.7亿元", "GDP reached 157.7 billion yuan")
    assert not keyword_hit("57.7亿元", "GDP reached 57.75 billion yuan")
    # in a Chinese answer the unit must match: 万 is not 亿
    assert not keyword_hit("57.7亿元", "生产总值达到57.7万元")


def test_keyword_recall():
    assert keyword_recall(["张忠民", "3月15日", "57.7亿元", "春耕"], EN_ANSWER) == 0.75
    assert keyword_recall([], EN_ANSWER) is None


# ---------------------------------------------------------------- abstention


def test_abstention_scores_with_unanswerable_questions():
    pairs = [  # (predicted_abstain, should_abstain)
        (True, True),      # unanswerable, declined: tp
        (False, True),     # unanswerable, answered anyway: fn
        (True, False),     # answerable, declined: fp
        (False, False), (False, False), (False, False),   # tn
    ]
    s = abstention_scores(pairs)
    assert s["precision"] == 0.5
    assert s["recall"] == 0.5
    assert s["accuracy"] == pytest.approx(4 / 6)
    assert s["f1"] == 0.5
    assert (s["tp"], s["fp"], s["fn"], s["tn"], s["n"]) == (1, 1, 1, 3, 6)


def test_abstention_scores_undefined_ratios():
    never = abstention_scores([(False, True), (False, False)])
    assert never["precision"] is None and never["recall"] == 0.0 and never["f1"] is None
    assert never["accuracy"] == 0.5
    all_answerable = abstention_scores([(True, False), (False, False)])
    assert all_answerable["recall"] is None and all_answerable["precision"] == 0.0
    wrong = abstention_scores([(True, False), (False, True)])
    assert wrong["precision"] == 0.0 and wrong["recall"] == 0.0 and wrong["f1"] == 0.0
    empty = abstention_scores([])
    assert empty["accuracy"] is None and empty["precision"] is None and empty["n"] == 0


# ---------------------------------------------------------------- aggregation


def test_mean_or_none():
    assert mean_or_none([1.0, None, 0.0, True]) == pytest.approx(2 / 3)
    assert mean_or_none([None, None]) is None
    assert mean_or_none([]) is None


def test_percentile_linear_interpolation():
    xs = [4, 1, 3, 2]
    assert percentile(xs, 50) == 2.5
    assert percentile(xs, 90) == pytest.approx(3.7)
    assert percentile(xs, 0) == 1
    assert percentile(xs, 100) == 4
    assert percentile([7], 95) == 7
    assert percentile([None, 5.0, 1.0], 50) == 3.0
    assert percentile([], 50) is None
    with pytest.raises(ValueError):
        percentile(xs, 101)


def test_percentile_matches_numpy():
    np = pytest.importorskip("numpy")
    xs = [12.5, 3.0, 8.25, 40.0, 7.0, 7.0, 19.5]
    for p in (0, 5, 25, 50, 75, 90, 95, 99, 100):
        assert percentile(xs, p) == pytest.approx(float(np.percentile(xs, p)))


ROWS = [
    {"type": "fact", "lang": "zh", "hit@5": 1.0, "mrr": 1.0, "cite_p": None},
    {"type": "fact", "lang": "en", "hit@5": 0.0, "mrr": 0.0, "cite_p": 0.5},
    {"type": "multi", "lang": "zh", "hit@5": 1.0, "mrr": 1 / 3, "cite_p": 1.0},
    {"type": "unanswerable", "lang": "zh", "hit@5": None, "mrr": None, "cite_p": None},
]
KEYS = ["hit@5", "mrr", "cite_p"]


def test_aggregate_ignores_none():
    agg = aggregate(ROWS, KEYS)
    assert agg["hit@5"] == pytest.approx(2 / 3)
    assert agg["mrr"] == pytest.approx((1 + 0 + 1 / 3) / 3)
    assert agg["cite_p"] == pytest.approx(0.75)
    assert agg["n"] == 4
    assert aggregate([], KEYS) == {"hit@5": None, "mrr": None, "cite_p": None, "n": 0}


def test_group_by_type_and_language():
    by_type = group_by(ROWS, "type", KEYS)
    assert list(by_type) == ["fact", "multi", "unanswerable"]
    assert by_type["fact"] == {"hit@5": 0.5, "mrr": 0.5, "cite_p": 0.5, "n": 2}
    assert by_type["unanswerable"] == {"hit@5": None, "mrr": None, "cite_p": None, "n": 1}
    by_lang = group_by(ROWS, "lang", KEYS)
    assert by_lang["zh"]["n"] == 3 and by_lang["en"]["n"] == 1
    assert by_lang["zh"]["mrr"] == pytest.approx((1 + 1 / 3) / 2)
