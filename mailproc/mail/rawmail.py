"""The one check made on raw bytes before anything parses them: do they start like a mail? Kept
apart from ``parse`` so that the pipe door (``mailproc ingest``, one process per message) can
refuse junk without importing the parser."""
from __future__ import annotations

import re

HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")


def looks_like_mail(raw: bytes) -> bool:
    """True when the bytes start with an RFC 5322 header line (after optional mbox 'From ' line)."""
    head = raw.lstrip(b"\r\n")[:2000]
    if head.startswith(b"From "):
        head = head.split(b"\n", 1)[-1]
    return bool(HEADER_LINE.match(head))
