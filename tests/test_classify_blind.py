"""Floors on the blind labelled request sets (tests/data/requests_blind, requests_blind2,
requests_blind3): mails written from the service catalogue by people who had not read the rules,
labelled before the first measurement. Each set's README gives its first-run and later figures.

Files named ``h_*`` are held out: the rule fixes were drawn from the other files only, so their
figure is the estimate for unseen mail.

Two measurements: the rules alone (``tools.accuracy``: intent + classifier on subject and text),
and the whole intake (``Inbound.handle``: guard on headers, sender policy, intent, classifier),
where a message the guard refuses counts as not-a-ticket.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from sqlalchemy import select

from conftest import ROOT, write_config
from tools.accuracy import Label, evaluate, read_labels
from mailproc.intake.classify import Classifier
from mailproc.core.clock import WIB
from mailproc.intake.inbound import Inbound, Origin
from mailproc.store.models import Ticket

DATA = ROOT / "tests" / "data"
RULES = ROOT / "rules"
HELD_OUT_PREFIX = "h_"


@dataclass(frozen=True)
class Floors:
    """Floors about one mail's worth below the figures measured after each set's fixes."""
    min_requests: int
    min_others: int
    ticket: float
    category: float
    priority: float
    held_out: tuple[float, float] | None = None     # ticket, category on the h_* files
    intake: tuple[float, float] | None = None       # ticket, category through Inbound.handle


SETS = {
    # set 1: the acceptance targets (category >= 90 %, ticket >= 95 %); its held-out third has about
    # 50 mails, 35 requests
    "requests_blind": Floors(100, 40, ticket=0.95, category=0.90, priority=0.70, held_out=(0.90, 0.85),
                             intake=(0.95, 0.90)),
    # set 2, after its fixes: ticket 97.8 %, category 96.6 %, priority 74.6 %; held-out (38 mails,
    # 22 requests) 94.7 / 90.9 %; whole intake 98.9 / 96.6 %
    "requests_blind2": Floors(55, 25, ticket=0.96, category=0.94, priority=0.72, held_out=(0.92, 0.86),
                              intake=(0.97, 0.94)),
    # set 3: first run 85.0 / 98.0 / 60.0 %, after its fixes 91.2 / 98.0 / 60.0 %; whole intake 91.3 / 96.0 %
    # (no held-out part)
    "requests_blind3": Floors(45, 25, ticket=0.89, category=0.96, priority=0.57, intake=(0.89, 0.94)),
}

# Personal addresses (Gmail) are how some puskesmas and pekon operators really write; the shipped
# sender policy refuses them unless the OPD registry lists them. The intake measurement admits
# them (as if registered) so that it measures the guard, intent and classifier, not the registry.
ADMITTED_DOMAINS = 'allowed_domains = ["lampungbaratkab.go.id", "gmail.com"]'
# A clock in 2027: ticket codes JIP-2027-…, so the [JIP-2026-…] tags quoted in the sets' replies
# never thread onto a ticket opened earlier in the same run.
NOW = datetime(2027, 1, 5, 9, 0, tzinfo=WIB)


@pytest.fixture(scope="module", params=sorted(SETS))
def blind_set(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def labels(blind_set) -> list[Label]:
    return read_labels(DATA / blind_set)


def test_blind_set_is_well_formed(blind_set, labels):
    floors = SETS[blind_set]
    files = {p.name for p in (DATA / blind_set).glob("*.eml")}
    assert files == {label.file for label in labels}, "every .eml has exactly one label row"
    tickets = [label for label in labels if label.is_ticket]
    assert len(tickets) >= floors.min_requests and len(labels) - len(tickets) >= floors.min_others
    assert {label.category for label in tickets} == {"1.1", "1.2", "1.3", "1.4"}
    assert {label.priority for label in tickets} == {"tinggi", "sedang", "rendah"}
    assert all(not label.category and not label.priority for label in labels if not label.is_ticket)


def test_first_set_holds_out_about_a_third():
    labels = read_labels(DATA / "requests_blind")
    held = [label for label in labels if label.file.startswith(HELD_OUT_PREFIX)]
    assert 0.28 <= len(held) / len(labels) <= 0.38


def test_rules_meet_the_floors_on_the_whole_set(blind_set, labels):
    floors = SETS[blind_set]
    report = evaluate(DATA / blind_set, RULES, labels)
    summary = "\n".join(report.lines())
    assert report.ticket_accuracy >= floors.ticket, summary
    assert report.category_accuracy >= floors.category, summary
    assert report.priority_accuracy >= floors.priority, summary


@pytest.mark.parametrize("name", [name for name, floors in sorted(SETS.items()) if floors.held_out])
def test_rules_meet_the_floors_on_the_held_out_part(name):
    folder, (ticket_floor, category_floor) = DATA / name, SETS[name].held_out
    report = evaluate(folder, RULES, [label for label in read_labels(folder) if label.file.startswith(HELD_OUT_PREFIX)])
    assert report.ticket_accuracy >= ticket_floor, report.misses()
    assert report.category_accuracy >= category_floor, report.misses()


def test_no_non_request_becomes_an_urgent_categorised_ticket():
    """The costliest error: junk that lands at the Kadis as an urgent, categorised request.
    (On the first set's tuned part only: its held-out third still has one, see its floor.)"""
    folder = DATA / "requests_blind"
    report = evaluate(folder, RULES, [label for label in read_labels(folder)
                                      if not label.is_ticket and not label.file.startswith(HELD_OUT_PREFIX)])
    bad = [o.label.file for o in report.outcomes
           if o.intent.is_request and o.classification.category and o.classification.priority == "tinggi"]
    assert bad == []


@pytest.fixture
def intake_desk(tmp_path, db_url, clock):
    from mailproc.core.config import load_config
    from mailproc.desk import Desk
    clock.set(NOW)
    config = write_config(tmp_path, db_url, replace={'allowed_domains = ["lampungbaratkab.go.id"]': ADMITTED_DOMAINS})
    return Desk(load_config(config), clock)


@pytest.mark.parametrize("name", [name for name, floors in sorted(SETS.items()) if floors.intake])
def test_whole_intake_meets_the_floors(intake_desk, name):
    """Every mail through Inbound.handle as the ingest door does it: guard (headers), sender
    policy, intent, classifier, ticket. A refusal is a not-ticket; mail from outside the admitted
    domains (vendors, phishing, ISPs) is refused by sender policy."""
    folder, (ticket_floor, category_floor) = DATA / name, SETS[name].intake
    labels = read_labels(folder)
    inbound = Inbound(intake_desk)
    outcomes: dict[str, tuple[str, str | None]] = {}
    for label in labels:
        result = inbound.handle((folder / label.file).read_bytes(), Origin("ingest"))
        category = None
        if result.ticket:
            with intake_desk.sessions() as s:
                category = s.scalar(select(Ticket.category).where(Ticket.code == result.ticket))
        outcomes[label.file] = (result.outcome, category)
        assert result.outcome in ("ticket", "ignored"), (label.file, result)
    ticket_wrong = [f"{lb.file}: {outcomes[lb.file]}" for lb in labels
                    if (outcomes[lb.file][0] == "ticket") != lb.is_ticket]
    requests = [lb for lb in labels if lb.is_ticket]
    category_wrong = [f"{lb.file}: {lb.category} got {outcomes[lb.file]}" for lb in requests
                      if outcomes[lb.file][1] != lb.category]
    assert 1 - len(ticket_wrong) / len(labels) >= ticket_floor, ticket_wrong
    assert 1 - len(category_wrong) / len(requests) >= category_floor, category_wrong
    if name == "requests_blind":   # machine mail is refused on its headers before any wording is read
        for mail in ("read_receipt_mdn_headers", "bounce_user_unknown", "mailing_list_digest"):
            file = next(lb.file for lb in labels if lb.file.removeprefix(HELD_OUT_PREFIX) == f"{mail}.eml")
            assert outcomes[file][0] == "ignored", file


# -- the normalisation and rule features the blind set called for ---------------------------------

def test_normaliser_drops_links_strips_nya_and_applies_several_word_aliases():
    from mailproc.intake.textrules import Normaliser
    n = Normaliser({"ga": "tidak", "plg": "paling", "paling lambat": "tenggat", "tidak urgent": "tidak buru buru"})
    assert n.tokens("Kabelnya putus, ga urgent, plg lambat besok: https://x.id/a?b=1 www.y.id/c?") == \
        ["kabel", "putus", "tidak", "buru", "buru", "tenggat", "besok"]
    assert n.tokens("hanya tanya") == ["hanya", "tanya"], "short words keep their -nya"


def test_priority_rule_scoped_to_categories(tmp_path):
    import shutil
    from mailproc.intake.textrules import RulesError
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    classifier = Classifier.load(rules)
    # "seluruh ruangan" is outage impact for a repair, mere scope for a recommendation
    repair = classifier.classify("Internet mati", "Internet mati di seluruh ruangan sejak pagi, mohon dicek.")
    advice = classifier.classify("Rekomendasi access point",
                                 "Mohon rekomendasi spesifikasi access point untuk seluruh ruangan kantor kami.")
    assert (repair.category, advice.category) == ("1.3", "1.4")
    assert any(h.rule == "impact.whole_office" for h in repair.hits)
    assert not any(h.rule == "impact.whole_office" for h in advice.hits)
    with (rules / "categories.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[rules]]\nid = "scoped.category"\ntarget = "1.3"\ncategories = ["1.3"]\nphrases = ["x"]\n')
    with pytest.raises(RulesError, match=r"scoped\.category.*categories: unknown key"):
        Classifier.load(rules)
    shutil.copy(RULES / "categories.toml", rules / "categories.toml")
    with (rules / "priority.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[rules]]\nid = "scoped.typo"\ntarget = "rendah"\ncategories = ["1.9"]\nphrases = ["x"]\n')
    with pytest.raises(RulesError, match=r"scoped\.typo.*\.categories"):
        Classifier.load(rules)
