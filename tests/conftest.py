"""Shared fixtures: a fresh project file, and a project holding the sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.store.project import Project
from annotator.core.sample import create_sample


@pytest.fixture
def project(tmp_path: Path):
    proj = Project.create(tmp_path / "test.annot")
    yield proj
    proj.close()


@pytest.fixture
def sample(tmp_path: Path):
    proj, _ = create_sample(tmp_path / "sample.annot")
    yield proj
    proj.close()
