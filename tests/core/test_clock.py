"""Stored times are UTC; the user reads them in their own time zone."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone

import pytest

from annotator.core.clock import local_time, now


@pytest.fixture
def in_new_york():
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if previous is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = previous
    time.tzset()


def test_a_stored_time_is_shown_in_the_user_s_time_zone(in_new_york) -> None:
    assert local_time("2026-12-05T12:30:02.123Z") == "2026-12-05 07:30:02"
    assert local_time(datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc)) == "2026-07-01 08:00:00"  # summer time


def test_a_time_just_stored_reads_back_and_text_that_is_no_time_is_left_alone() -> None:
    assert local_time(now())[:4].isdigit()
    assert local_time("yesterday") == "yesterday"
