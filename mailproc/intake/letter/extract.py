"""The text of an attached letter (surat permohonan): a PDF's text layer, a DOCX, an ODT, or OCR of a
scan or phone photo, read in a child process (child.py) so that a hostile or broken file costs at
most the limits below and never an exception.

This side only picks the attachments, starts the child and reads its answer; it decodes nothing.
The child is a fork of a warm reader process (a multiprocessing forkserver that imported the
readers' libraries once), so a document costs a fork, not a Python start: a text PDF or a DOCX is
read in a few hundredths of a second. (The process's main module must guard its start with
``if __name__ == "__main__"``: multiprocessing imports it in each child, as the entry points do.)
Per message at most ``max_documents`` letters (documents before images), each at most ``max_bytes``
(a bigger one is skipped with the reason). Per document a child process in its own session, with
``memory_mb`` of address space, CPU seconds a little above ``timeout``, no file writes and no core
dumps; it reads at most ``max_pages`` pages, each image or rendered page at most ``max_pixels``
(checked from the header or the page size before decoding). At ``timeout`` seconds of wall clock the
child's whole process group (Tesseract included) is killed; the pages it had already sent are kept.
"""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import multiprocessing
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from mailproc.intake.letter.child import serve

CHILD = "mailproc.intake.letter.child"
REAP_SECONDS = 2.0                                     # after the kill, for the pipes to close
PAGE_SEPARATOR = "\n\f\n"

KINDS_BY_EXTENSION = {
    ".pdf": "pdf", ".docx": "docx", ".odt": "odt",
    ".jpg": "image", ".jpeg": "image", ".png": "image", ".tif": "image", ".tiff": "image",
    ".webp": "image", ".heic": "image", ".heif": "image",
}
KINDS_BY_TYPE = {
    "application/pdf": "pdf", "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "image/jpeg": "image", "image/pjpeg": "image", "image/png": "image", "image/tiff": "image",
    "image/webp": "image", "image/heic": "image", "image/heif": "image",
}


@dataclass(frozen=True)
class Limits:
    max_documents: int = 3        # per message
    max_pages: int = 5            # per document
    max_bytes: int = 15_000_000   # a bigger attachment is skipped, the reason recorded
    max_pixels: int = 40_000_000  # per image or rendered page, checked before decoding
    timeout: float = 30.0         # wall clock per document, seconds
    memory_mb: int = 768          # the child's address space (RLIMIT_AS)
    ocr: bool = True
    ocr_dpi: int = 200


@dataclass(frozen=True)
class Page:
    number: int
    text: str


@dataclass(frozen=True)
class Extraction:
    filename: str
    content_type: str
    source: str | None            # "pdf_text" | "docx" | "odt" | "ocr"; None when nothing was read
    pages: tuple[Page, ...]
    error: str | None             # why it failed or was skipped (partly, if pages were read), one line
    seconds: float

    @property
    def text(self) -> str:
        return PAGE_SEPARATOR.join(page.text for page in self.pages)


def letter_kind(filename: str, content_type: str) -> str | None:
    """"pdf", "docx", "odt" or "image" by the file name's extension, else by the MIME type; None
    for anything else (spreadsheets, archives, signatures, calendars, GIF logos...)."""
    by_name = KINDS_BY_EXTENSION.get(PurePath((filename or "").strip().lower()).suffix)
    return by_name or KINDS_BY_TYPE.get((content_type or "").split(";")[0].strip().lower())


def is_letter_like(filename: str, content_type: str) -> bool:
    return letter_kind(filename, content_type) is not None


def extract_all(attachments: Iterable[tuple[str, str, bytes]], limits: Limits = Limits()) -> list[Extraction]:
    """The letter-like attachments, documents before images (a logo in a signature is an image
    too), at most ``max_documents`` of them, read one after the other."""
    letters = [attachment for attachment in attachments if is_letter_like(*attachment[:2])]
    letters.sort(key=lambda attachment: letter_kind(*attachment[:2]) == "image")
    return [extract(*attachment, limits=limits) for attachment in letters[:limits.max_documents]]


def extract(filename: str, content_type: str, data: bytes, limits: Limits = Limits()) -> Extraction:
    """The letter's text, or the reason there is none (``error``); never raises for a bad file."""
    start = time.monotonic()
    kind = letter_kind(filename, content_type)
    if kind is None:
        records, error = [], "not a letter format (PDF, DOCX, ODT or image)"
    elif len(data) > limits.max_bytes:
        records, error = [], f"{len(data):,} bytes exceeds the limit of {limits.max_bytes:,}"
    else:
        records, error = run_child(kind, data, limits)
    records = records[:limits.max_pages]
    pages = tuple(Page(record["page"], record["text"]) for record in records)
    return Extraction(filename, content_type, source_of(records), pages, error,
                      round(time.monotonic() - start, 3))


def source_of(records: list[dict]) -> str | None:
    """"pdf_text" if any page came from a PDF's text layer, else the source of the first page."""
    sources = [record["source"] for record in records]
    return "pdf_text" if "pdf_text" in sources else next(iter(sources), None)


def run_child(kind: str, data: bytes, limits: Limits) -> tuple[list[dict], str | None]:
    """Read ``data`` in a child process: its page records, and its error or the way it ended badly."""
    request = json.dumps({"kind": kind, "limits": dataclasses.asdict(limits)})
    reader, writer = _readers().Pipe(duplex=False)
    try:
        child = _readers().Process(target=serve, args=(request, data, writer, child_environment()), daemon=True)
        child.start()
    except OSError as exc:      # no process to be had (fork refused, descriptors exhausted)
        return [], f"could not start the reader ({exc})"
    finally:
        writer.close()
    lines, timed_out = [], False
    deadline = time.monotonic() + limits.timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not reader.poll(left):
                timed_out = True
                break
            lines.append(reader.recv_bytes())
            if lines[-1].startswith(b'{"error"'):
                break
    except (EOFError, OSError):   # the child is gone: what it sent is what there is
        pass
    finally:
        kill_group(child.pid)      # anything the child left behind (Tesseract), or all of it at the timeout
        if child.is_alive():       # killed before it had its own session
            child.kill()
        child.join(REAP_SECONDS)
        reader.close()
    records, final, garbage = parse_output(b"\n".join(lines))
    if timed_out:
        return records, f"timed out after {limits.timeout:g} s"
    if final is not None and not garbage:
        return records, final.get("error")
    return records, ending(child.exitcode or 0, b"", garbage)


def _readers():
    """The warm reader process: a forkserver that imported the readers' libraries once, so that a
    document costs a fork, not a Python start. Each document is read in a fresh fork of it, which
    replaces its environment with ``child_environment()`` before it reads anything."""
    global _CONTEXT
    if _CONTEXT is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([CHILD, *PRELOAD])
        _CONTEXT = context
    return _CONTEXT


_CONTEXT = None
PRELOAD = ("pypdfium2", "docx", "odf.opendocument", "odf.teletype", "PIL.Image", "PIL.ImageOps", "PIL.ImageFilter")


def child_environment() -> dict[str, str]:
    """Only what the child needs: none of the service's settings or secrets reach a file's parser."""
    environment = {"PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8"}
    if "TESSDATA_PREFIX" in os.environ:
        environment["TESSDATA_PREFIX"] = os.environ["TESSDATA_PREFIX"]
    return environment


def kill_group(group: int) -> None:
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        pass


def parse_output(stdout: bytes) -> tuple[list[dict], dict | None, bool]:
    """The child's page records, its final record (None if it never got there), and whether any
    line was not what the child writes."""
    records, final, garbage = [], None, False
    for line in stdout.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            garbage = True
            continue
        if is_page_record(record):
            records.append(record)
        elif isinstance(record, dict) and set(record) == {"error"}:
            final = record
        else:
            garbage = True
    return records, final, garbage


def is_page_record(record) -> bool:
    return (isinstance(record, dict) and isinstance(record.get("page"), int)
            and isinstance(record.get("text"), str) and isinstance(record.get("source"), str))


def ending(returncode: int, stderr: bytes, garbage: bool) -> str:
    """One line for a child that did not finish its answer."""
    if returncode == -signal.SIGXCPU:
        return "CPU time limit exceeded"
    if returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.valid_signals() else f"signal {-returncode}"
        return f"reader killed by {name} (a crash, or out of memory)"
    if returncode > 0:
        last = (stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        return f"reader exited with status {returncode}: {last[:160]}"
    return "reader wrote garbage" if garbage else "reader stopped without an answer"
