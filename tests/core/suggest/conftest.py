"""Suggesters with the default lexicon for the rule tests (building one compiles every pattern)."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester


@pytest.fixture(scope="session")
def suggester() -> Suggester:
    return Suggester()


@pytest.fixture(scope="session")
def rules_only() -> Suggester:
    """The rules without the learned detector, for a test of what a rule leaves alone."""
    return Suggester(use_learned=False)
