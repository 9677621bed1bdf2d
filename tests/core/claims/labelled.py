"""The hand-labelled claim sets of tests/data/claims, read as sentences and gold groups."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.ingest.formats import parse_file
from annotator.core.ingest.segment import split_sentences
from annotator.core.records import SentenceText

ROOT = Path(__file__).resolve().parents[3]
SETS = {
    "seed": (ROOT / "seeds" / "articles", ROOT / "tests" / "data" / "claims" / "seed_claims.json"),
    "paraphrase": (ROOT / "tests" / "data" / "claims" / "paraphrase",
                   ROOT / "tests" / "data" / "claims" / "paraphrase_claims.json"),
    "retold": (ROOT / "tests" / "data" / "claims" / "retold",
               ROOT / "tests" / "data" / "claims" / "retold_claims.json"),
    "scale": (ROOT / "tests" / "data" / "claims" / "scale",
              ROOT / "tests" / "data" / "claims" / "scale_claims.json"),
    "real": (ROOT / "tests" / "data" / "claims" / "real", ROOT / "tests" / "data" / "claims" / "real_claims.json"),
    "real2": (ROOT / "tests" / "data" / "claims" / "real2", ROOT / "tests" / "data" / "claims" / "real2_claims.json"),
    "real3": (ROOT / "tests" / "data" / "claims" / "real3", ROOT / "tests" / "data" / "claims" / "real3_claims.json"),
    "disputes": (ROOT / "tests" / "data" / "claims" / "disputes",
                 ROOT / "tests" / "data" / "claims" / "disputes_claims.json"),
}


def load(name: str) -> tuple[list[SentenceText], list[list[tuple[int, int]]], dict[int, str]]:
    """(sentences, gold claims as (article number, idx) lists, article number → outlet)."""
    folder, labels = SETS[name]
    files = sorted(folder.glob("*.md"))
    number = {path.name: n + 1 for n, path in enumerate(files)}
    sentences, outlets = [], {}
    for path in files:
        parsed = parse_file(path)
        outlets[number[path.name]] = parsed.outlet or path.stem
        for idx, (start, end) in enumerate(split_sentences(parsed.body)):
            sentences.append(SentenceText(number[path.name], idx, parsed.body[start:end]))
    claims = json.loads(labels.read_text(encoding="utf-8"))["claims"]
    gold = [[(number[f], idx) for f, idx in claim["members"]] for claim in claims]
    return sentences, gold, outlets


def dates(name: str) -> dict[int, str | None]:
    """Article number (as load gives it) → the publication date its file states."""
    files = sorted(SETS[name][0].glob("*.md"))
    return {n + 1: parse_file(path).published for n, path in enumerate(files)}


def gold_disputes(name: str) -> list[tuple[int, int]]:
    """The set's pairs of claims that dispute each other, as positions in load(name)'s gold claims."""
    data = json.loads(SETS[name][1].read_text(encoding="utf-8"))
    position = {claim["id"]: n for n, claim in enumerate(data["claims"])}
    return [(position[a], position[b]) for a, b in data.get("disputes", ())]
