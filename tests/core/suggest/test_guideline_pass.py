"""The coding guidelines applied over the sentence rules (guideline_pass.py), and a quote block that
runs through the paragraph after its colon (carry.QuoteBlock). The sentences are written for these
tests, in the styles of a broadcaster's graded news, a citizen-media roundup and an analysis."""

from __future__ import annotations

import pytest

from annotator.core.suggest.guideline_pass import _same_outlet
from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import categories, in_body, sources_of


def suggested(suggester: Suggester, body: str, outlet: str = "") -> list[set[str]]:
    """Each sentence's categories for a body whose sentences are separated by ' | ' and paragraphs by '\\n\\n'."""
    return [set(found) for found in in_body(suggester, body, outlet)]


@pytest.mark.parametrize("sentence", [
    "Dana Hill and Omar Reyes reported on this story for WRN News.",
    "Lena Park contributed to this report.",
    "Marco Diaz adapted this story for Learning English.",
    "Sam Ortiz was the editor.",
    "I’m Mario Ritter.",
    "Sign up for The Herald's newsletter to get reporter Ana Ruiz's analysis every week.",
    "Subscribe to our daily briefing, where editor Tom Hale explains the news.",
    "Read more: Officials say the order stands.",
    "Related: Pentagon says the operations continue.",
    "Editor's note: This story has been updated to include a statement from the Pentagon.",
    "Correction: An earlier version of this story misstated the date, according to the Pentagon.",
])
def test_credit_lines_sign_offs_and_promotions_are_display_text(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence) == [set()]


def test_a_promotion_after_a_quote_takes_nothing_from_it(suggester: Suggester) -> None:
    found = suggested(suggester, "Pete Hegseth said in a post on X that the report was false. | "
                                 "Follow us on Twitter and Facebook. | He added that the review goes on.")
    assert found[1] == set() and "on_record" in found[0] and "on_record" in found[2]


def test_a_first_person_quote_is_still_a_quote(suggester: Suggester) -> None:
    found = categories(suggester, "“We will rebuild,” the mayor, Ana Ruiz, said.", "I’m proud of this town.")
    assert "on_record" in found[1]


def test_the_articles_own_outlet_is_no_other_outlet(suggester: Suggester) -> None:
    body = "Expert Bruce Bennett told VOA the plan would fail."
    assert suggested(suggester, body, outlet="VOA Learning English") == [{"on_record"}]
    assert suggested(suggester, body, outlet="The Daily Courier")[0] == {"on_record", "other_outlet"}


def test_an_outlet_employing_someone_relays_nothing(suggester: Suggester) -> None:
    assert categories(suggester, "The Herald’s Tokyo correspondent, Rupert Hale, was detained on Friday.") == [set()]


def test_a_named_body_that_is_no_outlet_speaks_on_record(suggester: Suggester) -> None:
    text = "The Committee to Protect Journalists reports that ten journalists were jailed."
    assert categories(suggester, text) == [{"on_record"}]
    assert sources_of(suggester, text) == [{"The Committee to Protect Journalists"}]


def test_an_unnamed_spokesman_is_an_unnamed_official_only(suggester: Suggester) -> None:
    found = categories(suggester, "“We do not recognise it,” said a defence ministry spokesman.")
    assert found == [{"anonymous_official"}]


@pytest.mark.parametrize("sentence", [
    "Addis Ababa based blogger Abel Tesfaye wrote that the award was deserved.",
    "Basir Rahimi, on his blog, said the march was peaceful.",
])
def test_a_blogger_speaking_is_on_record_and_a_social_post(suggester: Suggester, sentence: str) -> None:
    assert {"on_record", "social_post"} <= categories(suggester, sentence)[0]


def test_bloggers_spoken_of_make_no_social_post(suggester: Suggester) -> None:
    found = categories(suggester, "The Press Freedom Institute said that journalists and bloggers were jailed.")
    assert "social_post" not in found[0]


def test_a_named_post_is_on_record_too(suggester: Suggester) -> None:
    assert {"on_record", "social_post"} <= categories(suggester, "Mayor Ana Ruiz tweeted that the road was open.")[0]


def test_a_colon_quote_runs_to_the_end_of_the_next_paragraph(suggester: Suggester) -> None:
    body = ("The vote was held on Sunday.\n\nAt her blog, Ana Ruiz writes:\n\n"
            "The count was slow. | Nobody explained the delay. | The result came at midnight.\n\n"
            "The commission will publish the final figures on Monday.")
    found = suggested(suggester, body)
    assert all("on_record" in f for f in found[1:5])
    assert not found[5] & {"on_record", "social_post"}  # the writer's own paragraph after the quote


def test_a_quote_goes_on_in_a_first_person_paragraph(suggester: Suggester) -> None:
    body = ("Omar Reyes wrote:\n\nThe parade is hollow. | Everyone knows it.\n\n"
            "I wonder whether anyone will march. | We will see.\n\nThe parade starts at nine.")
    found = suggested(suggester, body)
    assert all("on_record" in f for f in found[:5])
    assert "on_record" not in found[5]


def test_she_continues_introduces_more_of_her_quote(suggester: Suggester) -> None:
    body = ("Ana Ruiz wrote:\n\nThe parade is hollow.\n\nShe continues:\n\nThe day will end without demands."
            "\n\nThe parade starts at nine.")
    found = suggested(suggester, body)
    assert all("on_record" in f for f in found[:4])
    assert "on_record" not in found[4]


def test_the_writers_first_person_in_a_new_paragraph_is_not_a_quote(suggester: Suggester) -> None:
    body = ("Early media reports of a broken tube have been denied by officials.\n\n"
            "What we can say is that such infections are rare.")
    assert not suggested(suggester, body)[1] & {"anonymous_official", "anonymous_other"}


@pytest.mark.parametrize(("source", "own", "same"), [
    ("VOA", "VOA Learning English", True),
    ("VOANews.com", "VOA News", True),
    ("The Record", "The Record", True),
    ("The Record", "The Recorder", False),
    ("CNN", "The Daily Courier", False),
])
def test_the_own_outlet_is_told_by_whole_words(source: str, own: str, same: bool) -> None:
    assert _same_outlet(source, own) is same


@pytest.mark.parametrize("sentence", [
    "Our findings reveal the scale of the damage to the harbour.",
    "The study was funded by the Regional Science Council.",
    "The survey was implemented by the National Polling Institute.",
])
def test_a_document_the_writer_owns_or_that_is_acted_on_relays_nothing(suggester: Suggester, sentence: str) -> None:
    assert "document" not in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "The study was published in March and found that yields fell.",
    "The report found that the harbour had been dredged twice.",
])
def test_a_document_that_finds_is_still_a_document(suggester: Suggester, sentence: str) -> None:
    assert "document" in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "To track the water levels, we looked at data from 44 monitoring wells.",
    "What is not clear is how the ground beneath a city responds when the aquifer recovers.",
])
def test_the_writers_own_data_and_a_city_standing_for_ground_are_no_sources(suggester: Suggester,
                                                                            sentence: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [set()]


@pytest.mark.parametrize(("sentence", "category", "source"), [
    ("Officials in Kabul said the road was closed.", "anonymous_official", "Officials in Kabul"),
    ("A source at the Pentagon said the plan was dropped.", "anonymous_official", "A source at the Pentagon"),
    ("Analysts at Halvorsen Capital said rates would rise.", "anonymous_other", "Analysts at Halvorsen Capital"),
    ("Residents of Springfield said the water was brown.", "anonymous_other", "Residents of Springfield"),
    ("A diplomat based in Geneva said the deal was close.", "anonymous_official", "A diplomat based in Geneva"),
])
def test_a_place_or_body_that_only_places_an_unnamed_speaker_is_no_named_one(
        suggester: Suggester, sentence: str, category: str, source: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [{category}]
    assert sources_of(suggester, sentence) == [{source}]


def test_a_named_speaker_after_a_place_still_speaks(suggester: Suggester) -> None:
    sentence = "In Geneva, Maria Lund said the talks had failed."
    assert categories(suggester, sentence, attributed_only=True) == [{"on_record"}]
    assert sources_of(suggester, sentence) == [{"Maria Lund"}]


@pytest.mark.parametrize(("sentence", "category", "source"), [
    ("The plan was dropped, said two officials.", "anonymous_official", "two officials"),
    ("The deal is close, said Western diplomats.", "anonymous_official", "Western diplomats"),
    ("The plan was dropped, according to officials.", "anonymous_official", "officials"),
])
def test_an_unnamed_speaker_after_the_verb_speaks(suggester: Suggester, sentence: str, category: str,
                                                 source: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [{category}]
    assert sources_of(suggester, sentence) == [{source}]


@pytest.mark.parametrize("sentence", [
    "Police said two people died in the blast.",
    "The ministry said officials had met twice.",
])
def test_people_a_statement_is_about_are_no_source(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [{"on_record"}]


def test_an_omission_mark_inside_a_quoted_post_keeps_the_quote_going(suggester: Suggester) -> None:
    body = ("Ana Ruiz writes:\n\nThe council never listened. | It never will.\n\n...\n\n"
            "Yet the mayor keeps praising the plan.\n\nThe vote is on Friday.")
    found = suggested(suggester, body)
    assert all("on_record" in found[i] for i in (1, 2, 3, 4))
    assert "on_record" not in found[5]


def test_a_first_person_paragraph_after_a_post_is_the_post(suggester: Suggester) -> None:
    body = ("Kim Ha-na (@kimhana) tweeted from the square late at night.\n\n"
            "Now at the square. | We lifted up our candles.\n\nThe vigil ended at dawn.")
    found = suggested(suggester, body)
    assert all("social_post" in found[i] for i in (1, 2))
    assert "social_post" not in found[3]


def test_a_paragraph_after_a_post_that_is_the_writers_own_is_no_post(suggester: Suggester) -> None:
    body = "The senator tweeted about the vote on Monday.\n\nThe decision came after weeks of talks."
    assert "social_post" not in suggested(suggester, body)[1]


def test_an_excerpt_opening_with_an_omission_mark_is_the_sources(suggester: Suggester) -> None:
    body = ("The Valley Observer blog comments.\n\n[...] the activists forced the mayor to act. | "
            "This is a remarkable achievement.\n\nThe kiosks were removed on Friday.")
    found = suggested(suggester, body)
    assert all("on_record" in found[i] for i in (1, 2))
    assert "on_record" not in found[3]


def test_a_post_quoted_as_handle_colon_runs_to_its_paragraphs_end(suggester: Suggester) -> None:
    body = ("Some reactions:\n\n@harbourwatch: Verdict due today in the port trial. | Key test of free speech. | "
            "#porttrial\n\nThe court adjourned at noon.")
    found = suggested(suggester, body)
    assert all(found[i] == {"social_post"} for i in (1, 2, 3))
    assert "social_post" not in found[4]


def test_a_post_by_handle_after_a_named_colon_is_the_named_writers(suggester: Suggester) -> None:
    body = "From Paris, Anissa Bel tweeted:\n\n@tango7: Verdict due today. | #porttrial\n\nThe court adjourned."
    found = in_body(suggester, body)
    assert "social_post" in found[1] and "social_post" in found[2]
    assert {source for source in found[1].values()} == {"Anissa Bel"}
