"""A project with many outlets with long, realistic names, for tests and screenshots at scale.

    .venv/bin/python tests/support/many_outlets.py OUT.annot [N]      (N = 4, 11, 50, ...; default 50)

Tests load it by path (the suite imports in importlib mode): see `load` in the tests that use it.
Everything is made through the core API, deterministically: the same N gives the same numbers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.core.ingest.segment import split_sentences
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project

# Long names first: the first eleven are the outlets of a real fact-check.
NAMES = [
    "The Record from Recorded Future News", "Independent Journalism Network International",
    "Associated Press", "Reuters", "The Washington Post", "Cybersecurity Dive",
    "BleepingComputer", "The Guardian (US edition)", "Deutsche Welle English Service",
    "Bloomberg Government", "Nextgov/FCW",
    "Agence France-Presse", "The New York Times", "Politico Europe", "Financial Times",
    "Wall Street Journal", "BBC News Online", "Al Jazeera English", "The Hill",
    "Axios Codebook", "Wired Security Desk", "Ars Technica Policy", "Dark Reading",
    "SecurityWeek", "The Register", "CyberScoop", "Federal News Network",
    "Defense One", "Breaking Defense", "Military Times", "Stars and Stripes",
    "Christian Science Monitor", "National Public Radio", "Public Broadcasting Service NewsHour",
    "Canadian Broadcasting Corporation News", "Australian Broadcasting Corporation",
    "Radio Free Europe / Radio Liberty", "Voice of America", "Euronews", "France 24 English",
    "Kyiv Independent", "The Times of Israel", "South China Morning Post", "Nikkei Asia",
    "The Straits Times", "Hindustan Times Technology", "Le Monde in English",
    "Süddeutsche Zeitung International Edition", "Organized Crime and Corruption Reporting Project",
    "Investigative Reporting Network of the Americas",
]

SENTENCES = [
    "The agency paused its offensive cyber operations against the country on Friday.",
    "A senior official said the order came directly from the secretary.",
    "The department declined to comment on operational matters.",
    "Two people familiar with the decision said it was part of a wider review.",
    "In a post on X, the command said nothing had changed in its posture.",
    "Documents seen by reporters show the pause was planned weeks earlier.",
    "Other outlets reported the same decision earlier in the week.",
    "Experts warned the move could embolden criminal groups.",
    "The White House did not respond to a request for comment.",
    "Lawmakers from both parties asked for a briefing.",
]

CATEGORIES = ["anonymous_official", "on_record", "social_post", "anonymous_other", "other_outlet",
              "document", "unattributed"]


def outlet_names(count: int) -> list[str]:
    """`count` distinct outlet names: the list above, then numbered regional editions."""
    names = list(NAMES[:count])
    n = 0
    while len(names) < count:
        names.append(f"{NAMES[n % len(NAMES)]} Regional Edition {n // len(NAMES) + 2}")
        n += 1
    return names


def build(path: Path | str, count: int = 50, *, articles_per_outlet: int = 2) -> Project:
    """Create a project at `path` with `count` outlets, each with annotated articles; it is returned open."""
    project = Project.create(path)
    for o, outlet in enumerate(outlet_names(count)):
        for a in range(articles_per_outlet):
            body = " ".join(SENTENCES[(o + a + s) % len(SENTENCES)] for s in range(len(SENTENCES)))
            body += f" This is report {a + 1} of {outlet}."  # every body differs
            spans = split_sentences(body)
            article = project.articles.add(
                ParsedArticle(title=f"Cyber operations paused: report {a + 1} from {outlet}", body=body,
                              outlet=outlet, published=f"2025-03-{(o + a) % 28 + 1:02d}"), spans)
            # A different, deterministic mix per outlet: from one annotation up to most sentences.
            marked = 1 + (o * 7 + a * 3) % (len(spans) - 1)
            for s in range(marked):
                start, end = spans[s]
                category = CATEGORIES[(o * 3 + s * (1 + o % 4)) % len(CATEGORIES)]
                project.annotations.add(article.id, start, end, category=category,
                                        annotator="amy" if s % 3 else "ben")
    return project


def main(argv: list[str]) -> None:
    if not argv or len(argv) > 2:
        raise SystemExit(__doc__)
    build(argv[0], int(argv[1]) if len(argv) > 1 else 50).close()


if __name__ == "__main__":
    main(sys.argv[1:])
