"""What the coding guidelines (resources/guide/guidelines.md) say of a sentence's hits once the rules
have read it: the corrections that need the whole sentence, or the article's own outlet.

- A credit line ("Jane Doe reported on this story for VOANews.com", "… contributed to this report",
  "… was the editor"), a sign-off ("I'm Mario Ritter.") and a promotion ("Sign up for our
  newsletter…", "Related: …", "Read more: …") are display text: no category.
- The article's own outlet is no other outlet: "told VOA" in VOA's story relays nobody else.
- "Added" and "answered" with a thing and a place ("added North Korea back to the list") state nothing.
- An outlet reporting is no on-record speaker besides ("The official Lanka Broadcasting Corporation reports").
- An outlet that only employs someone ("The BBC's Tokyo correspondent … was detained") relays
  nothing: without a speech or reporting verb there is no outlet's report.
- A named body that is no news organisation ("The Committee to Protect Journalists reports") speaks
  on the record as itself.
- A role noun alone is no named speaker: "said a defense ministry spokesman" is an unnamed official.
- A named person's or body's post is on-record plus social post; a blogger, a blog, a wall or
  netizens speaking make a social post of what they say.
- A name that news-outlet words would make an outlet, followed by "blog" ("The Armenian Observer
  blog comments"), is a blog: on-record plus social post.
- A place or body that only says where an unnamed speaker is ("officials in Kabul", "a source at the
  Pentagon", "analysts at Goldman Sachs", "residents of Springfield") is no named speaker: the
  unnamed source is described with it, and one at an official body is an anonymous official.
"""

from __future__ import annotations

import re
from dataclasses import replace

from annotator.core import display_text
from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.hit import SPEAKERS, UNNAMED, Hit

_EMPLOYER = compile_re(r"^(?:the\s+)?[\w.&’' -]{2,40}?(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:correspondent|reporter|journalist|editor|bureau|cameraman|producer|crew|team|staff)\b",
                       re.IGNORECASE)
# Words that end the name of a body that is no news organisation ("Committee to Protect Journalists").
BODY_NAME_WORDS = ("Committee|Commission|Council|Institute|Foundation|Organi[sz]ation|Group|Watch|Fund|Association|"
                   "Federation|Union|Coalition|Alliance|Society|Center|Centre|Ministry|Department|Agency|Office|"
                   "Bank|University|Court|Party")
_INSTITUTION = compile_re(rf"\b(?:{BODY_NAME_WORDS}|Institution|Program(?:me)?|Movement|Network for)\b")
_BLOG = compile_re(r"\b(?:blogg?ers?|blog|blogs|blogosphere|netizens|social\s+media\s+users?|"
                   r"on\s+(?:his|her|their|its)\s+wall|"
                   r"social\s+network(?:ing)?\s+sites?|wrote\s+on\s+(?:his|her|their|its)\s+(?:page|profile))\b",
                   re.IGNORECASE)
_SPEAKS_OR_REPORTS = compile_re(
    r"\b(?:said|says|say|told|tells|reported|reports|reporting|wrote|writes|according|per|cited|citing|"
    r"quoted|revealed|learned|obtained|published|broadcast|aired|confirmed|added|noted)\b", re.IGNORECASE)
_PAPER = compile_re(r"(?i)\b(?:stud(?:y|ies)|surveys?|reports?|analys[ie]s|findings|research|data|figures|"
                    r"reviews?|papers?|assessments?|polls?)\b")
_DONE_TO = compile_re(r"\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?!(?:published|released|"
                      r"issued|quoted|cited|reported)\b)\w+ed\b|(?!(?:published|released|issued)\b)\w+ed\s+by\b)")
_RESEARCHERS = compile_re(r"(?i)(?:the\s+)?(?:researchers|scientists|authors|research\s+team|study's\s+authors)")
_SAYING = compile_re(r"\s+(?:also\s+)?(?:said|say|says|noted|note|notes|told|added|warned|warn|explained|"
                     r"believe|believes|argued|argue|cautioned|described|describe|describes|suggested)\b")


def apply(text: str, hits: list[Hit], own_outlet: str = "", *, display_checked: bool = False) -> list[Hit]:
    """The sentence's hits corrected by the guidelines (see the module's docstring); `display_checked`
    when the caller has found the sentence no credit line nor promotion already."""
    if not hits:
        return hits
    if not display_checked and (display_text.is_credit(text) or display_text.is_promotion(text)):
        return []
    out = [h for h in hits if not _relays_nothing(text, h, own_outlet) and not _document_named_only(text, h)]
    out = _outlet_not_speaker([_institution(_people_not_papers(text, h)) for h in out if not _acts(text, h)])
    out = _unnamed_role(_affiliated_unnamed(text, _described_named(_medium_of_speaker(_one_unnamed(out)))))
    return _posts(text, _blog_not_outlet(text, out))


_UNAUTHORISED = compile_re(r"(?i)not\s+authori[sz]ed")


def _one_unnamed(hits: list[Hit]) -> list[Hit]:
    """ "A person familiar with the planning, who was not authorized to speak publicly, said": one unnamed
    source, whom the head noun describes; "not authorized" adds no official of its own."""
    if not any(h.category == "anonymous_other" and h.source for h in hits):
        return hits
    return [h for h in hits if not (h.category == "anonymous_official" and not h.source
                                    and _UNAUTHORISED.search(h.cue))]


_MEDIUM = compile_re(r"(?i)^in\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
                     r"(?:letter|memo|memorandum|op-ed|e-?mail)s?$")


def _medium_of_speaker(hits: list[Hit]) -> list[Hit]:
    """ "Sen. Chuck Schumer called the move a mistake in a letter to Hegseth": the letter is how the named
    speaker said it, no document of its own (a letter with no writer named stays a document)."""
    if not any(h.category == "on_record" and h.source for h in hits):
        return hits
    return [h for h in hits if not (h.category == "document" and _MEDIUM.match(h.cue.strip()))]


_ACTING = compile_re(r"(?:added|adds|answered|answers)$")
_OBJECT_THEN_PLACE = compile_re(
    r"\s+(?!that\b)(?:[\w'’.-]+\s+){1,6}?(?:to|with|into)\b(?!\s+(?:say|add|reporters)\b)")


def _acts(text: str, hit: Hit) -> bool:
    """ "The United States added North Korea back to the list", "The military answered the launch with
    its own test": the verb takes a thing and a place, no statement."""
    if hit.category not in SPEAKERS or not _ACTING.search(hit.cue):
        return False
    at = text.find(hit.cue)
    return at >= 0 and bool(_OBJECT_THEN_PLACE.match(text, at + len(hit.cue)))


def _outlet_not_speaker(hits: list[Hit]) -> list[Hit]:
    """An outlet reporting is never an on-record speaker too ("The official Lanka Broadcasting Corporation
    reports" once read as a body named "Lanka Broadcasting Corporation, official")."""
    reporting = tuple(h.source for h in hits if h.category == "other_outlet" and h.source)
    if not reporting:
        return hits
    return [h for h in hits if not (h.category == "on_record" and h.source.split(",")[0].endswith(reporting))]


def _relays_nothing(text: str, hit: Hit, own_outlet: str) -> bool:
    if hit.category == "on_record" and hit.source and own_outlet and _same_outlet(hit.source, own_outlet):
        return True  # "VOA Pashto reported" in VOA's story: its own reporting
    if hit.category != "other_outlet":
        return False
    if hit.source and own_outlet and _same_outlet(hit.source, own_outlet):
        return True
    return bool(_EMPLOYER.match(hit.cue.strip())) and not _SPEAKS_OR_REPORTS.search(text)


_OWN_BEFORE = compile_re(r"(?i)\b(?:our|my)\s+(?:\w+\s+)?$|\b(?:we|I)\s+(?:[\w-]+\s+){0,3}$")


def _document_named_only(text: str, hit: Hit) -> bool:
    """A document the writer owns ("our findings reveal", "we looked at data from") or that something is done to ("the study
    was funded by", "the survey was implemented by"): it relays nothing."""
    if hit.category != "document" or not _PAPER.search(hit.cue):  # a cue of the user's own stands
        return False
    at = text.find(hit.cue)
    if at < 0:
        return False
    if _OWN_BEFORE.search(text[max(0, at - 40): at]):
        return True  # "our findings", "we looked at data from": the writer's own
    return bool(_DONE_TO.match(text[at + len(hit.cue):]))


_NAME_TRIMMINGS = compile_re(r"(?i)^the\s+|\.(?:com|org|net|co\.uk)$|['’]s\b")
_WORDS = compile_re(r"\w+")


def _same_outlet(source: str, own: str) -> bool:
    """ "VOA" of "VOA Learning English", "The Record" of "The Record", "VOANews.com" of "VOA News"; a
    service of the same broadcaster ("VOA Pashto", "VOA’s Ashna TV" of "VOA News") and its full name
    ("Voice of America" of "VOA News"); not "The Record" of "The Recorder"."""
    def words(name: str) -> list[str]:
        name = _NAME_TRIMMINGS.sub("", name.strip())
        return [w.casefold() for w in _WORDS.findall(name)]
    a, b = words(source), words(own)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    if "".join(a) == "".join(b) or longer[:len(shorter)] == shorter:
        return True
    brand, own_brand = _brand(source), _brand(own)
    return bool(brand) and brand in (own_brand, _initials(own)) or bool(own_brand) and own_brand == _initials(source)


_POSSESSIVE_END = compile_re(r"['’]s$")


def _brand(name: str) -> str:
    """An outlet's first word when it is an acronym ("VOA" of "VOA Pashto"), else ""."""
    first = _POSSESSIVE_END.sub("", name.split()[0]) if name.split() else ""
    return first if len(first) >= 2 and first.isupper() and first.isalpha() else ""


_LEADING_THE = compile_re(r"(?i)^the\s+")


def _initials(name: str) -> str:
    """The initials of every word ("VOA" of "Voice of America")."""
    return "".join(w[0] for w in _WORDS.findall(_LEADING_THE.sub("", name.strip()))).upper()


def _people_not_papers(text: str, hit: Hit) -> Hit:
    """ "The researchers noted that …" is people speaking (anonymous, non-official); "the researchers
    found …" stays the study's finding (a document)."""
    if hit.category != "document" or not _RESEARCHERS.fullmatch(hit.cue.strip()):
        return hit
    at = text.find(hit.cue)
    after = text[at + len(hit.cue): at + len(hit.cue) + 40] if at >= 0 else ""
    if _SAYING.match(after):
        return replace(hit, category="anonymous_other")
    return hit


_NEWS_NAME = compile_re(r"\b(?:News|Broadcasting)\b|\b(?:Times|Post|Press|Radio|Television|TV)$")
_CAPITALISED_NAME = compile_re(r"(?:The\s+)?[A-Z][\w’'-]*(?:\s+(?:to|of|for|and|the|[A-Z][\w’'-]*))*")


def _institution(hit: Hit) -> Hit:
    """An "outlet" whose name is an institution's ("Committee to Protect Journalists") speaks on record."""
    if hit.category == "other_outlet" and hit.source and _INSTITUTION.search(hit.cue + " " + hit.source) and not (
            _NEWS_NAME.search(hit.source)):
        name = _CAPITALISED_NAME.search(hit.cue)
        return replace(hit, category="on_record", source=(name.group(0) if name else hit.source).strip())
    return hit


_AFFILIATION = (r"\s*,?\s+(?:(?:who\s+(?:is|are|was|were)\s+)?(?:based|working|stationed)\s+)?"
                r"(?:in|at|from|of|with|inside|within|for)\s+(?:the\s+)?")
_OFFICIAL_BODY = compile_re(
    r"(?i)\b(?:Pentagon|White\s+House|Kremlin|Downing\s+Street|ministry|government|police|administration|"
    r"department|army|military|navy|embassy|agency|Congress|Senate|parliament|cabinet|prosecutor's\s+office|"
    r"presidency|palace|intelligence|state\s+department|city\s+hall|council)\b")


def _described_named(hits: list[Hit]) -> list[Hit]:
    """An unnamed description inside a named speaker's cue ("Valeska Paris, an Australian woman and
    former Scientologist, has claimed") describes that speaker: it is no second, unnamed source."""
    named = [h for h in hits if h.category == "on_record" and h.source and sources.without_abbreviated_title(
        h.cue).startswith(h.source.split(",")[0])]  # "Rep. Pat Ryan, a former Army officer," is Pat Ryan's cue
    return [h for h in hits if not (h.category in UNNAMED and h.source and any(
        h.cue in n.cue and not n.cue.startswith(h.cue) for n in named))]


def _affiliated_unnamed(text: str, hits: list[Hit]) -> list[Hit]:
    """An on-record "speaker" that only places an unnamed one ("officials in Kabul said") is dropped; the
    unnamed source's description takes the place in, and at an official body becomes an official."""
    unnamed = [h for h in hits if h.category in UNNAMED and h.source]
    if not unnamed:
        return hits
    out = list(hits)
    for named in [h for h in hits if h.category == "on_record" and h.source]:
        inside = next((h for h in unnamed if f" {named.source.casefold()} " in f" {h.source.casefold()} "), None)
        if inside is not None:  # "said Western diplomats", "a source at the Pentagon said": no "Western" speaks
            out = [x for x in out if x is not named]
            if _OFFICIAL_BODY.search(inside.source[len(inside.cue):]) and inside in out:
                out[out.index(inside)] = replace(inside, category="anonymous_official")
            continue
        for h in unnamed:
            if named.source.casefold().startswith(h.source.casefold() + " "):  # "Residents of Springfield"
                place = named.source[len(h.source):]
            else:
                at = text.find(h.source)
                gap = re.match(_AFFILIATION + re.escape(named.source.removeprefix("The ")), text[at + len(h.source):]) \
                    if at >= 0 else None
                if gap is None:
                    continue
                place = gap.group(0)
            described = f"{h.source}{place}" if place[:1] in " ," else f"{h.source} {place}"
            official = "anonymous_official" if _OFFICIAL_BODY.search(place) else h.category
            out = [x for x in out if x is not named]
            if h in out:
                out[out.index(h)] = replace(h, category=official, source=" ".join(described.split()))
            break
    return one_per_category(out)


def one_per_category(hits: list[Hit]) -> list[Hit]:
    """The first hit of each category: a hit moved to a category already there does not repeat it."""
    seen: set[str] = set()
    return [h for h in hits if not (h.category in seen or seen.add(h.category))]


def _unnamed_role(hits: list[Hit]) -> list[Hit]:
    """A bare role noun as the on-record cue, beside an unnamed official: only the unnamed official; so too
    the same unnamed official read as a name ("A spokesperson for Sen. Warner said") and a statement the
    unnamed official made ("In a statement to The Record, a CISA spokesperson said")."""
    unnamed = [h.source for h in hits if h.category == "anonymous_official" and h.source]
    if not unnamed and not any(h.category == "anonymous_official" for h in hits):
        return hits
    return [h for h in hits if not (_bare_role(h) or h.category == "on_record" and (
        any(h.source and h.source.split(",")[0] in u for u in unnamed) or not h.source and _STATEMENT.match(h.cue)))]


_STATEMENT = compile_re(r"(?i)(?:(?:said\s+)?in|issued)\s+an?\s+(?:\w+\s+)?statement$")


_INDEFINITE = compile_re(r"(?i)an?\s")


def _bare_role(hit: Hit) -> bool:
    """An on-record hit with no name whose cue is a role ("spokesman", "a spokesperson for")."""
    return hit.category == "on_record" and not hit.source and bool(
        _INDEFINITE.match(hit.cue) or (len(hit.cue.split()) <= 4 and not hit.cue[:1].isupper()))


_BLOG_AFTER = compile_re(r"(?:['’]s)?\s+(?:blog|blogger|Facebook\s+page|Twitter\s+account)\b")


def _blog_not_outlet(text: str, hits: list[Hit]) -> list[Hit]:
    """ "The Armenian Observer blog comments": a blog, not a news outlet — on-record plus social post."""
    out = []
    for h in hits:
        if h.category == "other_outlet" and h.source and _named_before(text, h.source, _BLOG_AFTER):
            out += [replace(h, category="on_record"), replace(h, category="social_post")]
        else:
            out.append(h)
    return one_per_category(out)


def _named_before(text: str, name: str, after: re.Pattern[str]) -> bool:
    """Whether `name` stands somewhere in `text` right before what `after` matches."""
    at = text.find(name)
    while at >= 0:
        if after.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


def _posts(text: str, hits: list[Hit]) -> list[Hit]:
    categories = {h.category for h in hits}
    out = list(hits)
    if "social_post" in categories and "on_record" not in categories:
        named = next((h for h in hits if h.category == "social_post" and h.source[:1].isupper()), None)
        if named is not None:
            out.append(Hit("on_record", named.cue, named.confidence, named.source))
    speaker = next((h for h in hits if h.category in SPEAKERS), None)
    if "social_post" not in categories and speaker is not None:
        at = text.find(speaker.cue)
        blog = _BLOG.search(text, 0, len(text) if at < 0 else at + len(speaker.cue))
        if blog:  # the speaker is a blogger or writes on a blog or a wall, not "journalists, bloggers" spoken of
            out.append(Hit("social_post", blog.group(0), 0.75, speaker.source))
    return out
