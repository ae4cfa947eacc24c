"""When the documents do not say: constraint checks on small made-up passages.

Each near-miss kind (wrong year, plan where the outcome was asked, another level, a figure
the text does not give, a sentence that only restates the question) gives a decline with a
reason, and the right sentence is kept when it is there.
"""
from rag.answer.constraints import extract
from rag.answer.evidence import check, reasons
from rag.answer.quantities import quantities, states_value
from rag.answer.extractive import passage_sentences
from rag.answer.query import latin_anchors, weak_evidence
from rag.types import Chunk, Hit


def hit(text: str, years=(), stance=None, period=None, title="2015年国务院政府工作报告",
        date=None, speaker=None, ref_year=None, place=None) -> Hit:
    c = Chunk(id="d:p1", doc_id="d", doc_title=title, section="", date=date, start=0,
              end=len(text), text=text, hash="h", years=list(years), stance=stance,
              doc_period=list(period) if period else None, speaker=speaker, ref_year=ref_year,
              doc_place=place)
    return Hit(c, 1.0, 1)


REVIEW_2014 = hit("过去一年，国内生产总值达到63.6万亿元，比上年增长7.4%。城镇新增就业1322万人。",
                  years=[2014], stance="review", period=(2014, 2015))
PLAN_2015 = hit("今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，城镇新增就业1000万人以上。",
                years=[2015], stance="plan", period=(2014, 2015))


def decide(q, hits):
    cons = extract(q)
    return cons, check(cons, hits, passage_sentences)


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


# A made-up district's 2020 speech reviewing 2019 and the months of 2020 so far.
SPEECH_2020 = hit("一是经济平稳运行。2019年全区完成生产总值300亿元，增长6.5%；一般公共预算收入12亿元，"
                  "增长9%。今年以来经济下行压力加大，一季度全区生产总值同比下降12%。",
                  years=[2019, 2020], stance="review", period=(2019, 2020), title="某区年鉴2020",
                  date="2020-06-14", speaker="王某", ref_year=2020)


def test_a_speech_date_is_when_it_was_said_not_what_a_sentence_is_about():
    # "2019年…" in a speech given in 2020 gives 2019's figure; so does the rest of its sentence
    cons, d = decide("某区2020年生产总值实际增长了多少？", [SPEECH_2020])
    assert not any(c.ok for c in d.checks if SPEECH_2020.chunk.text[c.start:c.end].startswith("2019年"))
    budget = [c for c in d.checks if SPEECH_2020.chunk.text[c.start:c.end].startswith("一般公共预算")]
    assert budget and "year" in budget[0].misses
    _, d = decide("某区2019年生产总值增长了多少？", [SPEECH_2020])
    assert d.satisfied


def test_a_part_of_the_year_does_not_answer_for_the_whole_year():
    # the first quarter's fall is no answer for the year, and answers the quarter
    _, d = decide("某区2020年全年生产总值实际增长了多少？", [SPEECH_2020])
    assert not d.satisfied
    _, d = decide("某区2020年一季度生产总值同比下降了多少？", [SPEECH_2020])
    assert {SPEECH_2020.chunk.text[c.start:c.end][:4] for c in d.checks if c.ok} == {"今年以来"}
    _, d = decide("By how much did the district's GDP fall in the first quarter of 2020?", [SPEECH_2020])
    assert d.satisfied


def test_someone_named_only_further_on_is_not_who_acted():
    entry = hit("3月28日，市委书记张某主持召开常委会议，部署疫情防控和项目建设工作。会议传达学习了省委书记李某调研时的讲话精神。",
                years=[2020], date="2020-03-28", title="某市2020年3月大事记")
    _, d = decide("省委书记李某2020年3月哪天到某市调研？", [entry])
    assert not d.satisfied
    _, d = decide("市委书记张某2020年3月哪天主持召开常委会议？", [entry])
    assert d.satisfied


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


# Made-up chronicle entries of a made-up district, a day each.
PETITIONS = hit("是日区委书记张某到东街街道办事处等地调研督导信访稳定工作。张某指出，一要落实属地责任。",
                years=[2019], date="2019-08-08", title="某区年鉴2020")
VISIT = hit("10日区长李某到西街街道办事处调研督导信访稳定工作。李某要求，一要抓好信访稳定。",
            years=[2019], date="2019-03-10", title="某区年鉴2020")


def test_someone_the_passages_know_by_title_must_have_acted_that_day():
    # the question names 李某 without a title; another passage calls him 区长, so he is a person
    _, d = decide("2019年8月8日李某到哪些街道调研督导信访稳定工作？", [PETITIONS, VISIT])
    assert not d.satisfied
    assert "person" in d.passage_misses[0] and "date" in d.passage_misses[1]
    _, d = decide("2019年8月8日张某到哪些街道调研督导信访稳定工作？", [PETITIONS, VISIT])
    assert {c.hit for c in d.checks if c.ok} == {0}


AIR = hit("3月9日，全市大气污染治理座谈会召开，市委书记王某、副市长赵某出席会议。王某强调，要抓紧抓实环保攻坚工作。",
          years=[2020], date="2020-03-09", title="某市2020年3月大事记")
FARMLAND = hit("3月4日，全省高标准农田建设电视电话会议召开。会后，市长孙某要求，要抓好高标准农田建设。",
               years=[2020], date="2020-03-04", title="某市2020年3月大事记")


def test_a_title_without_a_name_is_who_holds_it():
    # "the mayor" is 孙某 (市长孙某); 副市长赵某 is not the mayor
    _, d = decide("What did the mayor require at the March 9 air-pollution meeting?", [AIR, FARMLAND])
    assert not d.satisfied
    _, d = decide("市长对高标准农田建设提出了什么要求？", [AIR, FARMLAND])
    assert {c.hit for c in d.checks if c.ok} == {1}
    # a who-question's title is what is asked, not who must have acted
    assert decide("3月9日哪位副市长出席了大气污染治理座谈会？", [AIR])[1].satisfied


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


def test_a_relative_deadline_answers_a_when_question():
    plan = hit("今年要淘汰钢铁2700万吨等落后产能，确保“十二五”淘汰任务提前一年完成。", years=[2014],
               stance="plan", period=(2013, 2014))
    assert decide("2014年对“十二五”淘汰落后产能任务提出了什么时间要求？", [plan])[1].satisfied
    vague = hit("今年要淘汰钢铁2700万吨等落后产能，决不再反弹。", years=[2014], stance="plan", period=(2013, 2014))
    assert not decide("2014年对“十二五”淘汰落后产能任务提出了什么时间要求？", [vague])[1].satisfied


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


def test_a_target_question_prefers_the_plan_to_the_next_years_review():
    # both are about 2014: the 2015 report's review (no record word of its own) and the 2014 plan
    from rag.answer.extractive import ExtractiveAnswerer
    from rag.settings import Settings
    review = hit("新开工保障性安居工程740万套，基本建成511万套。", years=[2014], stance="review",
                 period=(2014, 2015), title="2015年国务院政府工作报告")
    plan = hit("要提高建设质量，年内基本建成保障房480万套，让住房困难群众早日迁入新居。", years=[2014],
               stance="plan", period=(2013, 2014), title="2014年国务院政府工作报告")
    answerer = ExtractiveAnswerer(Settings())
    q = "2014年计划基本建成多少套保障房？"
    best = answerer.select(q, [review, plan], "zh", extract(q))[0]
    assert best.rank == 1
    q = "2014年实际基本建成了多少套保障房？"
    assert answerer.select(q, [review, plan], "zh", extract(q))[0].rank == 0


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


def test_the_questions_own_date_is_no_answer_to_when():
    visit = hit("3月18日，副市长王某到某镇观摩林业生态建设。王某要求，确保造林任务本月底大头落地。", years=[2020],
                date="2020-03-18", title="某市2020年3月大事记")
    _, d = decide("3月18日王某观摩林业生态建设时，要求造林任务什么时候大头落地？", [visit])
    ok = [visit.chunk.text[c.start:c.end] for c in d.checks if c.ok]
    assert ok and all("本月底" in s for s in ok)


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


def test_which_city_wants_a_place_named():
    summit = hit("成功举办亚太经合组织第二十二次领导人非正式会议、亚信会议第四次峰会。", years=[2014], stance="review",
                 period=(2014, 2015), title="2015年国务院政府工作报告")
    assert not decide("Which city hosted the 22nd APEC leaders' meeting in 2014?", [summit])[1].satisfied
    named = hit("亚太经合组织第二十二次领导人非正式会议在北京成功举办。", years=[2014], stance="review",
                period=(2014, 2015), title="2015年国务院政府工作报告")
    assert decide("Which city hosted the 22nd APEC leaders' meeting in 2014?", [named])[1].satisfied


def test_a_named_measure_of_money_must_be_the_one_given():
    park = hit("大力实施技术改造，17个项目完成投资31亿元，园区企业实现税收3000余万元。", years=[2019], stance="review",
               period=(2019, 2019), title="某区年鉴2020")
    assert not decide("2019年某区园区企业实现利润多少？", [park])[1].satisfied      # a profit is none of these
    assert decide("2019年某区园区企业实现税收多少？", [park])[1].satisfied


def test_which_session_is_answered_by_an_ordinal():
    plenum = hit("30日，中国共产党某区第十四届委员会第八次全体（扩大）会议召开。", years=[2019], date="2019-12-30",
                 title="某区年鉴2020")
    counts = hit("30日，某区召开全会，参会人员300人，审议文件5个。", years=[2019], date="2019-12-30",
                 title="某区年鉴2020")
    assert decide("2019年12月30日召开的是某区区委第几届第几次全会？", [plenum])[1].satisfied
    assert not decide("2019年12月30日召开的是某区区委第几届第几次全会？", [counts])[1].satisfied


def test_an_english_count_of_something_without_chinese_words_is_not_judged_by_the_other_words():
    # "study rooms" has no glossary phrase: the meeting's words must not stand in for it
    rooms = hit("3月26日，某市公共文化工作会议召开。规划的6个城市书房已完成选址。", years=[2020], date="2020-03-26",
                title="某市2020年3月大事记")
    _, d = decide("How many city study rooms were planned according to the public culture meeting of 26 March 2020?",
                  [rooms])
    assert any("6个" in rooms.chunk.text[c.start:c.end] for c in d.checks if c.ok)
    # a thing the glossary knows is still checked: grain output is not a count of firms
    firms = hit("全年新增规模以上工业企业12家。", years=[2014], stance="review", period=(2014, 2015))
    assert not decide("How much grain did China produce in 2014?", [firms])[1].satisfied


def test_a_dated_entrys_day_answers_on_what_day_for_its_opening_event():
    visit = hit("区委书记王某带队到市军分区走访慰问。会议传达学习了市委书记周建国调研时的讲话精神。", years=[2019],
                date="2019-07-29", title="某区年鉴2020")
    _, d = decide("On what day in July 2019 did the district Party secretary visit the military sub-district?", [visit])
    ok = [visit.chunk.text[c.start:c.end] for c in d.checks if c.ok]
    assert ok == ["区委书记王某带队到市军分区走访慰问。"]
    # a later sentence retelling another event is not what the entry's day dates
    assert not decide("市委书记周建国2019年7月哪天到某区调研？", [visit])[1].satisfied
    # nor is a speech's date, which is when it was said
    speech = hit("持续推进古城建设，银泰百货项目开工建设。", years=[2020], date="2020-01-06", speaker="李某",
                 title="某区年鉴2020")
    assert not decide("银泰百货项目是哪天开工建设的？", [speech])[1].satisfied


def test_which_leaders_wants_someone_the_question_does_not_name():
    visit = hit("是日市委常委、纪委书记方婷到某科学城产业园进行现场办公。区领导张书杰、刘庆，县级干部楚文选一同前往。",
                years=[2019], date="2019-05-08", title="某区年鉴2020")
    _, d = decide("2019年5月8日方婷到某科学城产业园现场办公，某区有哪些领导一同前往？", [visit])
    ok = [visit.chunk.text[c.start:c.end] for c in d.checks if c.ok]
    assert ok == ["区领导张书杰、刘庆，县级干部楚文选一同前往。"]


def test_the_thing_counted_is_named_before_its_count():
    bills = hit("国务院提请审议法律议案13件，制定修订行政法规8件。加大督查问责力度，组织开展第三次国务院大督查。",
                years=[2016], stance="review", period=(2016, 2017), title="2017年国务院政府工作报告")
    assert not decide("2016年第三次国务院大督查共派出了多少个督查组？", [bills])[1].satisfied
    teams = hit("加大督查问责力度，组织开展第三次国务院大督查，共派出督查组8个。", years=[2016], stance="review",
                period=(2016, 2017), title="2017年国务院政府工作报告")
    assert decide("2016年第三次国务院大督查共派出了多少个督查组？", [teams])[1].satisfied
    housing = hit("各级政府要增加保障性住房投入，年内基本建成480万套。", years=[2014], stance="plan", period=(2013, 2014),
                  title="2014年国务院政府工作报告")
    assert decide("2014年计划基本建成多少套保障房？", [housing])[1].satisfied   # named before, in its passage


def test_a_figure_is_not_of_a_subject_named_only_in_a_later_clause():
    park = hit("全年实施工业项目14个，完成年度计划投资62.7亿元，某科学城中航产业园3个项目加快建设。", years=[2019],
               stance="review", period=(2019, 2019), title="某区年鉴2020")
    assert not decide("某科学城中航产业园项目总投资是多少？", [park])[1].satisfied
    opened = hit("总投资12亿元的某科学城中航产业园项目开工建设。", years=[2019], stance="review", period=(2019, 2019),
                 title="某区年鉴2020")
    assert decide("某科学城中航产业园项目总投资是多少？", [opened])[1].satisfied


def test_an_attribute_asked_by_name_must_be_named():
    expo = hit("上海世博会即将拉开帷幕。要把上海世博会办成一届成功、精彩、难忘的盛会。", years=[2010], stance="plan",
               period=(2009, 2010), title="2010年国务院政府工作报告")
    assert not decide("2010年上海世博会的主题是什么？", [expo])[1].satisfied
    themed = hit("上海世博会以“城市，让生活更美好”为主题。", years=[2010], stance="plan", period=(2009, 2010),
                 title="2010年国务院政府工作报告")
    assert decide("2010年上海世博会的主题是什么？", [themed])[1].satisfied
    assert decide("What was the theme of the 2010 Shanghai Expo?", [themed])[1].satisfied


def test_a_question_on_what_was_added_is_not_answered_by_a_total():
    roads = hit("高速公路通车里程达11.2万公里，水路、民航建设进一步加强。", years=[2014], stance="review",
                period=(2014, 2015), title="2015年国务院政府工作报告")
    assert not decide("How many kilometres of new expressways were opened to traffic in 2014?", [roads])[1].satisfied
    assert not decide("2014年新增高速公路通车里程多少公里？", [roads])[1].satisfied
    built = hit("新建改建高速公路6700多公里。", years=[2016], stance="review", period=(2016, 2017),
                title="2017年国务院政府工作报告")
    assert decide("2016年新建高速公路多少公里？", [built])[1].satisfied
    assert decide("2014年高速公路通车里程达到多少公里？", [roads])[1].satisfied     # the total, asked


def test_an_english_question_naming_a_meetings_topic_wants_that_meeting():
    from rag.answer.constraints import extract as ex
    assert ex("What did the mayor require at the March 9 air-pollution meeting?").entities == ["大气污染|大气污染防治"]
    # the kind of meeting, its date, level or an untranslatable name are no topic
    assert ex("When was the 375th morning meeting on the Qingyi River project held?").entities == []
    epidemic = hit("3月9日，全市疫情防控工作碰头会召开。市长王某要求，要做好返乡人员排查。", years=[2020],
                   date="2020-03-09", title="某市2020年3月大事记")
    assert not decide("What did the mayor require at the March 9 air-pollution meeting?", [epidemic])[1].satisfied
    air = hit("3月9日，全市大气污染防治工作会议召开。市长王某要求，要严控扬尘污染。", years=[2020],
              date="2020-03-09", title="某市2020年3月大事记")
    assert decide("What did the mayor require at the March 9 air-pollution meeting?", [air])[1].satisfied


def test_which_year_wants_a_year_not_a_day():
    visit = hit("3月27日，外市考察团来某市考察，市领导王某陪同考察。", years=[2020], date="2020-03-27",
                title="某市2020年3月大事记")
    assert not decide("王某是哪一年开始担任某市市委书记的？", [visit])[1].satisfied
    since = hit("王某自2016年起担任某市市委书记。", years=[2020], date="2020-03-27", title="某市2020年3月大事记")
    assert decide("王某是哪一年开始担任某市市委书记的？", [since])[1].satisfied


def test_a_five_year_span_is_not_answered_by_one_of_its_years():
    one = hit("单位国内生产总值能耗下降5%，经济发展的质量和效益明显提高。", years=[2016], stance="review",
              period=(2016, 2017), title="2017年国务院政府工作报告")
    assert not decide("By how much did energy consumption per unit of GDP fall over the 13th Five-Year Plan period?",
                      [one])[1].satisfied
    five = hit("过去五年，单位国内生产总值能耗下降18.2%。", years=[2011, 2012, 2013, 2014, 2015], stance="review",
               period=(2015, 2016), title="2016年国务院政府工作报告")
    assert decide("By how much did energy consumption per unit of GDP fall over the 12th Five-Year Plan period?",
                  [five])[1].satisfied


def test_a_text_dated_before_the_asked_period_ended_does_not_say_what_it_actually_brought():
    """A January speech's "今年谋划100个重点项目" is no answer to how many actually started that
    year, nor a 2 March entry's "争取3月底前完成" to whether it was finished by the end of March;
    a sentence recording what was already done still answers."""
    speech = hit("今年我们谋划的100个重点项目，新上项目多，达到74个。", years=[2020], date="2020-01-06",
                 speaker="王某", ref_year=2020, title="某区年鉴2021")
    assert not decide("2020年某区重点项目实际开工了多少个？", [speech])[1].satisfied
    assert decide("2020年某区谋划了多少个重点项目？", [speech])[1].satisfied
    entry = hit("3月2日，会议要求加快生态带绿化，争取在3月底前完成80%。", years=[2020], date="2020-03-02",
                title="某市2020年3月大事记")
    assert not decide("How much of the ecological belt greening was actually finished by the end of "
                      "March 2020?", [entry])[1].satisfied
    done = hit("3月30日，生态带绿化已完成80%。", years=[2020], date="2020-03-30", title="某市2020年3月大事记")
    assert decide("How much of the ecological belt greening was actually finished by the end of "
                  "March 2020?", [done])[1].satisfied


def test_a_number_inside_a_name_is_no_quantity():
    """PM10, C919, G20 and 5G name things; their digits count nothing."""
    assert quantities("截至10月底，PM10平均浓度居全市第2位，新建5G基站10万个，C919客机总装下线。") == [("10万个", "count")]
    assert not states_value("PM10平均浓度居全市第2位。", "people")


def test_a_change_of_money_is_not_answered_by_a_number_of_people():
    """"增加多少资金" is answered by an amount of money or a share, not by 765万人 graduates."""
    assert not states_value("今年高校毕业生将高达765万人。", "money", change=True)
    assert states_value("稳就业资金增加100亿元。", "money", change=True)
    assert states_value("财政收入增长8%。", "money", change=True)
    assert states_value("粮食产量增加5%。", "weight", change=True)


def test_someone_named_in_pinyin_without_a_title_must_be_in_the_passage():
    """"the home of Kong Chao, a serving peacekeeper": no role table knows him, but the
    entry that names 孔超 answers and one that does not is not about him. "Hong Kong" is a
    place, not a person called Hong."""
    from rag.retrieve.people import chinese_names_for, pinyin_people
    q = "On what day in January 2019 did the Party secretary visit the home of Kong Chao, a serving peacekeeper?"
    assert pinyin_people(q) == [("Kong Chao", ["kong", "chao"])]
    assert chinese_names_for(["kong", "chao"], "区委书记到现役维和部队军人孔超家中慰问") == {"孔超"}
    assert chinese_names_for(["zeng", "guo", "fan"], "曾国藩") == {"曾国藩"}       # any reading of 曾
    other = hit("2日区委书记王某调研公园打造工作。", years=[2019], date="2019-01-02", title="某区年鉴2020")
    his = hit("29日区委书记王某到现役维和部队军人孔超家中进行慰问。", years=[2019], date="2019-01-29",
              title="某区年鉴2020")
    _, d = decide(q, [other, his])
    assert d.people == [["Kong Chao", "孔超"]]
    assert {c.hit for c in d.checks if c.ok} == {1}
    _, d = decide("Which company listed on the Hong Kong Stock Exchange in 2018?", [other])
    assert d.people == []


def test_when_something_was_finished_needs_a_sentence_saying_it_was():
    """An entry's own day answers "on what day" for its opening event; a visit to a greening
    corridor is not the day the corridor's works were finished or begun."""
    visit = hit("3月18日，副市长王某到高速廊道绿化现场观摩林业生态建设情况。", years=[2020], date="2020-03-18",
                title="某市2020年3月大事记")
    assert not decide("高速廊道绿化提升工程是什么时候完工的？", [visit])[1].satisfied
    assert not decide("When did construction of the corridor greening begin?", [visit])[1].satisfied
    assert decide("王某哪天到高速廊道绿化现场观摩？", [visit])[1].satisfied
    done = hit("3月28日，高速廊道绿化提升工程全面完工。", years=[2020], date="2020-03-28", title="某市2020年3月大事记")
    assert decide("高速廊道绿化提升工程是什么时候完工的？", [done])[1].satisfied


def test_what_someone_required_is_not_quoted_from_another_speakers_words():
    """"李某提出了什么要求": after "王某要求，" the sentences are 王某's, not 李某's, though
    李某 attended; asked about 王某 they answer."""
    entry = hit("1日区委书记王某主持召开领导小组第一次会议。区长李某出席会议。就做好退役军人工作，王某要求，"
                "一要旗帜鲜明讲政治。二要担当作为抓落实。", years=[2019], date="2019-11-01", title="某区年鉴2020")
    text = entry.chunk.text
    _, d = decide("2019年11月1日领导小组会议上，李某提出了什么要求？", [entry])
    assert not any(c.ok and "一要" in text[c.start:c.end] for c in d.checks)
    _, d = decide("2019年11月1日领导小组会议上，王某提出了什么要求？", [entry])
    assert any(c.ok and "一要" in text[c.start:c.end] for c in d.checks)


def test_a_question_naming_one_text_of_a_yearbook_is_answered_from_that_text():
    """"李朝锋在区委经济工作会议上的讲话…提出…": the yearbook's work report beside it says the
    same thing with another figure; a part naming the speech is answered from the speech only.
    A section that names no kind of text ("三、2016年重点工作") is not another text."""
    from rag.answer.constraints import named_texts

    def part(section: str, text: str) -> Hit:
        h = hit(text, years=[2020], date="2020-01-06", speaker="李某", ref_year=2020, title="某区年鉴2020")
        h.chunk.section = section
        return h
    speech = part("特载 > 在区委经济工作会议上的讲话 > 四、着力补齐短板", "确保PM10浓度下降到95微克/立方米以下。")
    report = part("特载 > 政府工作报告 > （五）着力打赢三大攻坚战", "确保PM10浓度下降到87微克/立方米以下。")
    q = "李某在区委经济工作会议讲话中提出，2020年PM10浓度要下降到多少以下？"
    assert named_texts(q, [speech.chunk.section, report.chunk.section]) == {"在区委经济工作会议上的讲话"}
    _, d = decide(q, [report, speech])
    assert {c.hit for c in d.checks if c.ok} == {1} and d.passage_misses[0] == ["document"]
    _, d = decide("2020年PM10浓度要下降到多少以下？", [report, speech])
    assert {c.hit for c in d.checks if c.ok} == {0, 1}
    assert named_texts("2016年政府工作报告要求确保各行业税负怎样？", ["三、2016年重点工作 > （一）稳定"]) == set()


def test_an_english_subject_of_several_phrases_needs_more_than_one_general_word():
    """"What share of state capital … to the social security fund": a share of education
    spending holds 比例 and nothing else of it."""
    q = "What share of state capital did the 2017 report plan to transfer to the social security fund?"
    edu = hit("财政性教育经费支出占国内生产总值比例继续超过4%。", years=[2017], stance="plan", period=(2016, 2017),
              title="2017年国务院政府工作报告")
    fund = hit("划转部分国有资本充实社保基金，划转比例为10%。", years=[2017], stance="plan", period=(2016, 2017),
               title="2017年国务院政府工作报告")
    assert not decide(q, [edu])[1].satisfied
    assert decide(q, [fund])[1].satisfied


def test_who_went_along_is_the_sentence_saying_so():
    """"区长到…调研时，有谁陪同": the title is the visitor's; the answer is the 陪同 sentence, not
    the opening one naming the visitor; "哪位副市长陪同" still asks for a 副市长."""
    entry = hit("30日区长李某到干渠工程现场调研。副区长王某、县级干部赵某陪同调研。", years=[2019],
                date="2019-04-30", title="某区年鉴2020")
    text = entry.chunk.text
    for q in ("2019年4月30日区长到干渠工程现场调研时，有谁陪同？",
              "Who accompanied the district head on his visit to the canal works on 30 April 2019?"):
        _, d = decide(q, [entry])
        assert [text[c.start:c.end][:4] for c in d.checks if c.ok] == ["副区长王"], q
    _, d = decide("2019年4月30日区长到干渠工程现场调研时，哪位副市长陪同？", [entry])
    assert not d.satisfied


def test_a_place_in_a_ranking_counts_nothing():
    """"较2017年下降63个位次", "位列170名" are ranks: no count of billboards, no number of people."""
    assert quantities("较2017年下降63个位次，位列170名，培训干部300名。") == [
        ("63个位次", "rank"), ("170名", "rank"), ("300名", "people")]
    assert not states_value("较2017年下降63个位次。", "count")


def test_a_deadline_answers_by_when_and_the_asked_day_is_not_new():
    """"By when was the province to launch…": "4月前" is a deadline; the entry of the day the
    question itself names (13 February: "13日…") gives no new date."""
    speech = hit("省里将在今年4月前启动营商环境预评价工作。", years=[2019], date="2019-02-13", speaker="王某",
                 ref_year=2019, title="某区年鉴2020")
    entry = hit("13日某区召开全区领导干部会议，动员全区上下投入工作。", years=[2019], date="2019-02-13",
                title="某区年鉴2020")
    q = ("According to the speech at the leading-cadres meeting of 13 February 2019, by when was the "
         "province to launch its pre-assessment of the business environment?")
    _, d = decide(q, [entry, speech])
    assert {c.hit for c in d.checks if c.ok} == {1}
