"""How a speaker shows in a sentence's text, for the rules (rules.py) and the suggester: the pattern
pieces of a capitalised name and of the adverbs between a subject and its speech verb, a name at the
start of a phrase, a sentence that is only a quotation, and a pronoun that speaks."""

from __future__ import annotations

import re
from functools import lru_cache

from annotator.core.pattern_cache import compile_re

CAP = r"(?:[A-Z][\w'’&.-]*+|al-[A-Z]?\w+|\d++\w*+)"
NAME = (rf"(?:{CAP}(?:\s+(?:of|for|and|de|da|dos|das|di|del|della|al|bin|ibn|&|du|von|van)(?:\s+the)?\s+{CAP}|"
        rf"\s+the\s+{CAP}|\s+{CAP}){{0,7}})")
ADVERBS = r"(?:(?:also|further|later|previously|earlier|repeatedly|then|has|have|had|would|will|publicly|" \
           r"privately|again|first|recently|reportedly|separately|quickly|sharply|strongly|flatly|firmly|openly|" \
           r"immediately|swiftly|angrily|already|specifically|particularly|explicitly|formally|officially|" \
           r"personally|directly|initially|subsequently|ultimately|eventually|finally|simply|clearly|often|once|" \
           r"never|always|bluntly|candidly|forcefully|vehemently|emphatically|categorically|quietly|proudly|" \
           r"consistently|frequently|went\s+on\s+to|(?:is|are|was|were)(?=\s+\w+ing\b)|" \
           r"(?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|" \
           r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:this|that)\s+week)\s+){0,3}"  # "The
# Pentagon on Tuesday denied", "Parnell late Friday said": a time between speaker and verb
QUOTED_AS = r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+quoted\s+as\s+)?"
QUOTE_OPEN = "“‘\""
NOBODY = r"(?:No|Nobody|None|No\s+one)\b"  # a negated subject: "No group has claimed responsibility"
_DESCRIBED = (r"(?:official|source|spokesperson|spokesman|spokeswoman|person|insider|senator|minister|lawmaker|"
              r"diplomat|aide|officer|expert|analyst|researcher|scientist|professor|author|mayor|governor|"
              r"president|secretary|ambassador|commander|general|lawyer|prosecutor|judge|witness|resident|"
              r"campaigner|activist|blogger|economist|director|chairman|chairwoman|leader|envoy|adviser|"
              r"advisor|employee|executive|chief|representative|congressman|congresswoman|candidate|nominee|premier|"
              r"chancellor|pope|pontiff|king|queen|prince|princess|monarch|emperor|cardinal|bishop|archbishop|"
              r"rabbi|imam|cleric|priest|pastor|coach|captain|founder|owner|official's\s+aide|statement|manager|"
              r"strategist|pollster|consultant|attorney|counsel|sheriff|commissioner)")


_LEADING_NAME = compile_re(rf"(?:the\s+)?(?:[a-z][\w'’-]*\s+){{0,2}}{NAME}")


def leading_name(phrase: str) -> str:
    """The capitalised stretch a phrase starts with ("Defense Secretary Pete Hegseth" of a longer one)."""
    match = _LEADING_NAME.match(phrase)
    return match.group(0) if match else ""


# What comes before a speech verb in each frame below; each compiled once with the lexicon's verbs.
_REFERRED = _DESCRIBED[:-1] + r"|people)"  # "…, the people said": referred back to, though no role
_DESCRIBED_HEAD = (r"(?:^|[,;:–—]\s*|[”’\"],?\s+)[Tt]he\s+(?:[a-z\d][\w-]*\s+){0,2}?" + _REFERRED + r"\s+"
                   + ADVERBS)
# a connective may open a sentence before the speaker it takes up: "But he said", "And the official added"
_CONNECTIVE = r"(?:(?:But|And|Yet|So|Still|Now|Then|However|Later|Instead|Meanwhile),?\s+)?"
_ROLE_HEAD = (r"(?:^\s*" + _CONNECTIVE + r"|[”’\"],?\s+|,\s+)(?:[Tt]he|[A-Z][\w.-]*['’]s)\s+(?:[\w-]+\s+){0,2}?"
              + r"(?P<role>" + _REFERRED + r")(?P<many>s?)\s+" + ADVERBS)
_PEOPLE = compile_re(r"\bpeople\b")
_PRONOUN_HEAD = r"(?:^|[,;:–—]\s*|[”’\"],?\s+)(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+" + ADVERBS
_IT_HEAD = r"\s*" + _CONNECTIVE + r"[Ii]t\s+" + ADVERBS
_PERSON_HEAD = r"(?:He|She|he|she)\s+" + ADVERBS


@lru_cache(maxsize=32)
def _with_verb(head: str, speech: re.Pattern[str]) -> re.Pattern[str]:
    """A frame's head followed by the speech verbs, compiled once (the verbs' pattern is long: building
    and hashing it again for every sentence cost more than the matching)."""
    return compile_re(head + speech.pattern)


def is_quote_only(text: str) -> bool:
    """A sentence that is a quotation with no speaker of its own."""
    stripped = text.strip()
    return stripped[:1] in QUOTE_OPEN


def compile_frames(speech: re.Pattern[str]) -> None:
    """Compile the frames that hang on the speech verbs now rather than at their first sentence."""
    for head in (_DESCRIBED_HEAD, _ROLE_HEAD, _PRONOUN_HEAD, _IT_HEAD, _PERSON_HEAD):
        _with_verb(head, speech)


def described_speaks(text: str, speech: re.Pattern[str]) -> bool:
    """ "The official added", "the source explained", "the senator also said": a speaker described
    before, referred back to by a definite description."""
    return any(_referred(m, text) for m in _with_verb(_DESCRIBED_HEAD, speech).finditer(text))


def _referred(match: re.Match[str], text: str) -> bool:
    """ "the people" refer back only after what they said, closing the sentence (", the people said."):
    elsewhere "the people" are a nation's ("In the referendum, the people said no", "The people say")."""
    return not _PEOPLE.search(match.group(0)) or not text[match.end():].strip(" .!?”’\"")


_UNNAMED_ROLES = {"official": "anonymous_official", "source": "anonymous_other", "person": "anonymous_other",
                  "people": "anonymous_other",
                  "insider": "anonymous_other", "spokesperson": "anonymous_official",
                  "spokesman": "anonymous_official", "spokeswoman": "anonymous_official",
                  "diplomat": "anonymous_official", "aide": "anonymous_official", "officer": "anonymous_official",
                  "expert": "anonymous_other", "analyst": "anonymous_other", "witness": "anonymous_other",
                  "resident": "anonymous_other", "employee": "anonymous_other", "researcher": "anonymous_other",
                  "scientist": "anonymous_other", "campaigner": "anonymous_other", "activist": "anonymous_other",
                  "blogger": "anonymous_other", "economist": "anonymous_other", "envoy": "anonymous_official",
                  "adviser": "anonymous_official", "advisor": "anonymous_official"}


_NOT_OFFICIAL = frozenset({"professor", "author", "lawyer", "witness", "resident", "campaigner", "activist", "blogger",
                           "economist", "leader", "employee", "executive", "candidate", "nominee", "director",
                           "chairman", "chairwoman", "chief", "researcher", "scientist", "expert", "analyst"})


def described_role(text: str, speech: re.Pattern[str]) -> tuple[str, str]:
    """ "The governor vowed …" at a sentence's start, or '“…,” the statement added': (the words, the
    category) of a speaker referred to by a role. A role held by one person ("the governor", "the
    senator") or a statement names someone given before: on-record; a role many hold ("the official",
    "the source") stays unnamed. ("", "") when none."""
    match = next((m for m in _with_verb(_ROLE_HEAD, speech).finditer(text) if _referred(m, text)), None)
    if match is None:
        return "", ""
    role = match.group("role")
    if match.group("many"):  # "The workshop leaders explained": several people, none named
        official = _UNNAMED_ROLES.get(role) == "anonymous_official" or role not in _UNNAMED_ROLES
        group = "anonymous_official" if official and role not in _NOT_OFFICIAL else "anonymous_other"
        return match.group(0).strip(), group
    return match.group(0).strip(), _UNNAMED_ROLES.get(role, "on_record")


_ROLE_WORD = compile_re(rf"\b{_DESCRIBED}\b", re.IGNORECASE)


def role_of(cue: str) -> str:
    """The role noun in a described speaker's words ("senator" of "The senator also said"), or ""."""
    match = _ROLE_WORD.search(cue)
    return match.group(0).lower() if match else ""


RANKS = frozenset({"chief", "director", "leader", "commander", "executive", "chairman", "chairwoman",
                   "representative"})  # a role word that may stand for another title ("the police chief")
_TITLE_FORMS = {"sen.": "senator", "gov.": "governor", "rep.": "representative", "gen.": "general",
                "pres.": "president", "pope": "pontiff", "archbishop": "bishop", "premier": "prime minister"}


_BODY_END = compile_re(r"(?i)\b(?:committee|ministry|department|agency|office|council|commission|court|police|army|"
                       r"government|company|corporation|inc|party|union|association|organi[sz]ation|foundation|"
                       r"institute|university|center|centre|bank|group|administration|service|board)\.?$")


_TITLE_WORDS = compile_re(r"[\w.]+")


def may_be_titled(role: str, source: str, cue: str = "") -> bool:
    """Whether "the ROLE" may take up the speaker named `source` ("Ted Cruz, Sen." for "the senator"): yes
    unless the source holds another title ("Father Maurice, Catholic priest" is no pontiff) or the cue
    qualifies the role in words the source's title lacks ("the foreign secretary" is not "John Healey,
    shadow defence secretary"); a rank ("the chief") may stand for any title."""
    if role in RANKS:
        return True
    words = [_TITLE_FORMS.get(w, w) for w in _TITLE_WORDS.findall(source.lower())]
    titles = {w for w in words if _ROLE_WORD.fullmatch(w)}
    if not titles and _BODY_END.search(source.split(",")[0]):
        return False  # "the minister" is no "Senate Intelligence Committee"
    if titles and _TITLE_FORMS.get(role, role) in titles:
        qualifier = re.search(rf"\b(?:the|a|an|its|their|his|her)\s+((?:[a-z][\w-]*\s+){{1,2}}){re.escape(role)}\b",
                              cue.lower())
        return qualifier is None or all(w in words for w in qualifier.group(1).split())
    return not titles


def pronoun_speaks(text: str, speech: re.Pattern[str]) -> bool:
    """ "He said", "She also noted", "They added", '"…," she said', "She continues:": a speaker named before."""
    return bool(_with_verb(_PRONOUN_HEAD, speech).search(text)) or bool(_GOES_ON.match(text))


def body_speaks(text: str, speech: re.Pattern[str]) -> str:
    """ "It said …" opening a sentence: a body named before speaks; the words that say so, or ""."""
    match = _with_verb(_IT_HEAD, speech).match(text)
    return match.group(0).strip() if match else ""


_SPEAKER_OPENS = compile_re(rf"(?:^\s*{_CONNECTIVE}|[”’\"],?\s+)$")


def person_speaks(text: str, speech: re.Pattern[str]) -> str:
    """ "He said …", "She later told …": a person (he or she, not "they" or "it", which may be a body or
    a group) speaks, named somewhere before; the words that say so, or ""."""
    match = _with_verb(_PERSON_HEAD, speech).search(text)
    if match is None or not _SPEAKER_OPENS.search(text[: match.start()]):
        return ""
    return match.group(0)


_GOES_ON = compile_re(r"\s*(?:He|She|They)\s+(?:then\s+)?(?:continues|continued|goes\s+on|went\s+on)\b[^.]{0,20}:\s*$")
