"""The blind set of letters (tests/data/letters_blind, labels fixed before the first run) through
the whole intake: floors just under what was measured (README, "Requests that arrive as letters")."""
from __future__ import annotations

from pathlib import Path

import pytest

from tools.letter_eval import evaluate

pytestmark = pytest.mark.slow
FOLDER = Path(__file__).parent / "data" / "letters_blind"
FLOORS = {"ticket": 0.90, "category": 0.94, "subject": 0.90, "number_nospace": 0.75, "source": 1.0, "opd": 0.90}


@pytest.fixture(scope="module")
def report():
    return evaluate(FOLDER, Path(__file__).parent.parent / "config.toml")


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_the_blind_letters_are_read_at_least_as_well_as_measured(report, measure):
    ok, total = report.accuracy(measure)
    assert total > 0 and ok / total >= FLOORS[measure], "\n".join(report.lines())
