"""An unnamed source referred to as "the official", "the blogger", whose anonymity the sentence states, is
that unnamed source (official or not, by its role); unnamed reports are no document; an outlet's own
report is the outlet's, no document; a clause's words are no speaker's title. Sentences written for
these tests, by the guidelines (resources/guide)."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The official, who asked not to be named, said the raids were brutal.",
     {"anonymous_official": "The official"}),
    ("The diplomat, speaking on condition of anonymity, said talks had stalled.",
     {"anonymous_official": "The diplomat"}),
    ("The senior aide, who spoke on the condition of anonymity, said the memo was genuine.",
     {"anonymous_official": "The senior aide"}),
    ("The blogger, who asked not to be named for fear of reprisals, said the raids were brutal.",
     {"anonymous_other": "The blogger", "social_post": "The blogger"}),  # (a blogger's words are posts)
    ("The resident, who declined to give her name, said the water had been cut off.",
     {"anonymous_other": "The resident"}),
    ("The analyst, who declined to be identified, said the market would fall.",
     {"anonymous_other": "The analyst"}),
])
def test_a_definite_unnamed_source_whose_anonymity_is_stated(suggester: Suggester, sentence: str,
                                                            expected: dict) -> None:
    """The guidelines: unnamed and official is an anonymous official, unnamed and not is anonymous
    non-official; the source is the description as written."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize("sentence", [
    "The minister, who was named in the report, said he would resign.",
    "The official results, published on Monday, showed a narrow win.",
])
def test_no_anonymity_where_none_is_stated(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert "anonymous_official" not in found and "anonymous_other" not in found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Additionally, reports indicate that the Trump administration no longer considers Russian hackers a threat.",
     {"anonymous_other": ""}),
    ("Reports suggest the company will be sold.", {"anonymous_other": ""}),
    ("In an exclusive report, The Guardian has learned that the minister will resign.",
     {"other_outlet": "The Guardian"}),
    ("In a report published Tuesday, The Washington Post said the deal had collapsed.",
     {"other_outlet": "The Washington Post"}),
    ("In a new report, the Government Accountability Office found that the agency had overspent.",
     {"document": "", "on_record": "Government Accountability Office"}),
])
def test_reports_of_outlets_are_no_documents(suggester: Suggester, sentence: str, expected: dict) -> None:
    """ "A news report is not a document": unnamed reports are anonymous non-official, a named outlet's
    report is the outlet's; a body's report stays a document. No clause word ("indicate that the") is
    read as the title of a speaker named after it."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kelly warned that the pause could embolden Moscow.", {"on_record": "Kelly"}),
    ("Kelly, appearing on NBC's Meet the Press, warned that the pause could embolden Moscow.",
     {"on_record": "Kelly", "other_outlet": "NBC"}),
    ("In an appearance on CNN, Senator Mark Kelly said the pause was a mistake.",
     {"on_record": "Mark Kelly, Senator", "other_outlet": "CNN"}),
    ("The Kremlin welcomed the shift, according to state news agency TASS.",
     {"on_record": "Kremlin", "other_outlet": "TASS"}),
    ("The talks would resume in May, according to the Russian daily Kommersant.",
     {"other_outlet": "Kommersant"}),
    ("People familiar with the report said it would be published next week.",
     {"anonymous_other": "People familiar with the report"}),
    ("A person briefed on the memo said the decision was final.",
     {"anonymous_other": "A person briefed on the memo"}),
])
def test_speakers_and_the_outlets_they_speak_through(suggester: Suggester, sentence: str, expected: dict) -> None:
    """A surname ending in -ly is a name, not an adverb opening the sentence; appearing on a programme is
    speaking through its outlet (on-record plus other outlet); "state news agency TASS" names TASS; a
    document the unnamed source is briefed on or familiar with does not speak."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Researchers at the University of Oxford found that the drug reduced symptoms.",
     {"anonymous_other": "Researchers at the University of Oxford"}),
    ("Scientists at NASA said the probe was healthy.", {"anonymous_other": "Scientists at NASA"}),
    ("A researcher at Stanford said the results were striking.", {"anonymous_other": "A researcher at Stanford"}),
    ("A Harvard economist warned that inflation would rise.", {"anonymous_other": "A Harvard economist"}),
    ("Officials at the Pentagon said the order was genuine.", {"anonymous_official": "Officials at the Pentagon"}),
    ("Analysts at Goldman Sachs expect rates to fall.", {"anonymous_other": "Analysts at Goldman Sachs"}),
])
def test_unnamed_people_of_a_named_place_are_unnamed(suggester: Suggester, sentence: str, expected: dict) -> None:
    """ "Researchers at Stanford" are unnamed experts (anonymous non-official), described whole; the
    institution they work at is no speaker; a qualifier is a name in capitals, not the words after it
    ("Goldman Sachs expect")."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("One blogger, Ali Reza, wrote that the protests were peaceful.",
     {"on_record": "Ali Reza, blogger", "social_post": "Ali Reza, blogger"}),
    ("One resident, Maria Lopez, said the water was unsafe.", {"on_record": "Maria Lopez, resident"}),
    ("Writing in the Guardian, columnist Owen Jones argued that the policy had failed.",
     {"on_record": "Owen Jones, columnist", "other_outlet": "the Guardian"}),
    ("The Washington Post, which first reported the story, said the directive was issued in February.",
     {"other_outlet": "The Washington Post"}),
])
def test_named_in_apposition_or_writing_in_an_outlet(suggester: Suggester, sentence: str, expected: dict) -> None:
    """ "One blogger, Ali Reza," names the blogger (no unnamed source besides); writing in an outlet is
    speaking through it; an outlet that first reported the story is no credit line."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Asked for comment, a Pentagon spokesperson referred questions to the White House.",
     {"anonymous_official": "a Pentagon spokesperson"}),
    ("Two officials declined to comment.", {"anonymous_official": "Two officials"}),
    ("Several lawmakers declined to comment on the report.", {"anonymous_official": "Several lawmakers"}),
])
def test_an_unnamed_responder_is_described(suggester: Suggester, sentence: str, expected: dict) -> None:
    """A response is the responder's (the guidelines), and an unnamed responder is described as written,
    a number or quantifier included."""
    assert in_body(suggester, sentence)[0] == expected


def test_according_to_the_outlet_named_before(suggester: Suggester) -> None:
    found = in_body(suggester, "The Record reported on Friday that the order had been given in February. | According "
                               "to the outlet, Cyber Command was told to stop planning.")
    assert found[1] == {"other_outlet": "The Record"}


@pytest.mark.parametrize(("body", "expected"), [
    ("The Guardian quoted a CISA analyst as saying the agency had been told to stop. | CISA disputed that account.",
     {"on_record": "CISA"}),
    ("Three former Yahoo employees said the tool existed. | On Wednesday, Yahoo called the story “misleading.”",
     {"on_record": "Yahoo"}),
    ("Jason Kikta, a former official, said the move was odd. | Kikta added that it was unprecedented.",
     {"on_record": "Jason Kikta, a former official"}),
])
def test_a_name_is_completed_from_a_name_not_a_description(suggester: Suggester, body: str, expected: dict) -> None:
    """A surname becomes the full name given before; a body's name is not completed into a description
    of unnamed people that holds it ("a CISA analyst", "Three former Yahoo employees")."""
    assert in_body(suggester, body)[1] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The talks failed, according to the Daily Mail.", {"other_outlet": "the Daily Mail"}),
    ("Scientists at Johns Hopkins University said the trial had ended.",
     {"anonymous_other": "Scientists at Johns Hopkins University"}),
    ("Both companies declined to comment.", {}),
])
def test_what_the_review_of_these_rules_found(suggester: Suggester, sentence: str, expected: dict) -> None:
    """A capitalised kind word belongs to a name ("the Daily Mail"); a place of work ending in a body's
    word is no person; companies counted are no speaker named."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "kept", "absent"), [
    ("The talks failed, according to White House Press Secretary Karine Jean-Pierre.", None,
     "Secretary Karine Jean-Pierre"),  # a title is no outlet's name
    ("Economist at ING James Knightley said rates would fall.", None, "Economist at ING James Knightley"),
    ("Two reports by the Government Accountability Office found that the program wasted billions.", "document",
     None),  # a body's reports are documents
    ("In a report released Monday, the BBC was criticised for its coverage.", "document", None),
    ("One of the organisers, Jane Doe, said the march would go ahead.", "on_record", "Jane Doe, of the organisers"),
])
def test_what_the_changes_of_these_rules_leave_alone(suggester: Suggester, sentence: str, kept: str | None,
                                                    absent: str | None) -> None:
    """The new frames do not take a title for an outlet's name, a person named after where they work for
    unnamed people, a body's plural reports for unnamed ones, an outlet criticised for one reporting,
    nor "One of the organisers" for a title."""
    found = in_body(suggester, sentence)[0]
    assert kept is None or kept in found
    assert absent is None or absent not in found.values()


def test_according_to_the_noun_of_something_else_is_no_outlet(suggester: Suggester) -> None:
    for after in ("According to the network of activists, turnout was high.",
                  "According to the site of the crash, debris was found.", "Per the outlet's owner, it was sold."):
        found = in_body(suggester, f"NBC reported that the order had been given. | {after}")
        assert "other_outlet" not in found[1], after


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Analysts expect the company to report a loss.", {"anonymous_other": "Analysts"}),
    ("In his view, the merger makes little sense.", {"on_record": ""}),
    ("Democrats charge that the plan favors the rich.", {"anonymous_official": "Democrats"}),
    ("The charges that he faces are serious.", {}),
    ("The results were better than expected.", {}),
])
def test_views_and_charges_in_political_news(suggester: Suggester, sentence: str, expected: dict) -> None:
    """What a group expects or charges is relayed as theirs (a charge is the noun too, and no speech);
    "In his view" is a person referred back to, left for the reader to name."""
    found = in_body(suggester, sentence)[0]
    assert {k: v for k, v in found.items() if k != "unattributed"} == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Rebel leaders claim they control most of the province.", {"anonymous_other": "Rebel leaders"}),
    ("Pakistani officials blame militants for the attack.", {"anonymous_official": "Pakistani officials"}),
    ("Iran's semi-official Fars news agency said the talks had ended.", {"other_outlet": "Fars"}),
    ("The ministry's statement said the attack was in retaliation for air strikes.", {"on_record": ""}),
    ("A memo sent to congressional leaders described the program as vital.", {"document": ""}),
    ("World leaders met in Paris on Monday.", {}),
])
def test_wire_report_speakers(suggester: Suggester, sentence: str, expected: dict) -> None:
    """Leaders unnamed speak as a group; blaming is a view relayed; a news agency is never on the record;
    a body's statement is the body speaking; those a document is sent to do not speak."""
    found = in_body(suggester, sentence)[0]
    assert {k: v for k, v in found.items() if k != "unattributed"} == expected
