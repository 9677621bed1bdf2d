"""Posts quoted in a roundup of what bloggers write.

Citizen media gather what bloggers and netizens say about a story: "Ethiopian bloggers and netizens
congratulated…", then "Endalk explained why…:" with the post quoted below. The writers are named by
their own or their blog's name ("Generation Y", "Without Evasion"), which no word list knows. An
article that speaks of bloggers or netizens, or of a platform's users, groups or pages (a community,
not one blog), or quotes one of a platform's users by name ("Facebook user Julie Lam explained …:"),
is such a roundup; there a named writer quoted with a verb of writing or commenting,
or introducing a quoted passage with a colon, relays a post: on-record plus social post (the
guidelines: a named person's post is both). A named body ("The Committee to Protect Journalists
reports") and a speech ("told reporters", a colon after a speech at a ceremony) stay on the record only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.guideline_pass import BODY_NAME_WORDS
from annotator.core.suggest.hit import Hit
from annotator.core.suggest.word_gate import WordGate

_COMMUNITY = compile_re(r"\b(?:bloggers|blogosphere|netizens|blogs|(?:Facebook|Twitter|Weibo|VKontakte|Instagram|"
                        r"TikTok|Telegram)\s+(?:users|user(?=\s+(?-i:[A-Z@]))|groups?|pages?|friends))\b", re.IGNORECASE)
_COMMUNITY_WORDS = WordGate(["bloggers", "blogosphere", "netizens", "blogs", "Facebook", "Twitter", "Weibo",
                             "VKontakte", "Instagram", "TikTok", "Telegram"])  # one of them begins any match
_WRITING = compile_re(
    r"\b(?:writes|wrote|notes|noted|finds|found|calls|called|explains|explained|observes|observed|argues|"
    r"argued|asks|asked|wonders|wondered|reflects|reflected|shares|shared|posts|posted|tweets|tweeted|"
    r"blogs|blogged|comments|commented|adds|added|disagrees|disagreed|agrees|agreed|laments|lamented|"
    r"recalls|recalled|responds|responded|concludes|concluded|complains|complained|describes|described)\b")
_ALOUD = "told|tells|interview|conference|speech|statement|briefing|reporters|journalists|audience"
_SPOKEN = compile_re(rf"\b(?:said|says|say|{_ALOUD})\b", re.IGNORECASE)
_SPOKEN_SETTING = compile_re(rf"\b(?:{_ALOUD}|ceremony|prize|award|court|hearing|rally)\b", re.IGNORECASE)
_BODY = compile_re(rf"\b(?:{BODY_NAME_WORDS}|Government|Police|Army|Embassy|President|Minister)\b")
_CONFIDENCE = 0.7


def is_roundup(sentences: Sequence[str]) -> bool:
    """Whether an article speaks of bloggers or netizens as a community."""
    return any(_COMMUNITY_WORDS.open(text) and _COMMUNITY.search(text) for text in sentences)


def posts(text: str, hits: list[Hit]) -> list[Hit]:
    """A roundup's sentence: a named writer's comment is also a social post."""
    if any(h.category == "social_post" for h in hits):
        return hits
    introduces = text.rstrip().endswith(":") and not _SPOKEN_SETTING.search(text)  # "Johnny Cheung said:"
    if not introduces and (not _WRITING.search(text) or _SPOKEN.search(text)):
        return hits
    writers = [h for h in hits if h.category == "on_record" and h.source and not _BODY.search(h.source)]
    if not writers:
        return hits
    first = writers[0]
    return hits + [replace(first, category="social_post", confidence=_CONFIDENCE,
                           cue=f"{first.cue} (a blogger quoted in a roundup)")]
