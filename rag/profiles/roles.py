"""A table of official titles, and the questions that name them in Chinese or in English.

A profile supplies the rows (`Role`); this module only matches them: Chinese titles longest
first (市委书记 wins over 书记, 副市长 is not 市长), English names on word boundaries with the
longest name winning (deputy mayor is not also mayor). A generic English name ("party
secretary") means the title of the place the question names, when it names one.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

LEVELS = ("national", "province", "city", "county", "township", "village")


@dataclass(frozen=True)
class Role:
    title: str                      # 市委书记
    level: str | None               # one of LEVELS; None: a title used at any level (书记, 主任)
    unit: str = ""                  # the unit it heads or serves: 国家, 省, 市, 区, 镇, 村...; "" for any
    post: str = ""                  # party_secretary, head, deputy_head, ... (shared across levels)
    english: tuple[str, ...] = ()   # lowercase ways a user names this very title
    holder: bool = True             # "title + name" names one person (市长张三); not 市领导, 书记
    same_as: str = ""               # the usual form of a longer title (国务院总理 -> 总理)

    @property
    def deputy(self) -> bool:
        return "副" in self.title


class RoleTable:
    """Every title of a profile, with the lookups the core needs."""

    def __init__(self, roles: Iterable[Role], generic_english: dict[str, Sequence[str]],
                 default_units: Sequence[str], unit_of_place: Callable[[str], list[str]] | None = None):
        self.roles: tuple[Role, ...] = tuple(dict((r.title, r) for r in roles).values())
        self.by_title = {r.title: r for r in self.roles}
        # post -> English names that mean "that post, at whatever level the question is about"
        self.generic_english = {p: tuple(e) for p, e in generic_english.items()}
        self.default_units = tuple(default_units)
        # English question -> units of the places it names (["市"] for a city); optional
        self.units_named = unit_of_place or (lambda question: [])

    # ------------------------------------------------------------ Chinese
    @functools.cached_property
    def titles(self) -> tuple[str, ...]:
        """All titles, longest first."""
        return tuple(sorted(self.by_title, key=len, reverse=True))

    @functools.cached_property
    def holder_titles(self) -> tuple[str, ...]:
        return tuple(t for t in self.titles if self.by_title[t].holder)

    @functools.cached_property
    def title_regex(self) -> re.Pattern:
        """Any title (longest first)."""
        return re.compile("|".join(map(re.escape, self.titles)))

    @functools.cached_property
    def holder_regex(self) -> re.Pattern:
        """A title held by one person, or a chain of them ("市委书记、市长"), with the
        spaces that may stand before the name ("国务院总理 李克强")."""
        one = "|".join(map(re.escape, self.holder_titles))
        return re.compile(rf"(?:{one})(?:、[\u4e00-\u9fff]{{0,8}}?(?:{one}))*[ \u3000]*")

    @functools.cached_property
    def holder_only_regex(self) -> re.Pattern:
        return re.compile("|".join(map(re.escape, self.holder_titles)))

    @functools.cached_property
    def endings(self) -> tuple[str, ...]:
        """The words every title ends with (书记, 市长, 主任, 总理...), longest first: for
        patterns that allow any prefix ("<unit><body>书记 <name>" bylines)."""
        words = [t for t in self.titles if self.by_title[t].post not in ("leaders", "standing_member")]
        return tuple(t for t in words if not any(o != t and t.endswith(o) for o in words))

    @functools.cached_property
    def deputy_bases(self) -> frozenset[str]:
        """Titles whose deputy is 副 + the title (市长/副市长, 主任/副主任): another person."""
        return frozenset(t for t in self.titles if "副" + t in self.by_title)

    def usual(self, title: str) -> list[str]:
        """The title and the usual form it stands for: [国务院总理, 总理]; [市长]."""
        r = self.by_title.get(title)
        return [title, r.same_as] if r and r.same_as else [title]

    def titles_in(self, text: str) -> list[str]:
        """Chinese titles in a text, in order, without the shorter ones inside them."""
        return list(dict.fromkeys(self.title_regex.findall(text)))

    # ------------------------------------------------------------ English
    @functools.cached_property
    def _english(self) -> tuple[list[tuple[str, tuple[str, ...]]], re.Pattern]:
        """(English name -> titles or "post:<post>"), and one regex over all names."""
        names: dict[str, list[str]] = {}
        for r in self.roles:
            for en in r.english:
                names.setdefault(_norm(en), []).append(r.title)
        for post, ens in self.generic_english.items():
            for en in ens:
                names.setdefault(_norm(en), []).append("post:" + post)
        order = sorted(names, key=len, reverse=True)
        rx = re.compile(r"\b(?:" + "|".join(map(re.escape, order)) + r")\b")
        return [(n, tuple(dict.fromkeys(names[n]))) for n in order], rx

    @functools.cached_property
    def _english_lookup(self) -> dict[str, tuple[str, ...]]:
        return dict(self._english[0])

    @functools.cached_property
    def english_regex(self) -> re.Pattern:
        """Any English role name, case-insensitive, longest first (for rewriting follow-ups)."""
        names = [n for n, _ in self._english[0]]
        alt = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in names)
        return re.compile(r"(?i:\b(?:the\s+)?(?:" + alt + r"))\b")

    def english_names(self) -> dict[str, tuple[str, ...]]:
        """English name -> Chinese titles, for a glossary: a title with the other titles of
        its post and unit (村党支部书记, 村支书), a generic name with the default units' titles
        and the any-level ones ("party secretary" -> 市委书记 区委书记 县委书记 书记...)."""
        out = {}
        for name, targets in self._english[0]:
            titles = [t for x in targets for t in self._resolve(x, (), holders_only=False)]
            out[name] = tuple(dict.fromkeys(a for t in titles for a in self.same_post(t)))
        return out

    @functools.cached_property
    def generic_names(self) -> dict[str, str]:
        """Generic English name -> post ("party secretary" -> "party_secretary")."""
        return {_norm(n): p for p, names in self.generic_english.items() for n in names}

    @functools.cached_property
    def generic_keys(self) -> dict[tuple[str, ...], str]:
        """Generic names as stemmed glossary keys -> post (to resolve them in context)."""
        from .phrases import stem, words
        return {tuple(stem(w) for w in words(n)): p for n, p in self.generic_names.items()}

    def in_context(self, post: str, question: str) -> list[str] | None:
        """Titles of a post at the units the question names, with their other titles
        (None when it names none: the default units' titles stand)."""
        units = self.units_named(question)
        if not units:
            return None
        titles = self.of_post(post, units, holders_only=False)
        return list(dict.fromkeys(a for t in titles for a in self.same_post(t)))

    def same_post(self, title: str) -> list[str]:
        """The title, then the other titles of its post at its unit (村党支部书记 -> 村支书)."""
        r = self.by_title[title]
        if not r.unit:
            return [title]
        return [title] + [o.title for o in self.roles
                          if o.unit == r.unit and o.post == r.post and o.title != title]

    def of_post(self, post: str, units: Sequence[str] = (), holders_only: bool = True) -> list[str]:
        """Titles of a post at the given units (the default ones if none), then its any-level
        titles (only those naming one person, unless `holders_only` is False)."""
        units = list(units) or list(self.default_units)
        out = [r.title for u in units for r in self.roles if r.post == post and r.unit == u]
        out += [r.title for r in self.roles if r.post == post and r.level is None
                and (r.holder or not holders_only)]
        return list(dict.fromkeys(out))

    def _resolve(self, target: str, units: Sequence[str], holders_only: bool = True) -> list[str]:
        if target.startswith("post:"):
            return self.of_post(target[5:], units, holders_only)
        return [target]

    def roles_in(self, question: str) -> list[str]:
        """Chinese titles a question names, in Chinese or in English, in question order."""
        return list(dict.fromkeys(t for group in self.role_groups(question) for t in group))

    def role_groups(self, question: str) -> list[list[str]]:
        """The same, one list per title the question writes: an English post read at several
        units ("Party secretary" in a question naming a district and a city) gives its
        alternatives together, of which one person is meant."""
        out = [[t] for t in self.titles_in(question)]
        seen = {t for g in out for t in g}
        lookup, rx = self._english_lookup, self._english[1]
        units: list[str] | None = None
        # one alternation, longest name first: "deputy mayor" is read whole, never as "mayor"
        for m in rx.finditer(_norm(question)):
            group: list[str] = []
            for target in lookup[m.group(0)]:
                if target.startswith("post:") and units is None:
                    units = self.units_named(question)
                group += [t for t in self._resolve(target, units or ()) if t not in seen and t not in group]
            if group:
                out.append(group)
                seen.update(group)
        return out


def _norm(text: str) -> str:
    """Lowercase, hyphens as spaces, one space, curly apostrophes straight: "Vice-Mayor" ->
    "vice mayor", "people’s" -> "people's"."""
    return re.sub(r"[\s\-‐–]+", " ", text.lower().replace("’", "'")).strip()
