"""When a sentence speaks of: years and parts of the year, days and deadlines, plans and
outcomes, and what a text dated before the asked period ended cannot say (constraint checks on
made-up passages)."""
from abstention_util import decide, hit

from rag.answer.constraints import extract

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


def test_a_relative_deadline_answers_a_when_question():
    plan = hit("今年要淘汰钢铁2700万吨等落后产能，确保“十二五”淘汰任务提前一年完成。", years=[2014],
               stance="plan", period=(2013, 2014))
    assert decide("2014年对“十二五”淘汰落后产能任务提出了什么时间要求？", [plan])[1].satisfied
    vague = hit("今年要淘汰钢铁2700万吨等落后产能，决不再反弹。", years=[2014], stance="plan", period=(2013, 2014))
    assert not decide("2014年对“十二五”淘汰落后产能任务提出了什么时间要求？", [vague])[1].satisfied


def test_the_questions_own_date_is_no_answer_to_when():
    visit = hit("3月18日，副市长王某到某镇观摩林业生态建设。王某要求，确保造林任务本月底大头落地。", years=[2020],
                date="2020-03-18", title="某市2020年3月大事记")
    _, d = decide("3月18日王某观摩林业生态建设时，要求造林任务什么时候大头落地？", [visit])
    ok = [visit.chunk.text[c.start:c.end] for c in d.checks if c.ok]
    assert ok and all("本月底" in s for s in ok)


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
    # said on the day the question names as when it was urged: the words, not what became of them
    visit = hit("3月11日，市政协主席王某到某公司调研。王某指出，要进一步扩大自身生产规模。"
                "要进一步加大对企业扶持力度，切实帮助企业解决实际问题，确保企业稳速发展。", years=[2020],
                date="2020-03-11", title="某市2020年3月大事记")
    assert not decide("Did the company actually expand its production scale in 2020, as Wang urged during "
                      "his visit of 11 March 2020?", [visit])[1].satisfied
    # a whole year asked: what a mid-year text records as done is last year's, or the year's so far
    june = hit("组织职业技能培训23批1200余人次，完成新增就业8680人，累计发放就业补贴32.5万元。", years=[2019, 2020],
               date="2020-06-14",
               speaker="王某", ref_year=2020, title="某区年鉴2020")
    assert not decide("How many new urban jobs did the district actually create in 2020?", [june])[1].satisfied
    review = hit("2020年，组织职业技能培训30批，完成新增就业9100人，累计发放就业补贴40万元。", years=[2020],
                 date="2021-01-06", speaker="王某", ref_year=2021, title="某区年鉴2021")
    assert decide("How many new urban jobs did the district actually create in 2020?", [review])[1].satisfied
    done = hit("3月30日，生态带绿化已完成80%。", years=[2020], date="2020-03-30", title="某市2020年3月大事记")
    assert decide("How much of the ecological belt greening was actually finished by the end of "
                  "March 2020?", [done])[1].satisfied


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
    # "哪天完成移交": the day of a meeting that asked for it soon is not the day it was done
    asked = hit("3月4日，会议要求尽快将农业用电线路移交电力公司统一管理。", years=[2020], date="2020-03-04",
                title="某市2020年3月大事记")
    assert not decide("农业用电线路是哪天完成移交电力公司统一管理的？", [asked])[1].satisfied
    handed = hit("3月30日，农业用电线路全部完成移交电力公司统一管理。", years=[2020], date="2020-03-30",
                 title="某市2020年3月大事记")
    assert decide("农业用电线路是哪天完成移交电力公司统一管理的？", [handed])[1].satisfied


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


def test_whether_something_was_finally_done_is_not_answered_by_a_plan():
    """"最终是否已签约落地" asks what happened: the plan chapter of a work report, whose
    sentences say nothing of the project's fate, does not answer it (a plain "增长了多少" only
    prefers a record, see plan_for_outcome)."""
    plan = hit("提升开放招商水平。坚持招商引资和招才引智双推进。加强跟踪对接前期洽谈的呼叫产业园等招商项目，争取尽快落地。",
               years=[2020], stance="plan", title="某区年鉴2020", ref_year=2020)
    assert not decide("某区招商的呼叫产业园项目最终是否已签约落地？", [plan])[1].satisfied
    assert decide("某区的招商工作有哪些打算？", [plan])[1].satisfied


def test_a_lists_introduction_sets_the_time_of_its_items():
    # a January speech: this year's targets, listed after "今年…指标是：", are not last year's figures
    targets = hit("根据上级会议精神，今年全区主要预期指标是：生产总值增长7%；全社会固定资产投资增长8%；"
                  "一般公共预算收入增长6%。", years=[2019, 2020], stance="plan", period=(2019, 2020),
                  title="某区年鉴2020", date="2020-01-06", speaker="王某", ref_year=2020)
    assert not decide("王某预计2019年全区固定资产投资增长多少？", [targets])[1].satisfied
    assert decide("2020年全区固定资产投资预期增长多少？", [targets])[1].satisfied


def test_a_year_asked_for_is_not_the_sentences_time():
    launched = hit("部署启动面向2030年的科技创新重大项目，新设6个国家自主创新示范区。", years=[2016],
                   stance="review", period=(2016, 2017), title="2017年国务院政府工作报告", ref_year=2017)
    q = "Towards which year were the major science and technology innovation projects launched in 2016 oriented?"
    assert decide(q, [launched])[1].satisfied
    assert not decide("2016年新设了多少个国家自主创新示范区？", [hit(
        "2030年前新设6个国家自主创新示范区。", years=[2016], stance="review", period=(2016, 2017),
        title="2017年国务院政府工作报告", ref_year=2017)])[1].satisfied       # a year given is still a time


def test_the_state_at_a_years_end_is_not_told_by_a_record_from_before_it():
    """"到2020年底…是否已回迁": a March 2020 entry can only plan it, however it words its aims
    ("结合实际" is the actual conditions, no record); an entry recording it done answers."""
    plan = hit("3月5日，要加快园区建设，结合实际，发挥自身优势，推动外流企业回迁。", years=[2020],
               date="2020-03-05", title="某市2020年3月大事记")
    q = "到2020年底，外流的本地表面处理企业是否已回迁到金属表面处理园？"
    assert extract(q).as_of == "2020-12"
    assert not decide(q, [plan])[1].satisfied
    done = hit("12月28日，外流的本地表面处理企业已全部回迁到金属表面处理园。", years=[2020],
               date="2020-12-28", title="某市2020年大事记")
    assert decide(q, [done])[1].satisfied


def test_an_aim_to_be_achieved_is_a_target_not_an_outcome():
    assert extract("What goal for the resettlers did the vice mayor want truly achieved?").period_kind == "target"
    assert extract("What GDP growth was achieved in 2015?").period_kind == "outcome"


def test_a_whole_years_result_in_a_text_from_before_its_end_is_the_year_befores():
    """A June 2020 speech's "全年接待游客…实现旅游收入…" is 2019's: no answer to what 2020
    brought, an answer to 2019."""
    speech = hit("不断提升运营水平，古城全年接待游客577.7万人次，实现旅游收入2.41亿元。", years=[2019, 2020],
                 stance="review", period=(2019, 2020), title="某区年鉴2020", date="2020-06-14", speaker="王某",
                 ref_year=2020)
    assert not decide("某区古城2020年实现旅游收入多少？", [speech])[1].satisfied
    assert decide("某区古城2019年实现旅游收入多少？", [speech])[1].satisfied


def test_what_was_arranged_is_an_outcome():
    assert extract("2009年中央财政安排了多少资金，解决关闭破产国有企业退休人员的医疗保险问题？").period_kind != "target"
    assert extract("2016年中央预算内投资拟安排多少？").period_kind == "target"


def test_a_plan_asked_of_a_named_report_is_not_its_review():
    q = "How many pilot projects did the 2014 report plan?"
    review = hit("去年开展了60个试点项目，推动工商登记制度改革。", years=[2013], stance="review",
                 period=(2013, 2014), title="2014年国务院政府工作报告")
    assert not decide(q, [review])[1].satisfied        # the 2014 report's review tells 2013's outcomes
    plan = hit("今年要开展80个试点项目。", years=[2014], stance="plan", period=(2013, 2014),
               title="2014年国务院政府工作报告")
    assert decide(q, [plan])[1].satisfied


def test_a_figure_an_entry_gives_for_an_earlier_year_is_that_years():
    """A 25 February 2019 entry retelling "2018年，…一般公共预算收入同比增长13.9%" gives 2018's
    figure: not 2019's, though the entry is about 2019; what happened that day still is."""
    entry = hit("25日省报头版报道某区经济发展情况。2018年，全区一般公共预算收入同比增长13.9%。",
                years=[2019], date="2019-02-25", title="某区年鉴2020")
    assert not decide("2019年某区一般公共预算收入同比增长了多少？", [entry])[1].satisfied
    assert decide("2018年某区一般公共预算收入同比增长了多少？", [entry])[1].satisfied
    assert decide("2019年2月25日省报头版报道了某区什么情况？", [entry])[1].satisfied


def test_a_whole_years_figure_does_not_answer_for_a_part_of_it():
    """"1~4月…增长了多少": a speech's "一般公共预算收入12.7亿元，增长9%" is the year's, and
    "1~10月份…；一般公共预算收入增速9.7%" another part's; "1~4月，…增长6%" answers."""
    q = "2019年1~4月某区一般公共预算收入同比增长了多少？"
    year = hit("一般公共预算收入12.7亿元，增长9%。", years=[2019], date="2020-01-06", speaker="王某",
               title="某区年鉴2020")
    other = hit("1~10月份全区规模以上工业增加值增速8.9%；一般公共预算收入增速9.7%。", years=[2019],
                date="2019-11-20", speaker="王某", title="某区年鉴2020")
    part = hit("1~4月，全区一般公共预算收入同比增长6%。", years=[2019], date="2019-05-10", title="某区年鉴2020")
    assert not decide(q, [year])[1].satisfied and not decide(q, [other])[1].satisfied
    assert decide(q, [part])[1].satisfied
    # 首季 is the first quarter: "a good start in the first quarter" is what "首季“开门红”" says
    start = hit("在中央经济工作会议上，有关领导连续3次强调要确保今年实现首季“开门红”。", years=[2019],
                date="2019-02-13", speaker="王某", title="某区年鉴2020")
    assert decide("How many times was it stressed that a good start in the first quarter of 2019 must be ensured?",
                  [start])[1].satisfied


def test_a_month_asked_is_answered_by_a_month():
    """"从几月份起逐月回落": "从8月份起" answers, though it gives no day; a sentence without a month
    does not, nor does a month the question gives itself."""
    rep = hit("居民消费价格指数涨幅从8月份起逐月回落，扭转了一度过快上涨势头。", years=[2011], stance="review",
              period=[2011, 2012], title="2012年国务院政府工作报告", ref_year=2012)
    assert decide("2011年，居民消费价格指数涨幅是从几月份起逐月回落的？", [rep])[1].satisfied
    flat = hit("居民消费价格指数涨幅逐步回落，扭转了一度过快上涨势头。", years=[2011], stance="review",
               period=[2011, 2012], title="2012年国务院政府工作报告", ref_year=2012)
    assert not decide("2011年，居民消费价格指数涨幅是从几月份起逐月回落的？", [flat])[1].satisfied


def test_which_years_asked_wants_years_written():
    plan = hit("实施新一轮妇女儿童发展纲要，加强妇幼保健工作。", years=[2011], stance="plan", period=[2011, 2011],
               title="2011年国务院政府工作报告", ref_year=2011)
    assert not decide("新一轮妇女发展纲要和儿童发展纲要的实施期限是哪几年？", [plan])[1].satisfied
    years = hit("实施2011—2020年妇女儿童发展纲要，加强妇幼保健工作。", years=[2011], stance="plan", period=[2011, 2011],
                title="2011年国务院政府工作报告", ref_year=2011)
    assert decide("新一轮妇女发展纲要和儿童发展纲要的实施期限是哪几年？", [years])[1].satisfied


def test_a_part_of_the_year_asked_is_recorded_before_the_year_ends():
    """"上半年实际增长了多少": a July text's record of the first half answers it (the half is over),
    as a text dated by its year alone may; only a whole year asked waits for the year's end."""
    july = hit("上半年，全区地区生产总值累计完成120亿元，增长5.2%。", years=[2020], date="2020-07-20",
               speaker="王某", ref_year=2020, title="某区年鉴2021")
    assert decide("2020年上半年某区地区生产总值实际增长了多少？", [july])[1].satisfied
    june = hit("今年以来，全区地区生产总值累计完成98亿元，增长3.1%。", years=[2020], date="2020-06-14",
               speaker="王某", ref_year=2020, title="某区年鉴2020")
    assert not decide("2020年上半年某区地区生产总值实际增长了多少？", [june])[1].satisfied   # the half not over
    undated = hit("全区地区生产总值累计完成260亿元，增长6.1%。", years=[2020], date="2020",
                  speaker="王某", ref_year=2020, title="某区年鉴2021")
    assert decide("2020年某区地区生产总值实际增长了多少？", [undated])[1].satisfied
