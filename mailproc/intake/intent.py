"""Is a message a request at all? Thank-yous, read receipts, out-of-office notes without proper
headers, invitations, newsletters, vendor offers, spam and bare acknowledgements are not tickets.

Rules live in ``rules/intent.toml`` and use the phrase engine of ``mailproc.intake.classify``. Every rule
scores either the request side ("ask": the sender asks for something; "problem": the sender
reports a network problem, which is a request even without "mohon") or one not-a-request reason.
The not-a-request scores are added up; the message is not a request when that sum reaches
``min_not_request`` and beats the request score by ``margin`` (the reason given is the best
scoring one); with no signal at all, ``default_is_request`` decides.

The newest typed text weighs more than what it quotes or forwards:

* a *decisive* not-request target (``decisive = true``, e.g. a withdrawn request: "mohon
  dibatalkan, sudah beres sendiri") wins when its score in the newest text and subject alone
  reaches ``min_not_request``, whatever the request words: a cancellation names what it cancels;
* in a forward whose newest text asks (request score there >= ``forward_ask_min``), what the
  forwarded mail itself is (a vendor offer, a newsletter, an invitation: not-request evidence in the
  forwarded text or the forwarded subject) does not count: the forwarder's words decide.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mailproc.intake.textrules import (
    LETTER_ZONES,
    ZONE_DEFAULTS,
    ZONE_FORWARDED,
    ZONE_NEWEST,
    ZONE_SUBJECT,
    LetterText,
    Normaliser,
    RuleHit,
    RulesError,
    RuleSet,
    ZoneWeights,
    read_normaliser,
    read_rules,
    read_settings,
    read_toml,
    score_rules,
    tokenize_message,
)

INTENT_FILE = "intent.toml"
OWN_ZONES = (ZONE_NEWEST, ZONE_SUBJECT, *LETTER_ZONES)   # the sender's own words, the letter included
REQUEST = "request"
NOT_REQUEST = "not_request"

INTENT_SETTINGS: dict[str, Any] = {**ZONE_DEFAULTS, "subject_weight": 1.0, "reply_subject_weight": 0.3,
                                   "quoted_weight": 0.2, "min_not_request": 2.0, "margin": 0.0,
                                   "forward_ask_min": 3.0, "default_is_request": True}


@dataclass(frozen=True)
class Intent:
    is_request: bool
    reason: str  # "<code>: <phrase>", e.g. "not_a_request: thank-you"
    hits: tuple[RuleHit, ...]


@dataclass(frozen=True)
class IntentTarget:
    key: str
    side: str  # REQUEST | NOT_REQUEST
    label: str
    decisive: bool = False  # not-request only: the newest text alone decides


class IntentDetector:
    def __init__(self, normaliser: Normaliser, rules: RuleSet, targets: Mapping[str, IntentTarget],
                 settings: Mapping[str, Any]) -> None:
        self.normaliser = normaliser
        self._rules = rules
        self._targets = dict(targets)
        self._settings = dict(settings)
        self._weights = ZoneWeights.from_settings(settings)

    @classmethod
    def load(cls, rules_dir: Path) -> "IntentDetector":
        path = Path(rules_dir) / INTENT_FILE
        data = read_toml(path)
        normaliser = read_normaliser(data, path)
        settings = read_settings(data, path, INTENT_SETTINGS)
        raw_targets = data.get("targets")
        if not isinstance(raw_targets, dict) or not raw_targets:
            raise RulesError(f"{path}: targets: missing; expected tables like [targets.thank-you]")
        targets: dict[str, IntentTarget] = {}
        for key, raw in raw_targets.items():
            if not isinstance(raw, dict):
                raise RulesError(f"{path}: targets.{key}: must be a table")
            side = raw.get("side")
            if side not in (REQUEST, NOT_REQUEST):
                raise RulesError(f"{path}: targets.{key}.side: must be \"{REQUEST}\" or \"{NOT_REQUEST}\"")
            label = raw.get("label", key)
            if not isinstance(label, str):
                raise RulesError(f"{path}: targets.{key}.label: must be a string")
            decisive = raw.get("decisive", False)
            if not isinstance(decisive, bool) or (decisive and side != NOT_REQUEST):
                raise RulesError(f"{path}: targets.{key}.decisive: must be true or false, and only on a "
                                 f"\"{NOT_REQUEST}\" target")
            unknown = set(raw) - {"side", "label", "decisive"}
            if unknown:
                raise RulesError(f"{path}: targets.{key}.{sorted(unknown)[0]}: unknown key")
            targets[key] = IntentTarget(key, side, label, decisive)
        if not any(t.side == REQUEST for t in targets.values()):
            raise RulesError(f"{path}: targets: needs at least one target with side = \"{REQUEST}\"")
        rules = read_rules(data, path, targets, normaliser, "intent target")
        return cls(normaliser, RuleSet(rules), targets, settings)

    def _side(self, hit: RuleHit) -> str:
        return self._targets[hit.target].side

    def detect(self, subject: str, text: str, letter: LetterText | None = None) -> Intent:
        message = tokenize_message(subject, text, self.normaliser, letter)
        _, all_hits = score_rules(self._rules, message, self._weights, "intent")
        hits = list(all_hits)
        zones = message.zones
        newest_ask = sum(h.weight for h in hits if h.zone == ZONE_NEWEST and self._side(h) == REQUEST)
        if zones.is_forward and not zones.is_reply and newest_ask >= self._settings["forward_ask_min"]:
            hits = [h for h in hits if not (self._side(h) == NOT_REQUEST and h.zone in (ZONE_FORWARDED, ZONE_SUBJECT))]
        scores: dict[str, float] = {}
        for h in hits:
            scores[h.target] = scores.get(h.target, 0.0) + h.weight
        for key, target in self._targets.items():
            if target.decisive:
                own = sum(h.weight for h in hits if h.target == key and h.zone in OWN_ZONES)
                if own >= self._settings["min_not_request"]:
                    return Intent(False, f"not_a_request: {target.label}", tuple(all_hits))
        request_score = sum(v for k, v in scores.items() if self._targets[k].side == REQUEST)
        reasons = sorted(((v, k) for k, v in scores.items() if self._targets[k].side == NOT_REQUEST),
                         reverse=True)
        if reasons:
            not_request_score = sum(v for v, _ in reasons)
            best = reasons[0][1]
            if not_request_score >= self._settings["min_not_request"] and \
                    not_request_score > request_score + self._settings["margin"]:
                return Intent(False, f"not_a_request: {self._targets[best].label}", tuple(all_hits))
        if request_score > 0:
            top = max((k for k in scores if self._targets[k].side == REQUEST), key=lambda k: scores[k])
            return Intent(True, f"request: {self._targets[top].label}", tuple(all_hits))
        if self._settings["default_is_request"]:
            return Intent(True, "request: no clear signal either way", tuple(all_hits))
        return Intent(False, "not_a_request: asks for nothing", tuple(all_hits))
