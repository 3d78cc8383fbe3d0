"""Authentication: did the receiving server prove that the From domain sent this message?

Read from the ``Authentication-Results`` headers (RFC 8601) written by our own receiving servers,
named by their authserv-id in ``[senders] authserv_ids``. Anyone can add such a header to a
message; only the receiving server's own counts (§5), and that server must strip copies carrying
its authserv-id that arrive from outside. The message is authenticated when a trusted header shows
``dmarc=pass`` (for the From domain), or ``dkim=pass`` with ``header.d`` equal to the From domain or a
parent of it. Several trusted headers that disagree are not believed at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mailproc.mail.parse import Mail

_COMMENT = re.compile(r"\([^()]*\)")
_PROPERTY = re.compile(r"([a-z]+)\.([a-z0-9_-]+)\s*=\s*\"?([^\s\";]+)\"?", re.IGNORECASE)
_RESULT = re.compile(r"^\s*([a-z0-9_-]+)\s*=\s*([a-z]+)", re.IGNORECASE)


@dataclass(frozen=True)
class MethodResult:
    method: str                    # dkim | dmarc | spf | ...
    result: str                    # pass | fail | none | ...
    properties: dict[str, str]     # "header.d" -> "gmail.com"


def parse_results(value: str) -> tuple[str, list[MethodResult]]:
    """One header's value as (authserv-id, results), lower-cased; ("", []) when it cannot be read."""
    text = value
    for _ in range(5):             # nested comments, a few levels deep
        text = _COMMENT.sub(" ", text)
    parts = [p.strip() for p in text.split(";")]
    if not parts or not parts[0]:
        return "", []
    authserv_id = parts[0].split()[0].lower()
    results = []
    for part in parts[1:]:
        found = _RESULT.match(part)
        if not found:
            continue
        props = {f"{a.lower()}.{b.lower()}": c.lower() for a, b, c in _PROPERTY.findall(part[found.end():])}
        results.append(MethodResult(found.group(1).lower(), found.group(2).lower(), props))
    return authserv_id, results


def _within(domain: str, parent: str) -> bool:
    return bool(parent) and (domain == parent or domain.endswith("." + parent))


def _passes(results: list[MethodResult], from_domain: str) -> bool:
    for r in results:
        if r.result != "pass":
            continue
        if r.method == "dmarc" and r.properties.get("header.from", from_domain) == from_domain:
            return True
        if r.method == "dkim" and _within(from_domain, r.properties.get("header.d", "")):
            return True
    return False


def authenticated(mail: Mail, authserv_ids: tuple[str, ...] | list[str]) -> bool:
    """True only when every header of a trusted server agrees that the From domain is proven."""
    trusted = {a.lower() for a in authserv_ids}
    from_domain = mail.sender.rpartition("@")[2].lower()
    if not trusted or not from_domain:
        return False
    verdicts = set()
    for value in mail.header_values("authentication-results"):
        authserv_id, results = parse_results(value)
        if authserv_id in trusted:
            verdicts.add(_passes(results, from_domain))
    return verdicts == {True}
