"""Question constraints: years, dates, target or outcome, named document, entities (the place:
test_question_place.py; what is asked: test_question_kind.py)."""
from __future__ import annotations

import json

import pytest

from rag.answer.constraints import DocRef, extract
from rag.answer.entities import entities
from rag.answer.numerals import arabize, cn_number


@pytest.mark.parametrize("question, years", [
    ("2019年长葛市生产总值是多少？", [2019]),
    ("二〇一九年全市一般公共预算收入多少亿元？", [2019]),
    ("What was Weidu's GDP growth in 2019?", [2019]),
    ("2018年和2019年分别增长多少", [2018, 2019]),
    ("投资2000万元建设了什么？", []),                  # an amount, not a year
    ("How many of the 2000 people were hired?", []),
    # a stretch written out is every year of it; "between" often compares two
    ("2008年至2012年这五年，全国累计淘汰了多少落后产能？", [2008, 2009, 2010, 2011, 2012]),
    ("How many rural residents moved to towns over the five years from 2013 to 2017?",
     [2013, 2014, 2015, 2016, 2017]),
    ("How did grain output change between 2015 and 2017?", [2015, 2017]),
])
def test_years(question, years):
    assert extract(question).years == years


def test_relative_years_are_kept_as_words():
    assert extract("去年全市GDP增长了多少？").relative_years == ["去年"]
    assert extract("How much did revenue grow last year?").relative_years == ["last year"]
    assert extract("比上年增长多少？").relative_years == []        # a comparison, not a year


def test_dates_reuse_parse_dates():
    [d] = extract("3月4日长葛市委书记尹俊营调研了什么？").dates
    assert (d.year, d.month, d.day_from, d.day_to) == (None, 3, 4, 4)
    [d] = extract("Who chaired the meeting on March 2, 2020?").dates
    assert d.describe() == "2020-03-02"
    [d] = extract("二〇一九年一月二十二日召开了什么会议？").dates
    assert d.describe() == "2019-01-22"


@pytest.mark.parametrize("question, kind", [
    ("2014年国内生产总值增长了多少", "outcome"),
    ("2015年经济增长预期目标是多少", "target"),
    ("What GDP growth target did the 2016 report set?", "target"),
    ("What was the GDP growth target for 2015?", "target"),        # "was" does not make it an outcome
    ("How much did GDP actually grow in 2014?", "outcome"),
    ("2015年实际完成投资多少亿元？", "outcome"),
    ("2020年计划新建多少公里道路？", "target"),
    ("市长对高标准农田建设提出了什么要求？", None),
    ("How many old neighbourhoods is the district to renovate in 2020?", "target"),   # a plan, present tense
    ("How many kilometres of railway are to be built in 2016?", "target"),
    ("How much will the central budget invest in 2016?", "target"),
    ("How much was spent to build rural roads in 2015?", "outcome"),      # a participle before "to"
    ("How much was allocated to poverty relief in 2015?", "target"),      # what a budget sets (安排)
    ("How much did the central government allocate for medical assistance in 2016?", "target"),
    ("Who was the first to speak at the meeting in 2019?", "outcome"),
    ("How much highway investment was actually completed in 2016, against the 1.65 trillion yuan planned?",
     "outcome"),                                                      # the plan's figure is given, not asked
    ("2016年公路投资计划1.65万亿元，实际完成了多少？", "outcome"),
    ("Did the main indicators actually turn positive in the first half of 2020, as the work report aimed?",
     "outcome"),                                                      # the aim is the yardstick, not asked
    ("What was consumption's contribution to economic growth in 2015?", "outcome"),   # a noun's "to"
    ("What was the ratio of debt to GDP in 2015?", "outcome"),
    ("What was the investment to be made in 2016?", "target"),
    ("In 2015, to what level was the basic pension for rural and non-working urban residents to be raised?",
     "target"),
])
def test_outcome_or_target(question, kind):
    assert extract(question).period_kind == kind


@pytest.mark.parametrize("question, ref", [
    ("2015年政府工作报告提出了哪些目标？", DocRef(2015, "政府工作报告")),
    ("What did the 2015 government work report say about jobs?", DocRef(2015, "政府工作报告")),
    ("What GDP growth target did the 2016 report set?", DocRef(2016, "报告")),
    ("In the 2021 report, how many people were lifted out of poverty?", DocRef(2021, "报告")),
    ("2020年年鉴记载了哪些大事？", DocRef(2020, "年鉴")),
    ("2015年经济增长预期目标是多少", None),
])
def test_doc_ref(question, ref):
    got = extract(question).doc_ref
    assert (got and (got.year, got.kind)) == (ref and (ref.year, ref.kind))
    if ref:
        assert got.to_dict() == {"year": ref.year, "kind": ref.kind}


def test_entities():
    assert extract("《魏都区机构改革方案》是哪天印发的？").entities == ["魏都区机构改革方案"]
    assert extract("“两个维护”指的是什么？").entities == ["两个维护"]
    assert "专项债券" in extract("2019年发行专项债券多少亿元").entities
    assert "高标准农田建设项目" in extract("3万亩高标准农田建设项目什么时候完成？").entities
    assert extract("What is the Belt and Road Initiative?").entities == ["Belt and Road Initiative"]
    assert extract("今天天气怎么样").entities == []
    # 计划 before a verb is "plans to", not a programme: no "棚户区改造计划" invented
    assert extract("2015年棚户区改造计划开工多少套？").entities == []
    assert "就业见习计划" in extract("青年就业见习计划覆盖多少人？").entities
    # the topic a question sets before it asks is what its passages must be about
    assert extract("关于巨灾保险，2014年和2015年政府工作报告分别提出了什么？").entities == ["巨灾保险"]
    assert extract("关于农村土地确权工作，报告有什么要求？").entities == ["农村土地确权工作"]
    assert extract("2015年关于棚户区改造的目标是多少？").entities == []     # "about", not a topic set apart


def test_a_topic_set_apart_is_checked_in_each_report_asked():
    """"关于巨灾保险，2014年和2015年…分别提出了什么": a passage of one of the reports on another
    kind of insurance is not about the topic asked."""
    from abstention_util import decide, hit
    other = hit("统一城乡居民基本养老保险制度，企业退休人员基本养老金水平又提高10%。", years=[2014], stance="review",
                period=[2014, 2015], title="2015年国务院政府工作报告", ref_year=2015)
    _, d = decide("关于巨灾保险，2014年和2015年政府工作报告分别提出了什么？", [other])
    assert "entity" in d.passage_misses[0]


def test_lang_to_dict_and_describe():
    c = extract("2014年国内生产总值增长了多少")
    assert c.lang == "zh" and extract("How many people?").lang == "en"
    assert c.describe() == "2014 · outcome · quantity (percent)"
    assert c.describe("zh") == "2014 · 实际 · 数量 (百分比)"
    d = json.loads(json.dumps(extract("2015年政府工作报告：3月5日要求GDP增长多少？").to_dict(), ensure_ascii=False))
    assert d["doc_ref"] == {"year": 2015, "kind": "政府工作报告"} and d["dates"][0]["range"] == "*-03-05"
    # 2015 names the document; no other year is asked about
    assert d["asks"] == "quantity" and d["years"] == []
    t = extract("What GDP growth target did the 2016 report set?").describe()
    assert t == "target · quantity (percent) · 2016 报告"
    both = extract("In the 2020 government work report, what was GDP in 2019?")
    assert both.years == [2019] and both.doc_ref.year == 2020


def test_chinese_numerals():
    assert [cn_number(s) for s in ("二〇一九", "十四", "一万二千", "一亿二千万", "三五")] == \
        [2019, 14, 12000, 120000000, None]
    assert arabize("二〇一九年一月二十二日，增长百分之七点四，新建三万亩，十四届") == \
        "2019年1月22日，增长7.4%，新建30000亩，14届"
    assert arabize("统一思想，千家万户，十分重要，一些") == "统一思想，千家万户，十分重要，一些"


def test_extract_reads_long_repetitive_text():
    # the timing (under a millisecond a question, linear in length) is measured by
    # benchmarks/text_bench.py; here: long pathological inputs still give the right reading
    for unit in ("市长对高标准农田建设提出了什么要求，", "2019年度市区县镇乡省", "What was the 2016 report plan ",
                 "4 March 2019, ", "3月4日至", "《方案》建设项目"):
        c = extract(unit * 2000)
        assert c.lang == ("en" if unit.isascii() else "zh")
    assert extract("2019年度市区县镇乡省" * 2000).years == [2019]
    assert len(extract("4 March 2019, " * 2000).dates) == 2000


def test_what_was_in_a_year_asks_for_the_record():
    assert extract("What was China's total grain output in 2015?").period_kind == "outcome"
    assert not extract("What was China's total grain output in 2015?").period_implied
    assert extract("What was the grain output target for 2015?").period_kind == "target"


def test_what_frames_a_question_leaves_its_subject():
    from rag.answer.constraints import frame_free
    q = extract("By how much did energy consumption per unit of GDP fall over the 12th Five-Year Plan period?")
    assert "energy consumption per unit of GDP" in frame_free(q)
    # a time before a programme's name is not part of it
    assert "城镇保障性安居工程" in extract("“十二五”期间城镇保障性安居工程住房一共建设了多少套？").entities
    # words that set the time ("by the end of", "reviewed in", "五年来") are not the subject
    q = extract("By the end of the five years reviewed in the 2013 report, what total length had China's expressway network reached?")
    assert "end" not in frame_free(q) and "reviewed" not in frame_free(q) and "expressway network" in frame_free(q)
    assert "五年来" not in frame_free(extract("2013年政府工作报告说五年来高速公路总里程达到多少？"))


def test_a_five_year_total_speaks_of_the_five_years_before_the_report():
    """"五年累计…" in a 2013 report's review is 2008-2012; "今后五年累计" plans 2013-2017."""
    from rag.profiles.zh_gov.documents import sentence_years
    assert sentence_years("五年累计，共淘汰落后炼钢产能7800万吨。", 2013) == set(range(2008, 2013))
    assert sentence_years("今后五年累计新增就业5000万人。", 2013) == set(range(2013, 2018))


@pytest.mark.parametrize("question, entities", [
    ("2014年分别计划退耕还林还草多少亩？", []),                      # 计划 is the verb; 分别 names nothing
    ("继续实施南水北调工程投资多少？", ["南水北调工程"]),
    ("云南鲁甸地震灾后恢复重建共投入了多少资金？", ["云南鲁甸地震"]),  # a disaster is named like an accident
])
def test_adverbs_are_no_names_and_disasters_are(question, entities):
    assert extract(question).entities == entities


def test_whether_it_has_already_happened_asks_the_outcome():
    for q in ("农村集体产权制度改革是否已在2020年10月底前全部完成？",
              "某生产线项目是否在2020年8月底前入驻了高新技术产业园？",
              "Had the ring road already been finished by May 2020?"):
        c = extract(q)
        assert c.period_kind == "outcome" and not c.period_implied


def test_a_report_named_by_when_it_was_delivered():
    ref = extract("According to the report delivered in 2013, how many children studied in cities?").doc_ref
    assert ref is not None and ref.year == 2013


def test_a_leading_when_clause_sets_the_time_and_asks_nothing():
    """"When the secretary inspected the road on 3 March 2020, which works…" asks which works;
    "When did the park open, and how much…" asks when, and how much."""
    from rag.answer.parts import question_parts
    q = "When the county's Party secretary inspected the link road on 3 March 2020, which works did he say could run in parallel?"
    assert extract(q).asks != "date" and question_parts(q) == [q]
    assert len(question_parts("When did the park open, and how much did it cost?")) == 2
    assert extract("When was the 375th morning meeting held?").asks == "date"
    # a preposition before the question word: "…, on what principles did he say…"
    assert extract("When the mayor looked at the planned casting park on 3 March 2020, on what principles "
                   "did he say the park should be run?").asks != "date"


def test_a_later_when_clause_with_its_own_subject_asks_nothing():
    """"What did X tell the delegation, when it came to study …?" asks what was said; ", and when
    was it held?" still asks when."""
    q = ("What did the county head tell the delegation from a neighbouring county, when it came to "
         "study project construction on 29 April 2019?")
    assert extract(q).asks != "date"
    assert extract("Who chaired the meeting, and when was it held?").asks in ("person", "date")
    assert extract("When did the delegation come to study project construction?").asks == "date"


def test_the_year_words_were_said_in_is_not_the_year_asked():
    from rag.answer.constraints import extract
    assert extract("王某在2020年1月县委经济工作会议上预计2019年全县生产总值增长多少？").years == [2019]
    assert extract("In his January 2020 speech to the county economic work conference, how much debt did "
                   "the county head say had been repaid in 2019?").years == [2019]
    assert extract("在2020年1月的会议上，王某提出了什么要求？").years == [2020]     # the only year stays
    assert extract("2016年和2017年的增长目标分别是多少？").years == [2016, 2017]


def test_last_before_a_count_names_whom_not_when():
    assert extract("2015年力争让最后多少无电人口都能用上电？").period_kind == "target"
    assert extract("2015年最后完成了多少户改造？").period_kind == "outcome"


def test_the_state_by_a_month_end_is_an_outcome():
    c = extract("Had gate access systems been installed in all enterprises of the two parks by the end of March 2020?")
    assert c.as_of == "2020-03" and c.period_kind == "outcome"
    assert extract("到2020年底要完成多少户改厕？").period_kind == "target"


def test_a_visit_and_a_plan_verb_are_not_part_of_a_name():
    assert entities("某书记两次到高铁北站引线道路工程现场调研，提出了什么要求？") == ["高铁北站引线道路工程"]
    assert not any(e.endswith("计划") for e in entities("某区2020年加装电梯试点工作计划加装多少部电梯？"))
    # before a time or an adverb too: "政府工作报告计划当年再解决…" names no plan
    assert entities("2016年的政府工作报告计划当年再解决多少农村人口的饮水问题？") == []


def test_a_quoted_five_year_plan_is_a_stretch_of_years_not_a_name():
    c = extract("“十二五”期间城镇保障性安居工程住房一共建设了多少套？")
    assert c.entities == ["城镇保障性安居工程"] and c.years == [2011, 2012, 2013, 2014, 2015]
    assert extract("“两个维护”指的是什么？").entities == ["两个维护"]


def test_whether_one_understood_is_no_outcome():
    assert extract("是否了解2020年的就业目标？").period_kind != "outcome"


def test_sentences_before_the_one_that_asks_only_set_the_scene():
    q = ("When the mayor inspected the metal-finishing park on 5 March 2020, he wanted a ledger set up. "
         "Which body was to take the lead?")
    assert extract(q).asks != "date"
    assert extract("In 2019 the district built 5 parks. How many of them opened?").asks == "quantity"
    assert extract("When did the park open?").asks == "date"


def test_should_and_must_ask_what_was_planned():
    assert extract("Which two capabilities did the 2011 report say technological upgrading should chiefly "
                   "strengthen?").period_kind == "target"
    assert extract("Which projects did he say must above all be made to land?").period_kind == "target"


def test_a_meeting_named_by_its_topic_is_a_name_to_find():
    # what was said at another meeting that day is no answer to what was said at this one
    assert entities("2020年3月27日某市脱贫攻坚工作周调度会上，市委书记张某提出了哪些要求？") == ["某市脱贫攻坚工作周调度会"]


def test_a_meetings_kind_is_no_topic_in_english():
    """"the 34th joint work-promotion meeting" (工作推进联席会) says what kind of meeting it is: no
    topic its passage must hold; "the investment promotion conference" is about investment."""
    assert extract("At the 34th joint work-promotion meeting of the industrial cluster on 14 March 2020, "
                   "what did the secretary want?").entities == []
    assert extract("What did the investment promotion conference decide?").entities == ["投资"]


def test_the_year_a_figure_is_compared_with_is_not_asked():
    assert extract("2019年全区立案数、结案数较2018年同比分别增长了多少？").years == [2019]
    assert extract("How much higher was GDP in 2019 than in 2018?").years == [2019]
    assert extract("2018年和2019年分别增长多少？").years == [2018, 2019]


@pytest.mark.parametrize("question, years", [
    ("According to the 2016 report, what had fiscal policy done in the previous year?", [2015]),
    ("2017年政府工作报告回顾上年工作时，说医保取得了什么进展？", [2016]),
    ("2016年政府工作报告说，去年积极的财政政策做了什么？", [2015]),
    ("2016年政府工作报告说，前年粮食产量是多少？", [2014]),
])
def test_a_year_back_from_a_named_report_is_the_year_it_reviews(question, years):
    c = extract(question)
    assert (c.years, c.period_kind) == (years, "outcome")


def test_a_year_back_without_a_named_document_stays_relative():
    c = extract("去年积极的财政政策做了什么？")
    assert c.years == [] and c.relative_years == ["去年"]


def test_a_report_named_twice_is_still_only_a_document():
    # a compound question's part ("the 2015 report and the 2016 report each…" read for 2015)
    # names its report twice; its year is the document's, not a year its plans must be about
    c = extract("What did the 2015 report and the 2015 report each call for regarding the Winter Olympics?")
    assert c.doc_ref.year == 2015 and c.years == []
    assert extract("In the 2020 government work report, what was GDP in 2020?").years == [2020]


def test_how_many_kinds_is_a_count_and_later_whether_asks_the_outcome():
    # "几大类"/"多少种" ask how many kinds, whatever money noun (财政) is near; "哪几类" asks which
    c = extract("2015年政府工作报告要求改革中央财政科技计划管理方式，当年实际把中央财政科技计划整合成了几大类？")
    assert (c.asks, c.quantity_kind) == ("quantity", "count")
    assert extract("哪几类企业可以享受减税？").asks == "list"
    from rag.answer.quantities import quantities
    assert quantities("将中央财政科技计划整合为五类") == [("五类", "count")]
    # "后来是否…建成投产": what happened after the requirement, not the requirement again
    c = extract("2020年3月21日某书记要求某项目早建成早投产，该项目后来是否在2020年建成投产？")
    assert c.period_kind == "outcome"


def test_who_said_it_and_to_which_meeting_frame_an_english_question():
    from rag.answer.constraints import frame_free
    c = extract("In his January 2020 speech to the district economic work conference, how much government debt "
                "did the district head say the district had repaid on schedule in 2019?")
    rest = frame_free(c)
    assert "conference" not in rest and " say " not in f" {rest} "
    assert "government debt" in rest and "repaid" in rest
    # "state" is a noun as often ("state-owned enterprises", "state capital"): it stays
    assert "state capital" in frame_free(extract("How many state-owned firms became state capital investment companies?"))


def test_targets_met_are_an_outcome():
    assert extract("2016年政府工作报告说，过去一年在谁的领导下完成了全年主要目标任务？").period_kind == "outcome"
    # a plan's own words still ask the target
    assert extract("2016年要实现的目标是什么？").period_kind == "target"
    assert extract("2016年力争完成哪些任务？").period_kind == "target"
