"""`run(*args, input=...)`: the `annotator` command run in-process as a user would (click's CliRunner)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.cli import cli


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input: str | None = None):
        return runner.invoke(cli, [str(a) for a in args], input=input)

    return invoke
