"""The place a question names and its level, in both languages (rag.answer.question_place,
through the constraints it fills)."""
from __future__ import annotations

import pytest

from rag.answer.constraints import extract


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


def test_a_verb_before_a_place_is_not_part_of_its_name():
    # the national list knows 魏都区, so "介绍魏都区" names 魏都区
    c = extract("推进会上，介绍魏都区经验做法的是谁？")
    assert (c.place, c.level) == ("魏都区", "district")
    assert extract("浙江省温州市平阳县2019年生产总值是多少？").place == "浙江省温州市平阳县"


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


def test_a_numbered_craft_is_no_place():
    c = extract("Which spacecraft docked with Shenzhou-8 in 2011?")
    assert c.place is None and c.level is None


def test_a_requirement_verb_before_a_unit_word_is_no_place_nor_part_of_a_name():
    from rag.answer.constraints import extract
    c = extract("2019年10月23日会议上，王某要求街道机构改革对标什么要求？")
    assert c.place is None
    assert "街道机构改革" in c.entities and not any(e.startswith("求") for e in c.entities)
    assert extract("石象镇党委书记是谁？").place == "石象镇"


def test_a_firms_pinyin_name_is_no_place_and_what_kinds_asks_a_list():
    c = extract("According to Weidu's 2020 report, how many enterprises, Wanli Jiaoke and Aibiaihe among them, "
                "were picked as reserve candidates for a listing?")
    assert c.place == "魏都区"                       # not 湾里区 from the firm "Wanli Jiaoke"
    assert extract("How many people did Xuchang City lift out of poverty?").place == "Xuchang City"
    assert extract("What kinds of paper-only poverty exit must be ruled out when checking poor households' "
                   "income?").asks == "list"


def test_a_later_english_part_keeps_the_first_parts_place():
    from rag.answer.parts import question_parts
    parts = question_parts("At the meeting of Changge's industrial cluster in March 2020, how did the secretary want "
                           "Party building to spread, and what standing was it meant to help keep?")
    assert parts[1] == "what standing was it meant to help keep in Changge in 2020?"


def test_a_place_before_an_office_says_whose_officials_not_where():
    # "Wenzhou city leaders" are the officials of Wenzhou; the visit, and the question, is in Pingyang
    c = extract("Which Wenzhou city leaders accompanied the provincial group to Pingyang on 3 May 2019?")
    assert (c.place, c.level) == ("平阳县", "county")
    assert c.asks == "person"
    # with no other place named, the officials' place is the question's
    assert extract("What did the Wenzhou city leaders require on 3 May 2019?").place == "Wenzhou city"
