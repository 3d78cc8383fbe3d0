"""XOAUTH2 access tokens for IMAP and SMTP login (``auth = "xoauth2"``).

The admin's ``token_command`` prints a current access token on stdout (it does whatever refresh
the provider needs). The token is kept in memory, per command, until a login with it is refused:
then the command runs once more and the login is tried once more. A token is a password: it never
appears in a message or a log line.
"""
from __future__ import annotations

import shlex
import subprocess
from collections.abc import Callable
from typing import TypeVar

from mailproc.core.errors import AdminError

TIMEOUT = 20   # seconds the token command may take

T = TypeVar("T")
_tokens: dict[str, str] = {}   # token_command -> the last token it printed


class TokenUnavailable(AdminError):
    """The token command could not give a token; the text is one line for the log."""


class LoginRefused(Exception):
    """Raised by a login attempt when the server refused the token (not when it is unreachable);
    its text is the server's answer."""


def xoauth2_string(user: str, token: str) -> str:
    """The XOAUTH2 initial response (before base64), as Google and Microsoft document it."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def access_token(command: str, fresh: bool = False) -> str:
    """The cached token of ``command``; with ``fresh`` (or none cached yet) the command is run."""
    if not fresh and command in _tokens:
        return _tokens[command]
    argv = shlex.split(command)
    name = argv[0] if argv else "(empty)"
    try:
        result = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise TokenUnavailable(f"token_command {name}: no token within {TIMEOUT} s") from None
    except (OSError, IndexError) as exc:
        raise TokenUnavailable(f"token_command {name}: cannot run: {getattr(exc, 'strerror', None) or exc}") from None
    if result.returncode != 0:
        said = " ".join(result.stderr.split())[:200]
        raise TokenUnavailable(f"token_command {name} exited with status {result.returncode}"
                               + (f": {said}" if said else ""))
    token = result.stdout.strip()
    if not token:
        raise TokenUnavailable(f"token_command {name} printed no token")
    _tokens[command] = token
    return token


def login_with_token(command: str, login: Callable[[str], T]) -> T:
    """``login(token)`` with the cached token; when the server refuses it (``LoginRefused``), once more
    with a token freshly printed by the command. A second refusal is raised."""
    try:
        return login(access_token(command))
    except LoginRefused:
        pass
    return login(access_token(command, fresh=True))
