"""How the text describes an unnamed source, beyond its head noun: whose it is ("Johnson's supporters"),
what it knows of ("a person familiar with the negotiations"), and whether the anonymity a sentence
grants is that group's ("A Pentagon official, who spoke on the condition of anonymity, …"), and who is
unnamed when someone met before is referred to with "the" and the sentence states their anonymity
("The blogger, who asked not to be named, said"). The guidelines want the description whole, never a
fragment ("s supporters", "A person").
"""

from __future__ import annotations

import re

from annotator.core.pattern_cache import compile_re

_OWNER = compile_re(r"(?:\b[Tt]he\s+)?\b[\w.-]+['’]s\s+$")
_KNOWING = compile_re(  # what an unnamed source knows of, up to a comma or its verb
    r"\s+(?:who\s+(?:is|are|was|were)\s+)?(?:familiar\s+with|briefed\s+on|close\s+to|involved\s+in|"
    r"knowledgeable\s+about|aware\s+of|with\s+(?:direct\s+|first-?hand\s+)?knowledge\s+of)\s+"
    r"[^,;:“”\"()]{2,60}?(?=\s*+,|\s++(?:said|say|says|told|tell|tells|confirmed|added|described|according)\b"
    r"|\s*+[.!?]?\s*+$)")
_KNOWING_HEAD = compile_re(r"(?:[Pp]eople|[Pp]ersons|[Ss]ources|[Ii]nsiders)\b")
_ITS_ANONYMITY = compile_re(  # "These officials were all speaking on", "A Pentagon official, who spoke on the"
    r"\s*,?\s*(?:(?:who|that)\s+)?(?:(?:\w+\s+){0,2}?(?:spoke|speaking|talking|talked|asked|requested|requesting|"
    r"asking|granted|was|were|are|is)\s+)?(?:on\s+)?(?:the\s+)?$")


def owner(text: str, group: re.Match[str]) -> str:
    """Whose the unnamed group is, as the text says it right before: "Johnson's " of "Johnson's supporters"."""
    found = _OWNER.search(text, max(0, group.start() - 40), group.start())
    return found.group(0) if found else ""


def knowing(text: str, at: int) -> str:
    """What the unnamed source ending at `at` knows of: " familiar with the negotiations", or ""."""
    found = _KNOWING.match(text, at)
    return found.group(0) if found else ""


def knowing_people(text: str, at: int) -> str:
    """ "People familiar with the matter" when the text at `at` says so (a head too plain for the unnamed
    frames, described by what it knows), or ""."""
    head = _KNOWING_HEAD.match(text, at)
    known = knowing(text, head.end()) if head else ""
    return head.group(0) + known if known else ""


def anonymity_is_its(text: str, group: re.Match[str], cue: re.Match[str]) -> bool:
    """Whether the anonymity cue belongs to the unnamed group right before it ("These officials were all
    speaking on condition of anonymity"), not to someone named between ("one banker speaking on …")."""
    return _ITS_ANONYMITY.match(text, group.end(), cue.start()) is not None


ANONYMITY_CUE = compile_re(r"(?i)anonym|named|identif|\bname|authori[sz]ed")  # a cue that says someone is unnamed


def definite_pattern(heads: str) -> re.Pattern[str]:
    """ "The diplomat, speaking", "The senior aide, who spoke", "The blogger, who": an unnamed source
    referred to with "the" (`heads` its head nouns), right before the clause that states its anonymity."""
    return compile_re(rf"\b(?P<np>[Tt]he\s+(?:[\w.'’-]++\s+){{0,2}}?(?:{heads}))\s*,\s*"
                      rf"(?:(?:who|that)\s+(?:\w+\s+)?|speaking\s+|talking\s+)?$")


def definite(pattern: re.Pattern[str], text: str, cue: re.Match[str]) -> str:
    """Who the anonymity cue is about when it is someone referred to with "the" right before it
    ("The blogger" of "The blogger, who asked not to be named,"), or ""."""
    if not ANONYMITY_CUE.search(cue.group(0)):
        return ""
    found = pattern.search(text, max(0, cue.start() - 80), cue.start())
    return found.group("np") if found else ""
