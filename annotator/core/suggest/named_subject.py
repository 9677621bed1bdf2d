"""Who a subject named before a speech verb is: the words the frames found ("At the dinner Brazilian
President Lula", "Mayor Bob Parker in Christchurch", "Researchers at Stanford") read as one speaker:
a person or body on the record, with their title; unnamed people of a named place, described whole;
or nobody (a clause opener, an adverb, a place, a group the unnamed frames read themselves).
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.guideline_pass import BODY_NAME_WORDS
from annotator.core.suggest.hit import Hit

_ADVERB_OPENING = compile_re(r"[A-Z][a-z]+ly,?")
# a place of work ending in a person's name: three capitalised words or more, the last no body's word
_NAME_AFTER_PLACE = compile_re(rf"(?:[A-Z][\w'’.&-]*\s+){{2,}}(?!(?:{BODY_NAME_WORDS})$)[A-Z][\w'’.-]*$")
_LOCATIVES = frozenset({"in", "at", "from"})  # after a name, where the person is
# Lower-case words before a subject that open its clause, not name it: "but as Lund explains" ("known as
# MODX, added" is no clause: "as" before a name and a comma is a preposition)
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "as", "and", "but", "so", "yet", "while", "when", "because",
                             "although", "though", "since", "if"})
_TRAILING_DAY = compile_re(r"\s+(?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
_SUCH_AS = compile_re(r"\s(?:such\s+as|like|including)\s")


class NamedSubjects:
    """The reading of named subjects with one lexicon's word lists; `classify` tells the kind of a name,
    `is_official` whether an unnamed head has an official role (kinds.SourceKinds)."""

    def __init__(self, words: dict[str, list[str]], not_names: frozenset[str],
                 classify: Callable[[str], str | None], is_official: Callable[[str], bool]) -> None:
        self.not_names = not_names  # capitalised words that never start or end a name
        self.function_words = frozenset(words["function_words"])  # never inside a speaker's name or title
        self.group_heads = frozenset(h.lower() for h in words["official_heads"] + words["unnamed_heads"])
        self.bare_heads = frozenset(h.lower() for h in words["bare_unnamed_heads"])  # "officials said": the
        # unnamed frames read these alone
        self.title_adjectives = frozenset(words["title_adjectives"])  # "former", "acting": a title may start so
        self.classify = classify
        self._is_official = is_official

    def hit(self, subject: str, appos: str | None, cue: str) -> Hit | None:
        """Who `subject` (with its apposition `appos`, if any) is as a speaker, as a hit with `cue`; None
        when it names nobody ("At the dinner", "Unfortunately,") or is left to the unnamed frames."""
        if _SUCH_AS.search(subject):
            return None  # "Scholars such as Zeynep Tufekci": the group and the one named in it (rules._some_like)
        subject = _TRAILING_DAY.sub("", subject)  # "The Pentagon on Tuesday": the Pentagon
        words = subject_words = subject.strip().split()
        place = next((i for i, w in enumerate(words) if w in _LOCATIVES), -1)
        if place >= 2 and sum(w[:1].isupper() for w in words[:place]) >= 2 and not any(
                w in self.function_words for w in words[:place]):
            words = subject_words = words[:place]  # "Mayor Bob Parker in Christchurch": the mayor, not the city
        cut = max((i for i, w in enumerate(words)
                   if w in self.function_words and not sources.joins_names(words, i)), default=-1)
        if cut >= 1 and words[cut] in ("in", "on", "at", "from") and words[cut - 1].lower() in self.group_heads:
            head = words[cut - 1].lower()
            if words[cut] in ("at", "from") and head not in self.bare_heads and not _NAME_AFTER_PLACE.search(
                    " ".join(words[cut + 1:])):  # "Researchers at Stanford found" (not "Economist at ING James …"):
                kind = "anonymous_official" if self._is_official(head) else "anonymous_other"  # unnamed people of
                return Hit(kind, cue, 0.8, sources.described(" ".join(words)))  # a named place, described whole
            return None  # "Lawmakers on Capitol Hill called", "Officials in Kyiv said": the unnamed frames' own
        words = words[cut + 1:]
        while words and (words[0] in self.not_names or words[0].lower() in self.function_words
                         or words[0] in _CLAUSE_OPENERS and (words[0] != "as" or not appos)):
            words = words[1:]
        lower = [w for i, w in enumerate(words) if w[:1].islower() and not w.startswith("al-")
                 and not sources.joins_names(words, i)]
        if not words or not any(w[:1].isupper() for w in words) or len(lower) > 3 or any(
                w in self.function_words for w in lower) or words[-1] in self.not_names:
            return None
        first_name = next((i for i, w in enumerate(words) if w[:1].isupper()), 0)
        titled = first_name > 0 and words[first_name - 1].strip(".,") in sources.ROLE_NOUNS  # "campaign manager X"
        if words[0][:1].islower() and words[0].strip(".,") not in sources.ROLE_NOUNS | self.title_adjectives and (
                not titled):
            if len(words) < 3 or not words[1][:1].isupper():
                return None
            words = words[1:]  # "At the dinner Brazilian President Lula said": the dinner does not speak
        if len(words) == 1 and _ADVERB_OPENING.fullmatch(words[0]) and (
                words[0].endswith(",") or (appos or "").strip() == ","):  # "Unfortunately, believing …" (not
            return None  # "Kelly warned", "Kelly, a former astronaut, warned")
        subject = " ".join(words)
        kind = self.classify(subject)
        if kind == "social_post" and not (cut >= 0 and subject_words[cut].lower() in {"on", "via", "to", "across"}):
            return Hit("on_record", cue, 0.85, sources.clean(subject))  # "Facebook said": the company speaking
        if kind != "on_record":
            return Hit(kind, cue, 0.8, "" if kind == "social_post" else sources.clean(subject)) if kind else None
        named = sources.appositive(f"{subject}{appos}") if appos else None
        return Hit("on_record", cue, 0.85, named or sources.name_with_title(subject))
