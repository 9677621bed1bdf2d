"""A cue file the suggester cannot use is said in the window's status bar, with its line; a missing cue
folder too, instead of "Something went wrong". The window goes on without suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest


def computed(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.suggesting.computer.computing, timeout=20000)


@pytest.mark.parametrize("folder_state", ["bad file", "missing"])
def test_the_window_says_what_is_wrong_with_the_cue_files(
        qtbot, open_main, sample_path: Path, messages, tmp_path: Path, monkeypatch, folder_state: str) -> None:
    folder = tmp_path / "cues"
    if folder_state == "bad file":
        folder.mkdir()
        (folder / "mine.json").write_text('{\n  "categories": {"on_record": {"confidence": "high"}}\n}\n',
                                          encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_CUES_DIR", str(folder))
    window = open_main(sample_path)
    computed(qtbot, window)  # the window computes suggestions when it opens a project
    text = window.statusBar().currentMessage()
    if folder_state == "bad file":
        assert 'line 2: the confidence of "on_record" must be a number from 0 to 1, not the text "high"' in text
    else:
        assert text == f"The cue folder {folder} named by ANNOTATOR_CUES_DIR does not exist."
    assert messages == []  # no "Something went wrong" dialog
