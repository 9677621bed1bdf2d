"""The installed package carries the default codebook and the sample articles."""

from __future__ import annotations

from importlib import metadata

import pytest


def test_wheel_bundles_resources_and_seeds() -> None:
    try:
        files = [str(f) for f in metadata.distribution("source-annotator").files or []]
    except metadata.PackageNotFoundError:
        pytest.skip("the project is not installed")
    if not any(f.startswith("annotator/") for f in files):
        pytest.skip("an editable install: resources come from the checkout")
    assert "annotator/_data/resources/codebook.json" in files
    assert sum(f.startswith("annotator/_data/seeds/articles/") and f.endswith(".md") for f in files) == 4
