"""The IMAP connection: log in with the config's security settings, or say in one line why not."""
from __future__ import annotations

import ssl

from mailproc.core.errors import AdminError
from mailproc.mail.oauth import LoginRefused, TokenUnavailable, login_with_token


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
        if c.auth == "xoauth2":
            _oauth2_login(client, c)
        else:
            client.login(c.username, c.password)
    except ssl.SSLCertVerificationError as exc:
        raise MailboxUnavailable(f"IMAP {c.host}:{c.port}: TLS certificate not trusted: {exc.verify_message}") from exc
    except LoginError as exc:
        raise MailboxUnavailable(f"IMAP {c.host}:{c.port}: login as {c.username} refused: {one_line(exc)}") from exc
    except (OSError, ssl.SSLError) as exc:
        raise MailboxUnavailable(f"IMAP {c.host}:{c.port} unreachable: {exc}") from exc
    return client


def _oauth2_login(client, c) -> None:
    """XOAUTH2 with the token of ``c.token_command``, fetched again once if the server refuses it."""
    from imapclient.exceptions import LoginError

    def login(token: str) -> None:
        try:
            client.oauth2_login(c.username, token)
        except LoginError as exc:
            raise LoginRefused(one_line(exc)) from None

    try:
        login_with_token(c.token_command, login)
    except LoginRefused as exc:
        raise MailboxUnavailable(f"IMAP {c.host}:{c.port}: XOAUTH2 login as {c.username} refused: {exc}") from None
    except TokenUnavailable as exc:
        raise MailboxUnavailable(f"IMAP {c.host}:{c.port}: XOAUTH2 login as {c.username}: {exc}") from None


def one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]
