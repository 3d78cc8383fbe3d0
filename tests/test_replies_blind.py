"""The blind reply set (tests/data/replies_blind): officials' replies to mailproc's real outgoing
mails, written the way Gmail, Outlook, iPhone, Thunderbird, Zimbra, Yahoo, Roundcube and Samsung
clients write them, each handed to the whole pipeline (``Inbound.handle``) against a ticket at the
labelled step. See mailproc/reply_eval.py for what "read correctly" means."""
from __future__ import annotations

import csv
import logging
import re
import shutil
from collections import Counter

import pytest

from conftest import ROOT
from mailproc.config import load_config
from mailproc.reply_eval import NO_MOVE, STEPS, evaluate, load_labels

FOLDER = ROOT / "tests" / "data" / "replies_blind"
# Measured on this set before any fix: 133/154 (86.4 %).
FLOOR = 0.86


@pytest.fixture(scope="module")
def report():
    logging.disable(logging.WARNING)     # WeasyPrint and the workflow's info lines, 148 times over
    try:
        return evaluate(FOLDER, load_config(ROOT / "config.toml"))
    finally:
        logging.disable(logging.NOTSET)


def test_the_set_is_large_and_covers_every_step_and_client():
    labels = load_labels(FOLDER)
    assert len(labels) >= 120
    per_step = Counter(label.step for label in labels)
    assert set(per_step) == set(STEPS)
    clients = {re.fullmatch(r"[a-z_]+?_\d\d_(\w+)\.eml", label.file).group(1) for label in labels}
    assert {"gmail_id", "gmail_en", "gmail_android", "outlook_en", "outlook_id", "outlook_web", "outlook_android",
            "iphone_id", "iphone_en", "thunderbird_id", "zimbra_id", "zimbra_en", "yahoo_id", "yahoo_android",
            "roundcube", "samsung", "ooo_exchange", "ooo_gmail", "ooo_zimbra", "ooo_plain"} <= clients
    assert sum(label.must_not_move for label in labels) >= 20


def test_share_read_correctly(report):
    assert report.share >= FLOOR, report.text()


def test_no_automatic_forged_or_outside_reply_moves_a_ticket(report):
    guarded = [o for o in report.outcomes if o.label.must_not_move]
    assert len(guarded) >= 20
    assert report.moved_by_no_move == [], report.text()
    # and each of them was seen for what it is (not, say, read as "unclear" by luck)
    for o in guarded:
        assert o.kind in o.label.kinds, f"{o.label.file}: {o.kind}"


def test_out_of_office_replies_with_rfc3834_headers_are_refused_before_reading(report):
    headed = [o for o in report.outcomes if "_ooo_" in o.label.file and "_ooo_plain" not in o.label.file]
    assert len(headed) >= 5
    assert all(o.kind == "auto" and o.pipeline.startswith("ignored") for o in headed), [o.pipeline for o in headed]


def test_no_reply_crashes_the_pipeline(report):
    assert [o.label.file for o in report.outcomes if o.kind == "crash"] == []


def test_the_measure_counts_a_wrong_label_and_a_forged_token(tmp_path):
    """The evaluator itself: a label that does not fit is a miss, and a forged token stays forged."""
    folder = tmp_path / "set"
    shutil.copytree(FOLDER / "requests", folder / "requests")
    rows = {"kadis_01_gmail_id.eml": ("kadis", "approve", "awaiting_kabid"),     # true
            "kadis_09_outlook_web.eml": ("kadis", "reject", "rejected"),         # wrong on purpose
            "kadis_37_bare.eml": ("kadis", "approve", "awaiting_kabid")}         # a forged token, labelled as if valid
    with open(folder / "labels.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "step", "kind", "status", "expect", "note"])
        for name, (step, kind, status) in rows.items():
            shutil.copy(FOLDER / name, folder / name)
            w.writerow([name, step, kind, status, "", ""])
    result = evaluate(folder, load_config(ROOT / "config.toml"), workdir=tmp_path)
    assert [o.ok for o in result.outcomes] == [True, False, False]
    assert result.outcomes[1].kind == "approve"
    assert result.outcomes[2].kind == "unauthorized" and result.outcomes[2].status == "awaiting_kadis"
    assert "Misses:" in result.text() and "kadis_09_outlook_web.eml" in result.text()
