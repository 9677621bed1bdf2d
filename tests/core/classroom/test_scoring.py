"""Scoring students against a key on the sample articles, checked by hand and against agreement.py."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.classroom.agreement import cohen_kappa, fleiss_kappa, krippendorff_alpha
from annotator.core.errors import NotFound
from annotator.core.store.project import Project
from annotator.core.classroom.scoring import score_students, unit_labels

MARKS = {  # sentence idx of article 1 → category, per annotator
    "key": {0: "anonymous_official", 5: "anonymous_official", 6: "on_record", 7: "other_outlet"},
    "amy": {0: "anonymous_official", 5: "anonymous_official", 6: "on_record", 7: "other_outlet"},
    "ben": {0: "on_record", 2: "social_post", 5: "anonymous_official", 6: "on_record"},
    "cat": {0: "anonymous_official", 2: "document", 6: "on_record", 7: "other_outlet", 9: "unattributed"},
}


@pytest.fixture
def classroom(sample: Project) -> Project:
    for name, marks in MARKS.items():
        for idx, category in marks.items():
            sample.annotate_sentence(1, idx, category=category, annotator=name)
    sample.annotate_sentence(1, 6, category="other_outlet", annotator="cat")  # two labels on one sentence
    return sample


def test_unit_labels_are_category_sets_per_sentence(classroom: Project) -> None:
    labels = unit_labels(classroom.database, ["key", "cat"], [1])
    assert len(labels) == 20
    assert labels[(1, 6)]["cat"] == {"on_record", "other_outlet"}
    assert labels[(1, 1)]["key"] == frozenset()


def test_student_scores_by_hand(classroom: Project) -> None:
    scores, _ = score_students(classroom.database, "key")
    by_name = {s.annotator: s for s in scores}
    assert list(by_name) == ["amy", "ben", "cat"]
    assert by_name["amy"].accuracy == 1.0 and by_name["amy"].cohen_kappa == 1.0
    assert by_name["ben"].accuracy == 17 / 20  # wrong on sentences 1 and 3, missed sentence 8
    assert by_name["ben"].confusion["anonymous_official"]["on_record"] == 1
    assert by_name["ben"].confusion["other_outlet"]["none"] == 1
    ben = by_name["ben"].per_category
    assert ben["on_record"] == {"precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3)}
    assert ben["anonymous_official"]["recall"] == 0.5
    truth = ["anonymous_official" if i in (0, 5) else "on_record" if i == 6 else "other_outlet" if i == 7
             else "none" for i in range(20)]
    cat = ["anonymous_official" if i == 0 else "document" if i == 2 else "on_record+other_outlet" if i == 6
           else "other_outlet" if i == 7 else "unattributed" if i == 9 else "none" for i in range(20)]
    assert by_name["cat"].cohen_kappa == pytest.approx(cohen_kappa(truth, cat), abs=1e-12)


def test_class_agreement_and_disagreements(classroom: Project) -> None:
    _, agreement = score_students(classroom.database, "key")
    labels = unit_labels(classroom.database, ["amy", "ben", "cat"], [1])
    table = [["+".join(sorted(labels[(1, i)][s])) or "none" for s in ("amy", "ben", "cat")] for i in range(20)]
    assert agreement.krippendorff_alpha == pytest.approx(krippendorff_alpha(table), abs=1e-12)
    assert agreement.fleiss_kappa == pytest.approx(fleiss_kappa(table), abs=1e-12)
    assert [(d.sentence, round(d.agreement, 3)) for d in agreement.disagreements] == [
        (3, 0.333), (1, 0.667), (6, 0.667), (7, 0.667), (8, 0.667), (10, 0.667)]
    assert set(agreement.per_category) >= {"anonymous_official", "on_record"}


def test_unknown_key_is_reported(classroom: Project) -> None:
    with pytest.raises(NotFound, match="no annotator 'teacher'"):
        score_students(classroom.database, "teacher")


def test_score_command_json_and_table(classroom: Project) -> None:
    classroom.close()
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["score", str(classroom.path), "--key", "key", "--format", "json"]).output)
    assert [s["annotator"] for s in data] == ["amy", "ben", "cat"]
    assert {"annotator", "accuracy", "cohen_kappa", "per_category"} <= set(data[0])
    table = runner.invoke(cli, ["score", str(classroom.path), "--key", "key"]).output
    assert "Krippendorff's alpha" in table and "Most disagreement" in table
    csv_out = runner.invoke(cli, ["score", str(classroom.path), "--key", "key", "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("annotator,units,accuracy,cohen_kappa")
