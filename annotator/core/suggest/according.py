"""Sources named after "according to", "per", "citing", "as confirmed by": unnamed people or officials,
a post, unnamed reports, a document, or whoever the name is ("according to today's Washington Post",
"according to Defense Secretary Pete Hegseth").
"""

from __future__ import annotations

import re
from typing import Protocol

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.hit import Hit
from annotator.core.suggest.kinds import SURVEY_BODIES, SourceKinds, in_body_name
from annotator.core.suggest.outlet_names import OutletNames
from annotator.core.suggest.posts import PostFrames
from annotator.core.suggest.speakers import leading_name

_ACCORDING = compile_re(
    r"\b(?:according\s+to|per|as\s+confirmed\s+by|confirmed\s+by|cited\s+by|quoted\s+by|citing)\s+"
    r"(?P<obj>(?:[^,;.“”]|(?-i:(?<=\b[A-Z])\.)){2,90})", re.IGNORECASE)  # a period only in "U.S."


_UNNAMED_REPORTS = compile_re(
    r"(?i)(?:multiple|several|many|some|various|numerous|other|a\s+number\s+of|two|three|four|five|\d+)\s+"
    r"(?:[\w.'’-]+\s+){0,2}?(?:outlets?|media|news\s+(?:outlets|organi[sz]ations|sites|reports)|reports|"
    r"publications|newspapers|broadcasters|news\s+agencies)\b")


_OBJECT_OF = compile_re(r"(?i)\b(?:on|about|with|to|for|by|at|over|into|against)\s+(?:\S+\s+){0,3}?\S+$")


class RulesView(Protocol):
    """What the frame asks of the sentence rules (rules.Rules)."""

    unnamed_re: re.Pattern[str]
    outlet_re: re.Pattern[str]
    outlet_names: OutletNames
    posts: PostFrames
    kinds: SourceKinds

    def classify(self, phrase: str) -> str | None: ...

    def _is_official(self, phrase: str) -> bool: ...


_BEFORE_CAPITAL = compile_re(r"\s+(?=[A-Z])")
_REPORTS = compile_re(r"(?i)(?:media\s+|news\s+|press\s+)?reports?\b")
_CAPITAL_NEXT = compile_re(r"\s+[A-Z]")
_LOWER_POSSESSIVE = compile_re(r"^[a-z]+['’]s\s+")


def according_hits(text: str, rules: RulesView) -> list[Hit]:
    """Who or what each "according to" frame of the sentence names, by kind."""
    out = []
    for match in _ACCORDING.finditer(text):
        obj = match.group("obj").strip()
        # "according to official sources Brazil and …": the sources, not the clause after them
        lead = _BEFORE_CAPITAL.split(obj, maxsplit=1)[0] if obj[:1].islower() else obj
        unnamed = rules.unnamed_re.match(lead) or rules.unnamed_re.match(obj)  # "citing two U.S. officials"
        if unnamed:
            kind = "anonymous_official" if rules._is_official(unnamed.group(0)) else "anonymous_other"
            out.append(Hit(kind, match.group(0).split(unnamed.group(0))[0] + unnamed.group(0), 0.85,
                           sources.described(unnamed.group(0))))
            continue
        if rules.posts.word_re.search(obj) or rules.kinds.platform_lead.match(obj):
            out.append(Hit("social_post", match.group(0), 0.85))
            continue
        if _REPORTS.match(obj) or _UNNAMED_REPORTS.match(obj):
            # no outlet named: "according to reports", "according to multiple U.S. outlets"
            out.append(Hit("anonymous_other", match.group(0), 0.85))
            continue
        head = rules.kinds.doc_head.match(obj)
        if head and _OBJECT_OF.search(obj[: head.end()]):  # "people briefed on the decision": people, no document
            head = None
        if head and in_body_name(obj, head.end() - len(head.group(0).split()[-1])):  # "the Bureau of Labor
            head = None  # Statistics": a body's name
        if head and not rules.outlet_re.match(obj) and not _CAPITAL_NEXT.match(obj[head.end():]) and (
                not SURVEY_BODIES.search(obj[: head.end()])):
            # "according to the report"; "the Congressional Budget Office" is a body speaking
            out.append(Hit("document", match.group(0), 0.85))
            continue
        named = rules.outlet_names.kind_named_re.match(obj)
        if named and named.group("outlet").split()[0].lower().strip(".") not in sources.ROLE_NOUNS:
            # "according to state news agency TASS": the outlet by its name ("… station manager X": a title)
            out.append(Hit("other_outlet", match.group(0), 0.9, sources.clean(named.group("outlet"))))
            continue
        leading = leading_name(_LOWER_POSSESSIVE.sub("", obj))  # "today's Washington Post"
        kind = rules.classify(leading) if leading else None
        if kind:
            source = sources.clean(leading)
            out.append(Hit(kind, match.group(0), 0.9 if kind != "on_record" else 0.85,
                           sources.name_with_title(source) if kind == "on_record" else source))
    return out
