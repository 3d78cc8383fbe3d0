"""Accuracy of the classification rules on a labelled set of .eml files.

    python -m tools.accuracy tests/data/requests [--rules rules]

The folder holds .eml files and ``labels.csv`` with the columns file,is_ticket,category,priority
(category and priority empty for non-tickets). Prints the ticket/not-ticket, category and priority
accuracy (per category and overall) and lists every misclassified file.
"""
from __future__ import annotations

import argparse
import csv
import email
import sys
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path

from mailproc.intake.classify import Classification, Classifier
from mailproc.mail.html_text import html_to_text
from mailproc.intake.intent import Intent, IntentDetector

LABELS_FILE = "labels.csv"


@dataclass(frozen=True)
class Label:
    file: str
    is_ticket: bool
    category: str
    priority: str


@dataclass(frozen=True)
class Outcome:
    label: Label
    intent: Intent
    classification: Classification

    @property
    def ticket_ok(self) -> bool:
        return self.intent.is_request == self.label.is_ticket

    @property
    def category_ok(self) -> bool:
        return self.classification.category == self.label.category

    @property
    def priority_ok(self) -> bool:
        return self.classification.priority == self.label.priority


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def tickets(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.label.is_ticket]

    @staticmethod
    def _ratio(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    @property
    def ticket_accuracy(self) -> float:
        return self._ratio(sum(o.ticket_ok for o in self.outcomes), len(self.outcomes))

    @property
    def category_accuracy(self) -> float:
        return self._ratio(sum(o.category_ok for o in self.tickets), len(self.tickets))

    @property
    def priority_accuracy(self) -> float:
        return self._ratio(sum(o.priority_ok for o in self.tickets), len(self.tickets))

    def misses(self) -> list[str]:
        """The report's lines about misclassified files."""
        return [line for line in self.lines() if line.startswith("  ") and ".eml:" in line]

    def lines(self) -> list[str]:
        out = [f"messages: {len(self.outcomes)} ({len(self.tickets)} requests, "
               f"{len(self.outcomes) - len(self.tickets)} non-requests)",
               f"ticket/not-ticket: {self.ticket_accuracy:6.1%}",
               f"category:          {self.category_accuracy:6.1%}  "
               f"(needs triage: {sum(o.classification.category is None for o in self.tickets)})",
               f"priority:          {self.priority_accuracy:6.1%}", "", "per category:"]
        for category in sorted({o.label.category for o in self.tickets}):
            group = [o for o in self.tickets if o.label.category == category]
            out.append(f"  {category}: n={len(group):3}  category {self._ratio(sum(o.category_ok for o in group), len(group)):6.1%}"
                       f"  priority {self._ratio(sum(o.priority_ok for o in group), len(group)):6.1%}")
        for priority in ("tinggi", "sedang", "rendah"):
            group = [o for o in self.tickets if o.label.priority == priority]
            if group:
                out.append(f"  priority {priority}: n={len(group):3}  "
                           f"{self._ratio(sum(o.priority_ok for o in group), len(group)):6.1%}")
        wrong = [o for o in self.outcomes if not (o.ticket_ok and (not o.label.is_ticket or
                                                                   (o.category_ok and o.priority_ok)))]
        out += ["", f"misclassified: {len(wrong)}"]
        for o in wrong:
            problems = []
            if not o.ticket_ok:
                problems.append(f"ticket {int(o.label.is_ticket)} got {int(o.intent.is_request)} ({o.intent.reason})")
            if o.label.is_ticket and not o.category_ok:
                problems.append(f"category {o.label.category} got {o.classification.category or '-'} "
                                f"({o.classification.reason})")
            if o.label.is_ticket and not o.priority_ok:
                problems.append(f"priority {o.label.priority} got {o.classification.priority} "
                                f"(score {o.classification.scores.get('priority', 0):.1f})")
            out.append(f"  {o.label.file}: " + "; ".join(problems))
        return out


def message_text(message: EmailMessage) -> tuple[str, str]:
    """The subject and the readable body: the text/plain part, else text from the HTML part."""
    subject = str(message.get("subject", "") or "")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return subject, ""
    try:
        content = body.get_content()
    except (LookupError, UnicodeError):
        content = body.get_payload(decode=True).decode("utf-8", "replace")
    if body.get_content_subtype() == "html":
        content = html_to_text(content)
    return subject, content


def read_message(path: Path) -> tuple[str, str]:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    return message_text(message)  # type: ignore[arg-type]


def read_labels(folder: Path) -> list[Label]:
    with (folder / LABELS_FILE).open(newline="", encoding="utf-8") as fh:
        return [Label(row["file"], row["is_ticket"].strip() == "1", row["category"].strip(),
                      row["priority"].strip()) for row in csv.DictReader(fh)]


def evaluate(folder: Path, rules_dir: Path, labels: list[Label] | None = None) -> Report:
    """Intent and classifier on every labelled message of ``folder`` (or on ``labels`` only)."""
    classifier = Classifier.load(rules_dir)
    detector = IntentDetector.load(rules_dir)
    report = Report()
    for label in read_labels(folder) if labels is None else labels:
        subject, text = read_message(folder / label.file)
        report.outcomes.append(Outcome(label, detector.detect(subject, text),
                                       classifier.classify(subject, text)))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.accuracy", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder with .eml files and labels.csv")
    parser.add_argument("--rules", type=Path, default=Path("rules"), help="rules directory (default: rules)")
    args = parser.parse_args(argv)
    report = evaluate(args.folder, args.rules)
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
