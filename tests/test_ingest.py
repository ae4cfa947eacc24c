"""Repair rules, structure (sections, dates, speakers) and chunking, on small texts the tests
write themselves. No network, no models."""
from __future__ import annotations

import json

import pytest

from ingest_util import (HTML, SENTENCE_ENDS, ZH, assert_offsets, ingest_one, make_docx, make_pdf,
                         para_with, parse_text, write)
from rag.ingest import chunker, ingest_paths, repair

# --- repair rules ------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    # a sentence broken mid-way is joined, even across blank lines
    pytest.param("魏都区召开全区领导\n\n\n干部会议，部署全年工作。", ["魏都区召开全区领导干部会议，部署全年工作。"],
                 id="join-zh-blank-lines"),
    pytest.param("要推进高\n\n水平开放。", ["要推进高水平开放。"], id="join-zh"),
    pytest.param("要推进高\r\n\r\n水平开放。\r\n", ["要推进高水平开放。"], id="join-crlf"),
    # English words get their space back
    pytest.param("The district held a\n\nmeeting on Monday.",
                 ["The district held a meeting on Monday."], id="join-en"),
    pytest.param("Investment grew by 8 percent,\nreaching a record.",
                 ["Investment grew by 8 percent, reaching a record."], id="join-en-comma"),
    pytest.param("（一）围绕制造业发展，\n\n挺起建设脊梁。", ["（一）围绕制造业发展，挺起建设脊梁。"],
                 id="join-numbered-cut-at-comma"),
    # no join after a sentence end, a colon or a closing quote
    pytest.param("会议结束。\n\n新的段落开始。", ["会议结束。", "新的段落开始。"], id="after-period"),
    pytest.param("会议指出：\n\n要抓好项目建设。", ["会议指出：", "要抓好项目建设。"], id="after-colon"),
    pytest.param("他说“好。”\n\n大家鼓掌。", ["他说“好。”", "大家鼓掌。"], id="after-quote"),
    # no join before a heading, a numbered item, a chronicle entry or a byline
    pytest.param("会议要求\n\n# 标题", ["会议要求", "# 标题"], id="before-heading"),
    pytest.param("会议要求\n\n一、总体要求", ["会议要求", "一、总体要求"], id="before-cn-number"),
    pytest.param("会议要求\n\n（二）重点任务", ["会议要求", "（二）重点任务"], id="before-cn-paren"),
    pytest.param("会议要求\n\n第一，统一思想。", ["会议要求", "第一，统一思想。"], id="before-ordinal"),
    pytest.param("会议要求\n\n1. 领会新要求。", ["会议要求", "1. 领会新要求。"], id="before-arabic"),
    pytest.param("会议要求\n\n3月2日，市委召开常委会议。", ["会议要求", "3月2日，市委召开常委会议。"],
                 id="before-full-date"),
    pytest.param("会议要求\n\n**24日** 新华社记者到魏都区采访。", ["会议要求", "**24日**新华社记者到魏都区采访。"],
                 id="before-bold-day"),
    pytest.param("会议要求\n\n是日 新华社记者到魏都区采访。", ["会议要求", "是日新华社记者到魏都区采访。"],
                 id="before-shiri"),
    pytest.param("会议要求\n\n(2019年1月20日)", ["会议要求", "(2019年1月20日)"], id="before-byline"),
    # headings keep their "#" markers; an empty heading is dropped
    pytest.param("# 大事记\n\n## 1 月\n\n##\n", ["# 大事记", "## 1月"], id="keep-headings"),
])
def test_repair_joins_and_boundaries(raw, expected):
    assert repair.repair_lines(raw) == expected


@pytest.mark.parametrize("entry", ["3日 新华社记者到魏都区采访。", "2日至3日 区长带队赴上海考察。",
                                   "26~27日 副市长带队考察。", "是月 区长赴德国考察。",
                                   "**2月中旬** 区委社区工作委员会挂牌。", "**日前** 魏都区出台意见。"],
                         ids=["day", "range", "range-tilde", "shiyue", "mid-month", "riqian"])
def test_repair_does_not_glue_a_chronicle_entry_to_an_open_line(entry):
    # The space after "3日" is removed by cleaning, so the entry must be recognised before that.
    lines = repair.repair_lines("魏都区召开项目谋划会议\n\n" + entry)
    assert len(lines) == 2 and lines[0] == "魏都区召开项目谋划会议"


def test_repair_numbered_title_line_takes_no_continuation():
    lines = repair.repair_lines("一、深刻领会重要讲话精神，为谱写出彩篇章增添魏都光彩\n\n学习贯彻讲话精神是首要任务。")
    assert lines == ["一、深刻领会重要讲话精神，为谱写出彩篇章增添魏都光彩", "学习贯彻讲话精神是首要任务。"]
    # ...while a numbered paragraph broken mid-sentence is still joined
    lines = repair.repair_lines("2. 扛稳监督责任。各级纪检监察机关要严格\n\n履行监督责任。")
    assert lines == ["2. 扛稳监督责任。各级纪检监察机关要严格履行监督责任。"]


@pytest.mark.parametrize("page_line", ["12", "- 12 -", "—12—", "第 3 页", "第3页", "12 / 80", "Page 7"],
                         ids=["bare", "dashes", "em", "di-ye-sp", "di-ye", "of-total", "page"])
def test_repair_drops_page_number_lines(page_line):
    assert repair.repair_lines(f"会议强调要抓好\n\n{page_line}\n\n项目建设。") == ["会议强调要抓好项目建设。"]


def test_repair_keeps_numbers_that_are_content():
    assert repair.repair_lines("全年完成投资\n\n32.2亿元。") == ["全年完成投资32.2亿元。"]
    assert repair.repair_lines("2019年\n\n全区生产总值增长7%。") == ["2019年全区生产总值增长7%。"]


def test_repair_removes_bookmarks():
    assert repair.repair_lines("[bookmark: _GoBack]3月21日，市委召开会议。") == ["3月21日，市委召开会议。"]
    assert repair.repair_lines("市委召开[bookmark: _GoBack]常委会议。") == ["市委召开常委会议。"]


def test_repair_keeps_the_text_of_inline_format_tags():
    assert repair.repair_lines("确保全区PM<sub>2.5</sub>浓度下降到40微克/立方米以下。") == \
        ["确保全区PM2.5浓度下降到40微克/立方米以下。"]
    assert repair.repair_lines('新建绿地5万m<sup>2</sup>，<span style="x">其中</span>公园3个。') == \
        ["新建绿地5万m2，其中公园3个。"]


@pytest.mark.parametrize("raw, expected", [
    ("省委组织部非 公企业和社会组织党工委。", "省委组织部非公企业和社会组织党工委。"),
    ("1 月 25 日，中央政治局会议召开。", "1月25日，中央政治局会议召开。"),
    ("政纪处分 20 人。", "政纪处分20人。"),
    ("魏都区人民政府区长 李朝锋", "魏都区人民政府区长李朝锋"),
    ("全区　　经济运行平稳。", "全区经济运行平稳。"),                  # ideographic spaces
    ("The plan covers new energy vehicles.", "The plan covers new energy vehicles."),
    ("引进 Intel 公司的 AI 项目。", "引进 Intel 公司的 AI 项目。"),    # spaces next to Latin stay
], ids=["inside-word", "date", "number", "role-name", "ideographic", "english", "mixed"])
def test_repair_stray_spaces(raw, expected):
    assert repair.repair_lines(raw) == [expected]


def test_repair_keeps_bold_markers_for_structure():
    assert repair.repair_lines("**五、强力推进改革开放。**改革是动力。") == ["**五、强力推进改革开放。**改革是动力。"]


# --- structure: sections -----------------------------------------------------------------

SPEECH = """# 特载

## 在区委全会上的讲话

### 一、提升政治站位

深化机构改革是重大政治任务。

第一，统一思想认识。中央高度重视机构改革工作。

第二，站位发展全局。改革是大势所趋。

## 二、把握总体要求

各项改革要沿着正确方向前进。

**三、严格执行方案。**方案已经市委批准，要不折不扣落实。

（一）细化任务。各部门要列出清单。

1. 建立台账。每项任务明确责任人。

2. 定期调度。每月调度一次进展。

（二）强化督查。区委督查室要跟踪问效。

四、加强组织领导

各级党委要切实负起责任。
"""


def test_sections_from_markdown_numbering_and_bold_leads():
    paras = {p.text[:8]: p for p in parse_text(SPEECH) if not p.heading}
    assert "三、严格执行方案。方案已经市委批准，要不折不扣落实。" in [p.text for p in paras.values()]
    root = ["特载", "在区委全会上的讲话"]
    assert paras["深化机构改革是重"].section == root + ["一、提升政治站位"]
    assert paras["第一，统一思想认"].section == root + ["一、提升政治站位", "第一，统一思想认识"]
    assert paras["第二，站位发展全"].section == root + ["一、提升政治站位", "第二，站位发展全局"]
    # "## 二、" after "### 一、" is a sibling, not a child, and closes 第一/第二
    assert paras["各项改革要沿着正"].section == root + ["二、把握总体要求"]
    # a bold lead-in titles its own paragraph
    assert paras["三、严格执行方案"].section == root + ["三、严格执行方案"]
    assert paras["（一）细化任务。"].section == root + ["三、严格执行方案", "（一）细化任务"]
    assert paras["1. 建立台账。"].section == root + ["三、严格执行方案", "（一）细化任务", "1. 建立台账"]
    assert paras["2. 定期调度。"].section == root + ["三、严格执行方案", "（一）细化任务", "2. 定期调度"]
    assert paras["（二）强化督查。"].section == root + ["三、严格执行方案", "（二）强化督查"]
    # a plain-text numbered title line (no "#") is a heading for the paragraph after it
    assert paras["各级党委要切实负"].section == root + ["四、加强组织领导"]


def test_section_numbering_style_nesting_independent_of_markdown_level():
    text = "## 在会议上的讲话\n\n#### 一、甲\n\n正文甲。\n\n## 二、乙\n\n正文乙。\n\n### 三、丙\n\n正文丙。\n"
    secs = {p.text: p.section for p in parse_text(text) if not p.heading}
    assert secs == {"正文甲。": ["在会议上的讲话", "一、甲"], "正文乙。": ["在会议上的讲话", "二、乙"],
                    "正文丙。": ["在会议上的讲话", "三、丙"]}


# --- structure: chronicle dates ----------------------------------------------------------

CHRONICLE = """# 大事记

## 1 月

2日 魏都区召开补短板稳投资项目谋划例会。

是日 区委书记张书杰调研爱情公园打造工作。

3日 新华社河南分社副社长到魏都区调研。调研中指出：

要进一步加强基层党建工作。

**24日** 区委书记赴省民政厅参加社区治理论证会。

**是日深夜** 区委书记对全区道路积雪清除工作进行视察。

**日前** 魏都区出台《关于加强城市基层党建工作的意见》。

## 2 月

3月5日，省安委会考核组到魏都区考评安全生产工作。

26~27日 副市长带队到云南考察。

2日至3日 区长带队赴上海同济大学参观考察。

是月 区长随市代表团赴德国考察。

**2月中旬** 区委社区工作委员会正式挂牌成立。
"""


def chronicle_dates(text: str, **kw) -> dict[str, str | None]:
    return {p.text[:6]: p.date for p in parse_text(text, **kw) if not p.heading}


def test_chronicle_dates():
    d = chronicle_dates(CHRONICLE, chronicle_year=2019)
    assert d["2日魏都区召"] == "2019-01-02"          # month heading + "2日 "
    assert d["是日区委书记"] == "2019-01-02"          # 是日 inherits
    assert d["3日新华社河"] == "2019-01-03"
    assert d["要进一步加强"] == "2019-01-03"          # a later paragraph of the same entry
    assert d["24日区委书"] == "2019-01-24"           # **24日**
    assert d["是日深夜区委"] == "2019-01-24"          # 是日深夜 inherits too
    assert d["日前魏都区出"] is None                  # 日前: no date
    assert d["3月5日，省"] == "2019-03-05"           # a full "M月D日，" lead wins over the heading
    assert d["26~27日"] == "2019-03-26"             # a day range starts on its first day
    assert d["2日至3日区"] == "2019-03-02"
    assert d["是月区长随市"] is None                  # 是月: the month, not a day
    assert d["2月中旬区委"] is None


def test_a_later_paragraph_of_an_entry_keeps_its_scene():
    """An entry running on over a blank line ("二要…") keeps the entry before it as its scene
    (where, who presided, who is speaking); a new entry or a month heading closes it."""
    text = ("# 大事记\n\n## 6月\n\n8日 县委书记赵某主持召开防汛工作会议。县长钱某出席。就做好防汛工作，"
            "赵某强调，一要压实责任。\n\n二要加强巡查，确保河道安全度汛。\n\n三要备足物资。\n\n"
            "9日 县长钱某调研春播生产。\n\n## 7月\n\n要做好秋粮田间管理。\n")
    paras = {p.text[:4]: p for p in parse_text(text, chronicle_year=2021) if not p.heading}
    assert paras["8日县委"].scene is None
    assert paras["二要加强"].scene.startswith("8日县委书记赵某") and "赵某强调" in paras["二要加强"].scene
    assert paras["三要备足"].scene.endswith("确保河道安全度汛。")     # the whole entry before it
    assert paras["9日县长"].scene is None and paras["要做好秋"].scene is None
    long = parse_text("# 大事记\n\n## 6月\n\n8日 县委召开会议。" + "会议指出，要抓好落实。" * 80 +
                      "赵某强调，一要压实责任。\n\n二要加强巡查。\n", chronicle_year=2021)
    scene = [p for p in long if p.text.startswith("二要")][0].scene
    assert scene.startswith("8日县委召开会议。…") and scene.endswith("赵某强调，一要压实责任。")
    assert len(scene) <= 600


def test_a_paragraph_keeps_the_end_of_the_one_before_it_as_its_lead_in():
    """A report's paragraph often goes on about what the one before named ("实施两年新增4万亿元的
    投资计划。" / "其中重大基础设施建设占23.6%…"): it keeps the end of that paragraph, within its
    section; the first paragraph under a heading, a byline's next and chronicle entries do not."""
    text = ("# 某省2011年政府工作报告\n\n## 一、过去五年的回顾\n\n促进投资快速增长。实施两年新增4万亿元的投资计划。\n\n"
            "其中重大基础设施建设占23.6%，灾后恢复重建占14.8%。\n\n" + "各项改革深入推进，" * 30 + "成效明显。\n\n"
            "改革红利持续释放。\n\n## 二、今年的工作\n\n今年要稳增长。\n\n# 大事记\n\n## 6月\n\n"
            "8日 县委召开会议，部署防汛工作。\n\n9日 县长调研春播生产。\n")
    paras = {p.text[:4]: p for p in parse_text(text, chronicle_year=2021) if not p.heading}
    assert paras["促进投资"].lead_in is None                       # first under its heading
    assert paras["其中重大"].lead_in == "促进投资快速增长。实施两年新增4万亿元的投资计划。"   # short: whole
    long_before = paras["改革红利"].lead_in                        # long: its last sentence
    assert long_before.endswith("成效明显。") and len(long_before) <= 150
    assert paras["今年要稳"].lead_in is None                       # another section
    assert paras["8日县委"].lead_in is None and paras["9日县长"].lead_in is None   # entries: events of their own


def test_a_programme_named_in_the_paragraph_before_is_the_passages():
    """"两年新增4万亿元投资计划中…各占多少比例": the shares stand in the paragraph after the one
    naming the plan; with that paragraph's end as its lead-in, the passage is about the plan."""
    from dataclasses import replace
    from rag.answer.constraints import extract
    from rag.answer.evidence import check
    from rag.answer.extractive import passage_sentences
    from rag.types import Chunk, Hit
    text = "其中重大基础设施建设占23.6%，灾后恢复重建占14.8%。"
    c = Chunk(id="d:p2", doc_id="d", doc_title="某省2011年政府工作报告", section="一、过去五年的回顾", date=None,
              start=0, end=len(text), text=text, hash="h", years=[2009, 2010], stance="review", ref_year=2011)
    q = extract("两年新增4万亿元投资计划中，重大基础设施建设和灾后恢复重建各占多少比例？")
    assert "entity" in check(q, [Hit(c, 1.0, 1)], passage_sentences).passage_misses[0]
    led = replace(c, lead_in="促进投资快速增长。实施两年新增4万亿元的投资计划。")
    d = check(q, [Hit(led, 1.0, 1)], passage_sentences)
    assert "entity" not in d.passage_misses[0] and d.satisfied


def test_chronicle_year_from_metadata_and_title():
    text = "3月2日，市委书记主持召开市委常委会议。\n\n是日 市长调研复工复产工作。\n"
    dates = chronicle_dates(text, chronicle=True, chronicle_year=2020)
    assert set(dates.values()) == {"2020-03-02"}
    # chronicle_year beats the document year (a 2020 yearbook chronicles 2019)
    assert set(chronicle_dates(text, chronicle=True, year=2020, chronicle_year=2019).values()) == \
        {"2019-03-02"}
    # a "2018年大事记" heading sets the year for its entries
    assert set(chronicle_dates("# 2018年大事记\n\n" + text, year=2020).values()) == {"2018-03-02"}
    # no year known: no invented date
    assert set(chronicle_dates(text, chronicle=True).values()) == {None}


def test_dates_only_inside_chronicles():
    text = "# 工作总结\n\n3月2日，市委书记主持召开市委常委会议。\n"
    assert chronicle_dates(text, year=2020) == {"3月2日，市": None}


def test_chronicle_via_pipeline_metadata(tmp_path):
    write(tmp_path / "cg.txt", "3月2日，市委书记主持召开市委常委会议。\n\n"
                               "3月3日，市长到坡胡镇调研产业园项目进展情况。\n")
    write(tmp_path / "corpus.json", json.dumps(
        {"documents": {"cg.txt": {"kind": "chronicle", "chronicle_year": 2020}}}))
    doc = ingest_paths([tmp_path]).docs[0]
    assert [c.date for c in doc.chunks] == ["2020-03-02", "2020-03-03"]


# --- structure: speeches -----------------------------------------------------------------

SPEECHES = """# 特载

## 在区委十四届七次全会上的讲话

张书杰

(2019年1月20日)

同志们：

今天召开全会，部署机构改革工作。

### 一、提升政治站位

深化机构改革是重大政治任务。

## 李朝锋在全区领导干部会议上的讲话

(2019年11月19日，根据录音整理)

这次会议的主要任务是回顾总结前三季度工作。

## 政府工作报告

——2020年6月14日在魏都区十五届人民代表大会第四次会议上

魏都区人民政府区长 李朝锋

各位代表：现在，我代表区人民政府向大会报告工作。

## 关于年鉴编纂的说明

本卷年鉴收录2019年全区重要文献。
"""


def test_speech_byline_date_and_speaker():
    paras = [p for p in parse_text(SPEECHES) if not p.heading]
    by_text = {p.text[:6]: (p.date, p.speaker) for p in paras}
    assert by_text["同志们："] == ("2019-01-20", "张书杰")
    assert by_text["今天召开全会"] == ("2019-01-20", "张书杰")
    assert by_text["深化机构改革"] == ("2019-01-20", "张书杰")      # inside a numbered subsection
    assert by_text["这次会议的主"] == ("2019-11-19", "李朝锋")      # speaker from the title
    assert by_text["各位代表：现"] == ("2020-06-14", "李朝锋")      # "——date" byline, role + name
    assert by_text["本卷年鉴收录"] == (None, None)                 # does not leak into the next piece
    # Bylines stay separate lines, and stay retrievable: "who gave the report, when" is
    # answered only there.
    bylines = {p.text: p for p in parse_text(SPEECHES) if p.text in ("张书杰", "(2019年1月20日)")}
    assert set(bylines) == {"张书杰", "(2019年1月20日)"}
    assert not bylines["(2019年1月20日)"].heading
    assert bylines["(2019年1月20日)"].date == "2019-01-20"


def test_speech_metadata_reaches_chunks(tmp_path):
    doc = ingest_one(write(tmp_path / "speeches.md", SPEECHES))
    chunk = next(c for c in doc.chunks if "今天召开全会" in c.text)
    assert (chunk.date, chunk.speaker) == ("2019-01-20", "张书杰")
    assert chunk.section == "特载 > 在区委十四届七次全会上的讲话"
    # the date byline is a (short) chunk of its own, carrying the speech's date and speaker
    byline = next(c for c in doc.chunks if c.text == "(2019年1月20日)")
    assert (byline.date, byline.speaker) == ("2019-01-20", "张书杰")


# --- chunker -----------------------------------------------------------------------------

def long_paragraph(n: int = 40) -> str:
    return "".join(f"第{i}项重点工作稳步推进，累计完成投资{i * 3}亿元，带动就业{i * 100}人。"
                   + ("部分项目提前竣工！" if i % 7 == 0 else "") + ("进度如何？" if i % 11 == 0 else "")
                   for i in range(1, n + 1))


def test_split_to_budget_parts_fit_and_end_at_sentences():
    text = long_paragraph()
    budget = 60
    assert chunker.count_tokens(text) > 5 * budget
    parts = chunker.split_to_budget(text, budget)
    assert len(parts) > 5
    assert "".join(parts) == text
    for part in parts:
        assert chunker.count_tokens(part) <= budget
        assert part.endswith(SENTENCE_ENDS)


def test_split_to_budget_short_text_untouched():
    assert chunker.split_to_budget("会议召开。", 400) == ["会议召开。"]


def test_split_to_budget_overlong_sentence_falls_back_to_clauses_then_tokens():
    sentence = "，".join(f"第{i}个片区完成改造" for i in range(60)) + "。"
    parts = chunker.split_to_budget(sentence, 40)
    assert "".join(parts) == sentence and all(chunker.count_tokens(p) <= 40 for p in parts)
    assert all(p.endswith(("，", "。")) for p in parts)                # cut at clause ends
    no_punct = "魏" * 500
    parts = chunker.split_to_budget(no_punct, 30)
    assert "".join(parts) == no_punct and all(chunker.count_tokens(p) <= 30 for p in parts)


def test_sentence_closing_quote_stays_with_its_sentence():
    assert chunker.sentences("他说：“要抓项目。”大家鼓掌。") == ["他说：“要抓项目。”", "大家鼓掌。"]


def test_long_paragraph_chunks_in_pipeline(tmp_path):
    para = long_paragraph()
    text = "# 项目建设情况\n\n开篇短段落说明背景。\n\n" + para + "\n\n结尾段落总结全年工作。\n"
    doc = ingest_one(write(tmp_path / "projects.md", text), chunk_tokens=60)
    parts = [c for c in doc.chunks if c.para == para_with(doc, "第1项").index]
    assert len(parts) > 5
    assert "".join(c.text for c in parts) == para
    assert [c.part for c in parts] == list(range(len(parts)))
    assert [c.id for c in parts] == [f"projects:p{parts[0].para:04d}.{i}"
                                     for i in range(len(parts))]
    for c in parts:
        assert chunker.count_tokens(c.text) <= 60
        assert c.text.endswith(SENTENCE_ENDS)
    for a, b in zip(parts, parts[1:]):
        assert a.end == b.start
    single = [c for c in doc.chunks if c.para != parts[0].para]
    assert all("." not in c.id.split(":p")[1] for c in single)        # unsplit: "<doc>:pNNNN"
    assert_offsets(doc)
    assert len({c.id for c in doc.chunks}) == len(doc.chunks)


def test_chunk_ids_and_hashes_stable_when_another_document_changes(tmp_path):
    write(tmp_path / "a.md", SPEECHES)
    write(tmp_path / "b.txt", CHRONICLE)
    first = {d.document.doc_id: d for d in ingest_paths([tmp_path], chunk_tokens=40).docs}
    again = {d.document.doc_id: d for d in ingest_paths([tmp_path], chunk_tokens=40).docs}
    ids = lambda d: [(c.id, c.hash, c.start, c.end) for c in d.chunks]  # noqa: E731
    # deterministic
    assert ids(first["a"]) == ids(again["a"]) and ids(first["b"]) == ids(again["b"])

    write(tmp_path / "a.md", "# 新增的序言\n\n序言内容新增一段。\n\n" + SPEECHES.replace("全会", "大会"))
    changed = {d.document.doc_id: d for d in ingest_paths([tmp_path], chunk_tokens=40).docs}
    assert ids(changed["b"]) == ids(first["b"])
    assert changed["b"].document.sha256 == first["b"].document.sha256
    assert changed["a"].document.sha256 != first["a"].document.sha256
    assert {c.hash for c in changed["a"].chunks} != {c.hash for c in first["a"].chunks}


def test_short_fragments_are_not_chunked(tmp_path):
    doc = ingest_one(write(tmp_path / "s.txt", "好的。\n\n" + ZH))
    assert [c.text for c in doc.chunks] == [ZH]
    assert doc.paragraphs[0].text == "好的。"          # still in the document text


def test_offsets_slice_document_text_for_every_format(tmp_path):
    write(tmp_path / "a.md", SPEECHES)
    write(tmp_path / "b.txt", CHRONICLE)
    make_docx(tmp_path / "c.docx")
    make_pdf(tmp_path / "d.pdf")
    write(tmp_path / "e.html", HTML)
    result = ingest_paths([tmp_path], chunk_tokens=30)
    assert not result.skipped and len(result.docs) == 5
    for doc in result.docs:
        assert_offsets(doc)
        assert not any("**" in c.text or c.text.startswith("#") for c in doc.chunks)
