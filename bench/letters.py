"""Letters: seconds for mailproc.intake.letter.extract to read an attached letter, child process
included, as the caller sees it. Medians of 5 runs (OCR: 3) after one warm-up run, on the fixtures
of tests/letter_fixtures.py: the 2-page text PDF, the DOCX, and an A4 page photographed by a phone at
~200 dpi (upright, and turned 90°, which takes the second, orientation-detecting OCR pass). Each
reader is a fork of the warm reader process, started once before the figures (as in the running
service).

    .venv/bin/python bench/letters.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import letter_fixtures as fixtures  # noqa: E402
from mailproc.intake.letter.extract import extract  # noqa: E402

RUNS, OCR_RUNS = 5, 3


def median_seconds(filename: str, content_type: str, data: bytes, runs: int) -> float:
    """The median wall-clock time of ``runs`` extractions after a warm-up, each checked to have
    read the letter."""
    wall = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        result = extract(filename, content_type, data)
        wall.append(time.perf_counter() - start)
        if result.error or "perihal" not in result.text.lower():
            raise SystemExit(f"{filename}: not read ({result.error})")
    return statistics.median(wall[1:])


def main() -> None:
    pdf = fixtures.letter_pdf()
    scan = fixtures.page_image(pdf, dpi=200)
    cases = [
        ("letter_pdf_text", "surat.pdf", "application/pdf", pdf, RUNS),
        ("letter_docx", "surat.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         fixtures.letter_docx(), RUNS),
        ("letter_ocr_photo", "IMG_0001.jpg", "image/jpeg", fixtures.photo(scan, 3), OCR_RUNS),
        ("letter_ocr_photo_turned", "IMG_0002.jpg", "image/jpeg", fixtures.photo(scan, 90), OCR_RUNS),
    ]
    for name, filename, content_type, data, runs in cases:
        print(f"{name}: {median_seconds(filename, content_type, data, runs):.3f} s", flush=True)


def intake_with_letters(stack, kind: str, count: int, runs: int) -> None:
    """The backlog intake of ``count`` plain requests against the same where one in ten carries the
    2-page text PDF letter: the cost of reading letters in the running intake (aim: within 1.5x)."""
    from email import message_from_bytes, policy

    from bench.corpus import request
    from bench.intake import mailproc_poll
    from bench.mailbox import refill_inbox, store_backlog
    from bench.report import Target, figure

    pdf = fixtures.letter_pdf()
    plain = [request(f"umum{i % 7}@diskes.lampungbaratkab.go.id", i, salt="lp") for i in range(count)]
    lettered = []
    for i in range(count):
        msg = message_from_bytes(request(f"umum{i % 7}@diskes.lampungbaratkab.go.id", i, salt="lw"),
                                 policy=policy.default)
        if i % 10 == 0:
            msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="Surat_Permohonan.pdf")
        lettered.append(bytes(msg))
    rates = {}
    for name, messages in (("plain", plain), ("letters", lettered)):
        folder = store_backlog(stack, messages, folder=f"Bench-{name}")
        rates[name] = []
        for _ in range(runs):
            assert refill_inbox(stack, count, folder=folder) == count
            run = mailproc_poll(stack, kind)
            rates[name].append(count / run.seconds)
    figure(f"letters.intake.{kind}", rates["letters"], "msgs/s", baseline=rates["plain"],
           target=Target(1 / 1.5, True, "ratio"), note=f"{count} requests, one in ten with a 2-page text PDF; "
                                                      "baseline: the same without letters")


if __name__ == "__main__":
    main()
