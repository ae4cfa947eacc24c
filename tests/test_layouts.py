"""Layouts the bundled corpus does not have, on small texts written here: chronicles with full
dates, Chinese-numeral and plain month headings, day ranges; report bylines broken over lines;
boilerplate repeated across documents or pages; hashtags that are not headings; undated
chronicle entries reported."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest_util import assert_offsets, body, ingest_one, para_with, parse_text, write
from rag.ingest import ingest_paths, repair, structure


def dates(text: str, **kw) -> dict[str, str | None]:
    """First eight characters of each content paragraph -> its date."""
    return {p.text[:8]: p.date for p in parse_text(text, **kw) if not p.heading}


# --- chronicles: full dates, the year from the entry itself -----------------------------

FULL_DATES = """2020年1月5日，县委书记王建国主持召开县委常委会议，研究部署春节前后重点工作。

2020年1月6日 县长李明到城关镇调研农贸市场改造工作。

同日 县政府召开安全生产工作会议。

2020年1月8日，全县脱贫攻坚推进会召开。会议要求：

各乡镇要逐户核实帮扶措施落实情况。

2019年12月31日，县人大常委会召开第二十三次会议。
"""


def test_full_date_entries_take_their_year_from_the_entry():
    d = dates(FULL_DATES)                    # no year from anywhere else, no "大事记" anywhere
    assert d["2020年1月5"] == "2020-01-05"
    assert d["2020年1月6"] == "2020-01-06"   # "2020年1月6日 " with a space (lost in cleaning)
    assert d["同日县政府召开安"] == "2020-01-06"
    assert d["2020年1月8"] == "2020-01-08"
    assert d["各乡镇要逐户核实"] == "2020-01-08"   # the entry's second paragraph
    assert d["2019年12月"] == "2019-12-31"
    # the entry's own year beats the chronicle year the metadata gives
    assert dates(FULL_DATES, chronicle=True, chronicle_year=2018)["2020年1月5"] == "2020-01-05"


def test_full_date_entries_are_not_glued_to_an_open_line():
    lines = repair.repair_lines("县委召开常委会议，研究部署春节前后\n\n2020年1月6日 县长李明到城关镇调研。")
    assert lines == ["县委召开常委会议，研究部署春节前后", "2020年1月6日县长李明到城关镇调研。"]


# --- chronicles: month headings ---------------------------------------------------------

CN_MONTHS = """# 2021年县域要事

## 一月份

3日 县委召开全县经济工作会议。

是日 县长李明调研重点项目建设。

十二月

5日 县政府召开常务会议

6日 县人大常委会召开会议。
"""


@pytest.mark.parametrize("heading", ["## 一月", "## 一月份", "一月", "一月份", "1月", "1月份", "## 1 月份",
                                     "**一月**"])
def test_month_headings_in_any_form(heading):
    text = f"# 县域要事\n\n{heading}\n\n3日 县委召开全县经济工作会议。\n\n是日 县长李明调研重点项目。\n"
    paras = parse_text(text, chronicle_year=2021)
    entries = [p for p in paras if not p.heading]
    assert [p.date for p in entries] == ["2021-01-03", "2021-01-03"]
    assert all(p.section == ["县域要事", "1月"] for p in entries)
    assert [p.heading for p in paras] == [True, True, False, False]


def test_chinese_numeral_months_and_year_from_heading():
    paras = [p for p in parse_text(CN_MONTHS) if not p.heading]
    by = {p.text[:6]: p for p in paras}
    assert by["3日县委召开"].date == "2021-01-03"     # the year from "# 2021年县域要事"
    assert by["5日县政府召"].date == "2021-12-05"
    assert by["5日县政府召"].section == ["2021年县域要事", "12月"]
    # "十二月" alone on a line is not glued to the open line before it, nor taken as a name
    assert "5日县政府召开常务会议" in [p.text for p in paras]
    assert by["6日县人大常"].date == "2021-12-06"


def test_month_line_is_not_glued_to_open_lines():
    assert repair.repair_lines("县长李明调研重点项目建设\n\n2月\n\n3日 县委召开会议。") == \
        ["县长李明调研重点项目建设", "2月", "3日县委召开会议。"]


# --- chronicles: day ranges, same-day and part-of-month leads ---------------------------

RANGES = """# 大事记

## 1月

5日至7日 县长带队赴浙江考察。

9—11日 县委组织部举办干部培训班。

12-13日 全县“两会”召开。

1月30日至2月2日，县委书记带队赴上海招商。

当日 县政府召开专题会议。

当天 县人大召开座谈会。

中旬 县委召开脱贫攻坚会议。

同日 县政协召开主席会议。

下旬，县政府开展安全生产大检查。

是月 全县完成植树造林1.2万亩。
"""


def test_day_ranges_date_to_their_first_day_and_inheritance():
    d = dates(RANGES, chronicle_year=2020)
    assert d["5日至7日县长带"] == "2020-01-05"
    assert d["9—11日县委组"] == "2020-01-09"
    assert d["12-13日全县"] == "2020-01-12"
    assert d["1月30日至2月"] == "2020-01-30"
    assert d["当日县政府召开专"] == "2020-01-30"
    assert d["当天县人大召开座"] == "2020-01-30"
    assert d["中旬县委召开脱贫"] is None          # part of a month: no day of its own
    assert d["同日县政协召开主"] is None          # ...and nothing after it inherits a day
    assert d["下旬，县政府开展"] is None
    assert d["是月全县完成植树"] is None


# --- chronicle detection without "大事记" and no false positives in reports ------------

ENTRIES = """3月2日，县委书记主持召开县委常委会议。

3月3日，县长到城关镇调研农贸市场改造。

是日 县政府召开常务会议。

3月5日，全县春季植树造林动员会召开。会议指出：

植树造林是改善生态环境的重要举措。
"""

REPORT = """# 政府工作报告

2019年，全县生产总值增长7.5%，一般公共预算收入增长8.1%。

1—11月，规模以上工业增加值增长9%。

3月5日以来，我们集中开展项目建设攻坚行动，新开工项目35个。

3月5日，县政府印发《关于优化营商环境的意见》，推出30条措施。

30日内，各部门要完成事项清单梳理。

全年城镇新增就业5200人，城镇登记失业率控制在4%以内。
"""


def test_a_document_of_dated_entries_is_a_chronicle_whatever_its_title(tmp_path):
    doc = ingest_one(write(tmp_path / "县政府工作动态2020.txt", ENTRIES))
    assert [p.date for p in body(doc)] == ["2020-03-02", "2020-03-03", "2020-03-03", "2020-03-05",
                                           "2020-03-05"]
    assert doc.counts()["undated_entries"] == 0


def test_report_paragraphs_starting_with_date_like_tokens_get_no_date():
    assert set(dates(REPORT, year=2020).values()) == {None}


def test_only_the_chronicle_section_of_a_mixed_document_is_dated():
    text = REPORT + "\n# 附：一季度要事\n\n" + ENTRIES
    paras = [p for p in parse_text(text, year=2020) if not p.heading]
    report = [p for p in paras if p.section == ["政府工作报告"]]
    annex = [p for p in paras if p.section == ["附：一季度要事"]]
    assert report and {p.date for p in report} == {None}
    assert [p.date for p in annex][:2] == ["2020-03-02", "2020-03-03"]


def test_a_month_alone_in_a_report_does_not_make_it_a_chronicle():
    text = "# 工作总结\n\n全年重点工作安排如下。\n\n1月\n\n召开全县经济工作会议。\n\n3月5日，举办招商推介会。\n"
    paras = parse_text(text, year=2020)
    assert {p.date for p in paras} == {None}
    assert all(p.section == ["工作总结"] for p in paras[1:])


def test_spans_inside_a_chronicle_are_not_entry_dates():
    text = ENTRIES + "\n3月5日以来，全县累计植树20万株。\n\n30日内完成补植补种。\n"
    d = dates(text, year=2020)
    assert d["3月5日以来，全"] == "2020-03-05"      # continuation of the entry before it
    assert d["30日内完成补植"] == "2020-03-05"


# --- undated entries are reported -------------------------------------------------------

def test_undated_entries_counted(tmp_path):
    # no year anywhere (file name, title, metadata, entries): entries cannot be dated
    doc = ingest_one(write(tmp_path / "dongtai.txt", ENTRIES))
    assert doc.counts()["undated_entries"] == 4            # three day leads and one 是日
    # day leads with no month to attach to: undated too; 上旬 entries are undated by design
    text = "# 大事记\n\n5日 县委召开常委会议。\n\n6日 县政府召开常务会议。\n\n上旬 全县开展大检查。\n"
    parsed = structure.parse(repair.repair_lines(text), "t", chronicle_year=2020)
    assert len(parsed.undated_entries) == 2 and len(parsed.entries) == 3
    doc = ingest_one(write(tmp_path / "full.txt", FULL_DATES))
    assert doc.counts()["undated_entries"] == 0


# --- bylines kept whole -----------------------------------------------------------------

# The opening of a report as Wikisource extraction leaves it: zero-width spaces, the title
# broken in two, the speaker's role and name on separate lines (name indented).
REPORT_OPENING = ("\u200b\n\n\n政府工作报\n告\n\n\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n\n\n\n"
                  "国务院总理\n\u3000李克强\n\n\n各位代表：\n\n\n现在，我代表国务院，向大会报告政府工作，请予审议。\n\n\n"
                  "一、2016年工作回顾\n\n\n过去一年，我国发展面临国内外诸多矛盾叠加的严峻挑战。\n")


def test_broken_report_opening_becomes_title_and_one_byline():
    lines = repair.repair_lines(REPORT_OPENING)
    assert lines[:3] == ["政府工作报告", "——2017年3月5日在第十二届全国人民代表大会第五次会议上\u3000国务院总理李克强",
                         "各位代表："]
    paras = parse_text(REPORT_OPENING)
    title, byline = paras[0], paras[1]
    assert (title.text, title.heading) == ("政府工作报告", True)
    assert not byline.heading and (byline.date, byline.speaker) == ("2017-03-05", "李克强")
    later = para_with_text(paras, "过去一年")
    assert (later.date, later.speaker) == ("2017-03-05", "李克强")
    assert later.section == ["政府工作报告", "一、2016年工作回顾"]


def para_with_text(paras, fragment):
    (p,) = [p for p in paras if fragment in p.text]
    return p


def test_report_byline_reaches_chunks(tmp_path):
    doc = ingest_one(write(tmp_path / "2017年政府工作报告.txt", REPORT_OPENING))
    byline = [c for c in doc.chunks if c.text.startswith("——2017年3月5日")]
    assert len(byline) == 1 and "李克强" in byline[0].text
    assert (byline[0].date, byline[0].speaker) == ("2017-03-05", "李克强")
    assert not [c for c in doc.chunks if c.text in ("国务院总理", "李克强", "告")]
    assert_offsets(doc)


@pytest.mark.parametrize("speaker_lines", ["县长 王建国", "县人民政府县长\n王建国", "县人民政府县长\n\n\u3000王建国"])
def test_speaker_lines_join_the_date_byline(speaker_lines):
    text = f"## 政府工作报告\n\n——2021年1月8日在县第十七届人民代表大会第五次会议上\n\n{speaker_lines}\n\n各位代表：\n\n现在我代表县人民政府报告工作。\n"
    paras = [p for p in parse_text(text) if not p.heading]
    assert paras[0].text.startswith("——2021年1月8日") and paras[0].text.endswith("王建国")
    assert {(p.date, p.speaker) for p in paras} == {("2021-01-08", "王建国")}


def test_role_under_a_heading_then_name_is_one_speaker_line():
    text = "## 在全县经济工作会议上的讲话\n\n县委书记\n\n王建国\n\n（2021年1月5日）\n\n同志们：\n\n今天召开全县经济工作会议。\n"
    paras = parse_text(text)
    assert [p.text for p in paras][:3] == ["在全县经济工作会议上的讲话", "县委书记王建国", "（2021年1月5日）"]
    assert (para_with_text(paras, "今天召开").date, para_with_text(paras, "今天召开").speaker) == \
        ("2021-01-05", "王建国")


def test_plain_text_speech_title_name_and_date():
    # the bundled yearbook's speech layout without "#": nothing is glued to the title
    text = "在全县经济工作会议上的讲话\n\n王建国\n\n（2021年1月5日）\n\n同志们：\n\n今天召开全县经济工作会议。\n"
    paras = parse_text(text)
    assert [(p.text, p.heading) for p in paras[:3]] == [
        ("在全县经济工作会议上的讲话", True), ("王建国", True), ("（2021年1月5日）", False)]
    assert {(p.date, p.speaker) for p in paras[2:]} == {("2021-01-05", "王建国")}
    assert all(p.section == ["在全县经济工作会议上的讲话"] for p in paras)


# --- boilerplate ------------------------------------------------------------------------

# The Wikisource licence footer, broken the way its links break it.
LICENCE = ("\n\n\n\n本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议、决定、命令和其他具有立法、行政、司法"
           "性质的文件，及其官方正式译文。根据《\n中华人民共和国著作权法\n》第五条第一项，本作品不适用于该法，在\n"
           "中国大陆\n，也可能在其他管辖区，属于\n公有领域\n。\n\n\n\nPublic domain\nPublic domain\nfalse\nfalse\n")


def report(year: int) -> str:
    work = "".join(f"第{i}项重点工作完成投资{year % 9 + i}亿元，带动就业{year % 11 + i}00人。" for i in range(1, 9))
    return (f"{year}年县政府工作报告\n\n——{year}年1月{year % 20 + 1}日在县人民代表大会上\n\n县长 王建国\n\n"
            f"各位代表：\n\n一、{year - 1}年工作回顾\n\n{year - 1}年全县生产总值增长{year % 7}%，"
            f"一般公共预算收入{year % 13}亿元。{work}\n\n二、{year}年工作安排\n\n"
            f"{year}年要抓好项目建设，新开工项目{year % 50}个。{work}\n")


def test_licence_footer_shared_by_three_documents_is_dropped(tmp_path):
    for y in (2018, 2019, 2020):
        write(tmp_path / f"{y}.txt", report(y) + LICENCE)
    result = ingest_paths([tmp_path])
    assert not result.skipped and len(result.docs) == 3
    for doc in result.docs:
        assert "公有领域" not in doc.document.text and "Public domain" not in doc.document.text
        assert not [c for c in doc.chunks if "公有领域" in c.text or "Public domain" in c.text]
        assert doc.counts()["dropped_boilerplate"] == 3        # licence, "Public domain…", 各位代表：
        assert_offsets(doc)
        assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))
        for c in doc.chunks:
            assert re.fullmatch(rf"{re.escape(c.doc_id)}:p{c.para:04d}(\.\d+)?", c.id)
            assert doc.paragraphs[c.para].text.find(c.text) >= 0
        # headings and bylines repeat across documents legitimately and stay
        assert para_with(doc, "工作回顾").heading
        assert [c for c in doc.chunks if c.text.startswith("——")]
    # each dropped text listed once
    assert len(result.boilerplate) == 3
    assert any("公有领域" in t for t in result.boilerplate) and "各位代表：" in result.boilerplate


def test_text_in_two_documents_is_not_boilerplate(tmp_path):
    for y in (2019, 2020):
        write(tmp_path / f"{y}.txt", report(y) + LICENCE)
    result = ingest_paths([tmp_path])
    assert result.boilerplate == []
    assert all("公有领域" in d.document.text for d in result.docs)


def test_copies_of_one_document_are_not_boilerplate_of_each_other(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, report(2020))
    result = ingest_paths([tmp_path])
    assert result.boilerplate == [] and len(result.docs) == 3
    assert all(d.counts()["dropped_boilerplate"] == 0 for d in result.docs)


def test_documents_sharing_most_of_their_text_keep_it(tmp_path):
    # three reports of one template, only the headings differ: the shared text is their content
    for y in (2018, 2019, 2020):
        write(tmp_path / f"{y}.txt", f"# {y}年工作报告\n\n各位代表：\n\n全县经济运行总体平稳，稳中有进。\n\n"
                                     "民生工程投资5.6亿元，完成218项民生实事。\n")
    result = ingest_paths([tmp_path])
    assert not result.skipped and len(result.docs) == 3 and result.boilerplate == []


def test_chunk_ids_after_dropping_match_a_batch_without_the_footer(tmp_path):
    for y in (2018, 2019, 2020):
        write(tmp_path / "with" / f"{y}.txt", report(y) + LICENCE)
        write(tmp_path / "without" / f"{y}.txt", report(y).replace("各位代表：\n\n", ""))
    key = lambda r: [(c.id, c.hash, c.start, c.end, c.text) for d in r.docs for c in d.chunks]  # noqa: E731
    a, b = ingest_paths([tmp_path / "with"]), ingest_paths([tmp_path / "without"])
    assert key(a) == key(b)
    assert [d.document.text for d in a.docs] == [d.document.text for d in b.docs]
    assert [d.document.sha256 for d in a.docs] == [d.document.sha256 for d in b.docs]


def page(n: int, *text: str) -> str:
    return f"魏都年鉴2020\n\n" + "\n\n".join(text) + f"\n\n— {n} —\n\n许昌市魏都区地方史志办公室编 第{n}页\n\n"


def test_running_header_and_footer_dropped_and_broken_sentence_rejoined():
    raw = ("# 魏都年鉴2020\n\n"
           + page(1, "全区生产总值增长7%。", "经济运行总体平稳。", "财政收入稳步增长。")
           + page(2, "城乡居民收入增长8%。", "消费市场持续回暖。", "民生工程投资5.6亿元，完成218项民生")
           + page(3, "实事。社会事业全面进步。", "教育投入持续增加。", "医疗服务能力提升。"))
    lines = repair.repair_lines(raw)
    assert lines == ["# 魏都年鉴2020", "全区生产总值增长7%。", "经济运行总体平稳。", "财政收入稳步增长。",
                     "城乡居民收入增长8%。", "消费市场持续回暖。", "民生工程投资5.6亿元，完成218项民生实事。社会事业全面进步。",
                     "教育投入持续增加。", "医疗服务能力提升。"]


def test_repeated_lines_that_are_structure_are_kept():
    # a speaker's name under each of their speeches
    speeches = "".join(f"## 在第{n}次会议上的讲话\n\n王建国\n\n（2021年{n}月5日）\n\n同志们：\n\n会议内容第{n}项。\n\n"
                       for n in range(1, 5))
    lines = repair.repair_lines(speeches)
    assert lines.count("王建国") == 4 and lines.count("同志们：") == 4
    # a table's unit column, and numbered titles repeated in several speeches
    table = "生产总值\n\n万元\n\n工业增加值\n\n万元\n\n财政收入\n\n万元\n\n" + "一、总体要求\n\n内容。\n\n" * 3
    lines = repair.repair_lines(table)
    assert lines.count("一、总体要求") == 3
    assert "".join(lines).count("万元") == 3


# --- hashtags are text ------------------------------------------------------------------

@pytest.mark.parametrize("line, heading", [("# 标题", True), ("## 标题", True), ("###### 标题", True),
                                           ("#", True), ("#话题#今天天气很好", False), ("#2019两会#", False),
                                           ("#标题", False), ("####### 七级", False)])
def test_is_heading_follows_commonmark(line, heading):
    assert repair.is_heading(line) is heading


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_hashtag_paragraphs_are_text(tmp_path, suffix):
    text = ("# 县融媒体中心动态\n\n#话题#今天全县普降瑞雪，各地积极开展除雪保通行动。\n\n"
            "#2019两会#县人大代表热议高质量发展。\n\n## 二、下一步工作\n\n继续做好宣传报道。\n")
    doc = ingest_one(write(tmp_path / f"news{suffix}", text))
    tag = para_with(doc, "普降瑞雪")
    assert tag.text == "#话题#今天全县普降瑞雪，各地积极开展除雪保通行动。" and not tag.heading
    assert tag.section == ["县融媒体中心动态"]
    two = para_with(doc, "两会")
    assert two.text.startswith("#2019两会#") and not two.heading and two.section == ["县融媒体中心动态"]
    assert para_with(doc, "继续做好").section == ["县融媒体中心动态", "二、下一步工作"]
    assert {c.text for c in doc.chunks} >= {tag.text, two.text}
    assert_offsets(doc)


def test_closing_hashes_are_not_part_of_a_heading():
    paras = parse_text("## 经济发展 ##\n\n全区生产总值增长7%。\n")
    assert paras[0].text == "经济发展" and paras[1].section == ["经济发展"]


# --- the development corpus beside the repository (../shared, not bundled) -------------

GOV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gov-work-reports-2010-2017"


@pytest.mark.skipif(not GOV.is_dir(), reason="development corpus not present")
def test_gov_reports_have_no_licence_chunks_and_a_whole_byline():
    result = ingest_paths([GOV])
    assert not result.skipped and len(result.docs) == 8
    assert not [c.id for c in result.chunks if "Public domain" in c.text or "公有领域" in c.text]
    for doc in result.docs:
        assert_offsets(doc)
        assert doc.counts()["dropped_boilerplate"] >= 3
    doc = next(d for d in result.docs if d.document.doc_id.startswith("2017"))
    (byline,) = [c for c in doc.chunks if c.text.startswith("——2017年3月5日")]
    assert (byline.date, byline.speaker) == ("2017-03-05", "李克强") and "国务院总理李克强" in byline.text
    assert doc.paragraphs[0].text == "政府工作报告" and doc.paragraphs[0].heading
    assert "M2增长11.3%" in doc.document.text          # a subscript line is not a page number
