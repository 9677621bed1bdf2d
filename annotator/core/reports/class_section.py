"""The report's class section: each student against the answer key, and the class's agreement."""

from __future__ import annotations

from annotator.core.store.project import Project
from annotator.core.classroom.scoring import score_students

MAX_DISAGREEMENTS = 15


def class_section(project: Project, key: str, md_text, *, per_table: int = 8) -> list[str]:
    """Markdown lines for the class section; `md_text` escapes text from the data.

    The F1 scores are tables of at most `per_table` categories each (the student column repeated), so
    no table is wider than its page however long the codebook.
    """
    scores, agreement = score_students(project.database, key)
    categories = project.categories.list(include_archived=True)
    lines = ["", "## Class", "",
             f"Each student against the answer key ({md_text(key)}), sentence by sentence over "
             f"{agreement.units} sentences: accuracy (same set of categories), Cohen's kappa and F1 per category.",
             "", "| Student | Accuracy | Cohen's kappa |", "|---|---:|---:|"]
    lines += [f"| {md_text(s.annotator)} | {s.accuracy:.0%} | {s.cohen_kappa:.3f} |" for s in scores]
    if categories:
        lines += ["", "F1 per category:"]
    for first in range(0, len(categories), max(per_table, 1)):
        part = categories[first:first + per_table]
        lines += ["", "| Student | " + " | ".join(md_text(c.label) for c in part) + " |",
                  "|---" + "|---:" * len(part) + "|"]
        for s in scores:
            cells = [f"{s.per_category[c.key]['f1']:.2f}" for c in part]
            lines.append(f"| {md_text(s.annotator)} | " + " | ".join(cells) + " |")
    if agreement.undefined_because:
        lines += ["", f"Agreement among the students: Krippendorff's alpha —, Fleiss' kappa — "
                  f"({md_text(agreement.undefined_because)}).", ""]
    else:
        lines += ["", f"Agreement among the {len(agreement.students)} students: Krippendorff's alpha "
                  f"{agreement.krippendorff_alpha:.3f}, Fleiss' kappa {agreement.fleiss_kappa:.3f}.", ""]
    if agreement.disagreements:
        lines += ["### Sentences with the most disagreement", ""]
        for d in agreement.disagreements[:MAX_DISAGREEMENTS]:
            body = project.articles.body(d.article_id)
            sentence = project.articles.sentence(d.article_id, d.sentence - 1)
            title = project.articles.get(d.article_id).title
            votes = "; ".join(f"{md_text(name)}: {md_text(value)}" for name, value in d.labels.items())
            lines += [f"> {md_text(body[sentence.start:sentence.end])}", ">",
                      f"> <span class=\"meta\">{md_text(title)}, sentence {d.sentence} · {d.agreement:.0%} agree · "
                      f"{votes}</span>", ""]
    return lines
