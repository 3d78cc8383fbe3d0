"""The letter of a request: which attachment it is, its facts, its agency, and where a word stands.

``read_letter`` runs before the message's transaction (reading a scan takes seconds; nothing is
held open meanwhile): the letter-like attachments are read in bounded child processes
(``extract``), and the first one that reads as an official letter (a number or a Perihal; failing
that, the first with some text) is the letter. Attachments that could not be read are listed
with the reason; the request goes on without them.
"""
from __future__ import annotations

from dataclasses import dataclass

from mailproc.core.config import LettersConfig
from mailproc.intake.letter.extract import Extraction, Limits, extract_all, is_letter_like
from mailproc.intake.letter.facts import LetterFacts, read_facts
from mailproc.intake.registry import OpdRegistry
from mailproc.intake.textrules import LETTER_ZONES, ZONE_LETTER_SUBJECT, LetterText, Normaliser
from mailproc.mail.parse import Mail

MIN_WORDS = 30   # a document that is no recognisable letter still counts when it says this much


@dataclass(frozen=True)
class Letter:
    filename: str
    source: str                    # "pdf_text" | "docx" | "odt" | "ocr"
    facts: LetterFacts
    pages: tuple[str, ...]
    opd_key: str | None            # the letterhead's agency in the registry
    opd_name: str | None

    @property
    def text(self) -> LetterText:
        return LetterText(self.facts.subject or "", f"{self.facts.addressee}\n{self.facts.body}".strip())

    def as_json(self) -> dict:
        """``show --json``'s ``letter``."""
        facts = self.facts
        return {"filename": self.filename, "number": facts.number, "subject": facts.subject,
                "date": facts.date.isoformat() if facts.date else None, "opd": self.opd_name,
                "signer": facts.signer_name, "signer_nip": facts.signer_nip, "source": self.source,
                "agency": facts.agency}

    def source_of(self, zone: str, matched: str, normaliser: Normaliser) -> str | None:
        """Where a rule's words stand in the letter, for a person: "Surat.pdf, hal. 2",
        "Surat.pdf, perihal"; None for words of the mail itself."""
        if zone not in LETTER_ZONES:
            return None
        if zone == ZONE_LETTER_SUBJECT:
            return f"{self.filename}, perihal"
        words = matched.split()
        for number, page in enumerate(self.pages, 1):
            tokens = normaliser.tokens(page)
            if any(tokens[i:i + len(words)] == words for i in range(len(tokens) - len(words) + 1)):
                return f"{self.filename}, hal. {number}"
        return self.filename


@dataclass(frozen=True)
class LetterReading:
    letter: Letter | None
    unread: tuple[tuple[str, str], ...] = ()     # (filename, why) of attachments not read

    @property
    def letter_text(self) -> LetterText | None:
        return self.letter.text if self.letter else None


NO_LETTER = LetterReading(None)


def has_letter_like(mail: Mail) -> bool:
    return any(is_letter_like(a.filename, a.content_type) for a in mail.attachments)


def read_letter(mail: Mail, config: LettersConfig, registry: OpdRegistry) -> LetterReading:
    limits = Limits(max_documents=config.max_documents, max_pages=config.max_pages, max_bytes=config.max_bytes,
                    max_pixels=config.max_pixels, timeout=float(config.timeout), ocr=config.ocr)
    readings = extract_all(((a.filename, a.content_type, a.data) for a in mail.attachments), limits)
    unread = tuple((r.filename, r.error) for r in readings if r.error)
    chosen = _choose(readings)
    if chosen is None:
        return LetterReading(None, unread)
    extraction, facts = chosen
    found = registry.find(facts.agency) if facts.agency else []
    opd = found[0] if len(found) == 1 else None
    letter = Letter(extraction.filename, extraction.source or "", facts, tuple(p.text for p in extraction.pages),
                    opd.key if opd else None, opd.name if opd else None)
    return LetterReading(letter, unread)


def _choose(readings: list[Extraction]) -> tuple[Extraction, LetterFacts] | None:
    read = [(r, read_facts(r.text, ocr=r.source == "ocr")) for r in readings if r.pages and r.text.strip()]
    official = next(((r, f) for r, f in read if f.is_letter()), None)
    return official or next(((r, f) for r, f in read if len(r.text.split()) >= MIN_WORDS), None)


