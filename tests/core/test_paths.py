"""The data folder: ANNOTATOR_DATA_DIR when set, else the platform's per-user application data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.core import paths


def test_the_override_is_used_and_created(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "deep" / "data"))
    assert paths.data_dir() == tmp_path / "deep" / "data"
    assert (tmp_path / "deep" / "data").is_dir()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG layout is Linux's")
def test_linux_follows_xdg_data_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ANNOTATOR_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "source-annotator" / "annotator"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert paths.data_dir() == tmp_path / "home" / ".local" / "share" / "source-annotator" / "annotator"
