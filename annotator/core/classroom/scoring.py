"""Scoring a class: each student against the answer key, and the class's agreement with itself.

The unit is the sentence. Each annotator gives a sentence the set of categories of their
annotations that overlap it; an empty set ("none") is a label too. Units are the sentences of
the articles the key has annotated, so articles left out of an exercise do not count.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from annotator.core.classroom.agreement import cohen_kappa, fleiss_kappa, krippendorff_alpha, precision_recall_f1
from annotator.core.store.database import Database
from annotator.core.store.known_names import annotator_names, category_keys
from annotator.core.store.scoring_rows import annotated_articles, category_spans, sentence_spans
from annotator.core.errors import InvalidValue, NotFound

NONE = "none"
Unit = tuple[int, int]  # article id, sentence idx


@dataclass(frozen=True)
class StudentScore:
    annotator: str
    units: int
    accuracy: float
    cohen_kappa: float
    per_category: dict[str, dict[str, float]]  # key → precision, recall, f1
    confusion: dict[str, dict[str, int]]  # key's label → student's label → sentences


@dataclass(frozen=True)
class Disagreement:
    article_id: int
    sentence: int  # from 1
    labels: dict[str, str]  # annotator → label
    agreement: float  # share of students giving the most common label


@dataclass(frozen=True)
class ClassAgreement:
    """The students' agreement among themselves (the key is not one of them).

    With fewer than two students, or no sentences, it is undefined: the figures are None and
    `undefined_because` says why in one line.
    """

    students: list[str]
    units: int
    krippendorff_alpha: float | None
    fleiss_kappa: float | None
    per_category: dict[str, dict[str, float | None]]  # key → alpha, fleiss_kappa
    disagreements: list[Disagreement]
    undefined_because: str | None = None


def label(keys: frozenset[str]) -> str:
    return "+".join(sorted(keys)) if keys else NONE


def unit_labels(db: Database, annotators: list[str], article_ids: list[int]) -> dict[Unit, dict[str, frozenset]]:
    """For each sentence of the articles, each annotator's set of category keys on it."""
    out: dict[Unit, dict[str, frozenset]] = {}
    for aid in article_ids:
        sentences = sentence_spans(db, aid)
        starts = [s for _, s, _ in sentences]
        ends = [e for _, _, e in sentences]
        found: dict[int, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        for start, end, key, name in category_spans(db, aid):
            for idx in range(bisect_right(ends, start), bisect_left(starts, end)):
                found[idx][name].add(key)
        for idx, _, _ in sentences:
            out[(aid, idx)] = {name: frozenset(found[idx].get(name, ())) for name in annotators}
    return out


def score_students(db: Database, key: str, students: list[str] | None = None) -> tuple[list[StudentScore], ClassAgreement]:
    """Every student (all annotators but the key, unless named) against the key, and the class."""
    everyone = annotator_names(db)
    if key not in everyone:
        raise NotFound(f"no annotator {key!r} in this project (known: {', '.join(everyone) or 'none'})")
    students = [s for s in (students or everyone) if s != key]
    if not students:
        raise InvalidValue("there is no student to score: only the key has annotated")
    articles = annotated_articles(db, key)
    labels = unit_labels(db, [key, *students], articles)
    units = sorted(labels)
    categories = category_keys(db)
    scores = [_score(student, key, units, labels, categories) for student in students]
    return scores, _class_agreement(students, units, labels, categories)


def _score(student: str, key: str, units: list[Unit], labels, categories: list[str]) -> StudentScore:
    truth = [label(labels[u][key]) for u in units]
    given = [label(labels[u][student]) for u in units]
    per_category = {}
    for c in categories:
        p, r, f = precision_recall_f1([c in labels[u][key] for u in units], [c in labels[u][student] for u in units])
        per_category[c] = {"precision": p, "recall": r, "f1": f}
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for (t, g), count in Counter(zip(truth, given)).items():
        confusion[t][g] = count
    return StudentScore(
        annotator=student, units=len(units),
        accuracy=sum(t == g for t, g in zip(truth, given)) / len(units) if units else 0.0,
        cohen_kappa=cohen_kappa(truth, given) if units else 0.0,
        per_category=per_category, confusion=dict(confusion))


def _class_agreement(students: list[str], units: list[Unit], labels, categories: list[str]) -> ClassAgreement:
    table = [[label(labels[u][s]) for s in students] for u in units]
    why = _undefined_because(students, units)
    per_category = {}
    for c in categories:
        binary = [[c in labels[u][s] for s in students] for u in units]
        per_category[c] = {"alpha": None if why else _safe(krippendorff_alpha, binary),
                           "fleiss_kappa": None if why else fleiss_kappa(binary)}
    disagreements = []
    for unit, row in zip(units, table):
        top = Counter(row).most_common(1)[0][1]
        if top < len(row):
            disagreements.append(Disagreement(unit[0], unit[1] + 1, dict(zip(students, row)), top / len(row)))
    disagreements.sort(key=lambda d: (d.agreement, d.article_id, d.sentence))
    return ClassAgreement(
        students=students, units=len(units),
        krippendorff_alpha=None if why else _safe(krippendorff_alpha, table),
        fleiss_kappa=None if why else fleiss_kappa(table),
        per_category=per_category, disagreements=disagreements, undefined_because=why)


def _undefined_because(students: list[str], units: list[Unit]) -> str | None:
    if len(students) < 2:
        return (f"agreement among students needs at least two students besides the key "
                f"(there is {len(students)})")
    if not units:
        return "there are no sentences to compare: the key has annotated no article with sentences"
    return None


def _safe(statistic, table) -> float:
    try:
        return statistic(table)
    except ValueError:
        return 0.0
