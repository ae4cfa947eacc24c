"""Document profiles: what a document is (kind), where it is from (place, level), which year it
belongs to and which years it covers, inferred at ingest for every document.

A yearbook of 2020 records 2019; a government work report of year N reviews N-1 and plans N;
a chronicle covers the years of its entries. Retrieval uses the period to prefer the right
document for "2019年…" questions. Every field says where it came from (sidecar, flag,
title, file name, byline, content), so `rag ingest` can warn about what it could not infer.
The words that recognise kinds and national documents are domain knowledge and come from the
domain profile (`rag.profiles`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field

KINDS = ("年鉴", "大事记", "政府工作报告", "讲话", "通知/文件", "other")
LEVELS = ("national", "省", "市", "县", "区", "乡镇")
FIELDS = ("title", "kind", "place", "level", "year", "period")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_ZH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# A byline: a short line with a full date ("——2017年3月5日在第十二届全国人民代表大会…").
_BYLINE = re.compile(r"^.{0,6}((?:19|20)\d{2})[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日.{0,50}$", re.M)
_PERIOD = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:[-–—~至到]\s*((?:19|20)\d{2}))?\s*$")


@dataclass
class DocProfile:
    title: str
    kind: str | None = None
    place: str | None = None          # as the documents name it: 平阳县, 北京市海淀区, 全国
    level: str | None = None          # one of LEVELS
    year: int | None = None           # the document's own year (a yearbook's edition year)
    period: tuple[int, int] | None = None   # first and last year the content is about
    sources: dict[str, str] = field(default_factory=dict)   # field -> where it came from

    @property
    def years(self) -> set[int]:
        if not self.period:
            return {self.year} if self.year else set()
        return set(range(self.period[0], self.period[1] + 1))

    def missing(self) -> list[str]:
        return [f for f in ("kind", "place", "year") if getattr(self, f) in (None, "")]

    def to_dict(self) -> dict:
        d = asdict(self)
        d["period"] = list(self.period) if self.period else None
        return d

    @classmethod
    def from_dict(cls, d: dict | None, title: str = "") -> "DocProfile":
        d = dict(d or {})
        period = d.get("period")
        return cls(title=d.get("title") or title, kind=d.get("kind"), place=d.get("place"),
                   level=d.get("level"), year=d.get("year"),
                   period=tuple(period) if period else None, sources=d.get("sources") or {})

    def describe(self) -> str:
        """One line for `rag ingest` and `rag status`: 政府工作报告 · 全国 (national) · 2015 · covers 2014–2015."""
        bits = [self.kind or "kind ?"]
        bits.append(f"{self.place} ({self.level})" if self.place and self.level else
                    self.place or "place ?")
        bits.append(str(self.year) if self.year else "year ?")
        if self.period:
            a, b = self.period
            bits.append(f"covers {a}" if a == b else f"covers {a}–{b}")
        return " · ".join(bits)


def parse_period(value) -> tuple[int, int] | None:
    """"2019", "2019-2020", [2019, 2020] or 2019 -> (first, last); None if not a period."""
    if value in (None, ""):
        return None
    if isinstance(value, int):
        return (value, value)
    if isinstance(value, (list, tuple)) and value:
        a, b = int(value[0]), int(value[-1])
        return (min(a, b), max(a, b))
    m = _PERIOD.match(str(value))
    if not m:
        raise ValueError(f"period {value!r}: expected a year or a range such as 2019-2020")
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    return (min(a, b), max(a, b))


def infer(*, title: str, file_name: str, lines: list[str], paragraphs=None, domain=None,
          given: dict | None = None) -> DocProfile:
    """The profile of one document: `given` (sidecar, flags, upload form) wins field by field;
    the rest is inferred from the title, the file name, the first lines and the content."""
    domain = domain or document_rules()
    given = {k: v for k, v in (given or {}).items() if v not in (None, "")}
    prof = DocProfile(title=given.get("title") or title)
    prof.sources = {"title": given.get("_source", "sidecar") if "title" in given else
                    "file name" if title == file_name.rsplit(".", 1)[0] else "document"}
    head = "\n".join(lines[:15])
    stem = re.sub(r"[_\-]+", " ", file_name.rsplit(".", 1)[0])
    body = "\n".join(lines)

    def take(name, value, source):
        if value not in (None, "") and getattr(prof, name) in (None, ""):
            setattr(prof, name, value)
            prof.sources[name] = source

    src = given.get("_source", "sidecar")
    for name in ("kind", "place", "level"):
        take(name, given.get(name), src)
    if "year" in given:
        take("year", int(given["year"]), src)
    if "period" in given:
        take("period", parse_period(given["period"]), src)

    # kind: title, then file name, then the first lines, then the shape of the content
    for text, source in ((prof.title, "title"), (stem, "file name"), (head, "first lines")):
        take("kind", domain.document_kind(text), source)
    if prof.kind is None and domain.chronicle_share(lines) >= 0.5:
        take("kind", "大事记", "content")
    take("kind", domain.document_kind(body[:3000], content=True), "content")

    # place: the title or file name says (国务院 -> national, 平阳县 -> that city), then the
    # place the content names most often; a local record quotes 党中央 too, so national
    # markers in the text count only when it names no place of its own.
    for text, source in ((prof.title, "title"), (stem, "file name")):
        if domain.is_national(text):
            take("place", domain.NATIONAL_NAME, source)
            take("level", "national", source)
        place = domain.place_in(text)
        if place:
            take("place", place[0], source)
            take("level", place[1], source)
    common = domain.most_named_place(body)
    if common:
        take("place", common[0], "content")
        take("level", common[1], "content")
    if domain.is_national(head) or len(re.findall(r"全国|我国", body)) >= 5:
        take("place", domain.NATIONAL_NAME, "content")
        take("level", "national", "content")
    if prof.place and not prof.level:
        lvl = domain.place_level(prof.place)
        if lvl:
            prof.level = lvl
            prof.sources["level"] = prof.sources.get("place", "content")

    # year: title, byline date, file name, then the year the content names most often
    take("year", _single_year(prof.title), "title")
    m = _BYLINE.search(head)
    take("year", int(m.group(1)) if m else None, "byline")
    take("year", _single_year(stem), "file name")
    counts = Counter(int(y) for y in _YEAR_ZH.findall(body))
    if paragraphs is not None:
        counts.update(int(p.date[:4]) for p in paragraphs if p.date)
    if counts:
        take("year", counts.most_common(1)[0][0], "content")

    # period: what the content is about
    if prof.period is None and prof.year:
        prof.period = domain.period_of(prof.kind, prof.year)
        prof.sources["period"] = f"{prof.kind or 'document'} of {prof.year}"
    if paragraphs is not None and prof.kind == "大事记":
        years = sorted({int(p.date[:4]) for p in paragraphs if p.date})
        if years and prof.sources.get("period") != src:
            prof.period = (years[0], years[-1])
            prof.sources["period"] = "entry dates"
    return prof


def document_rules(name: str | None = None):
    """The document rules of the configured domain profile (kinds, places, periods)."""
    try:
        from rag.profiles import get_profile
        return get_profile(name).documents
    except (ImportError, AttributeError):
        from rag.profiles.zh_gov import documents
        return documents


def _single_year(text: str) -> int | None:
    """The year a name gives, unless it gives several ("2010-2017汇编" is no one year)."""
    years = set(_YEAR.findall(text or ""))
    return int(years.pop()) if len(years) == 1 else None


_KIND_ALIASES = {"chronicle": "大事记", "yearbook": "年鉴", "report": "政府工作报告",
                 "work report": "政府工作报告", "speech": "讲话", "notice": "通知/文件",
                 "document": "通知/文件", "通知": "通知/文件", "文件": "通知/文件"}


def canonical_kind(kind: str | None) -> str | None:
    """A kind as users and sidecar files write it ("yearbook", "年鉴") -> one of KINDS."""
    if kind in (None, ""):
        return None
    k = _KIND_ALIASES.get(str(kind).strip().lower(), str(kind).strip())
    if k not in KINDS:
        raise ValueError(f"kind {kind!r}: expected one of {', '.join(KINDS)} "
                         f"(or {', '.join(sorted(_KIND_ALIASES))})")
    return k


def check_given(fields: dict) -> dict:
    """Profile fields given by a sidecar, flags or the upload form, checked and normalised;
    a bad value raises ValueError naming the field."""
    out = {}
    for k, v in fields.items():
        if v in (None, "") or k not in FIELDS:
            continue
        if k == "kind":
            v = canonical_kind(v)
        elif k == "year":
            try:
                v = int(v)
            except (TypeError, ValueError):
                raise ValueError(f"year {v!r}: expected a year such as 2019") from None
        elif k == "period":
            v = parse_period(v)
        elif k == "level" and v not in LEVELS:
            raise ValueError(f"level {v!r}: expected one of {', '.join(LEVELS)}")
        out[k] = v
    return out


def _outside_chronicle(section: str, domain) -> bool:
    """Whether a yearbook passage lies outside its chronicle (大事记) and the domain can read
    a passage's own stance."""
    if not hasattr(domain, "text_stance"):
        return False
    return not any(domain.document_kind(t) == "大事记" for t in section.split(" > ") if t)


def annotate_chunks(chunks, profile: DocProfile, domain=None) -> None:
    """Give each chunk the years it is about and whether it looks back or ahead.

    A chunk's explicit years come from its section titles ("一、2014年工作回顾"), else its
    date, else the years its own text names; a chunk with none is about its document's period.
    Stance comes from the nearest section title that has one.
    """
    domain = domain or document_rules()
    cache: dict[str, tuple[set[int], str | None]] = {}
    carried: tuple[set[int], str] | None = None     # the last planning chapter's years
    chapter = None
    paragraph, opening = None, set()                # a paragraph's id and the stretch it opens on
    for c in chunks:
        if c.section not in cache:
            years: set[int] = set()
            stance = None
            titles = c.section.split(" > ") if c.section else []
            for title in reversed(titles):          # the nearest title that names years
                years = domain.section_years(title, profile.year)
                if years:
                    break
            for title in titles:                    # the chapter's stance ("2014年工作回顾")
                stance = domain.section_stance(title)
                if stance:
                    break
            cache[c.section] = (years, stance)
        years, stance = cache[c.section]
        # A document that has started planning ("二、2015年工作总体部署") goes on planning in
        # the chapters after it that name no year or stance ("三、把改革开放扎实推向纵深").
        top = c.section.split(" > ")[0] if c.section else ""
        if top != chapter:
            chapter = top
            if stance == "plan":
                carried = (years or ({profile.year} if profile.year else set()), "plan")
            elif stance == "review":
                carried = None
        if not years and not stance and carried:
            years, stance = carried
        if not stance and profile.kind == "政府工作报告" and years and years == {profile.year}:
            stance = "plan"             # a report's chapter on its own year ("2011年的工作")
        # Section years first ("一、2016年工作回顾" in a report dated 2017-03-05 is about 2016),
        # then the passage's date (a chronicle entry, a speech), then years its text names.
        own = set(years)
        if not own and c.date:
            own = {int(c.date[:4])}
        if not own:
            own = {int(y) for y in _YEAR_ZH.findall(c.text)}
        para = re.sub(r"\.\d+$", "", c.id)          # "doc:p0023.1" is part of paragraph "doc:p0023"
        if para != paragraph:
            paragraph = para
            opening = domain.opening_span(c.text, profile.year) if hasattr(domain, "opening_span") else set()
        if opening and not c.date:
            # "2015年是“十二五”收官之年。过去五年，…" speaks of 2011-2015 in every chunk of its
            # paragraph, whatever single year its chapter names
            own |= opening
        c.years = sorted(own)
        c.doc_period = list(profile.period) if profile.period else None
        c.doc_place = profile.place
        c.ref_year = int(c.date[:4]) if c.date else profile.year
        default = "review" if profile.kind in ("年鉴", "大事记") else None
        if not stance and profile.kind == "年鉴" and _outside_chronicle(c.section, domain):
            # A yearbook looks back, but a speech or report printed in it plans the year ahead
            # ("今年要…确保…"): a passage whose own sentences clearly plan is left without a
            # stance. Its chronicle keeps the default: an entry records what was required.
            if domain.text_stance(c.text) == "plan":
                default = None
        c.stance = stance or default
        if not years and c.date and c.speaker and c.stance == "review" and int(c.date[5:7] or 12) <= 6:
            # A speech that looks back, given in the first half of its year, speaks mostly of
            # the twelve months before it: "加快了产业转型升级步伐…" said in January 2020 is about
            # 2019 (more than half of those months lie in the year before when it is given by June).
            c.years = sorted(own | {int(c.date[:4]) - 1})
