"""Split an article body into sentence spans; the spans cover its text in order.

pysbd finds the sentence boundaries. News text needs a few repairs on top, all of which only ever
join pysbd's pieces (never split them further):
- every line is segmented on its own, so a heading without a full stop or an embedded post's
  byline stays a sentence of its own;
- a piece that starts with a lower-case word, with , ; : ) or with a possessive 's continues the
  previous one ("D-Mass., said", "JFK Jr.'s book"), but not a name such as "eBay" or "iPhone";
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
A line longer than CHUNK characters is cut at clear sentence ends, and inside long runs with no
. ? or ! (see _chunks), before pysbd, whose time grows with the square of the length of what it is
given; the repairs read a bounded stretch around each piece. So a line takes time in proportion to
its length, whatever its sentences.
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
_CONTINUATION = re.compile(r"^(?:[,;:)\]…]|[a-z]+\b(?![A-Z])|['’]s\b)")  # not "eBay", "iPhone"; "Jr.'s"
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
_SENTENCE_END = re.compile(r"[.?!。．！？]")  # the marks pysbd ends a sentence at
# All pysbd may split at or alter: those marks, a line break, a list item ("2)"), a dash closing a
# quote ("-” The") and the symbols pysbd writes into the text it works on (a text holding them is
# read as if it held what they stand for).
_PYSBD_SYMBOLS = "ƪȸȹᓰᓱᓳᓴᓷᓸ∮∯⌬⎋☄☇☈☉☏☝♝♟♨♬♭✂"
_PYSBD_SPLITS = re.compile(rf"[.?!。．！？\r){_PYSBD_SYMBOLS}]|-[\"'“”]\s[A-Z]")
_RUN_MARGIN = CHUNK // 2  # a cut inside a run with no sentence end stays this far from the run's ends
_ABBREVIATED = _NON_FINAL | _BEFORE_NUMBER
_WORD_AT_STOP = re.compile(r"[A-Za-z]+\.$")
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATED))


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
    for start, end, glued in _chunks(curled):
        chunk = curled[start:end]
        found = [(start + s, start + e) for s, e in _pieces(chunk)]
        if glued and pieces and found:  # the chunk was cut out of a run with no sentence end
            found[0] = (pieces.pop()[0], found[0][1])
        pieces.extend(found)
    pieces = _split_after_letter(curled, _give_back_closers(curled, pieces))
    return _merge(curled, pieces)


def _pieces(chunk: str) -> list[tuple[int, int]]:
    """pysbd's sentences of `chunk`, located in it; a chunk with nothing pysbd splits at is one piece."""
    if not _PYSBD_SPLITS.search(chunk):
        return _locate(chunk, [chunk])
    return _locate(chunk, _segmenter().segment(chunk))


def _merge(line: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and _continues(line, merged[-1], line[start:end]):
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


def _continues(line: str, previous: tuple[int, int], piece: str) -> bool:
    """Whether `piece` continues the sentence line[previous]: of that sentence only its end is read."""
    if _CONTINUATION.match(piece) or _LINK_OR_PUNCT.match(piece):
        return True
    word = _abbreviation_at_end(line, *previous)
    return word in _NON_FINAL or (word in _BEFORE_NUMBER and piece[:1].isdigit())


def _abbreviation_at_end(line: str, start: int, end: int) -> str:
    """The word before the full stop that ends line[start:end], lower-cased, or "" when that cannot be
    a listed abbreviation: no full stop, or a word longer than the longest (only that much is read)."""
    low = max(start, end - _LONGEST_ABBREVIATION - 2)
    found = _WORD_AT_STOP.search(line, low, end)
    if not found or (found.start() == low > start and line[low - 1].isascii() and line[low - 1].isalpha()):
        return ""
    return found.group()[:-1].lower()


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


def _chunks(line: str) -> list[tuple[int, int, bool]]:
    """Cut a line longer than CHUNK into (start, end, glued) spans that cover it, for pysbd to read apart.

    The cuts fall at clear sentence ends (see _clear_chunks) and inside runs with no sentence end
    (see _run_cuts). A `glued` span starts inside such a run: its first sentence continues the last
    one of the span before, so the run stays in one sentence, as pysbd reading the line whole puts it.
    """
    if len(line) <= CHUNK:
        return [(0, len(line), False)]
    spans: list[tuple[int, int, bool]] = []
    for start, end in _clear_chunks(line):
        bounds = [start, *_run_cuts(line, start, end), end]
        spans.extend((a, b, a != start) for a, b in zip(bounds, bounds[1:]))
    return spans


def _clear_chunks(line: str) -> list[tuple[int, int]]:
    """Cut a line at clear sentence ends, outside quotes, every CHUNK characters or more; spans cover the line.

    A clear end is ". ", "! " or "? " after two lower-case letters or digits (so not after "U.S."
    or an initial, nor after "Sen." or "Gen.", see _NON_FINAL) and before a capital letter.
    """
    spans: list[tuple[int, int]] = []
    start = counted = opened = closed = 0  # quote marks counted from `start` to `counted`
    for match in _CLEAR_END.finditer(line, CHUNK):
        if match.start() - start < CHUNK:
            continue
        last = _LAST_WORD.search(line, max(start, match.start() - 20), match.start())
        if last and last.group(1).lower() in _ABBREVIATED:
            continue
        opened += line.count("“", counted, match.start())
        closed += line.count("”", counted, match.start())
        counted = match.start()
        if opened == closed or match.start() - start > 4 * CHUNK:
            spans.append((start, match.end()))
            start = counted = match.end()
            opened = closed = 0
    spans.append((start, len(line)))
    return spans


def _run_cuts(line: str, start: int, end: int) -> list[int]:
    """Where to cut line[start:end] inside its runs with no . ? or ! longer than 2 × _RUN_MARGIN.

    A cut falls every CHUNK characters, _RUN_MARGIN from the run's ends, at a space when one is near,
    and, as at a clear end, outside quotes unless the piece would pass 4 × CHUNK. pysbd ends sentences
    at those marks (and at list items): each side of a cut reads as the end or the start of one
    sentence, and the marks, this far away, are read as they were in the whole line.
    """
    if end - start <= 2 * _RUN_MARGIN:
        return []
    cuts: list[int] = []
    last = counted = start
    opened = closed = 0  # quote marks counted from `last` to `counted`
    run_start = start
    for mark in [*(m.start() for m in _SENTENCE_END.finditer(line, start, end)), end]:
        at = run_start + _RUN_MARGIN
        while at <= mark - _RUN_MARGIN:
            space = line.find(" ", at, at + 100)
            cut = at if space < 0 else space
            opened += line.count("“", counted, cut)
            closed += line.count("”", counted, cut)
            counted = cut
            if opened == closed or cut - last > 4 * CHUNK:
                cuts.append(cut)
                last = counted = cut
                opened = closed = 0
            at += CHUNK
        run_start = mark + 1
    return cuts
