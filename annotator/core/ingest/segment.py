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
Three rules go the other way:
- straight quotes are read as the curly ones they stand for (an opening mark after a space or at
  the start, a closing one elsewhere; same length, so offsets do not move), so "..." and “...”
  split alike, and a quote closed with the other kind of mark is still one quote;
- closing quote marks at the start of a piece belong to the sentence before it;
- a single capital letter with a full stop after a lower-case word ("wrote on X.") ends a sentence
  when the next word opens a quote or is a word that starts sentences, never a surname ("The",
  "And", "He"); after a name it is an initial ("George W. Bush").
A line longer than CHUNK characters is cut at clear sentence ends (see _chunks) before pysbd,
whose time grows with the square of the length of what it is given.
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
_LEADING_CLOSERS = re.compile(r"[”’»\"']+(?=\s)")
# Words that start sentences and are never surnames, so a capital letter before them is no initial.
_STARTERS = (
    "The|A|An|And|But|Or|So|Yet|He|She|It|We|They|I|You|His|Her|Its|Our|Their|This|That|These|Those"
    "|There|Then|In|On|At|As|If|When|While|After|Before|Since|Now|Still|Also|However|Meanwhile|No|Not"
)
_LETTER_THEN_SENTENCE = re.compile(rf"\b[a-z]+ [A-Z]\.[”’]*(\s+)(?=[“‘]|(?:{_STARTERS})\b)")
CHUNK = 3000  # characters; longer lines are cut at clear sentence ends before pysbd
_CLEAR_END = re.compile(r"(?<=[a-z0-9][a-z0-9][.!?])[”’)]*\s+(?=[A-Z])")


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
    curled = _curl_quotes(line)
    pieces: list[tuple[int, int]] = []
    for start, end in _chunks(curled):
        chunk = curled[start:end]
        pieces.extend((start + s, start + e) for s, e in _locate(chunk, _segmenter().segment(chunk)))
    pieces = _split_after_letter(curled, _give_back_closers(curled, pieces))
    return _merge(curled, pieces)


def _merge(line: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def _curl_quotes(line: str) -> str:
    """Straight quotes as curly ones: opening after a space, an opening bracket or a dash, or at the start."""
    if '"' not in line and "'" not in line:
        return line
    chars = list(line)
    for i, ch in enumerate(chars):
        if ch in "\"'":
            before = line[i - 1] if i else " "
            opening = before.isspace() or before in "([{—–-“‘"
            if ch == '"':
                chars[i] = "“" if opening else "”"
            elif opening and i + 1 < len(line) and line[i + 1].isalnum():
                chars[i] = "‘"
            else:
                chars[i] = "’"
    return "".join(chars)


def _give_back_closers(line: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Closing quote marks that start a piece end the piece before it."""
    fixed: list[tuple[int, int]] = []
    for start, end in pieces:
        closers = _LEADING_CLOSERS.match(line, start, end)
        if fixed and closers and closers.end() < end:
            rest = closers.end() + len(line[closers.end():end]) - len(line[closers.end():end].lstrip())
            fixed[-1] = (fixed[-1][0], closers.end())
            fixed.append((rest, end))
        else:
            fixed.append((start, end))
    return fixed


def _split_after_letter(line: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split "... wrote on X. “And ..." after the X., which pysbd reads as an initial."""
    result: list[tuple[int, int]] = []
    for start, end in pieces:
        for match in _LETTER_THEN_SENTENCE.finditer(line, start, end):
            result.append((start, match.start(1)))
            start = match.end(1)
        result.append((start, end))
    return result


def _chunks(line: str) -> list[tuple[int, int]]:
    """Cut a line longer than CHUNK at clear sentence ends, outside quotes; spans cover the line.

    A clear end is ". ", "! " or "? " after two lower-case letters or digits (so not after "U.S."
    or an initial, nor after "Sen." or "Gen.", see _NON_FINAL) and before a capital letter.
    """
    if len(line) <= CHUNK:
        return [(0, len(line))]
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLEAR_END.finditer(line, CHUNK):
        if match.start() - start < CHUNK:
            continue
        last = _LAST_WORD.search(line, max(start, match.start() - 20), match.start())
        if last and last.group(1).lower() in _NON_FINAL | _BEFORE_NUMBER:
            continue
        balanced = line.count("“", start, match.start()) == line.count("”", start, match.start())
        if balanced or match.start() - start > 4 * CHUNK:
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    return spans
