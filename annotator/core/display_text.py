"""Display text, as the coding guidelines name it ("Display text gets none"): headlines, standfirsts,
subheads, photo captions, credits, bylines, "Related:" lines, newsletter promotions and wire tags.

It gets no category, even when it states a sourced claim, and it is no claim an article shares with
others: suggestions and claim matching both ask this module. What marks it is its form, not its
words: no sentence end (a headline, subhead, byline, wire tag), a date alone, a credit to the camera
or the reporter, or an invitation instead of a statement.
"""

from __future__ import annotations

import re

_ENDS = ".!?”’\")"
_DATELINE = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\w+\s+\d{1,2},\s+\d{4}$")
_CAPTION = re.compile(  # "… Image: Jane Doe.", "… (AP Photo/Alex Brandon)", "… Photo by Foko Madagascar"
    r"(?:\b(?:Image|Photo|Credit|Picture|Video|Photograph)\s*:\s*(?:\S+\s+){0,5}\S+\.?"
    r"|\((?:[A-Z]{2,5}\s+)?(?:Photo|Image|Picture)\s*/\s*[^()]{2,60}\)\.?"
    r"|^(?:Photo|Image|Picture)\s+(?:by|courtesy\s+of)\s+.{2,80})$", re.IGNORECASE)
_CREDIT = re.compile(  # ends the line: "… edited the article on their site," inside a quote is no credit;
    # a relative clause is none either ("The Post, which first reported the story, said", "The site that …")
    r"(?:(?<!\bwhich\s)(?<!\bthat\s)(?<!\bwho\s)(?<!\bfirst\s)"
    r"\b(?:reported|wrote|adapted|contributed|produced|edited)\s+(?:on\s+)?(?:to\s+)?(?:this|the)\s+"
    r"(?:story|report|article)\b|\bwas\s+the\s+editor\b|\bcontributed\s+(?:reporting|to\s+this)\b)"
    r"[^!?“”\"]{0,80}$",
    re.IGNORECASE)
_CORRESPONDENT = re.compile(  # "VOA's Al Pessin reports from the Pentagon.", "Jane Doe has more on the story."
    r"^\s*(?:(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}['’]s|Our)\s+(?:[a-z]+\s+){0,2}"
    r"|(?:[A-Z][\w.&-]*\s+){1,4}(?:[Cc]orrespondent|[Rr]eporter)\s+)?"  # "VOA White House Correspondent"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}"
    r"\s+(?:reports\s+from\s+[^.!?]{2,200}|has\s+(?:more(?:\s+on\s+[^.!?]{2,40})?|the\s+(?:story|report|details|latest)"
    r"|this\s+(?:report|story|week['’]s\s+[^.!?]{2,40}))|filed\s+this\s+report"
    r"(?:\s+from\s+[^.!?]{2,60})?)[.!]\s*$")
_NAMES = r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*"
_SIGN_ON = re.compile(  # "From Washington, this is VOA News.", "You're listening to Morning Edition from NPR News."
    rf"^\s*(?:(?:From\s+{_NAMES},\s+)?[Tt]his\s+is\s+(?:the\s+)?|You[’']re\s+listening\s+to\s+(?:the\s+)?){_NAMES}"
    rf"(?:\s+(?:in|from|on)\s+(?:the\s+)?{_NAMES})?\.\s*$")
_SIGN_OFF = re.compile(r"^\s*I[’']m\s+[A-Z][a-z][\w.-]*(?:\s+[A-Z][a-z][\w.-]*){1,3}\.\s*$")  # "I'm Mario Ritter."
_PROMO = re.compile(
    r"^(?:(?:Related|Read\s+more|Read\s+also|See\s+also|More\s+on\s+this|Photo|Image|Picture|Video|Watch|Listen|"
    r"Credit|Advertisement|Editor['’]s\s+note|Correction|Clarification)\s*:"
    r"|(?:Sign\s+up|Subscribe|Click\s+here|Follow\s+(?:us|our)|Join\s+our|Don['’]t\s+miss|"
    r"Listen\s+to\s+(?:our|the)|Download\s+(?:our|the)\s+app|Get\s+(?:the|our)\s+\w+\s+(?:news|newsletter|"
    r"briefing|headlines))\b)"
    r"|\bnewsletters?\b.*\b(?:sign\s+up|subscribe|inbox)\b|\b(?:sign\s+up|subscribe)\b.*\bnewsletters?\b",
    re.IGNORECASE)


def _bare(text: str) -> str:
    return text.strip().rstrip("*").strip()


def is_heading(text: str) -> bool:
    """A headline, subhead, byline or dateline line: no sentence end, or a date alone. A line that
    introduces a quote with a colon ("She said:") is not one."""
    stripped = _bare(text)
    if stripped.endswith(":") and len(stripped.split()) >= 2:
        return False
    return not stripped or stripped[-1:] not in _ENDS or bool(_DATELINE.match(stripped))


def is_caption(text: str) -> bool:
    """A photo or video caption ending in its credit ("… Image: Jane Doe.")."""
    return bool(_CAPTION.search(_bare(text)))


def is_credit(text: str) -> bool:
    """A credit line ("Jane Doe contributed to this report", "… was the editor", "VOA's Al Pessin reports
    from the Pentagon."), a sign-off ("I'm Mario Ritter.") or a broadcast's sign-on ("From Washington, this
    is VOA News.")."""
    return bool(_CREDIT.search(text) or _SIGN_OFF.match(text) or _SIGN_ON.match(text)
                or _CORRESPONDENT.match(text))


def is_correspondent_credit(text: str) -> bool:
    """A broadcaster's credit to its correspondent ("VOA's Al Pessin reports from the Pentagon."), which
    closes a standfirst: the paragraph it ends is display text."""
    return bool(_CORRESPONDENT.match(text))


def is_promotion(text: str) -> bool:
    """A "Related:" line, a newsletter promotion or another invitation to the reader, an editor's note or a
    correction."""
    return bool(_PROMO.search(_bare(text)))


def is_display_text(text: str) -> bool:
    """Any of the above: text the guidelines give no category and claim matching leaves out."""
    return is_heading(text) or is_caption(text) or is_credit(text) or is_promotion(text)
