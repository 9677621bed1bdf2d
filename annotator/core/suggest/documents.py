"""A document that says or finds something: "the study found", "a memo shows", "according to the
report", "in a new analysis", as the rules (rules.py) read it.

A document is no source where the sentence is about it ("the document was found"), where a speaker
acts on it and then speaks ("rejected the ruling and said"), where other outlets' reporting is meant
("reports indicate", "media reports"), where it is only named ("includes the trauma in the
analysis"), and where the words name a body ("the Congressional Budget Office", "the U.S. Geological
Survey says"; "a new Geological Survey study" is a document again).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.frames import alternation
from annotator.core.suggest.hit import Hit
from annotator.core.suggest.kinds import SURVEY_BODIES, in_body_name
from annotator.core.suggest.word_gate import WordGate

_BODY_AFTER = compile_re(r"\s+(?:Office|Bureau|Committee|Commission|Council|Agency|Service|Institute|Department|"
                         r"Administration|Board|Center|Centre)\b")


_DENIED = compile_re(r"\b(?:den(?:y|ies|ied)|disput\w*|reject\w*|dismiss\w*|confirm\w*|refut\w*)\s+"
                     r"(?:(?:a|an|the|earlier|recent|news|media|press)\s+)*$")
_WORKED_ON = compile_re(r"\b(?:review|examin|stud(?:y|i)|reject|dismiss|question|disput|challeng|critici[sz]|ignor|"
                        r"welcom)(?:e|es|ed|ing|s|ies|ied)?(?:\s+(?:the|a|an|its|their|his|her))?\s+$")


def acted_on(text: str, at: int) -> bool:
    """Whether the document named at `at` is what a speaker acts on ("said the company was reviewing the
    findings"), which relays nothing."""
    return _WORKED_ON.search(text, max(0, at - 30), at) is not None


_KNOWN_OF = compile_re(r"\b(?:familiar\s+with|briefed\s+on|knowledge\s+of|aware\s+of|involved\s+in|close\s+to)"
                       r"\s+(?:(?:the|a|an|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,2})?$")


def known_of(text: str, at: int) -> bool:
    """Whether the document named at `at` is what an unnamed source knows of ("people familiar with the
    report said"): they speak, the document does not."""
    return _KNOWN_OF.search(text, max(0, at - 40), at) is not None


_MODAL = compile_re(r"\b(?:will|would|could|might|may|should|must|shall|can)\s+(?:not\s+)?\w+\s*$")

_RANKED = compile_re(r"(?<=[Rr]anking)\s+(?:member|Democrat|Republican|officer)\b")  # a title, no ranking list
_OTHER_SPEAKER = compile_re(  # a comma, then the verb or another subject's ("…, said", "…, the people said")
    r",\s+(?P<subject>(?:(?:the|a|an|two|three|four|several|some|many|one|his|her|their|its|our)\s+|(?=[A-Z]))"
    r"(?:[\w.'’-]+\s+){0,3})?\w+$")
_ASIDE = compile_re(r"s?,")
_SPEAKER_NEXT = compile_re(
    r"\s+(?:the|a|an|one|two|three|four|several|some|many|his|her|their|its|[A-Z])[^,;:.“”\"]*")
_CLAUSE_VERB = compile_re(
    r"\b(?:is|are|was|were|had|has|have|will|would|could|can|did|does|do|should|may|might|must)\b")


def _speaker_next(text: str, at: int) -> bool:
    """ "…, said a person familiar with the plan": who said it follows the verb, a noun phrase with no verb
    of its own ("…, said the hackers were Russian" is what was said; "…, said emissions rose" too)."""
    found = _SPEAKER_NEXT.match(text, at)
    return found is not None and not _CLAUSE_VERB.search(found.group(0))


_PASSIVE_END = compile_re(r"\b(?:was|were|been|being|is|are|be)\s+\w+\s*$")
_THAT_NEXT = compile_re(r"s?\s+that\b")
_JOINED_NEXT = compile_re(r"s?\s+(?:and|but|or|then)\s+")
_IN_FROM_UNDER = compile_re(r"(?i)(?:in|from|under)\b")
_COUNTED_BEFORE = compile_re(r"(?i:\b(?:two|three|four|five|several|both|\d+)\s+(?:[\w-]+\s+)?)$")
_BY_BODY = compile_re(r"\s+(?:by|from|of)\s+(?:the\s+)?[A-Z]")
_REPORTS_NEXT = compile_re(r"\s+(?:has\s+|have\s+|had\s+)?(?:learned|learnt|found|revealed|reported|reports|"
                           r"understands|obtained|established|confirmed)\b")
_SPACES = compile_re(r"\s*")
_CLAUSE_REST = compile_re(r"[^,;:“”\"]{0,60},\s+")


class DocumentFrames:
    """The document frames of one lexicon's document nouns and verbs, compiled once."""

    def __init__(self, doc: str, document_nouns: list[str], media: str, document_verbs: list[str],
                 speech_re: re.Pattern[str], speech_or_frame: Callable[[str], bool],
                 outlet_re: re.Pattern[str]) -> None:
        self._outlet_re = outlet_re  # an outlet named
        self._speech_re = speech_re
        self._speech_or_frame = speech_or_frame  # the sentence has a speech verb or "according to"
        self._media_before = compile_re(rf"\b(?:{media}|news)\s*$")  # "media reports"
        self._gate = WordGate(document_nouns, plural=True)  # the frame names one, as a whole word
        self._frame = compile_re(
            rf"\b(?:(?:according\s+to|per|in|under|cited\s+in|from)\s+(?:a|an|the|its|their|his|her|"
            rf"this|that|new|recent)\s+(?:(?!(?:that|which|who)\s)[\w-]++\s+){{0,3}}?(?P<d1>{doc})\b"  # no clause
            rf"|(?P<d2>{doc})s?(?:,\s+[^,“”]{{2,80}},)?\s+(?:[\w,-]++\s+){{0,6}}?"
            rf"(?-i:{alternation(document_verbs, case=True)})\b)", re.IGNORECASE)  # "United States" states nothing

    def _outlet_next(self, text: str, at: int) -> bool:
        """Whether the clause after `at` ends and an outlet's name begins the next ("…, Wikinews has learned")."""
        rest = _CLAUSE_REST.match(text, at)
        outlet = self._outlet_re.match(text, rest.end()) if rest else None
        return outlet is not None and bool(_REPORTS_NEXT.match(text, outlet.end()) or self._speech_re.match(
            text, _SPACES.match(text, outlet.end()).end()))  # "… , The Washington Post said"

    def hits(self, text: str) -> list[Hit]:
        """The sentence's document source, or none."""
        if not self._gate.open(text):
            return []
        match = self._frame.search(text)
        for body in SURVEY_BODIES.finditer(text):  # "the U.S. Geological Survey says": a body speaking
            if match and body.start() <= match.start("d1" if match.group("d1") else "d2") < body.end():
                match = self._frame.search(text, body.end())
        while match and (in_body_name(text, match.start("d1" if match.group("d1") else "d2"))
                         or _RANKED.match(text, match.end("d1" if match.group("d1") else "d2"))):
            match = self._frame.search(text, match.end("d1" if match.group("d1") else "d2"))  # "the Institute for
            # the Study of War said": a body speaking; "the ranking member of the committee": a title
        if not match or sources.quoted(text, match.start()):  # "“… a budget that shows …,” the president said"
            return []
        noun = (match.group("d1") or match.group("d2") or "").lower()
        if match.group("d2") and known_of(text, match.start("d2")):
            return []  # "People familiar with the report said": what the speakers know of, no document speaking
        if match.group("d2") and _PASSIVE_END.search(match.group(0)):
            return []  # "the document was found": the document is what the sentence is about
        if match.group("d2") and _THAT_NEXT.match(text[match.end("d2"):]) and _DENIED.search(
                text, max(0, match.start("d2") - 40), match.start("d2")):
            return []  # "denied a report that the secretary had ordered": the clause's verb, no document's
        other = _OTHER_SPEAKER.search(text, match.end("d2"), match.end()) if match.group("d2") else None
        if other and (other.group("subject") or (  # "The memo, dated March 3, orders": an aside, its own verb
                not _ASIDE.match(text, match.end("d2")) and _speaker_next(text, match.end()))):
            return []  # "The order came from the top, said a person familiar": a speaker's clause, inverted;
            # "to reach an overall budget deal, President Bush says": a named speaker's verb
        if match.group("d2") and _MODAL.search(match.group(0)):
            return []  # "the review will conclude in April": what will happen to it, nothing it says
        joined = _JOINED_NEXT.match(text[match.end("d2"):]) if match.group("d2") else None
        if joined and self._speech_re.match(text, match.end("d2") + joined.end()):
            return []  # "rejected the ruling and said": what a speaker acts on, who then speaks
        before = text[max(0, match.start() - 25): match.start()].lower()
        plural = noun == "reports" or bool(match.group("d2")) and text.startswith("s", match.end("d2"))
        plural = plural and not _COUNTED_BEFORE.search(before) and not _BY_BODY.match(  # "Two reports by the GAO
            text, match.end("d2") + 1 if match.group("d2") else match.end())  # found": a body's documents
        if noun.startswith("report") and (plural or self._media_before.search(before)):
            return []  # "reports indicate", "media reports": other outlets' reporting
        if match.group("d1") and noun.startswith("report") and self._outlet_next(text, match.end()):
            return []  # "In a report published Tuesday, The Washington Post said": the outlet's own report
        if match.group("d1") and _IN_FROM_UNDER.match(match.group(0)) and (
                not self._speech_or_frame(text)):
            return []  # "includes the trauma in the analysis": a document named, nothing taken from it
        if match.group("d1") and _BODY_AFTER.match(text, match.end()):
            return []  # "according to the Congressional Budget Office": a body, not a document
        return [Hit("document", match.group(0), 0.8)]
