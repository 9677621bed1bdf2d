"""Sentences in the shape many outlets give one security story (written for these tests): an outlet citing
unnamed officials names no fragment of them; a name after "said" that begins a clause is no speaker; the
object of "briefed on the decision" is no document; a letter a named speaker wrote in is their medium; an
unnamed spokesperson referring questions elsewhere is an unnamed official; an outlet named in apposition
after "reported by" is the outlet; "the agency" after a government agency is no news agency."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


def test_an_outlet_citing_unnamed_officials_names_them_whole(suggester: Suggester) -> None:
    found = in_body(suggester, "The New York Times later confirmed the order, citing two U.S. officials.")[0]
    assert found == {"other_outlet": "The New York Times", "anonymous_official": "two U.S. officials"}


def test_a_name_that_begins_the_reported_clause_is_no_speaker(suggester: Suggester) -> None:
    found = in_body(suggester, "The Times, citing people briefed on the decision, said Hegseth issued the order "
                               "verbally.")[0]
    assert set(found) == {"other_outlet", "anonymous_other"}


def test_the_inverted_speaker_still_speaks(suggester: Suggester) -> None:
    found = in_body(suggester, "“The pause is temporary,” said Sean Parnell, the Pentagon spokesperson.")[0]
    assert set(found) == {"on_record"} and found["on_record"].startswith("Sean Parnell")


def test_a_letter_a_named_speaker_wrote_is_their_medium(suggester: Suggester) -> None:
    found = in_body(suggester, "Sen. Chuck Schumer called the move “a grave mistake” in a letter to Hegseth.")[0]
    assert set(found) == {"on_record"}


def test_a_letter_with_no_writer_named_is_still_a_document(suggester: Suggester) -> None:
    found = in_body(suggester, "In a letter obtained by the committee, the plan was described as final.")[0]
    assert "document" in found


@pytest.mark.parametrize("sentence", [
    "A Cyber Command spokesperson referred questions to the Pentagon.",
    "A Pentagon spokesperson declined to comment.",
])
def test_an_unnamed_spokesperson_responding_is_an_unnamed_official(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"anonymous_official"}


def test_an_outlet_in_apposition_after_reported_by_is_named(suggester: Suggester) -> None:
    found = in_body(suggester, "The order was first reported by The Record, a cybersecurity news site run by "
                               "Recorded Future.")[0]
    assert found == {"other_outlet": "The Record"}


def test_the_agency_after_a_government_agency_is_that_agency(suggester: Suggester) -> None:
    found = in_body(suggester, "The Record reported the pause on Friday. | The Cybersecurity and Infrastructure "
                               "Security Agency denied the report. | The agency later clarified on social media "
                               "that its posture had not changed.")[2]
    assert "other_outlet" not in found and "social_post" in found


def test_the_agency_after_a_news_agency_is_the_news_agency(suggester: Suggester) -> None:
    found = in_body(suggester, "Reuters reported the pause on Friday. | The agency said the order came from "
                               "the secretary.")[1]
    assert found == {"other_outlet": "Reuters"}


def test_something_posted_on_a_forum_is_no_post_relayed(suggester: Suggester) -> None:
    found = in_body(suggester, "The data was posted on a hacking forum last month, BleepingComputer reported.")[0]
    assert found == {"other_outlet": "BleepingComputer"}


@pytest.mark.parametrize("sentence", [
    "The chief executive apologized to customers in a letter posted on its website.",
    "The ministry posted a statement on its website saying the talks had failed.",
])
def test_a_website_is_no_social_platform_nor_an_outlet(suggester: Suggester, sentence: str) -> None:
    assert not set(in_body(suggester, sentence)[0]) & {"social_post", "other_outlet"}


def test_a_post_on_a_platform_still_is(suggester: Suggester) -> None:
    assert in_body(suggester, "Trump posted on Truth Social that the deal was done.")[0] == {
        "social_post": "Trump", "on_record": "Trump"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Lawmakers on Capitol Hill called for hearings.", {"anonymous_official": "Lawmakers"}),
    ("The activist organization the Project on Government Oversight has called it “a textbook case.”",
     {"on_record": "Project on Government Oversight"}),
])
def test_where_a_group_is_is_no_speaker(suggester: Suggester, sentence: str, expected: dict) -> None:
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "source"), [
    ("Whitehall sources said the memo had been circulated to cabinet members.", "Whitehall sources"),
    ("One senior Tory told the Guardian the memo was “deeply embarrassing”.", "One senior Tory"),
    ("In comments to the Financial Times, a former head of GCHQ said the warnings were not new.",
     "a former head of GCHQ"),
    ("“We have been asleep at the wheel,” one backbencher said.", "one backbencher"),
])
def test_unnamed_officials_of_westminster(suggester: Suggester, sentence: str, source: str) -> None:
    assert in_body(suggester, sentence)[0].get("anonymous_official") == source


def test_a_role_qualified_otherwise_is_someone_else(suggester: Suggester) -> None:
    found = in_body(suggester, "The shadow defence secretary, John Healey, told the BBC the plan had failed. | "
                               "Speaking to reporters in Brussels, the foreign secretary said Britain remained "
                               "vigilant. | The defence secretary added that the review was overdue.")
    assert found[1] == {"on_record": ""}
    assert found[2] == {"on_record": ""}  # a speaker on the record, whom the reader names


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The official spoke on condition of anonymity because they were not authorized to discuss it.",
     {"anonymous_official": ""}),
    ("A spokesperson for Sen. Warner said the senator had requested a briefing.",
     {"anonymous_official": "A spokesperson for Sen. Warner"}),
    ("In a statement to The Record, a CISA spokesperson said there had been no change.",
     {"other_outlet": "The Record", "anonymous_official": "a CISA spokesperson"}),
    ("Hegseth's office referred questions to the White House.", {"on_record": "Hegseth's office"}),
    ("Sen. Mark Kelly said on CNN's “State of the Union” that the move was reckless.",
     {"on_record": "Mark Kelly, Sen.", "other_outlet": "CNN"}),
    ("Per Axios, the review will conclude in April.", {"other_outlet": "Axios"}),
])
def test_how_cable_and_wire_reports_attribute(suggester: Suggester, sentence: str, expected: dict) -> None:
    assert in_body(suggester, sentence)[0] == expected


def test_a_study_that_found_is_still_a_document(suggester: Suggester) -> None:
    assert "document" in in_body(suggester, "A study published Thursday found that attacks had doubled.")[0]


def test_a_writer_goes_on_past_a_colon_in_the_same_paragraph(suggester: Suggester) -> None:
    found = in_body(suggester, "Elaine Ee believes that the code will not be a solution. | Instead, the government "
                               "should free up the mainstream media:\n\nWhat we need is a new environment for "
                               "journalists.")
    assert [f.get("on_record") for f in found] == ["Elaine Ee"] * 3


@pytest.mark.parametrize(("sentence", "who"), [
    ("Writing on his organization's blog in February, Kirk Wallace, a program director, has also seen a change.",
     "Kirk Wallace"),
    ("Writing on Facebook, activist Anna Lee urged calm.", "Anna Lee"),
])
def test_writing_on_a_blog_or_platform_is_the_writers_post(suggester: Suggester, sentence: str, who: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert found["social_post"] == who and found["on_record"].startswith(who)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Scholars such as Zeynep Tufekci have argued that platforms reward outrage.",
     {"anonymous_other": "Scholars", "on_record": "Zeynep Tufekci"}),
    ("Experts including Bruce Schneier warned that the law was flawed.",
     {"anonymous_other": "Experts", "on_record": "Bruce Schneier"}),
])
def test_a_group_and_the_one_named_in_it(suggester: Suggester, sentence: str, expected: dict) -> None:
    assert in_body(suggester, sentence)[0] == expected


def test_what_experts_agree_on_is_theirs(suggester: Suggester) -> None:
    assert set(in_body(suggester, "There is broad agreement among experts that media literacy helps.")[0]) == {
        "anonymous_other"}


@pytest.mark.parametrize("sentence", [
    "The company did not respond to our request for comment.",
    "He could not be reached for comment on Friday.",
    "The ministry was contacted for comment.",
])
def test_newsroom_process_takes_nothing_from_the_sentence_before(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, f"A report by the Senate Intelligence Committee concluded that the risk grew. | {sentence}")
    assert found[1] == {}


@pytest.mark.parametrize(("body", "expected"), [
    ("WASHINGTON (AP) — President Joe Biden on Tuesday called on Congress to act, saying the country could not "
     "wait.", {"on_record": "Joe Biden, President"}),
    ("LONDON — Prime Minister Keir Starmer said on Monday the talks would resume.",
     {"on_record": "Keir Starmer, Prime Minister"}),
    ("WASHINGTON, March 5 (Reuters) - The Pentagon said on Wednesday it had paused operations.",
     {"on_record": "Pentagon"}),
])
def test_a_wire_dateline_opening_the_story_is_no_subject(suggester: Suggester, body: str, expected: dict) -> None:
    assert in_body(suggester, body)[0] == expected


def test_a_post_told_in_the_speakers_clause_is_not_the_speakers(suggester: Suggester) -> None:
    found = in_body(suggester, "Texas Gov. Greg Abbott told reporters that the gunman had posted on Facebook "
                               "about his plans.")[0]
    assert found.get("social_post") == "" and found["on_record"] == "Greg Abbott, Texas Gov."


def test_unnamed_officials_keep_their_own_description(suggester: Suggester) -> None:
    found = in_body(suggester, "White House officials said the president would travel to Texas. | The gunman's "
                               "grandmother is in critical condition, officials said.")
    assert found[1] == {"anonymous_official": "officials"}


def test_a_person_not_authorized_to_speak_is_one_unnamed_source(suggester: Suggester) -> None:
    found = in_body(suggester, "A person familiar with the planning, who was not authorized to speak publicly, "
                               "said the trip could be delayed.")[0]
    assert set(found) == {"anonymous_other"}


@pytest.mark.parametrize(("sentence", "source"), [
    ("Rescue workers said at least 40 people were trapped.", "Rescue workers"),
    ("Medics said several children were among the dead.", "Medics"),
    ("Firefighters said the building collapsed.", "Firefighters"),
])
def test_people_at_work_on_the_scene_are_unnamed_people(suggester: Suggester, sentence: str, source: str) -> None:
    assert in_body(suggester, sentence)[0] == {"anonymous_other": source}


def test_the_researchers_who_found_are_their_study(suggester: Suggester) -> None:
    found = in_body(suggester, "The researchers found that ozone caused much of the damage to the crops.")[0]
    assert set(found) == {"document"}


def test_an_outlet_referred_back_to_is_named(suggester: Suggester) -> None:
    found = in_body(suggester, "The Wall Street Journal first reported the talks on Sunday. | The newspaper said "
                               "the deal could be announced within days. | The paper, citing people familiar with "
                               "the matter, said the price was about $40 billion. | Bloomberg News later reported "
                               "that the talks had stalled. | The outlet said no decision had been made.")
    assert [f.get("other_outlet") for f in found] == ["The Wall Street Journal"] * 3 + ["Bloomberg News"] * 2
    assert "document" not in found[2]


def test_the_agency_after_a_ministry_is_no_news_agency(suggester: Suggester) -> None:
    found = in_body(suggester, "Reuters reported the raid. | The Environmental Protection Agency announced new "
                               "rules. | The agency said the rules would take effect in May.")
    assert "other_outlet" not in found[2]


@pytest.mark.parametrize("intro", ["The timeline so far:", "Here is what the new rules mean for residents:"])
def test_a_writers_list_after_a_speaker_is_the_writers(suggester: Suggester, intro: str) -> None:
    found = in_body(suggester, f"Mayor John Ortiz said the city would review its procedures. | {intro}")
    assert found[1] == {}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia did not respond to Ukraine's request for a ceasefire, the foreign ministry said on Monday.",
     {"on_record"}),
    ("“We will not back down,” Zelensky said, after Russia had not replied to a request for talks.", {"on_record"}),
    ("The CEO said the company had not returned to profit despite the email campaign.", {"on_record"}),
    ("The minister said the deal could not be reached before the deadline.", {"on_record"}),
])
def test_newsroom_words_leave_a_sentences_own_speaker(suggester: Suggester, sentence: str, expected: set) -> None:
    found = in_body(suggester, f"A report by the Senate Intelligence Committee concluded that the risk grew. | {sentence}")
    assert set(found[1]) == expected and found[1]["on_record"] != "Senate Intelligence Committee"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Officials including Defense Secretary Lloyd Austin said the plan was sound.",
     {"anonymous_official": "Officials", "on_record": "Lloyd Austin, Defense Secretary"}),
    ("The official death toll is higher, according to a health worker who spoke on condition of anonymity.",
     {"anonymous_other": "a health worker"}),
    ("The app logs every keystroke, the company said.", {"on_record": ""}),
])
def test_groups_named_people_and_adjectives(suggester: Suggester, sentence: str, expected: dict) -> None:
    assert in_body(suggester, sentence)[0] == expected


def test_one_person_compared_with_another_is_no_group(suggester: Suggester) -> None:
    found = in_body(suggester, "The prime minister, like Donald Trump, has said the war must end.")[0]
    assert "anonymous_other" not in found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Institute for the Study of War, a Washington-based think tank, said Russian forces were making gains.",
     {"on_record": "Institute for the Study of War"}),
    ("The Center for Strategic and International Studies said the risk was growing.",
     {"on_record": "Center for Strategic and International Studies"}),
    ("The Joint Chiefs of Staff said the plan was ready.", {"on_record": "Joint Chiefs of Staff"}),
])
def test_a_body_named_for_what_it_studies_speaks_as_itself(suggester: Suggester, sentence: str,
                                                           expected: dict) -> None:
    assert in_body(suggester, sentence)[0] == expected


def test_a_study_by_a_body_so_named_is_still_a_study(suggester: Suggester) -> None:
    found = in_body(suggester, "A study by the Institute for Fiscal Studies found that taxes rose.")[0]
    assert found == {"document": "", "on_record": "Institute for Fiscal Studies"}


def test_a_body_named_with_staff_is_no_unnamed_staff(suggester: Suggester) -> None:
    found = in_body(suggester, "Ukraine's General Staff reported 45 clashes along the front line.")[0]
    assert set(found) == {"on_record"} and "General Staff" in found["on_record"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A spokeswoman for Google, Jane Smith, said the company was reviewing the findings.",
     {"on_record": "Jane Smith, spokeswoman for Google"}),
    ("The memo, obtained by CNN, outlines plans to cut 30% of staff.", {"document": "", "other_outlet": "CNN"}),
    ("The findings show that attacks doubled.", {"document": ""}),
])
def test_documents_relayed_and_documents_acted_on(suggester: Suggester, sentence: str, expected: dict) -> None:
    assert in_body(suggester, sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Pentagon on Tuesday denied a report that Defense Secretary Pete Hegseth had ordered a halt.",
     {"on_record": "Pentagon", "anonymous_other": ""}),
    ("The Record, citing multiple sources, first reported the directive on Friday.",
     {"other_outlet": "The Record", "anonymous_other": "multiple sources"}),
    ("Asked about the directive, White House press secretary Karoline Leavitt referred reporters to the Pentagon.",
     {"on_record": "Karoline Leavitt, White House press secretary"}),
])
def test_a_denial_a_citing_outlet_and_a_referral(suggester: Suggester, sentence: str, expected: dict) -> None:
    assert in_body(suggester, sentence)[0] == expected


def test_a_verb_after_outlets_named_in_a_list_is_theirs(suggester: Suggester) -> None:
    found = in_body(suggester, "Major news outlets, including The New York Times and The Washington Post, have "
                               "confirmed the order, stating that it was issued before the meeting.")[0]
    assert found["other_outlet"] == "New York Times; The Washington Post"


def test_a_report_with_a_relative_clause_still_speaks(suggester: Suggester) -> None:
    found = in_body(suggester, "The report that came out in May shows that attacks doubled.")[0]
    assert found == {"document": ""}


def test_a_month_after_in_is_no_one_called_may(suggester: Suggester) -> None:
    assert in_body(suggester, "Theresa May said the deal was dead.")[0] == {"on_record": "Theresa May"}
