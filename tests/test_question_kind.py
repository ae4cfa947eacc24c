"""What a question asks for: a figure with its unit and kind, a person, a date, a list
(rag.answer.question_kind, through the constraints it fills)."""
from __future__ import annotations

import pytest

from rag.answer.constraints import extract


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


@pytest.mark.parametrize("question, asks", [
    ("要求党的领导干部始终做到哪几个“在党”？", "requirement"),     # which ones, not how many
    ("哪几项工作要抓好？", "list"),
    ("2020年新建了几个项目？", "quantity"),
    ("执行这次任务的航天员是哪几位？", "person"),
])
def test_which_ones_is_not_how_many(question, asks):
    assert extract(question).asks == asks


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


def test_who_and_whose_ask_a_person_only_as_the_question_word():
    q = ("When the district head inspected the park on 17 June 2019, what was the capacity of the "
         "second-phase paper production line whose construction he wanted sped up?")
    assert extract(q).asks == "quantity"
    assert extract("Whose speech set the 2019 targets?").asks == "person"
    assert extract("In the 2016 report, to whom was the fee exemption extended?").asks == "person"
    assert extract("According to the report, who chaired the meeting?").asks == "person"


def test_measure_words_of_lifts_and_sets():
    c = extract("某区2020年计划加装多少部电梯？")
    assert (c.asks, c.unit, c.quantity_kind) == ("quantity", "部", "count")
    assert extract("有多少部门联合印发了该方案？").unit != "部"
    assert extract("2021年开工建设保障性住房多少套？").unit == "套"


def test_a_choice_between_two_directions_asks_no_figure():
    assert extract("2010年的M2增长目标与上年实际执行结果相比是高还是低？").asks == "fact"
    assert extract("Was the 2010 M2 growth target higher or lower than the year before?").asks == "fact"
    assert extract("2010年M2增长目标是多少？").asks == "quantity"


def test_a_ratio_of_two_amounts_is_a_share():
    # 经费支出 and 国内生产总值 are amounts of money; "之比" asks the ratio between them
    assert extract("2014年研究与试验发展经费支出与国内生产总值之比达到多少？").quantity_kind == "percent"


@pytest.mark.parametrize("question", ["2011年物价涨幅是从几月份起逐月回落的？", "新一轮妇女发展纲要的实施期限是哪几年？",
                                      "In which years does the new outline apply?"])
def test_a_month_or_years_asked_is_a_date(question):
    assert extract(question).asks == "date"


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
