"""The IMAP connection: log in with the config's security settings, or say in one line why not."""
from __future__ import annotations

import ssl

from mailproc.core.errors import AdminError


class MailboxUnavailable(AdminError):
    """The IMAP server cannot be reached or refuses us; the text is one line for the log."""


def connect(imap_config, timeout: float = 60):
    """An authenticated IMAPClient, with certificate checks on unless the config turns them off."""
    from imapclient import IMAPClient
    from imapclient.exceptions import LoginError

    c = imap_config
    context = None
    if c.security in ("ssl", "starttls"):
        context = ssl.create_default_context(cafile=str(c.ca_file) if c.ca_file else None)
        if not c.verify:
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    try:
        client = IMAPClient(c.host, port=c.port, ssl=c.security == "ssl", ssl_context=context, timeout=timeout)
        if c.security == "starttls":
            client.starttls(context)
        client.login(c.username, c.password)
    except ssl.SSLCertVerificationError as exc:
        raise MailboxUnavailable(f"IMAP {c.host}:{c.port}: TLS certificate not trusted: {exc.verify_message}") from exc
    except LoginError as exc:
        raise MailboxUnavailable(f"IMAP {c.host}:{c.port}: login as {c.username} refused: {one_line(exc)}") from exc
    except (OSError, ssl.SSLError) as exc:
        raise MailboxUnavailable(f"IMAP {c.host}:{c.port} unreachable: {exc}") from exc
    return client


def one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]
