"""Who answers without a speech verb of their own: a response ("the Pentagon declined to comment",
"CISA chimed in to deny", "Cyber Command directed questions to the Pentagon", "Taleban insurgents
claimed responsibility") and the agent of a passive speech verb ("the claims were denied by officials",
"this has been disputed by Iran"), and who made a statement or pledge ("a pledge made recently by the
government of Japan").

By the coding guidelines a response counts as the responder's statement, while newsroom process
("did not respond", "was contacted for comment") gets no category: there is no frame for it here.
"""

from __future__ import annotations

import re
from typing import Protocol

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.hit import Hit
from annotator.core.suggest.roles import ARMED
from annotator.core.suggest.speakers import NAME, NOBODY, leading_name

_RESPONSE = compile_re(
    r"(?:\b(?:has|have|had)\s+)?(?:\b(?:declined|refused|was\s+unable|were\s+unable|would\s+not|did\s+not\s+wish)"
    r"\s+to\s+(?:immediately\s+)?(?:comment|confirm|deny|discuss|elaborate|answer|say)"
    r"|\bchimed\s+in\s+to\s+(?:deny|confirm|dispute|reject)"
    r"|\b(?:directed|referred|redirected)\s+(?:questions|inquiries|queries|reporters|requests\s+for\s+comment)\s+to"
    r"|\bhad\s+no\s+(?:immediate\s+)?comment"
    r"|\b(?:(?:are|is|were|was)\s+said\s+to\s+have\s+)?claimed\s+responsibility"
    r"|\b(?:did\s+not|would\s+not|declined\s+to)\s+(?:offer|give|provide)\s+(?:any\s+)?(?:further\s+)?"
    r"(?:details|specifics)"
    r"|\b(?:pushed|pushes|push)\s+back\s+(?:on|against)|\b(?:hit|hits|fired|fires|shot)\s+back\s+at)\b")
_RESPONSE_WORDS = ("declin", "refus", "unable", "would", "did", "chimed", "directed", "referred", "had", "claimed",
                   "push", "back")  # every response frame holds one of them (single words: any space may follow)
_SUBJECT = compile_re(
    rf"(?P<subj>(?:\b[Tt]he\s+|\b[Aa]n?\s+)?(?:[A-Za-z][\w.'’-]*\s+){{0,5}}?{NAME}|"
    r"\b(?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ultiple|[Bb]oth|"  # "Two officials"
    r"[A-Z][\w.-]*['’]s)\s+(?:[\w'’-]+\s+){0,4}?[a-z][\w-]+|"  # "Hegseth's office"
    rf"\b[A-Z][\w'’-]+\s+(?:{ARMED}))(?:\s+\([A-Z][\w.&-]{{1,12}}\))?\s*,?\s*$")  # "… Agency (CISA)"
_PASSIVE = compile_re(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:(?:further|also|since|later|"
    r"strongly|flatly|publicly|repeatedly)\s+)?(?P<verb>denied|disputed|rejected|confirmed|contested|"
    r"emphasi[sz]ed|stressed|challenged|refuted|questioned|critici[sz]ed|condemned|dismissed|echoed|"
    r"acknowledged|announced|described|characteri[sz]ed|welcomed|praised|hailed|applauded|slammed|decried|"
    r"denounced|lauded)\s+by\s+(?P<agent>[^,;.:“”\"]{2,80})")


_MADE_BY = compile_re(
    r"(?i:\b(?:statement|pledge|promise|announcement|remarks|comments|warning|claims?|accusations?|apology|appeal|"
    r"threat|denial)s?\s+(?:\w+\s+){0,2}?(?:made|issued|given|offered|delivered|released)\s+(?:\w+ly\s+)?by)\s+"
    r"(?P<agent>[^,;.:“”\"]{2,80})")


class RulesView(Protocol):
    """What the frames here ask of the sentence rules (rules.Rules)."""

    unnamed_re: re.Pattern[str]

    def classify(self, phrase: str) -> str | None: ...

    def _is_official(self, phrase: str) -> bool: ...

_RELATIVE_END = compile_re(r",\s+(?:which|who)\s+[^,;“”\"]{2,80},\s*$")

def response_hits(text: str, rules: RulesView) -> list[Hit]:
    """The responder of "X declined to comment", the agent of "denied by X" and who made a pledge."""
    out = []
    responds = any(word in text for word in _RESPONSE_WORDS)  # the frames are read only where they may be
    for match in (_RESPONSE.finditer(text) if responds else ()):
        subject = _SUBJECT.search(_RELATIVE_END.sub("", text[: match.start()]))  # "Cyber Command, which is
        # led by Gen. Timothy Haugh, declined": the command
        if subject is None:
            continue
        hit = _speaker(subject.group("subj"), rules, subject.group(0).strip() + " " + match.group(0), 0.8)
        if hit is not None:
            out.append(hit)
    for pattern, confidence in ((_MADE_BY, 0.75), (_PASSIVE, 0.8)) if "by" in text.lower() else ():
        for match in pattern.finditer(text):  # "a pledge made by …", "denied by …"
            hit = _speaker(match.group("agent"), rules, match.group(0), confidence)
            if hit is not None:
                out.append(hit)
    return out


_NOBODY = compile_re(NOBODY, re.IGNORECASE)
_COUNTED = compile_re(r"(?i:two|three|four|several|some|many|multiple|both)\s")
_NAMED_ARMED = compile_re(rf"[A-Z][\w'’-]+\s+(?:{ARMED})")


def _speaker(phrase: str, rules: RulesView, cue: str, confidence: float) -> Hit | None:
    phrase = phrase.strip()
    if _NOBODY.match(phrase):  # "No group has claimed responsibility"
        return None
    armed = _NAMED_ARMED.fullmatch(phrase)
    if armed:  # "Taleban insurgents claimed responsibility": a party to the conflict speaking as itself
        return Hit("on_record", cue, confidence, phrase)
    unnamed = rules.unnamed_re.match(phrase)
    if unnamed:
        kind = "anonymous_official" if rules._is_official(unnamed.group(0)) else "anonymous_other"
        return Hit(kind, cue, confidence, sources.described(unnamed.group(0)))  # "a Pentagon spokesperson"
    if _COUNTED.match(phrase):  # "Both companies declined": counted, so no name; not an unnamed source either
        return None
    owned = _OWNED.fullmatch(phrase)
    if owned and owned.group("head") in _INSTITUTION_HEADS:  # "Hegseth's office": the office speaking as itself
        return Hit("on_record", cue, confidence, phrase)
    words = phrase.split()
    if words and words[0].lower() in {"the", "a", "an"} and not any(w[:1].isupper() for w in words[1:]):
        head = words[-1].lower().strip(".,")
        if head in _INSTITUTION_HEADS:  # "the company declined": an institution speaking as itself
            return Hit("on_record", cue, confidence, "")
        if rules._is_official(phrase):
            return Hit("anonymous_official", cue, confidence, "")
        return None
    titled = sources.name_with_title(sources.clean(phrase))
    if ", " in titled and _TITLED_PERSON.search(phrase):  # "White House press secretary Karoline Leavitt"
        return Hit("on_record", cue, confidence, titled)
    name = leading_name(phrase)
    kind = rules.classify(name) if name else None
    if kind is None:
        return None
    source = sources.clean(name)
    return Hit(kind, cue, confidence, sources.name_with_title(source) if kind == "on_record" else source)


_TITLED_PERSON = compile_re(r"\b[a-z]+\s+[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}$")  # "… secretary Karoline Leavitt"
_OWNED = compile_re(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][\w-]+)")
_INSTITUTION_HEADS = frozenset("""
company firm ministry department government agency office campaign party club league union council
commission committee embassy administration military army police court university hospital school
bank airline group organisation organization foundation association federation board authority
""".split())
