"""Who acted or spoke: the people a question names must be the passage's, with their titles,
in pinyin, and as the ones credited with what was said (constraint checks on made-up passages)."""
from abstention_util import decide, hit


def test_someone_named_only_further_on_is_not_who_acted():
    entry = hit("3月28日，市委书记张某主持召开常委会议，部署疫情防控和项目建设工作。会议传达学习了省委书记李某调研时的讲话精神。",
                years=[2020], date="2020-03-28", title="某市2020年3月大事记")
    _, d = decide("省委书记李某2020年3月哪天到某市调研？", [entry])
    assert not d.satisfied
    _, d = decide("市委书记张某2020年3月哪天主持召开常委会议？", [entry])
    assert d.satisfied


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


def test_which_leaders_wants_someone_the_question_does_not_name():
    visit = hit("是日市委常委、纪委书记方婷到某科学城产业园进行现场办公。区领导张书杰、刘庆，县级干部楚文选一同前往。",
                years=[2019], date="2019-05-08", title="某区年鉴2020")
    _, d = decide("2019年5月8日方婷到某科学城产业园现场办公，某区有哪些领导一同前往？", [visit])
    ok = [visit.chunk.text[c.start:c.end] for c in d.checks if c.ok]
    assert ok == ["区领导张书杰、刘庆，县级干部楚文选一同前往。"]


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


def test_a_later_paragraph_of_an_entry_is_said_by_its_speaker():
    """"二要…" stands in the entry's second paragraph: the entry before it (its scene) says who
    is speaking, so it answers what 王某 required, and not what 李某 did."""
    from dataclasses import replace
    head = "1日区委书记王某主持召开领导小组会议。区长李某出席会议。就做好街道工作，王某强调，一要提高站位。"
    later = hit("二要按照权责一致的原则，统筹机构设置。三要加强领导。", years=[2019], date="2019-11-01",
                title="某区年鉴2020")
    later = replace(later, chunk=replace(later.chunk, scene=head))
    text = later.chunk.text
    _, d = decide("2019年11月1日领导小组会议上，王某要求统筹机构设置按照什么原则？", [later])
    assert any(c.ok and "权责一致" in text[c.start:c.end] for c in d.checks)
    _, d = decide("2019年11月1日领导小组会议上，李某要求统筹机构设置按照什么原则？", [later])
    assert not any(c.ok and "权责一致" in text[c.start:c.end] for c in d.checks)


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


def test_a_name_written_in_pinyin_must_be_in_the_passage():
    """"Ruimei Zhenfa Co." is a firm the question names in pinyin: a passage on another firm's
    output does not answer it, the one naming 瑞美真发 does. English words, places and people
    are not taken for such names."""
    from rag.retrieve.people import pinyin_names, reads_as
    q = "What was the 2019 output value of Ruimei Zhenfa Co., Ltd. in Weidu?"
    assert pinyin_names(q) == [("Ruimei Zhenfa", ["rui", "mei", "zhen", "fa"])]
    assert reads_as(["rui", "mei", "zhen", "fa"], "瑞美真发公司实现产值3亿元")
    other = hit("2019年，高新技术产业园19家企业投产运营，实现产值8.1亿元。", years=[2019], title="某区年鉴2020")
    named = hit("2019年，瑞美真发公司实现产值3亿元。", years=[2019], title="某区年鉴2020")
    assert not decide(q, [other])[1].satisfied
    assert decide(q, [named])[1].satisfied
    assert pinyin_names("How many outbound tourist trips did Chinese residents make in Hong Kong in 2016?") == []
    assert pinyin_names("In Zhang Shujie's speech, what did the Qingyi River project need?") == [("Qingyi", ["qing", "yi"])]


def test_of_several_people_named_the_one_asked_must_have_spoken():
    """"张明远专题研究…时，区长李立新提出了哪些要求": 李立新 attended, 张明远 spoke; what 张明远 said and
    what the attendees discussed are not 李立新's requirements. Asked of 张明远, they answer."""
    entry = hit("18日区委书记张明远专题研究产业园标准化厂房项目。区长李立新、副区长王建华出席会议。会议听取研究了厂房规划方案，"
                "与会同志对设计方案提出意见建议。会上，张明远指出，一要广泛调研企业需求。二要整体规划，分步建设。",
                years=[2019], date="2019-07-18", title="某区年鉴2020")
    assert not decide("2019年7月18日区委书记张明远专题研究产业园标准化厂房项目时，区长李立新提出了哪些要求？",
                      [entry])[1].satisfied
    _, d = decide("2019年7月18日区委书记张明远专题研究产业园标准化厂房项目时提出了哪些要求？", [entry])
    assert any(entry.chunk.text[c.start:c.end].startswith("会上，张明远指出") for c in d.checks if c.ok)


def test_in_english_the_one_named_last_before_the_verb_of_saying_is_asked():
    """"When 甲 inspected …, what did the Party secretary 乙 require?": 甲's words are not 乙's."""
    entry = hit("1日副市长郑明远到某区产业园调研“四个一百”专项行动。区委书记张家豪陪同。会上，郑明远指出，一要深化思想认识。"
                "二要持续解决问题。", years=[2019], date="2019-03-01", title="某区年鉴2020")
    q = "When Zheng Mingyuan inspected the campaign on 1 March 2019, what did Party secretary Zhang Jiahao require?"
    assert not decide(q, [entry])[1].satisfied
    q = "When Zhang Jiahao accompanied him on 1 March 2019, what did Zheng Mingyuan require?"
    assert decide(q, [entry])[1].satisfied


def test_what_a_named_person_told_is_not_what_a_visitor_required():
    entry = ("3月5日，省生态环境厅厅长赵明远带队参加“企业服务日”座谈会，市长周晓燕出席座谈会。"
             "座谈会上，企业负责人就环保方面的困惑进行咨询。就助力企业绿色化发展，赵明远要求，一要理清思路，"
             "大力实施工业企业绿色化改造。二要发布标准、育树标杆。")
    h = hit(entry, years=[2020], date="2020-03-05", title="某市2020年3月大事记")
    for q in ("What did mayor Zhou Xiaoyan tell the companies at the enterprise service day forum on 5 March 2020?",
              "2020年3月5日“企业服务日”座谈会上，市长周晓燕对企业提出了哪些要求？"):
        assert not decide(q, [h])[1].satisfied          # the visitor spoke; the mayor only attended
    own = hit(entry.replace("赵明远要求", "周晓燕要求"), years=[2020], date="2020-03-05", title="某市2020年3月大事记")
    assert decide("What did mayor Zhou Xiaoyan tell the companies at the enterprise service day forum on 5 March 2020?",
                  [own])[1].satisfied


def test_a_word_after_a_title_is_no_speaker():
    speech = hit("在前不久召开的专题研讨班上，总书记再次强调，零容忍的决心丝毫不能动摇，打击腐败的力度丝毫不能削减。",
                 years=[2019], date="2019-02-01", speaker="孙海", title="某区年鉴2020")
    assert decide("孙海在区纪委全会上讲，总书记在专题研讨班上再次强调了什么？", [speech])[1].satisfied


def test_someone_named_only_as_present_said_nothing_there():
    entry = ("8日省纪委监委专项检查组到某区检查指导整改工作开展情况。区领导周晓燕、刘庆参加座谈会。"
             "检查组对整改工作给予了充分肯定。就做好下一步工作指出，一要提高政治站位。二要确保办案安全。")
    h = hit(entry, years=[2019], date="2019-08-08", title="某区年鉴2020")
    q = "What did Zhou Xiaoyan say at the forum with the provincial inspection team on 8 August 2019?"
    assert not decide(q, [h])[1].satisfied
    spoke = hit(entry.replace("区领导周晓燕、刘庆参加座谈会", "区委书记周晓燕主持座谈会并讲话"), years=[2019],
                date="2019-08-08", title="某区年鉴2020")
    assert decide(q, [spoke])[1].satisfied
    # named in one clause, "陪同" said in the next of the same sentence: present all the same
    visit = hit("29日外省某县委书记带领党政考察团到某区考察学习城市项目建设情况。区领导周晓燕、刘庆，"
                "县级干部王某陪同考察。考察团实地察看了中央公园，并表示，此次考察学习了经验。", years=[2019],
                date="2019-04-29", title="某区年鉴2020")
    assert not decide("What did Zhou Xiaoyan tell the delegation on 29 April 2019?", [visit])[1].satisfied


def test_requirements_made_but_not_said_are_no_answer():
    """"…并对谋划工作提出具体要求。" says requirements were made, not which."""
    entry = hit("16日区长王某听取2020年项目谋划工作。会议听取了各分口项目谋划情况，并对谋划工作提出具体要求。",
                years=[2019], date="2019-11-16", title="某区年鉴2020")
    assert not decide("2019年11月16日区长王某听取项目谋划工作时，对谋划工作提出了哪些要求？", [entry])[1].satisfied
    said = hit("16日区长王某听取2020年项目谋划工作。王某对谋划工作提出具体要求：要抓早抓实，储备一批大项目。",
               years=[2019], date="2019-11-16", title="某区年鉴2020")
    assert decide("2019年11月16日区长王某听取项目谋划工作时，对谋划工作提出了哪些要求？", [said])[1].satisfied


def test_people_asked_about_one_by_one_are_each_in_their_own_passage():
    """"2月11日张某、6月25日李某先后到某中心调研，两人提出的第二点要求分别是什么": each visit is
    its own entry naming one of them, and each answers."""
    first = hit("是日区委书记张某到某市民之家调研。张某指出，一要提升硬件水平。二要在提升办事效率上下功夫。",
                years=[2019], date="2019-02-11", title="某区年鉴2020")
    second = hit("25日区长李某到某市民之家调研。李某指出，一要提升硬件水平。二要稳步推进“互联网+监管”。",
                 years=[2019], date="2019-06-25", title="某区年鉴2020")
    q = "2019年2月11日区委书记张某、6月25日区长李某先后到某市民之家调研，两人提出的第二点要求分别是什么？"
    _, d = decide(q, [first, second])
    assert {c.hit for c in d.checks if c.ok} == {0, 1}
    assert not d.passage_misses[0] and not d.passage_misses[1]
    # asked together, each passage must name both
    _, d = decide("2019年区委书记张某和区长李某一起到某市民之家调研时提出了什么要求？", [first, second])
    assert "person" in d.passage_misses[0] and "person" in d.passage_misses[1]


def test_what_someone_attending_said_is_asked_with_other_verbs_too():
    """"列席会议的某某就…讲了哪些意见": asked what she said, so the sentences another speaker is
    credited with ("张某要求，…") are not hers."""
    entry = hit("3月21日，市委书记张某主持召开市委常委（扩大）会议，对集体经济、社区建设等工作进行部署，"
                "市人大常委会主任王某列席会议。张某要求，要发展壮大集体经济。要加强城市社区建设。",
                years=[2020], date="2020-03-21", title="某市2020年3月大事记")
    _, d = decide("2020年3月21日市委常委（扩大）会议上，列席会议的市人大常委会主任王某就集体经济讲了哪些意见？", [entry])
    assert not d.satisfied
    _, d = decide("2020年3月21日市委常委（扩大）会议上，市委书记张某就集体经济讲了哪些意见？", [entry])
    assert d.satisfied


def test_days_asked_about_one_by_one_each_answer_from_their_own_entry():
    """"3月3日…调研脱贫攻坚和3月5日调研农口项目时，对春季绿化分别提出了什么要求": the 农口项目
    belongs to the 5th's part of the question, so the 3rd's entry need not name it; both entries
    answer, and the extractive answer quotes from each, however the 3rd's sentence scores."""
    from rag.answer.extractive import ExtractiveAnswerer
    from rag.settings import Settings
    third = hit("3月3日，市长孙某到东镇调研脱贫攻坚工作。孙某指出，要抓住春季有利时机加快绿化，选取本地树种。",
                years=[2020], date="2020-03-03", title="某市2020年3月大事记")
    fifth = hit("3月5日，市长孙某调研农口项目复工开工情况。孙某指出，农口项目要按照工程进度建设，"
                "要抢抓有利时机进行春季绿化，及时补填补种。",
                years=[2020], date="2020-03-05", title="某市2020年3月大事记")
    q = "市长孙某2020年3月3日到东镇调研脱贫攻坚和3月5日调研农口项目时，对春季绿化分别提出了什么要求？"
    _, d = decide(q, [fifth, third])
    assert "entity" not in d.passage_misses[1] and {c.hit for c in d.checks if c.ok} == {0, 1}
    picked = ExtractiveAnswerer(Settings()).select(q, [fifth, third], "zh")
    assert {p.rank for p in picked} == {0, 1}
    # asked about one day, the entry must name what that day's part names
    _, d = decide("市长孙某2020年3月3日调研农口项目时对春季绿化提出了什么要求？", [third])
    assert "entity" in d.passage_misses[0]


def test_who_first_proposed_an_idea_needs_someone_named():
    """"Who first put forward…" is not answered by the text carrying the idea on ("我们要践行…"),
    only by a sentence naming who proposed it."""
    ours = hit("我们要践行“绿水青山就是金山银山”理念，推进生态文明建设。", years=[2017], stance="plan",
               period=(2016, 2017), title="2017年某省政府工作报告")
    assert not decide("谁最早提出了“绿水青山就是金山银山”理念？", [ours])[1].satisfied
    assert not decide("Who first put forward the idea that lucid waters and lush mountains are "
                      "invaluable assets (绿水青山就是金山银山)?", [ours])[1].satisfied
    named = hit("2005年，时任浙江省委书记习近平在安吉首次提出“绿水青山就是金山银山”的理念。", years=[2005],
                title="某县年鉴2006")
    assert decide("谁最早提出了“绿水青山就是金山银山”理念？", [named])[1].satisfied


def test_who_was_put_to_a_post_is_named_before_it():
    """"推选李某、王某为副团长": the holders stand before the post; "传达了市委书记王某的指示":
    a name followed by 的 is a name."""
    plenary = hit("是日某区代表团召开全体会议。会议推选张某为代表团团长，推选李某、纪某某为副团长，推选申某某为秘书长。",
                  years=[2019], date="2019-03-24", title="某区年鉴2020")
    _, d = decide("2019年3月24日某区代表团全体会议推选哪位同志为秘书长？", [plenary])
    ok = [plenary.chunk.text[c.start:c.end] for c in d.checks if c.ok]
    assert any("申某某为秘书长" in s for s in ok)
    petition = hit("1日区委书记张某召开专题会议研究信访积案化解工作。会议传达学习了市委书记胡某某的指示精神，对信访问题突出的街道进行了约谈。",
                   years=[2019], date="2019-07-01", title="某区年鉴2020")
    _, d = decide("2019年7月1日区委书记张某召开的专题会议传达学习了哪位领导的指示精神？", [petition])
    ok = [petition.chunk.text[c.start:c.end] for c in d.checks if c.ok]
    assert any("胡某某" in s for s in ok)
