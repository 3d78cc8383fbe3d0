"""The custom PDF Info keys that name an issued Berita Acara: written by the renderer, read back by
``verify`` (WeasyPrint keeps only the alphanumerics of a meta name). Kept apart from both so that
reading a PDF's identity loads neither WeasyPrint nor the renderer."""

META_TICKET_ID = "mailproc-ticket-id"
META_VERSION = "mailproc-version"
META_VERIFICATION_CODE = "mailproc-verification-code"
