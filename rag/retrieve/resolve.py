"""Questions resolved to documents and periods, using the documents' profiles.

"2015年政府工作报告提出…" and "In the 2015 report, …" name a document: retrieval is narrowed
to it. "2014年GDP增长了多少" names a year: passages about 2014 are preferred (a chronicle's
2014 entries, the 2015 report's review of 2014, the 2014 report's plans), and an outcome
question prefers passages that look back while a target question prefers those that plan.
Nothing is resolved when the question names nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np



@dataclass
class Resolution:
    years: list[int] = field(default_factory=list)
    stance: str | None = None              # "review" (asks what happened), "plan" (asks the target)
    docs: list[str] = field(default_factory=list)     # documents the question names
    doc_titles: list[str] = field(default_factory=list)
    covering: list[str] = field(default_factory=list)  # documents whose period covers the years
    doc_text: str = ""         # the words that named res.docs ("the 2017 report"), as written

    def to_dict(self) -> dict:
        return {"years": self.years, "stance": self.stance, "documents": self.doc_titles,
                "covering": self.covering}


def question_years(question: str) -> list[int]:
    """Years a question names, its document's included: 2014年, 二〇一四年, the 2015 report."""
    from rag.answer.constraints import extract
    c = extract(question)
    return list(dict.fromkeys(c.years + ([c.doc_ref.year] if c.doc_ref else [])))


# The fewest years that make a stretch ("十二五", "2008年至2012年"): two named years are
# usually two years compared. Not tuned (as rag.answer.constraints.is_period).
STRETCH_YEARS = 3


class Resolver:
    """Built once per index: per-year row sets and document periods, so resolving and scoring
    a question is a few set lookups and vector operations, not a loop over every chunk."""

    def __init__(self, chunks, docs: dict[str, dict], domain):
        self.domain = domain
        self.profiles = {d: (meta.get("profile") or {}) for d, meta in docs.items()}
        self.titles = {d: meta.get("title") or d for d, meta in docs.items()}
        n = len(chunks)
        self._doc_of = np.array([c.doc_id for c in chunks])
        self._by_year: dict[int, list[int]] = {}
        self._implicit = np.zeros(n, bool)         # no years of its own: about its document's period
        stance = np.zeros(n, np.int8)              # +1 review, -1 plan
        for i, c in enumerate(chunks):
            ys = getattr(c, "years", None) or []
            if not ys:
                self._implicit[i] = True
            for y in ys:
                self._by_year.setdefault(int(y), []).append(i)
            s = getattr(c, "stance", None)
            stance[i] = 1 if s == "review" else -1 if s == "plan" else 0
        self._stance = stance
        self._period: dict[str, set[int]] = {}
        for d, p in self.profiles.items():
            period = p.get("period")
            if period:
                self._period[d] = set(range(int(period[0]), int(period[1]) + 1))
            elif p.get("year"):
                self._period[d] = {int(p["year"])}

    def resolve(self, question: str) -> Resolution:
        from rag.answer.constraints import extract
        cons = extract(question)
        res = Resolution(years=list(cons.years),
                         stance={"outcome": "review", "target": "plan"}.get(cons.period_kind or ""))
        refs = [cons.doc_ref] if cons.doc_ref is not None else []
        from rag.answer.parts import answer_parts, joined_years
        parts = answer_parts(question)
        if len(parts) > 1:
            # "2015年和2016年政府工作报告分别…", "the 2015 and 2016 reports": each part names one
            # (as written, or by a year joined to another; not a year a part only carried over)
            joined = joined_years(question)
            asked = [extract(p) for p in parts]
            refs += [c.doc_ref for c in asked
                     if c.doc_ref is not None and (c.doc_ref.text in question or c.doc_ref.year in joined)]
            # "…的目标是多少？实际增长了多少？": one part asks the plan, another the record, so
            # neither stance is preferred
            if {"target", "outcome"} <= {c.period_kind for c in asked}:
                res.stance = None
        for ref in refs:
            found = []
            for d, p in self.profiles.items():
                if p.get("year") != ref.year:
                    continue
                kind = p.get("kind") or ""
                # "the 2015 report" names any kind of report; "2015年年鉴" only a yearbook
                if ref.kind and kind and ref.kind != kind and not (ref.kind == "报告" and "报告" in kind):
                    continue
                found.append(d)
            if not found and ref.year not in res.years:
                res.years.append(ref.year)     # no such document: its year is still a cue
            if found and not res.docs:
                res.doc_text = ref.text
            res.docs += found
        for d, title in self.titles.items():          # a title quoted in full: 《…》
            if len(title) >= 6 and title in question and d not in res.docs:
                res.docs.append(d)
        res.docs = list(dict.fromkeys(res.docs))
        if len(res.docs) == len(self.profiles):
            res.docs = []                              # names every document: no narrowing
        res.doc_titles = [self.titles[d] for d in res.docs]
        if res.years:
            res.covering = [d for d, ys in self._period.items() if ys & set(res.years)]
        return res

    def doc_mask(self, res: Resolution) -> np.ndarray | None:
        if not res.docs:
            return None
        return np.isin(self._doc_of, res.docs)

    def year_scores(self, res: Resolution) -> tuple[np.ndarray, np.ndarray] | None:
        """(match, off) per chunk: match is 1 for a passage about a named year, 0.5 for one
        with no years of its own in a document covering it; off marks passages of documents
        whose period leaves the years out (when some document covers them)."""
        if not res.years:
            return None
        n = len(self._doc_of)
        held = np.zeros(n, np.float32)          # how many of the named years a passage is about
        for y in res.years:
            rows = self._by_year.get(y)
            if rows:
                held[rows] += 1
        explicit = held > 0
        covering = np.isin(self._doc_of, res.covering) if res.covering else np.zeros(n, bool)
        years = sorted(res.years)
        # a stretch of years ("十二五", 2011-2015) is answered by a passage about all of it (the
        # five-year review), not by one about a single year of it: its share of the stretch (a
        # single year's passage inside a five-year chapter, "过去一年…", keeps its full match)
        if len(years) >= STRETCH_YEARS and years == list(range(years[0], years[-1] + 1)):
            whole = held / len(years)
        else:
            whole = explicit.astype(np.float32)
        match = whole + 0.5 * (self._implicit & covering & ~explicit)
        off = (~explicit & ~covering) if res.covering else np.zeros(n, bool)
        return match, off

    def stance_scores(self, res: Resolution) -> np.ndarray | None:
        """+1 where a passage's stance is the one the question asks for, -1 where opposite.

        Only for a question that names a year: the stance tells the review of that year from
        the plan for it; without a year, "提出了什么要求" is as often answered by a record of
        a meeting (which looks back) as by a plan."""
        if not res.stance or not res.years:
            return None
        want = 1 if res.stance == "review" else -1
        return (self._stance * want).astype(np.float32)
