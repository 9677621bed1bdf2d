"""Named sources: who a sentence quotes, written as "Name, title" when the text gives a title.

"Pentagon spokesperson Sean Parnell said" → "Sean Parnell, Pentagon spokesperson";
"Sean Parnell, the Pentagon's spokesperson, said" → "Sean Parnell, the Pentagon's spokesperson".
"""

from __future__ import annotations

import re

from annotator.core.pattern_cache import compile_re

# Nouns that end a title placed before a name ("Defense Secretary", "Pentagon spokesperson").
ROLE_NOUNS = frozenset("""
spokesperson spokesman spokeswoman secretary minister president director senator sen rep representative
official adviser advisor leader chairman chairwoman chair chief professor prosecutor coauthor co-author
author editor analyst governor mayor ambassador general commander ceo founder head undersecretary attorney
judge lawyer researcher scientist economist mp administrator premier chancellor king queen prince pope
deputy aide envoy strategist manager officer colonel captain lieutenant sergeant admiral major
correspondent reporter columnist commissioner superintendent inspector detective sheriff lawmaker
congressman congresswoman speaker whip counsel dean president-elect emeritus expert fellow
blogger activist writer commentator campaigner politician historian scholar journalist poet novelist
user member gov gen lt adm col capt sgt cmdr supt
""".split())
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|al-\w+|bin|de|da|dos|das|di|del|van|von|der|la|le)"
_PERSON = compile_re(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}(?:\s+and\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})?$")
_APPOSITIVE = compile_re(
    rf"(?P<name>[A-Z][\w'’.-]+(?:\s+{_NAME_WORD}){{0,3}}),\s+(?P<title>(?:the\s+|a\s+|an\s+)?[^,;“”\"]{{3,80}}?),")
_ABBREVIATED_TITLE = compile_re(r"^(?:Sen|Rep|Gov|Gen|Lt|Col|Adm|Capt|Sgt|Maj|Cmdr|Supt)\.\s+")
_SENTENCE_CAPITAL = frozenset({"Former", "Acting", "Senior", "Longtime", "Then-", "Retired", "Outgoing", "Interim"})
_CONNECTORS = frozenset({"of", "for", "the", "and", "on"})
_BODY_WORDS = frozenset({"staff", "command", "council", "committee", "office", "ministry", "department", "agency",
                         "service", "court", "assembly", "parliament", "government", "administration", "commission"})
_TRAILING_JUNK = compile_re(r"^(?:the|a|an)\s+", re.IGNORECASE)
_STOP_WORDS = frozenset({"The", "A", "An", "In", "On", "At", "But", "And", "However", "This", "That", "It",
                         "He", "She", "They", "We", "I", "As", "When", "While", "After", "Also", "Then"})


def _is_role(token: str) -> bool:
    """ "spokesperson", "Secretary", "activist/blogger" (each part of a slashed pair)."""
    return any(part in ROLE_NOUNS or part.endswith("s") and part[:-1] in ROLE_NOUNS
               for part in token.lower().strip(".,").split("/"))  # "Senators Lisa Murkowski and Mitt Romney"


def name_with_title(words: str) -> str:
    """Turn a subject such as "Pentagon spokesperson Sean Parnell" into "Sean Parnell, Pentagon spokesperson"."""
    tokens = words.strip(" ,;:.").split()
    while tokens and tokens[0] in _STOP_WORDS and len(tokens) > 1:
        tokens = tokens[1:]
    if tokens and tokens[-1].lower() in _BODY_WORDS:
        return " ".join(tokens)  # "Ukraine's General Staff": a body, no General named Staff
    role_at = max((i for i, t in enumerate(tokens) if _is_role(t)), default=-1)
    if 0 <= role_at < len(tokens) - 1:
        title, name = " ".join(tokens[: role_at + 1]), " ".join(tokens[role_at + 1:])
        if len(tokens) - role_at > 3 and any(t in _CONNECTORS for t in tokens[role_at + 1:]) and not (
                _PERSON.match(name)):  # "Senators Lisa Murkowski and Mitt Romney": two names, no office
            # "Secretary of the Air Force James Roche": the office runs on; the name is the last words
            size = 3 if len(tokens[-2].strip(".")) == 1 else 2
            title, name = " ".join(tokens[:-size]), " ".join(tokens[-size:])
        if _PERSON.match(name) and name[:1].isupper():
            first = title.split()[0]
            if first in _SENTENCE_CAPITAL:  # "Former official Jane Doe" at a sentence's start
                title = first.lower() + title[len(first):]
            return f"{name}, {title}"
    return " ".join(tokens)


_PARTICIPLE = compile_re(r"[a-z]+ing\b")


def appositive(text: str) -> str | None:
    """ "Name, title," at the start of a clause, when the title names a role (a participle, "speaking to
    reporters", names none)."""
    match = _APPOSITIVE.search(text)
    if match is None:
        return None
    title = match.group("title").strip()
    if _PARTICIPLE.match(title):  # "Christopher Hill, speaking to reporters at Narita,": no title
        return None
    if not any(word.lower().strip(".,'’s") in ROLE_NOUNS for word in title.split()):
        return None
    name = without_abbreviated_title(match.group("name"))  # "Rep. Jim Himes, the ranking member": the name first
    return f"{name if len(name.split()) >= 2 else match.group('name')}, {title}"


def without_abbreviated_title(text: str) -> str:
    """ "Jim Himes, …" of "Rep. Jim Himes, …"."""
    return _ABBREVIATED_TITLE.sub("", text)


def clean(source: str) -> str:
    """Trim a captured source of leading articles and trailing punctuation."""
    source = source.strip(" ,;:.“”\"'’")
    if source.startswith("The ") and len(source.split()) > 1 and not source.split()[1][:1].isupper():
        source = _TRAILING_JUNK.sub("", source)
    return source.removesuffix("'s").removesuffix("’s")


_CONNECTIVE_OPENING = compile_re(r"^(?:But|And|However|Yet|So|Still|Now)\s+")


def described(phrase: str) -> str:
    """An unnamed source as the text describes it, the guidelines' way: "a senior defense official",
    "Experts" (a sentence's capital kept), never a lone pronoun or determiner."""
    phrase = " ".join(phrase.strip(" ,;:.“”\"'’").split())
    phrase = _CONNECTIVE_OPENING.sub("", phrase)  # "But some bloggers": the sentence's
    return phrase if len(phrase.split()) >= 1 and phrase.lower() not in _NOT_DESCRIPTIONS else ""


_NOT_DESCRIPTIONS = frozenset({"some", "many", "others", "other", "few", "most", "several"})


def quoted(text: str, at: int) -> bool:
    """Whether position `at` of the sentence lies inside a quotation (curly or straight quotes)."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def joins_names(words: list[str], at: int) -> bool:
    """Whether the "and" at `at` joins two capitalised words of one name or a pair of names ("Food and Drug
    Administration", "Cybersecurity and Infrastructure Security Agency", "Smith and Jones"), not clauses,
    a list ("Apple, Google, Twitter and Facebook") or titled people ("… and Undersecretary Marcel Lettre");
    or the "on" is inside a body's name ("Council on Foreign Relations")."""
    if words[at] == "on" and 0 < at < len(words) - 1:  # "Council on Foreign Relations"
        return words[at - 1] in _BODIES_ON and words[at + 1][:1].isupper()
    return (words[at] in ("and", "&") and 0 < at < len(words) - 1 and words[at - 1][:1].isupper()
            and words[at + 1][:1].isupper() and not any(w.endswith(",") for w in words[:at])
            and not any(w.lower().strip(".,") in ROLE_NOUNS or w.lower().endswith(_TITLE_ENDINGS)
                        for w in words[at + 1:]))


_TITLE_ENDINGS = ("secretary", "director", "chief", "minister", "president")
_BODIES_ON = frozenset({"Council", "Committee", "Subcommittee", "Commission", "Project", "Center", "Centre",
                        "Institute", "Conference", "Panel", "Office", "Coalition", "Campaign"})
