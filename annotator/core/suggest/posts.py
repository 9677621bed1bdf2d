"""Posts on a platform as sources: an embedded post's byline, a link or a handle opening the sentence
("@myriammeziou: …"), a platform with a posting or speech verb ("wrote on X", "tweeted"), "a tweet by
user @x read:", a post noun in a speech frame ("in a blog post, she wrote") and a platform's users,
groups or pages ("Facebook user Julie Lam explained"). Who posts is the name or handle the sentence
opens with ("YTN Labor Union, for employees of …, (@ytnmania) tweeted"), carried to every post cue
of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.frames import alternation
from annotator.core.suggest.hit import Hit
from annotator.core.suggest.speakers import NAME, QUOTE_OPEN
from annotator.core.suggest.word_gate import WordGate

_PASSIVE_BEFORE = compile_re(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$")
_WEBSITE = compile_re(r"\s+(?:[\w-]+\s+){0,4}?(?:on|to)\s+(?:its|the|his|her|their|a|an|our)\s+(?:[\w-]+\s+)?"
                      r"(?:web\s*site|site|homepage)\b")  # "posted (a statement) on its website"
_BYLINE = compile_re(r"\((?P<handle>@\w{1,30})\)\s+(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")
_HANDLE_START = compile_re(r"^(?:undefined\s+)?@\w+")
_LINK = compile_re(r"(?:https?://)?(?:t\.co|pic\.twitter\.com|x\.com|twitter\.com|truthsocial\.com)/\S+")
_POST_BY = compile_re(r"\b(?:tweet|post|message|status\s+update|comment)\s+(?:by|from)\s+(?:user\s+|blogger\s+)?"
                      r"(?P<who>@\w{2,30}|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?=[^.;:]{0,30}?\b(?:read|reads|"
                      r"said|says|stated|states|declared)\b|\s*:)")
_POSTER = compile_re(rf"\s*(?:(?P<name>{NAME})(?:,\s+[^,]{{2,80}},)?\s*)?"
                     rf"(?:(?:user|account|member)\s+)?(?:\(?(?P<handle>@\w{{2,30}})\)?\s*)?(?:\w+ly\s+)?$")


def byline_author(text: str) -> str | None:
    """Whose post an embedded post's byline ("— DOD Rapid Response (@DODResponse) March 4, 2025") says it
    is: the name before the handle, else the handle; None when the sentence holds no byline."""
    byline = _BYLINE.search(text)
    if byline is None:
        return None
    name = text[: byline.start()].replace("undefined", "").strip(" —–-")
    return sources.clean(name.split(".")[-1]) or byline.group("handle")


_SOME = compile_re(r"\b(?:[Oo]ne|[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Aa]nother|[Tt]wo|[Tt]hree)\s+$")
_NAMED_NEXT = compile_re(r"\s+(?:@\w|[A-Z])")


_ON_X = compile_re(r"\b(?:on|to)\s+X\b(?!\.\w)")


class PostFrames:
    """The post frames of one lexicon, compiled once. `speech_re` and `speech` are the rules' speech
    verbs; `named` gives the name a poster goes by, or "" when a phrase names nobody on the record."""

    def __init__(self, words: dict[str, list[str]], speech_re: re.Pattern[str], speech: str,
                 named: Callable[[str], str]) -> None:
        self._speech_re = speech_re
        self._named = named
        self.platform = alternation(words["platforms"], case=True)
        post = alternation(words["post_nouns"])
        post_noun = alternation(words["post_nouns"], case=True)
        self.word_re = compile_re(rf"\b(?:{post_noun})\b")  # "a post", not "Washington Post"
        self._posting_re = compile_re(rf"\b{alternation(words['posting_verbs'], case=True)}\b")
        self._platform_re = compile_re(
            rf"(?:\b(?:on|to|via|across)\s+(?:(?:his|her|their|its|the)\s+)?(?:[\w-]++\s+){{0,2}}?"
            rf"(?P<p1>{self.platform})\b(?!\.\w)|\b(?P<p2>{self.platform})\s+(?:{post})\b"
            rf"|\b(?:posted|tweeted|retweeted|reposted)\b)")
        self._writing_on_re = compile_re(
            rf"\s*(?:Writing|Blogging|Posting|Tweeting)\s+(?:on|in)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{post_noun}|"
            rf"{self.platform})\b[^,]{{0,60}},\s+(?:[a-z][\w-]*\s+){{0,3}}?(?P<who>{NAME})")
        self._frame_re = compile_re(
            rf"\b(?:a|an|the|his|her|their|its|one|in|on)\s+(?:(?:series|number|string|flurry|couple)\s+of\s+)?"
            rf"(?:[\w-]++\s+){{0,2}}?(?:{post_noun})\b"  # "In a series of Wednesday morning tweets, Trump said"
            rf"[^.]{{0,60}}?\b(?:{speech}|theorized|wrote|writing)\b"
            rf"|\b(?:writing|wrote|said|posted|admitted)\s+(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+"
            rf"(?:[\w-]++\s+)?(?:{post})\b")
        self._member_re = compile_re(
            rf"\b(?:{self.platform})\s+(?:users?|group|groups|page|pages|account|accounts|members?|friends?)\b")
        # each frame below names a platform, a post or a verb of posting, as whole words
        self._gate = WordGate(words["platforms"], words["post_nouns"],
                              ["posted", "tweeted", "retweeted", "reposted", "message", "status", "comment"])

    def hits(self, text: str) -> list[Hit]:
        """The sentence's post cues, each with the poster the sentence names."""
        out = []
        byline = _BYLINE.search(text) if "(@" in text else None
        if byline:
            out.append(Hit("social_post", byline.group(0), 0.95, byline_author(text) or ""))
        handle = _HANDLE_START.search(text)
        link = _LINK.search(text) if "/" in text else None
        if link or handle:  # "@myriammeziou: The son of …" is that account's post
            out.append(Hit("social_post", (link or handle).group(0), 0.9,
                           handle.group(0).removeprefix("undefined").strip() if handle else ""))
        member = None
        if self._gate.open(text):
            framed, member = self._framed(text)
            out += framed
        poster = next((h.source for h in out if h.source), "")
        out = [h if h.source else replace(h, source=poster) for h in out]
        some = _SOME.search(text, 0, member.start()) if member and out else None
        if some and not poster and not _NAMED_NEXT.match(text, member.end()):  # "One Facebook user said:"
            unnamed = some.group(0) + member.group(0)
            out.append(Hit("anonymous_other", unnamed, 0.75, sources.described(unnamed)))
        return out

    def _framed(self, text: str) -> tuple[list[Hit], re.Match[str] | None]:
        """The cues of the frames that name a platform, a post or a verb of posting, and the platform's
        users, group or page the sentence names (or None)."""
        out = []
        match = self._platform_re.search(text)
        if match and (match.group("p1") != "X" or _ON_X.search(text)) and (
                self._posted(text, match)):
            out.append(Hit("social_post", match.group(0), 0.85, self._poster(text[: match.start()])))
        by = _POST_BY.search(text)
        if by:  # "A tweet by user @sisyphus79 read:"
            out.append(Hit("social_post", by.group(0), 0.85, by.group("who")))
        writing = self._writing_on_re.match(text)
        if writing:  # "Writing on his organization's blog in February, Kirk Wallace … has seen a change"
            who = self._named(writing.group("who"))
            if who:
                out += [Hit("social_post", writing.group(0), 0.8, who), Hit("on_record", writing.group(0), 0.8, who)]
        post = self._frame_re.search(text)
        if post and post.group(0).startswith("posted") and _PASSIVE_BEFORE.search(text[: post.start()]):
            post = None  # "The data was posted on a hacking forum": something posted, nobody's post relayed
        if post:
            out.append(Hit("social_post", post.group(0), 0.75))
        member = self._member_re.search(text)
        if member and self.relays(text):  # "Facebook user Julie Lam explained", "on the … Facebook group page:"
            out.append(Hit("social_post", member.group(0), 0.8))
        return out, member

    def relays(self, text: str) -> bool:
        """Whether the sentence relays something: a speech or posting verb, or a quotation."""
        return bool(self._speech_re.search(text) or self._posting_re.search(text)
                    or any(q in text for q in QUOTE_OPEN))

    def _poster(self, before: str) -> str:
        """Who posts, when the sentence opens with them: "YTN Labor Union, for employees of …, (@ytnmania)
        tweeted" → "YTN Labor Union"; a handle alone when no name is given."""
        found = _POSTER.match(before)
        if found is None:
            return ""
        name = found.group("name")
        if name and " " not in name and name.endswith("ing"):
            name = None  # "Writing on Facebook, …": the participle opening the sentence names nobody
        return (self._named(name) if name else "") or found.group("handle") or ""

    def _posted(self, text: str, match: re.Match[str]) -> bool:
        """Whether someone posted what the sentence relays: a speech or posting verb or a quote, not
        a platform merely named ("trended on Twitter") or a passive "was posted"."""
        if match.group("p1") or match.group("p2"):
            return self.relays(text)
        if _WEBSITE.match(text, match.end()):
            return False  # "a letter posted on its website": a website is no social platform
        return not _PASSIVE_BEFORE.search(text[:match.start()])
