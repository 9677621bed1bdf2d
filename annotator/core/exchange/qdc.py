"""The codebook alone as a REFI-QDA codebook (.qdc, `urn:QDA-XML:codebook:1.0`): one code per category,
with its label as the name, its colour and its definition. Keys and shortcuts have no place in the
standard and stay behind."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from annotator.core.errors import InvalidValue
from annotator.core.exchange.qdpx import ORIGIN, add_codes
from annotator.core.reports.atomic import atomic_binary
from annotator.core.store.project import Project

NS = "urn:QDA-XML:codebook:1.0"


def codebook_document(project: Project) -> tuple[bytes, int]:
    categories = project.categories.list()
    if not categories:
        raise InvalidValue("the codebook has no active category to export (a REFI-QDA codebook holds at least one)")
    root = ET.Element(f"{{{NS}}}CodeBook", {"origin": ORIGIN})
    add_codes(root, categories, NS)
    ET.register_namespace("", NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), len(categories)


def write_qdc(project: Project, out: Path) -> int:
    """Write the codebook (archived categories left out, as the JSON codebook does); return the number of codes."""
    document, count = codebook_document(project)
    with atomic_binary(out) as handle:
        handle.write(document)
    return count

