"""Document profiles inferred at ingest, and questions resolved to documents and periods.

The documents here are written by the tests: layouts and places the bundled corpus does not
have (a national work report, a county yearbook of another province, a chronicle with no
metadata at all).
"""
from __future__ import annotations

import json

import pytest

from rag.ingest import ingest_paths
from rag.ingest.profile import DocProfile, parse_period
from rag.profiles.zh_gov import documents as rules
from rag.retrieve.resolve import Resolver, question_years
from ingest_util import write

REPORT = """各位代表：

现在，我代表国务院，向大会报告政府工作，请予审议。

一、2014年工作回顾

过去一年，国内生产总值达到63.6万亿元，比上年增长7.4%。城镇新增就业1322万人。

二、2015年工作总体部署

今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，城镇新增就业1000万人以上。

三、把改革开放扎实推向纵深

深化简政放权、放管结合改革，继续取消和下放行政审批事项。
"""

YEARBOOK = """# 概况

平阳县位于浙江省南部。2018年，平阳县实现地区生产总值480亿元，比上年增长8.1%。

# 大事记

## 1月

5日 平阳县召开县委全会，部署全年工作。

是日 平阳县人民政府召开常务会议。

## 2月

3日 平阳县开展春运安全检查。
"""

CHRONICLE = """2021年1月5日，城关镇召开全镇干部大会，部署当年重点工作。

2021年1月9日，城关镇开展冬季安全生产检查。

2021年2月3日，城关镇召开春节前走访慰问会议。
"""


def profiles(root) -> dict[str, DocProfile]:
    r = ingest_paths([root])
    assert not r.skipped, r.skipped
    return {d.document.doc_id: DocProfile.from_dict(d.document.profile) for d in r.docs}


def test_report_profile_from_file_name_and_content(tmp_path):
    write(tmp_path / "2015年国务院政府工作报告.txt", REPORT)
    p = profiles(tmp_path)["2015年国务院政府工作报告"]
    assert (p.kind, p.place, p.level, p.year, p.period) == ("政府工作报告", "全国", "national", 2015,
                                                           (2014, 2015))
    assert p.sources["kind"] == "title" and p.sources["year"] == "title"
    assert p.missing() == []


def test_report_kind_from_content_when_the_name_says_nothing(tmp_path):
    write(tmp_path / "doc1.txt", "2015年国务院政府工作报告\n\n" + REPORT)
    p = profiles(tmp_path)["doc1"]
    assert p.kind == "政府工作报告" and p.level == "national"


def test_yearbook_of_another_province_covers_the_year_before(tmp_path):
    write(tmp_path / "平阳年鉴2019.md", YEARBOOK)
    result = ingest_paths([tmp_path])
    doc = result.docs[0]
    p = DocProfile.from_dict(doc.document.profile)
    assert p.kind == "年鉴" and p.place == "平阳县" and p.level == "县"
    assert p.year == 2019 and p.period == (2018, 2018)
    # the chronicle inside the yearbook is dated in the year the yearbook covers
    dated = {c.text[:2]: c.date for c in doc.chunks if c.date}
    assert dated["5日"] == "2018-01-05" and dated["3日"] == "2018-02-03"


def test_chronicle_without_any_metadata(tmp_path):
    write(tmp_path / "notes.txt", CHRONICLE)
    p = profiles(tmp_path)["notes"]
    assert p.kind == "大事记" and p.sources["kind"] == "content"
    assert p.year == 2021 and p.period == (2021, 2021)


def test_pinyin_file_name_names_the_place(tmp_path):
    write(tmp_path / "pingyang_2019_yearbook.txt", YEARBOOK.replace("平阳县", "本县"))
    p = profiles(tmp_path)["pingyang_2019_yearbook"]
    assert p.place == "平阳县" and p.sources["place"] in ("title", "file name")


def test_sidecar_and_flags_override_inference(tmp_path):
    write(tmp_path / "2015年国务院政府工作报告.txt", REPORT)
    (tmp_path / "corpus.json").write_text(json.dumps({"documents": {
        "2015年国务院政府工作报告.txt": {"title": "2015年政府工作报告（节选）", "kind": "report"}}},
        ensure_ascii=False), encoding="utf-8")
    p = profiles(tmp_path)["2015年国务院政府工作报告"]
    assert p.title == "2015年政府工作报告（节选）" and p.sources["title"] == "sidecar"
    r = ingest_paths([tmp_path], overrides={"place": "浙江省", "period": "2014-2015"})
    p = DocProfile.from_dict(r.docs[0].document.profile)
    assert p.place == "浙江省" and p.period == (2014, 2015) and p.sources["place"] == "given"


def test_bad_profile_values_name_the_field(tmp_path):
    write(tmp_path / "a.txt", REPORT)
    r = ingest_paths([tmp_path], overrides={"kind": "poem"})
    assert not r.docs and "kind 'poem'" in r.skipped[0].reason
    with pytest.raises(ValueError, match="period"):
        parse_period("last year")


def test_chunks_know_which_year_they_are_about(tmp_path):
    write(tmp_path / "2015年国务院政府工作报告.txt", REPORT)
    chunks = ingest_paths([tmp_path]).chunks
    by = {c.text[:8]: (c.years, c.stance) for c in chunks}
    assert by["过去一年，国内生"] == ([2014], "review")
    assert by["今年经济社会发展"] == ([2015], "plan")
    assert by["深化简政放权、放"] == ([2015], "plan")       # a later chapter goes on planning


def test_section_years_and_five_year_plans():
    assert rules.section_years("一、“十一五”时期国民经济和社会发展的回顾", 2011) == set(range(2006, 2011))
    assert rules.section_years("一、过去五年工作回顾", 2013) == set(range(2008, 2013))
    assert rules.section_years("二、今年经济社会发展的总体要求", 2013) == {2013}
    assert rules.section_stance("一、2014年工作回顾") == "review"
    assert rules.section_stance("三、2014年重点工作") == "plan"


@pytest.mark.parametrize("q, years, stance, ref", [
    ("2014年国内生产总值增长了多少？", [2014], "review", None),
    # the named report is found: its year narrows to it and is no longer a year preference
    ("2015年政府工作报告提出的经济增长预期目标是多少？", [], "plan", (2015, "政府工作报告")),
    # no 2011 report in this index: its year is still a cue
    ("In the 2011 report, what was the CPI target?", [2011], "plan", (2011, "报告")),
    ("How many new urban jobs were actually created in 2012?", [2012], "review", None),
    ("By how much was central poverty-relief funding to grow in 2017?", [2017], "plan", None),
    ("2013年拟安排的财政赤字是多少？比上年预算增加多少？", [2013], "plan", None),
    # one part asks the target, the other what was achieved: neither stance is preferred
    ("What was the GDP growth target for 2014, and what growth was actually achieved?", [2014], None, None),
    ("2016年广义货币M2的预期增长目标和实际增长分别是多少？", [2016], None, None),
    ("二〇一九年平阳县召开了哪些会议？", [2019], None, None),
    ("市长对高标准农田建设提出了什么要求？", [], None, None),
])
def test_question_resolution_in_both_languages(q, years, stance, ref, tmp_path):
    write(tmp_path / "2015年国务院政府工作报告.txt", REPORT)
    r = ingest_paths([tmp_path])
    docs = {d.document.doc_id: {"title": d.document.title, "profile": d.document.profile}
            for d in r.docs}
    res = Resolver(r.chunks, docs, rules).resolve(q)
    assert question_years(q) == (years or ([ref[0]] if ref else []))
    assert res.years == years and res.stance == stance
    from rag.answer.constraints import extract
    doc_ref = extract(q).doc_ref
    assert (doc_ref.year, doc_ref.kind) == ref if ref else doc_ref is None


def test_resolver_narrows_to_the_named_report_and_scores_years(tmp_path):
    for y in (2014, 2015, 2016):
        write(tmp_path / f"{y}年国务院政府工作报告.txt",
              REPORT.replace("2014", "{prev}").replace("2015", "{year}")
              .format(prev=y - 1, year=y))
    r = ingest_paths([tmp_path])
    docs = {d.document.doc_id: {"title": d.document.title, "profile": d.document.profile}
            for d in r.docs}
    res = Resolver(r.chunks, docs, rules)
    named = res.resolve("2015年政府工作报告提出的经济增长预期目标是多少？")
    assert named.docs == ["2015年国务院政府工作报告"]
    assert res.doc_mask(named).sum() == sum(c.doc_id == named.docs[0] for c in r.chunks)
    outcome = res.resolve("2014年国内生产总值增长了多少？")
    assert outcome.docs == [] and set(outcome.covering) == {"2014年国务院政府工作报告",
                                                             "2015年国务院政府工作报告"}
    match, off = res.year_scores(outcome)
    best = [c for c, m in zip(r.chunks, match) if m == 1.0]
    assert {c.doc_id for c in best} == {"2014年国务院政府工作报告", "2015年国务院政府工作报告"}
    assert all(o for c, o in zip(r.chunks, off) if c.doc_id == "2016年国务院政府工作报告")
    stance = res.stance_scores(outcome)
    review = [c for c, s in zip(r.chunks, stance) if s > 0]
    assert review and all(c.stance == "review" for c in review)
    assert res.resolve("国内生产总值增长了多少？").years == []


def test_two_named_reports_narrow_to_both(tmp_path):
    """"2014年和2015年政府工作报告分别…" and "the 2014 and 2015 reports" name two reports;
    a year a part only carries over ("…according to the following year's report") names none."""
    for y in (2014, 2015, 2016):
        write(tmp_path / f"{y}年国务院政府工作报告.txt",
              REPORT.replace("2014", "{prev}").replace("2015", "{year}").format(prev=y - 1, year=y))
    r = ingest_paths([tmp_path])
    docs = {d.document.doc_id: {"title": d.document.title, "profile": d.document.profile} for d in r.docs}
    res = Resolver(r.chunks, docs, rules)
    want = ["2014年国务院政府工作报告", "2015年国务院政府工作报告"]
    assert sorted(res.resolve("2014年和2015年政府工作报告分别提出城镇新增就业多少人？").docs) == want
    assert sorted(res.resolve("How many new urban jobs did the 2014 and 2015 reports each plan?").docs) == want
    assert res.resolve("When growth slowed in 2015, what did the government refrain from doing, "
                       "according to the following year's report?").docs == []


FIVE_YEAR_REPORT = """各位代表：

一、过去五年工作回顾

五年来，城镇保障性安居工程住房累计建设3000万套，国内生产总值年均增长9.3%。

二、2013年工作

今年城镇保障性安居工程住房基本建成470万套，新开工630万套。
"""


def test_a_paragraph_opening_on_a_stretch_of_years_is_about_all_of_it(tmp_path):
    """"2015年是“十二五”收官之年。过去五年，…" in the chapter "一、2015年工作回顾" speaks of
    2011-2015, not of 2015 alone; a plan named further on ("发布实施“十二五”…方案") sets no time."""
    write(tmp_path / "2016年国务院政府工作报告.txt", """各位代表：

一、2015年工作回顾

过去一年，国内生产总值达到67.7万亿元，增长6.9%。

2015年是“十二五”收官之年。过去五年，我国发展成就举世瞩目。城镇保障性安居工程住房建设4013万套。

推进节能减排。发布实施“十二五”节能减排综合性工作方案，清洁能源发电装机达到2.9亿千瓦。
""")
    years = {c.text[:4]: c.years for c in ingest_paths([tmp_path]).chunks}
    assert years["过去一年"] == [2015]
    assert years["2015"] == [2011, 2012, 2013, 2014, 2015]
    assert years["推进节能"] == [2015]


def test_a_stretch_of_years_prefers_the_passage_about_all_of_it(tmp_path):
    """"2008年至2012年…" is answered by the five-year review, not by the 2012 review, which
    is about one year of the stretch: the review matches in full, the other by a fifth."""
    write(tmp_path / "2013年国务院政府工作报告.txt", FIVE_YEAR_REPORT)
    write(tmp_path / "2012年国务院政府工作报告.txt",
          REPORT.replace("2014", "2011").replace("2015", "2012"))
    r = ingest_paths([tmp_path])
    docs = {d.document.doc_id: {"title": d.document.title, "profile": d.document.profile}
            for d in r.docs}
    res = Resolver(r.chunks, docs, rules)
    asked = res.resolve("2008年至2012年城镇保障性安居工程住房一共建设了多少套？")
    assert asked.years == [2008, 2009, 2010, 2011, 2012]
    match, _ = res.year_scores(asked)
    by = {c.text[:4]: m for c, m in zip(r.chunks, match)}
    assert by["五年来，"] == 1.0 and by["过去一年"] == pytest.approx(0.2)


SPEECH_YEARBOOK = """# 特载

## 在县委经济工作会议上的讲话

去年全县地区生产总值比上年增长7.5%。一般公共预算收入比上年增长6.1%。

今年要确保完成老旧小区改造30个。要力争新建城市道路5条。全县要确保固定资产投资增长10%。

# 大事记

## 1月

5日 平阳县召开县委全会，部署全年工作。

会议要求，要确保完成全年目标。要力争实现开门红。要确保安全生产。
"""


def test_a_speech_in_a_yearbook_that_plans_is_not_taken_as_a_review(tmp_path):
    write(tmp_path / "平阳年鉴2020.md", SPEECH_YEARBOOK)
    chunks = ingest_paths([tmp_path]).chunks
    stance = {c.text[:4]: c.stance for c in chunks}
    assert stance["去年全县"] == "review"       # a yearbook looks back by default
    assert stance["今年要确"] is None           # but this passage's own sentences plan
    assert stance["会议要求"] == "review"       # a chronicle entry records what was required


DATED_SPEECHES = """# 特载

## 在县委经济工作会议上的讲话

王某某

(2020年1月8日)

同志们：

一年来，全县加快了产业转型升级步伐，实施技术改造项目17个，完成投资31亿元。

## 在县委全会上的讲话

王某某

(2020年12月20日)

同志们：

一年来，全县加快了城市更新步伐，改造老旧小区42个，完成投资12亿元。
"""


def test_a_speech_looking_back_early_in_its_year_speaks_of_the_year_before(tmp_path):
    """Said in January 2020, "一年来…加快了…" is about 2019 as well; said in December, about 2020."""
    write(tmp_path / "平阳年鉴2021.md", DATED_SPEECHES)
    years = {c.text[:10]: (c.years, c.date) for c in ingest_paths([tmp_path]).chunks}
    assert years["一年来，全县加快了产"] == ([2019, 2020], "2020-01-08")
    assert years["一年来，全县加快了城"] == ([2020], "2020-12-20")


@pytest.mark.parametrize("text, want", [
    ("今年要确保完成30个。要力争新建5条。", "plan"),
    ("全年完成投资10亿元，比上年增长8%。累计建成30个。", "review"),
    ("今年要确保完成30个。比上年增长8%。", None),
    ("要确保安全。", None),                         # one sentence decides nothing
])
def test_text_stance(text, want):
    assert rules.text_stance(text) == want


def test_a_result_measured_against_its_target_is_a_record():
    """"增长11.3%，低于13%左右的预期目标": the target's words (预期, 左右) plan nothing here."""
    assert rules.sentence_stance("稳健的货币政策灵活适度，广义货币M2增长11.3%，低于13%左右的预期目标。") == "record"
    assert rules.sentence_stance("全年经济增长7.4%，实现了预期目标。") == "record"
    assert rules.sentence_stance("今年广义货币M2预期增长13%左右。") == "plan"
    assert rules.sentence_stance("力争超额完成年度计划。") == "plan"


def test_a_question_naming_two_reports_gets_a_passage_of_each_first(tmp_path):
    """"2014年…报告…？2015年…报告…？": the 2015 report's many passages on the topic do not fill
    the top and leave the 2014 part without its report."""
    from rag.api import RAG
    from rag.settings import Settings
    corpus = tmp_path / "corpus"
    write(corpus / "2014年国务院政府工作报告.txt", REPORT.replace("2015", "2014").replace("2014年工作回顾", "2013年工作回顾")
          + "\n保障群众基本生活，要坚持建机制、补短板、兜底线。\n")
    livelihood = "".join(f"\n我们持续增加民生投入，保障群众基本生活，第{n}项民生保障工作扎实推进。\n" for n in "一二三四五六")
    write(corpus / "2015年国务院政府工作报告.txt", REPORT + livelihood
          + "\n我们坚持以人为本，持续增加民生投入，保基本、兜底线、建机制。\n")
    write(corpus / "2016年国务院政府工作报告.txt", REPORT.replace("2015", "2016").replace("2014", "2015"))
    api = RAG(Settings.load(index_dir=tmp_path / "index", index="t"))
    api.ingest([corpus])
    q = "2014年政府工作报告提出保障群众基本生活要坚持哪三点？2015年政府工作报告回顾上年持续增加民生投入时说坚持了哪三点？"
    top = [h.chunk.doc_id for h in api.retriever().search(q, 5).hits]
    assert set(top[:2]) == {"2014年国务院政府工作报告", "2015年国务院政府工作报告"}, top
