"""Per-outlet summaries and the two CSV reports, on hand-checked projects."""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.core.reports.csv_export import (
    ANNOTATION_COLUMNS, neutralise, write_annotations_csv, write_outlets_csv,
)
from annotator.core.store.project import Project
from annotator.core.errors import ExportFailed
from annotator.core.analysis.stats import Filters, outlet_summary

NEWZ9, UNKNOWN, CYBERNEWS, METAWORLD = 1, 2, 3, 4


def annotate_some(p: Project) -> None:
    p.annotate_sentence(NEWZ9, 0, category="anonymous_official", annotator="amy", source="a senior official")
    p.annotate_sentence(NEWZ9, 0, category="unattributed", annotator="ben")
    p.annotate_sentence(NEWZ9, 5, category="anonymous_official", annotator="amy")
    p.annotate_sentence(CYBERNEWS, 7, category="social_post", annotator="amy", source="@DODResponse")
    p.annotate_sentence(CYBERNEWS, 8, category="social_post", annotator="amy",
                        note="=HYPERLINK(\"http://x\")")


def by_outlet(p: Project, **filters) -> dict:
    return {s.outlet: s for s in outlet_summary(p.database, Filters(**filters))}


def test_summary_counts_by_hand(sample: Project) -> None:
    annotate_some(sample)
    s = by_outlet(sample)
    assert list(s) == ["Cybernews", "metaworld.media", "newz9.com", "Unknown outlet"]
    assert (s["newz9.com"].articles, s["newz9.com"].sentences) == (1, 20)
    assert (s["newz9.com"].annotated_sentences, s["newz9.com"].annotations) == (2, 3)
    assert s["newz9.com"].by_category["anonymous_official"] == 2
    assert s["newz9.com"].by_category["unattributed"] == 1
    assert abs(s["newz9.com"].share("anonymous_official") - 2 / 3) < 1e-12
    assert s["Cybernews"].by_category["social_post"] == 2
    assert (s["metaworld.media"].annotations, s["metaworld.media"].share("on_record")) == (0, 0.0)
    assert set(s["metaworld.media"].by_category) == {c.key for c in sample.categories.list()}


def test_summary_filters_by_annotator_and_outlet(sample: Project) -> None:
    annotate_some(sample)
    ben = by_outlet(sample, annotator="ben")
    assert (ben["newz9.com"].annotations, ben["newz9.com"].annotated_sentences) == (1, 1)
    assert ben["Cybernews"].annotations == 0
    assert list(by_outlet(sample, outlet="Cybernews")) == ["Cybernews"]
    assert by_outlet(sample, annotator="nobody")["newz9.com"].annotations == 0


def test_empty_project_has_no_outlets(project: Project, tmp_path: Path) -> None:
    assert outlet_summary(project.database) == []
    assert write_annotations_csv(project.database, tmp_path / "a.csv") == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").strip() == ",".join(ANNOTATION_COLUMNS)


def test_archived_categories_still_count(sample: Project) -> None:
    annotate_some(sample)
    sample.categories.update("social_post", archived=True)
    assert by_outlet(sample)["Cybernews"].by_category["social_post"] == 2


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_annotation_csv_has_the_columns_in_order_and_one_row_each(sample: Project, tmp_path: Path) -> None:
    annotate_some(sample)
    out = tmp_path / "annotations.csv"
    assert write_annotations_csv(sample.database, out) == 5
    rows = read_csv(out)
    assert list(rows[0]) == ANNOTATION_COLUMNS
    first = rows[0]
    body = sample.articles.body(NEWZ9)
    assert first["outlet"] == "newz9.com" and first["article_id"] == str(NEWZ9)
    assert first["sentence"] == "1" and first["category"] == "anonymous_official"
    assert first["category_label"] == "Anonymous official"
    assert first["text"] == body[int(first["start"]):int(first["end"])]
    assert first["text"].startswith("The US has paused")
    assert [r["sentence"] for r in rows] == ["1", "1", "6", "8", "9"]
    assert rows[4]["note"] == "'=HYPERLINK(\"http://x\")"


def test_csv_filters_by_annotator_and_outlet(sample: Project, tmp_path: Path) -> None:
    annotate_some(sample)
    assert write_annotations_csv(sample.database, tmp_path / "a.csv", Filters(annotator="ben")) == 1
    assert write_annotations_csv(sample.database, tmp_path / "b.csv", Filters(outlet="Cybernews")) == 2


def test_outlet_csv_matches_the_summary(sample: Project, tmp_path: Path) -> None:
    annotate_some(sample)
    out = tmp_path / "outlets.csv"
    write_outlets_csv(sample.database, out)
    rows = {r["outlet"]: r for r in read_csv(out)}
    keys = [c.key for c in sample.categories.list(include_archived=True)]
    assert list(next(iter(rows.values()))) == [
        "outlet", "articles", "sentences", "annotated_sentences", "annotations", *keys]
    for s in outlet_summary(sample.database):
        row = rows[s.outlet]
        assert int(row["annotations"]) == s.annotations
        assert int(row["annotated_sentences"]) == s.annotated_sentences
        assert {k: int(row[k]) for k in keys} == s.by_category


def test_formula_cells_are_neutralised() -> None:
    for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]:
        assert neutralise(bad) == "'" + bad
    assert neutralise("Plain text") == "Plain text"
    assert neutralise("") == ""
    assert neutralise(None) == ""


def test_failed_export_leaves_no_partial_file(sample: Project, tmp_path: Path, monkeypatch) -> None:
    import pytest

    from annotator.core.reports import atomic as export  # the module that syncs and moves files into place

    annotate_some(sample)
    out = tmp_path / "a.csv"
    out.write_text("previous export")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", broken_fsync)
    with pytest.raises(ExportFailed, match="No space left"):
        write_annotations_csv(sample.database, out)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
