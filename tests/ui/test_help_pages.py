"""Help ▸ User guide and Help ▸ About: offline, current, and saying where the user's work is."""

from __future__ import annotations

from annotator.ui.base.keyboard_help import help_html
from annotator.ui.window.help_pages import guide_html


def test_the_guide_covers_the_first_steps_the_fact_checker_the_classroom_and_every_key() -> None:
    page = guide_html()
    for heading in ("First steps", "The fact-checker's path", "The classroom", "The codebook", "Keys"):
        assert heading in page
    assert help_html() in page  # the keys as the keymap has them now, every binding included
    assert "http" not in page  # offline: no link leads out


def test_help_menu_opens_the_guide_beside_the_window_and_about_names_the_files(
        qtbot, open_main, sample_path, messages, tmp_path) -> None:
    window = open_main(sample_path)
    window.guide_action.trigger()
    guide = window.user_guide
    qtbot.waitUntil(guide.isVisible)
    assert not guide.isModal() and "Mark sentences" in guide.browser.toPlainText()
    window.guide_action.trigger()
    assert window.user_guide is guide  # the same page, not a second one
    guide.close()
    window.about_action.trigger()
    title, text = messages[-1]
    assert title == "About Source annotator"
    assert str(sample_path) in text and str(tmp_path / "data") in text and "MIT" in text


def test_coding_guidelines_open_at_their_section_and_are_the_default_definitions(qtbot, open_main,
                                                                               sample_path) -> None:
    import html
    import re

    from annotator.core.codebook import default_codebook
    from annotator.core.resources import resources_dir

    rules = (resources_dir() / "guide" / "guidelines.md").read_text(encoding="utf-8")
    for spec in default_codebook():  # each category's definition is its guidelines paragraph
        paragraph = re.search(rf"^- \*\*{re.escape(spec.label)}\*\* — (.+?)(?=\n- \*\*|\n\n)", rules, re.S | re.M)
        assert paragraph and " ".join(paragraph.group(1).split())[1:] == spec.description[1:]
    window = open_main(sample_path)
    window.guidelines_action.trigger()
    guide = window.user_guide
    qtbot.waitUntil(guide.isVisible)
    text = guide.browser.toPlainText()
    assert "Display text gets none" in text and "An outlet is never an on-record source" in text
    bar = guide.browser.verticalScrollBar()
    assert bar.value() > 0  # scrolled down to the guidelines, past the guide's first steps
    window.guide_action.trigger()
    assert bar.value() == 0
    tip = html.unescape(window.codebook.list.item(1).toolTip())
    assert "An outlet is never an on-record source" in tip
