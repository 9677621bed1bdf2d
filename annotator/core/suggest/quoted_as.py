"""An outlet quoting someone "as saying": "GovExec.com quotes a “Senate aide” as saying", "The Guardian
quoted Defense Minister Anna Berg as saying". The quoter is another outlet's report (a news site's
domain counts as an outlet); who it quotes is named or unnamed as the words say (the guidelines: a
speaker quoted through a named outlet is the speaker's category plus the outlet's report).
"""

from __future__ import annotations

import re

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.hit import Hit
from annotator.core.suggest.responses import RulesView

_DOMAIN = compile_re(r"[A-Z][\w-]*\.(?:com|net|co\.uk|com\.au)")
_QUOTES_AS = compile_re(r"(?P<quoter>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s+(?:quotes|quoted|cites|cited)\s+"
                        r"(?P<quoted>[^,;:]{2,80}?)\s+as\s+(?:saying|stating|telling|writing)\b")


_QUOTE_MARKS = compile_re(r"[“”\"]")


def quoted_as_saying(text: str, rules: RulesView) -> list[Hit]:
    """The quoting outlet's report and who it quotes."""
    match = _QUOTES_AS.search(text) if " as " in text else None
    if match is None:
        return []
    out = []
    quoter = match.group("quoter")
    if _DOMAIN.fullmatch(quoter) or rules.classify(quoter) == "other_outlet":
        out.append(Hit("other_outlet", match.group(0), 0.85, sources.clean(quoter)))
    quoted = _QUOTE_MARKS.sub("", match.group("quoted")).strip(" '")
    if rules.unnamed_re.search(quoted):
        kind = "anonymous_official" if rules._is_official(quoted) else "anonymous_other"
        out.append(Hit(kind, match.group(0), 0.85, sources.described(quoted)))
    elif quoted[:1].isupper() and rules.classify(quoted) == "on_record":
        out.append(Hit("on_record", match.group(0), 0.85, sources.name_with_title(quoted)))
    return out
