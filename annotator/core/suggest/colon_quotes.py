"""A name before a colon and a quote: "Transport Secretary Ian Moss: “…”"; a named writer whose clause
ends in a colon before what they wrote ("Ng E-Jay is unconvinced:"); a handle that wrote it ("On
Twitter, user @cairowire wrote: “…”": the handle's post).
"""

from __future__ import annotations

import re

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.frames import colon_quote_pattern
from annotator.core.suggest.hit import Hit, NamedHit
from annotator.core.suggest.speakers import NAME

_COLON = colon_quote_pattern(NAME)
_COLON_INTRO = compile_re(
    rf"\s*(?P<subj>{NAME})(?:,\s+[^,:]{{2,80}},)?\s+(?P<verb>is|was|are|were|has|had|remains|remained|seems|"
    rf"seemed|sounds|sounded|puts|put|offers|offered|takes|took|sees|saw|gives|gave|shares|shared|"
    rf"disagrees|disagreed|agrees|agreed|continues|continued|draws|drew|compares|compared|reflects|"
    rf"reflected|lists|listed|reminds|reminded|points\s+out|pointed\s+out)\b[^:.!?]*:\s*$")
_TOLD_BY = compile_re(r",\s+(?:(?:user|blogger|account)\s+)?(?P<who>@?[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?)\s+"
                      r"(?P<verb>[a-z]+)$")


def colon_quote_hits(text: str, speech: re.Pattern[str], named_hit: NamedHit) -> list[Hit]:
    """The speaker of a colon quote in `text`, as `named_hit` reads them; `speech` the speech verbs."""
    match = _COLON.search(text) if ":" in text else None
    if match is None and text.rstrip().endswith(":"):  # "Ng E-Jay is unconvinced:", then what they wrote
        match = _COLON_INTRO.match(text)
        if match is not None:
            hit = named_hit(match.group("subj"), None, text[match.start("subj"): match.end("verb")])
            return [hit] if hit else []
    if match is None:
        return []
    subject = match.group("subj")
    told = _TOLD_BY.search(subject)  # "On Twitter, user @cairowire wrote:": the one who wrote
    if told and speech.fullmatch(told.group("verb")):
        subject = told.group("who")
        if subject.startswith("@"):  # a handle: the post's author
            return [Hit("social_post", match.group(0), 0.85, subject)]
    hit = named_hit(subject, None, match.group(0))
    return [hit] if hit else []
