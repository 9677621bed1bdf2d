"""Sentence rules: the attribution cues of one sentence, read with patterns built from the lexicon.

Each rule is a linguistic frame, not a remembered string: a speech verb and its subject (named, an
unnamed official, an unnamed person, an outlet, a document), "according to X", "X told OUTLET",
"on condition of anonymity", a post on a platform, an embedded post's byline. The lexicon supplies
the words; the frames are here, or in a module of their own that the rules call: posts on a platform
(posts.py), "according to" (according.py), responses and passive agents (responses.py), "X quotes Y
as saying" (quoted_as.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import described, sources
from annotator.core.suggest.according import according_hits
from annotator.core.suggest.appositions import Appositions
from annotator.core.suggest.clauses import ClauseSubjects
from annotator.core.suggest.cues import Lexicon
from annotator.core.suggest.frames import alternation as _alt, institution_pattern
from annotator.core.suggest.frames import institution_source
from annotator.core.suggest.groups import GroupFrames
from annotator.core.suggest.hit import Hit, best_per_category
from annotator.core.suggest.documents import DocumentFrames, acted_on, known_of
from annotator.core.suggest.kinds import SourceKinds, in_body_name
from annotator.core.suggest.named_subject import NamedSubjects
from annotator.core.suggest.colon_quotes import colon_quote_hits
from annotator.core.suggest.lists import with_listed
from annotator.core.suggest.said_after import said_after_hits
from annotator.core.suggest.outlet_names import OutletNames
from annotator.core.suggest.outlets import OutletHit
from annotator.core.suggest.phrases import PhraseMatcher
from annotator.core.suggest.polls import PollFrames
from annotator.core.suggest.posts import PostFrames
from annotator.core.suggest.roles import RoleFrames
from annotator.core.suggest.quoted_as import quoted_as_saying
from annotator.core.suggest.responses import response_hits
from annotator.core.suggest.speakers import ADVERBS, NAME, NOBODY, QUOTED_AS, compile_frames
from annotator.core.suggest.word_gate import letter_runs, sentence_words


_NOT_MODIFIERS = ("according|per|to|by|of|and|or|that|with|from|for|in|on|at|although|though|but|while|whereas|"
                  "because|since|if|when|as|so")  # words that end, not describe, the group before "officials"
_PEOPLE_ADJECTIVE = compile_re(r"(?:an|ern|ic|ish|ese|i|member|Gulf|Baltic|Balkan|Arab|Nordic)$")
_CLAUSE_END = compile_re(r"[;:—]|,?\s+(?:although|though|but|whereas|while|because)\s", re.IGNORECASE)
_INVERTED_END = compile_re(
    r"\s*(?:$|[,.;:!?)”\"’—–-]|(?:who|familiar|close|with|speaking|on|in|at|from|of|based|involved|"
    r"knowledgeable|briefed|told|tell|said|say|says)\b)", re.IGNORECASE)


# Right before the speech verb after an unnamed group: another subject, whose verb it is ("surprised church
# officials when he announced"); "Residents who fled when the shelling began said" keeps its speakers.
_OTHER_SUBJECT = compile_re(rf"\b(?:he|she|I|we)\s+{ADVERBS}$", re.IGNORECASE)  # "they" may be the group
# Before an unnamed group that is spoken to: "speaking to supporters", "told reporters", "addressing residents".
_AUDIENCE = compile_re(r"\b(?:(?:speaking|spoke|speaks|speak|talking|talked|talks|said|says|explained|explaining|"
                       r"wrote|writing|appealed|appealing|pledged|pledging|promised|promising|sent|given|delivered|"
                       r"handed|shown|presented|circulated|leaked|forwarded|e-?mailed|mailed|distributed)\s+to|"
                       r"told|tells|telling|"
                       r"addressing|addressed|urged|urging|thanked|thanking)\s+(?:the\s+|his\s+|her\s+|their\s+|"
                       r"its\s+|a\s+crowd\s+of\s+)?$", re.IGNORECASE)
_NOBODY_BEFORE = compile_re(rf"\s*{NOBODY}[^,;]*$")
_BEING_BEFORE = compile_re(r"\b(?:is|was|are|were|as)\s+$")
_STRONG = compile_re(r"familiar|close\s+to|knowledge|briefed|anonymity|anonymously|not\s+authori", re.IGNORECASE)
# no words of a title after the verb: ", reports indicate that the Trump administration" names nobody
_CLAUSE_WORDS = r"(?:that|which|who|whom|whose|whether|if|when|while|because|and|but|or)"


# Word runs are possessive (`*+`, `++`) where what follows them (a space, a comma, a colon, the
# pattern's end) is never a character of the run: giving characters back could not help a match, and
# trying it at every failing position was a large part of the rules' time.


class Rules:
    """The patterns of one lexicon, compiled once."""

    def __init__(self, lexicon: Lexicon) -> None:
        w = lexicon.words
        self.lexicon = lexicon
        self.not_names = frozenset(w["not_names"])  # capitalised words that never start or end a name
        self.phrase_res = _phrase_patterns(lexicon)
        self.speech = _alt(w["speech_verbs"], case=True)
        self.speech_re = compile_re(rf"\b{self.speech}\b")
        compile_frames(self.speech_re)  # "He said", "the official added": compiled with the rules
        self.frame_word_re = compile_re(r"\b(?i:according|per|by|citing|quoted)\b")
        self.media = _alt(w["media_nouns"])
        self.posts = PostFrames(w, self.speech_re, self.speech, self._posting_name)
        self.appositions = Appositions(self.speech)
        self.roles = RoleFrames(w["institution_nouns"], self.speech)
        self.groups = GroupFrames.compile(self.speech)  # "Many feel", "Many Russians believe"
        self.polls = PollFrames.compile()  # "Seventy-one percent of Hispanics said"
        self.doc = _alt(w["document_nouns"])
        self.outlet_names = OutletNames(w, self.speech, self.media)  # outlets named (outlet_names.py)
        self.outlet, self.outlet_re = self.outlet_names.pattern, self.outlet_names.outlet_re
        self.outlet_frames = self.outlet_names.frames
        self.kinds = SourceKinds(w, outlet=self.outlet, media=self.media, doc=self.doc, platform=self.posts.platform)
        self.classify, self._is_official = self.kinds.classify, self.kinds.is_official
        # who a name before a verb is (named_subject.py)
        self.named_subjects = NamedSubjects(w, self.not_names, self.classify, self._is_official)
        self.clauses = ClauseSubjects(self.named_subjects.hit)
        self._compile_speakers(w)
        self.documents = DocumentFrames(self.doc, w["document_nouns"], self.media, w["document_verbs"],
                                        self.speech_re, self._speech_or_frame, self.outlet_re)  # "the study
        # found", "according to the report"

    def _compile_speakers(self, w: dict[str, list[str]]) -> None:
        """Who speaks: an unnamed person or official, a named subject, an institution."""
        heads = _alt(w["official_heads"] + w["unnamed_heads"])
        # one word of each head ("officials", the "blowers" of "whistle-blowers"): a sentence with none of
        # them names no unnamed speaker; a head without letters turns this test off
        words = [letter_runs(x) for x in w["official_heads"] + w["unnamed_heads"]
                 + w["bare_unnamed_heads"]]
        self.unnamed_words = frozenset(found[-1] for found in words) if all(words) else None
        dets = _alt(w["unnamed_determiners"])
        self.definite_re = described.definite_pattern(heads)  # "The blogger, who asked not to be named"
        self.unnamed_re = compile_re(
            rf"(?<!['’])\b(?P<np>(?:{dets})\s+(?:[\w.-]++\s+){{0,3}}?(?P<head>{heads})"
            rf"|(?P<bare>(?:(?!(?:{self.speech}|{_NOT_MODIFIERS})\b)[A-Za-z.-]++\s+){{0,2}}"
            rf"(?:{_alt(w['bare_unnamed_heads'])}|{_SPECIALISTS})))\b(?!\s+[A-Z][a-z]|['’]\s)")
        # (not "said officials", nor "Workers' Party")
        self.named_subject_re = compile_re(
            rf"(?<![\w'’.-])(?P<subj>(?!{_OPENING}\s)(?:[a-z][\w-]*+\s+)?{NAME}"
            rf"(?:(?:\s+[a-z][\w/-]*+){{1,2}}\s+{NAME})?)"
            # an apposition may end in a one-word place after a comma: ", who flew in from the capital, Lima,"
            # (two words there are rather the speaker's name: "In Washington, the spokesman, Josh Earnest,")
            rf"(?P<appos>,\s+[^,“”()]{{2,80}}(?:,\s+[A-Z][\w'’.-]+)?,|\s+\([^()]{{2,60}}\),?|,)?"
            rf"\s+{QUOTED_AS}{ADVERBS}(?P<verb>{self.speech})\b"
            r"(?!-\w|\s+(?i:media|television|TV|radio|news|broadcaster|newspaper|agency)\b)"
            rf"(?!\s+(?:{self.speech}|show|indicate)\b)"  # "…, forecasts show": a noun, the subject of the verb
            r"(?!(?<=states)\s+[A-Z])"  # "Central American states Mexico and Panama": a noun
            r"(?!(?<=agreed)\s+to\b)")  # "Facebook has agreed to share the ads": no statement
        self.institution_re = institution_pattern(w["institution_nouns"], self.speech, ADVERBS)
        self.qualifier_re = compile_re(  # a name goes on in capitals: " at Goldman Sachs", not " … Sachs expect"
            rf"\s+(?:of|from|at|in|inside|within|for|to)\s+(?:the\s+|a\s+|an\s+)?"
            rf"(?:[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|and|the)){{0,3}}?"
            rf"|[^\W_A-Z][\w'’.-]*(?:\s+[\w'’.-]+){{0,2}}?)"
            rf"(?=,?\s+{ADVERBS}(?:{self.speech})\b)")
        self.by_speaker_re = compile_re(rf"(?:according\s+to|per|(?:{self.speech})\s+by|citing|quoted)\s+$",
                                        re.IGNORECASE)
        self.speech_before_re = compile_re(rf"(?:{self.speech})\s+$", re.IGNORECASE)
        self.some_like_re = compile_re(
            rf"(?P<some>\b(?:[Ss]ome|[Mm]any|[Oo]thers|[Ss]everal)(?:\s+[a-z]+)?"
            rf"|(?:\b[A-Za-z][a-z]+\s+)?\b(?-i:{heads})),?"
            rf"\s+(?:like|such\s+as|including)\s+"  # "Some, like Anahit Markosian,", "Scholars such as Zeynep Tufekci"
            rf"(?P<name>{NAME})(?:\s+and\s+{NAME})?,?\s+{ADVERBS}(?:{self.speech})\b")
        self.said_name_re = compile_re(
            rf"(?:[”’\"],?|,)\s+(?!\w+ing\b)(?:{self.speech})"
            rf"\s+(?!(?:that|this|these|those|it|so|if|whether|how|what|why)\b)"  # "say that …": a clause follows
            rf"(?P<subj>(?:the\s+)?(?:(?!{_CLAUSE_WORDS}\s)[a-z][\w-]*+\s+){{0,3}}{NAME})"
            rf"(?P<appos>,\s+[^,.“”]{{2,80}})?"
            r"(?!(?:\s+[a-z]+)?\s+(?:were|was|is|are|had|have|has|will|would|could|can|did|[a-z]{2,}ed)\b)")
        # not "say Illinois was targeted", "said Russian forces were making gains", "said Hegseth issued the
        # order": there the name begins the clause said

    # --- the rules -----------------------------------------------------------------------------

    def hits(self, text: str) -> list[Hit]:
        """Every category the sentence's own cues suggest (continuation is the suggester's job)."""
        found: list[Hit] = []
        found += self._phrases(text)
        found += self.posts.hits(text)
        outlets: list[OutletHit] = []
        if self.outlet_names.mentioned(text):
            found += self.outlet_names.hits(text)
            outlets = self.outlet_frames.hits(text)
        found += self.documents.hits(text)
        speaks = self.speech_re.search(text) is not None
        if speaks or self.frame_word_re.search(text):
            found += self._unnamed(text)
        if speaks:  # the frames below all hang on a speech verb
            found += self._named(text) + self.roles.hits(text)  # "Japan’s defense minister estimated"
            found += quoted_as_saying(text, self) + self._some_like(text)  # "GovExec.com quotes a Senate aide as …"
        found += colon_quote_hits(text, self.speech_re, self.named_subjects.hit)  # "Ian Moss: “…”"
        found += according_hits(text, self)  # "according to X", "citing X", "per X"
        found += response_hits(text, self)  # "declined to comment", "denied by officials"
        if speaks:
            found += self.clauses.saying(text, found)  # "Judge Ana Ruiz gave a lengthy response, saying …"
        if outlets:
            found = self.outlets_over(text, found, outlets)
        if speaks:
            found = self.appositions.apply(text, found)  # "A spokesman for the ministry, John Doe, said"
        found = [replace(h, source=with_listed(text, h.source, self.not_names)) if " and " in h.source else h
                 for h in found]  # "Apple, Google, Microsoft and Amazon said"
        return best_per_category(self.polls.apply(text, self.groups.apply(text, found)))

    def _phrases(self, text: str) -> list[Hit]:
        out = []
        for (category, confidence), match in zip(self.phrase_res.groups, self.phrase_res.first_matches(text)):
            if match:
                if category == "anonymous_official" and not self._speech_or_frame(text):
                    continue  # "U.S. officials met ...": officials acting, not speaking
                if _NOBODY_BEFORE.match(text[: match.start()]):
                    continue  # "No group has claimed responsibility": nobody speaks
                if category == "social_post" and not self.posts.relays(text):
                    continue  # "trended on Twitter": a platform named, no post relayed
                if category == "document" and _BEING_BEFORE.search(text[: match.start()]):
                    continue  # "The Dog Aging Project is a study of …": what something is, not a source
                if category == "document" and in_body_name(text, match.end() - len(match.group(0).split()[-1])):
                    continue  # "the Institute for the Study of War": a body's name
                if category == "document" and (acted_on(text, match.start()) or known_of(text, match.start())):
                    continue  # "said the company was reviewing the findings": what is acted on relays nothing;
                    # "People familiar with the report said": what is known of
                if category == "anonymous_other" and not _REPORTING.search(match.group(0)) and (
                        self._official_near(text, match.start())):  # "media outlets" near officials stay outlets
                    category = "anonymous_official"
                source = self._described_near(text, match) if category.startswith("anonymous") else ""
                out.append(Hit(category, match.group(0), confidence, source))
        return out

    def _described_near(self, text: str, cue: re.Match[str]) -> str:
        """The unnamed source a phrase cue speaks of, as the text describes it ("some experts" of "some
        experts worry", "a senior official" of "as confirmed by a senior official"), or ""."""
        before = None
        for match in self.unnamed_re.finditer(text):
            if match.start() < cue.end() + 2 and match.end() > cue.start() - 2:
                return sources.described(described.owner(text, match) + match.group(0) + self._qualifier(text, match))
            if match.end() <= cue.start() and cue.start() - match.end() < 100:
                before = match
        if before is not None and "anonym" in cue.group(0) and described.anonymity_is_its(text, before, cue):
            return sources.described(described.owner(text, before) + before.group(0))  # "A Pentagon official,
            # who spoke on the condition of anonymity, …": the anonymity is the group's right before
        the = described.definite(self.definite_re, text, cue)
        if the:  # "The diplomat, speaking on condition of anonymity,": someone met before, unnamed
            return sources.described(the)
        return sources.described(described.knowing_people(text, cue.start()))  # "People familiar with X said"

    def _speech_or_frame(self, text: str) -> bool:
        return bool(self.speech_re.search(text) or self.frame_word_re.search(text))

    def _official_near(self, text: str, at: int) -> bool:
        """Whether an unnamed official (not a named one) is what the cue at `at` is about."""
        for match in self.unnamed_re.finditer(text):
            if abs(match.start() - at) < 120 and self._is_official(match.group(0)):
                return True
        the = self.definite_re.search(text, max(0, at - 80), at)
        if the and self._is_official(the.group("np")):  # "The diplomat, speaking on condition of anonymity"
            return True
        return bool(_THE_OFFICIAL.match(text))  # "The official spoke on condition of anonymity": the one before

    def _posting_name(self, name: str) -> str:
        """The name a post's author goes by, if `name` names someone on the record ("" otherwise)."""
        if name.split()[0] not in self.not_names and self.classify(name) == "on_record":
            return sources.clean(name)
        return ""

    def _unnamed(self, text: str) -> list[Hit]:
        out = []
        if self.unnamed_words is not None and self.unnamed_words.isdisjoint(sentence_words(text)) and (
                _SPECIALIST_ENDING not in text):
            return out  # no head word ("officials", "critics"), so no unnamed speaker: the pattern is not run
        for match in self.unnamed_re.finditer(text):
            np = described.owner(text, match) + match.group(0)  # "The president's aides"
            if not self._speaks(text, match) or sources.quoted(text, match.start()):
                continue  # "“… only Russia's senior-most officials could have …,” the statement added"
            if _AUDIENCE.search(text[max(0, match.start() - 40): match.start()]):
                continue  # "speaking to supporters in Boston", "told reporters", "One document sent to key
                # congressional leaders … described": spoken or sent to, not speaking
            official = self._is_official(np)
            category = "anonymous_official" if official else "anonymous_other"
            strong = _STRONG.search(text[match.end(): match.end() + 60])
            description = sources.described(np + self._qualifier(text, match))
            out.append(Hit(category, np, 0.9 if strong else 0.75, description))
        return out

    def _qualifier(self, text: str, match: re.Match[str]) -> str:
        """What places an unnamed speaker, up to its verb: " of the victims" in "Families of the victims said",
        " familiar with the negotiations" in "A person familiar with the negotiations, who …, said"."""
        found = self.qualifier_re.match(text[match.end():])
        return found.group(0) if found else described.knowing(text, match.end())

    def _speaks(self, text: str, match: re.Match[str]) -> bool:
        """Whether the unnamed noun phrase is who speaks: a speech verb after it, or a frame before it."""
        after = _CLAUSE_END.split(text[match.end(): match.end() + 90], maxsplit=1)[0]  # this clause's verb
        head = " ".join(after.split()[:8])
        verb = self.speech_re.search(head)
        if verb:  # "surprised church officials when he announced": the verb is another subject's; "analysts
            # had been told not to": told, not telling
            return not _OTHER_SUBJECT.search(head[: verb.start()]) and not (
                verb.group(0).lower() in _RECEIVED and _PASSIVE_BEFORE.search(head, 0, verb.start())
                and not _RELATIVE.match(head))  # "Officials who were asked about it said": they speak
        before = text[max(0, match.start() - 40): match.start()]
        if self.by_speaker_re.search(before):  # "denied by officials", not "held by officials"
            return True
        # "…, said two officials." speaks; "Police said two people died" reports what happened to them; "A
        # video shows police beating protesters." shows them
        said = self.speech_before_re.search(before)
        return bool(said) and _INVERTED_END.match(after) is not None and bool(
            _AFTER_CONTENT.search(before, 0, said.start()))

    def _named(self, text: str) -> list[Hit]:
        out = []
        for match in self.named_subject_re.finditer(text):
            if match.group("verb") == "states" and _PEOPLE_ADJECTIVE.search(match.group("subj")):
                continue  # "among South American states": a noun
            if _IN_MONTH.fullmatch(match.group("subj")):
                continue  # "the report that came out in May shows": a month, no Theresa May
            if not match.group("appos") and match.group("subj").endswith(("'s", "’s")):
                continue  # "Trump's remarks drew condemnation": a noun after a possessive, no verb
            if match.group("verb").startswith("according") or (
                    match.group("appos") == "," and match.group("verb").endswith("ing")):  # "…, according to X"
                continue  # "condemned the attack in Lower Dir, saying": the clause's subject speaks
            subject, cue = match.group("subj"), match.group(0)
            inner = _INNER_VERB.search(subject)
            if inner and self.speech_re.fullmatch(inner.group("verb")):  # "Sen. Jeanne Shaheen wrote to
                subject = subject[: inner.start()]  # Hegseth demanding": the first name spoke
                cue = cue[: match.start("subj") - match.start() + inner.end("verb")]
            hit = self.named_subjects.hit(subject, match.group("appos"), cue)
            if hit:
                out.append(hit)
        out += said_after_hits(text, self.said_name_re, self.named_subjects.hit)  # "“…,” said Jane Doe of …"
        for match in self.institution_re.finditer(text):
            if _OBJECT_OF.search(text, 0, match.start()):
                continue  # "Insiders close to the board told": the board is spoken of, not speaking
            if self.outlet_names.media_word_re.search(match.group("subj")):
                continue  # "Iran's semi-official Fars news agency said": an outlet, never on the record
            out.append(Hit("on_record", match.group(0), 0.8, institution_source(match.group("subj"))))
        return out

    def _some_like(self, text: str) -> list[Hit]:
        """ "Some, like Anahit Markosian, called for …": unnamed people and the one named among them."""
        match = self.some_like_re.search(text) if " like " in text or " such as " in text or (
            " including " in text) else None
        if match is None:
            return []
        group = match.group("some")
        if not group.endswith("s") and group.split()[0].lower() not in {"some", "many", "several"}:
            return []  # "The prime minister, like Donald Trump, has said": one person compared, no group
        named = self.named_subjects.hit(match.group("name"), None, match.group(0))
        kind = "anonymous_official" if self._is_official(group) else "anonymous_other"
        unnamed = Hit(kind, match.group(0), 0.75, sources.described(group))
        return [unnamed] + ([named] if named else [])

    def outlets_over(self, text: str, hits: list[Hit], outlets: list[OutletHit]) -> list[Hit]:
        """The outlets as sources over what else was read in the same words (outlet_names.OutletNames.over)."""
        return self.outlet_names.over(text, hits, outlets, self.classify)


_REPORTING = compile_re(r"(?i)report|outlet|media|news")
# A word that opens a phrase of place or time, never a subject: "In Washington, the spokesman, X, said"
_OPENING = (r"(?:In|On|At|From|During|After|Before|Since|By|For|With|Under|Over|Across|Inside|Outside|Near|"
            r"Earlier|Later|Last|Next|This|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
_SPECIALIST_ENDING = "ologists"
_SPECIALISTS = rf"[A-Za-z]+{_SPECIALIST_ENDING}"  # "seismologists said", "Epidemiologists warn": unnamed people
_INNER_VERB = compile_re(r"(?<=[a-z.])\s+(?P<verb>[a-z]+)\s+(?:to|with|at)\s+(?=[A-Z])")  # "X wrote to Y"
_PASSIVE_BEFORE = compile_re(r"\b(?:been|was|were|is|are|be|being|got|get|gets)\s+(?:\w+ly\s+)?$")
_RELATIVE = compile_re(r"\s*,?\s*(?:who|that|which)\b")
_RECEIVED = frozenset({"told", "asked", "informed", "instructed", "ordered", "advised", "briefed", "warned", "urged"})
# "…, said", "…,” also said": an inverted speaker follows what was said
_AFTER_CONTENT = compile_re(r"(?:[,”’\"]|^)\s*(?:[a-z]+\s+)?$")
_OBJECT_OF = compile_re(r"\b(?:to|of|with|on|for|from|at|by|about|into|against|over|under|near)\s+$")
_IN_MONTH = compile_re(r"(?:in|since|until|by|last|next|early|late|mid|of|this)[\s-]+"
                       r"(?:May|March|June|July|August|April)")  # months that are names too
_THE_OFFICIAL = compile_re(r"\s*(?:The|These|Those|Both)\s+(?:\w+\s+)?officials?(?=\s*,|\s+(?:who|said|says|spoke|"
                           r"speaking|told|added|asked|declined|requested|insisted|was|were)\b)")  # not "The
# official death toll"


def _phrase_patterns(lexicon: Lexicon) -> PhraseMatcher:
    """The phrases grouped by category and confidence, matched in time linear in the text (phrases.py)."""
    grouped: dict[tuple[str, float], list[str]] = {}
    for cue in lexicon.phrases:
        grouped.setdefault((cue.category, cue.confidence), []).append(cue.phrase)
    return PhraseMatcher((category, confidence, phrases) for (category, confidence), phrases in grouped.items())
