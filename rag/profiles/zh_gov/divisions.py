"""China's provinces, cities and counties, from the national list the `cpca` package ships.

cpca's adcodes.csv (division code, name) is read directly, without importing cpca (whose
import builds a matcher and pulls in pkg_resources). Each division gets its short name
(长治市 -> 长治), the unit word its officials' titles use (市: 市委书记, 市长), its parent,
and its pinyin in every reading of its polyphonic characters (长 is chang in 长治, 朝 is chao
in 朝阳市: pypinyin's first reading is zhang, zhao). A pinyin that is a reading of some place's
usual pronunciation is kept only for those places ("zhaoyang" is 昭阳, not also 朝阳).
"""
from __future__ import annotations

import calendar
import csv
import functools
import importlib.util
import itertools
import logging
import re
from pathlib import Path

from rag.profiles.places import Place, PlaceTable

log = logging.getLogger(__name__)
_DATA = Path(__file__).resolve().parent

# Names in the list that stand for no place (placeholders for "districts of the city").
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Real districts whose names are ordinary words (城区 "urban area", 郊区 "suburbs").
_GENERIC = {"城区", "郊区", "矿区", "东区", "西区", "市中区", "新区"}
_ABBREVIATIONS = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
                  "新疆维吾尔自治区": "新疆", "宁夏回族自治区": "宁夏",
                  "香港特别行政区": "香港", "澳门特别行政区": "澳门"}
# name suffix -> (unit its titles use, English words for it); longest suffix first
_SUFFIXES = [
    ("特别行政区", "特别行政区", ("special administrative region", "sar")),
    ("自治区", "自治区", ("autonomous region", "region")),
    ("自治州", "州", ("autonomous prefecture", "prefecture")),
    ("自治县", "县", ("autonomous county", "county")),
    ("自治旗", "旗", ("autonomous banner", "banner")),
    ("林区", "区", ("forestry district", "district")),
    ("新区", "区", ("new area", "new district", "district")),
    ("特区", "区", ("special district", "district")),
    ("地区", "地区", ("prefecture", "region")),
    ("省", "省", ("province",)),
    ("市", "市", ("city", "municipality")),
    ("州", "州", ("prefecture",)),
    ("盟", "盟", ("league",)),
    ("县", "县", ("county",)),
    ("区", "区", ("district",)),
    ("旗", "旗", ("banner",)),
]
MAX_READINGS = 16
# A month's or weekday's name is never a place, though a reading may spell one ("june" reads
# 旬邑 as jun-e) and it is capitalised wherever it stands, so the capital rule cannot tell.
_CALENDAR = frozenset(w.lower() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                                          *calendar.day_abbr) if w)


def _adcodes_path() -> Path | None:
    spec = importlib.util.find_spec("cpca")
    for root in (spec.submodule_search_locations or []) if spec else []:
        path = Path(root) / "resources" / "adcodes.csv"
        if path.exists():
            return path
    return None


@functools.lru_cache(maxsize=1)
def _nations() -> tuple[str, ...]:
    path = _adcodes_path()
    f = path.parent / "56_nations.csv" if path else None
    names = f.read_text(encoding="utf-8").split() if f and f.exists() else []
    return tuple(sorted((n for n in names if n.endswith("族")), key=len, reverse=True))


def split_name(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(stem, unit, English unit words): 长治市 -> (长治, 市, (city, municipality));
    延边朝鲜族自治州 -> (延边, 州, ...); 歙县 -> (歙, 县, (county,))."""
    for suffix, unit, english in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            short = _ABBREVIATIONS.get(name) or name[:-len(suffix)]
            if suffix.startswith("自治"):
                nations = "|".join(_nations())
                if nations:                 # 延边朝鲜族 -> 延边, 积石山保安族东乡族撒拉族 -> 积石山
                    short = re.sub(rf"(?:{nations})+$", "", short) or short.removesuffix("族")
            return short, unit, english
    return name, "", ()


def readings(name: str, chars: int | None = None) -> list[tuple[str, int]]:
    """Pinyin readings of the first `chars` characters of a name, each with its rank (how far
    from each character's usual reading it strays: 0 is the usual reading), best first.

    Read in the context of the whole name, so pypinyin's phrase table can settle a reading
    (朝阳区 is chao-yang), and cut to MAX_READINGS."""
    try:
        from pypinyin import Style, pinyin
    except ImportError:             # no pinyin: places are still found by Chinese name
        return []
    per_char = pinyin(name, style=Style.NORMAL, heteronym=True)[:chars]
    combos = sorted(itertools.product(*(list(enumerate(r)) for r in per_char)),
                    key=lambda c: sum(i for i, _ in c))
    out: dict[str, int] = {}
    for c in combos[:MAX_READINGS]:
        out.setdefault("".join(p for _, p in c).lower(), sum(i for i, _ in c))
    return list(out.items())


def _rows() -> list[tuple[str, str]]:
    path = _adcodes_path()
    if path is None:
        log.warning("the cpca package is not installed: no national place list "
                    "(pip install cpca); places are found only in the documents' metadata")
        return []
    with path.open(encoding="utf-8") as f:
        return [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(f)]


@functools.lru_cache(maxsize=1)
def table() -> PlaceTable:
    """The national table, built on first use (about 3,200 divisions, under a second)."""
    rows = [(c, n) for c, n in _rows() if n and n not in _PLACEHOLDERS]
    by_code = dict(rows)
    found = []
    rank_of: dict[str, int] = {}        # key -> the best rank any place reads it with
    for code, name in rows:
        province = by_code.get(code[:2] + "0000")
        if code.endswith("0000"):
            level, parent = "province", None
        elif code.endswith("00"):
            level, parent = "city", province
        else:
            level, parent = "county", by_code.get(code[:4] + "00") or province
        base, unit, english = split_name(name)
        # a one-character stem is not said alone (歙县 is "歙县", never "歙")
        short = base if len(base) >= 2 and name not in _GENERIC else ""
        keys: dict[str, int] = {}
        for py, rank in readings(name, len(base)):
            forms = ([py] if short else []) + [f"{py} {w}" for w in english]
            if not short and unit == "县":
                forms.append(py + "xian")           # 歙县 -> shexian
            for k in forms:
                keys.setdefault(k, rank)
                rank_of[k] = min(rank_of.get(k, rank), rank)
        found.append((Place(id=code, name=name, short=short, level=level, unit=unit or name[-1:],
                            parent=parent if parent != name else None,
                            province=province if province != name else None), keys))
    # A key belongs to the places that read it best (fewest rarer readings), so a rare
    # reading of one name does not claim the usual reading of another; "changzhi" is still
    # 长治, read with 长's second reading, as no place reads it with first readings.
    places = [_with_keys(p, [k for k, r in keys.items() if r == rank_of[k]]) for p, keys in found]
    exonyms = _exonyms({p.name: p for p in places})
    taken = {k for p in exonyms for k in p.keys}      # "shanxi" is 山西 only, "shaanxi" 陕西
    places = [_with_keys(p, [k for k in p.keys if k not in taken and k not in _CALENDAR]) for p in places]
    # a county's or district's short name that is also an ordinary word (和平区, 合作市) is not
    # read alone; a prefecture's or province's (包头, 安康) is how texts name it
    from rag.profiles.zh_gov.cedict import ordinary_words
    shorts = {p.short for p in places if p.short and p.level == "county"} - {
        p.short for p in places if p.level in ("city", "province")}
    return PlaceTable(places + exonyms, english_words=_english_words(),
                      chinese_words=ordinary_words() & shorts)


def _with_keys(p: Place, keys) -> Place:
    return Place(id=p.id, name=p.name, short=p.short, level=p.level, unit=p.unit,
                 parent=p.parent, province=p.province, keys=tuple(keys))


def _exonyms(by_name: dict[str, Place]) -> list[Place]:
    """English names that are not the pinyin (Inner Mongolia, Tibet, Hong Kong, Shaanxi), from
    places_en_zh.txt: extra keys on the named places."""
    out = []
    path = _DATA / "places_en_zh.txt"
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        english, chinese = (s.strip() for s in line.split("=", 1))
        keys = tuple(k.strip().lower() for k in english.split("|") if k.strip())
        for name in chinese.split():
            p = by_name.get(name)
            if p is None:       # not in the list (an older or newer division): a bare entry
                base, unit, _ = split_name(name)
                p = Place(id="x:" + name, name=name, short=base if len(base) >= 2 else "",
                          level="", unit=unit)
            out.append(Place(id=p.id + ":en", name=p.name, short=p.short, level=p.level,
                             unit=p.unit, parent=p.parent, province=p.province, keys=keys))
    return out


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    path = _DATA / "places_english_words.txt"
    return frozenset(w for line in path.read_text(encoding="utf-8").splitlines()
                     for w in line.split("#", 1)[0].split())


# The units of an address-like place ("广东省深圳市南山区"), most general first.
_UNIT = re.compile(r"([\u4e00-\u9fff]{2,5}?(?:省|自治区|市|区|县|镇|乡|街道))")
_UNIT_SUFFIX = re.compile(r"(?:市|区|县|镇|乡|街道)$")


def names_for(place: str | None) -> list[str]:
    """Ways a question may name a document's own place (its `place` metadata, an address
    like "广东省深圳市南山区"): its last unit, short name and every pinyin reading."""
    if not place:
        return []
    units = _UNIT.findall(place)
    if not units:
        return [place]
    last = units[-1]
    known = table().named(last)
    if known:
        p = known[0]
        keys = [k for q in known for k in q.keys if " " not in k]
        return list(dict.fromkeys([*p.names, *keys]))
    short = _UNIT_SUFFIX.sub("", last)          # a town or a newer division: by rule
    names = [last] + ([short] if len(short) >= 2 else [])
    names += [py for py, _ in readings(short)]
    return list(dict.fromkeys(names))
