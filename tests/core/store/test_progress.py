"""Counts kept by triggers (annotated sentences, category usage) always equal a sweep over the annotations."""

from __future__ import annotations

import random
from pathlib import Path

from annotator.core.store.project import Project


def swept(project: Project, article_id: int, annotator: str | None) -> int:
    """The definition: sentences that some annotation (by `annotator`, if named) overlaps."""
    sentences = project.articles.sentences(article_id)
    spans = [(a.start, a.end) for a in project.annotations.for_article(article_id, annotator=annotator)]
    return sum(any(end > s.start and start < s.end for start, end in spans) for s in sentences)


def check(project: Project) -> None:
    for article in project.articles.list():
        assert article.sentence_count == len(project.articles.sentences(article.id))
        assert project.database.row("SELECT length FROM article_sizes WHERE article_id = ?", (article.id,))[0] \
            == len(project.articles.body(article.id))
    for name in [None, *project.annotations.annotators(), "nobody"]:
        counted: dict[str, int] = {c.key: 0 for c in project.categories.list(include_archived=True)}
        for annotation in project.annotations.list(annotator=name if name != "nobody" else None):
            counted[annotation.category] += name != "nobody"
        assert project.annotations.counts_by_category(annotator=name) == counted, name
        for article in project.articles.list(annotator=name):
            assert article.annotated_sentences == swept(project, article.id, name), (article.id, name)


def random_edits(project: Project, rng: random.Random, count: int) -> None:
    articles = [a.id for a in project.articles.list()]
    keys = [c.key for c in project.categories.list()]
    for _ in range(count):
        made = project.annotations.list()
        if made and rng.random() < 0.3:
            project.annotations.delete(rng.choice(made).id)
            continue
        article = rng.choice(articles)
        body = project.articles.body(article)
        start = rng.randrange(len(body) - 1)
        end = min(len(body), start + rng.randrange(1, 400))
        made = project.annotations.add(article, start, end, category=rng.choice(keys),
                                       annotator=rng.choice(["amy", "ben"]))
        if rng.random() < 0.2:
            project.annotations.update(made.id, category=rng.choice(keys))


def test_counts_follow_adds_deletes_and_restores(sample: Project) -> None:
    rng = random.Random(7)
    random_edits(sample, rng, 120)
    check(sample)
    removed = sample.annotations.delete(sample.annotations.list()[0].id)
    sample.annotations.restore(removed)
    check(sample)


def test_a_schema_1_file_gets_its_counts_on_upgrade(tmp_path: Path, sample: Project, schema_1_copy) -> None:
    random_edits(sample, random.Random(3), 60)
    expected = {(a.id, name): a.annotated_sentences
                for name in (None, "amy", "ben") for a in sample.articles.list(annotator=name)}
    old = schema_1_copy(sample, tmp_path / "old.annot")
    with Project.open(old) as upgraded:
        assert upgraded.database.row("PRAGMA user_version")[0] >= 2
        got = {(a.id, name): a.annotated_sentences
               for name in (None, "amy", "ben") for a in upgraded.articles.list(annotator=name)}
        assert got == expected
        check(upgraded)
