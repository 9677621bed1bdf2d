"""Sentence rules: the attribution cues of one sentence, read with patterns built from the lexicon.

Each rule is a linguistic frame, not a remembered string: a speech verb and its subject (named, an
unnamed official, an unnamed person, an outlet, a document), "according to X", "X told OUTLET",
"on condition of anonymity", a post on a platform, an embedded post's byline. The lexicon supplies
the words; the frames are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from annotator.core.suggest import sources
from annotator.core.suggest.cues import Lexicon
from annotator.core.suggest.frames import alternation as _alt
from annotator.core.suggest.frames import (
    colon_quote_pattern,
    institution_pattern,
    institution_source,
)
from annotator.core.suggest.outlets import OutletFrames, OutletHit
from annotator.core.suggest.phrases import PhraseMatcher
from annotator.core.suggest.quoted_as import quoted_as_saying
from annotator.core.suggest.responses import response_hits
from annotator.core.suggest.speakers import ADVERBS, CAP, NAME, QUOTE_OPEN, QUOTED_AS, leading_name


_POST_BY = re.compile(r"\b(?:tweet|post|message|status\s+update|comment)\s+(?:by|from)\s+(?:user\s+|blogger\s+)?"
                      r"(?P<who>@\w{2,30}|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?=[^.;:]{0,30}?\b(?:read|reads|"
                      r"said|says|stated|states|declared)\b|\s*:)")
_NOT_MODIFIERS = ("according|per|to|by|of|and|or|that|with|from|for|in|on|at|although|though|but|while|whereas|"
                  "because|since|if|when|as|so")  # words that end, not describe, the group before "officials"
_PEOPLE_ADJECTIVE = re.compile(r"(?:an|ern|ic|ish|ese|i|member|Gulf|Baltic|Balkan|Arab|Nordic)$")
_CLAUSE_END = re.compile(r"[;:—]|,?\s+(?:although|though|but|whereas|while|because)\s", re.IGNORECASE)
_INVERTED_END = re.compile(
    r"\s*(?:$|[,.;:!?)”\"’—–-]|(?:who|familiar|close|with|speaking|on|in|at|from|of|based|involved|"
    r"knowledgeable|briefed|told|tell|said|say|says)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    """One category a sentence's cue suggests."""

    category: str
    cue: str
    confidence: float
    source: str = ""


# Word runs are possessive (`*+`, `++`) where what follows them (a space, a comma, a colon, the
# pattern's end) is never a character of the run: giving characters back could not help a match, and
# trying it at every failing position was a large part of the rules' time.
_BYLINE = re.compile(r"\(@\w{1,30}\)\s+(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")
_RELAY_END = re.compile(r"(?:interview|remarks|statement|speaking|spoke|comments?|told|according)\s+\S*\s*$")
_HANDLE_START = re.compile(r"^(?:undefined\s+)?@\w+")
_LINK = re.compile(r"(?:https?://)?(?:t\.co|pic\.twitter\.com|x\.com|twitter\.com|truthsocial\.com)/\S+")


class Rules:
    """The patterns of one lexicon, compiled once."""

    def __init__(self, lexicon: Lexicon) -> None:
        w = lexicon.words
        self.lexicon = lexicon
        self.not_names = frozenset(w["not_names"])  # capitalised words that never start or end a name
        self.function_words = frozenset(w["function_words"])  # never inside a speaker's name or title
        self.title_adjectives = frozenset(w["title_adjectives"])  # "former", "acting": a title may start so
        self.phrase_res = _phrase_patterns(lexicon)
        self.speech = _alt(w["speech_verbs"], case=True)
        self.speech_re = re.compile(rf"\b{self.speech}\b")
        self.posting_re = re.compile(rf"\b{_alt(w['posting_verbs'], case=True)}\b")
        self.frame_word_re = re.compile(r"\b(?i:according|per|by|citing|quoted)\b")
        self.media = _alt(w["media_nouns"])
        self.platform = _alt(w["platforms"], case=True)
        self.post = _alt(w["post_nouns"])
        self.poster_re = re.compile(rf"\s*(?:(?P<name>{NAME})(?:,\s+[^,]{{2,80}},)?\s*)?"
                                    rf"(?:(?:user|account|member)\s+)?(?:\(?(?P<handle>@\w{{2,30}})\)?\s*)?"
                                    rf"(?:\w+ly\s+)?$")
        self.platform_member_re = re.compile(
            rf"\b(?:{self.platform})\s+(?:users?|group|groups|page|pages|account|accounts|members?|friends?)\b")
        # "a post", not "Washington Post"
        self.post_word_re = re.compile(rf"\b(?:{_alt(w['post_nouns'], case=True)})\b")
        self.doc = _alt(w["document_nouns"])
        self.official_heads = {x.lower() for x in w["official_heads"]}
        self.official_mods = {x.lower() for x in w["official_modifiers"]}
        self.unnamed_heads = {x.lower() for x in w["unnamed_heads"]}
        self._compile_outlets(w)
        self._compile_speakers(w)
        self._compile_documents_and_posts(w)

    def _compile_outlets(self, w: dict[str, list[str]]) -> None:
        """Outlets named, and the frames in which an outlet reports or is told something."""
        self.outlet_names = _alt(w["outlets"], case=True)
        outlet_word = _alt(w["outlet_words"], case=True)
        outlet_generic = (rf"(?:the\s+)?(?:{CAP}\s+){{0,4}}{outlet_word}\b"
                          r"(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+\b)?")
        # every outlet starts with a capital, a digit or "the": the lookahead skips other positions fast
        self.outlet = rf"(?=[A-Z\d]|the\s)(?:(?:the\s+)?{self.outlet_names}(?![\w-])|{outlet_generic})"
        self.outlet_re = re.compile(self.outlet)
        outlet_kinds = _alt(w["outlet_kinds"], case=True)  # "told X television": what follows a name
        self.media_word_re = re.compile(rf"\b{_alt(w['outlet_kinds'] + w['media_words'])}\b")
        self.outlet_frames = OutletFrames(w, self.outlet, self.speech, ADVERBS)
        self.media_relay_re = re.compile(
            r"\b(?:remarks|interview|told|telling|speaking|spoke|statement|comments?)\s+(?:to|with)?\s*"
            rf"(?:the\s+)?(?P<outlet>(?:[\w'’.-]++\s+){{1,3}}{outlet_kinds})\b")
        self.told_outlet_re = re.compile(
            rf"\b(?:told|telling|tells|to|with|in|on|by|from|per|for)\s+(?P<outlet>{self.outlet})"
            rf"(?:\s+(?:{self.media}))?", re.UNICODE)
        reporting = _alt(w["reporting_words"], case=True)  # "Reuters reported", "the BBC's analysis"
        self.outlet_frame_re = re.compile(
            rf"(?P<outlet>{self.outlet})(?:'s|’s)?(?:\s+{self.media})?\s+{ADVERBS}(?:[a-z]+\s+)?"
            rf"(?:(?:first\s+)?(?:{reporting}|{self.speech})|was\s+(?:the\s+)?first\s+to\s+report)\b")

    def _compile_speakers(self, w: dict[str, list[str]]) -> None:
        """Who speaks: an unnamed person or official, a named subject, an institution, "according to"."""
        heads = _alt(w["official_heads"] + w["unnamed_heads"])
        dets = _alt(w["unnamed_determiners"])
        self.unnamed_re = re.compile(
            rf"\b(?P<np>(?:{dets})\s+(?:[\w.-]++\s+){{0,3}}?(?P<head>{heads})"
            rf"|(?P<bare>(?:(?!(?:{self.speech}|{_NOT_MODIFIERS})\b)[A-Za-z.-]++\s+){{0,2}}"
            rf"{_alt(w['bare_unnamed_heads'])}))\b(?!\s+[A-Z][a-z])")  # not "said officials": "officials"
        self.named_subject_re = re.compile(
            rf"(?P<subj>(?:[a-z][\w-]*+\s+)?{NAME}(?:(?:\s+[a-z][\w/-]*+){{1,2}}\s+{NAME})?)"
            rf"(?P<appos>,\s+[^,“”()]{{2,80}},|\s+\([^()]{{2,60}}\),?|,)?"
            rf"\s+{QUOTED_AS}{ADVERBS}(?P<verb>{self.speech})\b"
            r"(?!-\w|\s+(?i:media|television|TV|radio|news|broadcaster|newspaper|agency)\b)"
            r"(?!(?<=states)\s+[A-Z])")  # "Central American states Mexico and Panama": a noun
        self.institution_re = institution_pattern(w["institution_nouns"], self.speech, ADVERBS)
        self.colon_re = colon_quote_pattern(NAME)
        self.some_like_re = re.compile(
            rf"(?P<some>\b(?:[Ss]ome|[Mm]any|[Oo]thers|[Ss]everal)(?:\s+[a-z]+)?),?\s+(?:like|such\s+as|including)\s+"
            rf"(?P<name>{NAME})(?:\s+and\s+{NAME})?,?\s+{ADVERBS}(?:{self.speech})\b")
        self.colon_intro_re = re.compile(
            rf"\s*(?P<subj>{NAME})(?:,\s+[^,:]{{2,80}},)?\s+(?P<verb>is|was|are|were|has|had|remains|remained|seems|"
            rf"seemed|sounds|sounded|puts|put|offers|offered|takes|took|sees|saw|gives|gave|shares|shared|"
            rf"disagrees|disagreed|agrees|agreed)\b[^:.!?]*:\s*$")
        self.said_name_re = re.compile(
            rf"(?:[”’\"],?|,)\s+(?!\w+ing\b)(?:{self.speech})"
            rf"\s+(?!(?:that|this|these|those|it|so|if|whether|how|what|why)\b)"  # "say that …": a clause follows
            rf"(?P<subj>(?:the\s+)?(?:[a-z][\w-]*+\s+){{0,3}}{NAME}(?:,\s+[^,.“”]{{2,80}})?)")
        self.according_re = re.compile(
            r"\b(?:according\s+to|per|as\s+confirmed\s+by|confirmed\s+by|cited\s+by|quoted\s+by|citing)\s+"
            r"(?P<obj>[^,;.“”]{2,90})", re.IGNORECASE)

    def _compile_documents_and_posts(self, w: dict[str, list[str]]) -> None:
        """A document that says or finds something; a post on a platform."""
        self.doc_frame_re = re.compile(
            rf"\b(?:(?:according\s+to|per|in|under|cited\s+in|from)\s+(?:a|an|the|its|their|his|her|"
            rf"this|that|new|recent)\s+(?:[\w-]++\s+){{0,3}}?(?P<d1>{self.doc})\b"
            rf"|(?P<d2>{self.doc})s?(?:,\s+[^,“”]{{2,80}},)?\s+(?:[\w,-]++\s+){{0,6}}?"
            rf"{_alt(w['document_verbs'])}\b)", re.IGNORECASE)
        self.platform_re = re.compile(
            rf"(?:\b(?:on|to|via|across)\s+(?:(?:his|her|their|its|the)\s+)?(?:[\w-]++\s+){{0,2}}?"
            rf"(?P<p1>{self.platform})\b(?!\.\w)|\b(?P<p2>{self.platform})\s+(?:{self.post})\b"
            rf"|\b(?:posted|tweeted|retweeted|reposted)\b)")
        post_noun = _alt(w["post_nouns"], case=True)
        self.post_frame_re = re.compile(
            rf"\b(?:a|an|the|his|her|their|its|one|in|on)\s+(?:[\w-]++\s+)?(?:{post_noun})\b"
            rf"[^.]{{0,60}}?\b(?:{self.speech}|theorized|wrote|writing)\b"
            rf"|\b(?:writing|wrote|said|posted|admitted)\s+(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+"
            rf"(?:[\w-]++\s+)?(?:{self.post})\b")

    # --- the rules -----------------------------------------------------------------------------

    def hits(self, text: str) -> list[Hit]:
        """Every category the sentence's own cues suggest (continuation is the suggester's job)."""
        found: list[Hit] = []
        found += self._phrases(text)
        found += self._social(text)
        outlets: list[OutletHit] = []
        if self.outlet_re.search(text) or self.media_word_re.search(text):
            found += self._outlets(text)
            outlets = self.outlet_frames.hits(text)
        found += self._documents(text)
        speaks = self.speech_re.search(text) is not None
        if speaks or self.frame_word_re.search(text):
            found += self._unnamed(text)
        if speaks:
            found += self._named(text)
        found += self._colon_quote(text)
        found += quoted_as_saying(text, self, Hit)  # "GovExec.com quotes a Senate aide as saying"
        found += self._some_like(text)
        found += self._according(text)
        found += response_hits(text, self, Hit)  # "declined to comment", "denied by officials"
        if outlets:
            found = self.outlets_over(text, found, outlets)
        return _best_per_category(found)

    def _phrases(self, text: str) -> list[Hit]:
        out = []
        for (category, confidence), match in zip(self.phrase_res.groups, self.phrase_res.first_matches(text)):
            if match:
                if category == "anonymous_official" and not self._speech_or_frame(text):
                    continue  # "U.S. officials met ...": officials acting, not speaking
                if category == "social_post" and not self._relays(text):
                    continue  # "trended on Twitter": a platform named, no post relayed
                if category == "document" and re.search(r"\b(?:is|was|are|were|as)\s+$", text[: match.start()]):
                    continue  # "The Dog Aging Project is a study of …": what something is, not a source
                if category == "anonymous_other" and "report" not in match.group(0).lower() and (
                        self._official_near(text, match.start())):
                    category = "anonymous_official"
                source = self._described_near(text, match) if category.startswith("anonymous") else ""
                out.append(Hit(category, match.group(0), confidence, source))
        return out

    def _described_near(self, text: str, cue: re.Match[str]) -> str:
        """The unnamed source a phrase cue speaks of, as the text describes it ("some experts" of "some
        experts worry", "a senior official" of "as confirmed by a senior official"), or ""."""
        for match in self.unnamed_re.finditer(text):
            if match.start() < cue.end() + 2 and match.end() > cue.start() - 2:
                return sources.described(match.group(0))
        return ""

    def _speech_or_frame(self, text: str) -> bool:
        return bool(self.speech_re.search(text) or self.frame_word_re.search(text))

    def _official_near(self, text: str, at: int) -> bool:
        """Whether an unnamed official (not a named one) is what the cue at `at` is about."""
        for match in self.unnamed_re.finditer(text):
            if abs(match.start() - at) < 120 and self._is_official(match.group(0)):
                return True
        return False

    def _is_official(self, phrase: str) -> bool:
        words = [w.lower().strip(".,") for w in phrase.split()]
        head = words[-1] if words else ""
        return head in self.official_heads or (
            head in {"source", "sources"} and any(w in self.official_mods for w in words[:-1]))

    def _social(self, text: str) -> list[Hit]:
        out = []
        byline = _BYLINE.search(text)
        if byline:
            name = text[: byline.start()].replace("undefined", "").strip(" —–-")
            out.append(Hit("social_post", byline.group(0), 0.95, sources.clean(name.split(".")[-1])))
        handle = _HANDLE_START.search(text)
        if _LINK.search(text) or handle:  # "@myriammeziou: The son of …" is that account's post
            out.append(Hit("social_post", (_LINK.search(text) or handle).group(0), 0.9,
                           handle.group(0).removeprefix("undefined").strip() if handle else ""))
        match = self.platform_re.search(text)
        if match and (match.group("p1") != "X" or re.search(r"\b(?:on|to)\s+X\b(?!\.\w)", text)) and (
                self._posted(text, match)):
            out.append(Hit("social_post", match.group(0), 0.85, self._poster(text[: match.start()])))
        by = _POST_BY.search(text)
        if by:  # "A tweet by user @sisyphus79 read:"
            out.append(Hit("social_post", by.group(0), 0.85, by.group("who")))
        post = self.post_frame_re.search(text)
        if post:
            out.append(Hit("social_post", post.group(0), 0.75))
        member = self.platform_member_re.search(text)
        if member and self._relays(text):  # "Facebook user Julie Lam explained", "on the … Facebook group page:"
            out.append(Hit("social_post", member.group(0), 0.8))
        poster = next((h.source for h in out if h.source), "")
        return [h if h.source else replace(h, source=poster) for h in out]

    def _poster(self, before: str) -> str:
        """Who posts, when the sentence opens with them: "YTN Labor Union, for employees of …, (@ytnmania)
        tweeted" → "YTN Labor Union"; a handle alone when no name is given."""
        found = self.poster_re.match(before)
        if found is None:
            return ""
        name = found.group("name")
        if name and name.split()[0] not in self.not_names and self.classify(name) == "on_record":
            return sources.clean(name)
        return found.group("handle") or ""

    def _posted(self, text: str, match: re.Match[str]) -> bool:
        """Whether someone posted what the sentence relays: a speech or posting verb or a quote, not
        a platform merely named ("trended on Twitter") or a passive "was posted"."""
        if match.group("p1") or match.group("p2"):
            return self._relays(text)
        return not re.search(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", text[:match.start()])

    def _relays(self, text: str) -> bool:
        return bool(self.speech_re.search(text) or self.posting_re.search(text)
                    or any(q in text for q in QUOTE_OPEN))

    def _outlets(self, text: str) -> list[Hit]:
        out = []
        frames = ((self.outlet_frame_re, 0.9), (self.media_relay_re, 0.85), (self.told_outlet_re, 0.8))
        for regex, confidence in frames:
            for match in regex.finditer(text):
                name = match.group("outlet")
                if regex is self.told_outlet_re and not self._relay_before(text, match.start()):
                    continue
                if self._is_person_affiliation(text, match.start()):
                    continue
                out.append(Hit("other_outlet", match.group(0), confidence, sources.clean(name)))
                break
        return out

    def _relay_before(self, text: str, at: int) -> bool:
        """Speech given to an outlet: "told Bloomberg", "remarks to X television", "an interview with X"."""
        before = text[max(0, at - 60): at + 12].lower()
        word = text[at:].split(None, 1)[0].lower()
        if word in {"told", "telling", "tells", "per"}:
            return True
        lead = before[: before.rfind(" " + word) + 1] if (" " + word) in before else before
        return bool(_RELAY_END.search(lead))

    def _is_person_affiliation(self, text: str, at: int) -> bool:
        """ "editor at large at the Saudi Gazette": the outlet employs the speaker, it relays nothing."""
        return bool(re.search(r"\b(?:at|of)\s+$", text[max(0, at - 4): at]))

    def _documents(self, text: str) -> list[Hit]:
        match = self.doc_frame_re.search(text)
        if not match:
            return []
        noun = (match.group("d1") or match.group("d2") or "").lower()
        if match.group("d2") and re.search(r"\b(?:was|were|been|being|is|are|be)\s+\w+\s*$", match.group(0)):
            return []  # "the document was found": the document is what the sentence is about
        before = text[max(0, match.start() - 25): match.start()].lower()
        if noun.startswith("report") and (
                noun == "reports" or re.search(rf"\b(?:{self.media}|news)\s*$", before)):
            return []  # "reports indicate", "media reports": other outlets' reporting
        if match.group("d1") and re.match(r"(?i)(?:in|from|under)\b", match.group(0)) and (
                not self._speech_or_frame(text)):
            return []  # "includes the trauma in the analysis": a document named, nothing taken from it
        if match.group("d1") and re.match(r"\s+(?:Office|Bureau|Committee|Commission|Council|Agency|Service|"
                                          r"Institute|Department|Administration|Board|Center|Centre)\b",
                                          text[match.end():]):
            return []  # "according to the Congressional Budget Office": a body, not a document
        return [Hit("document", match.group(0), 0.8)]

    def _unnamed(self, text: str) -> list[Hit]:
        out = []
        for match in self.unnamed_re.finditer(text):
            np = match.group(0)
            if not self._speaks(text, match):
                continue
            official = self._is_official(np)
            category = "anonymous_official" if official else "anonymous_other"
            strong = re.search(r"familiar|close\s+to|knowledge|briefed|anonymity|anonymously|not\s+authori",
                               text[match.end(): match.end() + 60], re.IGNORECASE)
            described = sources.described(np + self._qualifier(text, match))
            out.append(Hit(category, np, 0.9 if strong else 0.75, described))
        return out

    def _qualifier(self, text: str, match: re.Match[str]) -> str:
        """What places an unnamed speaker, up to its verb: " of the victims" in "Families of the victims said"."""
        found = re.match(rf"\s+(?:of|from|at|in|inside|within|for)\s+(?:the\s+|a\s+|an\s+)?[\w'’.-]+"
                         rf"(?:\s+[\w'’.-]+){{0,2}}?(?=,?\s+{ADVERBS}(?:{self.speech})\b)", text[match.end():])
        return found.group(0) if found else ""

    def _speaks(self, text: str, match: re.Match[str]) -> bool:
        """Whether the unnamed noun phrase is who speaks: a speech verb after it, or a frame before it."""
        after = _CLAUSE_END.split(text[match.end(): match.end() + 90], maxsplit=1)[0]  # this clause's verb
        if self.speech_re.search(" ".join(after.split()[:8])):
            return True
        before = text[max(0, match.start() - 40): match.start()]
        frame = rf"(?:according\s+to|per|(?:{self.speech})\s+by|citing|quoted)\s+$"
        if re.search(frame, before, re.IGNORECASE):  # "denied by officials", not "held by officials"
            return True
        # "…, said two officials." speaks; "Police said two people died" reports what happened to them
        inverted = re.search(rf"(?:{self.speech})\s+$", before, re.IGNORECASE)
        return bool(inverted) and _INVERTED_END.match(after) is not None

    def _named(self, text: str) -> list[Hit]:
        out = []
        for match in self.named_subject_re.finditer(text):
            if match.group("verb") == "states" and _PEOPLE_ADJECTIVE.search(match.group("subj")):
                continue  # "among South American states": a noun
            hit = self._named_hit(match.group("subj"), match.group("appos"), match.group(0))
            if hit:
                out.append(hit)
        for match in self.said_name_re.finditer(text):
            hit = self._named_hit(match.group("subj"), None, match.group(0))
            if hit:
                out.append(hit)
        for match in self.institution_re.finditer(text):
            out.append(Hit("on_record", match.group(0), 0.8, institution_source(match.group("subj"))))
        return out

    def _some_like(self, text: str) -> list[Hit]:
        """ "Some, like Anahit Markosian, called for …": unnamed people and the one named among them."""
        match = self.some_like_re.search(text) if " like " in text or " such as " in text else None
        if match is None:
            return []
        named = self._named_hit(match.group("name"), None, match.group(0))
        unnamed = Hit("anonymous_other", match.group(0), 0.75, sources.described(match.group("some")))
        return [unnamed] + ([named] if named else [])

    def _colon_quote(self, text: str) -> list[Hit]:
        match = self.colon_re.search(text) if ":" in text else None
        if match is None and text.rstrip().endswith(":"):  # "Ng E-Jay is unconvinced:", then what they wrote
            match = self.colon_intro_re.match(text)
            if match is not None:
                hit = self._named_hit(match.group("subj"), None, text[match.start("subj"): match.end("verb")])
                return [hit] if hit else []
        hit = self._named_hit(match.group("subj"), None, match.group(0)) if match else None
        return [hit] if hit else []

    def _named_hit(self, subject: str, appos: str | None, cue: str) -> Hit | None:
        words = subject.strip().split()
        cut = max((i for i, w in enumerate(words) if w in self.function_words), default=-1)
        words = words[cut + 1:]
        while words and (words[0] in self.not_names or words[0] in {"the", "a", "an"}
                         or words[0].lower() in self.function_words):
            words = words[1:]
        lower = [w for w in words if w[:1].islower() and not w.startswith("al-")]
        if not words or not any(w[:1].isupper() for w in words) or len(lower) > 3 or any(
                w in self.function_words for w in lower) or words[-1] in self.not_names:
            return None
        if words[0][:1].islower() and words[0].strip(".,") not in sources.ROLE_NOUNS | self.title_adjectives:
            if len(words) < 3 or not words[1][:1].isupper():
                return None
            words = words[1:]  # "At the dinner Brazilian President Lula said": the dinner does not speak
        if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+ly,?", words[0]):  # "Unfortunately, believing …"
            return None
        subject = " ".join(words)
        kind = self.classify(subject)
        if kind != "on_record":
            return Hit(kind, cue, 0.8, sources.clean(subject)) if kind else None
        named = sources.appositive(f"{subject}{appos}") if appos else None
        return Hit("on_record", cue, 0.85, named or sources.name_with_title(subject))

    def classify(self, phrase: str) -> str | None:
        """What kind of source a noun phrase names: outlet, document, platform, unnamed, or named."""
        phrase = phrase.strip(" .,;:")
        if re.fullmatch(rf"\s*{self.outlet}\s*(?:{self.media})?\s*", phrase) or re.search(
                rf"\b(?i:{self.media})\b", phrase):
            return "other_outlet"
        lowered = phrase.lower()
        head = lowered.split()[-1].strip(".,") if lowered.split() else ""
        if head in self.official_heads:
            return "anonymous_official"
        if head in self.unnamed_heads:
            return "anonymous_other"
        if re.search(rf"\b(?:{self.doc})s?\b", lowered) and not re.search(
                r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", phrase):
            return "document"
        if re.fullmatch(rf"\s*(?:{self.platform})\s*", phrase):
            return "social_post"
        if not any(w[:1].isupper() for w in phrase.split()):
            return None
        return "on_record"

    def outlets_over(self, text: str, hits: list[Hit], outlets: list[OutletHit]) -> list[Hit]:
        """The outlets as sources, and no document or institution read in the same words: an outlet's
        report is its reporting, "the Xinhua news agency said" is the outlet speaking."""
        def covered(hit: Hit) -> bool:
            at = text.find(hit.cue)
            return at >= 0 and any(at < o.end and o.start < at + len(hit.cue) for o in outlets) and (
                hit.category == "document" or hit.category == "on_record" and (
                    not hit.source or self.classify(hit.source) == "other_outlet"))
        kept = [h for h in hits if not covered(h)]
        return kept + [Hit("other_outlet", o.cue, 0.85, sources.clean(o.source)) for o in outlets]

    def _according(self, text: str) -> list[Hit]:
        out = []
        for match in self.according_re.finditer(text):
            obj = match.group("obj").strip()
            # "according to official sources Brazil and …": the sources, not the clause after them
            unnamed = self.unnamed_re.match(re.split(r"\s+(?=[A-Z])", obj, maxsplit=1)[0] if obj[:1].islower() else obj)
            if unnamed:
                kind = "anonymous_official" if self._is_official(unnamed.group(0)) else "anonymous_other"
                out.append(Hit(kind, match.group(0).split(unnamed.group(0))[0] + unnamed.group(0), 0.85,
                               sources.described(unnamed.group(0))))
                continue
            if self.post_word_re.search(obj) or re.match(rf"\s*{self.platform}\b", obj):
                out.append(Hit("social_post", match.group(0), 0.85))
                continue
            if re.match(r"(?i)(?:media\s+|news\s+|press\s+)?reports?\b", obj):  # no outlet named
                out.append(Hit("anonymous_other", match.group(0), 0.85))
                continue
            head = re.match(rf"(?:the\s+)?(?:[\w'’.-]+\s+){{0,6}}?(?:{self.doc})s?\b", obj, re.IGNORECASE)
            if head and not self.outlet_re.match(obj) and not re.match(r"\s+[A-Z]", obj[head.end():]):
                # "according to the report"; "the Congressional Budget Office" is a body speaking
                out.append(Hit("document", match.group(0), 0.85))
                continue
            leading = leading_name(re.sub(r"^[a-z]+['’]s\s+", "", obj))  # "today's Washington Post"
            kind = self.classify(leading) if leading else None
            if kind:
                source = sources.clean(leading)
                out.append(Hit(kind, match.group(0), 0.9 if kind != "on_record" else 0.85,
                               sources.name_with_title(source) if kind == "on_record" else source))
        return out


def _phrase_patterns(lexicon: Lexicon) -> PhraseMatcher:
    """The phrases grouped by category and confidence, matched in time linear in the text (phrases.py)."""
    grouped: dict[tuple[str, float], list[str]] = {}
    for cue in lexicon.phrases:
        grouped.setdefault((cue.category, cue.confidence), []).append(cue.phrase)
    return PhraseMatcher((category, confidence, phrases) for (category, confidence), phrases in grouped.items())


def _best_per_category(hits: list[Hit]) -> list[Hit]:
    """One hit per category: the most confident, with a named source preferred on ties."""
    best: dict[str, Hit] = {}
    for hit in hits:
        kept = best.get(hit.category)
        if kept is None or (hit.confidence, bool(hit.source)) > (kept.confidence, bool(kept.source)):
            best[hit.category] = hit if hit.source or kept is None or not kept.source else Hit(
                hit.category, hit.cue, hit.confidence, kept.source)
        elif hit.source and not kept.source:  # the more confident cue, the source another cue named
            best[hit.category] = Hit(kept.category, kept.cue, kept.confidence, hit.source)
    return list(best.values())
