"""Read the decision an official typed in a reply, with the keyword grammar of rules/keywords.toml.

``KeywordGrammar.read`` takes only the typed text (see :func:`mailproc.chain.replies.extract_reply`) and
the workflow step, and returns a :class:`Decision`. Precedence, strongest first:

* kadis / kabid: reject > hold > negated approval ("tidak setuju": a rejection) > resume (while on
  hold) > approve. A TUGASKAN from them is read as an approval (officers are passed along).
* prakom: the same, but an assignment beats an approval ("Setuju, TUGASKAN Rahmat" assigns); officer
  names without TUGASKAN also assign; a bare approval is ``needs_assignee``.
* officer: a report (SELESAI and/or the Berita Acara fields) > reject > hold; words inside the
  field values are values, never decisions.
* pj: reopen ("BELUM SELESAI ...", "masih belum bisa ...", or a rejection) > rating ("NILAI 4 ...",
  "4/5") > acknowledged.

A negated approval followed by a deferral word ("jangan diproses dulu") is a hold, and while on
hold a negated resume ("belum bisa dilanjutkan") keeps the hold. Words in a question ("Lanjut ke
mana?"), inside a neutral phrase ("info lebih lanjut") or repeating the first half of a
reduplication ("ditunda-tunda") decide nothing. An officer named with a busy word after the name
("Rahmat sudah pegang 3 tiket", "Siti sedang cuti") is not assigned.

An acknowledgement alone ("Siap", "Terima kasih") is ``acknowledged``; nothing readable is
``unclear``. A negation ("tidak", "belum dapat", "jangan", "not") turns around the phrase it stands
before in the same clause. Signatures (closing line, name, position, NIP) and an unquoted copy of
our own request are not read.

Assignment: ``kind == "assign"`` whenever an assignment was asked for and at least one name was
given. ``officers`` holds the resolved officers, ``unknown_officers`` the names that match no
officer (or more than one). The caller must not act on an assignment with ``unknown_officers``
set: it answers listing the valid officers. An assignment phrase with no name at all is
``needs_assignee``.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mailproc.core.config import ConfigError, Person
from mailproc.chain.replies import is_nip_line, looks_like_signature_line

__all__ = ["Decision", "KeywordGrammar", "STEPS", "KINDS", "REPORT_FIELDS"]

STEPS = ("kadis", "kabid", "prakom", "officer", "pj")
KINDS = ("approve", "reject", "hold", "resume", "assign", "done", "reopen", "rate", "needs_assignee",
         "acknowledged", "unclear")
REPORT_FIELDS = ("work_summary", "problem_summary", "solution", "location")
KEYWORDS_FILE = "keywords.toml"

_WORD = re.compile(r"[^\W_]+")
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\n]|\b(?:tapi|tetapi|namun|but|however)\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NIP = re.compile(r"(?<!\d)\d{8}\s?\d{6}\s?\d\s?\d{3}(?!\d)")
_EMPTY_VALUE = re.compile(r"^[\s.\-–_…*]*$")
_LEADING_JUNK = re.compile(r"^[\s,.;:!?\-–—>=*]+")
_BUSY = "\x00busy"   # _resolve: a named officer said to be busy or away
# "Tugaskan: 1. Rahmat 2. Siti": an enumerator inside a line separates assignees like a new line does
_INLINE_ENUMERATOR = re.compile(r"(?:^|(?<=\S)\s+)\(?\d{1,2}[.)]\s+(?=[^\W\d_])")
# "⭐⭐⭐⭐⭐", "★★★★☆": a rating drawn in stars (filled ones count); one star alone is decoration
_STARS = re.compile(r"(?:(?:\u2b50|\U0001f31f|\u2605)\ufe0f?\s?|\u2606\s?){2,10}")
_FILLED_STAR = re.compile(r"\u2b50|\U0001f31f|\u2605")
# a reply that is only a number ("5", "4.", "5!"): a rating when it fits the scale
_BARE_NUMBER = re.compile(r"\W*(\d{1,2})\W*")
_LEADING_NUMBER = re.compile(r"\W*(\d{1,2}|[^\W\d_]{3,6})\s*[.!]+(?:\s+|$)")
_RATING_OF = re.compile(r"(?<![\d/.,])([0-9])\s*(?:/|dari|out\s+of)\s*([0-9]{1,2})(?![\d/])", re.IGNORECASE)


@dataclass(frozen=True)
class Decision:
    kind: str
    reason: str = ""
    officers: tuple[Person, ...] = ()
    unknown_officers: tuple[str, ...] = ()
    report: dict[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    rating: int | None = None
    evidence: str = ""


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class _Hit:
    category: str
    line: int
    first: int  # token index
    last: int   # token index, exclusive
    start: int  # character offsets in the line
    end: int
    negated: bool = False


@dataclass
class _Line:
    text: str
    tokens: list[tuple[str, int, int]]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _phrase(text: str) -> Phrase:
    return tuple(token for token, _, _ in _tokens(text))


def _starts_at(words: Sequence[str], index: int, phrase: Phrase) -> bool:
    return tuple(words[index:index + len(phrase)]) == phrase


def _compact(text: str) -> str:
    return re.sub(r"[^\w]", "", text.casefold())


class KeywordGrammar:
    """The reply keyword grammar, loaded from ``rules/keywords.toml``."""

    def __init__(self, data: dict, source: str = KEYWORDS_FILE) -> None:
        self.source = source
        get = _Reader(data, source)
        self.phrases: dict[str, tuple[Phrase, ...]] = {
            name: get.phrases(name, "phrases")
            for name in ("approve", "reject", "hold", "resume", "assign", "done", "reopen", "rate", "acknowledge")
        }
        self.negations = get.phrases("negation", "words")
        self._acks_longest_first = sorted(self.phrases["acknowledge"], key=len, reverse=True)
        # phrases that contain a keyword but decide nothing ("info lebih lanjut"): they hide the keyword
        self.phrases["neutral"] = get.optional_phrases("neutral", "phrases")
        # "jangan diproses DULU": a negated approval followed by one of these is a hold, not a rejection
        self.deferrals = frozenset(t for p in get.optional_phrases("hold", "deferrals") for t in p)
        # "estimasi SELESAI sore ini": a done phrase after one of these looks ahead, it reports nothing
        self.prospective = frozenset(t for p in get.optional_phrases("done", "prospective") for t in p)
        self.prospective_after = get.optional_phrases("done", "prospective_after")
        # "Rahmat SUDAH pegang 3 tiket", "Siti SEDANG cuti": a name followed by these is not an assignee
        self.busy_words = frozenset(_compact(w) for w in get.optional_strings("assign", "busy_words"))
        lead = get.optional_strings("assign", "lead_words") or ("kepada", "ke", "to")
        self._lead_re = re.compile(r"^\s*(?:(?:" + "|".join(re.escape(w) for w in lead) + r")\b|:)\s*[:\-]?", re.IGNORECASE)
        self.gap_words = frozenset(token for phrase in get.phrases("negation", "gap_words") for token in phrase)
        self.max_gap = get.integer("negation", "max_gap", 0, 10)
        self.honorifics = frozenset(_compact(w) for w in get.strings("assign", "honorifics"))
        self.degrees = frozenset(_compact(w) for w in get.strings("assign", "degrees"))
        self.stop_words = frozenset(_compact(w) for w in get.strings("assign", "stop_words"))
        joiners = get.strings("assign", "joiners")
        words = "|".join(re.escape(j) for j in joiners if j[:1].isalnum())
        self._joiner_re = re.compile(
            r"\s*[,;/\n]\s*" + (rf"(?:(?:{words})\s+)?" if words else "") + "|" + "|".join(
                rf"\s+{re.escape(j)}\s+" if j[:1].isalnum() else rf"\s*{re.escape(j)}\s*" for j in joiners
            ),
            re.IGNORECASE,
        )
        fields_table = get.table("done", "fields")
        unknown = set(fields_table) - set(REPORT_FIELDS)
        missing = set(REPORT_FIELDS) - set(fields_table)
        if unknown or missing:
            raise ConfigError(f"{source}: [done.fields] must have exactly the keys {', '.join(REPORT_FIELDS)}"
                              f" (unknown: {sorted(unknown)}, missing: {sorted(missing)})")
        self.field_labels = {key: get.strings("done.fields", key, table=fields_table) for key in REPORT_FIELDS}
        self.rate_min = get.integer("rate", "min", 0, 100)
        self.rate_max = get.integer("rate", "max", self.rate_min, 100)
        words = get.table("rate", "number_words")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in words.values()):
            raise ConfigError(f"{source}: [rate] number_words: every value must be an integer")
        self.number_words = {_compact(k): v for k, v in words.items()}
        satisfaction = get.optional_table("rate", "satisfaction")
        if not all(isinstance(v, int) and not isinstance(v, bool) and self.rate_min <= v <= self.rate_max
                   for v in satisfaction.values()):
            raise ConfigError(f"{source}: [rate] satisfaction: every value must be an integer from "
                              f"{self.rate_min} to {self.rate_max}")
        if not all(_phrase(k) for k in satisfaction):
            raise ConfigError(f"{source}: [rate] satisfaction: every key must hold a word")
        # longest first: "sangat tidak puas" before "tidak puas" before "puas"
        self.satisfaction = sorted(((_phrase(k), v) for k, v in satisfaction.items()), key=lambda kv: -len(kv[0]))
        self.markers = tuple(m.casefold() for m in get.strings("quoted_request", "markers"))
        self.closings = get.phrases("signature", "closings")
        self._label_re = self._build_label_re()
        self._index = self._build_index()

    @classmethod
    def load(cls, rules_dir: Path) -> "KeywordGrammar":
        path = Path(rules_dir) / KEYWORDS_FILE
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            raise ConfigError(f"{path}: file not found") from None
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: not valid TOML: {error}") from None
        return cls(data, str(path))

    # ------------------------------------------------------------------ set-up

    def _build_index(self) -> dict[str, list[tuple[str, Phrase]]]:
        index: dict[str, list[tuple[str, Phrase]]] = {}
        for category, phrases in self.phrases.items():
            for phrase in phrases:
                index.setdefault(phrase[0], []).append((category, phrase))
        for entries in index.values():
            entries.sort(key=lambda entry: -len(entry[1]))
        return index

    def _build_label_re(self) -> re.Pattern[str]:
        alternatives = []
        for key, labels in self.field_labels.items():
            for position, label in enumerate(labels):
                words = r"\s+".join(re.escape(word) for word in label.split())
                alternatives.append((len(label), key, position == 0, words))
        alternatives.sort(key=lambda item: -item[0])
        self._label_info: dict[str, tuple[str, bool]] = {}
        groups = []
        for number, (_, key, full, words) in enumerate(alternatives):
            name = f"l{number}"
            self._label_info[name] = (key, full)
            groups.append(f"(?P<{name}>{words})")
        return re.compile(
            r"(?P<lead>^[ \t]*(?:[-*•>]+\s*|\d{1,2}[.)]\s*)?[*_]*|(?<=[\s.;,]))(?:" + "|".join(groups)
            + r")(?![^\W_])[*_]*[ \t]*(?P<colon>[:=：]|[-–](?=\s))?",
            re.IGNORECASE | re.MULTILINE,
        )

    # ------------------------------------------------------------------ reading

    def read(self, typed_text: str, step: str, *, officers: Sequence[Person] = (),
             on_hold: bool = False) -> Decision:
        if step not in STEPS:
            raise ValueError(f"unknown step {step!r}; expected one of {', '.join(STEPS)}")
        lines = self._region(typed_text or "")
        report: dict[str, str] = {}
        found_fields = False
        if step == "officer":
            lines, report, found_fields = self._split_report(lines)
        hits = self._hits(lines)
        if step == "kadis" or step == "kabid":
            return self._read_disposer(lines, hits, officers, on_hold)
        if step == "prakom":
            return self._read_prakom(lines, hits, officers, on_hold)
        if step == "officer":
            return self._read_officer(lines, hits, report, found_fields, on_hold)
        return self._read_pj(lines, hits)

    def _region(self, text: str) -> list[_Line]:
        raw = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        kept: list[str] = []
        for line in raw:
            folded = line.casefold()
            if any(marker in folded for marker in self.markers):
                break
            kept.append(line)
        # signature: a closing line and what follows it, and name/position lines above a NIP line
        for index, line in enumerate(kept):
            if index > 0 and self._is_closing(line):
                kept = kept[:index]
                break
        masked = list(kept)
        for index, line in enumerate(kept):
            if is_nip_line(line):
                masked[index] = ""
                up = index - 1
                while up >= 1 and kept[up] and looks_like_signature_line(kept[up]) and index - up <= 3:
                    masked[up] = ""
                    up -= 1
        # a trailing paragraph of name/position lines ("Agus Setiawan / Pranata Komputer") with no closing line
        end = len(masked)
        while end > 0 and not masked[end - 1]:
            end -= 1
        start = end
        while start > 0 and masked[start - 1]:
            start -= 1
        block = masked[start:end]
        if start > 0 and block and all(looks_like_signature_line(line) for line in block) and (
                len(block) >= 2 or re.search(r"\b(?:kepala|pranata|kabid|kadis|plt|plh)\b", block[0], re.IGNORECASE)):
            masked[start:end] = [""] * len(block)
        return [_Line(line, _tokens(line)) for line in masked]

    def _is_closing(self, line: str) -> bool:
        phrase = _phrase(line)
        return bool(phrase) and len(line) <= 40 and any(phrase == closing for closing in self.closings)

    def _split_report(self, lines: list[_Line]) -> tuple[list[_Line], dict[str, str], bool]:
        text = "\n".join(line.text for line in lines)
        labels = []
        for match in self._label_re.finditer(text):
            # the label's own group ("l0", "l1", ...), not "lead" (a "1. " or "- " before a numbered label)
            name = next(key for key, value in match.groupdict().items() if value and key in self._label_info)
            key, full = self._label_info[name]
            at_line_start = match.group("lead") is not None and (match.start() == 0 or text[match.start() - 1] == "\n")
            if not match.group("colon") and not (full and at_line_start):
                continue
            labels.append((match.start(), match.end(), key))
        if not labels:
            return lines, {}, False
        report: dict[str, str] = {}
        for number, (_, end, key) in enumerate(labels):
            stop = labels[number + 1][0] if number + 1 < len(labels) else len(text)
            value = self._clean_value(text[end:stop])
            if value and not report.get(key):
                report[key] = value
        before = text[:labels[0][0]]
        kept = before.split("\n")
        return [_Line(line, _tokens(line)) for line in kept], report, True

    def _clean_value(self, value: str) -> str:
        out = []
        for line in value.strip().split("\n"):
            line = line.strip()
            if out and self._is_ack_only(_tokens(line)):
                break
            out.append(line)
        value = "\n".join(out).strip().strip(",;")
        value = re.sub(r"\n{2,}", "\n", value).strip()
        return "" if _EMPTY_VALUE.match(value) else value

    def _hits(self, lines: list[_Line]) -> list[_Hit]:
        hits: list[_Hit] = []
        for number, line in enumerate(lines):
            tokens = [token for token, _, _ in line.tokens]
            found: list[_Hit] = []
            for first, token in enumerate(tokens):
                if self._reduplicated(line, first) or self._in_question(line, first):
                    continue
                for category, phrase in self._index.get(token, ()):
                    last = first + len(phrase)
                    if tuple(tokens[first:last]) == phrase:
                        found.append(_Hit(category, number, first, last,
                                          line.tokens[first][1], line.tokens[last - 1][2]))
            # a phrase inside a longer phrase of another category is part of that one ("belum selesai")
            found = [hit for hit in found if not any(
                other.category != hit.category and other.first <= hit.first and hit.last <= other.last
                and (other.last - other.first) > (hit.last - hit.first) for other in found)]
            hits.extend(self._negate(hit, line) for hit in found if hit.category != "neutral")
        return hits

    @staticmethod
    def _reduplicated(line: _Line, index: int) -> bool:
        """The second half of a reduplication ("ditunda-tunda", "lanjut-lanjut") repeats the first."""
        if index == 0:
            return False
        before, _, end = line.tokens[index - 1]
        token, start, _ = line.tokens[index]
        return line.text[end:start] == "-" and before.endswith(token)

    @staticmethod
    def _in_question(line: _Line, index: int) -> bool:
        """A word in a sentence that ends with "?" asks; it decides nothing ("Lanjut ke mana?")."""
        _, _, end = line.tokens[index]
        stop = re.search(r"[.!?]", line.text[end:])
        return bool(stop) and stop.group() == "?"

    def _negate(self, hit: _Hit, line: _Line) -> _Hit:
        tokens = [token for token, _, _ in line.tokens]
        position = hit.first
        for _ in range(self.max_gap + 1):
            for negation in self.negations:
                begin = position - len(negation)
                if begin >= 0 and tuple(tokens[begin:position]) == negation:
                    between = line.text[line.tokens[begin][2]:hit.start]
                    if not _CLAUSE_BREAK.search(between):
                        return _Hit(hit.category, hit.line, hit.first, hit.last, line.tokens[begin][1], hit.end, True)
            if position - 1 >= 0 and tokens[position - 1] in self.gap_words:
                position -= 1
            else:
                break
        return hit

    # ------------------------------------------------------------------ per step

    @staticmethod
    def _first(hits: list[_Hit], category: str, negated: bool = False) -> _Hit | None:
        return next((h for h in hits if h.category == category and h.negated == negated), None)

    def _common(self, lines: list[_Line], hits: list[_Hit], on_hold: bool) -> Decision | None:
        """reject > hold > negated approval > resume (on hold); None when none of these."""
        reject = self._first(hits, "reject")
        if reject:
            return Decision("reject", self._reason(lines, reject), evidence=self._evidence(lines, reject))
        hold = self._first(hits, "hold")
        if hold:
            return Decision("hold", self._reason(lines, hold), evidence=self._evidence(lines, hold))
        negated = self._first(hits, "approve", negated=True) or (
            self._first(hits, "resume", negated=True) if on_hold else None)
        if negated:
            # "jangan diproses dulu" defers; on a hold notice "belum bisa dilanjutkan" keeps the hold
            kind = "hold" if on_hold or self._deferred(lines, negated) else "reject"
            return Decision(kind, self._reason(lines, negated), evidence=self._evidence(lines, negated))
        if on_hold:
            resume = self._first(hits, "resume") or self._first(hits, "approve")
            if resume:
                return Decision("resume", evidence=self._evidence(lines, resume))
        return None

    def _prospective(self, line: _Line, hit: _Hit) -> bool:
        """A word looking ahead ("estimasi", "akan", "target") stands before the phrase in its clause,
        or a time to come ("besok", "nanti") follows it: "selesai besok"."""
        for index in range(hit.first - 1, max(hit.first - 1 - self.max_gap, -1), -1):
            token, _, end = line.tokens[index]
            if _CLAUSE_BREAK.search(line.text[end:hit.start]):
                break
            if token in self.prospective:
                return True
        words = [token for token, _, _ in line.tokens]
        for index in range(hit.last, min(hit.last + self.max_gap, len(words))):
            if _CLAUSE_BREAK.search(line.text[hit.end:line.tokens[index][1]]):
                break
            if any(_starts_at(words, index, p) for p in self.prospective_after):
                return True
        return False

    def _deferred(self, lines: list[_Line], hit: _Hit) -> bool:
        after = [token for token, _, _ in lines[hit.line].tokens[hit.last:hit.last + 2]]
        return any(token in self.deferrals for token in after)

    def _fallback(self, lines: list[_Line]) -> Decision:
        typed = [line for line in lines if line.tokens]
        if typed and all(self._is_ack_only(line.tokens) for line in typed):
            return Decision("acknowledged", evidence="\n".join(line.text for line in typed))
        return Decision("unclear", evidence="\n".join(line.text for line in typed)[:500])

    def _is_ack_only(self, tokens: list[tuple[str, int, int]]) -> bool:
        words = [token for token, _, _ in tokens]
        if not words:
            return False
        position = 0
        filler = {"pak", "bu", "bapak", "ibu", "ya", "kasih", "banyak", "sudah", "dan", "saya", "kami", "bpk", "sir",
                  "email", "surel", "pesan", "surat", "info", "juga"}
        while position < len(words):
            for phrase in self._acks_longest_first:
                if _starts_at(words, position, phrase):
                    position += len(phrase)
                    break
            else:
                if words[position] in filler:
                    position += 1
                else:
                    return False
        return True

    def _read_disposer(self, lines, hits, officers, on_hold) -> Decision:
        decided = self._common(lines, hits, on_hold)
        if decided:
            return decided
        approve = self._first(hits, "approve") or self._first(hits, "assign")
        if approve:
            resolved: tuple[Person, ...] = ()
            assign = self._first(hits, "assign")
            if assign and officers:
                resolved, _ = self._assignees(lines, assign, officers)
            return Decision("approve", officers=resolved, evidence=self._evidence(lines, approve))
        refusal = self._first(hits, "assign", negated=True)     # "tidak bisa kita tangani"
        if refusal:
            kind = "hold" if self._deferred(lines, refusal) else "reject"   # "jangan ditangani dulu"
            return Decision(kind, self._reason(lines, refusal), evidence=self._evidence(lines, refusal))
        return self._fallback(lines)

    def _read_prakom(self, lines, hits, officers, on_hold) -> Decision:
        decided = self._common(lines, hits, on_hold)
        if decided and decided.kind != "resume":
            return decided
        assign = self._first(hits, "assign")
        if assign:
            resolved, unknown = self._assignees(lines, assign, officers)
            named_busy = _BUSY in unknown
            unknown = tuple(name for name in unknown if name != _BUSY)
            if resolved or unknown:
                return Decision("assign", officers=resolved, unknown_officers=unknown,
                                evidence=self._evidence(lines, assign))
            if not named_busy:    # nothing after the phrase: "Pak Agus tolong ditangani"
                mentioned, evidence = self._mentions(lines, officers)
                if mentioned:
                    return Decision("assign", officers=mentioned, evidence=evidence)
            return Decision("needs_assignee", evidence=self._evidence(lines, assign))
        mentioned, evidence = self._mentions(lines, officers)
        if mentioned:
            return Decision("assign", officers=mentioned, evidence=evidence)
        if decided:
            return decided
        approve = self._first(hits, "approve")
        if approve:
            return Decision("needs_assignee", evidence=self._evidence(lines, approve))
        return self._fallback(lines)

    def _read_officer(self, lines, hits, report, found_fields, on_hold) -> Decision:
        done = next((h for h in hits if h.category == "done" and not h.negated
                     and not self._prospective(lines[h.line], h)), None)
        if found_fields or done:
            complete = {key: report[key] for key in REPORT_FIELDS if report.get(key)}
            missing = tuple(key for key in REPORT_FIELDS if key not in complete)
            evidence = self._evidence(lines, done) if done else "\n".join(
                f"{key}: {value}" for key, value in complete.items())
            return Decision("done", report=complete, missing=missing, evidence=evidence)
        decided = self._common(lines, hits, on_hold)
        if decided:
            return decided
        if any(hit.category in ("approve", "acknowledge") for hit in hits):
            return Decision("acknowledged", evidence="\n".join(l.text for l in lines if l.tokens)[:500])
        return self._fallback(lines)

    def _read_pj(self, lines, hits) -> Decision:
        rating, comment, rate_hit = self._rating(lines, hits)
        reopen = (self._first(hits, "reopen") or self._first(hits, "done", negated=True)
                  or self._first(hits, "reject") or self._first(hits, "approve", negated=True))
        if reopen:
            line_text = lines[reopen.line].text
            if reopen.category == "reopen" and _WORD.search(line_text[:reopen.start]):
                reason = self._strip_reason(line_text)   # "internet di ruang X masih belum bisa": the whole sentence
            else:
                reason = self._reason(lines, reopen) or (line_text if reopen.category == "reopen" else "")
            return Decision("reopen", reason, rating=rating,
                            evidence=self._evidence(lines, reopen))
        if rating is not None and rate_hit is not None:
            return Decision("rate", comment, rating=rating, evidence=self._evidence(lines, rate_hit))
        typed = [line for line in lines if line.tokens]
        if typed and (any(h.category in ("done", "approve", "acknowledge") for h in hits)):
            return Decision("acknowledged", evidence="\n".join(line.text for line in typed)[:500])
        return self._fallback(lines)

    # ------------------------------------------------------------------ pieces

    def _evidence(self, lines: list[_Line], hit: _Hit) -> str:
        return lines[hit.line].text

    def _reason(self, lines: list[_Line], hit: _Hit) -> str:
        text = lines[hit.line].text
        after = self._strip_reason(text[hit.end:])
        if after:
            return after
        following = []
        for line in lines[hit.line + 1:]:
            if not line.tokens:
                if following:
                    break
                continue
            if self._is_ack_only(line.tokens):
                break
            following.append(line.text)
        if following:
            return self._strip_reason(" ".join(following))
        if hit.negated:  # "Mohon maaf, belum bisa di-ACC": what stands before is no reason
            return ""
        return self._strip_reason(text[:hit.start]).rstrip(",;:- ")

    @staticmethod
    def _strip_reason(text: str) -> str:
        text = _LEADING_JUNK.sub("", text.strip())
        text = re.sub(r"^(?:(?:mohon )?maaf|dulu|saja|aja|ya|yah|dahulu|sementara waktu|pak|bu|bapak|ibu)\b[\s,.;:]*", "", text,
                      flags=re.IGNORECASE)
        text = re.sub(r"^(?:alasan(?:nya)?|karena alasan|reason|because of)\s*[:\-]?\s*", "", text, flags=re.IGNORECASE)
        return text.strip()

    def _rating(self, lines: list[_Line], hits: list[_Hit]) -> tuple[int | None, str, _Hit | None]:
        for hit in hits:
            if hit.category != "rate" or hit.negated:
                continue
            line = lines[hit.line]
            # "NILAI 4", "nilai: lima", and the number before the word: "4 bintang"
            positions = [*range(hit.last, min(hit.last + 2, len(line.tokens))), *([hit.first - 1] if hit.first else [])]
            for position in positions:
                token, _, end = line.tokens[position]
                value = self._number(token)
                if value is None:
                    continue
                if not self.rate_min <= value <= self.rate_max:
                    break
                end = max(end, hit.end)
                rest = re.sub(r"^\s*/\s*\d+", "", line.text[end:])
                comment = self._strip_reason(rest)
                if not comment:
                    comment = " ".join(l.text for l in lines[hit.line + 1:] if l.tokens
                                       and not self._is_ack_only(l.tokens)).strip()
                return value, comment, hit
        for number, line in enumerate(lines):     # "5/5", "4 dari 5", "4 out of 5"
            for match in _RATING_OF.finditer(line.text):
                value, scale = int(match.group(1)), int(match.group(2))
                if scale == self.rate_max and self.rate_min <= value <= self.rate_max:
                    comment = self._strip_reason(line.text[match.end():])
                    return value, comment, _Hit("rate", number, 0, 0, match.start(), match.end())
        for number, line in enumerate(lines):     # "⭐⭐⭐⭐⭐ mantap", "★★★★☆"
            match = _STARS.search(line.text)
            if match:
                value = len(_FILLED_STAR.findall(match.group()))
                if self.rate_min <= value <= self.rate_max:
                    comment = self._strip_reason(line.text[match.end():])
                    return value, comment, _Hit("rate", number, 0, 0, match.start(), match.end())
        typed = [(number, line) for number, line in enumerate(lines) if line.tokens]
        if typed:                                 # a reply that is a number alone: "5"
            number, line = typed[0]
            match = _BARE_NUMBER.fullmatch(line.text)
            if match and self.rate_min <= int(match.group(1)) <= self.rate_max:
                comment = " ".join(l.text for _, l in typed[1:] if not self._is_ack_only(l.tokens)).strip()
                return int(match.group(1)), comment, _Hit("rate", number, 0, 0, match.start(1), match.end(1))
            # ... or that opens with a number and a full stop: "Lima. Petugas ramah", "5! mantap" (not
            # the first item of a numbered list: "1. AP ruang rapat ... 2. ...")
            match = _LEADING_NUMBER.match(line.text)
            value = self._number(_compact(match.group(1))) if match else None
            listed = len(typed) > 1 and value is not None and re.match(rf"\W*{value + 1}\s*[.)]", typed[1][1].text)
            if value is not None and self.rate_min <= value <= self.rate_max and not listed:
                comment = self._strip_reason(line.text[match.end():])
                return value, comment, _Hit("rate", number, 0, 0, match.start(1), match.end(1))
            for number, line in typed:            # "Sangat puas, terima kasih" (5 = sangat puas)
                words = [token for token, _, _ in line.tokens]
                for phrase, value in self.satisfaction:
                    at = next((i for i in range(len(words)) if _starts_at(words, i, phrase)), None)
                    if at is not None:
                        start, end = line.tokens[at][1], line.tokens[at + len(phrase) - 1][2]
                        return value, self._strip_reason(line.text[end:]), _Hit("rate", number, at, at + len(phrase), start, end)
        return None, "", None

    def _number(self, token: str) -> int | None:
        return int(token) if token.isdigit() and len(token) <= 3 else self.number_words.get(token)

    def _assignees(self, lines: list[_Line], hit: _Hit, officers: Sequence[Person]) -> tuple[tuple[Person, ...], tuple[str, ...]]:
        text = lines[hit.line].text[hit.end:]
        if not _WORD.search(text):
            following = []
            for line in lines[hit.line + 1:]:
                if not line.tokens:
                    if following:
                        break
                    continue
                following.append(line.text)
            text = "\n".join(following)
        text = _INLINE_ENUMERATOR.sub("\n", self._lead_re.sub("", text.strip()))
        resolved: list[Person] = []
        unknown: list[str] = []
        for chunk in self._joiner_re.split(text):
            person, name = self._resolve(chunk, officers)
            if person is not None:
                if person not in resolved:
                    resolved.append(person)
            elif name and name not in unknown:
                unknown.append(name)
        return tuple(resolved), tuple(unknown)

    def _resolve(self, chunk: str, officers: Sequence[Person]) -> tuple[Person | None, str]:
        chunk = re.sub(r"^\s*(?:[-*•]+|\d{1,2}[.)])\s*", "", chunk).strip()
        email = _EMAIL.search(chunk)
        if email:
            address = email.group().casefold()
            match = next((p for p in officers if p.email.casefold() == address), None)
            return match, "" if match else email.group()
        nip = _NIP.search(chunk)
        if nip:
            digits = re.sub(r"\s", "", nip.group())
            match = next((p for p in officers if re.sub(r"\s", "", p.nip) == digits), None)
            return match, "" if match else digits
        words: list[str] = []
        originals: list[str] = []
        for raw in chunk.split():
            compact = _compact(raw)
            if not compact:
                continue
            if compact in self.stop_words or compact.isdigit():
                break
            if (compact in self.honorifics and not words) or compact in self.degrees:
                continue
            words.append(compact)
            originals.append(raw.strip(",.;:()"))
        if not words:
            return None, ""
        for size in range(len(words), 0, -1):
            candidates = [p for p in officers if self._name_matches(words[:size], p)]
            if len(candidates) == 1:
                if size < len(words) and words[size] in self.busy_words:
                    return None, _BUSY    # "Rahmat sudah pegang 3 tiket": said about him, not an order
                return candidates[0], ""
            if len(candidates) > 1:
                return None, " ".join(originals[:size])
        return None, " ".join(originals)

    def _said_busy(self, line: _Line, name: list[str]) -> bool:
        """Every mention of the officer in the line is followed by a busy word ("Siti sedang cuti")."""
        words = [token for token, _, _ in line.tokens]
        follows = []
        for index, word in enumerate(words):
            if word in name and (index == 0 or words[index - 1] not in name):
                end = index
                while end < len(words) and words[end] in name:
                    end += 1
                follows.append(words[end] if end < len(words) else "")
        return bool(follows) and all(word in self.busy_words for word in follows)

    def _officer_tokens(self, person: Person) -> list[str]:
        name = person.name.split(",")[0]
        return [c for c in (_compact(w) for w in name.split()) if c and c not in self.degrees and c not in self.honorifics]

    def _name_matches(self, words: list[str], person: Person) -> bool:
        tokens = self._officer_tokens(person)
        local = _compact(person.email.split("@")[0]) if person.email else ""
        for word in words:
            if word in tokens or (local and word == local):
                continue
            if len(word) >= 4 and any(len(t) >= 4 and difflib.SequenceMatcher(None, word, t).ratio() >= 0.8
                                      for t in tokens):
                continue
            return False
        return True

    def _mentions(self, lines: list[_Line], officers: Sequence[Person]) -> tuple[tuple[Person, ...], str]:
        """Officers named (name, e-mail or NIP) anywhere in the typed text, without an assignment phrase."""
        found: list[Person] = []
        evidence: list[str] = []
        for line in lines:
            if not line.tokens:
                continue
            words = {token for token, _, _ in line.tokens}
            folded = line.text.casefold()
            digits = re.sub(r"\s", "", line.text)
            hit_here = False
            firsts = [self._officer_tokens(other)[:1] for other in officers]
            for person in officers:
                tokens = self._officer_tokens(person)
                by_name = bool(tokens) and (
                    all(t in words for t in tokens) or (tokens[0] in words and firsts.count(tokens[:1]) == 1))
                if by_name and self._said_busy(line, tokens):
                    by_name = False
                if (by_name or (person.email and person.email.casefold() in folded)
                        or (person.nip and person.nip in digits)):
                    if person not in found:
                        found.append(person)
                    hit_here = True
            if hit_here:
                evidence.append(line.text)
        return tuple(found), "\n".join(evidence)


class _Reader:
    """Typed access to the TOML data; every error names the file and the key."""

    def __init__(self, data: dict, source: str) -> None:
        self.data = data
        self.source = source

    def table(self, section: str, key: str | None = None) -> dict:
        table = self.data.get(section)
        if not isinstance(table, dict):
            raise ConfigError(f"{self.source}: missing table [{section}]")
        if key is None:
            return table
        value = table.get(key)
        if not isinstance(value, dict):
            raise ConfigError(f"{self.source}: [{section}] {key}: must be a table")
        return value

    def optional_table(self, section: str, key: str) -> dict:
        return self.table(section, key) if key in self.table(section) else {}

    def strings(self, section: str, key: str, *, table: dict | None = None) -> tuple[str, ...]:
        source = table if table is not None else self.table(section)
        value = source.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{self.source}: [{section}] {key}: must be a non-empty list of non-empty strings")
        return tuple(v.strip() for v in value)

    def phrases(self, section: str, key: str) -> tuple[Phrase, ...]:
        phrases = []
        for text in self.strings(section, key):
            phrase = _phrase(text)
            if not phrase:
                raise ConfigError(f"{self.source}: [{section}] {key}: {text!r} has no letters or digits")
            phrases.append(phrase)
        return tuple(phrases)

    def optional_strings(self, section: str, key: str) -> tuple[str, ...]:
        """Like ``strings``, but an absent table or key is an empty list."""
        table = self.data.get(section)
        if not isinstance(table, dict) or key not in table:
            return ()
        return self.strings(section, key)

    def optional_phrases(self, section: str, key: str) -> tuple[Phrase, ...]:
        table = self.data.get(section)
        if not isinstance(table, dict) or key not in table:
            return ()
        return self.phrases(section, key)

    def integer(self, section: str, key: str, low: int, high: int) -> int:
        value = self.table(section).get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ConfigError(f"{self.source}: [{section}] {key}: must be an integer from {low} to {high}")
        return value
