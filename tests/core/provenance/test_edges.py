"""Citation edges from the text: an outlet named where the words around it relay it."""

from __future__ import annotations

import pytest

from annotator.core.provenance.model import SourcedMark
from tests.core.provenance.helpers import article, provenance, relays


@pytest.mark.parametrize("sentence, outlets", [
    ("The plan was first reported by Axios on Monday.", {"Axios"}),
    ("US officials tell CBS News the strike was delayed.", {"CBS News"}),
    ("According to a report in The Wall Street Journal, the talks stalled.", {"The Wall Street Journal"}),
    ("Reuters reported, citing three sources, that the deal was near.", {"Reuters"}),
    ("A spokesperson told The Associated Press that no decision was made.", {"The Associated Press"}),
    ("In an interview with NBC News, the senator said she would vote no.", {"NBC News"}),
    ("The company said in a statement to Politico that it would comply.", {"Politico"}),
    ("The order was confirmed to CNN, The New York Times and other outlets by officials.",
     {"CNN", "The New York Times"}),
    ("The New York Times and The Washington Post both confirmed the order.",
     {"The New York Times", "The Washington Post"}),
    ("The Record, a cybersecurity news site, first reported the order.", {"The Record"}),
    ("The story was first revealed by cyber news site The Record.", {"The Record"}),
    ("Credit where it's due: The Record broke this.", {"The Record"}),
    ("A memo reported by The Guardian dropped Russia from the list.", {"The Guardian"}),
    ("Gen. Ali told the al-Nahar channel that everyone had been evacuated.", {"al-Nahar"}),
    ('"The shells hit the posts," said KCNA.', {"Korean Central News Agency"}),
    ("The Lakeshore Gazette observed that the hashtag spread.", {"Lakeshore Gazette"}),
    ("WASHINGTON (Reuters) - The Senate passed the bill on Friday.", {"Reuters"}),
    ("Copyright 2025 The Associated Press. All rights reserved.", {"The Associated Press"}),
    ("The Washington Post, which obtained the memo, said it was dated March 3.", {"The Washington Post"}),
    ("A CBS News senior White House reporter posted the order on X.", {"CBS News"}),
    ("The Guardian's report said the staff were told to stop.", {"The Guardian"}),
    # not relaying: the outlet is a place of work, a destination, a venue, a host
    ("Vice President JD Vance told reporters the plan stood.", set()),
    ("The debate was hosted by CNN in Atlanta.", set()),
    ("Khaled Said, editor at large at the Saudi Gazette, said it could have been worse.", set()),
    ("At that time, one in three visits to the site came from BBC News.", set()),
    ("She previously worked at CNN and the BBC.", set()),
    ("He appeared on Fox News on Sunday.", set()),
    ("He wrote an op-ed for The Washington Post last year.", set()),
    ("Traffic to the Scientology website rose eighteen-fold.", set()),
])
def test_a_sentence_relays_the_outlets_it_attributes_to(sentence: str, outlets: set[str]) -> None:
    assert set(relays(provenance(article(1, "Home Desk", sentence)))) == outlets


def test_the_paper_means_the_last_outlet_named() -> None:
    result = provenance(article(1, "Home Desk", "The New York Times reported the meeting last week.",
                                "Aides were divided.", "The paper said the talks would resume."))
    assert relays(result) == {"The New York Times": (1, 3)}


def test_the_times_after_the_new_york_times_is_the_same_outlet() -> None:
    result = provenance(article(1, "Home Desk", "The New York Times first reported the plan.",
                                "Officials told the Times it was shelved."))
    assert relays(result) == {"The New York Times": (1, 2)}


def test_an_article_never_relays_its_own_outlet() -> None:
    result = provenance(article(1, "Reuters", "Reuters reported on Monday that talks ended."))
    assert relays(result) == {}


def test_the_edge_keeps_what_the_relayed_outlet_relied_on() -> None:
    result = provenance(article(1, "Home Desk", "But now, another senior official told Bloomberg that the order stood.",
                                "The Times of India, citing unnamed officials, said the pause was over."))
    relied = {e.to_outlet: e.relied_on for e in result.edges}
    assert relied["Bloomberg"] == "another senior official"
    assert relied["Times of India"] == "unnamed officials"


def test_an_annotation_gives_an_edge_and_the_text_is_not_read_again_there() -> None:
    marks = [SourcedMark(1, 0, "other_outlet", "Politico"),
             SourcedMark(1, 1, "anonymous_official", "senior official (Bloomberg)")]
    result = provenance(article(1, "Home Desk", "Officials said the plan was dropped, Politico reported.",
                                "A senior official confirmed it.", "Axios first reported the plan."), marks=marks)
    edges = {e.to_outlet: e for e in result.edges}
    assert edges["Politico"].basis == edges["Bloomberg"].basis == "annotation"
    assert edges["Bloomberg"].relied_on == "senior official"
    assert edges["Axios"].basis == "text" and edges["Axios"].sentences == (3,)


def test_an_outlet_of_the_project_is_pointed_at_by_article() -> None:
    result = provenance(article(1, "Valdera Daily", "Rain closed the port, officials said.", published="2025-01-01"),
                        article(2, "Home Desk", "The port closed, the Valdera Daily reported."))
    edge = next(e for e in result.edges if e.from_article == 2)
    assert (edge.to_outlet, edge.to_article) == ("Valdera Daily", 1)


def test_outlets_listed_together_share_what_they_relied_on() -> None:
    result = provenance(article(1, "Home Desk", "The order was confirmed to CNN, The New York Times and other"
                                " outlets by officials speaking on condition of anonymity."))
    assert {e.to_outlet: e.relied_on for e in result.edges} == {
        "CNN": "officials speaking on condition of anonymity",
        "The New York Times": "officials speaking on condition of anonymity"}


@pytest.mark.parametrize("sentence, outlets", [
    ("According to White House Press Secretary Karoline Leavitt, the order stands.", set()),
    ("Emily Post said good manners matter.", set()),
    ("The Denver Post said the order stands.", {"Denver Post"}),
    ("Officials told the Toronto Star that talks would resume.", {"Toronto Star"}),
])
def test_a_name_ending_in_an_outlet_word_is_an_outlet_only_as_one(sentence: str, outlets: set[str]) -> None:
    assert set(relays(provenance(article(1, "Home Desk", sentence)))) == outlets


def test_an_annotated_first_report_still_counts_as_first() -> None:
    marks = [SourcedMark(1, 0, "other_outlet", "The Record")]
    result = provenance(article(1, "Home Desk", "The pause was first reported by The Record."), marks=marks)
    assert [(e.to_outlet, e.basis, e.first_report) for e in result.edges] == [("The Record", "annotation", True)]
    assert result.origins[0].first_by_text == "The Record"
