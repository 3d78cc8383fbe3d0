"""Floors on the second blind labelled set (tests/data/requests_blind2): 92 mails written as OPD
staff of Kabupaten Lampung Barat would write them (WhatsApp-style, Lampung and Javanese words, typos,
formal letters, English mix, forwards, replies quoting the thread, HTML-only) by someone who had not
read the rules or the earlier sets, and labelled before the first measurement.

Files named ``h_*`` (38 of 92) are held out: the rule fixes made after the first measurement were
drawn from the other files only, so the held-out figure is the estimate for unseen mail.

Measured (rules alone / whole intake) before and after the fixes are in the README of the set.
The last tests pin the intent features this set called for: a withdrawn request decides on the
newest text although it names what it withdraws, and a forward is judged by the forwarder's words.
"""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from conftest import ROOT, write_config
from mailproc.accuracy import Label, Report, evaluate, read_labels
from mailproc.clock import WIB
from mailproc.inbound import Inbound, Origin
from mailproc.intent import IntentDetector
from mailproc.store.models import Ticket

BLIND2 = ROOT / "tests" / "data" / "requests_blind2"
RULES = ROOT / "rules"
HELD_OUT_PREFIX = "h_"

# Floors: the measured after-values minus about one mail's worth (see the set's README).
# Measured after the fixes: whole set ticket 97.8 %, category 96.6 %, priority 74.6 %; held-out
# (38 mails, 22 requests) ticket 94.7 %, category 90.9 %; whole intake ticket 98.9 %, category 96.6 %.
TICKET_FLOOR = 0.96
CATEGORY_FLOOR = 0.94
PRIORITY_FLOOR = 0.72
HELD_OUT_TICKET_FLOOR = 0.92
HELD_OUT_CATEGORY_FLOOR = 0.86
INTAKE_TICKET_FLOOR = 0.97
INTAKE_CATEGORY_FLOOR = 0.94

ADMITTED_DOMAINS = 'allowed_domains = ["lampungbaratkab.go.id", "gmail.com"]'
NOW = datetime(2027, 1, 5, 9, 0, tzinfo=WIB)


def _report(labels: list[Label]) -> Report:
    return evaluate(BLIND2, RULES, labels)


@pytest.fixture(scope="module")
def labels() -> list[Label]:
    return read_labels(BLIND2)


def test_second_blind_set_is_well_formed(labels):
    files = {p.name for p in BLIND2.glob("*.eml")}
    assert files == {label.file for label in labels}, "every .eml has exactly one label row"
    tickets = [label for label in labels if label.is_ticket]
    assert len(tickets) >= 55 and len(labels) - len(tickets) >= 25
    assert {label.category for label in tickets} == {"1.1", "1.2", "1.3", "1.4"}
    assert {label.priority for label in tickets} == {"tinggi", "sedang", "rendah"}
    assert all(not label.category and not label.priority for label in labels if not label.is_ticket)


def test_rules_meet_the_floors_on_the_whole_second_blind_set(labels):
    report = _report(labels)
    assert report.ticket_accuracy >= TICKET_FLOOR, report.misses()
    assert report.category_accuracy >= CATEGORY_FLOOR, report.misses()
    assert report.priority_accuracy >= PRIORITY_FLOOR, report.misses()


def test_rules_meet_the_floors_on_the_held_out_part(labels):
    report = _report([label for label in labels if label.file.startswith(HELD_OUT_PREFIX)])
    assert report.ticket_accuracy >= HELD_OUT_TICKET_FLOOR, report.misses()
    assert report.category_accuracy >= HELD_OUT_CATEGORY_FLOOR, report.misses()


@pytest.fixture
def intake_desk(tmp_path, db_url, clock):
    from mailproc.config import load_config
    from mailproc.desk import Desk
    clock.set(NOW)
    config = write_config(tmp_path, db_url, replace={'allowed_domains = ["lampungbaratkab.go.id"]': ADMITTED_DOMAINS})
    return Desk(load_config(config), clock)


def test_whole_intake_meets_the_floors(intake_desk, labels):
    """Every mail through Inbound.handle as the ingest door does it; a refusal counts as not-a-ticket.
    Mail from outside the admitted domains (vendors, phishing, ISPs) is refused by sender policy."""
    inbound = Inbound(intake_desk)
    outcomes: dict[str, tuple[str, str | None]] = {}
    for label in labels:
        result = inbound.handle((BLIND2 / label.file).read_bytes(), Origin("ingest"))
        category = None
        if result.ticket:
            with intake_desk.sessions() as s:
                category = s.scalar(select(Ticket.category).where(Ticket.code == result.ticket))
        outcomes[label.file] = (result.outcome, category)
    ticket_wrong = [f"{lb.file}: {outcomes[lb.file]}" for lb in labels
                    if (outcomes[lb.file][0] == "ticket") != lb.is_ticket]
    requests = [lb for lb in labels if lb.is_ticket]
    category_wrong = [f"{lb.file}: {lb.category} got {outcomes[lb.file]}" for lb in requests
                      if outcomes[lb.file][1] != lb.category]
    print(f"\nintake: ticket {1 - len(ticket_wrong) / len(labels):.1%}, "
          f"category {1 - len(category_wrong) / len(requests):.1%}\n", ticket_wrong, category_wrong)
    assert 1 - len(ticket_wrong) / len(labels) >= INTAKE_TICKET_FLOOR, ticket_wrong
    assert 1 - len(category_wrong) / len(requests) >= INTAKE_CATEGORY_FLOOR, category_wrong


# -- the intent features this set called for --------------------------------------------------------

QUOTED_REQUEST = ("\n\nPada Sen, 5 Okt 2026 08.15, Operator <op@lampungbaratkab.go.id> menulis:\n"
                  "> Mohon pemasangan access point tambahan di ruang rapat, sinyal tidak sampai.\n")


@pytest.fixture(scope="module")
def detector() -> IntentDetector:
    return IntentDetector.load(RULES)


@pytest.mark.parametrize("newest", [
    "Mohon dibatalkan permohonan kemarin pak, sudah beres sendiri.",
    "pak yg pasang AP tidak jadi dulu ya, ruangannya mau pindah tahun depan",
    "Batal ya pak, tim tidak perlu datang.",
    "Permohonan pemasangan jaringan tersebut kami cabut karena renovasi ditunda, sehingga tidak perlu "
    "ditindaklanjuti.",
])
def test_a_withdrawn_request_is_no_ticket_although_it_names_the_request(detector, newest):
    intent = detector.detect("Re: Permohonan pemasangan access point", newest + QUOTED_REQUEST)
    assert (intent.is_request, intent.reason) == (False, "not_a_request: request withdrawn")


def test_withdrawal_words_in_quoted_text_or_a_report_do_not_withdraw(detector):
    quoted = detector.detect("Re: batal", "Internet kantor mati lagi sejak pagi, mohon dicek.\n\n"
                             "Pada Sen, 5 Okt 2026, Aptika <aptika@lampungbaratkab.go.id> menulis:\n"
                             "> Kunjungan tim batal karena hujan, mohon tidak perlu datang ke kantor.\n")
    assert quoted.is_request
    # "tidak perlu" no longer reads as a passive request ("perlu dicek"): nothing asks here
    plain = detector.detect("Update", "Jaringan sudah normal kembali, jadi tidak perlu dicek lagi.")
    assert not plain.is_request
    assert not any(h.rule == "ask.passive_request" for h in plain.hits)


def test_a_forward_is_judged_by_the_forwarders_words(detector):
    offer = ("---------- Forwarded message ---------\nFrom: CV Mitra <sales@mitra.example>\n"
             "Subject: Penawaran harga switch\n\nDengan hormat, kami sampaikan penawaran harga switch "
             "managed 24 port Rp 6.750.000, gratis instalasi. Harga bersaing, company profile terlampir.\n"
             "Unsubscribe: balas STOP.\n")
    asks = detector.detect("Fwd: Penawaran harga switch",
                           "Pak, mohon dicek apakah spesifikasi switch ini sesuai untuk jaringan kantor kami.\n\n"
                           + offer)
    fyi = detector.detect("Fwd: Penawaran harga switch", "FYI pak.\n\n" + offer)
    assert asks.is_request, asks.reason
    assert not fyi.is_request and fyi.reason == "not_a_request: vendor offer"


def test_decisive_is_only_for_not_request_targets(tmp_path):
    import shutil
    from mailproc.classify import RulesError
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    text = (rules / "intent.toml").read_text(encoding="utf-8")
    (rules / "intent.toml").write_text(text.replace('label = "asks for help"', 'label = "asks for help"\ndecisive = true'),
                                       encoding="utf-8")
    with pytest.raises(RulesError, match=r"targets\.ask\.decisive"):
        IntentDetector.load(rules)


# -- the third blind set (tests/data/requests_blind3) and the general causes it revealed -----------

BLIND3 = ROOT / "tests" / "data" / "requests_blind3"
# First run 85.0 % ticket / 98.0 % category / 60.0 % priority; after the fixes below 91.2 / 98.0 / 60.0.
# Floors about one mail's worth below.
BLIND3_FLOORS = {"ticket": 0.89, "category": 0.96, "priority": 0.57}


def test_third_blind_set_meets_its_floors():
    labels = read_labels(BLIND3)
    assert {p.name for p in BLIND3.glob("*.eml")} == {label.file for label in labels}
    assert sum(label.is_ticket for label in labels) >= 45
    report = evaluate(BLIND3, RULES, labels)
    assert report.ticket_accuracy >= BLIND3_FLOORS["ticket"], report.misses()
    assert report.category_accuracy >= BLIND3_FLOORS["category"], report.misses()
    assert report.priority_accuracy >= BLIND3_FLOORS["priority"], report.misses()


def test_a_legal_footer_is_not_read():
    from mailproc.classify import split_zones
    zones = split_zones("Laporan", "Jaringan sudah normal.\n\nSalam\n\nPERHATIAN: E-mail ini hanya ditujukan untuk "
                        "penerima.\nApabila Anda menerima email ini karena kesalahan, mohon hapus.\n\nThink before you print")
    assert zones.newest.split() == ["Jaringan", "sudah", "normal.", "Salam"]


@pytest.mark.parametrize("subject, text, is_request", [
    ("Update", "The link is up again after the power came back, so there is no need to send a technician.", False),
    ("Jaringan", "Sesuai peraturan perundang-undangan, server kami pindahkan. Wifi lantai 2 tidak muncul sejak pagi.", True),
    ("Partnership", "We are an IT agency and we offer a free audit of your website. Can I send our price list?", False),
    ("Permohonan", "Kami mohon kiranya Bapak/Ibu berkenan dapat melakukan pemasangan kabel di ruang arsip.", True),
    ("Re: lapor", "pak yg sy lapor td gk jd, trnyt colokannya lepas", False),
])
def test_intent_causes_of_the_third_set(detector, subject, text, is_request):
    assert detector.detect(subject, text).is_request is is_request
