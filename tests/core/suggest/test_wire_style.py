"""Forms of wire-style and broadcast news: a role named in an apposition or in brackets, a group claiming
an attack, a correspondent's standfirst, the broadcaster's own services. The sentences are written for
these tests in the style of a public broadcaster's conflict and diplomacy reports."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize(("sentence", "name"), [
    ("A spokesman for the ministry, John Doe, said the talks had ended.", "John Doe"),
    ("But a Dakar-based spokesman for one of the rebel groups, Ali Musa, denies the army's version.", "Ali Musa"),
])
def test_a_description_before_the_name_describes_the_named_speaker(suggester: Suggester, sentence: str,
                                                                     name: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert found == {"on_record": found["on_record"]} and found["on_record"].startswith(name)


@pytest.mark.parametrize(("sentence", "name"), [
    ("A Defense Department spokesman (Bryan Whitman) called the attacks troubling.", "Bryan Whitman"),
    ("Shortly after the attacks began, a rebel spokesman (Omar Khalid) called reporters, saying the fighters"
     " wanted the minister.", "Omar Khalid"),
    ("The country's security chief (Amir Saleh) said the police are investigating.", "Amir Saleh"),
])
def test_a_role_with_the_name_in_brackets_is_on_record(suggester: Suggester, sentence: str, name: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert set(found) == {"on_record"} and found["on_record"].startswith(name)


def test_a_participle_after_a_name_is_no_title(suggester: Suggester) -> None:
    found = in_body(suggester, "Christopher Hill, speaking to reporters at Narita airport, said the talks would"
                               " resume.")[0]
    assert found == {"on_record": "Christopher Hill"}


@pytest.mark.parametrize("sentence", [
    "Taleban insurgents claimed responsibility for the blast, which killed nine soldiers.",
    "Rebel fighters claimed responsibility for the attack on the convoy.",
])
def test_a_group_claiming_an_attack_is_on_record(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"on_record"}


def test_a_body_rebuking_speaks(suggester: Suggester) -> None:
    found = in_body(suggester, "The Correspondents' Association sharply rebuked the White House for the move.")[0]
    assert set(found) == {"on_record"}


def test_an_official_broadcaster_reporting_is_an_outlet_only(suggester: Suggester) -> None:
    found = in_body(suggester, "The official Lanka Broadcasting Corporation reports an explosion in the north.")[0]
    assert found == {"other_outlet": "Lanka Broadcasting Corporation"}


@pytest.mark.parametrize("sentence", [
    "The Taliban stopped the news shows last year, VOA Pashto reported.",
    "The talks stalled again on Monday, VOA’s Ashna TV reported.",
    "The border stayed closed, according to the Voice of America.",
])
def test_the_broadcasters_own_services_are_no_other_outlet(suggester: Suggester, sentence: str) -> None:
    assert "other_outlet" not in in_body(suggester, sentence, outlet="VOA News")[0]


def test_a_standfirst_ending_in_the_correspondents_credit_gets_nothing(suggester: Suggester) -> None:
    body = ("The army says it has crushed the rebels after heavy fighting in the east. | "
            "VOA's Nico Colombant reports from Dakar.\n\n"
            "The army said on Tuesday that the rebels had fled across the border.")
    found = in_body(suggester, body, outlet="VOA News")
    assert found[0] == {} and found[1] == {}
    assert "on_record" in found[2]


@pytest.mark.parametrize("sentence", [
    "No group has claimed responsibility for the blast.",
    "Nobody claimed responsibility for the attack on the convoy.",
])
def test_nobody_claiming_an_attack_is_no_source(suggester: Suggester, sentence: str) -> None:
    assert "on_record" not in in_body(suggester, sentence)[0]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The announcement came days after Facebook said accounts with Russian ties bought ads.", {"on_record"}),
    ("Other companies including Apple, Google, Twitter and Facebook said they never received a request.",
     {"on_record"}),
    ("Facebook has agreed to share the ads with congressional investigators.", set()),
    ("Twitter, another social network, had already told the agency that it would move its servers.",
     {"on_record"}),
])
def test_a_platforms_company_speaking_is_on_record_not_a_post(suggester: Suggester, sentence: str,
                                                              expected: set[str]) -> None:
    assert set(in_body(suggester, sentence)[0]) == expected


def test_a_pronoun_telling_an_outlet_is_on_record_too(suggester: Suggester) -> None:
    body = ("David Wright is a physicist at the Union of Concerned Scientists. | "
            "He told the Associated Press that the missile was the longest-range test yet.")
    assert set(in_body(suggester, body)[1]) == {"on_record", "other_outlet"}


@pytest.mark.parametrize(("sentence", "category"), [
    ("Japan’s defense minister estimated that the missile flew for about 50 minutes.", "anonymous_official"),
    ("The company's director of operations said the cause of the collapse was not known.", "anonymous_official"),
    ("A day later the Taliban’s ministry of information and culture said it had received complaints.",
     "on_record"),
])
def test_a_role_or_body_of_a_named_owner_speaks(suggester: Suggester, sentence: str, category: str) -> None:
    assert category in in_body(suggester, sentence)[0]


def test_a_possessed_role_then_the_name_is_the_named_speaker(suggester: Suggester) -> None:
    found = in_body(suggester, "Chad's communications minister, Moussa Doumgor, says the rebels were routed.")[0]
    assert found == {"on_record": "Moussa Doumgor, Chad's communications minister"}


@pytest.mark.parametrize("sentence", [
    "The launch came a week after the United States added North Korea back to the list of sponsors of terror.",
    "South Korea’s military answered the launch minutes later with its own missile test.",
])
def test_a_speech_verb_taking_an_object_and_a_place_is_no_statement(suggester: Suggester, sentence: str) -> None:
    assert in_body(suggester, sentence)[0] == {}


@pytest.mark.parametrize("sentence", [
    "One Facebook user said: “If you were using this service, just stop.”",
    "But many social media users continue to criticize the company for its reported action.",
])
def test_unnamed_users_of_a_platform_are_anonymous_and_a_post(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"anonymous_other", "social_post"}


def test_a_name_then_who_said_is_on_record(suggester: Suggester) -> None:
    found = in_body(suggester, "Critics include Edward Snowden, who wrote “Close your account today.”")[0]
    assert found.get("on_record") == "Edward Snowden"


def test_it_said_after_a_body_is_that_body_on_record(suggester: Suggester) -> None:
    body = "Last November, the agency blocked access to the website. | It said the company was breaking the law."
    assert set(in_body(suggester, body)[1]) == {"on_record"}


def test_offering_no_details_is_a_response(suggester: Suggester) -> None:
    body = "The president spoke about the launch on Tuesday. | He did not offer any details."
    assert set(in_body(suggester, body)[1]) == {"on_record"}



def test_the_broadcasters_own_service_reporting_is_no_speaker(suggester: Suggester) -> None:
    sentence = "In March, the Taliban stopped the news shows, which had run for a decade, VOA Pashto reported."
    assert in_body(suggester, sentence, outlet="VOA News")[0] == {}


def test_a_group_said_to_have_claimed_an_attack(suggester: Suggester) -> None:
    found = in_body(suggester, "Taliban militants are said to have claimed responsibility for the attack.")[0]
    assert set(found) == {"on_record", "anonymous_other"}


@pytest.mark.parametrize("sentence", [
    "The rebels have said they plan to topple the president before the end of the year.",
    "The rebels say their weapons are from soldiers who are defecting to their side.",
    "Insurgents said they had seized the town.",
])
def test_rebels_speaking_as_themselves_are_on_record(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"on_record"}


def test_proclaiming_is_a_statement(suggester: Suggester) -> None:
    found = in_body(suggester, "President Ana Ruiz has already proclaimed the group's military defeat.")[0]
    assert found == {"on_record": "Ana Ruiz, President"}


@pytest.mark.parametrize(("sentence", "name"), [
    ("Korea expert Bruce Bennett from the RAND Corporation told VOA the North does not need the weapons.",
     "Bruce Bennett, RAND Corporation"),
    ("Another expert, Bong Young-shik from the Asan Institute for Policy Studies in Seoul, doubts the pledge.",
     "Bong Young-shik, Asan Institute for Policy Studies"),
])
def test_a_name_from_an_organisation_names_the_person(suggester: Suggester, sentence: str, name: str) -> None:
    assert in_body(suggester, sentence, outlet="VOA News")[0].get("on_record") == name


def test_mr_and_a_surname_take_the_full_name_given_before(suggester: Suggester) -> None:
    body = ("Adrian Edwards, a United Nations spokesman, said the staff were safe. | "
            "“We are on restricted movement,” said Mr. Edwards.")
    assert in_body(suggester, body)[1].get("on_record", "").startswith("Adrian Edwards")


def test_the_noun_before_a_comma_and_saying_is_no_speaker(suggester: Suggester) -> None:
    found = in_body(suggester, "An embassy statement condemned the attack in Lower Dir, saying it shows the"
                               " terrorists' vision.")[0]
    assert "Lower Dir" not in found.values()


@pytest.mark.parametrize("sentence", [
    "In September, London announced its ban on the imports.",
    "Moscow denied the report on Tuesday.",
])
def test_a_capital_standing_for_its_government_names_nobody(suggester: Suggester, sentence: str) -> None:
    assert in_body(suggester, sentence)[0] == {"on_record": ""}


def test_a_bodys_statement_speaking_is_the_body_on_record(suggester: Suggester) -> None:
    found = in_body(suggester, "A U.S. embassy statement condemned the attack in Lower Dir, saying it shows the"
                               " terrorists' vision.")[0]
    assert found == {"on_record": "U.S. embassy"}


def test_a_title_of_a_department_is_no_affiliation(suggester: Suggester) -> None:
    found = in_body(suggester, "In a statement, Tricia McLaughlin, Assistant Secretary of Homeland Security,"
                               " asserted that the memo did not come from the administration.")[0]
    assert found.get("on_record", "").startswith("Tricia McLaughlin")


def test_an_unnamed_spokesman_of_a_body_stays_an_unnamed_official(suggester: Suggester) -> None:
    found = in_body(suggester, "A Defense Department spokesman said the attacks were troubling.")[0]
    assert set(found) == {"anonymous_official"}


def test_it_said_after_an_outlets_report_carries_the_outlet_only(suggester: Suggester) -> None:
    body = ("Reuters reported on Tuesday that the company had scanned all incoming emails. | "
            "It said the company gave the tool to an intelligence agency.")
    assert set(in_body(suggester, body)[1]) == {"other_outlet"}
