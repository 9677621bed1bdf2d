"""The library's listing read a page at a time: outlets in order with counts, pages, positions, titles."""

from __future__ import annotations

from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project


def add(project: Project, outlet: str, title: str, published: str | None = None) -> int:
    body = f"{title}. It has two sentences."
    return project.articles.add(ParsedArticle(title=title, body=body, outlet=outlet, published=published),
                                [(0, len(title) + 1), (len(title) + 2, len(body))]).id


def test_outlets_are_listed_ignoring_case_with_their_article_counts(project: Project) -> None:
    for outlet in ("zeta", "Alpha", "beta", "Alpha"):
        add(project, outlet, f"{outlet} story {project.articles.count()}")
    assert [(o.name, o.articles) for o in project.listing.outlets()] == [("Alpha", 2), ("beta", 1), ("zeta", 1)]


def test_pages_follow_the_article_ids_of_one_outlet(project: Project) -> None:
    ids = [add(project, "Wire", f"Story {n}") for n in range(7)]
    add(project, "Other", "Elsewhere")
    wire = next(o for o in project.listing.outlets() if o.name == "Wire")
    first, second = project.listing.page(wire.id, 0, 4), project.listing.page(wire.id, 4, 4)
    assert [a.id for a in first + second] == ids
    assert (first[0].title, first[0].sentences, first[0].annotated) == ("Story 0", 2, 0)


def test_progress_counts_the_annotator_asked_for_or_anyone(project: Project) -> None:
    article = add(project, "Wire", "Story")
    project.annotate_sentence(article, 0, category="on_record", annotator="amy")
    project.annotate_sentence(article, 1, category="on_record", annotator="bob")
    outlet = project.listing.outlets()[0].id
    assert project.listing.page(outlet, 0, 10)[0].annotated == 2
    assert project.listing.page(outlet, 0, 10, annotator="amy")[0].annotated == 1
    assert project.listing.page(outlet, 0, 10, annotator="nobody")[0].annotated == 0
    assert project.listing.by_ids([article], annotator="bob")[0].annotated == 1


def test_by_ids_keeps_the_order_given_and_leaves_out_unknown_ids(project: Project) -> None:
    ids = [add(project, "Wire", f"Story {n}") for n in range(3)]
    assert [a.id for a in project.listing.by_ids([ids[2], 999, ids[0]])] == [ids[2], ids[0]]


def test_position_is_the_rank_within_the_outlet(project: Project) -> None:
    a = add(project, "Wire", "One")
    add(project, "Other", "Two")
    c = add(project, "Wire", "Three")
    wire = project.articles.get(a).outlet
    wire_id = next(o.id for o in project.listing.outlets() if o.name == wire)
    assert project.listing.position(a) == (wire_id, 0)
    assert project.listing.position(c) == (wire_id, 1)
    assert project.listing.position(12345) is None


def test_titles_are_every_article_by_outlet_and_id(project: Project) -> None:
    a = add(project, "Wire", "One")
    b = add(project, "Other", "Two")
    assert sorted(t for _, _, t in project.listing.titles()) == ["One", "Two"]
    assert {i for _, i, _ in project.listing.titles()} == {a, b}
