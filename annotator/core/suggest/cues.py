"""The cue lexicon: word lists and per-category phrase cues, read from JSON files a user can extend.

The shipped `resources/cues/*.json` files and those in the folder named by ANNOTATOR_CUES_DIR are
merged: word lists are joined, each category's phrases are added to those of the same key. The
fingerprint changes whenever any file does, which is what makes stored suggestions recompute.

A cue file is input like any other: only regular files are read (a FIFO or a device named *.json is
passed over, never opened for a blocking read), each within MAX_CUE_BYTES, and each is checked against
the schema below before any of it is used; what does not fit is named with its line in the file.
A folder named by ANNOTATOR_CUES_DIR that does not exist is an error, not silence. Phrases are
matched by suggest/phrases.py in time linear in the text, however many there are.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InvalidValue
from annotator.core.pattern_cache import compile_re
from annotator.core.resources import resources_dir

ENGINE_VERSION = "13"  # bump when the rules change in a way that changes their output
USER_CUES_ENV = "ANNOTATOR_CUES_DIR"
_LISTS = (
    "speech_verbs", "official_heads", "official_modifiers", "unnamed_heads", "unnamed_determiners",
    "bare_unnamed_heads", "outlets", "outlet_words", "outlet_kinds", "media_nouns", "media_words",
    "reporting_words", "platforms", "post_nouns", "posting_verbs", "document_nouns", "document_verbs",
    "institution_nouns", "outlet_nouns", "news_agencies", "not_names", "function_words", "title_adjectives",
    "places",
)


@dataclass(frozen=True)
class PhraseCue:
    """A phrase that, found in a sentence, suggests `category` with `confidence`."""

    category: str
    phrase: str
    confidence: float


@dataclass
class Lexicon:
    """All cue files merged; `fingerprint` names this exact content (and the rules' version)."""

    words: dict[str, list[str]]
    phrases: list[PhraseCue]
    propose_unattributed: bool
    unattributed_confidence: float
    fingerprint: str
    files: list[Path] = field(default_factory=list)

    def categories(self) -> set[str]:
        return {cue.category for cue in self.phrases}


def cue_dirs() -> list[Path]:
    """The shipped cue folder, then the user's (ANNOTATOR_CUES_DIR), if set; a folder it names that
    does not exist is an InvalidValue (the window shows it; `annotator suggest` prints it)."""
    dirs = [resources_dir() / "cues"]
    extra = os.environ.get(USER_CUES_ENV)
    if extra:
        folder = Path(extra)
        if not folder.is_dir():
            error = InvalidValue(f"The cue folder {folder} named by {USER_CUES_ENV} "
                                 f"{'is not a folder' if folder.exists() else 'does not exist'}.")
            error.advice = (f"Create the folder, or set {USER_CUES_ENV} to the folder that holds your cue files"
                            " (or unset it to use the shipped cues only), then try again.")
            raise error
        dirs.append(folder)
    return dirs


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Whole words, any case, flexible spaces; `*` stands for any one word."""
    return compile_re(r"(?<![\w@])(?:" + phrase_body(phrase) + r")(?![\w])", re.IGNORECASE)


def phrase_body(phrase: str) -> str:
    """The phrase's words as a regular expression, without the word-boundary guards."""
    return r"\s+".join(r"\S+" if token == "*" else re.escape(token) for token in phrase.split())


def load_lexicon(dirs: list[Path] | None = None) -> Lexicon:
    """Read and merge every *.json cue file in `dirs` (default: cue_dirs())."""
    folders = dirs if dirs is not None else cue_dirs()
    found = sorted(p for d in folders if d.is_dir() for p in d.glob("*.json"))
    words: dict[str, list[str]] = {name: [] for name in _LISTS}
    phrases: list[PhraseCue] = []
    unattributed = {"propose": False, "confidence": 0.4}
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    files = []
    for path in found:
        raw = _read_regular(path)
        if raw is None:
            continue  # a FIFO, a device or a folder named *.json: not a cue file
        files.append(path)
        digest.update(path.name.encode() + b"\0" + raw)
        data = _parse(path, raw)
        for name in _LISTS:
            words[name].extend(data.get(name, []))
        for key, entry in data.get("categories", {}).items():
            confidence = float(entry.get("confidence", 0.8))
            phrases.extend(PhraseCue(key, p, confidence) for p in entry.get("cues", []))
        unattributed.update(data.get("unattributed", {}))
    return Lexicon(words={k: list(dict.fromkeys(v)) for k, v in words.items()}, phrases=phrases,
                   propose_unattributed=bool(unattributed["propose"]),
                   unattributed_confidence=float(unattributed["confidence"]),
                   fingerprint=digest.hexdigest()[:16], files=files)


MAX_CUE_BYTES = 32 * 1024 * 1024
_ERRORS_SHOWN = 8


def _read_regular(path: Path) -> bytes | None:
    """The bytes of a regular file; None for anything else. Opened without blocking (a FIFO would
    wait for a writer) and checked on the open file, so nothing can be swapped in between."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _invalid(path, f"cannot be read ({error.strerror or error})") from error
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        if info.st_size > MAX_CUE_BYTES:
            raise _invalid(path, f"is too large ({info.st_size / 2**20:.1f} MB; a cue file may hold"
                                 f" {MAX_CUE_BYTES // 2**20} MB)")
        return handle.read(MAX_CUE_BYTES + 1)


def _invalid(path: Path, reason: str) -> InvalidValue:
    error = InvalidValue(f"Cue file {path} {reason}")
    error.advice = (f"Correct the file, or move it out of the cue folder ({USER_CUES_ENV} names it);"
                    " suggestions use the cue files again once every one of them reads.")
    return error


def _parse(path: Path, raw: bytes) -> dict:
    """The file's JSON, checked against the schema; an InvalidValue naming the line of each fault."""
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text)
    except UnicodeDecodeError as error:
        raise _invalid(path, f"is not UTF-8 text (byte {error.start})") from error
    except json.JSONDecodeError as error:
        raise _invalid(path, f"is not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}") from error
    faults = list(schema_faults(data))
    if faults:
        lines = value_lines(text)
        shown = [f"line {_line_of(lines, where)}: {message}" for where, message in faults[:_ERRORS_SHOWN]]
        more = f"; and {len(faults) - _ERRORS_SHOWN} more" if len(faults) > _ERRORS_SHOWN else ""
        raise _invalid(path, "does not fit the cue file schema: " + "; ".join(shown) + more)
    return data


# --- the schema --------------------------------------------------------------------------------

Where = tuple[str | int, ...]  # the path to a value: ("categories", "on_record", "cues", 3)


def schema_faults(data: object) -> list[tuple[Where, str]]:
    """What in a cue file's JSON does not fit the schema, each with where it is:
    an object of word lists (text arrays) named in _LISTS; "categories": {key: {"confidence": a number
    from 0 to 1, "cues": [phrase, ...]}}; "unattributed": {"propose": true/false, "confidence": number};
    "about" (text) and keys starting with "_" or "$" are notes, left unread."""
    if not isinstance(data, dict):
        return [((), f"the file must hold a JSON object ({{...}}), not {_kind(data)}")]
    faults: list[tuple[Where, str]] = []
    for key, value in data.items():
        where: Where = (key,)
        if key in _LISTS:
            faults += _texts(value, where, f'"{key}"', "word")
        elif key == "categories":
            faults += _categories(value)
        elif key == "unattributed":
            faults += _unattributed(value)
        elif key == "about":
            if not isinstance(value, str):
                faults.append((where, f'"about" must be text, not {_kind(value)}'))
        elif not key.startswith(("_", "$")):
            close = difflib.get_close_matches(key, [*_LISTS, "categories", "unattributed", "about"], n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            faults.append((where, f'"{key}" is not a cue file key{hint}; notes go under keys starting with "_"'))
    return faults


def _texts(value: object, where: Where, name: str, item: str) -> list[tuple[Where, str]]:
    if not isinstance(value, list):
        return [(where, f"{name} must be a list of texts ([\"...\", ...]), not {_kind(value)}")]
    faults = []
    for index, entry in enumerate(value):
        if not isinstance(entry, str):
            faults.append(((*where, index), f"{name} item {index + 1} must be a text, not {_kind(entry)}"))
        elif not entry.split():
            faults.append(((*where, index), f"{name} item {index + 1} is blank: a {item} needs a word"))
    return faults


def _categories(value: object) -> list[tuple[Where, str]]:
    if not isinstance(value, dict):
        return [(("categories",), f'"categories" must be an object of category keys, not {_kind(value)}')]
    faults: list[tuple[Where, str]] = []
    for key, entry in value.items():
        where: Where = ("categories", key)
        if not key.strip():
            faults.append((where, "a category key is blank"))
        if not isinstance(entry, dict):
            faults.append((where, f'category "{key}" must be an object ({{"confidence": 0.8, "cues": [...]}}),'
                                  f" not {_kind(entry)}"))
            continue
        for name, item in entry.items():
            if name == "confidence":
                faults += _confidence(item, (*where, name), f'the confidence of "{key}"')
            elif name == "cues":
                faults += _texts(item, (*where, name), f'the cues of "{key}"', "phrase")
            elif not name.startswith(("_", "$")) and name != "about":
                faults.append(((*where, name), f'"{name}" is not a key of a category (its keys:'
                                               ' "confidence", "cues")'))
    return faults


def _unattributed(value: object) -> list[tuple[Where, str]]:
    where: Where = ("unattributed",)
    if not isinstance(value, dict):
        return [(where, f'"unattributed" must be an object ({{"propose": false, "confidence": 0.4}}),'
                        f" not {_kind(value)}")]
    faults: list[tuple[Where, str]] = []
    for name, item in value.items():
        if name == "propose":
            if not isinstance(item, bool):
                faults.append(((*where, name), f'"unattributed" "propose" must be true or false, not {_kind(item)}'))
        elif name == "confidence":
            faults += _confidence(item, (*where, name), '"unattributed" "confidence"')
        elif not name.startswith(("_", "$")):
            faults.append(((*where, name), f'"{name}" is not a key of "unattributed" (its keys: "propose",'
                                           ' "confidence")'))
    return faults


def _confidence(value: object, where: Where, name: str) -> list[tuple[Where, str]]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return [(where, f"{name} must be a number from 0 to 1, not {_kind(value)}")]
    if not 0 <= value <= 1:
        return [(where, f"{name} must be from 0 to 1, not {value:g}")]
    return []


def _kind(value: object) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f'the text "{shown}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return f"the number {value:g}"
    return "a list" if isinstance(value, list) else "an object"


# --- where each value is -----------------------------------------------------------------------

_SPACE = compile_re(r"[ \t\n\r]*")
_SCALAR = compile_re(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")


def value_lines(text: str) -> dict[Where, int]:
    """The line (from 1) each value of a valid JSON text starts on, by its path; of a key given twice,
    the last (as json.loads keeps it)."""
    lines: dict[Where, int] = {}
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line(at: int) -> int:
        import bisect

        return bisect.bisect_left(newlines, at) + 1

    def value(at: int, where: Where) -> int:
        at = _SPACE.match(text, at).end()
        lines[where] = line(at)
        first = text[at]
        if first == "{":
            at = _SPACE.match(text, at + 1).end()
            if text[at] == "}":
                return at + 1
            while True:
                key, at = json.decoder.scanstring(text, at + 1)
                at = _SPACE.match(text, at).end() + 1  # the colon
                at = _SPACE.match(text, value(at, (*where, key))).end()
                if text[at] == "}":
                    return at + 1
                at = _SPACE.match(text, at + 1).end()  # the comma
        if first == "[":
            at = _SPACE.match(text, at + 1).end()
            if text[at] == "]":
                return at + 1
            index = 0
            while True:
                at = _SPACE.match(text, value(at, (*where, index))).end()
                index += 1
                if text[at] == "]":
                    return at + 1
                at += 1
        if first == '"':
            return json.decoder.scanstring(text, at + 1)[1]
        return _SCALAR.match(text, at).end()

    value(0, ())
    return lines


def _line_of(lines: dict[Where, int], where: Where) -> int:
    while where not in lines and where:
        where = where[:-1]
    return lines.get(where, 1)
