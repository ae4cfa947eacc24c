"""When the documents do not say: constraint checks on small made-up passages.

Each near-miss kind (wrong year, plan where the outcome was asked, another level, a figure
the text does not give, a sentence that only restates the question) gives a decline with a
reason, and the right sentence is kept when it is there. The checks on time are tested in
test_abstention_time.py, those on people in test_abstention_people.py, what one sentence must
give (the asked kind of value, about the asked subject, more than the question) in
test_abstention_values.py.
"""
from abstention_util import decide, hit

from rag.answer.constraints import extract
from rag.answer.evidence import reasons
from rag.answer.query import latin_anchors, weak_evidence
from rag.answer.quantities import quantities, states_value


REVIEW_2014 = hit("过去一年，国内生产总值达到63.6万亿元，比上年增长7.4%。城镇新增就业1322万人。",
                  years=[2014], stance="review", period=(2014, 2015))
PLAN_2015 = hit("今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，城镇新增就业1000万人以上。",
                years=[2015], stance="plan", period=(2014, 2015))


def test_the_right_year_is_answered_and_another_year_declined():
    _, d = decide("2014年国内生产总值增长了多少？", [PLAN_2015, REVIEW_2014])
    ok = {REVIEW_2014.chunk.text[c.start:c.end][:7] for c in d.checks if c.ok and c.hit == 1}
    assert d.satisfied and ok == {"过去一年，国内"}
    assert not any(c.ok for c in d.checks if c.hit == 0)            # 2015's target is no answer
    cons, d = decide("2013年国内生产总值增长了多少？", [PLAN_2015, REVIEW_2014])
    assert not d.satisfied
    assert any("不是2013年" in r for r in reasons(d, [PLAN_2015, REVIEW_2014], "zh"))


def test_plan_where_the_outcome_was_asked_is_declined():
    cons, d = decide("2015年国内生产总值实际增长了多少？", [PLAN_2015])
    assert cons.period_kind == "outcome" and not d.satisfied
    assert reasons(d, [PLAN_2015], "en") == ["the documents give the 2015 target, not the outcome"]
    _, d = decide("2015年经济增长的预期目标是多少？", [PLAN_2015])
    assert d.satisfied


def test_a_national_figure_does_not_answer_for_a_province():
    cons, d = decide("2014年广东省国内生产总值增长了多少？", [REVIEW_2014])
    assert cons.level == "province" and not d.satisfied
    assert "place" in d.passage_misses[0]
    gd = hit("广东省国内生产总值增长7.8%。", years=[2014], stance="review", period=(2014, 2014),
             title="2015年广东省政府工作报告")
    assert decide("2014年广东省国内生产总值增长了多少？", [gd])[1].satisfied


def test_a_figure_the_text_does_not_give_is_declined():
    subsidy = hit("发放育儿补贴，减轻家庭养育负担。", years=[2015], stance="plan", period=(2014, 2015))
    assert not decide("2015年育儿补贴发放了多少钱？", [subsidy])[1].satisfied
    dollars = hit("实际使用外商直接投资1196亿美元。", years=[2014], stance="review", period=(2014, 2015))
    cons, d = decide("How many US dollars of foreign direct investment were used in 2014?", [dollars])
    assert cons.quantity_kind == "money" and d.satisfied
    jobs = hit("城镇新增就业1322万人。", years=[2014], stance="review", period=(2014, 2015))
    assert not decide("2014年实际使用外资多少亿元？", [jobs])[1].satisfied


def test_quantities_know_their_kind():
    assert quantities("农村贫困人口减少1240万，新增就业1322万人") == [("1240万", None), ("1322万人", "people")]
    assert quantities("实际使用外资1196亿美元") == [("1196亿美元", "money")]
    assert quantities("2016年3月5日") == []
    assert quantities("会议听取十二宗拟出让地块遗留问题") == [("十二宗", "count")]     # land parcels, cases
    assert quantities("占国际市场份额提高2个多百分点") == [("2个多百分点", "percent")]   # a share, not 2个
    # a change as a multiple answers "增长了多少" / "几倍" as a share does
    assert quantities("城乡居民收入比2010年翻一番") == [("翻一番", "percent")]
    assert quantities("进出口总额增长一倍，出口增长1.5倍") == [("一倍", "percent"), ("1.5倍", "percent")]
    assert states_value("进出口总额增长3倍", extract("2019年进出口总额增长了几倍？").quantity_kind, True)
    assert states_value("增长6.5%－7%", "percent") and not states_value("28个省份", "money")


def test_a_sentence_that_only_restates_the_question_is_no_answer():
    teaser = hit("国内生产总值增长了多少？", years=[2014], stance="review", period=(2014, 2015))
    _, d = decide("2014年国内生产总值增长了多少？", [teaser])
    assert not d.satisfied and "restates" in d.checks[0].misses


def test_latin_terms_must_be_in_the_evidence():
    assert latin_anchors("长葛市2021年的GDP是多少？") == ["gdp"]
    assert latin_anchors("What was the GDP?") == []                 # English questions: all Latin
    assert weak_evidence("长葛市2021年的GDP是多少？",
                         [hit("开展长葛市安全发展示范城市创建，到2021年上半年基本达到创建标准。")], "zh")
    assert weak_evidence("任何问题", [], "zh")
    # text from PDFs confuses l and 1, O and 0 in letter-and-digit terms: "HlN1" is H1N1
    flu = hit("面对突如其来的甲型HlN1流感疫情，我们依法科学有序地开展防控工作。", years=[2009])
    assert not weak_evidence("2009年面对突如其来的甲型H1N1流感疫情，政府是怎样开展防控工作的？", [flu], "zh")
    assert weak_evidence("2009年面对突如其来的甲型H7N9流感疫情，政府是怎样开展防控工作的？", [flu], "zh")


def test_a_numbered_label_is_named_by_its_items():
    """"哪“三个不生产”": a passage listing the three items without the label answers; one
    without them does not."""
    entry = hit("要强化措施抓生产安全，做到措施不落实不生产、隐患不排除不生产、整改不到位不生产，守住底线。",
                years=[2020], date="2020-03-13", title="某市2020年3月大事记")
    assert decide("3月13日的推进会在强化措施抓生产安全时提出了哪“三个不生产”？", [entry])[1].satisfied
    other = hit("要强化措施抓生产安全，加强施工现场管理，守住安全生产底线。", years=[2020], date="2020-03-13",
                title="某市2020年3月大事记")
    assert not decide("3月13日的推进会在强化措施抓生产安全时提出了哪“三个不落实”？", [other])[1].satisfied


def test_what_a_leader_said_after_a_meeting_is_not_what_the_meeting_required():
    """A county entry retelling a provincial meeting: "会后，某区长强调…" is his follow-up; the
    entry says nothing of what the province required. Asked of him, or of after the meeting, it
    answers."""
    entry = hit("是日某区组织收听收看全省安全生产紧急电视电话会。全省安全生产紧急电视电话会后，王某就抓好"
                "某区安全生产工作强调，一是提高思想认识。二是扛稳责任。三是严查严改。",
                years=[2019], date="2019-03-24", title="某区年鉴2020")
    q = "2019年3月24日全省安全生产紧急电视电话会议上，省里对各地提出了哪些要求？"
    assert not decide(q, [entry])[1].satisfied
    assert decide("2019年3月24日全省安全生产紧急电视电话会议后，王某强调了哪些要求？", [entry])[1].satisfied
    meeting = hit("3月2日，某市召开安全生产工作会议。会议要求，要压实责任，严查隐患。会后，王某强调要抓好落实。",
                  years=[2020], date="2020-03-02", title="某市2020年3月大事记")
    _, d = decide("3月2日的安全生产工作会议提出了哪些要求？", [meeting])
    assert {meeting.chunk.text[c.start:c.end][:4] for c in d.checks if c.ok} == {"会议要求"}


def test_a_year_the_named_document_writes_is_checked_in_its_sentences():
    """"According to the 2013 report, … the SARS outbreak in 2003": the report writes 2003, so
    its passage is not ruled out by its own period; a report that does not write it is."""
    lesson = hit("2003年抗击突如其来的非典疫情给我们的重要启示之一，就是统筹经济社会发展。", years=[2012],
                 stance="review", period=(2008, 2012), title="2013年国务院政府工作报告")
    _, d = decide("2013年政府工作报告说，2003年抗击非典疫情给我们的重要启示之一是什么？", [lesson])
    assert "year" not in d.passage_misses[0]
    other = hit("抗击突如其来的非典疫情给我们的重要启示之一，就是统筹经济社会发展。", years=[2012],
                stance="review", period=(2008, 2012), title="2013年国务院政府工作报告")
    _, d = decide("2013年政府工作报告说，2003年抗击非典疫情给我们的重要启示之一是什么？", [other])
    assert "year" in d.passage_misses[0]


def test_a_figure_in_chinese_numerals_is_new_information():
    # the sentence repeats the question's words but gives the figure: it answers
    grain = hit("魏都区全年粮食总产量达到十二万吨。", years=[2019], stance="review", period=(2019, 2019),
                title="魏都区年鉴2020")
    _, d = decide("魏都区全年粮食总产量达到多少？", [grain])
    assert d.satisfied


def test_the_questions_own_number_in_another_language_is_no_answer():
    # "four roads" asked, "四条" given back: the sentence gives no figure the question lacks
    roads = hit("3月20日，听取城区四条主干道路提升改造方案汇报。", years=[2020], date="2020-03-20",
                title="某市2020年3月大事记")
    _, d = decide("How many of the four trunk roads had been upgraded by the end of March 2020?", [roads])
    assert not d.satisfied
    _, d = decide("城区四条主干道路到3月底改造了几条？", [roads])
    assert not d.satisfied


def test_numbers_in_reads_three_ways_of_writing():
    from rag.answer.numerals import numbers_in
    assert numbers_in("How many of the four roads, against the 1.65 trillion planned?") == {"4", "165"}
    assert numbers_in("城区四条道路") == {"4"}
    assert numbers_in("2019年4月12日查看了几个项目？") == {"2019"}       # a month and a day are no figures
    assert numbers_in("What did the mayor see on 12 April and on May 3rd?") == set()


COUNTY = hit("要对全县19家风险企业逐一化解。循环经济产业园要确保60万吨生产线建成投用。全市上下要完成造林1万亩。",
             years=[2020], stance="plan", period=(2020, 2020), title="平阳县2020年政府工作报告",
             place="浙江省温州市平阳县")


def test_a_part_of_the_place_does_not_speak_for_it():
    _, d = decide("温州市循环经济产业园要确保多少万吨生产线建成投用？", [COUNTY])
    assert not any(c.ok and COUNTY.chunk.text[c.start:c.end].startswith("循环") for c in d.checks)
    _, d = decide("平阳县循环经济产业园要确保多少万吨生产线建成投用？", [COUNTY])
    assert d.satisfied
    # a sentence of the county's document that speaks for the whole city ("全市…") may answer
    _, d = decide("温州市要完成造林多少亩？", [COUNTY])
    assert d.satisfied
    # the question naming the county too ("…会议后，平阳县…") asks about the county
    assert decide("温州市会议后，平阳县循环经济产业园要确保多少万吨生产线建成投用？", [COUNTY])[1].satisfied


def test_the_questions_own_figure_is_no_answer():
    firms = hit("对全区19家风险企业因企制宜、逐一化解。", years=[2020], stance="plan", period=(2020, 2020))
    assert not decide("某区19家风险企业最终化解了几家？", [firms])[1].satisfied
    pensions = hit("企业退休人员基本养老金今年再提高10%。", years=[2010], stance="plan", period=(2009, 2010))
    assert decide("By how much were basic pensions of enterprise retirees to be raised in 2010?", [pensions])[1].satisfied


def test_an_entry_opening_on_the_asked_place_is_about_it():
    # a county chronicle's entry on a city meeting: its requirements answer for the meeting
    meeting = hit("3月20日，温州市造林绿化现场推进会召开。会议要求，新上项目的设计要在4月底前完成并上报。",
                  years=[2020], date="2020-03-20", title="平阳县2020年3月大事记", place="浙江省温州市平阳县")
    _, d = decide("温州市造林绿化现场推进会要求新上项目的设计什么时候前完成？", [meeting])
    assert any(c.ok and meeting.chunk.text[c.start:c.end].startswith("会议要求") for c in d.checks)


def test_a_question_giving_figures_may_ask_about_something_else():
    why = hit("影响全区生产总值增长2个百分点左右的因素是重点企业搬迁。", years=[2020], stance="plan", period=(2020, 2020))
    _, d = decide("增速目标定为7%时，提到哪个因素会影响生产总值增长2个百分点左右？", [why])
    assert not any("value" in c.misses for c in d.checks)


def test_a_county_level_citys_own_scope_is_not_its_prefectures():
    # 瑞安 is a county-level city under 温州: in its records "全市" is 瑞安, and a passage that
    # merely mentions 温州 elsewhere does not make its figures the prefecture's
    clinics = hit("3月27日，市长王某主持召开常务会议，传达学习温州市环保工作会议精神。我市计划在5月底前，在全市300个行政村建成标准化村级卫生室。",
                  years=[2020], date="2020-03-27", title="瑞安市2020年3月大事记", place="浙江省温州市瑞安市")
    _, d = decide("温州市计划建成多少个村级卫生室？", [clinics])
    assert not d.satisfied
    _, d = decide("How many village clinics did Wenzhou city plan to build?", [clinics])
    assert not d.satisfied
    assert any("another place" in r for r in reasons(d, [clinics], "en"))
    _, d = decide("瑞安市计划建成多少个村级卫生室？", [clinics])
    assert d.satisfied


def test_a_one_character_expression_is_matched_as_written():
    # "coal" is 煤 alone: no bigram of its own to find in "燃煤小锅炉"
    boilers = hit("今年要淘汰燃煤小锅炉5万台，推广新能源汽车。", years=[2014], stance="plan", period=(2013, 2014),
                  title="2014年国务院政府工作报告")
    _, d = decide("How many small coal-fired boilers were to be phased out in 2014?", [boilers])
    assert d.satisfied


def test_a_count_with_a_measure_word_wants_that_measure():
    # 几家 counts firms: "17起" (cases) and "35万余人" (people) are other counts
    other = hit("拿出1000万元专项资金，解决了17起信访积案，35万余人享受基本公共卫生服务。", years=[2019],
                stance="review", period=(2019, 2019), title="某区年鉴2020")
    firms = hit("对全区风险企业逐一化解，已化解12家风险企业。", years=[2019], stance="review", period=(2019, 2019),
                title="某区年鉴2020")
    assert not decide("某区风险企业2019年化解了几家？", [other])[1].satisfied
    assert decide("某区风险企业2019年化解了几家？", [firms])[1].satisfied


def test_a_figure_with_more_after_its_magnitude_keeps_its_unit():
    from rag.answer.quantities import quantities
    assert quantities("35万余人享受服务，税收3000余万元") == [("35万余人", "people"), ("3000余万元", "money")]


def test_a_level_that_sets_a_condition_or_a_comparison_is_not_the_figures_scope():
    income = hit("城镇化率达到57%，人均可支配收入达到了3.65万元，比全市平均高1.05万元。", years=[2019],
                 stance="review", period=(2019, 2019), title="某区年鉴2020", place="河南省许昌市魏都区")
    assert decide("魏都区2019年人均可支配收入达到了多少？", [income])[1].satisfied
    schools = hit("3月3日，某市教育系统电视电话会议召开。待全省疫情得到有效控制后，再研究开学时间，并提前一周向社会公布。",
                  years=[2020], date="2020-03-03", title="某市2020年3月大事记")
    _, d = decide("3月3日某市教育系统会议指出，开学时间将提前多长时间向社会公布？", [schools])
    assert d.satisfied
    # the figure's own clause naming another level still does not answer
    province = hit("全省粮食总产量达到1300亿斤。", years=[2019], stance="review", period=(2019, 2019),
                   title="某区年鉴2020", place="河南省许昌市魏都区")
    assert not decide("魏都区2019年粮食总产量是多少？", [province])[1].satisfied


def test_a_level_named_as_where_one_ranks_is_not_the_sentences_scope():
    """"…为市产业集聚区保持全省先进注入新活力", "位居全省第一": the place spoken of is the one
    that ranks, not the province it ranks in."""
    entry = hit("3月14日，某市产业集聚区工作推进联席会召开。要通过点上辐射、线上延伸、面上联动，把非公企业党建工作"
                "作为重要引擎，为市产业集聚区保持全省先进注入新活力。", years=[2020], date="2020-03-14",
                title="平阳县2020年3月大事记", place="浙江省温州市平阳县")
    _, d = decide("2020年3月14日平阳县产业集聚区联席会议上，对非公企业党建工作提出了什么要求？", [entry])
    assert d.satisfied and all("place" not in c.misses for c in d.checks)
    province = hit("全省生产总值增长7%。", years=[2019], stance="review", period=(2019, 2019),
                   title="平阳年鉴2020", place="浙江省温州市平阳县")
    assert not decide("平阳县2019年生产总值增长多少？", [province])[1].satisfied


def test_a_higher_level_acting_on_the_place_is_not_the_sentences_scope():
    """The honour a province gives, the province's meeting a district carries out and the
    people the centre addresses name a level that is not whose the sentence is."""
    report = hit("34起上级交办问题楼盘全部化解，荣获全省问题楼盘化解先进单位。认真落实全省卫生健康大会要求，"
                 "绷紧疫情防控这根弦。", years=[2019], stance="review", period=(2019, 2019),
                 title="平阳年鉴2020", place="浙江省温州市平阳县")
    for q in ("平阳县2019年在问题楼盘化解方面获得了什么荣誉？", "平阳县在疫情防控常态化方面要落实什么会议的要求？"):
        _, d = decide(q, [report])
        assert any(c.ok for c in d.checks), q
    pledge = hit("4月2日，某市纪委书记到平阳县调研脱贫攻坚工作。她指出，2020年农村贫困人口全部脱贫是党中央向全国人民"
                 "作出的郑重承诺，没有任何退路和弹性。", years=[2020], date="2020-04-02",
                 title="平阳县2020年4月大事记", place="浙江省温州市平阳县")
    _, d = decide("2020年4月2日在平阳县调研脱贫攻坚时，纪委书记说全部脱贫的承诺没有什么？", [pledge])
    assert any("退路" in pledge.chunk.text[c.start:c.end] for c in d.checks if c.ok)
    # the level still decides when it is the sentence's own
    province = hit("全省问题楼盘化解率达到95%。", years=[2019], stance="review", period=(2019, 2019),
                   title="平阳年鉴2020", place="浙江省温州市平阳县")
    assert not decide("平阳县2019年问题楼盘化解率是多少？", [province])[1].satisfied
