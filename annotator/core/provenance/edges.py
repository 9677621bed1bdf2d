"""Citation edges: an article relays an outlet when a sentence attributes something to it.

From annotations: an `other_outlet` annotation's source, and an outlet named inside another
category's source ("senior official (Bloomberg)", "told CBS News"). From the text, in sentences no
such annotation covers: an outlet named where the words around it relay it ("according to
Bloomberg", "first reported by The Record", "US officials tell CBS News", "The Guardian reported",
"said KCNA"), outlets listed with one that is ("CNN, The New York Times and other outlets"), and "the
paper", "the outlet" meaning the last outlet named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.provenance.aliases import OutletBook, name_key
from annotator.core.provenance.mentions import Mention, MentionFinder
from annotator.core.provenance.model import ArticleText, SourcedMark
from annotator.core.provenance.relied_on import relied_on
from annotator.core.suggest.cues import Lexicon
from annotator.core.suggest.frames import alternation

_DESCRIBED = r"(?:(?:[Aa]n?|[Tt]he)\s+)?(?-i:[a-z][\w'’-]*\s+){0,3}"
_LEFT = re.compile(
    r"(?:\baccording\s+to|\btold|\btells?|\btelling|\bper|\bvia|\bin\s+remarks\s+to|\bremarks\s+to|"
    r"(?:©|\bcopyright)(?:\s*\d{4})?|\binterviews?\s+with|\bstatement\s+to|\breports?\s+came\s+from|"
    r"\b(?:said|stated|spoke|speaking|confirmed|talked|talking|explained|admitted)\s+to|"
    r"\bby|\b(?:reports?|story|stories|article|piece|investigation|interview|reporting|broadcast|analysis|"
    r"op-ed|column|documentary|podcast)\s+(?:by|from|in|on|with))\s+" + _DESCRIBED + r"$", re.IGNORECASE)
_QUOTING = re.compile(r"\b(?:quoting|citing)\s+(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)
_INVERTED = re.compile(r"(?:^|[,”\"])\s*(?:said|says|added|adds|wrote|writes|reported|reports|noted|stated|"
                       r"told|warned|claimed)\s+(?:the\s+)?$")
_JOINED = re.compile(r"^\s*(?:,|and|or|&|as\s+well\s+as)?\s*(?:,\s*)?(?:and\s+|or\s+)?(?:the\s+)?$", re.IGNORECASE)
_FIRST = re.compile(
    r"\b(?:first|initially|originally)\s+(?:to\s+)?(?:report|reported|revealed|published|carried|broke|broken|"
    r"aired|disclosed)\b|\bfirst\s+to\s+report\b|\bbroke\s+(?:this|the\s+(?:story|news))\b|"
    r"\bthe\s+first\s+report\s+(?:came|was)\b|\bwas\s+(?:the\s+)?first\b|\bscoop\b", re.IGNORECASE)
_NOT_RELAYED_BY = re.compile(  # "a debate hosted by CNN", "owned by Axel Springer"
    r"\b(?:hosted|owned|funded|sponsored|organi[sz]ed|acquired|bought|run|founded|launched|moderated|"
    r"broadcast\s+live|aired\s+live|televised)\s+by\s+" + _DESCRIBED + r"$")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’-]{0,40}\($|^\($")  # "WASHINGTON (Reuters) -": a wire's copy
_EMPLOYS = re.compile(r"\b(?:of|at)\s+(?:the\s+)?$")  # as the suggester's person affiliation
_NEAR = 3  # "the paper" looks back this many sentences for the outlet it means
_AGENCY_WORDS = re.compile(r"(?i:agency|agencies|press|wire)")


@dataclass(frozen=True)
class Citation:
    """One sentence (idx from 0) of an article relaying an outlet."""

    article_id: int
    idx: int
    outlet: str
    basis: str
    relied_on: str | None
    first_report: bool


class CitationFinder:
    """Citations in articles' texts and annotations, with one outlet book and lexicon."""

    def __init__(self, book: OutletBook, lexicon: Lexicon) -> None:
        self.book = book
        self.mentions = MentionFinder(book, lexicon)
        words = lexicon.words
        verbs = alternation(sorted(set(words["speech_verbs"]) | set(words["reporting_words"]), key=len, reverse=True))
        self._right = re.compile(
            r"^(?:,\s+(?:an?|the|its)\s+[^,]{1,60},)?\s*(?:\([\w .-]+\)\s*)?,?\s*"
            r"(?:(?:has|have|had|was|were|is|also|later|first|then|now|both|earlier|previously|initially|"
            r"originally|separately|itself|further|again|subsequently)\s+){0,3}"
            rf"(?:{verbs}|the\s+first\s+to\s+report|first\s+to\s+report|broke|carried|aired|understands|"
            r"understood|learned|learnt|has\s+learned|has\s+been\s+told|was\s+told|found)\b")
        pieces = (r"(?:reporters?|correspondents?|journalists?|piece|editorial|investigation|interview|report|"
                  r"story|article|scoop|analysis|reporting)\b")
        self._piece = re.compile(  # "The Guardian's report", "a CBS News senior White House reporter"
            rf"^(?:(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}?|\s+(?:(?:[a-z-]+|White\s+House)\s+){{0,3}}?){pieces}")
        self._which = re.compile(  # "The Washington Post, which obtained the memo"
            rf"^,\s+(?:which|who)\s+(?:(?:had|has|also|first)\s+){{0,2}}(?:{verbs}|obtained|broke|carried)\b")
        self._agencies = {name_key(n) for n in words["news_agencies"]}

    # -- from the text -----------------------------------------------------------------------------
    def from_text(self, article: ArticleText, *, skip: set[int] = frozenset()) -> list[Citation]:
        """The citations the text of `article` makes, leaving out the sentences in `skip` (idx)."""
        own = name_key(self.book.resolve(article.outlet))
        named: list[tuple[int, str]] = []  # (sentence idx, entity) of every outlet named so far
        found: list[Citation] = []
        for idx, text in enumerate(article.sentences):
            mentions = self.mentions.find(text)
            if not mentions:
                continue
            outlets: list[str | None] = []
            for mention in mentions:
                outlets.append(self._outlet(mention, text, named, idx))
                if mention.name is not None and outlets[-1]:
                    named.append((idx, self.book.entity(mention.name, {e for _, e in named})))
            if idx in skip:
                continue
            relays = self._relays(text, mentions)
            first = _first_named(text, [m for m, r in zip(mentions, relays) if r])
            relied = [relied_on(text, m.start, m.end) if r else None for m, r in zip(mentions, relays)]
            for i in range(1, len(mentions)):  # "confirmed to CNN, The New York Times … by officials"
                if relays[i] and relied[i] is None and _JOINED.match(text[mentions[i - 1].end: mentions[i].start]):
                    relied[i] = relied[i - 1]
            for mention, outlet, relay, source in zip(mentions, outlets, relays, relied):
                if relay and outlet and name_key(outlet) != own:
                    found.append(Citation(article.id, idx, outlet, "text", source, mention in first))
        return found

    def _outlet(self, mention: Mention, text: str, named: list[tuple[int, str]], idx: int) -> str | None:
        before = {entity for _, entity in named}
        if mention.how == "after":  # "the Times" means The New York Times only once it was named
            outlet = self.book.resolve(mention.name, named_before=before)
            return outlet if outlet in before or self.book.entity(mention.name, before) in before else None
        if mention.name is not None:
            return self.book.resolve(mention.name, named_before=before)
        noun = text[mention.start: mention.end].lower()
        for at, entity in reversed(named):
            if idx - at > _NEAR:
                break
            if "agency" in noun and name_key(entity) not in self._agencies and not _AGENCY_WORDS.search(entity):
                return None
            return self.book.resolve(entity)
        return None

    def _relays(self, text: str, mentions: list[Mention]) -> list[bool]:
        relays = [self._relayed(text, m) for m in mentions]
        for _ in range(len(mentions)):
            changed = False
            for i in range(len(mentions) - 1):
                if relays[i] != relays[i + 1] and _JOINED.match(text[mentions[i].end: mentions[i + 1].start]):
                    relays[i] = relays[i + 1] = True
                    changed = True
            if not changed:
                break
        return relays

    def _relayed(self, text: str, mention: Mention) -> bool:
        left = text[max(0, mention.start - 70): mention.start]
        if _EMPLOYS.search(left) or _NOT_RELAYED_BY.search(left):
            return False
        if _DATELINE.search(left) and text[mention.end: mention.end + 4].lstrip(" )").startswith(("-", "—", "–")):
            return True
        if _LEFT.search(left) or _QUOTING.search(left) or _INVERTED.search(left):
            return True
        right = text[mention.end: mention.end + 90]
        return bool(self._right.match(right) or self._piece.match(right) or self._which.match(right))

    # -- from annotations --------------------------------------------------------------------------
    def from_marks(self, marks: list[SourcedMark], articles: dict[int, ArticleText]) -> list[Citation]:
        """The citations annotations make: other_outlet's source, an outlet named in another's source;
        one is a first report when its sentence says so ("first reported by …")."""
        found: list[Citation] = []
        outlet_of = {i: a.outlet for i, a in articles.items()}
        for mark in marks:
            sentences = articles[mark.article_id].sentences if mark.article_id in articles else ()
            first = mark.idx < len(sentences) and bool(_FIRST.search(sentences[mark.idx]))
            mentions = [m for m in self.mentions.find(mark.source) if m.name is not None]
            if mark.category != "other_outlet":
                mentions = [m for m in mentions if m.how in ("named", "looks")]
            names = [m.name for m in mentions]
            if not names and mark.category == "other_outlet" and mark.source.strip():
                names = [re.sub(r"\s*\(.*?\)\s*", " ", mark.source).strip() or mark.source.strip()]
            own = name_key(self.book.resolve(outlet_of.get(mark.article_id, "")))
            for name in names:
                outlet = self.book.resolve(name)
                if name_key(outlet) == own or not name_key(outlet):
                    continue
                found.append(Citation(mark.article_id, mark.idx, outlet, "annotation",
                                      _rest(mark.source, name) if mark.category != "other_outlet" else None,
                                      first))
        return found


def _first_named(text: str, mentions: list[Mention]) -> set[Mention]:
    """The relayed mentions a "first reported" cue speaks of: the nearest to each cue."""
    chosen: set[Mention] = set()
    for cue in _FIRST.finditer(text):
        if mentions:
            chosen.add(min(mentions, key=lambda m: cue.start() - m.end if m.end <= cue.start() else m.start - cue.end()))
    return chosen


def _rest(source: str, outlet: str) -> str | None:
    """A source without its outlet: "senior official (Bloomberg)" → "senior official"."""
    rest = re.sub(re.escape(outlet), " ", source, flags=re.IGNORECASE)
    rest = re.sub(r"\(\s*\)|\b(?:told|tells|to|the|via|per)\s*$", " ", rest.strip())
    rest = " ".join(rest.split()).strip(" ,;:()")
    return rest or None
