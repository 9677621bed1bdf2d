"""One suggester with the default lexicon for the rule tests (building it compiles every pattern)."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester


@pytest.fixture(scope="session")
def suggester() -> Suggester:
    return Suggester()
