"""The zh-gov domain profile: one role table for every level, the English bridge, the national
place list, and the registry that selects a profile by name."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rag.answer.condense import condense
from rag.answer.query import has_answer_kind, term_coverage
from rag.profiles import available_profiles, get_profile
from rag.retrieve import people as peoplemod
from rag.retrieve.glossary import translate_terms
from rag.settings import Settings

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def prof():
    return get_profile("zh-gov")


# --- registry ----------------------------------------------------------------------------------

def test_registry_selects_by_setting(monkeypatch):
    assert "zh-gov" in available_profiles()
    assert Settings().profile == "zh-gov" and get_profile().name == "zh-gov"
    monkeypatch.setenv("RAG_PROFILE", "zh-gov")
    assert Settings.load().profile == "zh-gov" and get_profile() is get_profile("zh-gov")
    assert get_profile(settings=Settings(profile="zh-gov")).name == "zh-gov"


def test_unknown_profile_names_the_valid_ones(monkeypatch):
    with pytest.raises(ValueError, match=r"unknown domain profile 'en-law'.*RAG_PROFILE.*zh-gov"):
        get_profile("en-law")
    monkeypatch.setenv("RAG_PROFILE", "nope")
    with pytest.raises(ValueError, match="zh-gov"):
        get_profile()


def test_data_is_read_on_first_use_not_at_import():
    code = ("import sys, rag.profiles.zh_gov as z, rag.retrieve.retriever, rag.answer.query\n"
            "from rag.profiles import get_profile\n"
            "p = get_profile()\n"
            "print(z._glossary.cache_info().currsize, z._places.cache_info().currsize,\n"
            "      'rag.profiles.zh_gov.divisions' in sys.modules)\n"
            "p.translate_terms('deficit ratio')\n"
            "print(z._glossary.cache_info().currsize, z._places.cache_info().currsize)")
    p = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.split("\n")[:2] == ["0 0 False", "1 1"]


# --- one role table, every level, both languages -----------------------------------------------

@pytest.mark.parametrize("question, role", [
    # national
    ("Who is the premier?", "总理"), ("What did the vice premier say?", "副总理"),
    ("Which state councilor attended?", "国务委员"), ("the minister of finance", "部长"),
    ("What did the President say?", "国家主席"), ("the general secretary", "总书记"),
    ("chairman of the NPC Standing Committee", "全国人大常委会委员长"),
    ("the national CPPCC chairman", "全国政协主席"),
    # province
    ("the governor of Guangdong", "省长"), ("Which vice governor came?", "副省长"),
    ("provincial party secretary", "省委书记"), ("chairman of the autonomous region", "自治区主席"),
    # city
    ("What did the mayor say?", "市长"), ("the deputy mayor", "副市长"),
    ("the executive vice mayor", "常务副市长"), ("the municipal party secretary", "市委书记"),
    # county, district, banner
    ("the county magistrate", "县长"), ("a deputy county head", "副县长"),
    ("the district head", "区长"), ("the banner head", "旗长"),
    ("director of the county people's congress standing committee", "县人大常委会主任"),
    ("the district CPPCC chairman", "区政协主席"),
    ("head of the municipal organization department", "市委组织部部长"),
    ("the county discipline inspection secretary", "县纪委书记"),
    # township, sub-district
    ("the town mayor", "镇长"), ("the township head", "乡长"),
    ("sub-district director", "街道办事处主任"), ("the town party secretary", "镇党委书记"),
    # village, community
    ("the village head", "村委会主任"), ("the village party secretary", "村党支部书记"),
    ("the community director", "社区居委会主任"),
])
def test_roles_in_english_at_every_level(question, role):
    assert role in peoplemod.roles_in(question)


@pytest.mark.parametrize("question, roles", [
    ("省委书记是谁？", ["省委书记"]), ("副省长", ["副省长"]), ("国务院总理", ["国务院总理"]),
    ("全国人大常委会委员长", ["全国人大常委会委员长"]), ("乡长", ["乡长"]), ("镇党委书记", ["镇党委书记"]),
    ("村党支部书记", ["村党支部书记"]), ("街道办事处主任", ["街道办事处主任"]),
    ("县人大常委会主任", ["县人大常委会主任"]), ("区政协主席", ["区政协主席"]),
    ("市委书记", ["市委书记"]), ("副市长", ["副市长"]), ("常务副市长", ["常务副市长"]),
    ("副市长和市长", ["副市长", "市长"]),
])
def test_roles_in_chinese_longest_first(question, roles):
    assert peoplemod.roles_in(question) == roles


@pytest.mark.parametrize("question, roles", [
    ("Who is the Party secretary of Changge?", ["市委书记"]),        # 长葛市: a city's titles
    ("Who is the party secretary of Haidian District?", ["区委书记"]),
    ("Who is the party secretary of Guangdong?", ["省委书记"]),
    ("Who is the party secretary of Inner Mongolia?", ["自治区党委书记"]),
    ("Who is the party secretary?", ["市委书记", "区委书记", "县委书记"]),   # no place: local levels
    ("What did the deputy mayor do?", ["副市长"]), ("Who was the Vice-Mayor?", ["副市长"]),
])
def test_generic_english_follows_the_place_named(question, roles):
    assert peoplemod.roles_in(question) == roles


def test_one_english_title_read_at_several_levels_is_one_group(prof):
    # a district and a city named: "Party secretary" is one person, at one of them
    groups = prof.roles.role_groups("When did the district's Party secretary visit the city military sub-district?")
    assert len(groups) == 1 and {"区委书记", "市委书记"} <= set(groups[0])
    assert prof.roles.role_groups("区委书记和市长一同出席") == [["区委书记"], ["市长"]]


def test_every_module_uses_the_one_table(prof):
    titles = set(prof.roles.titles)
    assert {"省长", "自治区主席", "州长", "旗长", "乡长", "镇长", "街道办事处主任", "村委会主任",
            "省委书记", "镇党委书记", "村党支部书记", "全国政协主席", "国务委员"} <= titles
    # condense rewrites follow-ups with the same titles, at any level
    assert condense("那省长呢？", ["3月4日广东省委书记张三调研了什么？"]) == "3月4日广东省长调研了什么？"
    assert condense("What about the governor?", ["What did the party secretary of Guangdong say?"]) \
        == "What did the governor of Guangdong say?"
    # answer scoring: a title held by one person, and 副省长 is not 省长
    assert has_answer_kind("国务院总理李克强出席会议", "who")
    assert term_coverage({"省长"}, "副省长张三出席") == 0.0
    assert term_coverage({"省长"}, "省长张三出席") == 1.0
    # the glossary's role words come from the table too
    assert translate_terms("the vice governor") == ["副省长"]
    assert "村支书" in translate_terms("the village party secretary")


def test_people_table_reads_titles_of_every_level():
    people = peoplemod.build(["市委书记、市长胡五岳到企业调研。", "区长李朝锋主持会议。",
                              "国务院总理 李克强出席。", "省长王凯　讲话。", "镇党委书记刘明要求。"])
    assert people.names_for_role("区长") == ["李朝锋"]
    assert people.names_for_role("市长") == ["胡五岳"] and people.names_for_role("市委书记") == ["胡五岳"]
    assert people.names_for_role("总理") == ["李克强"]       # 国务院总理 is the premier
    assert people.names_for_role("省长") == ["王凯"]
    assert people.names_for_role("镇党委书记") == ["刘明"]


# --- English -> Chinese --------------------------------------------------------------------

@pytest.mark.parametrize("english, chinese", [
    ("What was the deficit ratio?", "赤字率"), ("the deficit", "赤字"),
    ("central budget investment", "中央预算内投资"),
    ("central government budgetary investment", "中央预算内投资"),
    ("special bonds", "专项债券"), ("local government special bonds", "地方政府专项债券"),
    ("ultra-long special treasury bonds", "超长期特别国债"),
    ("new urban jobs", "城镇新增就业"), ("registered urban unemployment rate", "城镇登记失业率"),
    ("How much did consumer prices rise?", "居民消费价格"), ("the CPI target", "CPI"),
    ("grain output", "粮食产量"), ("the rural poor population", "农村贫困人口"),
    ("GDP growth", "国内生产总值"), ("fiscal revenue", "一般公共预算收入"), ("fiscal revenue", "财政收入"),
    ("railway investment", "铁路投资"), ("credit", "信贷"), ("credit", "信用"),
    ("M2 growth", "M2"), ("energy intensity", "单位国内生产总值能耗"),
    ("new quality productive forces", "新质生产力"), ("in late March", "3月下旬"),
    ("the top priority of deleveraging", "去杠杆"), ("cutting overcapacity", "去产能"),
    ("average life expectancy", "预期寿命"), ("work-injury insurance", "工伤"),
    ("the armed forces", "军队"), ("the VAT reform", "营改增"), ("a residence permit", "居住证"),
    ("renovating old urban residential compounds", "老旧小区"), ("the Citizens' Home", "市民之家"),
    ("debt issued on behalf of local governments", "代地方发债"), ("strictly enforced", "严格落实"),
    ("the government service centre", "政务服务中心"),
    ("the tax burden on enterprises", "税负"), ("fees charged to them", "收费"),
    ("small and medium-sized cities and small towns", "中小城市"), ("small towns", "小城镇"),
    ("three kinds of strong nation", "强国"), ("which functions", "功能"),
    ("leaving some room for reforms", "留有空间"), ("Chinese equipment going global", "走出去"),
    ("resource products", "资源性产品"), ("a regional development pattern", "格局"),
    ("officials who failed to act", "为官不为"), ("idle and negligent", "懒政"), ("idle and negligent", "怠政"),
    ("whose work was ineffective", "不力"), ("the newly started projects", "新建项目"), ("a work ledger", "台账"),
    ("collective forest tenure reform", "集体林权"),
    ("must be firmly ruled out", "杜绝"), ("when checking poor households' income", "核查"),
    ("when checking poor households' income", "收益"),
])
def test_work_report_vocabulary(english, chinese):
    assert chinese in translate_terms(english)


@pytest.mark.parametrize("english, name", [
    ("Who is the mayor of Changge?", "长葛市"), ("the district head of Weidu", "魏都区"),
    ("Guangdong's GDP", "广东省"), ("Shenzhen", "深圳市"), ("Haidian District", "海淀区"),
    ("Sichuan province", "四川省"), ("Shaanxi", "陕西省"), ("Inner Mongolia", "内蒙古自治区"),
    ("Xi'an", "西安市"), ("Yanbian", "延边朝鲜族自治州"), ("Chaoyang District", "朝阳区"),
])
def test_places_come_from_the_national_list(english, name):
    assert name in translate_terms(english)


def test_place_table(prof):
    places = prof.places()
    assert len(places) > 3000
    (sz,) = places.named("深圳市")
    assert (sz.level, sz.unit, sz.parent, sz.short) == ("city", "市", "广东省", "深圳")
    assert places.named("海淀区")[0].parent == "北京市"
    cg = places.named("changge")[0]
    assert (cg.name, cg.parent, cg.full_name) == ("长葛市", "许昌市", "河南省许昌市长葛市")
    assert "陕西省" not in translate_terms("Shanxi") and "山西省" in translate_terms("Shanxi")


@pytest.mark.parametrize("english", ["change", "changes", "changed", "chang", "Change in policy",
                                     "What changed?", "changing"])
def test_ordinary_words_never_bridge_to_places(english):
    terms = translate_terms(english)
    assert "长葛" not in terms and "长葛市" not in terms
    assert not get_profile().places().in_english(english)


def test_place_words_that_are_english_words_need_a_capital():
    assert "德安县" not in translate_terms("Who is the dean of the school?")
    assert "德安县" in translate_terms("What did Dean County build?")
    assert "长葛市" in translate_terms("What changed in Changge?")


def test_a_month_or_weekday_is_never_a_place():
    # "june" is a reading of 旬邑 (jun-e), and a month is capitalised wherever it stands
    places = get_profile().places()
    assert not places.in_english("What did he inspect on 17 June 2019, and on Monday?")
    assert places.in_english("What did Xunyi County build?")[0].name == "旬邑县"


def test_a_lowercase_transliteration_is_no_place_where_names_are_capitalised():
    terms = translate_terms("What did the 2011 report say about the case-by-case (yishi yiyi) awards in Xinjiang?")
    assert "焉耆" not in terms and "奇台" not in terms and "新疆维吾尔自治区" in terms
    assert "长葛市" in translate_terms("what was changge's gdp in 2019?")     # all lowercase: names too


def test_numbered_names_are_crafts_not_places():
    # "Shenzhou" is also the romanised 深州; numbered with a hyphen it names a spacecraft
    terms = translate_terms("Which spacecraft docked with Shenzhou-8 in 2011?")
    assert "深州市" not in terms and "深州" not in terms
    assert "深州市" in translate_terms("What did Shenzhou City build in 2011?")


def test_proper_nouns_are_not_stemmed(prof):
    # "changge" stems to "chang", like "change": keys of places and names are matched whole
    assert translate_terms("Changges") == []
    assert "习近平" in translate_terms("What did Xi Jinping say?")


# --- the core names no bundled place ---------------------------------------------------------

# Words the role table reads after a title that are no one's name ("顾问", "关于…"), and the
# national leaders any corpus of government records names (the profile's glossary has them).
NOT_NAMES = {"关于", "顾问", "连续", "全国", "李克强", "习近平"}


def test_no_file_of_the_core_names_a_bundled_place_or_person(corpus_chunks):
    """Every file under rag/: no bundled place, nor anyone the bundled corpus names with a
    title (its people table, built the way ingest builds it)."""
    from rag.retrieve.people import build
    surnames = get_profile().surnames
    people = {n for c in build([c.text for c in corpus_chunks]).role_names.values() for n in c
              if n[0] in surnames and len(n) >= 2 and n not in NOT_NAMES}
    names = {"长葛", "魏都", "许昌", "changge", "weidu", "xuchang"} | people
    assert len(people) > 20
    for f in (REPO / "rag").rglob("*"):
        if f.suffix in (".py", ".txt", ".json"):
            text = f.read_text(encoding="utf-8").lower()
            found = [n for n in names if n.lower() in text]
            assert not found, (f, found)


def test_profile_code_and_data_name_no_bundled_place():
    names = ("长葛", "魏都", "许昌", "changge", "weidu", "xuchang")
    files = [f for f in (REPO / "rag" / "profiles").rglob("*") if f.suffix in (".py", ".txt")
             and f.name != "documents.py"]
    files += [REPO / "rag" / p for p in ("retrieve/people.py", "retrieve/places.py",
                                         "retrieve/glossary.py", "answer/condense.py",
                                         "answer/query.py", "index/bm25.py")]
    for f in files:
        text = f.read_text(encoding="utf-8").lower()
        assert not [n for n in names if n in text], f


def test_a_free_trade_area_is_not_a_pilot_free_trade_zone():
    # 自由贸易区 (agreements with other countries) beside 自由贸易试验区 (a pilot zone at home)
    assert "自由贸易区" in translate_terms("What kind of free trade area network was China to build?")


def test_turning_counties_into_cities_is_bridged():
    # 设市 (setting up a city) and 特大镇, national urbanisation vocabulary the bridge lacked
    assert "设市" in translate_terms("Which counties were to be made into cities?")
    assert "特大镇" in translate_terms("How many large towns were to become cities?")
