"""Citation checks on facts: a claim's numbers, dates and names must be in the passages it cites."""
from __future__ import annotations

import pytest

from rag.answer.facts import claim_facts, missing_facts
from rag.answer.verify import FLAG, verify_answer
from rag.types import Chunk, Hit

REPORT = ("2013年，国内生产总值达到56.9万亿元，比上年增长7.7%；城镇新增就业1310万人，城镇登记失业率4.1%；"
          "居民消费价格涨幅控制在2.6%。国务院总理李克强在十二届全国人大二次会议上作报告。")
FARMLAND = "市长张忠民要求确保3月底前2019年度3万亩高标准农田建设项目大头落地"


def report_hits() -> list[Hit]:
    c = Chunk("report-2014:p3", "report-2014", "2014年政府工作报告", "一、2013年工作回顾", "2014-03-05",
              0, len(REPORT), REPORT, "h")
    return [Hit(c, 1.0, 1)]


@pytest.fixture(scope="module")
def farmland_hits(corpus_chunks, farmland_chunk) -> list[Hit]:
    others = [c for c in corpus_chunks if "高标准农田" in c.text and c.id != farmland_chunk.id][:2]
    return [Hit(c, 1.0 / (i + 1), i + 1) for i, c in enumerate([others[0], farmland_chunk, others[1]])]


def check(answer: str, hits: list[Hit], lang: str = "zh"):
    v = verify_answer(answer, hits, lang)
    [claim] = [c for c in v.claims if c.checked]
    return v, claim


# rejected: one fact changed, everything else as the passage says ---------------------------------

@pytest.mark.parametrize("answer, why", [
    ("2013年国内生产总值达到56.8万亿元，比上年增长7.7%[1]。", "number 56.8万亿元 not in [1]"),
    ("2013年国内生产总值达到56.9万亿元，比上年增长7.9%[1]。", "number 7.9% not in [1]"),
    ("2013年国内生产总值达到56.9亿元，比上年增长7.7%[1]。", "number 56.9亿元 not in [1]"),      # magnitude
    ("2013年国内生产总值达到56.9万亿元，比上年增长7.7个百分点[1]。", "number 7.7个百分点 not in [1]"),  # unit
    ("2012年国内生产总值达到56.9万亿元，比上年增长7.7%[1]。", "number 2012年 not in [1]"),
    ("2014年3月6日，国务院总理李克强在十二届全国人大二次会议上作报告[1]。", "date 2014年3月6日 not in [1]"),
    ("国务院总理李克明在十二届全国人大二次会议上作报告[1]。", "name 李克明 not in [1]"),
    ("GDP reached 56.9 billion yuan (“国内生产总值达到56.9万亿元，比上年增长7.7%”) [1].",
     "number 56.9 billion yuan not in [1]"),
])
def test_changed_fact_is_rejected(answer, why):
    lang = "en" if answer.startswith("GDP") else "zh"
    v, claim = check(answer, report_hits(), lang)
    assert claim.best >= 0.5                         # the bigram score alone would have passed it
    assert not claim.supported and claim.mismatch == [why]
    assert FLAG[lang] in v.answer and not v.citations[0].verified


def test_changed_date_and_name_rejected_on_the_chronicle(farmland_hits):
    for answer, why in [(f"3月5日，{FARMLAND}[2]。", "date 3月5日 not in [2]"),
                        (f"2020-03-05, {FARMLAND}[2]。", "date 2020-03-05 not in [2]"),
                        (FARMLAND.replace("张忠民", "王建国") + "[2]。", "name 王建国 not in [2]"),
                        (FARMLAND.replace("张忠民", "张忠明") + "[2]。", "name 张忠明 not in [2]"),
                        (FARMLAND.replace("3万亩", "5万亩") + "[2]。", "number 5万亩 not in [2]")]:
        v, claim = check(answer, farmland_hits)
        assert claim.mismatch == [why], answer
        assert not claim.supported and FLAG["zh"] in v.answer


def test_uncited_claim_with_a_wrong_number_is_flagged():
    v = verify_answer("城镇新增就业1310万人，城镇登记失业率4.2%。", report_hits())
    [claim] = v.unsupported
    assert claim.mismatch == ["number 4.2% not in [1]"]


# accepted: the passage's facts, verbatim or in other words --------------------------------------

@pytest.mark.parametrize("answer", [
    REPORT.split("；")[0] + "[1]。",                                       # verbatim
    "2013年国内生产总值为56.9万亿元，较上年增长7.7%[1]。",                   # paraphrase, same numbers
    "城镇新增就业1,310万人，城镇登记失业率４.１％[1]。",                       # 1,310 and full-width digits
    "2013年国内生产总值增长7.7 %，达到56.9万亿元[1]。",
    "二〇一三年，国内生产总值达到56.9万亿元，比上年增长百分之七点七[1]。",     # Chinese numerals
    "2014年3月5日，国务院总理李克强在十二届全国人大二次会议上作报告[1]。",   # the date is the header's
])
def test_same_facts_are_accepted(answer):
    v, claim = check(answer, report_hits())
    assert claim.supported and claim.mismatch == [] and v.citations[0].verified, claim


@pytest.mark.parametrize("answer", [
    "GDP reached 56.9 trillion yuan in 2013, up 7.7 percent (“国内生产总值达到56.9万亿元，比上年增长7.7%”) [1].",
    "Urban jobs grew by 13.1 million (“城镇新增就业1310万人”) [1].",
    "The premier, 李克强, reported on 2014-03-05 (“国务院总理李克强在十二届全国人大二次会议上作报告”) [1].",
    "On March 5, 2014 the premier reported (“国务院总理李克强在十二届全国人大二次会议上作报告”) [1].",
])
def test_english_claims_with_the_same_digits_are_accepted(answer):
    v, claim = check(answer, report_hits(), "en")
    assert claim.supported and claim.mismatch == [], claim
    assert FLAG["en"] not in v.answer


def test_verbatim_and_paraphrase_accepted_on_the_chronicle(farmland_hits, farmland_chunk):
    sentences = [s for s in farmland_chunk.text.replace("；", "。").split("。") if s]
    answer = "".join(f"{s}[2]。" for s in sentences)
    v = verify_answer(answer, farmland_hits)
    assert not v.unsupported and v.citations[0].verified
    for answer in (f"{FARMLAND}[2]。",
                   "2020年3月4日，市长张忠民要求，3月底前2019年度3万亩高标准农田建设项目要大头落地[2]。",
                   "长葛市长张忠民要求确保5月底前招投标等前期工作全部完成[2]。"):
        v, claim = check(answer, farmland_hits)
        assert claim.supported and claim.mismatch == [], answer


def test_joint_citation_covers_facts_from_either_passage():
    a = Chunk("a:p1", "a", "2014年政府工作报告", "", "2014-03-05", 0, 1, "国内生产总值达到56.9万亿元。", "h")
    b = Chunk("b:p1", "b", "2014年政府工作报告", "", "2014-03-05", 0, 1, "比上年增长7.7%，就业平稳。", "h")
    v, claim = check("国内生产总值达到56.9万亿元，比上年增长7.7%[1][2]。", [Hit(a, 1.0, 1), Hit(b, 0.9, 2)])
    assert claim.supported and claim.mismatch == [] and claim.facts_ok == {1: False, 2: False}


# what counts as a fact -------------------------------------------------------------------------

def test_claim_facts():
    facts = [str(f) for f in claim_facts("1. 2019年1月22日，区长李朝锋主持会议，提出两项要求，投资3.8万亿元，增长7.4%。")]
    assert facts == ["date 2019年1月22日", "number 3.8万亿元", "number 7.4%", "name 李朝锋"]
    assert claim_facts("市长提出3点要求，要高度重视。") == []     # small counts are the answer's own words
    assert [str(f) for f in claim_facts("PM2.5浓度下降，5G基站建成。")] == []
    assert [str(f) for f in claim_facts("书记高度重视，市长明确要求。")] == []   # words after titles, not names


def test_missing_facts_is_direct():
    assert missing_facts("增长7.7%", report_hits()) == []
    assert [str(f) for f in missing_facts("增长7.8%，失业率4.1%", report_hits())] == ["number 7.8%"]


def test_claim_facts_reads_long_repetitive_text():
    # the timing (linear in length) is measured by benchmarks/text_bench.py
    facts = claim_facts("增长7.4%，投资3.8万亿元，" * 2000)
    assert {str(f) for f in facts} == {"number 7.4%", "number 3.8万亿元"}
    for unit in ("3月4日至", "市长张忠民、", "4 March 2019, "):
        claim_facts(unit * 2000)
