"""Places named in questions: documents' own places, in Chinese and in pinyin."""
from rag.retrieve import places


def test_place_names_include_every_reading_of_polyphonic_characters():
    names = places.place_names("河南省许昌市长葛市")
    assert names[:2] == ["长葛市", "长葛"]
    assert "changge" in names                 # 长 read chang, not only zhang
    assert "weidu" in places.place_names("河南省许昌市魏都区")


def test_shared_places_are_dropped_and_questions_are_matched():
    docs = {"cg": {"place": "河南省许昌市长葛市"}, "wd": {"place": "河南省许昌市魏都区"},
            "none": {"place": None}}
    table = places.build(docs)
    assert set(table) == {"cg", "wd"}
    assert places.docs_named("长葛市2021年的GDP是多少？", table) == ["cg"]
    assert places.docs_named("Who is the Party secretary of Changge?", table) == ["cg"]
    assert places.docs_named("What did the district head of Weidu do?", table) == ["wd"]
    assert places.docs_named("许昌市的市长是谁？", table) == []


def test_role_holders_come_from_the_place_asked_about(corpus_api):
    info = corpus_api.retriever().understand("Who is the Party secretary of Changge?")
    assert info.places == ["changge-2020-03"]
    assert info.names[0] == "尹俊营"              # not 胡五岳, Xuchang's secretary
    hits = corpus_api.retrieve("Who is the Party secretary of Changge?", k=3).hits
    assert hits[0].chunk.doc_id == "changge-2020-03" and "尹俊营" in hits[0].chunk.text


def test_a_countys_short_name_that_is_an_ordinary_word_is_not_read_alone():
    from rag.profiles import get_profile
    table = get_profile().places()
    named = lambda text: {p.name for p in table.in_chinese(text)}
    assert named("坚持和平发展道路，深化交流合作，比如新建一批港口") == set()   # 和平区, 合作市, 比如县, 新建区
    assert "和平区" in named("天津市和平区") and "合作市" in named("甘肃省合作市")
    assert "包头市" in named("包头的钢铁产业")        # a prefecture is named alone


def test_a_level_word_is_no_place():
    """"区领导和县级干部": 县级 is a level, so 和县 (a county of that name) is not named."""
    from rag.answer.constraints import extract
    c = extract("2019年11月16日区长听取2020年项目谋划工作，参加会议的区领导和县级干部有哪些？")
    assert c.place is None
    from rag.profiles.zh_gov.documents import place_in
    assert place_in("全市县级以上领导干部会议") is None
