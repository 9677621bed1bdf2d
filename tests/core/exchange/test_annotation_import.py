"""Annotation files (our CSV export, JSON Lines) imported in one undoable step: round trips, bad rows, undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import ChangedElsewhere, InvalidValue
from annotator.core.exchange.annotation_rows import RowsRefused, read_rows, unguard
from annotator.core.ops import runner
from annotator.core.ops.annotations import DeleteAnnotation
from annotator.core.ops.annotations_batch import ImportAnnotations
from annotator.core.records import ParsedArticle
from annotator.core.reports.csv_export import write_annotations_csv
from annotator.core.sample import create_sample
from annotator.core.store.project import Project


@pytest.fixture
def sample(tmp_path: Path):
    proj, _ = create_sample(tmp_path / "a.annot")
    yield proj
    proj.close()


@pytest.fixture
def other(tmp_path: Path):
    proj, _ = create_sample(tmp_path / "b.annot")
    yield proj
    proj.close()


def marks(project: Project) -> list[tuple]:
    return [a[1:] for a in project.annotations.list()]


def import_file(project: Project, path: Path, **options) -> ImportAnnotations:
    rows, unreadable = read_rows(path)
    operation = ImportAnnotations(rows, name=path.name, unreadable=unreadable, **options)
    runner.apply(project, operation)
    return operation


def annotate_some(project: Project) -> None:
    project.annotate_sentence(1, 0, category="on_record", annotator="amy", source="  Jane Doe, DHS ",
                              note="=SUM(A1) looks like a formula\nand has two lines")
    project.annotate_sentence(1, 2, category="document", annotator="bob", note="-minus, @at, +plus")
    body = project.articles.body(2)
    project.annotations.add(2, 5, 40, category="anonymous_official", annotator="amy", source="'quoted'")
    assert body


def test_a_csv_export_imports_as_the_same_annotations_times_and_all(sample, other, tmp_path: Path) -> None:
    annotate_some(sample)
    out = tmp_path / "marks.csv"
    write_annotations_csv(sample.database, out)
    operation = import_file(other, out)
    assert len(operation.added) == 3 and not operation.refused and not operation.duplicates
    assert marks(other) == marks(sample)
    again = tmp_path / "again.csv"
    write_annotations_csv(other.database, again)
    assert again.read_bytes() == out.read_bytes()


def test_json_lines_by_sentence_or_offsets_with_emoji_and_accents(project, tmp_path: Path) -> None:
    body = "Le président 🙂 a parlé. « C'est fini », a dit un porte-parole anonyme. Voilà tout, dit-il encore."
    start, second_end = body.index("«"), body.index("Voilà") - 1
    project.articles.add(ParsedArticle(title="Été", body=body), [(0, start - 1), (start, second_end),
                                                                  (second_end + 1, len(body))])
    lines = [{"article_id": 1, "sentence": 2, "category": "anonymous_official", "annotator": "amy"},
             {"article_id": 1, "start": start, "end": start + 13, "category": "on_record", "annotator": "bob",
              "source": "un porte-parole", "note": "🙂 note"}]
    path = tmp_path / "marks.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    import_file(project, path)
    got = sorted(project.annotations.list(), key=lambda a: a.annotator)
    assert [body[a.start:a.end] for a in got] == ["« C'est fini », a dit un porte-parole anonyme.", "« C'est fini "]
    assert (got[1].source, got[1].note, got[1].annotator) == ("un porte-parole", "🙂 note", "bob")


def test_a_bad_row_refuses_the_whole_file_with_its_line_and_reason(sample, tmp_path: Path) -> None:
    path = tmp_path / "marks.jsonl"
    path.write_text('{"article_id": 1, "sentence": 1, "category": "document", "annotator": "amy"}\n'
                    '\n'
                    '{"article_id": 99, "sentence": 1, "category": "document"}\n'
                    '{"article_id": 1, "sentence": 400, "category": "document"}\n'
                    '{"article_id": 1, "start": 0, "end": 999999, "category": "document"}\n'
                    '{"article_id": 1, "sentence": 1, "category": "nonesuch"}\n'
                    '{"article_id": 1, "sentence": 1}\n'
                    '{"article_id": "x", "sentence": 1, "category": "document"}\n'
                    '[1, 2]\n'
                    '{broken\n', encoding="utf-8")
    with pytest.raises(RowsRefused) as refused:
        import_file(sample, path, default_annotator="zed")
    reasons = {p.line: p.reason for p in refused.value.problems}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert reasons[3] == "no article 99 in this project"
    assert "has no sentence 400" in reasons[4]
    assert "outside article 1" in reasons[5]
    assert "no category 'nonesuch'" in reasons[6]
    assert reasons[7] == "category is missing"
    assert "not a whole number" in reasons[8]
    assert reasons[9] == "not a JSON object"
    assert reasons[10].startswith("not JSON")
    assert sample.annotations.count() == 0


def test_skip_bad_imports_the_good_rows_and_reports_the_rest(sample, tmp_path: Path) -> None:
    path = tmp_path / "marks.jsonl"
    path.write_text('{"article_id": 1, "sentence": 1, "category": "document"}\n'
                    '{"article_id": 99, "sentence": 1, "category": "document"}\n', encoding="utf-8")
    operation = import_file(sample, path, default_annotator="zed", skip_bad=True)
    assert [(a.annotator, a.category) for a in operation.added] == [("zed", "document")]
    assert [p.line for p in operation.refused] == [2]


def test_duplicates_of_stored_marks_and_within_the_file_are_reported_not_doubled(sample, tmp_path: Path) -> None:
    sample.annotate_sentence(1, 0, category="document", annotator="amy")
    path = tmp_path / "marks.jsonl"
    row = '{"article_id": 1, "sentence": 2, "category": "document", "annotator": "amy"}\n'
    path.write_text('{"article_id": 1, "sentence": 1, "category": "document", "annotator": "amy"}\n' + row + row,
                    encoding="utf-8")
    operation = import_file(sample, path)
    assert [p.line for p in operation.duplicates] == [1, 3]
    assert sample.annotations.count() == 2


def test_undo_deletes_exactly_the_imported_rows_and_redo_brings_them_back(sample, tmp_path: Path) -> None:
    kept = sample.annotate_sentence(1, 0, category="document", annotator="amy")
    path = tmp_path / "marks.jsonl"
    path.write_text("".join(json.dumps({"article_id": 2, "sentence": i, "category": "on_record"}) + "\n"
                            for i in range(1, 6)), encoding="utf-8")
    operation = import_file(sample, path, default_annotator="amy")
    imported = marks(sample)
    runner.revert(sample, operation)
    assert sample.annotations.list() == [kept]
    runner.apply(sample, operation)
    assert marks(sample) == imported
    assert [a.id for a in sample.annotations.list()][1:] == [a.id for a in operation.added]


def test_undo_refuses_when_an_imported_mark_was_changed_elsewhere(sample, tmp_path: Path) -> None:
    path = tmp_path / "marks.jsonl"
    path.write_text('{"article_id": 1, "sentence": 1, "category": "document", "annotator": "amy"}\n'
                    '{"article_id": 1, "sentence": 2, "category": "document", "annotator": "amy"}\n',
                    encoding="utf-8")
    operation = import_file(sample, path)
    runner.apply(sample, DeleteAnnotation(operation.added[0]))
    with pytest.raises(ChangedElsewhere, match="deleted"):
        runner.revert(sample, operation)
    assert sample.annotations.count() == 1


def test_a_csv_without_the_needed_columns_is_refused_at_its_header(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("article,category\n1,document\n", encoding="utf-8")
    with pytest.raises(InvalidValue, match="line 1: the header lacks article_id"):
        read_rows(path)


def test_unguard_takes_off_only_the_exports_formula_guard() -> None:
    assert [unguard(v) for v in ("'=1", "'-x", "'quoted'", "plain", "")] == ["=1", "-x", "'quoted'", "plain", ""]


def test_json_lines_written_from_a_project_import_as_the_same_annotations(sample, other, tmp_path: Path) -> None:
    from annotator.core.exchange.annotation_rows import write_jsonl

    annotate_some(sample)
    out = tmp_path / "marks.jsonl"
    assert write_jsonl(sample, out) == 3
    operation = import_file(other, out)
    assert len(operation.added) == 3 and not operation.refused
    assert marks(other) == marks(sample)


def test_redo_refuses_when_an_article_it_marked_was_deleted_meanwhile(project, tmp_path: Path) -> None:
    body = "One sentence here that is long enough. And a second one after it."
    project.articles.add(ParsedArticle(title="A", body=body), [(0, 38), (39, len(body))])
    path = tmp_path / "marks.jsonl"
    path.write_text('{"article_id": 1, "sentence": 2, "category": "document", "annotator": "amy"}\n', encoding="utf-8")
    operation = import_file(project, path)
    runner.revert(project, operation)
    from annotator.core.ops.articles import DeleteArticles

    runner.apply(project, DeleteArticles([1]))
    with pytest.raises(ChangedElsewhere, match="article 1 was deleted"):
        runner.apply(project, operation)
