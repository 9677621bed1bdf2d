"""Suggest each sentence's sourcing categories: the rules, then what carries over between sentences.

A sentence inherits the attribution of the one before when it continues its quote (it opens with a
quotation mark and names no speaker, or the quote before it is still open, or the sentence before
ends with a colon), when its speaker is a pronoun ("she added") or when it speaks in the first person
after a speaker. Pull quotes take their speaker from the sentence they repeat or the byline after
them (carry.py); an embedded post's byline says whose post the text before it is (embeds.py). A
surname alone ("Kikta noted") takes the full name and title given earlier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from annotator.core import display_text
from annotator.core import pattern_cache
from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import carry, embeds, guideline_pass, learned, roundups, sentence_kinds, simplified
from annotator.core.suggest.named import SourceVetting
from annotator.core.suggest.outlets import DEICTIC_NOUNS
from annotator.core.suggest.cues import Lexicon, load_lexicon
from annotator.core.suggest.hit import Hit, is_carried
from annotator.core.suggest.rules import Rules
from annotator.core.suggest.speakers import (
    body_speaks,
    described_role,
    described_speaks,
    is_quote_only,
    may_be_titled,
    person_speaks,
    pronoun_speaks,
    role_of,
)

ATTRIBUTION = ("anonymous_official", "on_record", "social_post", "anonymous_other", "other_outlet", "document")
UNATTRIBUTED = "unattributed"
_CARRY = 0.85  # confidence kept by an inherited suggestion
_DEICTIC = tuple(f"he {noun}" for noun in DEICTIC_NOUNS)  # "the newspaper", "The agency"
_HANDLE_COLON = compile_re(r"\s*@\w{2,30}:")
_PERSON_BEFORE = 0.6  # "He said …" after sentences that attribute nothing: someone named earlier speaks


@dataclass(frozen=True)
class SentenceSuggestion:
    """A category suggested for sentence `idx` (from 0) of an article, with why and who."""

    idx: int
    category: str
    confidence: float
    cue: str
    source: str


_COMPILED: dict[str, Rules] = {}


def rules_for(lexicon: Lexicon) -> Rules:
    """Compiled rules, kept by the lexicon's fingerprint: about 0.4 s on 2 cores the first time on a
    machine, about 0.03 s from the pattern cache (core/pattern_cache.py: the user's, or the package's
    for the Python build it was made with) in every later process."""
    rules = _COMPILED.get(lexicon.fingerprint)
    if rules is None:  # built aside, then stored: a thread reading the cache meanwhile finds it whole
        rules = Rules(lexicon)
        _COMPILED.clear()
        _COMPILED[lexicon.fingerprint] = rules
        pattern_cache.save()  # the next process builds them from the cache
    return rules


_DETECTORS: dict[str, learned.Detector] = {}


def detector_for(lexicon: Lexicon) -> learned.Detector | None:
    """The learned detector with the lexicon's cue flags, cached as the rules are; None without a model."""
    if lexicon.fingerprint not in _DETECTORS:
        found = learned.detector(lexicon.words)  # built aside, then stored, as the rules are
        _DETECTORS.clear()
        _DETECTORS[lexicon.fingerprint] = found
        pattern_cache.save()
    return _DETECTORS.get(lexicon.fingerprint)


class Suggester:
    """Suggest categories for the sentences of articles with one lexicon."""

    def __init__(self, lexicon: Lexicon | None = None, *, categories: set[str] | None = None,
                 use_learned: bool = True) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.use_learned = use_learned  # False: the rules alone (what the learned detector is trained beside)
        self.vetting = SourceVetting(self.lexicon.words)  # what a named source may be (the guidelines)
        self.categories = categories  # None: every category the rules know

    @property
    def fingerprint(self) -> str:
        """The lexicon's and the learned model's: either changed, the stored suggestions are stale."""
        return f"{self.lexicon.fingerprint}-{learned.model_digest() if self.use_learned else learned.NO_MODEL}"

    @property
    def rules(self) -> Rules:
        """The lexicon's compiled rules, compiled on first use: a process that only hands articles to
        workers (and needs the fingerprint alone) never compiles them."""
        return rules_for(self.lexicon)

    def suggest(self, sentences: list[str], *, paragraphs: list[int] | None = None,
                outlet: str = "") -> list[SentenceSuggestion]:
        """Suggestions for an article's sentences, in order; `idx` counts from 0. `paragraphs` gives
        each sentence's paragraph number (a quote introduced with a colon then runs to the end of the
        paragraph after it, and on through paragraphs in the first person); `outlet` is the article's
        own outlet, which is never another outlet's report."""
        if paragraphs is not None and len(paragraphs) != len(sentences):
            paragraphs = None  # not this article's layout: read it sentence by sentence
        headings = [display_text.is_heading(text) for text in sentences]
        found = self._attributed(sentences, headings, paragraphs, outlet)
        carry.pull_quotes(sentences, found, headings, _CARRY)
        embeds.bylined_posts(sentences, found, paragraphs, _CARRY)
        display = _standfirsts(sentences, found, paragraphs) | {i for i, h in enumerate(headings) if h}
        out: list[SentenceSuggestion] = []
        for idx, (text, attributed) in enumerate(zip(sentences, found)):
            hits = attributed or (idx not in display and self._learned(text)) or self._unattributed(text)
            out += [SentenceSuggestion(idx, h.category, h.confidence, h.cue, h.source)
                    for h in hits if self.categories is None or h.category in self.categories]
        return out

    def _attributed(self, sentences: list[str], headings: list[bool], paragraphs: list[int] | None,
                    own_outlet: str) -> list[list[Hit]]:
        """Each sentence's attribution: its own cues, or what it continues from the sentence before."""
        found: list[list[Hit]] = []
        previous: list[Hit] = []
        previous_text, previous_idx = "", 0
        known: list[str] = []
        block = carry.QuoteBlock(paragraphs, sentences)
        roundup = roundups.is_roundup(sentences)
        post_paragraph = -1
        first_body = next((i for i, h in enumerate(headings) if not h), len(sentences))  # may open on a dateline
        for idx, (text, heading) in enumerate(zip(sentences, headings)):
            if display_text.is_promotion(text) or display_text.is_credit(text):
                found.append([])  # "Follow us on X", "Jane Doe contributed reporting": nothing, nor carried into
                continue
            read = simplified.read(text)  # "The prime minister, like Donald Trump, has said": no Trump
            hits = self.rules.hits(sentence_kinds.without_dateline(read) if idx <= first_body else read)
            if any(noun in text for noun in _DEICTIC):  # "the newspaper said": an outlet named before?
                outlet = self.rules.outlet_frames.deictic(text, sentences[:idx])
                hits = self.rules.outlets_over(read, hits, [outlet]) if outlet else hits
            hits = guideline_pass.apply(read, hits, own_outlet, display_checked=True)
            if roundup:
                hits = roundups.posts(read, hits)
            attributed = [h for h in hits if h.category != UNATTRIBUTED]  # a user's category counts too
            if not attributed and sentence_kinds.newsroom(text):  # "X did not respond to a request for
                found.append([])  # comment": newsroom process (the guidelines), nothing of its own nor carried
                continue
            if _handle_only(attributed):  # "Anissa B. tweeted:" then "@beautifultango7: …" is hers
                attributed = _posted_by(block.carried(idx, text, _CARRY), attributed)
            if not attributed and not heading:
                attributed = block.carried(idx, text, _CARRY)
            if paragraphs is not None and _HANDLE_COLON.match(text):
                post_paragraph = paragraphs[idx]  # "@handle: …" — the post runs to the paragraph's end
            same = paragraphs is None or paragraphs[idx] == paragraphs[previous_idx]
            if not attributed and previous:
                in_post = same and paragraphs is not None and paragraphs[idx] == post_paragraph
                attributed = self._continued(idx, text, previous, previous_text, same, in_post,
                                             laid_out=paragraphs is not None)
            elif previous and same and sentence_kinds.hearsay_only(attributed):  # "It was said to …": theirs
                attributed = carry.carried_over(previous, idx, _CARRY)
            if not attributed and not heading:
                attributed = self._referred_back(read)
            elif attributed and all((h.category in ("other_outlet", "document") or h.category == "social_post"
                                     and not h.source or sentence_kinds.unnamed_report(h)) and not is_carried(h)
                                    for h in attributed):
                # "He told the Associated Press", "He wrote on X", "The senator said 80 percent of voters
                # think", "He denies earlier reports": the sentence's own cue, not one carried
                documents = any(h.category == "document" for h in attributed)  # "The scientists found": a study
                attributed = attributed + [h for h in self._referred_back(read) if h.category != "social_post"
                                           and not (documents and h.category == "anonymous_other")]
            if heading:  # a headline or byline line: only an embedded post's byline counts
                attributed = [h for h in attributed if h.category == "social_post"]
            block.after(idx, text, heading, attributed)
            vetted = [v for h in attributed
                      for v in self.vetting.vetted(replace(h, source=_full_name(h.source, known)), read)]
            # an outlet moved from speaker repeats nothing; a post without an author is the speaker's
            attributed = guideline_pass.one_per_category(self.vetting.authored(vetted, read))
            known += [h.source for h in attributed if h.source]
            found.append(attributed)
            if attributed or not heading:
                previous, previous_text, previous_idx = attributed, text, idx
        return found

    def _referred_back(self, text: str) -> list[Hit]:
        """A speaker given before and referred to by "he", "she" or a role ("The governor vowed"), after
        sentences that attribute nothing, or posting or telling an outlet ("He wrote on X", "He told the
        Associated Press"): who it is is the reader's to fill in."""
        speaker = person_speaks(text, self.rules.speech_re) or body_speaks(text, self.rules.speech_re)
        if speaker:  # "He said", "It said": a person or a body named before
            return [Hit("on_record", speaker, _PERSON_BEFORE)]
        cue, category = described_role(text, self.rules.speech_re)
        return [Hit(category, cue, _PERSON_BEFORE)] if cue else []

    def _continued(self, idx: int, text: str, previous: list[Hit], previous_text: str,
                   same_paragraph: bool, in_post: bool = False, laid_out: bool = False) -> list[Hit]:
        by_handle = same_paragraph and any(h.category == "social_post" and h.source.startswith("@") for h in previous)
        # the rest of a post quoted as "@handle: …" ("#nessma", "Key test of freedom of speech."), or a continuation
        if in_post or by_handle or self._continues(text, previous_text, previous):
            return carry.carried_over(_speakers(previous), idx, _CARRY)
        if laid_out and same_paragraph and sentence_kinds.goes_on_to_colon(text) and any(
                h.category in carry.SPEAKING for h in previous):
            # "Elaine Ee believes the code is no solution. Instead, the government should free up the media:"
            # the speaker goes on, and what follows the colon is theirs too (not "The timeline so far:")
            return carry.carried_over(_speakers(previous), idx, _CARRY)
        if carry.first_person(text) and same_paragraph:  # the quote goes on in the speaker's own voice;
            # a new paragraph in the first person is the writer's own (an analysis, a sign-off)
            return carry.inherited(previous, idx, _CARRY)
        return []

    def _continues(self, text: str, previous_text: str, previous: list[Hit]) -> bool:
        if pronoun_speaks(text, self.rules.speech_re):
            return True
        if described_speaks(text, self.rules.speech_re):
            # "the official added" takes up the speaker before, named or not; "The president says" after
            # "Some observers say" is no one of them: a role one person holds takes up only a speaker on the
            # record, and not one the text gave another title ("the pontiff" after "Father Maurice, Catholic
            # priest")
            cue, role = described_role(text, self.rules.speech_re)
            if role != "on_record":
                return True
            word = role_of(cue)
            return any(h.category == "on_record" and may_be_titled(word, h.source, cue) for h in previous)
        if is_quote_only(text):
            return True
        opened = previous_text.count("“") - previous_text.count("”")
        return opened > 0 or previous_text.rstrip().endswith(":")

    def _learned(self, text: str) -> list[Hit]:
        """What the learned detector says of a body sentence the rules left empty (learned.py)."""
        detector = detector_for(self.lexicon) if self.use_learned else None
        guess = detector.guess(text) if detector is not None else None
        if guess is None or (self.categories is not None and guess.category not in self.categories) or (
                display_text.is_display_text(text)):
            return []  # a category the codebook lacks leaves the sentence to `unattributed`
        return [Hit(guess.category, f"learned from labelled news (p {guess.probability:.2f})", learned.CONFIDENCE)]

    def _unattributed(self, text: str) -> list[Hit]:
        if not self.lexicon.propose_unattributed or not is_claim(text):
            return []
        return [Hit(UNATTRIBUTED, "no attribution cue", self.lexicon.unattributed_confidence)]


def is_claim(text: str) -> bool:
    """A full declarative sentence: not a heading, dateline, caption, question or fragment."""
    stripped = text.strip().rstrip("*").strip()
    return (len(stripped.split()) >= 6 and stripped[-1:] in ".!”’\")" and not stripped.endswith("?")
            and not display_text.is_display_text(stripped))


def _standfirsts(texts: list[str], found: list[list[Hit]], paragraphs: list[int] | None) -> set[int]:
    """A paragraph closed by the correspondent's credit ("VOA's Al Pessin reports from the Pentagon.") is a
    standfirst, display text: its sentences get nothing (in place); their positions."""
    cleared: set[int] = set()
    for idx, text in enumerate(texts):
        if not display_text.is_correspondent_credit(text):
            continue
        found[idx] = []
        cleared.add(idx)
        before = idx - 1
        while paragraphs is not None and before >= 0 and paragraphs[before] == paragraphs[idx]:
            found[before] = []
            cleared.add(before)
            before -= 1
    return cleared


def _speakers(hits: list[Hit]) -> list[Hit]:
    """What a continuing quote inherits: who spoke, not the document they spoke about."""
    speakers = [h for h in hits if h.category != "document"]
    return speakers or hits


def _handle_only(hits: list[Hit]) -> bool:
    """Whether a sentence's only attribution is a post by a handle ("@beautifultango7: …")."""
    return bool(hits) and all(h.category == "social_post" and h.source.startswith("@") for h in hits)


def _posted_by(speakers: list[Hit], posts: list[Hit]) -> list[Hit]:
    """The speakers a colon introduced, as the authors of the post quoted after it by its handle."""
    named = next((h.source for h in speakers if h.source), "")
    if not named:
        return posts
    kept = [h for h in speakers if h.category != "social_post"]
    return kept + [replace(h, source=named) for h in posts]


_HONORIFIC = compile_re(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+")


def _full_name(source: str, known: list[str]) -> str:
    """A surname alone ("Kikta", "Mr. Edwards") becomes the full "Jason Kikta, former official" given earlier;
    in a pair, each surname its full name ("Trump and Barr": "Donald Trump and William Barr")."""
    if source[:1].islower():  # "officials": a description, never another one's name ("White House officials")
        return source
    pair = source.split(" and ")
    if len(pair) == 2 and all(part and " " not in part.strip() for part in pair):
        return " and ".join(_full_name(part, known).split(",")[0] for part in pair)
    bare = _HONORIFIC.sub("", source.strip())
    if bare != source.strip() and " " not in bare:
        found = _full_name(bare, known)
        return found if found != bare else source
    if not source or " " in source.strip():
        return source
    for earlier in reversed(known):
        name = earlier.split(",")[0].split()
        if source in name and name[-1][:1].isupper() and "and" not in name:  # a name, not a description whose
            return earlier  # head is a common noun ("CISA" is no "a CISA analyst", "Yahoo" no "Three former Yahoo
            # employees"), nor a list (no one's full name)
    return source
