"""What one sentence must give to answer: the asked kind of value (a place, a person, a count
in the asked measure word), about the asked subject and thing, and more than the question's own
words; and the passage-level checks on documents and Latin-script terms it rests on (names and
places: test_abstention_names.py)."""
from abstention_util import decide, hit
from rag.answer.constraints import extract

from rag.answer.query import weak_evidence
from rag.answer.quantities import quantities, states_value
from rag.types import Hit


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
    # the thing measured, named only after the figure, even when its sibling shares most words
    transfer = hit("对地方一般性转移支付规模增长9.5%，重点增加均衡性转移支付和困难地区财力补助。", years=[2017],
                   stance="plan", period=(2016, 2017), title="2017年国务院政府工作报告")
    assert not decide("2017年要重点增加均衡性转移支付，当年均衡性转移支付要增长多少？", [transfer])[1].satisfied
    assert decide("2017年对地方一般性转移支付规模要增长多少？", [transfer])[1].satisfied


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


def test_a_place_in_a_ranking_counts_nothing():
    """"较2017年下降63个位次", "位列170名" are ranks: no count of billboards, no number of people."""
    assert quantities("较2017年下降63个位次，位列170名，培训干部300名。") == [
        ("63个位次", "rank"), ("170名", "rank"), ("300名", "people")]
    assert not states_value("较2017年下降63个位次。", "count")


def test_a_sentence_that_fills_the_blank_is_no_restatement():
    """"以什么为主的…方式" is answered by the sentence that says "以备案制为主的…方式", though
    most of its words are the question's."""
    from rag.answer.constraints import extract
    from rag.answer.query import bigrams
    from rag.answer.values import fills_slot, sentence_misses
    q = "2015年政府工作报告在加快实施走出去战略方面，提出实行以什么为主的对外投资管理方式？"
    s = "实行以备案制为主的对外投资管理方式。"
    assert fills_slot(q, s)
    assert "restates" not in sentence_misses(extract(q), s, bigrams(q))
    # the question's words with nothing new between them still restate it
    assert not fills_slot(q, "加快实施走出去战略，提出实行对外投资管理方式。")


def test_a_sentence_that_only_sets_the_scene_is_no_requirement():
    """The opening of an entry ("…全体会议召开，市领导…出席会议") names the meeting and the
    asked person but requires nothing."""
    from rag.answer.constraints import extract
    from rag.answer.query import bigrams
    from rag.answer.values import sentence_misses
    q = "某市第十三届纪委第五次全体会议上，市长刘志明提出了哪些要求？"
    cons = extract(q)
    opening = "3月3日，某市第十三届纪委第五次全体会议召开，市领导王建国、刘志明、周立、孙红、赵军等全体县级干部出席会议。"
    assert "value" in sentence_misses(cons, opening, bigrams(q))
    assert sentence_misses(cons, "刘志明强调，要提升政治站位，严格执纪问责。", bigrams(q)) == []


def test_the_asked_change_is_not_part_of_the_subject():
    """"…一般性转移支付，具体增加多少？" asks the transfers' increase: another budget line's
    "比上年增加1304.8亿元" shares 增加 and 中央财政 with it but is not about the transfers."""
    from rag.answer.constraints import extract
    from rag.answer.query import bigrams
    from rag.answer.subjects import subject_terms
    from rag.answer.values import sentence_misses
    q = "2011年政府工作报告提出增加中央财政对粮食、油料、生猪调出大县的一般性转移支付，具体增加多少？"
    cons = extract(q)
    assert "增加" not in subject_terms(cons)
    assert "value" in sentence_misses(cons, "今年中央财政用于“三农”的投入拟安排9884.5亿元，比上年增加1304.8亿元。",
                                      bigrams(q), subject_terms(cons))
    assert sentence_misses(cons, "增加中央财政对粮食、油料、生猪调出大县的一般性转移支付120亿元。", bigrams(q),
                           subject_terms(cons)) == []
    # value added is a thing measured, not a change
    assert {"增加", "加值"} <= subject_terms(extract("2019年服务业增加值是多少？"))


def test_whether_a_named_project_is_done_is_answered_by_a_sentence_on_it():
    """"…裂解成套装备项目最终是否已签约落地？": the passage names the project once, among
    plans; its sentences on other investment work say nothing about whether it was signed."""
    from rag.answer.constraints import extract
    from rag.answer.query import bigrams
    from rag.answer.values import sentence_misses
    q = "某区招商的全自动生活垃圾裂解成套装备项目最终是否已签约落地？"
    cons = extract(q)
    assert cons.entities
    other = "纪年科技通过自身优势，为高新技术产业园引进高新技术企业。"
    assert "entity" in sentence_misses(cons, other, bigrams(q))
    assert "entity" not in sentence_misses(cons, "全自动生活垃圾裂解成套装备项目已于10月签约落地。", bigrams(q))


def test_an_amount_before_a_name_word_and_a_stressed_one_are_quantities():
    assert quantities("拿出1000万元专项资金，解决了17起信访积案") == [("1000万元", "money"), ("17", None)]
    assert quantities("实施“513”工业行动计划，修建107国道") == []          # names stay names
    assert quantities("原则上只设一个执法层级") == [("一个", "count")]
    assert quantities("建设一个产业园") == []                            # an article


def test_a_chinese_name_in_an_english_question_is_what_the_figure_must_be_about():
    from rag.answer.constraints import extract
    q = "How much investment does the district's tunnel boring machine line (盾构机装备生产线) project involve?"
    assert "盾构机装备生产线" in extract(q).entities
    total = hit("完成年度计划投资62.7亿元，确保盾构机装备生产线等11个项目如期开工。", years=[2020], stance="plan",
                period=(2019, 2020), title="某区年鉴2020")
    assert not decide(q, [total])[1].satisfied
    other = hit("某智能电控等21个新签约项目全部履约，到位资金达到72亿元。盾构机装备生产线签约落地。",
                years=[2020], stance="plan", period=(2019, 2020), title="某区年鉴2020")
    assert not decide(q, [other])[1].satisfied
    own = hit("总投资15亿元的盾构机装备生产线项目开工建设。", years=[2020], stance="plan", period=(2019, 2020),
              title="某区年鉴2020")
    assert decide(q, [own])[1].satisfied


def test_what_should_serve_as_a_lever_asks_no_figure():
    from rag.answer.constraints import extract
    assert extract("According to the 2015 report, what should serve as the lever for reforming railway "
                   "investment and financing?").asks != "quantity"
    assert extract("What should the 2016 budget deficit be?").asks == "quantity"


def test_a_stretch_of_years_is_a_duration_not_a_year():
    from rag.answer.constraints import extract
    assert quantities("赢得未来十至二十年发展空间，用10年时间") == [("二十年", "duration"), ("10年", "duration")]
    assert quantities("二〇一九年，2016年3月5日") == []
    assert extract("How many years of development space should the firms win?").quantity_kind == "duration"
    firms = hit("企业要明确定位，赢得未来十至二十年发展空间。", years=[2020], stance="plan", period=(2020, 2020),
                title="某县2020年大事记")
    assert decide("How many years of development space should the firms win?", [firms])[1].satisfied
    assert not decide("How many years of development space should the firms win?",
                      [hit("2019年，企业明确定位。", years=[2020], stance="plan", period=(2020, 2020))])[1].satisfied


def test_whether_a_target_was_met_asks_the_outcome():
    from rag.answer.constraints import extract
    assert extract("某区2020年是否实现了农民工工资基本无拖欠的目标？").period_kind == "outcome"
    assert extract("Has Pingyang county been named a national advanced county for peace-building?").period_kind \
        == "outcome"
    assert extract("2020年的增长目标是多少？").period_kind == "target"
    plan = hit("细化落实工资支付条例，努力实现2020年基本无拖欠的目标。", years=[2020], stance="plan",
               period=(2019, 2020), title="某区2020年政府工作报告", ref_year=2020, date="2020-06-14")
    assert not decide("某区2020年是否实现了农民工工资基本无拖欠的目标？", [plan])[1].satisfied


def review(text: str, year: int) -> Hit:
    """A county work report's review of `year`, the report of the year after."""
    return hit(text, years=[year], stance="review", period=(year, year), title=f"平阳县{year + 1}年政府工作报告")


def test_whether_a_title_was_won_wants_that_title_named():
    q = "Was Pingyang actually named a national food safety demonstration city (国家食品安全示范城市)?"
    assert not decide(q, [review("成功创建国家级慢病综合防控示范区，食品安全示范区通过省里验收。", 2019)])[1].satisfied
    assert decide(q, [review("平阳县被命名为国家食品安全示范城市。", 2019)])[1].satisfied


def test_value_added_is_a_figure_of_money_and_must_be_the_one_given():
    from rag.answer.constraints import extract
    q = "What was Pingyang's service-sector value added in 2018?"
    assert (extract(q).asks, extract(q).quantity_kind) == ("quantity", "money")
    tourism = review("在服务业方面，古城接待游客512万人次，旅游收入7838万元。", 2018)
    assert not decide(q, [tourism])[1].satisfied
    assert decide(q, [review("服务业增加值完成85.3亿元，增长8.1%。", 2018)])[1].satisfied
    assert not decide("2018年服务业增加值是多少？", [tourism])[1].satisfied


def test_an_english_questions_unit_is_not_its_subject():
    from rag.answer.constraints import extract
    from rag.answer.subjects import subject_terms
    cons = extract("How many kilometres of urban underground utility tunnels were started in 2016?")
    assert "公里" not in subject_terms(cons)
    fibre = hit("新增第四代移动通信用户3.4亿、光缆线路550多万公里。", years=[2016], stance="review", period=(2016, 2017))
    assert not decide("How many kilometres of urban underground utility tunnels were started in 2016?",
                      [fibre])[1].satisfied


def test_an_english_count_needs_its_counted_thing_in_the_passage():
    visit = hit("是日区委书记王某带队到某小区、某广场等4个拟观摩项目调研督导。", years=[2019],
                date="2019-04-15", title="某区年鉴2020")
    q = "How many violations of the central eight-point rules did the district investigate in 2019?"
    assert not decide(q, [visit])[1].satisfied          # "investigate" -> 调研 alone ties nothing
    cases = hit("2019年，全区查处违反中央八项规定精神问题18起。", years=[2019], title="某区年鉴2020")
    assert decide(q, [cases])[1].satisfied


def test_a_blank_filled_with_several_items_is_no_restatement():
    """"加快哪两个产业集聚区的…" is answered by "加快甲产业集聚区、乙产业集聚区…", the question's words
    around two new names."""
    from rag.answer.constraints import extract
    from rag.answer.query import bigrams
    from rag.answer.values import fills_slot, sentence_misses
    q = "2021年5月6日某县环境攻坚调度会要求加快哪两个产业园区的企业门禁系统安装进度？"
    s = "会议指出，要加快城东产业园区、城西产业园区企业门禁系统安装进度；"
    assert fills_slot(q, s)
    assert "restates" not in sentence_misses(extract(q), s, bigrams(q))
    assert not fills_slot(q, "会议指出，要加快产业园区企业门禁系统安装进度；")


def test_a_whether_question_is_answered_only_by_a_sentence_on_what_it_asks():
    """"禁煤区是否实现了无燃煤现象" is not answered by another sentence of the entry that
    merely says something was achieved."""
    from rag.answer.constraints import extract
    from rag.answer.evidence import check
    from rag.answer.extractive import passage_sentences
    q = "某县禁煤区最终是否实现了无燃煤现象？"
    text = "3月5日，某县环境整治推进会召开。会议指出，通过建设专业园区，最终实现企业由分散到集聚。" \
           "到3月底，全县禁煤区已全面实现无燃煤现象。"
    d = check(extract(q), [hit(text, date="2021-03-05", place="某省某市某县")], passage_sentences)
    ok = [text[s:e] for _, s, e in d.ok_sentences()]
    assert any("无燃煤" in s for s in ok)
    assert not any("由分散到集聚" in s for s in ok)


def test_lifts_and_sets_are_counted_with_their_measure_words():
    assert quantities("加装电梯30部，十八部门联合印发，第一部法规") == [("30部", "count"), ("十八部", "count")]
    assert states_value("全年加装电梯30部。", "count", counted=True)


def test_a_named_report_is_not_the_next_years_though_its_review_covers_the_year():
    """"2014年政府工作报告" is the report of 2014, not the 2015 one whose review covers 2014; a
    report whose own year is unknown may still be it when it covers the year."""
    from rag.answer.evidence import passage_misses
    from rag.answer.constraints import extract
    cons = extract("2014年政府工作报告提出保障群众基本生活要坚持哪三点？")
    text = "保障群众基本生活，要坚持建机制、补短板、兜底线。"
    assert "document" in passage_misses(cons, hit(text, period=(2014, 2015), ref_year=2015))
    assert "document" not in passage_misses(cons, hit(text, period=(2014, 2015), ref_year=2014))
    assert "document" not in passage_misses(cons, hit(text, period=(2013, 2014), title="政府工作报告"))
    assert "document" in passage_misses(cons, hit(text, period=(2015, 2016), title="政府工作报告"))


def test_which_city_leaders_asks_any_official_not_a_title():
    """"长葛有哪几位市领导陪同" is answered by "市委书记某某、副市长某某…陪同": 市领导 is no title to match."""
    from rag.answer.constraints import extract
    from rag.answer.query import bigrams
    from rag.answer.values import sentence_misses
    q = "2021年4月2日省政协主席王某某来平阳了解企业复工情况，平阳有哪几位县领导陪同？"
    s = "4月2日，省政协主席王某某来平阳了解企业复工情况，县委书记李建国、副县长张卫东陪同。"
    assert "value" not in sentence_misses(extract(q), s, bigrams(q))


def test_a_latin_term_counts_as_its_chinese_equivalent():
    """"单位GDP能耗" is found as "单位国内生产总值能耗": the passage is on topic."""
    text = "过去五年，单位国内生产总值能耗下降17.2%，化学需氧量、二氧化硫排放总量分别下降15.7%和17.5%。"
    q = "2013年政府工作报告回顾过去五年，单位GDP能耗下降了多少？"
    assert not weak_evidence(q, [hit(text)], "zh")
    assert weak_evidence("2013年单位EPC能耗下降了多少？", [hit(text)], "zh")


def test_one_per_household_is_a_slogan_not_a_count():
    assert quantities("坚持一户一策、一人一策原则，全镇仅一人返贫") == [("一人", "people")]


def test_a_whether_question_needs_the_thing_asked_not_only_where_it_is():
    """"高速沿线的私搭棚庵、废弃厂院是否已经全部拆除": a sentence on the same road's greening
    holds the place, not the sheds."""
    from rag.answer.constraints import extract
    from rag.answer.evidence import check
    from rag.answer.extractive import passage_sentences
    q = "某县高速沿线的私搭棚庵、废弃厂院后来是否已经全部拆除？"
    text = ("4月2日，县委书记实地查看高速沿线绿化情况，全部完成补植。"
            "到4月底，高速沿线私搭棚庵、废弃厂院已全部拆除。")
    d = check(extract(q), [hit(text, date="2021-04-02", place="某省某市某县")], passage_sentences)
    ok = [text[s:e] for _, s, e in d.ok_sentences()]
    assert any("已全部拆除" in s for s in ok) and not any("绿化" in s for s in ok)


def test_an_english_what_total_is_not_answered_by_the_questions_own_count():
    fees = hit("推进政府预算公开，98个中央部门和部分省市公开“三公经费”。", years=[2011], stance="review",
               period=(2011, 2012), title="2012年国务院政府工作报告")
    q = "What was the total of the 'three public expenses' disclosed by the 98 central departments in 2011?"
    assert not decide(q, [fees])[1].satisfied
    spent = hit("98个中央部门公开“三公经费”，合计94.7亿元。", years=[2011], stance="review",
                period=(2011, 2012), title="2012年国务院政府工作报告")
    assert decide(q, [spent])[1].satisfied


def test_an_english_questions_numbered_session_must_be_the_one_the_passage_numbers():
    byline = hit("——2020年6月14日在某区十五届人民代表大会第四次会议上", years=[2020], title="某区年鉴2020")
    q = "Whom did the district's deputies to the fifth session of the 7th People's Congress elect as their head?"
    assert not decide(q, [byline])[1].satisfied        # 十五届, 第四次: another session
    same = hit("24日，出席市第七届人民代表大会第五次会议的某区代表举行全体会议，选举张三为代表团团长。",
               years=[2020], date="2020-03-24", title="某区年鉴2021")
    assert decide(q, [same])[1].satisfied


def test_years_of_schooling_are_a_duration_asked_by_its_noun():
    assert quantities("劳动年龄人口平均受教育年限从10.23年提高到10.8年") == [("10.23年", "duration"), ("10.8年", "duration")]
    schooling = hit("15岁以上人口平均受教育年限达到9年以上。", years=[2012], stance="review", period=(2008, 2012),
                    title="2013年国务院政府工作报告")
    # 人口 is what is measured over, 年限 what is measured: years, not people
    assert decide("2012年15岁以上人口平均受教育年限达到多少？", [schooling])[1].satisfied


def test_a_fraction_is_a_share():
    assert quantities("专项转移支付项目要减少三分之一，比上年减少1/3以上，减少一半以上") == [
        ("三分之一", "percent"), ("1/3", "percent"), ("一半", "percent")]
    plan = hit("提高一般性转移支付比例，专项转移支付项目要减少三分之一。", years=[2014], stance="plan",
               period=(2014, 2014), title="2014年国务院政府工作报告")
    assert decide("2014年专项转移支付项目计划减少多少？", [plan])[1].satisfied


def test_the_state_a_subject_reached_answers_what_progress_it_made():
    """"…各取得了什么进展": "基层医疗卫生服务体系基本建成" and "…均等化取得新进展" name the
    asked subjects and the state each reached; most of their words are the question's, but
    they are no restatement. A sentence adding nothing to the subject still is."""
    from rag.answer.values import fills_slot
    q = "2011年，基层医疗卫生服务体系建设和基本公共卫生服务均等化各取得了什么进展？"
    assert fills_slot(q, "基层医疗卫生服务体系基本建成。")
    assert fills_slot(q, "基本公共卫生服务均等化取得新进展。")
    assert not fills_slot(q, "基层医疗卫生服务体系建设取得了进展。")
    review = [hit(s, years=[2011], stance="review", period=(2011, 2011), title="2012年国务院政府工作报告")
              for s in ("基层医疗卫生服务体系基本建成。", "基本公共卫生服务均等化取得新进展。")]
    assert {c.hit for c in decide(q, review)[1].checks if c.ok} == {0, 1}


def test_a_blank_opening_or_closing_the_question_is_filled_by_new_words():
    from rag.answer.values import fills_slot
    assert fills_slot("2016年，什么在经济增长中发挥了主要拉动作用？", "消费在经济增长中发挥主要拉动作用。")
    assert fills_slot("报告说农业的根本出路在哪里？", "农业的根本出路在科技。")
    assert fills_slot("为此要细化落实哪部条例？", "细化落实《保障农民工工资支付条例》，努力实现基本无拖欠的目标。")
    assert not fills_slot("报告说农业的根本出路在哪里？", "农业的根本出路在哪里，值得思考。")
    answer = hit("消费在经济增长中发挥主要拉动作用。", years=[2016], stance="review", period=(2016, 2016),
                 title="2017年国务院政府工作报告")
    assert decide("2016年，什么在经济增长中发挥了主要拉动作用？", [answer])[1].satisfied


def test_a_count_of_kinds_named_with_da_is_a_count():
    assert quantities("制定并实施十大重点产业调整振兴规划，打好三大攻坚战。") == [("十大", "count"), ("三大", "count")]
    assert quantities("党的十九大以来，一大批项目开工，学习二十大精神。") == []
    plan = hit("产业结构调整力度加大。制定并实施十大重点产业调整振兴规划。", years=[2009], stance="review",
               period=(2009, 2010), title="2010年国务院政府工作报告")
    assert decide("2009年制定并实施了多少个重点产业的调整振兴规划？", [plan])[1].satisfied


def test_english_phrases_sharing_chinese_expressions_are_one_group():
    from rag.answer.query import english_groups
    groups = english_groups("Which pilot programmes did the report plan for state-owned enterprises?")
    assert sum(any(t in ("方案", "计划") for t in g) for g in groups) == 1      # programmes, plan: one thing


def test_rooms_and_buildings_are_counted_things():
    q = "2016年洪涝灾害中倒塌和损坏的民房共有多少间？"
    people = hit("去年长江流域发生严重洪涝灾害，紧急转移安置900多万人次，恢复重建有序进行。", years=[2016],
                 stance="review", period=(2016, 2017), title="2017年国务院政府工作报告")
    assert not decide(q, [people])[1].satisfied        # 人次 counts people, not rooms
    rooms = hit("去年洪涝灾害中倒塌和损坏民房共计35万间，恢复重建有序进行。", years=[2016],
                stance="review", period=(2016, 2017), title="2017年国务院政府工作报告")
    assert decide(q, [rooms])[1].satisfied


def test_a_figure_given_for_a_list_of_other_things_is_not_the_asked_ones():
    """"氮氧化物排放量要减少多少": "二氧化硫、化学需氧量排放量都要减少2%" gives the same noun's
    figure for two other pollutants; a sentence naming the asked one with them answers."""
    q = "2016年政府工作报告提出当年氮氧化物排放量要减少多少？"
    others = hit("今年能源消耗强度要降低3.4%以上，二氧化硫、化学需氧量排放量都要减少2%。", years=[2016],
                 stance="plan", title="2016年国务院政府工作报告", period=(2015, 2016))
    assert not decide(q, [others])[1].satisfied
    with_it = hit("今年化学需氧量、氨氮排放量都要减少2%，氮氧化物排放量要减少3%。", years=[2016],
                  stance="plan", title="2016年国务院政府工作报告", period=(2015, 2016))
    assert decide(q, [with_it])[1].satisfied
    # a scope word before the noun is no thing of its own: "全国粮食总产量" is "全年粮食总产量"
    grain = hit("全年粮食总产量达到6.2亿吨，棉花、油料产量稳定。", years=[2016], stance="review",
                title="2017年国务院政府工作报告", period=(2016, 2017))
    assert decide("2016年全国粮食总产量达到多少？", [grain])[1].satisfied




def test_the_reports_an_english_question_points_to_are_no_part_of_its_subject():
    """"…, according to those years' reports": where to look, so a sentence need not say 报告."""
    from rag.answer.subjects import subject_terms
    q = ("How much debt did the central government plan to issue on behalf of local governments in 2010 "
         "and in 2011, according to those years' reports?")
    terms = subject_terms(extract(q))
    assert "报告" not in terms and {"代发地方债", "代地方发债"} & terms
    from rag.answer.constraints import frame_free
    assert "reports" in frame_free(extract("How many reports did the audit office publish in 2011?"))


def test_the_four_leading_bodies_are_no_count():
    # 四大班子 (Party committee, congress, government, CPPCC) is a name, like 十九大: no figure
    # for "how many trees were planted"
    assert quantities("区四大班子领导来到河堤，参加义务植树活动。") == []
    entry = hit("28日某区开展春季义务植树活动。区四大班子领导来到河堤，参加义务植树活动。",
                date="2019-02-28", title="某区年鉴2020")
    assert not decide("How many trees were planted at the district's voluntary tree-planting on 28 February 2019?",
                      [entry])[1].satisfied
