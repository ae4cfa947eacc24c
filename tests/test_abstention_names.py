"""What a question names must be what a passage is about: the place it asks (not one inside a
name or a word, not a question word), the meeting or programme it names (quoted, numbered,
asked about one by one) and a person named in pinyin."""
from abstention_util import decide, hit


def test_which_city_wants_a_place_named():
    summit = hit("成功举办亚太经合组织第二十二次领导人非正式会议、亚信会议第四次峰会。", years=[2014], stance="review",
                 period=(2014, 2015), title="2015年国务院政府工作报告")
    assert not decide("Which city hosted the 22nd APEC leaders' meeting in 2014?", [summit])[1].satisfied
    named = hit("亚太经合组织第二十二次领导人非正式会议在北京成功举办。", years=[2014], stance="review",
                period=(2014, 2015), title="2015年国务院政府工作报告")
    assert decide("Which city hosted the 22nd APEC leaders' meeting in 2014?", [named])[1].satisfied


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


def test_a_place_inside_a_parks_name_does_not_speak_for_the_city():
    district = hit("全年实施工业项目14个，完成年度计划投资62.7亿元，北京某科学城泰安中航产业园3个项目加快建设。",
                   years=[2020], stance="plan", period=(2019, 2020), title="某区年鉴2020", place="山东省泰安市某区")
    assert not decide("泰安市2020年计划实施多少个工业项目？", [district])[1].satisfied
    city = hit("泰安市全年实施工业项目140个。", years=[2020], stance="plan", period=(2019, 2020),
               title="某区年鉴2020", place="山东省泰安市某区")
    assert decide("泰安市2020年计划实施多少个工业项目？", [city])[1].satisfied
    from rag.profiles.zh_gov.documents import place_in_names_only
    assert place_in_names_only("产业园泰安晨鸣一期10万吨造纸生产线稳定运行", "泰安", "泰安市")       # a firm's phase
    assert place_in_names_only("签定《关于共建平台暨泰安（某区）新材料产业园合作协议》", "泰安", "泰安市")   # a title
    assert not place_in_names_only("泰安市一期工程和泰安建设", "泰安", "泰安市")


def test_an_opening_question_word_is_no_part_of_a_place():
    from rag.answer.constraints import extract
    assert extract("Has Pingyang county been named a national advanced county?").place == "Pingyang county"
    assert extract("Is Haidian District among the pilots?").place == "Haidian District"


def test_a_place_inside_an_organisations_name_names_no_city():
    summit = hit("国家领导人出席二十国集团领导人峰会、上海合作组织峰会等重大多边活动。", years=[2013],
                 stance="review", period=(2013, 2014), title="2014年国务院政府工作报告")
    assert not decide("2013年二十国集团领导人峰会在哪个城市举行？", [summit])[1].satisfied


def test_a_documents_place_missing_from_the_national_list_is_its_last_unit():
    from rag.answer.place_scope import _own_place
    assert _own_place("某省青山县") == "青山县"          # not in the list: cut by its unit
    assert _own_place("浙江省温州市平阳县") == "平阳县"


def test_a_place_inside_a_quoted_name_does_not_speak_for_it():
    """A district's "用好“某市英才计划”…新培育3个团队" is the district's own count, not the city's."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    s = "用好“临江英才计划”2.0版，全年新培育引进3个创新创业团队。"
    assert rules.place_in_names_only(s, "临江", "临江市")
    assert not rules.place_in_names_only("临江市全年新培育引进3个创新创业团队。", "临江", "临江市")


def test_a_numbered_label_is_given_by_as_many_items_as_it_counts():
    items = hit("3月26日，某市召开政协工作会议。要发挥人民政协“重要阵地、重要平台、重要渠道”的作用和优势。",
                years=[2020], date="2020-03-26", title="某市2020年3月大事记")
    q = "2020年3月26日某市政协工作会议要求发挥人民政协作为哪“三个重要”的作用和优势？"
    assert decide(q, [items])[1].satisfied
    other = hit("3月26日，某市召开政协工作会议。会议对提升履职质量提出具体要求，要发挥重要作用。",
                years=[2020], date="2020-03-26", title="某市2020年3月大事记")
    assert not decide(q, [other])[1].satisfied


def test_a_decline_names_the_pinyin_name_the_passages_lack():
    from rag.answer.evidence import reasons
    visit = hit("5日，市长到某镇金属表面处理园调研。", years=[2020], date="2020-03-05", title="某市2020年3月大事记")
    q = "What did the mayor see at the Dongcun metal-finishing park on 5 March 2020?"
    _, d = decide(q, [visit])
    assert not d.satisfied and any(r.endswith("do not mention Dongcun") for r in reasons(d, [visit], "en"))


def test_a_place_name_inside_a_word_names_no_place():
    q = "Which city first proposed the Silk Road Economic Belt?"
    words = hit("把“一带一路”建设与区域开发开放结合起来，加强新亚欧大陆桥、陆海口岸支点建设，构建沿线大通关合作机制。",
                years=[2015], stance="plan", period=(2015, 2015), title="2015年国务院政府工作报告")
    assert not decide(q, [words])[1].satisfied         # 陆海口岸 is no 海口, 大通关 no 大通区
    named = hit("丝绸之路经济带倡议在阿斯塔纳提出，一带一路建设在杭州举办的峰会上得到响应。", years=[2015], stance="plan",
                period=(2015, 2015), title="2015年国务院政府工作报告")
    assert decide("Which city hosted the summit on the Silk Road Economic Belt?", [named])[1].satisfied


def test_a_quoted_name_is_one_however_short():
    """“三农” is one bigram, yet quoted it names what the money is for: a deficit of the same
    year's report is not it."""
    q = "2016年中央财政用于“三农”的投入拟安排多少亿元？"
    deficit = hit("今年拟安排财政赤字21800亿元，其中中央财政赤字14000亿元。", years=[2016], stance="plan",
                  title="2016年国务院政府工作报告", period=(2015, 2016))
    _, d = decide(q, [deficit])
    assert not d.satisfied
    farm = hit("今年中央财政用于“三农”的投入拟安排16000亿元。", years=[2016], stance="plan",
               title="2016年国务院政府工作报告", period=(2015, 2016))
    _, d = decide(q, [farm])
    assert d.satisfied
    # a quoted numbered label is given by its items, not by its own two characters
    items = hit("要做到早发现、早防范、早处置，守住不发生系统性风险的底线。", years=[2016], stance="plan",
                title="2016年国务院政府工作报告", period=(2015, 2016))
    assert decide("2016年政府工作报告要求防范风险做到哪“三早”？", [items])[1].satisfied


def test_meetings_asked_about_one_by_one_are_each_in_their_own_passage():
    """"第二次推进会和第三次推进会上…各自提出…": a passage on one of them is evidence for its part."""
    second = hit("23日某区干渠综合治理项目建设第二次推进会议召开。区长王某指出，一要加快进度。二要加快启动绿化种植工作。",
                 years=[2019], date="2019-03-23", title="某区年鉴2020")
    q = "某区干渠综合治理第二次推进会议和第三次推进会上，王某各自提出的最后一条要求是什么？"
    assert decide(q, [second])[1].satisfied
    # asked together, both must be there
    assert not decide("某区干渠综合治理第二次推进会议和第三次推进会上，王某提出了什么要求？", [second])[1].satisfied


def test_the_whole_of_a_city_asked_is_not_answered_by_its_districts_figure():
    """"许昌全市…下降了多少": a district's report's "一般公共预算收入同比下降32%" is the district's."""
    rep = hit("面对疫情影响，今年以来经济下行压力持续加大，一季度全区地方生产总值同比下降12%，1~4月份，规模以上工业增加值"
              "同比下降3%，一般公共预算收入同比下降32%，困难和挑战前所未有。", years=[2020],
              date="2020-06-14", speaker="王某", ref_year=2020, title="某区年鉴2020", place="河南省许昌市魏都区")
    assert not decide("2020年1~4月许昌全市一般公共预算收入同比下降了多少？", [rep])[1].satisfied
    assert decide("2020年1~4月魏都区一般公共预算收入同比下降了多少？", [rep])[1].satisfied
