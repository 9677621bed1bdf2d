"""Posts embedded in a web page. A page that embeds a post on X, Bluesky or the like shows its text and
then its byline ("DOD Rapid Response (@DODResponse) March 4, 2025"); an HTML import keeps both, the
byline on a line of its own. The byline says whose post the text before it is: a named account's post
is on-record plus social post (the coding guidelines), a handle alone a social post by that handle.

The post is the sentences just before the byline: those of its own paragraph, or of the paragraph
before when the byline stands alone; the sentence next to the byline is always the post's. A colon
introducing the post ("She wrote:") and a sentence with an attribution of its own that is no post end
it. A paragraph longer than a post holds is the writer's text run into the post by the import: walking
back from the byline, the post goes on only through sentences only a post would hold (the first
person, a handle, a hashtag, a link).
"""

from __future__ import annotations


from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.carry import first_person
from annotator.core.suggest.hit import Hit, is_carried
from annotator.core.suggest.posts import byline_author

POST_CHARS = 280  # the most a post's text holds on X, which most embedded posts come from
_POSTING = ("on_record", "social_post")
_MARKS = compile_re(r"(?:^|\s)[@#]\w|https?://|\bpic\.twitter\.com/")


def bylined_posts(texts: list[str], found: list[list[Hit]], paragraphs: list[int] | None, confidence: float) -> None:
    """Give each embedded post's byline and text the post's author (in place)."""
    for idx, text in enumerate(texts):
        author = byline_author(text)
        if author is None:
            continue
        posted = _by(author, f"post bylined in sentence {idx + 1}", round(0.95 * confidence, 2))
        found[idx] = _as_post(found[idx], posted, own_only=False)
        for before in _post_before(idx, texts, found, paragraphs):
            found[before] = _as_post(found[before], posted, own_only=True)


def _by(author: str, cue: str, confidence: float) -> list[Hit]:
    post = Hit("social_post", cue, confidence, author)
    return [post] if author.startswith("@") else [Hit("on_record", cue, confidence, author), post]


def _as_post(hits: list[Hit], posted: list[Hit], *, own_only: bool) -> list[Hit]:
    """The post's author in place of any other poster; what the post itself attributes ("…, sources say")
    stays, what the sentence only carried from the one before goes."""
    kept = [h for h in hits if h.category not in _POSTING
            and not (own_only and is_carried(h))]
    return kept + posted


def _post_before(idx: int, texts: list[str], found: list[list[Hit]], paragraphs: list[int] | None) -> list[int]:
    """The sentences of the post whose byline is sentence `idx`, nearest first."""
    if paragraphs is None:
        candidates = [idx - 1] if idx else []
    else:
        own = [i for i in range(idx) if paragraphs[i] == paragraphs[idx]]
        previous = paragraphs[idx - 1] if idx else None
        candidates = own or [i for i in range(idx) if paragraphs[i] == previous]
    candidates = candidates[::-1]
    if not candidates or _introduces(texts[candidates[0]]):
        return []
    whole = sum(len(texts[i].strip()) + 1 for i in candidates) <= POST_CHARS
    post = [candidates[0]]
    for i in candidates[1:]:
        if _introduces(texts[i]) or _attributes_otherwise(found[i]) or not (whole or _post_like(texts[i], found[i])):
            break
        post.append(i)
    return post


def _introduces(text: str) -> bool:
    """A colon that introduces the post ("She wrote:"), or another post's byline."""
    return text.rstrip().endswith(":") or byline_author(text) is not None


def _post_like(text: str, hits: list[Hit]) -> bool:
    """Words only a post has beside the writer's: the first person, a handle, a hashtag, a link."""
    return first_person(text) or _MARKS.search(text) is not None or any(h.category == "social_post" for h in hits)


def _attributes_otherwise(hits: list[Hit]) -> bool:
    """Whether a sentence names a source of its own that is no post: the writer's sentence."""
    own = [h for h in hits if not is_carried(h)]
    return bool(own) and not any(h.category == "social_post" for h in own)
