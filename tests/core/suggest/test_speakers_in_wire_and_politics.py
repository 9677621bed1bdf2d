"""Who speaks in wire, political and citizen-media reports: the speaker rather than a name inside the
clause said or the speaker's own apposition; an unnamed source described whole ("a person familiar
with the negotiations"); a document's verb not taken by another subject's clause; polls named by their
pollsters; a handle's post; and what a review of these rules found. Sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Sen. Jeanne Shaheen wrote to Hegseth demanding an explanation.", {"on_record": "Jeanne Shaheen, Sen."}),
    ("Two U.S. officials, who requested anonymity to discuss the matter, said the order came from Hegseth.",
     {"anonymous_official": "Two U.S. officials"}),
    ("A Pentagon official, who spoke on the condition of anonymity, confirmed the pause.",
     {"anonymous_official": "A Pentagon official"}),
    ("People familiar with the matter said the deal was close.",
     {"anonymous_other": "People familiar with the matter"}),
    ("The deal is close, according to three people familiar with the matter.",
     {"anonymous_other": "three people familiar with the matter"}),
    ("Rep. Jim Himes, the ranking member of the House Intelligence Committee, said in a statement that the pause "
     "was dangerous.", {"on_record": "Jim Himes, the ranking member of the House Intelligence Committee"}),
    ("Rep. Pat Ryan, D-N.Y., a former Army intelligence officer, told reporters the order was reckless.",
     {"on_record": "Pat Ryan, a former Army intelligence officer"}),
    ("Insiders close to the board told the newspaper the chief executive would go.",
     {"anonymous_other": "Insiders close to the board", "other_outlet": "the newspaper"}),
    ('"We are not backing down," said campaign manager Ben Smith.', {"on_record": "Ben Smith, campaign manager"}),
])
def test_who_speaks_in_a_wire_report_of_a_security_story(suggester: Suggester, sentence: str,
                                                          expected: dict) -> None:
    """The speaker, not a name in the clause said or in the speaker's own apposition; an unnamed source
    described whole; "the ranking member" is a title, no ranking list (a document)."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The order came from the top, said a person familiar with Hegseth's thinking.",
     {"anonymous_other": "a person familiar with Hegseth's thinking"}),
    ("Cyber Command, which is led by Gen. Timothy Haugh, declined to comment.", {"on_record": "Cyber Command"}),
    ("The report, released Monday, said the hackers were Russian.", {"document": ""}),
    ("If lawmakers fail to reach an overall budget deal, President Bush says they should stop.",
     {"on_record": "Bush, President"}),
])
def test_the_verb_belongs_to_its_own_subject(suggester: Suggester, sentence: str, expected: dict) -> None:
    """A document noun in a speaker's clause does not take the speaker's verb; a relative clause between
    a body and its response keeps the body; a name inside the clause said is no speaker."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("According to the latest CNN/ORC poll, Clinton leads by five points.", {"document": ""}),
    ("Trump's remarks drew swift condemnation from Democrats.", {}),
    ("Days after Sen. McCain's remarks, the Air Force said the contract would be revived.",
     {"on_record": "Air Force"}),
    ("Trump's campaign manager insisted the candidate was ahead.", {"on_record": ""}),
    ("The campaign manager insisted the candidate was ahead.", {"on_record": ""}),
])
def test_political_coverage_reads_polls_possessives_and_campaign_roles(suggester: Suggester, sentence: str,
                                                                        expected: dict) -> None:
    """A poll named by its pollsters ("CNN/ORC") is a poll; "Trump's remarks" is a noun, no Trump speaking
    (nor a source "Trump's"); a campaign manager referred to by the role speaks on the record."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Clinton campaign said in a statement that the emails were already public.",
     {"on_record": "Clinton campaign"}),
    ("Aides to the candidate said he would not release his tax returns.",
     {"anonymous_official": "Aides to the candidate"}),
])
def test_a_statement_is_the_speakers_and_aides_keep_whose_they_are(suggester: Suggester, sentence: str,
                                                                    expected: dict) -> None:
    """ "said in a statement that the emails …": the emails are what was said about, no document."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ('On Twitter, user @cairowire wrote: "This is the end of an era."', {"social_post": "@cairowire"}),
    ("A video posted on YouTube shows police beating protesters.", {"social_post": ""}),
    ('"We will not leave," said two protesters.', {"anonymous_other": "two protesters"}),
])
def test_citizen_media_names_the_writer_and_not_who_a_video_shows(suggester: Suggester, sentence: str,
                                                                  expected: dict) -> None:
    """A handle before "wrote:" is the post's author (was the source "Twitter, user @cairowire wrote"); a
    group a video shows is no speaker: an inverted speaker follows what was said, after a comma or quote."""
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ('"This is a very important step," said lead researcher Jane Doe of the University of Oxford.',
     {"on_record": "Jane Doe, lead researcher of the University of Oxford"}),
    ('"I am not going to meet with the nominee," said Senator Lindsey Graham of South Carolina.',
     {"on_record": "Lindsey Graham, Senator of South Carolina"}),
    ('"It works," said John Smith of Harvard University.', {"on_record": "John Smith, Harvard University"}),
    # an adjective before a name is no verb of a clause said
    ('"The plan will fail," said the embattled Sen. Bob Menendez.', {"on_record": "Bob Menendez, Sen."}),
    ('"We will be back," said the ousted Prime Minister Sheikh Hasina.',
     {"on_record": "Sheikh Hasina, Prime Minister"}),
    # a group asked in a relative clause still speaks in the main one
    ("Officials who were asked about the plan said it was premature.", {"anonymous_official": "Officials"}),
    # a capitalised group opening the sentence with one named among them: both
    ("Scholars, like Zeynep Tufekci, argue that the platforms shape protest.",
     {"anonymous_other": "Scholars", "on_record": "Zeynep Tufekci"}),
    # a document with two appositions still says what it says
    ("The report, released Monday by the agency, the first of its kind, said emissions rose.", {"document": ""}),
    # a person's allies, whatever the name's ending
    ("Erdogan's allies said the vote was fair.", {"anonymous_other": "Erdogan's allies"}),
    ("Modi's allies said the vote was fair.", {"anonymous_other": "Modi's allies"}),
    # a company whose name looks like a party tag keeps it
    ("The company, I-Mab, said the trial had been halted.", {"on_record": "I-Mab"}),
    # a preposition or connective before a list is no name
    ("Unlike Apple, Google and Microsoft said they would comply.", {"on_record": "Google and Microsoft"}),
    ("Meanwhile, Pfizer, Moderna and Novavax said supplies were on track.",
     {"on_record": "Pfizer, Moderna and Novavax"}),
    # anonymity is the speaker's who has it, not a group earlier in the sentence (one that says nothing)
    ("Analysts have priced in a rate cut, though one banker speaking on the condition of anonymity said it was "
     "unlikely.", {"anonymous_other": ""}),
    # the people of a country are no source referred back to
    ("In the referendum, the people said no to the new constitution.", {}),
])
def test_what_a_review_of_these_rules_found(suggester: Suggester, sentence: str, expected: dict) -> None:
    assert in_body(suggester, sentence)[0] == expected


def test_a_body_named_for_statistics_speaks(suggester: Suggester) -> None:
    found = in_body(suggester, "According to the Bureau of Labor Statistics, wages rose 4% last year.")[0]
    assert set(found) == {"on_record"} and "Bureau of Labor Statistics" in found["on_record"]
