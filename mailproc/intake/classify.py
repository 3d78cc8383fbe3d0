"""Rule-based classification of a request into a service category ("Kebutuhan") and a priority.

The rules are data (``rules/categories.toml``, ``rules/priority.toml``) run by the text-rule
engine of ``mailproc.intake.textrules`` (which ``mailproc.intake.intent`` shares).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mailproc.intake.textrules import (ZONE_DEFAULTS, LetterText, Normaliser, RuleHit, RulesError, RuleSet, TokenizedMessage,
                                       ZoneWeights, read_aliases, read_number, read_rules, read_settings, read_toml,
                                       score_rules, tokenize_message)

CATEGORIES_FILE = "categories.toml"
PRIORITY_FILE = "priority.toml"
PRIORITIES = ("tinggi", "sedang", "rendah")

@dataclass(frozen=True)
class Classification:
    category: str | None
    priority: str
    hits: tuple[RuleHit, ...]
    needs_triage: bool
    scores: Mapping[str, float] = field(default_factory=dict, compare=False)
    reason: str = ""


CATEGORY_SETTINGS: dict[str, Any] = {**ZONE_DEFAULTS, "min_score": 2.0, "min_margin": 1.0,
                                     "min_ratio": 1.25}
PRIORITY_SETTINGS: dict[str, Any] = {**ZONE_DEFAULTS, "subject_weight": 1.5, "high_threshold": 4.0,
                                     "low_threshold": -2.0, "default": "sedang"}


class Classifier:
    """Category and priority of a request, from the TOML rules in a rules directory."""

    def __init__(self, categories: Mapping[str, str], normaliser: Normaliser, category_rules: RuleSet,
                 category_settings: Mapping[str, Any], priority_rules: RuleSet,
                 priority_settings: Mapping[str, Any], category_bias: Mapping[str, float]) -> None:
        self.categories = dict(categories)
        self.normaliser = normaliser
        self._category_rules = category_rules
        self._cat = dict(category_settings)
        self._cat_weights = ZoneWeights.from_settings(category_settings)
        self._priority_rules = priority_rules
        self._prio = dict(priority_settings)
        self._prio_weights = ZoneWeights.from_settings(priority_settings)
        self._bias = dict(category_bias)
        self._priority_scope = {rule.id: rule.categories for rule in priority_rules.rules}

    @classmethod
    def load(cls, rules_dir: Path) -> "Classifier":
        rules_dir = Path(rules_dir)
        cpath = rules_dir / CATEGORIES_FILE
        cdata = read_toml(cpath)
        raw_categories = cdata.get("categories")
        if not isinstance(raw_categories, dict) or not raw_categories:
            raise RulesError(f"{cpath}: categories: missing; expected tables like [categories.\"1.3\"]")
        categories: dict[str, str] = {}
        for key, value in raw_categories.items():
            if not isinstance(value, dict) or not isinstance(value.get("name"), str):
                raise RulesError(f"{cpath}: categories.{key}.name: missing or not a string")
            categories[key] = value["name"]
        normaliser = Normaliser(read_aliases(cdata, cpath))
        csettings = read_settings(cdata, cpath, CATEGORY_SETTINGS)
        crules = read_rules(cdata, cpath, categories, normaliser, "category")

        ppath = rules_dir / PRIORITY_FILE
        pdata = read_toml(ppath)
        psettings = read_settings(pdata, ppath, PRIORITY_SETTINGS)
        if psettings["default"] not in PRIORITIES:
            raise RulesError(f"{ppath}: settings.default: must be one of {', '.join(PRIORITIES)}")
        prules = read_rules(pdata, ppath, ("tinggi", "rendah"), normaliser, "priority", categories)
        bias_raw = pdata.get("category_bias", {})
        if not isinstance(bias_raw, dict):
            raise RulesError(f"{ppath}: category_bias: must be a table")
        bias: dict[str, float] = {}
        for key, value in bias_raw.items():
            if key not in categories:
                raise RulesError(f"{ppath}: category_bias.{key}: unknown category "
                                 f"(known: {', '.join(categories)})")
            bias[key] = read_number(value, f"{ppath}: category_bias.{key}")
        return cls(categories, normaliser, RuleSet(crules), csettings, RuleSet(prules), psettings, bias)

    def classify(self, subject: str, text: str, letter: LetterText | None = None) -> Classification:
        message = tokenize_message(subject, text, self.normaliser, letter)
        return self.classify_tokens(message)

    def classify_tokens(self, message: TokenizedMessage) -> Classification:
        cscores, chits = score_rules(self._category_rules, message, self._cat_weights, "category")
        category, reason = self._decide_category(cscores)
        _, phits = score_rules(self._priority_rules, message, self._prio_weights, "priority")
        if category is not None:
            phits = [h for h in phits if self._priority_scope.get(h.rule) is None
                     or category in self._priority_scope[h.rule]]
        value = sum(h.weight if h.target == "tinggi" else -h.weight for h in phits)
        if category is not None and self._bias.get(category):
            bias = self._bias[category]
            value += bias
            phits.append(RuleHit(f"bias.{category}", "priority", "tinggi" if bias > 0 else "rendah",
                                 f"category {category}", abs(bias), "category"))
        if value >= self._prio["high_threshold"]:
            priority = "tinggi"
        elif value <= self._prio["low_threshold"]:
            priority = "rendah"
        else:
            priority = self._prio["default"]
        scores = {k: round(v, 3) for k, v in cscores.items()}
        scores["priority"] = round(value, 3)
        return Classification(category, priority, tuple(chits + phits), category is None, scores, reason)

    def _decide_category(self, scores: Mapping[str, float]) -> tuple[str | None, str]:
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        if not ranked or ranked[0][1] < self._cat["min_score"]:
            top = ranked[0][1] if ranked else 0.0
            return None, f"needs_triage: score {top:.1f} below {self._cat['min_score']:.1f}"
        best, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if top - second < self._cat["min_margin"] or (second > 0 and top / second < self._cat["min_ratio"]):
            return None, f"needs_triage: {best} ({top:.1f}) too close to {ranked[1][0]} ({second:.1f})"
        return best, f"category {best}: score {top:.1f}, next {second:.1f}"

    def explain(self, result: Classification) -> list[str]:
        """Human-readable lines (English, for `mailproc show`) listing the rules that fired."""
        lines = [f"category: {result.category or '-'} ({result.reason}); priority: {result.priority}"]
        for hit in result.hits:
            lines.append(f"  {hit.kind:8} {hit.target:7} {hit.weight:+5.1f}  {hit.rule}  "
                         f"[{hit.zone}] \"{hit.matched}\"")
        return lines
