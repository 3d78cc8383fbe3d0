"""The facts of an Indonesian official letter (surat dinas), read from its extracted text.

The text comes from a PDF text layer, a DOCX/ODT or Tesseract OCR of a phone photo, so everything here
is read line by line and tolerates the noise of those sources:

* Lines: CR/LF/form feeds are line breaks, tabs count as a column gap (3+ spaces), stray ``|`` ``—``
  ``_`` ``~`` ``•`` at either end of a line are dropped. A table read cell by cell ("Nomor" / ":" /
  "045/…") is joined back into one "Nomor : 045/…" line.
* Fields (Nomor, Sifat, Lampiran, Perihal/Hal, Tanggal): only the first block of them (lines no more
  than 6 apart) above "Dengan hormat", so a "Nomor :" quoted in the body is not the letter's; labels
  are OCR-tolerant (Nomer, N0mor, Nornor, No., Perlhal, Lamp.), the colon may be ``;``, a dash or
  missing (then "Perihal"/"Hal" need a capitalised value, so "Hal ini …" is no field).
* Number: the slash-separated run after the label ("045/123/III.05/2026", "800/ 12 /KEC-BB/2026",
  "B-12/DPRD/XII/2026", an unfilled "800/    /KEC/2026"), whitespace collapsed, trailing punctuation
  stripped; it must hold a digit and a slash. Whatever follows it on the line (the date of the right
  column) is not part of it.
* Subject: the Perihal/Hal value up to a column gap, "Yth"/"Kepada" of a right column, plus up to two
  continuation lines; it stops at a blank line, the next field, "Kepada"/"Yth", "di-", a date line or
  the body. When the right column shares the line without a gap, a continuation line is only taken if
  it can be split the same way.
* Dates: "3 Desember 2026", "3 Des. 2026", "25 Nov 2026", "03-12-2026", "3/12/2026", "03.12.2026";
  Indonesian and English month names, abbreviations (prefixes, Agt/Ags) and OCR slips (rn for m,
  0 for o, one wrong letter, two in long names); day first, four-digit years. The letter's date is, in
  order: a place+date ("Liwa, 3 Desember 2026", also at the right end of the Nomor line) or a
  "Tanggal :" field above or below the body; a bare date there; the first date of the body.
* Agency: the caps line(s) under "PEMERINTAH KABUPATEN/KOTA/PROVINSI …" up to the address line
  (Jalan, Jl., Alamat, Komplek, Telp, Fax, Website, email, Kode Pos, a postcode); without that line,
  the caps lines right above the address line. Region lines ("KABUPATEN LAMPUNG BARAT") are left out;
  a line continues the name unless it starts a unit of its own (UPTD, Bidang, Pekon, …) and the line
  before does not end in "DAN"/","/"&", in which case the last unit is the sender.
* Signer: the name above the first "NIP" after the closing ("Demikian …", "Hormat kami"; without a
  closing, the last NIP before "Tembusan"), ranks (Pembina, Penata, "(IV/c)") and "ttd" skipped; the
  name may share the NIP line. The NIP is 18 digits (its tail may wrap onto the next line), spaces
  dropped, O/o read as 0 and I/l as 1. Without a NIP, in a letter, the name is the line after the
  last title ending in "," ("Camat Balik Bukit,").
* Body: from "Dengan hormat"/"Assalamu…" (or the line after the Kepada/Yth block, or after the
  fields) to the end of the "Demikian …" paragraph or the signature block (closing, a.n./Plt./Plh.,
  the place+date line, the title above the signer, Tembusan), whichever comes first; the whole text
  when there is no structure.

Text that is not a letter (no number and no subject) gets only strongly marked facts: a place+date,
a letterhead, a signer with a NIP.

Not read: month-first dates ("December 3, 2026"), two-digit years, numbers without a slash, a
subject's continuation line that OCR merged with the right column without a gap (left out rather
than mixed with the addressee), agency names not printed in capitals.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MAX_LINE = 400          # characters of a line that the field and date patterns look at
_EDGE = " \t\x0b|¦—–_~•*·"

_COLON_ONLY = re.compile(r"[:;]")
_FIELD = re.compile(
    r"(?P<label>(?P<number>n[o0](?:m|rn)[o0e]r(?:\s+surat)?|n[o0]|nmr)"
    r"|(?P<subject>per[i1l|]h[a@]l|h[a@]l)"
    r"|l[a@]mp[i1l]r[a@]n|lamp|s[i1l]f[a@]t|tanggal|tgl)"
    r"(?![a-z0-9])[ .|\-–—]*(?P<colon>[:;])?[ |]*(?P<value>.*)",
    re.IGNORECASE,
)
_SEGMENT = r"[A-Za-z0-9][A-Za-z0-9.,\-]*"
_NUMBER = re.compile(rf"/?[ ]*(?:{_SEGMENT}(?:[ ]{_SEGMENT})*[ ]*/[ /]*)+{_SEGMENT}")
_COLUMN_END = re.compile(
    r"(?P<gap>\s{3,})|\s+(?=(?:Kepada|KEPADA)(?:\s*$|\s+[Yy][Tt][Hh]\b)|[Yy][Tt][Hh]\b)")

_GREETING = re.compile(r"\b(?:d[e3]ngan|dgn)\s+h[o0]r(?:m|rn)[a@]t\b|\bassalamu", re.IGNORECASE)
_ADDRESSEE = re.compile(r"\b(?:Kepada|KEPADA|[Yy][Tt][Hh])\b")
_DI = re.compile(r"di\b[\s\-–—.:]*(?P<place>.*)", re.IGNORECASE)
_DI_MARK = re.compile(r"di\s*(?:[-–—:]|$)", re.IGNORECASE)
_DEMIKIAN = re.compile(r"de(?:m|rn)ikian\b", re.IGNORECASE)
_CLOSING = re.compile(r"hormat\s+(?:kami|saya)\b|wassalam|salam\s+hormat\b", re.IGNORECASE)
_DEPUTY = re.compile(r"(?:a\.\s?n\.?|an\.|pl[th]\.?|u\.\s?b\.)\s", re.IGNORECASE)
_TEMBUSAN = re.compile(r"tembusan\b", re.IGNORECASE)

_NIP = re.compile(r"(?i:\bN\s?[I1l]\s?P)(?![A-Za-z])\.?\s*[:;.]?\s*"
                  r"(?P<digits>[0-9OoIl](?:[ ]{0,2}[0-9OoIl]){17})(?![0-9])")
_NIP_DIGITS = str.maketrans("OoIl", "0011")
_NIP_TAIL = re.compile(r"[0-9OoIl ]{1,20}")   # the rest of a NIP wrapped onto the next line
_RANK = re.compile(r"(?:pangkat|gol(?:ongan|\.)|pe(?:m|rn)bina|penata|pengatur|juru)\b", re.IGNORECASE)
_GRADE = re.compile(r"\((?:I{1,3}|IV)\s*/\s*[a-eA-E]\)")
_NOISE = re.compile(r"\(?ttd\.?\)?|cap(?:\s+dinas)?|stempel|materai.*|\W*", re.IGNORECASE)
_NAME_LABEL = re.compile(r"nama\s*[:;]\s*", re.IGNORECASE)
_NAME_START = re.compile(r"[A-Z]|(?:dr|drg|drs|dra|ir|hj?|prof)\.")

_GOV = re.compile(r"PEMER[I1L]NTAH(?:AN)?\b(?P<rest>.*)", re.IGNORECASE)
_BARE_REGION = re.compile(r"KABUPATEN|KAB\.?|KOTA|PROVINSI")
_REGION = re.compile(r"(?:KABUPATEN|KAB\.|KOTA|PROVINSI)\s+[A-Z .]+")
_UNIT = re.compile(r"\b(?:DINAS|BADAN|KECAMATAN|KELURAHAN|DESA|PEKON|SEKRETARIAT|INSPEKTORAT|"
                   r"RUMAH SAKIT|RSUD|UPTD|UPT|SATUAN|KANTOR|BAGIAN|BIDANG|PUSKESMAS|SEKOLAH|"
                   r"SD|SMP|SMA|SMK)\b")
_JOINS_NEXT = re.compile(r"(?:\bDAN|\bSERTA|,|&)$")
_DOC_TITLE = re.compile(r"(?:SURAT|UNDANGAN|NOTA\s+DINAS|PENGUMUMAN|MEMO|TELAAHAN|BERITA\s+ACARA)\b")
_ADDRESS_START = re.compile(
    r"(?:jalan|jln?|alamat|kompl?eks?|komp|telp|telepon|tlp|fax|faks|website|laman|e-?mail|surel|"
    r"pos-?el|kode\s*pos)\b|https?:|www\.", re.IGNORECASE)
_ADDRESS_INSIDE = re.compile(
    r"\b(?:Jalan|Jl\.|Jln\.?|Alamat|Komplek|Kompleks|Telp|TELP|Telepon|Fax|FAX|Website|Laman|"
    r"[Ee]-?mail|EMAIL|Kode Pos|KODE POS)\b|https?:|www\.|\(\d{3,4}\)|\b\d{5}\b")

_WORD_DATE = re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)\s*[-.]?\s*(?P<month>[A-Za-z0][A-Za-z0]{2,11})\.?"
                        r"\s*[-.,]?\s*(?P<year>(?:19|20)\d\d)(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<![\w/.\-])(?P<day>[0-3]?\d)[ ]?(?P<sep>[-/.])[ ]?(?P<month>[01]?\d)"
                           r"[ ]?(?P=sep)[ ]?(?P<year>(?:19|20)\d\d)(?![\w/\-])")
_PLACE = re.compile(r"(?P<place>[A-Z][A-Za-z'.\-]*(?: [A-Z][A-Za-z'.\-]*){0,3})\s*(?P<comma>[,;])?\s*$")
_DATE_WORD_BEFORE = re.compile(r"(?:tanggal|tgl\.?)\s*$", re.IGNORECASE)
_DATE_LABEL = re.compile(r"\s*(?:tanggal|tgl\.?)\s*[:;]\s*", re.IGNORECASE)
_NOT_PLACES = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "hari", "tanggal", "tgl", "pada", "sejak", "mulai", "sampai", "hingga"}

_MONTH_NAMES = {
    "januari": 1, "january": 1, "februari": 2, "pebruari": 2, "february": 2, "maret": 3, "march": 3,
    "april": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7, "agustus": 8,
    "august": 8, "september": 9, "oktober": 10, "october": 10, "november": 11, "nopember": 11,
    "desember": 12, "december": 12,
}
_MONTH_ABBREVIATIONS = {"agt": 8, "ags": 8}


@dataclass(frozen=True)
class LetterFacts:
    number: str | None           # "045/123/III.05/2026", "800/ 12 /KEC-BB/2026": as printed, spaces collapsed
    subject: str | None          # the Perihal/Hal value on one line
    date: datetime.date | None   # the letter's own date
    agency: str | None           # the sender from the letterhead, "DINAS KESEHATAN"
    signer_name: str | None      # "dr. Nurcahyo Wibowo, M.Kes."
    signer_nip: str | None       # 18 digits
    body: str                    # "Dengan hormat, … Demikian …", or the whole text
    addressee: str = ""          # the "Kepada Yth. … di Tempat" block, one line: to us, or to every agency

    def is_letter(self) -> bool:
        """An official letter shows a number or a subject."""
        return self.number is not None or self.subject is not None


@dataclass(frozen=True)
class _Header:
    number: str | None
    number_end: tuple[int, int] | None   # (line, offset) where the number ends
    subject: str | None
    first: int | None                    # the first and the last line of the field block
    last: int | None


@dataclass(frozen=True)
class _Dated:
    line: int
    at: int
    value: datetime.date
    placed: bool   # after a place ("Liwa, …") or a "Tanggal :" label
    alone: bool    # place and date are all the line holds


def read_facts(text: str, ocr: bool = False) -> LetterFacts:
    """The facts of a letter's text; ``ocr``: the text is Tesseract's, so the roman numerals of a
    number may have come out as digits ("X11" for XII)."""
    lines = _lines(text)
    greeting = _first(lines, 0, len(lines), _GREETING.search)
    header = _header(lines, len(lines) if greeting is None else greeting)
    letter = header.number is not None or header.subject is not None
    start = greeting if greeting is not None else _body_start(lines, header, letter)
    name, nip, signature = _signer(lines, start or 0, letter)
    end = _body_end(lines, start, signature) if start is not None else len(lines)
    kop_end = min(x for x in (header.first, start, 15, len(lines)) if x is not None)
    return LetterFacts(
        number=_clean_number(header.number, ocr) if header.number else None,
        subject=_clean_subject(header.subject) if header.subject else None,
        date=_letter_date(lines, start, end, header.number_end, letter),
        agency=_agency(lines[:kop_end]),
        signer_name=name,
        signer_nip=nip,
        body=_body(text, lines, start, end, greeting),
        addressee=_addressee(lines, greeting if greeting is not None else (header.last or 0) + 10),
    )


# Clean-up of what a layout or OCR mixed into the number and the subject.

_DATE_AFTER_YEAR = re.compile(r"(/\s*(?:19|20)\d\d)\s+[A-Za-z].*$")
_STRAY_LEAD = re.compile(r"^[^\s/\d]{1,2} (?=\d)")   # "| 556/…"; a digit may be the number's own
_OCR_BAR_LEAD = re.compile(r"^[1lI|] (?=\d)")   # OCR: the edge of a table cell read as "1"
# A month or a code in roman numerals, as OCR may give it: "X11", "111.05" (for XII, III.05).
_ROMAN_SEGMENT = re.compile(r"^(?P<roman>[XVLI1l|]{1,5})(?P<rest>\.\d{2})?$")
_ADDRESSEE_TAIL = re.compile(r"\s+di\W{0,6}(?:Liwa|Tempat)\b.*$", re.IGNORECASE)
_ADDRESSEE_DI = re.compile(r"\s+di\s*[-–:]+(?=\s|$)", re.IGNORECASE)      # "di -" of "di - Liwa", split off
_ADDRESSEE_PLACE = re.compile(r"\s+(?:Liwa|Tempat)\W*$", re.IGNORECASE)
_ADDRESSEE_WORDS = re.compile(r"\s*\b(?:Kabupaten|Kab\.)\s+Lampung\s+Barat\b", re.IGNORECASE)
_STRAY_TAIL = re.compile(r"(?:\s+\S)+$")
_STRAY_MARKS = re.compile(r"(?<=\s)[.:;,|“”\"'‘’]+(?=\s)|^[“”\"'‘’]+|[“”\"'‘’]+$")   # OCR's specks between words


def _clean_number(number: str, ocr: bool) -> str:
    """Cut a date that followed on the same line, a stray mark in front of it, and (OCR) read the
    month's or the code's roman numeral back as letters."""
    number = _DATE_AFTER_YEAR.sub(r"\1", number)
    if number.count("/") >= 2:
        number = _STRAY_LEAD.sub("", number)
    if not ocr:
        return number
    if number.count("/") >= 2:
        number = _OCR_BAR_LEAD.sub("", number)
    segments = []
    for segment in number.split("/"):
        bare = segment.strip()
        m = _ROMAN_SEGMENT.match(bare.replace(" ", ""))
        if m and (any(c in m["roman"] for c in "XVL") or (m["rest"] and len(m["roman"]) >= 2)):
            roman = m["roman"].replace("1", "I").replace("l", "I").replace("|", "I")
            segment = segment.replace(bare, roman + (m["rest"] or ""))
        segments.append(segment)
    return "/".join(segments)


def _clean_subject(subject: str) -> str:
    """A Perihal that a two-column layout interleaved with the addressee ("… Kabupaten Lampung
    Barat … di - Liwa") loses the addressee's words; stray marks between its words and a stray
    character at its end go."""
    if _ADDRESSEE_TAIL.search(subject) or _ADDRESSEE_DI.search(subject):
        subject = _ADDRESSEE_WORDS.sub("", _ADDRESSEE_TAIL.sub("", subject))
        subject = _ADDRESSEE_PLACE.sub("", _ADDRESSEE_DI.sub(" ", subject))
    subject = " ".join(_STRAY_MARKS.sub(" ", subject).split())
    return _STRAY_TAIL.sub("", subject).strip() or subject


# Lines.

def _lines(text: str) -> list[str]:
    for old, new in (("\r\n", "\n"), ("\r", "\n"), ("\f", "\n"), ("\t", "    "), ("\u00a0", " "),
                     ("\u200b", ""), ("\ufeff", "")):
        text = text.replace(old, new)
    return _join_cells(_join_columns([line.strip(_EDGE) for line in text.split("\n")]))


def _join_columns(lines: list[str]) -> list[str]:
    """A field block read column by column (OCR of a borderless table): the labels "Nomor / Sifat /
    Lampiran / Perihal" one under the other, their values later as ": …" lines. The Nomor takes
    the first value that holds a number, the Perihal the last value; each stands where its value
    stood, so the Perihal's continuation lines still follow it."""
    for i, line in enumerate(lines[:60]):
        run = _label_run(lines, i)
        if len(run) < 3 or not {"number", "subject"} & {kind for _, kind in run}:
            continue
        values = [j for j in range(run[-1][0] + 1, min(run[-1][0] + 16, len(lines)))
                  if lines[j].startswith((":", ";")) and len(lines[j]) > 2]
        if not values:
            return lines
        out = list(lines)
        kinds = {kind for _, kind in run}
        numbered = next((j for j in values if _NUMBER_HINT.search(lines[j])), None)
        if "number" in kinds and numbered is not None:
            out[numbered] = "Nomor " + lines[numbered]
        if "subject" in kinds and run[-1][1] == "subject" and values[-1] != numbered:
            out[values[-1]] = "Perihal " + lines[values[-1]]
        return [x for k, x in enumerate(out) if k not in {j for j, _ in run}]
    return lines


_NUMBER_HINT = re.compile(r"\d\s*/")


def _label_run(lines: list[str], start: int) -> list[tuple[int, str]]:
    """The label-only lines from ``start`` on (blank lines between them allowed), with their kind."""
    run = []
    j = start
    while j < len(lines) and len(run) < 6:
        if _blank(lines[j]):
            j += 1
            continue
        m = _FIELD.fullmatch(lines[j][:_MAX_LINE])
        if not m or m["value"].strip():
            break
        run.append((j, "number" if m["number"] else "subject" if m["subject"] else "other"))
        j += 1
    return run


def _join_cells(lines: list[str]) -> list[str]:
    """A table read cell by cell ("Nomor" / ":" / "045/…") back into one "Nomor : 045/…" line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        label = _label_only(lines[i])
        value = _next_filled(lines, i + 1, i + 3) if label else None
        if value is not None and _COLON_ONLY.fullmatch(lines[value]):
            value = _next_filled(lines, value + 1, value + 3)
        if value is not None and not _field_line(lines[value]):
            out.append(f"{label} : {lines[value].lstrip(':; ')}")
            i = value + 1
        else:
            out.append(lines[i])
            i += 1
    return out


def _label_only(line: str) -> str | None:
    m = _FIELD.fullmatch(line[:_MAX_LINE])
    return m["label"] if m and not m["value"].strip() else None


def _field_line(line: str) -> bool:
    """A field label with a colon or alone ("Lampiran : -", "Perihal")."""
    m = _FIELD.match(line[:_MAX_LINE])
    return m is not None and (m["colon"] is not None or not m["value"].strip())


def _blank(line: str) -> bool:
    return not any(c.isalnum() for c in line)


def _next_filled(lines: list[str], i: int, stop: int) -> int | None:
    return _first(lines, i, stop, lambda line: not _blank(line))


def _first(lines: list[str], i: int, stop: int, test) -> int | None:
    return next((j for j in range(i, min(stop, len(lines))) if test(lines[j])), None)


# The field block: Nomor, Perihal/Hal and their neighbours.

def _header(lines: list[str], stop: int) -> _Header:
    """The first block of fields (no more than 6 lines apart) above ``stop``."""
    number = number_end = subject = first = last = None
    for i in range(stop):
        if last is not None and i - last > 6:
            break
        m = _FIELD.match(lines[i][:_MAX_LINE])
        if not m:
            continue
        end = i
        if m["number"] and number is None:
            number, number_end = _number(m, i)
            if number is None:
                continue
        elif m["subject"] and subject is None and (m["colon"] or m["value"][:1].isupper()):
            subject, end = _subject(lines, i, m, stop)
            if subject is None:
                continue
        elif not m["colon"]:
            continue
        first = i if first is None else first
        last = end
    return _Header(number, number_end, subject, first, last)


def _number(m: re.Match, line: int) -> tuple[str | None, tuple[int, int] | None]:
    value = m["value"][:200]
    lead = len(value) - len(value.lstrip(":;. "))
    found = _NUMBER.match(value, lead)
    if not found or not any(c.isdigit() for c in found[0]):
        return None, None
    return " ".join(found[0].split()).rstrip(".,;:-"), (line, m.start("value") + found.end())


def _subject(lines: list[str], i: int, m: re.Match, stop: int) -> tuple[str | None, int]:
    """The Perihal value and up to two continuation lines; returns it and its last line."""
    parts = []
    first, cut = _left_column(m["value"].lstrip(":; "))
    if first.strip("-"):
        parts.append(first)
    last = i
    for j in range(i + 1, min(i + 3, stop)):
        line = lines[j][:_MAX_LINE]
        if not parts or _ends_subject(line):
            break
        left, line_cut = _left_column(line)
        if not left or len(left) > 70 or (cut == "addressee" and line_cut is None):
            break
        parts.append(left)
        last = j
    subject = " ".join(" ".join(parts).split()).strip(_EDGE + ",;:")
    return subject or None, last


def _left_column(text: str) -> tuple[str, str | None]:
    """The text before a right column, and how that column showed: a "gap" or an "addressee"."""
    m = _COLUMN_END.search(text)
    if not m:
        return text.strip(_EDGE), None
    return text[:m.start()].strip(_EDGE), "gap" if m["gap"] else "addressee"


def _ends_subject(line: str) -> bool:
    return (_blank(line) or _FIELD.match(line) is not None or _ADDRESSEE.match(line) is not None
            or _DI_MARK.match(line) is not None or _GREETING.search(line) is not None
            or any(d.placed for d in _dates(line)))


# Where the body starts and ends.

def _body_start(lines: list[str], header: _Header, letter: bool) -> int | None:
    """Without a greeting: after the Kepada/Yth block or after the fields, whichever is later."""
    after = [_after_addressee(lines, (header.last or 0) + 10)]
    if letter:
        after.append(_next_filled(lines, header.last + 1, len(lines)))
    found = [i for i in after if i is not None]
    return max(found) if found else None


def _after_addressee(lines: list[str], stop: int) -> int | None:
    """The first line after the "Kepada Yth. … di- Tempat" block that starts above ``stop``."""
    k = _first(lines, 0, stop, _addressee_line)
    if k is None:
        return None
    end = _first(lines, k, k + 10, _di_line)
    if end is not None:
        after = _next_filled(lines, end + 1, end + 3)
        place = _DI.match(lines[end])["place"]
        if not place.strip() and after is not None and len(lines[after].split()) <= 3:
            end = after
    else:
        end = _first(lines, k + 1, k + 8, lambda s: _blank(s) or len(s) > 60 or s.endswith("."))
        end = (end if end is not None else min(k + 8, len(lines))) - 1
    return _next_filled(lines, end + 1, len(lines))


def _addressee(lines: list[str], stop: int) -> str:
    k = _first(lines, 0, stop, _addressee_line)
    if k is None:
        return ""
    end = _after_addressee(lines, stop) or k + 6
    return " ".join(" ".join(lines[k:min(end, k + 8)]).split())


def _addressee_line(line: str) -> bool:
    """A line that starts with "Kepada"/"Yth", or a field line with the addressee in its right column."""
    return _ADDRESSEE.match(line) is not None or (_field_line(line) and _ADDRESSEE.search(line) is not None)


def _di_line(line: str) -> bool:
    """The "di- Tempat" / "di Liwa" line that ends an address block."""
    return _DI.match(line) is not None and len(line.split()) <= 4


def _body_end(lines: list[str], start: int, signature: int) -> int:
    end = min(signature, _first(lines, start + 1, signature, _signature_marker) or signature)
    demikian = _first(lines, start, end, _DEMIKIAN.match)
    if demikian is not None:
        end = _first(lines, demikian + 1, min(end, demikian + 5), _paragraph_end) or min(end, demikian + 5)
    return end


def _signature_marker(line: str) -> bool:
    return (_CLOSING.match(line) is not None or _DEPUTY.match(line) is not None
            or _TEMBUSAN.match(line) is not None or any(d.alone for d in _dates(line)))


def _paragraph_end(line: str) -> bool:
    return _blank(line) or _signature_marker(line) or (line.endswith(",") and len(line.split()) <= 8)


def _body(text: str, lines: list[str], start: int | None, end: int, greeting: int | None) -> str:
    if start is None or end <= start:
        return text.strip()
    part = lines[start:end]
    if greeting == start:
        part[0] = part[0][_GREETING.search(part[0]).start():]
    return "\n".join(part).strip()


# The signature block.

def _signer(lines: list[str], start: int, letter: bool) -> tuple[str | None, str | None, int]:
    """The signer's name, NIP and the first line of the signature block (len(lines) if none)."""
    tembusan = _first(lines, start, len(lines), _TEMBUSAN.match) or len(lines)
    closing = _first(lines, start, tembusan, lambda s: bool(_DEMIKIAN.match(s) or _CLOSING.match(s)))
    nip_line = _nip_line(lines, start if closing is None else closing, tembusan, closing is None)
    if nip_line is not None:
        m = _nip(lines, nip_line)
        nip = m["digits"].replace(" ", "").translate(_NIP_DIGITS)
        name, at = _name_above(lines, nip_line, m.start(), start)
        return name, nip, _block_top(lines, at, start)
    if letter:
        for title in range(tembusan - 1, (closing or start) - 1, -1):
            found = _name_below(lines, title, tembusan)
            if found is not None:
                return found[0], None, _block_top(lines, found[1], start)
    return None, None, tembusan


def _nip_line(lines: list[str], start: int, stop: int, last: bool) -> int | None:
    found = [i for i in range(start, stop) if _nip(lines, i)]
    return (found[-1] if last else found[0]) if found else None


def _nip(lines: list[str], i: int) -> re.Match | None:
    line = lines[i][:_MAX_LINE]
    if i + 1 < len(lines) and _NIP_TAIL.fullmatch(lines[i + 1]):
        line = f"{line} {lines[i + 1]}"
    return _NIP.search(line)


def _name_above(lines: list[str], nip_line: int, nip_at: int, floor: int) -> tuple[str | None, int]:
    """The name on the NIP line before "NIP", or the nearest line above that is not a rank."""
    same = _name(lines[nip_line][:nip_at])
    if same:
        return same, nip_line
    for i in range(nip_line - 1, max(floor, nip_line - 6), -1):
        line = lines[i]
        if _blank(line) or _RANK.match(line) or _GRADE.search(line) or _NOISE.fullmatch(line):
            continue
        name = _name(line)
        return (name, i) if name else (None, nip_line)
    return None, nip_line


def _name_below(lines: list[str], title: int, stop: int) -> tuple[str, int] | None:
    """After a title line ("Camat Balik Bukit,"), the name line below it."""
    line = lines[title]
    if not line.endswith(",") or len(line.split()) > 10 or any(d.placed for d in _dates(line)):
        return None
    below = _first(lines, title + 1, stop, lambda s: not (_blank(s) or _NOISE.fullmatch(s)))
    name = _name(lines[below]) if below is not None else None
    return (name, below) if name else None


def _name(line: str) -> str | None:
    line = _NAME_LABEL.sub("", line.strip(_EDGE + "()"), count=1).strip(_EDGE + "()")
    words = line.split()
    if (not 1 <= len(words) <= 8 or len(line) > 70 or not _NAME_START.match(line)
            or line.endswith((",", ":")) or any(c.isdigit() for c in line)
            or sum(c.isalpha() for c in line) < 3 or _FIELD.match(line) or _RANK.match(line)):
        return None
    return " ".join(words).rstrip(",;:")


def _block_top(lines: list[str], at: int, floor: int) -> int:
    """The first line of the signature block: title, "a.n.", closing and date lines above the name."""
    top = at
    for i in range(at - 1, max(floor, at - 9), -1):
        line = lines[i]
        if _blank(line) or _NOISE.fullmatch(line):
            continue
        if not _title_like(line):
            break
        top = i
    return top


def _title_like(line: str) -> bool:
    return (len(line.split()) <= 10 and not line.endswith(".") and ":" not in line
            and (line[:1].isupper() or _DEPUTY.match(line) is not None)
            and _DEMIKIAN.match(line) is None)


# Dates.

def _letter_date(lines: list[str], start: int | None, end: int, number_end: tuple[int, int] | None,
                 letter: bool) -> datetime.date | None:
    """Place+date lines above or below the body first, then bare dates there, then the body's."""
    def rank(d: _Dated) -> tuple:
        in_body = start is not None and start <= d.line < end
        return in_body, not d.placed, d.line >= end, d.line, d.at
    found = [d for i, line in enumerate(lines)
             for d in _dates(line, i, number_end[1] if number_end and number_end[0] == i else 0)
             if letter or d.placed]
    return min(found, key=rank).value if found else None


def _dates(line: str, index: int = 0, offset: int = 0) -> list[_Dated]:
    line = line[:_MAX_LINE]
    found = []
    for m in (*_WORD_DATE.finditer(line, offset), *_NUMERIC_DATE.finditer(line, offset)):
        month = _month(m["month"])
        value = _date(int(m["year"]), month, int(m["day"])) if month else None
        if value:
            placed, from_start = _placed(line[:m.start()])
            alone = placed and from_start and _blank(line[m.end():])
            found.append(_Dated(index, m.start(), value, placed, alone))
    return found


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _placed(before: str) -> tuple[bool, bool]:
    """Whether a date follows a place ("Liwa, ") or a "Tanggal :" label, and whether that starts the line."""
    if _DATE_LABEL.fullmatch(before):
        return True, False
    window = _DATE_WORD_BEFORE.sub("", before[-80:])
    m = _PLACE.search(window)
    if not m or m["place"].split()[0].lower() in _NOT_PLACES:
        return False, False
    from_start = len(before) <= 80 and not window[:m.start()].strip()
    return bool(m["comma"]) or from_start, from_start


def _month(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    word = word.lower().replace("0", "o").replace("rn", "m")
    if word in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[word]
    prefixed = {n for name, n in _MONTH_NAMES.items() if name.startswith(word)}
    if prefixed or len(word) < 4:
        return prefixed.pop() if len(prefixed) == 1 else None
    limit = 1 if len(word) <= 6 else 2
    close = {}
    for name, n in _MONTH_NAMES.items():
        distance = _distance(word, name)
        if distance <= limit:
            close.setdefault(distance, set()).add(n)
    nearest = close[min(close)] if close else set()
    return nearest.pop() if len(nearest) == 1 else None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


# The letterhead (kop).

def _agency(top: list[str]) -> str | None:
    gov = _first(top, 0, len(top), _GOV.match)
    if gov is not None:
        return _agency_below(top, gov)
    address = _first(top, 0, len(top), lambda s: _address_at(s) is not None)
    return _agency_above(top, address) if address is not None else None


def _agency_below(top: list[str], gov: int) -> str | None:
    rest = _GOV.match(top[gov])["rest"].strip()
    at = _address_at(rest)   # a header read as one line: "PEMERINTAH … DINAS X Jalan …"
    if at is not None:
        rest = rest[:at].strip()
    merged = _UNIT.search(rest)
    parts = [rest[merged.start():]] if merged else []
    if parts and at is not None:
        return _unit(parts)
    skip_region = _BARE_REGION.fullmatch(rest) is not None
    for line in top[gov + 1:]:
        if _blank(line):
            continue
        if skip_region or _REGION.fullmatch(line):
            skip_region = False
            continue
        at = _address_at(line)
        head = _caps(line[:at] if at is not None else line)
        if head is None:
            break
        parts.append(head)
        if at is not None or len(parts) == 4:
            break
    return _unit(parts)


def _agency_above(top: list[str], address: int) -> str | None:
    head = _caps(top[address][:_address_at(top[address])])
    parts = [head] if head else []
    for line in reversed(top[:address]):
        if _blank(line):
            continue
        if _REGION.fullmatch(line):
            continue
        head = _caps(line)
        if head is None:
            break
        parts.insert(0, head)
        if len(parts) == 4:
            break
    return _unit(parts)


def _unit(parts: list[str]) -> str | None:
    """The sending unit: lines of one name joined, a later line starting a unit of its own wins."""
    name: list[str] = []
    for part in parts:
        if name and _UNIT.match(part) and not _JOINS_NEXT.search(name[-1]):
            name = []
        name.append(part)
    return " ".join(" ".join(name).split()) or None


def _address_at(line: str) -> int | None:
    if _ADDRESS_START.match(line):
        return 0
    m = _ADDRESS_INSIDE.search(line[:_MAX_LINE])
    return m.start() if m else None


def _caps(text: str) -> str | None:
    """The text if it is a caps letterhead line (not a field or a document title), else None."""
    text = text.strip(_EDGE + ".:;-")
    letters = [c for c in text if c.isalpha()]
    if (len(letters) < 3 or sum(c.isupper() for c in letters) < 0.8 * len(letters)
            or _FIELD.match(text) or _DOC_TITLE.match(text)):
        return None
    return text
