"""Mail as data: parsing, HTML as text, the raw-bytes check, the IMAP connection."""
