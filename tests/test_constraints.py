"""Question constraints: years, dates, target or outcome, named document, place, what is asked."""
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


@pytest.mark.parametrize("question, place, level", [
    ("广东省2015年GDP是多少", "广东省", "province"),
    ("全国2019年出口多少亿美元", "全国", "national"),
    ("我国粮食产量是多少吨？", "我国", "national"),
    ("3月4日长葛市委书记尹俊营调研了什么？", "长葛市", "city"),      # 日 ends no place name
    ("河南省许昌市长葛市2019年GDP", "河南省许昌市长葛市", "city"),
    ("魏都区2019年有哪些重点项目？", "魏都区", "district"),
    ("全市城区91个社区有多少人？", "全市", "city"),                   # 城区, 社区 name no place
    ("2020年1~4月许昌全市一般公共预算收入下降了多少？", "许昌市", "city"),   # the whole of 许昌, suffix left out
    ("2020年河南全省粮食产量是多少？", "河南省", "province"),
    ("市长对高标准农田建设提出了什么要求？", None, None),
    ("What was the GDP of Guangdong province in 2015?", "Guangdong province", "province"),
    ("How many new jobs were created in Shenzhen?", "Shenzhen", None),
    ("What was China's GDP growth target?", "China", "national"),
])
def test_place_and_level(question, place, level):
    c = extract(question)
    assert (c.place, c.level) == (place, level)


@pytest.mark.parametrize("question, asks, unit, kind", [
    ("2014年国内生产总值增长了多少", "quantity", None, "percent"),
    ("全国2019年出口多少亿美元", "quantity", "亿美元", "money"),
    ("二〇一九年全市一般公共预算收入多少亿元？", "quantity", "亿元", "money"),
    ("长葛市高铁引线全长多少公里？", "quantity", "公里", "length"),
    ("城镇新增就业多少万人？", "quantity", "万人", "people"),
    ("新建高标准农田多少万亩？", "quantity", "万亩", "area"),
    ("粮食产量多少万吨？", "quantity", "万吨", "weight"),
    ("全区共有几所学校？", "quantity", "所", "count"),
    ("GDP增长了多少个百分点？", "quantity", "个百分点", "percent"),
    ("How many people were lifted out of poverty?", "quantity", "people", "people"),
    ("What percentage of GDP went to research?", "quantity", None, "percent"),
    ("“十二五”末城镇保障性住房覆盖面达到了多少？", "quantity", None, "percent"),    # a coverage is a share
    ("How much investment did the project attract, in billion yuan?", "quantity", "billion yuan", "money"),
    ("How many enterprises resumed work?", "quantity", "enterprises", "count"),
    ("What GDP growth target did the 2016 report set?", "quantity", None, "percent"),
    ("具体开学时间将提前多长时间向社会公布？", "quantity", None, "duration"),
    ("长葛至许昌的快速通道全长多少？", "quantity", None, "length"),
    ("园区19家企业实现利润多少？", "quantity", None, "money"),          # a profit is money, like a revenue
    ("How much profit did the park's firms make?", "quantity", None, "money"),
    ("居民出境旅游消费总额是多少？", "quantity", None, "money"),
    ("谁主持了全区领导干部会议？", "person", None, None),
    ("Who chaired the meeting on March 2?", "person", None, None),
    ("Which official inspected the farmland project?", "person", None, None),
    ("《魏都区机构改革方案》是哪天印发的？", "date", None, None),
    ("When did the mayor inspect the farmland?", "date", None, None),
    ("What post did Wang Wu hold when he accompanied the delegation on 27 March?", "fact", None, None),
    ("By when was the reform to be finished?", "date", None, None),
    ("市长对高标准农田建设提出了什么要求？", "requirement", None, None),
    ("What did the mayor require about high-standard farmland?", "requirement", None, None),
    ("魏都区2019年有哪些重点项目？", "list", None, None),
    ("What measures did the 2015 government work report propose?", "list", None, None),
    ("长葛市高铁北站在什么位置？", "fact", None, None),
    ("Which city hosted the 22nd APEC leaders' meeting?", "place", None, None),
    ("第二届进博会在哪个城市举办？", "place", None, None),
])
def test_what_is_asked(question, asks, unit, kind):
    c = extract(question)
    assert (c.asks, c.unit, c.quantity_kind) == (asks, unit, kind)


def test_a_verb_before_a_place_is_not_part_of_its_name():
    # the national list knows 魏都区, so "介绍魏都区" names 魏都区
    c = extract("推进会上，介绍魏都区经验做法的是谁？")
    assert (c.place, c.level) == ("魏都区", "district")
    assert extract("浙江省温州市平阳县2019年生产总值是多少？").place == "浙江省温州市平阳县"


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


def test_a_name_the_national_list_does_not_know_is_read_by_words():
    # towns and other unlisted places are kept when word segmentation makes them a name ...
    assert extract("石象镇党委书记说了什么？").place == "石象镇"
    assert extract("长垣市政协主席是谁？").place == "长垣市"
    # ... and a suffix inside other words is no place: "沿线|镇村", "要求|三镇四办", "座谈会上|市长"
    assert extract("尹某调研时要求高速沿线镇村怎么做？").place is None
    assert extract("会议要求三镇四办对返乡人员做好哪些工作？").place is None
    assert extract("3月9日座谈会上市长提出了什么要求？").place is None
    # "房地产|市场", "国际|市场份额", "重点|区域": a word the suffix opens that is no office
    assert extract("2013年加强房地产市场调控，要健全什么机制？").place is None
    assert extract("2015年我国出口占国际市场份额比上年提高了多少？").place == "我国"
    assert extract("重点区域的细颗粒物浓度要下降多少？").place is None


def test_what_was_in_a_year_asks_for_the_record():
    assert extract("What was China's total grain output in 2015?").period_kind == "outcome"
    assert not extract("What was China's total grain output in 2015?").period_implied
    assert extract("What was the grain output target for 2015?").period_kind == "target"


def test_a_numbered_craft_is_no_place():
    c = extract("Which spacecraft docked with Shenzhou-8 in 2011?")
    assert c.place is None and c.level is None


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


@pytest.mark.parametrize("question, asks", [
    ("要求党的领导干部始终做到哪几个“在党”？", "requirement"),     # which ones, not how many
    ("哪几项工作要抓好？", "list"),
    ("2020年新建了几个项目？", "quantity"),
    ("执行这次任务的航天员是哪几位？", "person"),
])
def test_which_ones_is_not_how_many(question, asks):
    assert extract(question).asks == asks


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


def test_a_requirement_verb_before_a_unit_word_is_no_place_nor_part_of_a_name():
    from rag.answer.constraints import extract
    c = extract("2019年10月23日会议上，王某要求街道机构改革对标什么要求？")
    assert c.place is None
    assert "街道机构改革" in c.entities and not any(e.startswith("求") for e in c.entities)
    assert extract("石象镇党委书记是谁？").place == "石象镇"


def test_last_before_a_count_names_whom_not_when():
    assert extract("2015年力争让最后多少无电人口都能用上电？").period_kind == "target"
    assert extract("2015年最后完成了多少户改造？").period_kind == "outcome"


def test_a_kind_of_person_or_multiple_difficulties_is_no_person_or_figure_asked():
    assert extract("要求党员干部自觉做政治上的什么人？").asks != "person"     # 明白人、老实人: described
    assert extract("报告要求加大对哪些人的监督力度？").asks != "person"       # 领导干部, 负责人: groups
    assert extract("哪些人参加了会议？").asks == "person"
    assert extract("3月5日陪同调研的有什么人？").asks == "person"
    assert extract("要帮助外贸企业克服哪些多重困难和压力？").asks != "quantity"  # 多重: multiple, no weight
    assert extract("这台设备有多重？").asks == "quantity"


def test_a_unit_to_answer_in_asks_a_figure():
    c = extract("What is the daily processing capacity, in tonnes, of the kitchen-waste project?")
    assert (c.asks, c.quantity_kind) == ("quantity", "weight")
    assert extract("What was the installed capacity of wind power in 2015?").asks == "quantity"
    assert extract("How much was spent by the end of June 2019?").as_of == "2019-06"
    assert extract("截至2019年末，全市共有多少家企业？").as_of == "2019-12"
    assert extract("2019年全市共有多少家企业？").as_of is None


def test_what_happened_to_a_figure_asks_an_event():
    assert extract("According to the 2014 report, what happened to central government revenue in the "
                   "first half of 2013?").asks != "quantity"
    assert extract("What was central government revenue in 2013?").asks == "quantity"


def test_a_figure_noun_in_the_topic_does_not_make_a_question_ask_a_figure():
    """What was said or done about something ("what did the report say about residents' overseas
    investment"), a thing of some kind ("健全什么样的薪酬制度", with 收入 in the topic) or how far a
    reform had gone asks no figure; "what did the report say the growth target was" still does."""
    assert extract("What did the 2015 report say China had done about the Asian Infrastructure "
                   "Investment Bank?").asks != "quantity"
    assert extract("What did the 2012 report say about residents' overseas investment?").asks != "quantity"
    assert extract("2014年深化收入分配体制改革，要为医务人员等行业健全什么样的薪酬制度？").asks != "quantity"
    assert extract("According to the 2013 report, how far had collective forest tenure reform "
                   "progressed?").asks != "quantity"
    assert extract("What did the report say the GDP growth target was?").asks == "quantity"
    assert extract("2019年城镇居民人均可支配收入达到什么水平？").asks == "quantity"


def test_a_share_asked_outranks_the_unit_the_scene_names():
    c = extract("Of the two-year 4 trillion yuan investment plan, what share went to affordable housing?")
    assert (c.asks, c.quantity_kind) == ("quantity", "percent")
    assert extract("How much was invested in phase II of the industrial park?").quantity_kind == "money"
    assert extract("How much did the county spend on roads?").quantity_kind == "money"
    assert extract("How much government debt did the district repay in 2019?").quantity_kind == "money"
    assert extract("To what level was the average years of schooling of the working-age population to "
                   "rise?").quantity_kind == "duration"        # not people, for "population"


def test_a_firms_pinyin_name_is_no_place_and_what_kinds_asks_a_list():
    c = extract("According to Weidu's 2020 report, how many enterprises, Wanli Jiaoke and Aibiaihe among them, "
                "were picked as reserve candidates for a listing?")
    assert c.place == "魏都区"                       # not 湾里区 from the firm "Wanli Jiaoke"
    assert extract("How many people did Xuchang City lift out of poverty?").place == "Xuchang City"
    assert extract("What kinds of paper-only poverty exit must be ruled out when checking poor households' "
                   "income?").asks == "list"


def test_who_and_whose_ask_a_person_only_as_the_question_word():
    q = ("When the district head inspected the park on 17 June 2019, what was the capacity of the "
         "second-phase paper production line whose construction he wanted sped up?")
    assert extract(q).asks == "quantity"
    assert extract("Whose speech set the 2019 targets?").asks == "person"
    assert extract("In the 2016 report, to whom was the fee exemption extended?").asks == "person"
    assert extract("According to the report, who chaired the meeting?").asks == "person"


def test_the_state_by_a_month_end_is_an_outcome():
    c = extract("Had gate access systems been installed in all enterprises of the two parks by the end of March 2020?")
    assert c.as_of == "2020-03" and c.period_kind == "outcome"
    assert extract("到2020年底要完成多少户改厕？").period_kind == "target"


def test_measure_words_of_lifts_and_sets():
    c = extract("某区2020年计划加装多少部电梯？")
    assert (c.asks, c.unit, c.quantity_kind) == ("quantity", "部", "count")
    assert extract("有多少部门联合印发了该方案？").unit != "部"
    assert extract("2021年开工建设保障性住房多少套？").unit == "套"


def test_a_visit_and_a_plan_verb_are_not_part_of_a_name():
    assert entities("某书记两次到高铁北站引线道路工程现场调研，提出了什么要求？") == ["高铁北站引线道路工程"]
    assert not any(e.endswith("计划") for e in entities("某区2020年加装电梯试点工作计划加装多少部电梯？"))
    # before a time or an adverb too: "政府工作报告计划当年再解决…" names no plan
    assert entities("2016年的政府工作报告计划当年再解决多少农村人口的饮水问题？") == []


def test_a_quoted_five_year_plan_is_a_stretch_of_years_not_a_name():
    c = extract("“十二五”期间城镇保障性安居工程住房一共建设了多少套？")
    assert c.entities == ["城镇保障性安居工程"] and c.years == [2011, 2012, 2013, 2014, 2015]
    assert extract("“两个维护”指的是什么？").entities == ["两个维护"]


def test_a_choice_between_two_directions_asks_no_figure():
    assert extract("2010年的M2增长目标与上年实际执行结果相比是高还是低？").asks == "fact"
    assert extract("Was the 2010 M2 growth target higher or lower than the year before?").asks == "fact"
    assert extract("2010年M2增长目标是多少？").asks == "quantity"



def test_a_ratio_of_two_amounts_is_a_share():
    # 经费支出 and 国内生产总值 are amounts of money; "之比" asks the ratio between them
    assert extract("2014年研究与试验发展经费支出与国内生产总值之比达到多少？").quantity_kind == "percent"


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


def test_a_later_english_part_keeps_the_first_parts_place():
    from rag.answer.parts import question_parts
    parts = question_parts("At the meeting of Changge's industrial cluster in March 2020, how did the secretary want "
                           "Party building to spread, and what standing was it meant to help keep?")
    assert parts[1] == "what standing was it meant to help keep in Changge in 2020?"


@pytest.mark.parametrize("question", ["2011年物价涨幅是从几月份起逐月回落的？", "新一轮妇女发展纲要的实施期限是哪几年？",
                                      "In which years does the new outline apply?"])
def test_a_month_or_years_asked_is_a_date(question):
    assert extract(question).asks == "date"


def test_the_year_a_figure_is_compared_with_is_not_asked():
    assert extract("2019年全区立案数、结案数较2018年同比分别增长了多少？").years == [2019]
    assert extract("How much higher was GDP in 2019 than in 2018?").years == [2019]
    assert extract("2018年和2019年分别增长多少？").years == [2018, 2019]


def test_a_relative_who_clause_asks_no_person():
    from rag.answer.parts import question_parts
    q = "On 17 October 2019 the Party secretary inspected the site. What post did Zhou Xiaoyan, who went with him, hold?"
    assert extract(q).asks != "person"
    assert question_parts(q) == [q]                     # one question, not "who went with him"
    assert extract("On 5 March, who chaired the meeting, and what did he require?").asks == "person"
    assert extract("When the mayor inspected the park, who accompanied him?").asks == "person"


def test_a_which_question_asks_things_whatever_money_noun_it_names():
    assert extract("Which entry and vetting checks did the 2012 report want strictly enforced on investment "
                   "projects?").asks != "quantity"
    assert extract("What was the investment in railways in 2012?").asks == "quantity"
    assert extract("How much investment went into railways in 2012?").asks == "quantity"


def test_a_place_before_an_office_says_whose_officials_not_where():
    # "Wenzhou city leaders" are the officials of Wenzhou; the visit, and the question, is in Pingyang
    c = extract("Which Wenzhou city leaders accompanied the provincial group to Pingyang on 3 May 2019?")
    assert (c.place, c.level) == ("平阳县", "county")
    assert c.asks == "person"
    # with no other place named, the officials' place is the question's
    assert extract("What did the Wenzhou city leaders require on 3 May 2019?").place == "Wenzhou city"


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
