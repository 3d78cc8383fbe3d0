"""The text-rule engine that classification and intent run on: normalise, split into zones, match rules.

* text is normalised (accents, case, punctuation, links, chat abbreviations via an alias table,
  reduplication "kedip2" -> "kedip", stretched letters "lemooot" -> "lemot", the suffix "-nya" of
  longer words "kabelnya" -> "kabel") and tokenised; rule phrases are normalised the same way;
* a message is split into zones: the subject (plus any "Perihal :" line of a formal letter),
  the newest text, forwarded text and quoted reply text, and an attached letter's Perihal and
  text (weighed like the subject and the newest text); each zone has its own weight;
* a rule is a list of phrases (words; ``word*`` matches a word prefix, a lone ``*`` any one
  word) and/or one regular expression over the normalised text; a rule counts once per zone.

Phrases are looked up through an index on their first word, so the cost per message is close to
one pass over its words whatever the number of rules. The rules themselves are data in ``rules/``.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mailproc.core.config import RulesError as BaseRulesError

ZONE_SUBJECT = "subject"
ZONE_NEWEST = "newest"
ZONE_FORWARDED = "forwarded"
ZONE_QUOTED = "quoted"
ZONE_LETTER_SUBJECT = "letter_subject"   # the attached letter's Perihal
ZONE_LETTER = "letter"                   # the attached letter's text
LETTER_ZONES = (ZONE_LETTER_SUBJECT, ZONE_LETTER)
ZONES = (ZONE_SUBJECT, ZONE_NEWEST, ZONE_FORWARDED, ZONE_QUOTED, *LETTER_ZONES)

MAX_TOKENS_PER_ZONE = 4000  # long forwarded chains: the start carries the request
MAX_CHARS_PER_ZONE = 60_000


class RulesError(BaseRulesError):
    """A problem in categories.toml, priority.toml or intent.toml."""


@dataclass(frozen=True)
class RuleHit:
    rule: str
    kind: str  # "category" | "priority" | "intent"
    target: str
    matched: str
    weight: float  # the contribution to the target's score (rule weight x zone weight)
    zone: str = ZONE_NEWEST


# --------------------------------------------------------------------------- normalisation

_EMAIL = re.compile(r"(?<!\S)[^\s@]{1,64}@[^\s@]{1,255}")  # bounded: no quadratic backtracking
# Links carry no words of the sender's own (and their "?" is no question): dropped before tokenising.
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]{1,15}://|\bwww\.)[^\s<>\"']{1,2000}")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_TOKEN = re.compile(r"[a-z0-9]+|\?")
_REDUPLICATED = re.compile(r"^([a-z]{3,})2$")


@lru_cache(maxsize=64)
def plain_tokens(text: str) -> tuple[str, ...]:
    """The words of a text before any alias: ASCII, lowercase, links and addresses dropped,
    "kedip2" -> "kedip", "kabelnya" -> "kabel". Cached: the intent rules and the classifier read
    the same zones of the same message, each through its own aliases."""
    text = unicodedata.normalize("NFKD", text[:MAX_CHARS_PER_ZONE])
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _STRETCHED.sub(r"\1", _EMAIL.sub(" ", _URL.sub(" ", text)))
    out = []
    for tok in _TOKEN.findall(text):
        m = _REDUPLICATED.match(tok)
        if m:
            tok = m.group(1)
        if len(tok) >= 7 and tok.endswith("nya"):  # "kabelnya", "routernya" -> "kabel", "router"
            tok = tok[:-3]
        out.append(tok)
    return tuple(out)


@dataclass(frozen=True)
class Normaliser:
    """Turns free text into tokens: ASCII, lowercase, aliases applied.

    An alias key is one word ("inet" -> "internet") or several words, matched on the tokens after
    the one-word aliases ("paling lambat" -> "selambatnya": a deadline, not a slow network).
    """

    aliases: Mapping[str, str] = field(default_factory=dict)
    _words: dict[str, str] = field(init=False, repr=False, compare=False)
    _phrases: dict[str, list[tuple[tuple[str, ...], list[str]]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words: dict[str, str] = {}
        phrases: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
        for key, value in self.aliases.items():
            parts = tuple(key.split())
            if len(parts) == 1:
                words[parts[0]] = value
            elif parts:
                phrases.setdefault(parts[0], []).append((parts, value.split()))
        for candidates in phrases.values():
            candidates.sort(key=lambda kv: len(kv[0]), reverse=True)  # longest match first
        object.__setattr__(self, "_words", words)
        object.__setattr__(self, "_phrases", phrases)

    def tokens(self, text: str) -> list[str]:
        out: list[str] = []
        aliases = self._words
        for tok in plain_tokens(text):
            alias = aliases.get(tok)
            if alias is None:
                out.append(tok)
            elif alias:
                out.extend(alias.split())
            if len(out) >= MAX_TOKENS_PER_ZONE:
                break
        return self.replace_phrases(out)

    def replace_phrases(self, tokens: list[str]) -> list[str]:
        """Apply the several-word aliases to a token list."""
        if not self._phrases:
            return tokens
        out: list[str] = []
        i, n = 0, len(tokens)
        while i < n:
            for key, value in self._phrases.get(tokens[i], ()):
                if tuple(tokens[i:i + len(key)]) == key:
                    out.extend(value)
                    i += len(key)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def normalise(self, text: str) -> str:
        return " ".join(self.tokens(text))


# --------------------------------------------------------------------------- zones

# Prefixes that mark a reply (its subject quotes someone else's words) or a forward. Automatic
# answers ("Read:", "Out of Office:") count as replies.
_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(re|aw|sv|vs|bls|balas|r|antw|fw|fwd|tr|trs|wg|rv|pesan terusan|read|dibaca|telah dibaca"
    r"|gelesen|out of office|automatic reply|auto reply|autoreply|balasan otomatis|otomatis|abwesend)"
    r"\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_REPLY_PREFIXES = {"re", "aw", "sv", "vs", "bls", "balas", "r", "antw", "read", "dibaca", "telah dibaca",
                   "gelesen", "out of office", "automatic reply", "auto reply", "autoreply",
                   "balasan otomatis", "otomatis", "abwesend"}
_FORWARD_PREFIXES = {"fw", "fwd", "tr", "trs", "wg", "rv", "pesan terusan"}
_FORWARD_MARK = re.compile(
    r"^[-=_ ]*(?:forwarded message|pesan terusan|pesan yang diteruskan|begin forwarded message"
    r"|mulai pesan yang diteruskan|weitergeleitete nachricht)\s*:?[-=_ ]*$", re.IGNORECASE)
_ORIGINAL_MARK = re.compile(
    r"^[-=_ ]*(?:original message|pesan asli|pesan awal|reply message)[-=_ ]*$", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"(?:wrote|menulis|tulis|schrieb)\s*:\s*$", re.IGNORECASE)
_HEADER_LINE = re.compile(
    r"^(?:from|dari|sent|date|tanggal|dikirim|terkirim|to|kepada|cc|bcc)\s*:", re.IGNORECASE)
_SUBJECT_LINE = re.compile(r"^(?:subject|subjek|perihal|hal)\s*:\s*(.*)$", re.IGNORECASE)
_PERIHAL_LINE = re.compile(r"^\s*(?:perihal|hal)\s*:\s*(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class LetterText:
    """An attached letter, read: its Perihal and its text. It counts like the mail's own words."""
    subject: str
    body: str


@dataclass(frozen=True)
class Zones:
    subject: str
    newest: str
    forwarded: str
    quoted: str
    is_reply: bool
    is_forward: bool
    letter_subject: str = ""
    letter: str = ""

    def texts(self) -> dict[str, str]:
        return {ZONE_SUBJECT: self.subject, ZONE_NEWEST: self.newest,
                ZONE_FORWARDED: self.forwarded, ZONE_QUOTED: self.quoted,
                ZONE_LETTER_SUBJECT: self.letter_subject, ZONE_LETTER: self.letter}


# The first line of a legal footer ("DISCLAIMER: Informasi dalam email ini bersifat rahasia ...
# Jika Anda menerima email ini karena kesalahan, mohon ..."): its paragraph is nobody's words about
# this message, and its "mohon" and "anda menerima email ini" would otherwise be read.
_DISCLAIMER = re.compile(
    r"^[*_\-\s\[]*(?:disclaimer|confidentiality notice|legal notice|(?:catatan |pernyataan |pemberitahuan )?kerahasiaan)\b"
    r"|^(?:(?:perhatian|penting|notice|important|note)\s*:\s*)?(?:informasi|isi|email|e-mail|surel|pesan)\b.{0,80}"
    r"\b(?:bersifat rahasia|rahasia dan|confidential|ditujukan hanya|hanya ditujukan)"
    r"|^(?:(?:notice|important|note)\s*:\s*)?this (?:e-?mail|message)\b.{0,80}\b(?:confidential|intended (?:only|solely))"
    r"|^the information (?:contained )?in this (?:e-?mail|message)"
    r"|^(?:jika|apabila) anda bukan penerima|^think before you print|^please consider the environment",
    re.IGNORECASE)


def split_zones(subject: str, text: str, letter: LetterText | None = None) -> Zones:
    """Split a message into subject, newest text, forwarded text and quoted reply text (and the
    attached letter's Perihal and text)."""
    subject = subject or ""
    prefixes = _SUBJECT_PREFIX.match(subject)
    is_reply = is_forward = False
    if prefixes:  # kept in the text: "re", "fwd" match no rule, "read:" or "out of office:" may
        for word in re.findall(r"[a-z ]+(?=\s*(?:\[\d+\])?\s*:)", prefixes.group(0).lower()):
            word = word.strip()
            if word in _REPLY_PREFIXES:
                is_reply = True
            elif word in _FORWARD_PREFIXES:
                is_forward = True
    subject_parts = [subject]
    parts: dict[str, list[str]] = {ZONE_NEWEST: [], ZONE_FORWARDED: [], ZONE_QUOTED: []}
    state = ZONE_NEWEST
    lines = (text or "").splitlines()
    footer = False
    for index, raw in enumerate(lines):
        line = raw.strip()
        if footer or (line and _DISCLAIMER.match(line.lstrip("> "))):
            footer = bool(line)   # to the end of the footer's paragraph
            continue
        if _FORWARD_MARK.match(line):
            state = ZONE_FORWARDED if state != ZONE_QUOTED else ZONE_QUOTED
            is_forward = is_forward or state == ZONE_FORWARDED
            continue
        if _ORIGINAL_MARK.match(line) or (
                state == ZONE_NEWEST and _ATTRIBUTION.search(line) and len(line) < 300) or (
                _HEADER_LINE.match(line) and line.lower().startswith(("from:", "dari:"))
                and index + 1 < len(lines) and _HEADER_LINE.match(lines[index + 1].strip())):
            if state == ZONE_NEWEST:
                state = ZONE_FORWARDED if is_forward else ZONE_QUOTED
            if not _HEADER_LINE.match(line):
                continue
        if line.startswith(">"):
            parts[ZONE_QUOTED].append(line.lstrip("> "))
            continue
        if state != ZONE_NEWEST:
            if _HEADER_LINE.match(line):
                continue
            m = _SUBJECT_LINE.match(line)
            if m:
                line = m.group(1)
        elif (m := _PERIHAL_LINE.match(line)):
            subject_parts.append(m.group(1))
        elif _HEADER_LINE.match(line) or _SUBJECT_LINE.match(line):
            # "To: ... / Subject: ..." in the newest text quotes another message (read receipts)
            parts[ZONE_QUOTED].append(line)
            continue
        parts[state].append(line)
    return Zones(subject="\n".join(subject_parts), newest="\n".join(parts[ZONE_NEWEST]),
                 forwarded="\n".join(parts[ZONE_FORWARDED]), quoted="\n".join(parts[ZONE_QUOTED]),
                 is_reply=is_reply, is_forward=is_forward,
                 letter_subject=letter.subject if letter else "", letter=letter.body if letter else "")


# --------------------------------------------------------------------------- rules

@dataclass(frozen=True)
class Rule:
    id: str
    target: str
    weight: float
    phrases: tuple[tuple[str, ...], ...]
    regex: re.Pattern[str] | None
    max_words: int | None = None
    zones: frozenset[str] | None = None
    categories: frozenset[str] | None = None  # priority rules: only for requests of these categories


@dataclass(frozen=True)
class ZoneMatch:
    rule: Rule
    zone: str
    matched: str


class RuleSet:
    """A compiled list of rules, matched against token lists."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self._exact: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self._prefix: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
        self._regex_rules = [i for i, rule in enumerate(self.rules) if rule.regex is not None]
        for index, rule in enumerate(self.rules):
            for phrase in rule.phrases:
                first = phrase[0]
                if first.endswith("*"):
                    stem = first[:-1]
                    self._prefix.setdefault(stem[:3], []).append((stem, index, phrase))
                else:
                    self._exact.setdefault(first, []).append((index, phrase))

    @staticmethod
    def _phrase_at(tokens: list[str], start: int, phrase: tuple[str, ...]) -> bool:
        if start + len(phrase) > len(tokens):
            return False
        for offset in range(1, len(phrase)):
            word, tok = phrase[offset], tokens[start + offset]
            if word == "*":
                continue
            if word.endswith("*"):
                if not tok.startswith(word[:-1]):
                    return False
            elif tok != word:
                return False
        return True

    def match(self, tokens: list[str], zone: str, newest_words: int) -> list[ZoneMatch]:
        found: dict[int, str] = {}
        rules = self.rules
        exact, prefix = self._exact, self._prefix
        for i, tok in enumerate(tokens):
            candidates = exact.get(tok)
            if candidates:
                for index, phrase in candidates:
                    if index not in found and self._phrase_at(tokens, i, phrase):
                        found[index] = " ".join(tokens[i:i + len(phrase)])
            pcands = prefix.get(tok[:3])
            if pcands:
                for stem, index, phrase in pcands:
                    if index not in found and tok.startswith(stem) and self._phrase_at(tokens, i, phrase):
                        found[index] = " ".join(tokens[i:i + len(phrase)])
        if self._regex_rules:
            joined = " ".join(tokens)
            for index in self._regex_rules:
                if index not in found:
                    m = rules[index].regex.search(joined)  # type: ignore[union-attr]
                    if m:
                        found[index] = m.group(0)
        out = []
        for index in sorted(found):
            rule = rules[index]
            if rule.zones is not None and zone not in rule.zones:
                continue
            if rule.max_words is not None and newest_words > rule.max_words:
                continue
            out.append(ZoneMatch(rule, zone, found[index]))
        return out


# --------------------------------------------------------------------------- loading helpers

def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise RulesError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: not valid TOML: {exc}") from None


def read_normaliser(data: Mapping[str, Any], path: Path) -> Normaliser:
    """The normaliser of a rules file: the aliases of the file its ``aliases_from`` names (in the
    same folder), then its own."""
    aliases: dict[str, str] = {}
    source = data.get("aliases_from")
    if source is not None:
        if not isinstance(source, str):
            raise RulesError(f"{path}: aliases_from: must be a file name")
        other = path.parent / source
        aliases.update(read_aliases(read_toml(other), other))
    aliases.update(read_aliases(data, path))
    return Normaliser(aliases)


def read_number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RulesError(f"{where}: must be a number, got {value!r}")
    return float(value)


def read_settings(data: Mapping[str, Any], path: Path, defaults: Mapping[str, Any]) -> dict[str, Any]:
    raw = data.get("settings", {})
    if not isinstance(raw, dict):
        raise RulesError(f"{path}: settings: must be a table")
    unknown = set(raw) - set(defaults)
    if unknown:
        raise RulesError(f"{path}: settings.{sorted(unknown)[0]}: unknown setting "
                         f"(known: {', '.join(sorted(defaults))})")
    out = dict(defaults)
    for key, default in defaults.items():
        if key in raw:
            value = raw[key]
            if isinstance(default, (int, float)) and not isinstance(default, bool):
                value = read_number(value, f"{path}: settings.{key}")
            elif not isinstance(value, type(default)):
                raise RulesError(f"{path}: settings.{key}: must be a {type(default).__name__}")
            out[key] = value
    return out


def read_aliases(data: Mapping[str, Any], path: Path) -> dict[str, str]:
    raw = data.get("aliases", {})
    if not isinstance(raw, dict):
        raise RulesError(f"{path}: aliases: must be a table of word = \"replacement\"")
    aliases: dict[str, str] = {}
    for word, replacement in raw.items():
        if not isinstance(replacement, str):
            raise RulesError(f"{path}: aliases.{word}: must be a string")
        if not re.fullmatch(r"[a-z0-9]+(?: [a-z0-9]+)*", word):
            raise RulesError(f"{path}: aliases.{word}: an alias must be one lowercase word, or several "
                             "separated by single spaces")
        aliases[word] = " ".join(_TOKEN.findall(replacement.lower()))
    return aliases


def _parse_phrase(text: str, where: str, normaliser: Normaliser) -> tuple[str, ...]:
    words: list[str] = []
    for raw in text.lower().split():
        if raw == "*":
            words.append("*")
            continue
        star = raw.endswith("*")
        body = raw[:-1] if star else raw
        toks = normaliser.tokens(body)
        if not toks or ("*" in body):
            raise RulesError(f"{where}: cannot use {raw!r} in a phrase (words, 'word*' or '*')")
        if star:
            if len(toks) != 1 or len(toks[0]) < 3:
                raise RulesError(f"{where}: prefix {raw!r} needs at least 3 letters before '*'")
            words.append(toks[0] + "*")
        else:
            words.extend(toks)
    words = normaliser.replace_phrases(words)  # "tidak mendesak" is written as its alias would read it
    if not words or words[0] == "*":
        raise RulesError(f"{where}: a phrase must start with a word, got {text!r}")
    return tuple(words)


def read_rules(data: Mapping[str, Any], path: Path, targets: Iterable[str], normaliser: Normaliser,
               target_label: str = "target", categories: Iterable[str] | None = None) -> list[Rule]:
    """The [[rules]] of a rules file. With ``categories`` (the priority file), a rule may carry
    ``categories = [...]``: it then counts only for requests classified into one of them (or not
    classified at all)."""
    known_categories = set(categories) if categories is not None else None
    allowed = set(targets)
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise RulesError(f"{path}: rules: must be an array of tables ([[rules]])")
    rules: list[Rule] = []
    seen: set[str] = set()
    for n, raw in enumerate(raw_rules):
        where = f"{path}: rules[{n}]"
        if not isinstance(raw, dict):
            raise RulesError(f"{where}: must be a table")
        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not rule_id:
            raise RulesError(f"{where}.id: missing or not a string")
        where = f"{path}: rules[{n}] (id {rule_id!r})"
        if rule_id in seen:
            raise RulesError(f"{where}.id: duplicate rule id")
        seen.add(rule_id)
        keys = {"id", "target", "weight", "phrases", "regex", "max_words", "zones", "note"}
        unknown = set(raw) - (keys | {"categories"} if known_categories is not None else keys)
        if unknown:
            raise RulesError(f"{where}.{sorted(unknown)[0]}: unknown key")
        target = raw.get("target")
        if target not in allowed:
            raise RulesError(f"{where}.target: unknown {target_label} {target!r} "
                             f"(known: {', '.join(sorted(allowed))})")
        weight = read_number(raw.get("weight", 1.0), f"{where}.weight")
        phrases_raw = raw.get("phrases", [])
        if not isinstance(phrases_raw, list) or not all(isinstance(p, str) for p in phrases_raw):
            raise RulesError(f"{where}.phrases: must be a list of strings")
        phrases = tuple(_parse_phrase(p, f"{where}.phrases", normaliser) for p in phrases_raw)
        regex = None
        if "regex" in raw:
            if not isinstance(raw["regex"], str):
                raise RulesError(f"{where}.regex: must be a string")
            try:
                regex = re.compile(raw["regex"])
            except re.error as exc:
                raise RulesError(f"{where}.regex: invalid regular expression: {exc}") from None
        if not phrases and regex is None:
            raise RulesError(f"{where}: needs phrases or regex")
        max_words = raw.get("max_words")
        if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
            raise RulesError(f"{where}.max_words: must be a positive integer")
        zones = raw.get("zones")
        if zones is not None:
            if not isinstance(zones, list) or not set(zones) <= set(ZONES) or not zones:
                raise RulesError(f"{where}.zones: must be a list drawn from {', '.join(ZONES)}")
            zones = frozenset(zones)
        only = raw.get("categories")
        if only is not None:
            if not isinstance(only, list) or not only or not set(only) <= known_categories:  # type: ignore[operator]
                raise RulesError(f"{where}.categories: must be a list drawn from "
                                 f"{', '.join(sorted(known_categories or ()))}")
            only = frozenset(only)
        rules.append(Rule(rule_id, target, weight, phrases, regex, max_words, zones, only))
    return rules


@dataclass(frozen=True)
class ZoneWeights:
    subject: float
    reply_subject: float
    newest: float
    forwarded: float
    quoted: float

    def for_zone(self, zone: str, zones: Zones) -> float:
        if zone == ZONE_SUBJECT:
            return self.reply_subject if zones.is_reply else self.subject
        return {ZONE_NEWEST: self.newest, ZONE_FORWARDED: self.forwarded, ZONE_QUOTED: self.quoted,
                ZONE_LETTER_SUBJECT: self.subject, ZONE_LETTER: self.newest}[zone]

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> "ZoneWeights":
        return cls(settings["subject_weight"], settings["reply_subject_weight"],
                   settings["newest_weight"], settings["forwarded_weight"], settings["quoted_weight"])


ZONE_DEFAULTS: dict[str, Any] = {"subject_weight": 2.0, "reply_subject_weight": 1.0, "newest_weight": 1.0,
                                 "forwarded_weight": 0.8, "quoted_weight": 0.4}


@dataclass(frozen=True)
class TokenizedMessage:
    zones: Zones
    tokens: Mapping[str, list[str]]

    @property
    def newest_words(self) -> int:
        """Words of the newest text and the attached letter: "terima kasih" above a letter is no
        bare thank-you."""
        return sum(1 for zone in (ZONE_NEWEST, ZONE_LETTER) for t in self.tokens[zone] if t != "?")


def tokenize_message(subject: str, text: str, normaliser: Normaliser,
                     letter: LetterText | None = None) -> TokenizedMessage:
    zones = split_zones(subject, text, letter)
    return TokenizedMessage(zones, {zone: normaliser.tokens(body) for zone, body in zones.texts().items()})


def score_rules(ruleset: RuleSet, message: TokenizedMessage, weights: ZoneWeights,
                kind: str) -> tuple[dict[str, float], list[RuleHit]]:
    """Run a rule set over every zone; return the score per target and the hits."""
    scores: dict[str, float] = {}
    hits: list[RuleHit] = []
    newest_words = message.newest_words
    for zone in ZONES:
        tokens = message.tokens[zone]
        factor = weights.for_zone(zone, message.zones)
        if not tokens or factor == 0:
            continue
        for zm in ruleset.match(tokens, zone, newest_words):
            contribution = round(zm.rule.weight * factor, 3)
            scores[zm.rule.target] = scores.get(zm.rule.target, 0.0) + contribution
            hits.append(RuleHit(zm.rule.id, kind, zm.rule.target, zm.matched, contribution, zone))
    return scores, hits


# --------------------------------------------------------------------------- the classifier
