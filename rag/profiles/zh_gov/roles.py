"""The titles of Chinese officials at every level, composed from units and posts.

A title is a unit's party committee or government plus a post: 市 + 委书记 = 市委书记,
镇 + 党委书记 = 镇党委书记, 县 + 长 = 县长, 区 + 人大常委会主任. English names are composed the
same way ("municipal party secretary", "deputy county head"). Generic English ("party
secretary", "cppcc chairman") names a post at whatever level the question is about.
"""
from __future__ import annotations

import re

from rag.profiles.roles import Role

# unit -> (level, English adjectives, party committee, government head, deputy head)
_UNITS = {
    "省": ("province", ("provincial",), "省委", "省长", "副省长"),
    "自治区": ("province", ("regional", "autonomous region"), "自治区党委", "自治区主席", "自治区副主席"),
    "市": ("city", ("municipal", "city"), "市委", "市长", "副市长"),
    "州": ("city", ("prefectural", "prefecture"), "州委", "州长", "副州长"),
    "盟": ("city", ("league",), "盟委", "盟长", "副盟长"),
    "地区": ("city", ("prefectural", "prefecture"), "地委", "专员", "副专员"),
    "县": ("county", ("county",), "县委", "县长", "副县长"),
    "区": ("county", ("district",), "区委", "区长", "副区长"),
    "旗": ("county", ("banner",), "旗委", "旗长", "副旗长"),
    "乡": ("township", ("township",), "乡党委", "乡长", "副乡长"),
    "镇": ("township", ("town", "township"), "镇党委", "镇长", "副镇长"),
    "街道": ("township", ("sub-district", "subdistrict", "street"), "街道党工委",
           "街道办事处主任", "街道办事处副主任"),
    "村": ("village", ("village",), "村党支部", "村委会主任", "村委会副主任"),
    "社区": ("village", ("community",), "社区党委", "社区居委会主任", "社区居委会副主任"),
    "特别行政区": ("province", ("sar",), "", "行政长官", ""),
}
# units with a people's congress standing committee and a CPPCC committee of their own
_CONGRESS = ("省", "自治区", "市", "州", "县", "区", "旗")
# units whose party committee has departments and a standing committee
_DEPARTMENTS = ("省", "自治区", "市", "州", "盟", "地区", "县", "区", "旗")

# How users name each unit's head of government in English.
_HEAD_EN = {
    "省": ("governor", "provincial governor", "governor of the province"),
    "自治区": ("chairman of the autonomous region", "regional chairman", "chairman of the region",
            "regional governor"),
    "市": ("mayor", "city mayor", "municipal mayor"),
    "州": ("prefect", "prefecture head", "prefecture governor", "governor of the prefecture"),
    "盟": ("league head", "league governor"),
    "地区": ("prefectural commissioner", "prefecture commissioner"),
    "县": ("county head", "county magistrate", "county chief", "county mayor", "head of the county"),
    "区": ("district head", "district mayor", "district chief", "district governor",
          "head of the district"),
    "旗": ("banner head", "banner chief"),
    "乡": ("township head", "township chief", "township mayor"),
    "镇": ("town head", "town mayor", "town chief", "township head"),
    "街道": ("sub-district director", "subdistrict director", "street office director",
           "director of the sub-district office", "head of the sub-district"),
    "村": ("village head", "village chief", "village director", "village committee director"),
    "社区": ("community director", "residents' committee director", "neighborhood committee director"),
    "特别行政区": ("chief executive",),
}
# Other titles used for the same posts (村支书 is a village's party secretary).
_ALIASES = {
    ("村", "party_secretary"): ("村党组织书记", "村支书", "村党委书记"),
    ("社区", "party_secretary"): ("社区党支部书记", "社区书记"),
    ("村", "head"): ("村主任",),
    ("社区", "head"): ("社区主任",),
    ("街道", "head"): ("办事处主任",),
    ("乡", "party_secretary"): ("乡镇党委书记",),
    ("市", "deputy_head"): ("市长助理",),
}
_ALIAS_EN = {"市长助理": ("assistant mayor",), "村支书": ("village secretary",),
             "乡镇党委书记": ("township and town party secretary",)}

# Generic English: a post at whatever level the question names (or the default units).
GENERIC_ENGLISH = {
    "party_secretary": ("party secretary", "party chief", "party boss", "cpc secretary",
                        "party committee secretary", "secretary of the party committee",
                        "secretary of the cpc committee"),
    "deputy_party_secretary": ("deputy party secretary", "deputy secretary", "deputy party chief"),
    "standing_member": ("standing committee member", "member of the standing committee"),
    "congress_chair": ("people's congress chairman", "people's congress director",
                       "director of the people's congress standing committee",
                       "chairman of the people's congress standing committee",
                       "director of the standing committee", "chairman of the standing committee"),
    "congress_vice": ("people's congress vice chairman", "people's congress deputy director",
                      "deputy director of the people's congress standing committee",
                      "vice chairman of the people's congress standing committee"),
    "cppcc_chair": ("cppcc chairman", "chairman of the cppcc", "cppcc chair"),
    "cppcc_vice": ("cppcc vice chairman", "vice chairman of the cppcc"),
    "discipline": ("discipline inspection secretary", "secretary of the discipline inspection commission",
                   "secretary of the commission for discipline inspection", "discipline chief",
                   "anti-graft chief"),
    "organization": ("head of the organization department", "organization department head",
                     "organization department director", "organization chief",
                     "head of the organisation department"),
    "propaganda": ("head of the propaganda department", "propaganda department head",
                   "propaganda chief", "head of the publicity department", "publicity chief"),
    "united_front": ("head of the united front work department", "united front work department head",
                     "united front chief"),
    "politics_law": ("secretary of the political and legal affairs commission",
                     "political and legal affairs secretary", "political-legal secretary"),
    "secretary_general": ("secretary-general", "secretary general"),
    "executive_deputy_head": ("executive deputy head",),
    "leaders": (),
}
# Without a place in the question, generic English means these units' titles (the levels
# local records are mostly about): "party secretary" -> 市委书记, 区委书记, 县委书记.
DEFAULT_UNITS = ("市", "区", "县")


def _unit_roles(unit: str) -> list[Role]:
    level, adjs, committee, head, deputy = _UNITS[unit]
    out: list[Role] = []

    def add(title, post, english=(), holder=True):
        if title:
            out.append(Role(title, level, unit, post, tuple(dict.fromkeys(english)), holder))

    # 市委 + 书记, 镇党委 + 书记, 村党支部 + 书记
    sec = committee + "书记" if committee else ""
    add(sec, "party_secretary",
        [f"{a} party secretary" for a in adjs] + [f"{a} party chief" for a in adjs]
        + [f"{a} party committee secretary" for a in adjs]
        + [f"secretary of the {a} party committee" for a in adjs])
    add(committee + "副书记" if committee else "", "deputy_party_secretary",
        [f"deputy {a} party secretary" for a in adjs] + [f"{a} deputy party secretary" for a in adjs]
        + [f"deputy secretary of the {a} party committee" for a in adjs])
    head_en = _HEAD_EN[unit]
    add(head, "head", head_en)
    add(deputy, "deputy_head", [f"{p} {h}" for h in head_en for p in ("deputy", "vice")])
    if unit in _DEPARTMENTS:
        if not head.startswith("自治区") and unit not in ("地区", "盟"):
            add("常务" + deputy, "executive_deputy_head",
                [f"{p} {h}" for h in head_en for p in ("executive deputy", "executive vice",
                                                         "standing vice")])
            add("代" + head, "acting_head", [f"acting {h}" for h in head_en])
        # not one person's title in these records: "市委常委（扩大）会议" is a meeting
        add(committee + "常委", "standing_member",
            [f"{a} standing committee member" for a in adjs]
            + [f"member of the {a} party standing committee" for a in adjs], holder=False)
        ctee = committee if committee.endswith("委") else committee + "委"
        for dept, post, en in (("组织部部长", "organization", "organization department"),
                               ("宣传部部长", "propaganda", "propaganda department"),
                               ("统战部部长", "united_front", "united front work department")):
            add(ctee + dept, post, [f"head of the {a} {en}" for a in adjs] + [f"{a} {en} head" for a in adjs])
        add(ctee + "政法委书记", "politics_law",
            [f"secretary of the {a} political and legal affairs commission" for a in adjs])
        add(unit + "纪委书记", "discipline",
            [f"{a} discipline inspection secretary" for a in adjs]
            + [f"secretary of the {a} discipline inspection commission" for a in adjs])
        if level in ("province", "city"):
            add(ctee + "秘书长", "secretary_general", [f"secretary-general of the {a} party committee" for a in adjs])
            gov = "自治区政府" if unit == "自治区" else unit + "政府"
            add(gov + "秘书长", "secretary_general",
                [f"secretary-general of the {a} government" for a in adjs]
                + [f"{a} government secretary-general" for a in adjs])
    if unit in _CONGRESS:
        add(unit + "人大常委会主任", "congress_chair",
            [f"director of the {a} people's congress standing committee" for a in adjs]
            + [f"chairman of the {a} people's congress standing committee" for a in adjs]
            + [f"{a} people's congress chairman" for a in adjs]
            + [f"{a} people's congress director" for a in adjs])
        add(unit + "人大常委会副主任", "congress_vice",
            [f"deputy director of the {a} people's congress standing committee" for a in adjs]
            + [f"vice chairman of the {a} people's congress standing committee" for a in adjs]
            + [f"{a} people's congress vice chairman" for a in adjs])
        add(unit + "政协主席", "cppcc_chair",
            [f"{a} cppcc chairman" for a in adjs] + [f"chairman of the {a} cppcc" for a in adjs])
        add(unit + "政协副主席", "cppcc_vice",
            [f"{a} cppcc vice chairman" for a in adjs] + [f"vice chairman of the {a} cppcc" for a in adjs])
    if level == "township" and unit != "街道":
        add(unit + "人大主席", "congress_chair", [f"{a} people's congress chairman" for a in adjs])
        add(unit + "人大副主席", "congress_vice", [f"{a} people's congress vice chairman" for a in adjs])
        add(unit + "纪委书记", "discipline", [f"{a} discipline inspection secretary" for a in adjs])
    if unit in ("省", "市", "县", "区", "镇", "乡"):
        add(unit + "领导", "leaders", [f"{a} leaders" for a in adjs] + [f"{a} leadership" for a in adjs],
            holder=False)
    for post in ("party_secretary", "head", "deputy_head"):
        for alias in _ALIASES.get((unit, post), ()):
            add(alias, post, _ALIAS_EN.get(alias, ()))
    return out


NATIONAL = "国家"
# A question about the whole country: generic English then means the national titles.
NATIONAL_WORDS = re.compile(r"\b(?:china|chinese|national|nationwide|central government|"
                            r"state council|cpc central committee|party central committee)\b", re.I)

# National titles (国家/中央): (title, post, English[, the usual form it stands for]).
_NATIONAL = [
    ("总书记", "general_secretary", ("general secretary", "party general secretary",
                                  "general secretary of the cpc central committee")),
    ("中共中央总书记", "general_secretary", (), "总书记"),
    ("国家主席", "president", ("president", "state president", "chinese president",
                            "president of china", "president of the prc")),
    ("国家副主席", "vice_president", ("vice president", "vice-president", "state vice president")),
    ("国务院总理", "premier", (), "总理"),
    ("总理", "premier", ("premier", "prime minister", "premier of the state council",
                       "chinese premier")),
    ("国务院副总理", "vice_premier", (), "副总理"),
    ("副总理", "vice_premier", ("vice premier", "vice-premier", "deputy premier",
                             "deputy prime minister")),
    ("国务委员", "state_councilor", ("state councilor", "state councillor")),
    ("部长", "minister", ("minister", "cabinet minister")),
    ("副部长", "vice_minister", ("vice minister", "deputy minister", "vice-minister")),
    ("委员会主任", "commission_director", ("commission director", "director of the commission",
                                       "head of the commission", "commission chairman")),
    ("全国人大常委会委员长", "congress_chair", ("chairman of the npc standing committee",
                                           "npc chairman", "chairman of the national people's congress",
                                           "top legislator")),
    ("全国人大常委会副委员长", "congress_vice", ("vice chairman of the npc standing committee",
                                            "npc vice chairman")),
    ("委员长", "congress_chair", (), "全国人大常委会委员长"),
    ("全国政协主席", "cppcc_chair", ("chairman of the cppcc national committee",
                                  "national cppcc chairman", "cppcc national committee chairman",
                                  "top political advisor")),
    ("全国政协副主席", "cppcc_vice", ("vice chairman of the cppcc national committee",
                                   "national cppcc vice chairman")),
    ("中央纪委书记", "discipline", ("secretary of the central commission for discipline inspection",
                                 "ccdi secretary")),
    ("中央组织部部长", "organization", ("head of the central organization department",)),
    ("中组部部长", "organization", (), "中央组织部部长"),
    ("中央宣传部部长", "propaganda", ("head of the central propaganda department",)),
    ("中宣部部长", "propaganda", (), "中央宣传部部长"),
    ("国务院秘书长", "secretary_general", ("secretary-general of the state council",)),
    ("中央政治局常委", "standing_member", ("politburo standing committee member",
                                       "member of the politburo standing committee")),
    ("中央政治局委员", "politburo_member", ("politburo member", "member of the politburo")),
]

# Titles used at any level (the unit is said elsewhere or not at all): "纪委书记张三".
_ANY_LEVEL = [
    ("纪委书记", "discipline", (), True),
    ("组织部部长", "organization", (), True),
    ("宣传部部长", "propaganda", (), True),
    ("统战部部长", "united_front", (), True),
    ("政法委书记", "politics_law", (), True),
    ("书记", "party_secretary", ("secretary",), False),
    ("副书记", "deputy_party_secretary", (), False),
    # any unit's, but not what "party secretary" alone usually means
    ("党委书记", "party_committee_secretary", ("party committee secretary",
                                          "secretary of the party committee"), False),
    ("党组书记", "party_group_secretary", ("party group secretary", "secretary of the party group",
                                     "secretary of the leading party group"), False),
    ("党支部书记", "party_branch_secretary", ("party branch secretary",), False),
    ("主任", "director", ("director",), False),
    ("副主任", "deputy_director", ("deputy director",), False),
    ("局长", "bureau_director", ("bureau director", "bureau chief", "director-general",
                              "head of the bureau"), False),
    ("副局长", "deputy_bureau_director", ("deputy bureau director", "deputy bureau chief",
                                      "deputy director-general"), False),
    ("厅长", "department_director", ("department director", "provincial department director"), False),
    ("副厅长", "deputy_department_director", ("deputy department director",), False),
    ("主席", "chairman", ("chairman", "chairperson"), False),
    ("副主席", "vice_chairman", ("vice chairman", "deputy chairman", "vice chairperson"), False),
    ("秘书长", "secretary_general", (), False),
    ("副秘书长", "deputy_secretary_general", ("deputy secretary-general", "deputy secretary general"),
     False),
    ("常委", "standing_member", (), False),
    ("院长", "president_of_institution", ("dean", "court president", "president of the court"), False),
    ("副院长", "vice_president_of_institution", ("vice dean", "vice president of the court"), False),
    ("校长", "principal", ("principal", "headmaster", "university president"), False),
    ("副校长", "vice_principal", ("vice principal", "deputy headmaster", "vice president of the university"),
     False),
    ("检察长", "chief_procurator", ("chief procurator", "procurator-general"), False),
    ("会长", "association_president", ("association president", "president of the association"), False),
    ("理事长", "council_chairman", ("chairman of the council", "board chairman of the association"),
     False),
]


def roles() -> list[Role]:
    """Every title: national ones, every unit's, then the any-level ones."""
    out = [Role(t, "national", NATIONAL, post, en, same_as=(usual[0] if usual else ""))
           for t, post, en, *usual in _NATIONAL]
    for unit in _UNITS:
        out += _unit_roles(unit)
    out += [Role(t, None, "", post, en, holder) for t, post, en, holder in _ANY_LEVEL]
    return out
