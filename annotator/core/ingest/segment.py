"""Split an article body into sentence spans; the spans cover its text in order.

pysbd finds the sentence boundaries. News text needs a few repairs on top, all of which only ever
join pysbd's pieces (never split them further):
- every line is segmented on its own, so a heading without a full stop or an embedded post's
  byline stays a sentence of its own;
- a piece that starts with a lower-case word or with , ; : ) continues the previous one
  ("D-Mass., said"), but not a name such as "eBay" or "iPhone";
- a piece after a title or month abbreviation ("Gen.", "Lt.", "Jan.") continues it, and one after
  "No." or "Vol." does when it starts with a number;
- a piece that is only a link or closing punctuation (an embedded post's t.co URL) joins the text
  before it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

# Abbreviations that, in news copy, are followed by a name or a number, never by a new sentence.
_NON_FINAL = {
    "sen", "rep", "reps", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov",
    "mr", "mrs", "ms", "dr", "st", "prof", "rev", "pres", "supt", "det", "insp", "amb", "atty",
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "v", "approx",
    "ft", "mt", "ave", "blvd",
}
# Abbreviations that are also ordinary words ("said no."): they continue only before a number.
_BEFORE_NUMBER = {"no", "nos", "vol", "fig", "p", "pp"}
_LAST_WORD = re.compile(r"([A-Za-z]+)\.[\"'”’)]*$")
_CONTINUATION = re.compile(r"^(?:[,;:)\]…]|[a-z]+\b(?![A-Z]))")  # not "eBay", "iPhone"
_LINK_OR_PUNCT = re.compile(r"^(?:(?:https?://|pic\.twitter\.com/|t\.co/)\S+|[\"'”’)\]\.…!?*_~]+)$")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`: ordered, disjoint, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            spans.extend((line_start + s, line_start + e) for s, e in _split_line(line))
        line_start += len(line) + 1
    return spans


def _split_line(line: str) -> list[tuple[int, int]]:
    pieces = _locate(line, _segmenter().segment(line))
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and _continues(line[merged[-1][0] : merged[-1][1]], line[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _locate(line: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Offsets of pysbd's sentences in `line`, found in order; trimmed of white space."""
    spans: list[tuple[int, int]] = []
    position = 0
    for sentence in sentences:
        core = sentence.strip()
        if not core:
            continue
        found = line.find(core, position)
        if found < 0:  # the segmenter altered the text: keep the rest of the line whole
            rest = line[position:]
            if rest.strip():
                lead = len(rest) - len(rest.lstrip())
                spans.append((position + lead, len(line.rstrip())))
            return spans
        spans.append((found, found + len(core)))
        position = found + len(core)
    tail = line[position:]
    if tail.strip():
        lead = len(tail) - len(tail.lstrip())
        spans.append((position + lead, len(line.rstrip())))
    return spans


def _continues(previous: str, piece: str) -> bool:
    if _CONTINUATION.match(piece) or _LINK_OR_PUNCT.match(piece):
        return True
    last = _LAST_WORD.search(previous)
    if not (last and previous.endswith(".")):
        return False
    word = last.group(1).lower()
    return word in _NON_FINAL or (word in _BEFORE_NUMBER and piece[:1].isdigit())
