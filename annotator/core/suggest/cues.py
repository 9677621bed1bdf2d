"""The cue lexicon: word lists and per-category phrase cues, read from JSON files a user can extend.

The shipped `resources/cues/*.json` files and those in the folder named by ANNOTATOR_CUES_DIR are
merged: word lists are joined, each category's phrases are added to those of the same key. The
fingerprint changes whenever any file does, which is what makes stored suggestions recompute.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InvalidValue
from annotator.core.resources import resources_dir

ENGINE_VERSION = "4"  # bump when the rules change in a way that changes their output
USER_CUES_ENV = "ANNOTATOR_CUES_DIR"
_LISTS = (
    "speech_verbs", "official_heads", "official_modifiers", "unnamed_heads", "unnamed_determiners",
    "bare_unnamed_heads", "outlets", "outlet_words", "outlet_kinds", "media_nouns", "media_words",
    "reporting_words", "platforms", "post_nouns", "posting_verbs", "document_nouns", "document_verbs",
    "institution_nouns", "outlet_nouns", "news_agencies", "not_names", "function_words", "title_adjectives",
)


@dataclass(frozen=True)
class PhraseCue:
    """A phrase that, found in a sentence, suggests `category` with `confidence`."""

    category: str
    phrase: str
    confidence: float
    pattern: re.Pattern[str]


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
    """The shipped cue folder, then the user's (ANNOTATOR_CUES_DIR), if set."""
    dirs = [resources_dir() / "cues"]
    extra = os.environ.get(USER_CUES_ENV)
    if extra:
        dirs.append(Path(extra))
    return dirs


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Whole words, any case, flexible spaces; `*` stands for any one word."""
    return re.compile(r"(?<![\w@])(?:" + phrase_body(phrase) + r")(?![\w])", re.IGNORECASE)


def phrase_body(phrase: str) -> str:
    """The phrase's words as a regular expression, without the word-boundary guards."""
    return r"\s+".join(r"\S+" if token == "*" else re.escape(token) for token in phrase.split())


def load_lexicon(dirs: list[Path] | None = None) -> Lexicon:
    """Read and merge every *.json cue file in `dirs` (default: cue_dirs())."""
    folders = dirs if dirs is not None else cue_dirs()
    files = sorted(p for d in folders if d.is_dir() for p in d.glob("*.json"))
    words: dict[str, list[str]] = {name: [] for name in _LISTS}
    phrases: list[PhraseCue] = []
    unattributed = {"propose": False, "confidence": 0.4}
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        data = _parse(path, raw)
        for name in _LISTS:
            words[name].extend(str(w) for w in data.get(name, []))
        for key, entry in data.get("categories", {}).items():
            confidence = float(entry.get("confidence", 0.8))
            phrases.extend(PhraseCue(key, p, confidence, phrase_pattern(p)) for p in entry.get("cues", []))
        unattributed.update(data.get("unattributed", {}))
    return Lexicon(words={k: list(dict.fromkeys(v)) for k, v in words.items()}, phrases=phrases,
                   propose_unattributed=bool(unattributed["propose"]),
                   unattributed_confidence=float(unattributed["confidence"]),
                   fingerprint=digest.hexdigest()[:16], files=files)


def _parse(path: Path, raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidValue(f"cue file {path} cannot be read: {error}") from error
    if not isinstance(data, dict):
        raise InvalidValue(f"cue file {path} must hold a JSON object")
    return data
