"""The extractive answer quotes whole lists and answers each item asked about (made-up text)."""
from __future__ import annotations

from rag.answer.constraints import extract
from rag.answer.enumeration import ordinal, requirement_run, run_near, runs
from rag.answer.extractive import ExtractiveAnswerer
from rag.answer.parts import answer_parts, question_parts
from rag.settings import Settings
from rag.types import Chunk, Hit


def hit(cid: str, text: str, date: str = "2021-05-06", rank: int = 0) -> Hit:
    c = Chunk(id=cid, doc_id=cid.split(":")[0], doc_title="青石县大事记", section="", date=date,
              start=0, end=len(text), text=text, hash=cid)
    return Hit(c, 1.0 - rank / 10, rank)


def answer(question: str, hits: list[Hit]) -> str:
    return ExtractiveAnswerer(Settings(llm="extractive")).generate(question, hits)


def test_ordinals_by_style():
    assert ordinal("一要全面排查隐患。") == ("要", 1)
    assert ordinal("二是抓好春耕。") == ("是", 2)
    assert ordinal("第三，加快建设。") == ("第", 3)
    assert ordinal("（四）推进改革。") == ("（）", 4)
    assert ordinal("②做好防汛") == ("①", 2)
    assert ordinal("第一次会议召开。") is None        # an ordinal of a meeting, not an item
    assert ordinal("一要求各乡镇上报。") is None       # 要求 is a word, not "first, …"
    assert ordinal("12.5%的增幅。") is None


def test_runs_allow_elaboration_between_items():
    s = ["会议指出，工作有成效。", "一是领导重视。", "各乡镇迅速行动。", "二是阵地建得好。",
         "群众满意。", "三是标准越来越高。", "一是另起一组。"]
    assert runs(s) == [[1, 3, 5]]
    assert run_near(s, {0}) == [1, 3, 5]              # introduced by a picked sentence
    assert run_near(s, {3}) == [1, 3, 5]              # one of its items picked
    assert run_near(["甲。", "乙。", "丙。", "丁。", "一要快。", "二要实。"], {0}) == []   # too far


def test_requirement_run_stops_at_a_sentence_without_one():
    s = ["县长要求，要抓紧施工；", "要保证质量；", "必须按期完工。", "会议还通报了情况。", "要继续努力。"]
    assert requirement_run(s, 0, 3) == [1, 2]
    assert requirement_run(s, 0, 1) == [1]
    assert requirement_run(s, 3, 3) == [4]


REQUIREMENTS = ("是日县长王青山带队到城东工业园调研安全生产工作。王青山指出，安全生产责任重大，"
                "必须守住底线。一要全面排查。二要限时整改。三要压实责任。随后到城西市场调研。")


def test_requirement_question_quotes_the_numbered_run():
    text = answer("王青山调研城东工业园安全生产时提出了哪三点要求？", [hit("qs:p1", REQUIREMENTS)])
    for item in ("一要全面排查", "二要限时整改", "三要压实责任"):
        assert item in text
    assert "[1]" in text


def test_a_fact_question_does_not_quote_the_run():
    text = answer("王青山到哪里调研安全生产工作？", [hit("qs:p1", REQUIREMENTS)])
    assert "二要限时整改" not in text


def test_requirement_question_quotes_following_requirements():
    text = ("5月6日，全县春耕工作会议召开。会后，县长王青山要求，要抓紧春耕备耕，确保5月底前完成播种；"
            "要做好农资供应，确保6月底前化肥全部到位。会议还听取了各乡镇汇报。")
    got = answer("王青山在5月6日春耕工作会议后提出了哪些要求？", [hit("qs:p2", text)])
    assert "5月底前" in got and "6月底前" in got


def test_an_english_later_part_naming_only_what_it_asks_carries_the_first_parts_subject():
    """"…, and what growth was actually achieved?", "…, and how much did it actually fall that
    year?" ask of the first part's subject; a part with a subject of its own is left alone."""
    assert answer_parts("What was the GDP growth target for 2014, and what growth was actually achieved?")[1] \
        == "what growth was actually achieved (GDP growth) in 2014?"
    assert "(energy consumption per unit of GDP)" in answer_parts(
        "What was the 2016 target for energy consumption per unit of GDP, and how much did it actually fall?")[1]
    assert answer_parts("What was the grain output target for 2014, and how many new urban jobs were created?")[1] \
        == "how many new urban jobs were created in 2014?"


def test_parts_per_date_and_per_item():
    assert answer_parts("2018年和2019年青石县粮食产量分别是多少？") == [
        "2018年青石县粮食产量是多少？", "2019年青石县粮食产量是多少？"]
    # each report's "当年" is its own year, not the first report's; 分别 asks one thing per part
    assert answer_parts("2016年和2019年的政府工作报告分别计划当年新增多少城镇就业？") == [
        "2016年的政府工作报告计划当年新增多少城镇就业？", "2019年的政府工作报告计划当年新增多少城镇就业？"]
    # "the 2016 and the 2017 reports": the article said again
    assert [extract(p).doc_ref.year for p in answer_parts(
        "Both the 2016 and the 2017 reports call for mechanisms to tolerate errors. Whom should they back?")] \
        == [2016, 2017]
    # two reports named apart: one part each
    assert [extract(p).doc_ref.year for p in answer_parts(
        "Where were new farm subsidies to go, according to the 2016 report and according to the 2019 report?")] \
        == [2016, 2019]
    assert [extract(p).doc_ref.year for p in answer_parts("2016年报告和2019年报告分别提出补贴向哪里倾斜？")] == [2016, 2019]
    assert answer_parts("How did the county's road budget change between the 2018 and 2019 reports?") == [
        "How did the county's road budget change between the 2018 report?",
        "How did the county's road budget change between the 2019 report?"]
    # the time said before the first item holds for both
    assert answer_parts("“十三五”末青石县公路里程和高速公路里程分别达到多少？")[1].endswith(
        "“十三五”末高速公路里程达到多少？")
    # what the last item says after 的 is asked of every item: each one's share, not a figure of any kind
    assert answer_parts("到2020年甲产业、乙产业和丙产业的比重要分别提升到多少？")[0] == "到2020年甲产业、乙产业的比重要提升到多少？"
    # a modifier is no item of its own: one question
    assert answer_parts("城镇和农村居民收入分别增长多少？") == ["城镇和农村居民收入分别增长多少？"]
    # "in 2015 and in 2016": the preposition said again
    assert answer_parts("How many bills did the county submit in 2015 and in 2016?") == [
        "How many bills did the county submit in 2015?", "How many bills did the county submit in 2016?"]
    # "the 2015 and 2016 reports": one report each, so each part names its report
    assert [extract(p).doc_ref.year for p in answer_parts(
        "By how much did the 2015 and 2016 reports each raise the subsidy standard?")] == [2015, 2016]
    # a later question naming nothing but what it asks asks it of the first one's subject
    assert answer_parts("2013年青石县财政收入的预期增长目标是多少？实际增长了多少？")[1] == \
        "青石县2013年财政收入实际增长了多少？"
    # "增长多少？" names only a change: it asks of what the first part counts, not of the speaker
    assert answer_parts("王某在县委经济工作会议上说，2019年青石县有效注册商标有多少件？增长多少？")[1] == \
        "青石县2019年有效注册商标增长多少？"
    # nor does one naming only its unit
    assert answer_parts("2015年政府工作报告计划改造农村危房多少户？当年实际完成了多少户？")[1] == \
        "改造农村危房2015年实际完成了多少户？"
    # nor does one naming only where it is said or what it is compared with
    assert answer_parts("2013年拟安排的财政赤字是多少？比上年预算增加多少？")[1] == "2013年拟安排的财政赤字比上年预算增加多少？"
    assert answer_parts("王某在2020年1月县委经济工作会议上预计2019年全县生产总值增长多少？"
                        "政府工作报告公布的2019年实际增长是多少？")[1].startswith("全县生产总值")
    # ", and by how many…": a preposition before the question word still starts a question
    assert len(question_parts("What ceiling did the 2013 report set, and by how many points did the rate come in below it?")) == 2
    # the answer quotes per item; whether to answer still goes by question_parts
    assert len(question_parts("2018年和2019年青石县粮食产量分别是多少？")) == 1


def test_each_meeting_of_a_respective_question_gets_its_sentence():
    first = hit("qs:p3", "5月6日，全县防汛工作会议召开。会议要求各乡镇要加强巡查值守。", "2021-05-06", 0)
    second = hit("qs:p4", "5月8日，全县环保攻坚推进会召开。会议要求各乡镇要落实网格监管。", "2021-05-08", 1)
    text = answer("各乡镇在5月6日防汛工作会议和5月8日环保攻坚推进会上分别被提出了什么要求？", [first, second])
    assert "加强巡查值守" in text and "[1]" in text
    # one quote each meeting: the second's requirement, which shares no word with the question
    # but follows its scene (the scene alone requires nothing)
    assert "落实网格监管" in text and "[2]" in text


def test_extractive_answerer_reads_every_hit():
    assert ExtractiveAnswerer(Settings(llm="extractive")).context_budget() > 10 ** 6


def test_the_sentence_after_an_entrys_scene_is_quoted_with_it(corpus_api):
    """"Which places did … visit on 17 March": the chronicle entry's opening sentence repeats
    the question's scene and ranks first; the places are in the sentence after it."""
    ans = corpus_api.ask("Which places in Changge did Xuchang's propaganda chief Wang Zihe visit on 17 March "
                         "2020 while inspecting the public cultural service system?")
    assert not ans.abstained and "市图书馆" in ans.answer and "后河镇文化站" in ans.answer


def test_which_ones_are_quoted_as_a_list_not_counted():
    """"哪几个“在党”" asks which ones: the sentence listing them is the answer, though it holds
    no figure."""
    entry = hit("sp:p1", "1. 政治忠诚是第一忠诚。作为党的领导干部，我们是党派来的，执行的是党的决定。"
                          "要始终在党爱党、在党言党、在党忧党、在党为党。", date="2021-02-01")
    got = answer("王某讲“政治忠诚是第一忠诚”，要求党的领导干部始终做到哪几个“在党”？", [entry])
    assert "在党爱党" in got


def test_that_year_is_the_named_reports_year():
    assert question_parts("2014年政府工作报告计划改建农村公路多少公里？当年实际新建改建了多少？")[1] == \
        "2014年实际新建改建了多少？"


def test_the_first_item_may_follow_its_lead_in_within_a_sentence():
    s = ["1日 区长王某召开推进会。", "会上，王某指出，一要加快手续办理。", "二要加快建设。", "三要搞好对接。",
         "四要就近解决问题，尽可能选用附近变电站。"]
    assert runs(s) == [[1, 2, 3, 4]]
    assert run_near(s, {3}) == [1, 2, 3, 4]
    assert runs(["会议指出，第二次会议要开好。", "二要加快建设。"]) == []       # only a first item opens a run


def test_a_relative_clause_asks_nothing_of_its_own():
    # ", which the county followed at a branch venue,": on the noun before it, not a question
    assert len(question_parts("After the province's symposium on 13 March 2020, which Qingshi followed at a branch "
                              "venue, what did the county head ask for?")) == 1
    assert len(question_parts("In 2014, which city hosted the summit, and what was its theme?")) == 2


def test_the_entry_the_question_describes_is_quoted_not_a_busier_one_of_that_day():
    """Two entries of one day: the question describes the second (a visit to the 市民之家) and
    asks who went along, said in a sentence that shares few words with it; the first names more
    leaders and ranks higher, but its passage is not the visit asked about."""
    busy = hit("wd:p1", "11日节后第一个工作日，区委书记张某、区长李某、区政协主席周某等四大班子主要领导看望慰问"
                        "四大班子领导干部，给大家送上新春的问候和祝福，勉励大家凝心聚力。", "2019-02-11", 0)
    visit = hit("wd:p2", "是日区委书记张某到某区市民之家调研。区领导王某、赵某陪同。调研过程中，张某先后查看了"
                         "税务、民政、人社等政务服务大厅运行情况，详细了解市民之家组织构建情况。", "2019-02-11", 1)
    text = answer("2019年2月11日区委书记张某到某区市民之家调研时，哪两位区领导陪同？", [busy, visit])
    assert "王某、赵某陪同" in text and "[2]" in text and "[1]" not in text


def test_a_part_with_its_own_day_and_place_borrows_only_the_year():
    """"2019年8月2日和11月19日某区两次召开…会上分别由什么人作…发言": the second part is a question
    of its own (its day, its place), not one asking the first part's subject again."""
    parts = answer_parts("2019年8月2日和11月19日青石区两次召开全区领导干部会议，会上分别由什么人作典型发言和表态发言？")
    assert parts == ["2019年8月2日青石区两次召开全区领导干部会议，会上由什么人作典型发言和表态发言？",
                     "2019年11月19日青石区两次召开全区领导干部会议，会上由什么人作典型发言和表态发言？"]


def test_a_prohibition_is_a_requirement():
    """"坚决杜绝“数字脱贫”" answers what was required as "确保…" would: of two sentences on the
    asked thing, the one that forbids is preferred to the one that only reports."""
    text = ("5月6日，某市委书记王青山来某县调研脱贫攻坚工作。核查贫困户收益工作已在各乡镇开展。"
            "核查贫困户收益时，坚决杜绝“算账脱贫”“数字脱贫”。")
    picked = ExtractiveAnswerer(Settings()).select("王青山对核查贫困户收益提出了什么要求？", [hit("qs:p3", text)], "zh")
    order = [p.pos for p in picked if p.pos]
    assert order and order[0] == 2


def test_a_line_that_only_dates_a_speech_is_no_answer():
    """A speech's dateline ("(2021年12月30日)", its own paragraph) matches the date an English
    question gives, but says nothing on what was asked; it still answers "on what day"."""
    dateline = hit("qs:p1", "(2021年12月30日)", date="2021-12-30")
    body = hit("qs:p2", "对外开放是青石县大踏步赶上时代的重要法宝，更是增添发展动力的有效杠杆。", date="2021-12-30", rank=1)
    q = "In his speech of 30 December 2021, how did the county Party secretary describe opening up to the outside world?"
    picked = ExtractiveAnswerer(Settings()).select(q, [dateline, body], "en")
    assert picked and all(p.rank == 1 for p in picked)
