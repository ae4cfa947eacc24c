"""When the documents do not say: the rules behind abstention, on small made-up passages."""
from rag.answer.query import (asked_unit, latin_anchors, states_quantity, weak_evidence,
                              years_covered)
from rag.types import Chunk, Hit


def hit(text: str, date: str | None = "2020-03-12", title: str = "长葛市2020年3月大事记") -> Hit:
    c = Chunk(id="d:p1", doc_id="d", doc_title=title, section="", date=date, start=0,
              end=len(text), text=text, hash="h")
    return Hit(c, 1.0, 1)


def test_quantity_questions_need_a_figure_in_the_asked_unit():
    assert asked_unit("郑渝高铁长葛北站引线工程全长多少公里？") == "公里"
    assert asked_unit("市财政给每个卫生室补助多少钱？") == "钱"
    assert asked_unit("考评中排第几名？") == "第"
    assert asked_unit("长葛市2021年的GDP是多少？") is None
    assert states_quantity("引线工程全长12.5公里，总投资3亿元。", "公里")
    assert not states_quantity("引线工程顺利推进，沿线群众积极配合。", "公里")
    assert states_quantity("给予每个卫生室2万元补助", "钱")           # money is stated in 元
    assert states_quantity("位列170名，较2017年下降63个位次", "第")


def test_latin_terms_and_years_must_be_in_the_evidence():
    assert latin_anchors("长葛市2021年的GDP是多少？") == ["gdp"]
    assert latin_anchors("What was the GDP?") == []                 # English questions: all Latin
    assert years_covered("2021年计划如何？", [hit("到2021年上半年基本达到标准")])
    assert not years_covered("长葛市2018年的市长是谁？", [hit("市长张忠民主持会议")])
    assert years_covered("2020年3月12日开了什么会？", [hit("会议召开", date="2020-03-12")])


def test_weak_evidence_declines_the_gdp_question_and_keeps_a_real_answer():
    gdp = "长葛市2021年的GDP是多少？"
    changge = hit("会议指出，开展长葛市安全发展示范城市创建，到2021年上半年基本达到创建标准。")
    weidu = hit("2019年全区完成生产总值299.89亿元，GDP增速6.5%。", date="2020-06-14",
                title="魏都区年鉴2020")
    assert weak_evidence(gdp, [changge, weidu], "zh")               # no passage has both
    assert weak_evidence(gdp, [], "zh")
    q = "魏都区2019年GDP增速是多少？"
    assert not weak_evidence(q, [weidu], "zh")
