"""A roundup of what bloggers write: its named writers' comments are posts (on-record plus social post),
while a speech, a named body and an article that speaks of no bloggers stay on the record only. The
sentences are written for these tests."""

from __future__ import annotations

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import categories, sources_of

_ROUNDUP_OPENING = "Bloggers in the capital reacted quickly to the new law."


def test_a_named_writer_in_a_roundup_posts_and_the_quote_below_carries_it(suggester: Suggester) -> None:
    found = categories(suggester, _ROUNDUP_OPENING, "Morning Ledger writes:",
                       "Nobody asked the people who will pay for it.", attributed_only=True)
    assert found[1] == {"on_record", "social_post"}
    assert found[2] == {"on_record", "social_post"}
    assert sources_of(suggester, _ROUNDUP_OPENING, "Morning Ledger writes:")[1] == {"Morning Ledger"}


def test_a_speech_in_a_roundup_is_no_post(suggester: Suggester) -> None:
    found = categories(suggester, _ROUNDUP_OPENING, "Accepting the prize, Serena Holt said the law was cruel.",
                       attributed_only=True)
    assert found[1] == {"on_record"}


def test_a_named_body_in_a_roundup_is_no_post(suggester: Suggester) -> None:
    found = categories(suggester, _ROUNDUP_OPENING,
                       "The Committee for Open Courts notes that ten reporters are in prison.", attributed_only=True)
    assert "social_post" not in found[1]


def test_without_bloggers_a_writer_is_on_the_record_only(suggester: Suggester) -> None:
    found = categories(suggester, "The council met on Monday.", "Morning Ledger writes that nobody asked.",
                       attributed_only=True)
    assert found[1] == {"on_record"}


def test_a_platforms_users_make_a_roundup_and_a_colon_after_said_introduces_a_post(suggester: Suggester) -> None:
    found = categories(suggester, "Facebook users in the city signed the page.", "Jon Wu said:",
                       "Pray for our youth.", attributed_only=True)
    assert found[1] == {"on_record", "social_post"}
    assert found[2] == {"on_record", "social_post"}


def test_a_speech_at_a_ceremony_in_a_roundup_stays_a_speech(suggester: Suggester) -> None:
    found = categories(suggester, _ROUNDUP_OPENING, "Accepting the award at the ceremony, Mia Holt said:",
                       attributed_only=True)
    assert found[1] == {"on_record"}


def test_a_platform_user_is_a_post(suggester: Suggester) -> None:
    found = categories(suggester, "Facebook user Julie Lam explained the action in her prayer:", attributed_only=True)
    assert found == [{"on_record", "social_post"}]
    assert sources_of(suggester, "Facebook user Julie Lam explained the action in her prayer:")[0] >= {
        "Julie Lam, Facebook user"}


def test_a_blog_whose_name_sounds_like_an_outlet_is_a_blog(suggester: Suggester) -> None:
    found = categories(suggester, "The Valley Observer blog comments.", attributed_only=True)
    assert found == [{"on_record", "social_post"}]


def test_one_named_user_of_a_platform_makes_a_roundup(suggester: Suggester) -> None:
    found = categories(suggester, "Facebook user Mei Ling explained the group's prayer:", "Our city needs hope.",
                       "Jon Wu said:", "Pray for our youth.", attributed_only=True)
    assert found[0] == found[1] == {"on_record", "social_post"}
    assert found[2] == found[3] == {"on_record", "social_post"}


def test_a_platforms_user_data_makes_no_roundup(suggester: Suggester) -> None:
    found = categories(suggester, "Facebook user data was harvested by the firm.", "Jon Wu said:",
                       "Pray for our youth.", attributed_only=True)
    assert found[1] == {"on_record"}
