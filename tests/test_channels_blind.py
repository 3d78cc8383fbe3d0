"""The blind set of status questions, on-behalf entries and webmail senders
(tests/data/channels_blind, labels fixed before the first run) through the whole intake: at least
95 % handled as labelled, and no ticket data to anyone outside the requester side and the chain."""
from __future__ import annotations

from pathlib import Path

import pytest

from tools.channel_eval import evaluate

pytestmark = pytest.mark.slow
FOLDER = Path(__file__).parent / "data" / "channels_blind"


@pytest.fixture(scope="module")
def report():
    return evaluate(FOLDER, Path(__file__).parent.parent / "config.toml")


def test_the_blind_channel_cases_are_handled_as_labelled(report):
    ok = sum(c.ok for c in report.cases)
    assert len(report.cases) == 66 and ok / len(report.cases) >= 0.95, "\n".join(report.lines())


def test_no_ticket_data_leaves_the_requester_side_and_the_chain(report):
    assert [c.label["file"] for c in report.cases if c.leaked] == []
