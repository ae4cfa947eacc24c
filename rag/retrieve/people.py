"""Who holds which role, as the corpus itself states it ("市长张忠民", "区委书记张书杰").

Built from the indexed chunks, so a question about "the mayor" or "Hu Wuyue" can be linked
to the Chinese names that the passages actually contain.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

# Longest first so "市委副书记" wins over "书记". Values are the English ways users name them.
ROLES: dict[str, tuple[str, ...]] = {
    "市委书记": ("party secretary", "municipal party secretary", "city party secretary",
              "secretary of the municipal party committee", "party chief", "cpc secretary"),
    "区委书记": ("party secretary", "district party secretary", "secretary of the district party committee",
              "party chief", "cpc secretary"),
    "县委书记": ("party secretary", "county party secretary", "party chief"),
    "市委副书记": ("deputy party secretary",),
    "区委副书记": ("deputy party secretary",),
    "常务副市长": ("executive vice mayor", "executive deputy mayor"),
    "常务副区长": ("executive deputy district head",),
    "副市长": ("deputy mayor", "vice mayor"),
    "副区长": ("deputy district head", "deputy district mayor", "vice district head"),
    "市长": ("mayor",),
    "区长": ("district head", "district mayor", "district chief", "head of the district",
           "district governor"),
    "县长": ("county head", "county magistrate"),
    "市人大常委会主任": ("director of the municipal people's congress standing committee",),
    "区人大常委会主任": ("director of the district people's congress standing committee",),
    "市政协主席": ("cppcc chairman", "chairman of the municipal cppcc"),
    "区政协主席": ("cppcc chairman", "chairman of the district cppcc"),
    "纪委书记": ("discipline inspection secretary", "secretary of the discipline inspection commission"),
    "组织部部长": ("head of the organization department",),
}
ROLE_RX = re.compile("(" + "|".join(sorted(ROLES, key=len, reverse=True)) + r")[、，,]?(?:、[^，。]{2,12}?)?")
_NAME_AFTER = re.compile(r"([\u4e00-\u9fff]{2,3})")
# Characters that follow a name in these texts (verbs, particles); a 3-char candidate ending
# in one of them is really a 2-char name.
_AFTER_NAME = set("调主出到在参带陪会听率一对和等就先指表要说同与及赴视走慰深实检考作讲致宣接看前代为是也现向已")
# Common Chinese surnames: a candidate name must start with one ("议事", "专题" do not).
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
                "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
                "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
                "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
                "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
                "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝毋楚艾郜")
_ROLE_ONLY = re.compile("|".join(sorted(ROLES, key=len, reverse=True)))


@dataclass
class People:
    role_names: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    # the same per document, so "the mayor of Changge" is looked up in Changge's records
    by_doc: dict[str, dict[str, Counter]] = field(default_factory=dict)
    pinyin: dict[str, str] = field(default_factory=dict)      # "zhangshujie" -> "张书杰"

    def names_for_role(self, role: str, top: int = 3, docs=None) -> list[str]:
        if docs:
            c = Counter()
            for d in docs:
                c.update(self.by_doc.get(d, {}).get(role, Counter()))
            if c:
                return [n for n, _ in c.most_common(top)]
        return [n for n, _ in self.role_names.get(role, Counter()).most_common(top)]

    def to_dict(self) -> dict:
        return {"roles": {r: dict(c) for r, c in self.role_names.items()}}


def _name_after(text: str, pos: int, corpus: str, cache: dict) -> str | None:
    m = _NAME_AFTER.match(text, pos)
    if not m or m.group(1)[0] not in _SURNAMES:
        return None
    cand = m.group(1)
    if len(cand) == 3:
        # A real 3-character name occurs about as often as its first two characters;
        # "楚雷就" occurs far less often than "楚雷".
        for s in (cand, cand[:2]):
            if s not in cache:
                cache[s] = corpus.count(s)
        if cand[2] in _AFTER_NAME or cache[cand] < cache[cand[:2]] * 0.6:
            cand = cand[:2]
    return cand


def build(texts: list[str], doc_ids: list[str] | None = None) -> People:
    """Scan passages for role-name pairs ("区长李朝锋", "市委书记、市长胡五岳")."""
    people = People()
    doc_ids = doc_ids or [""] * len(texts)
    corpus = "\n".join(texts)
    cache: dict[str, int] = {}
    for t, doc in zip(texts, doc_ids):
        per_doc = people.by_doc.setdefault(doc, defaultdict(Counter))
        for m in ROLE_RX.finditer(t):
            name = _name_after(t, m.end(), corpus, cache)
            if not name:
                continue
            for r in set(_ROLE_ONLY.findall(m.group(0))):
                people.role_names[r][name] += 1
                per_doc[r][name] += 1
    try:
        from pypinyin import lazy_pinyin
    except ImportError:           # pinyin linking is a bonus, not a requirement
        return people
    names = {n for c in people.role_names.values() for n in c}
    for t in texts:               # "区领导张楠、卢军" lists name people without roles
        for lst in re.findall(r"(?:领导|陪同|出席|参加)[：:]?((?:[\u4e00-\u9fff]{2,3}、){1,}[\u4e00-\u9fff]{2,3})", t):
            names.update(n for n in lst.split("、") if 2 <= len(n) <= 3)
    for n in names:
        people.pinyin["".join(lazy_pinyin(n)).lower()] = n
    return people


def link_names(question: str, people: People) -> list[str]:
    """Chinese names for pinyin names in an English question ("Hu Wuyue", "Shujie Zhang")."""
    words = re.findall(r"[A-Za-z]+", question)
    found = []
    for i in range(len(words)):
        for j in (2, 3, 1):
            seq = words[i:i + j]
            if len(seq) < j:
                continue
            for key in ("".join(seq).lower(), "".join(seq[1:] + seq[:1]).lower()):
                if key in people.pinyin and people.pinyin[key] not in found:
                    found.append(people.pinyin[key])
    return found


def roles_in(question: str) -> list[str]:
    """Chinese role words named in the question, in Chinese or English."""
    q = question.lower()
    out = [r for r in sorted(ROLES, key=len, reverse=True) if r in question]
    # drop roles contained in a longer one already found ("书记" inside "市委书记")
    out = [r for r in out if not any(r != o and r in o for o in out)]
    for role, names in ROLES.items():
        for en in names:
            if re.search(rf"\b{re.escape(en)}\b", q) and role not in out:
                if en.startswith("deputy") or en.startswith("vice") or en.startswith("executive") \
                        or not re.search(rf"\b(deputy|vice|executive)\s+{re.escape(en)}", q):
                    out.append(role)
    return out
