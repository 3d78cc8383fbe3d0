"""The OPD registry (``rules/opd.toml``): which agency a sender belongs to, and its penanggung jawab.

Lookup order: an exact address (listed by an OPD, or the address of its penanggung jawab) beats a
domain; a domain also covers its subdomains, and the longest registered domain wins. By name
(``find``: an OPD a person names, or the agency printed in a letter's letterhead): the key, the
name, the abbreviation in its brackets and the ``aliases``, whatever the case, punctuation or a
leading "Dinas"/"Badan"/"Kantor"; failing an exact match, the close ones (OCR, typing).

Given a database session, ``lookup`` and ``lists_address`` also see the addresses the Pranata
Komputer registered by reply (``sender_registrations``), after everything in the file: the file wins.
"""
from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailproc.core.config import RulesError
from mailproc.store.models import SenderRegistration

OPD_FILE = "opd.toml"

_ADDRESS = re.compile(r"^[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+$")
_DOMAIN = re.compile(r"^[a-z0-9\-]+(?:\.[a-z0-9\-]+)+$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_NIP = re.compile(r"^\d{18}$")


class RegistryError(RulesError):
    """A problem in opd.toml; the message names the file and the key."""


@dataclass(frozen=True)
class ResponsiblePerson:
    name: str
    nip: str
    email: str


@dataclass(frozen=True)
class Opd:
    key: str
    name: str
    addresses: tuple[str, ...]
    domains: tuple[str, ...]
    pj: ResponsiblePerson | None
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every way to name it: key, name, the name without its bracketed abbreviation, that
        abbreviation, the aliases."""
        bracketed = _BRACKETED.findall(self.name)
        return (self.key, self.name, _BRACKETED.sub(" ", self.name), *bracketed, *self.aliases)


def normalise_address(address: str) -> str:
    """'Name <User@Host>' -> 'user@host' (empty when there is no address)."""
    _, addr = parseaddr(address or "")
    return addr.strip().lower()


class OpdRegistry:
    def __init__(self, opds: tuple[Opd, ...]) -> None:
        self._opds = {opd.key: opd for opd in opds}
        self._by_address: dict[str, Opd] = {}
        self._by_domain: dict[str, Opd] = {}
        for opd in opds:
            for address in opd.addresses + ((opd.pj.email,) if opd.pj else ()):
                self._by_address.setdefault(address, opd)
            for domain in opd.domains:
                self._by_domain[domain] = opd
        self._by_name: dict[str, list[Opd]] = {}
        for opd in opds:
            for form in {_name_form(n) for n in opd.names()} - {""}:
                self._by_name.setdefault(form, []).append(opd)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, rules_dir: Path) -> "OpdRegistry":
        path = Path(rules_dir) / OPD_FILE
        try:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
        except FileNotFoundError:
            raise RegistryError(f"{path}: file not found") from None
        except tomllib.TOMLDecodeError as exc:
            raise RegistryError(f"{path}: not valid TOML: {exc}") from None
        raw = data.get("opd")
        if not isinstance(raw, dict) or not raw:
            raise RegistryError(f"{path}: opd: missing; expected tables like [opd.diskes]")
        extra = set(data) - {"opd"}
        if extra:
            raise RegistryError(f"{path}: {sorted(extra)[0]}: unknown top-level key")
        opds = tuple(_read_opd(path, key, value) for key, value in raw.items())
        _check_unique(path, opds)
        return cls(opds)

    # ------------------------------------------------------------------ queries
    def lookup(self, address: str, s: Session | None = None) -> Opd | None:
        """The OPD of an address; with ``s``, also an address registered by the Prakom's reply."""
        addr = normalise_address(address)
        if "@" not in addr:
            return None
        exact = self._by_address.get(addr)
        if exact is not None:
            return exact
        labels = addr.rpartition("@")[2].split(".")
        for start in range(len(labels) - 1):  # longest suffix first
            opd = self._by_domain.get(".".join(labels[start:]))
            if opd is not None:
                return opd
        return self._registered(s, addr)

    def _registered(self, s: Session | None, addr: str) -> Opd | None:
        if s is None:
            return None
        key = s.scalar(select(SenderRegistration.opd_key).where(
            SenderRegistration.address == addr, SenderRegistration.status == "registered")
            .order_by(SenderRegistration.id.desc()).limit(1))
        return self._opds.get(key) if key else None

    def named(self, text: str) -> list[Opd]:
        """The OPDs ``text`` names exactly (no close matches): as typed, without its bracketed part,
        or by the abbreviation in its brackets ("Dinas Kesehatan (Diskes)"), with or without a
        trailing "Kabupaten Lampung Barat". One is a match."""
        bare = _BRACKETED.sub(" ", text)
        forms = (text, bare, *_BRACKETED.findall(text))
        for form in forms:
            found = self.find(form, cutoff=1.0) if form.strip() else []
            if found:
                return found
        return []

    def named_in(self, text: str) -> Opd | None:
        """The OPD a letterhead or signature names (a name or abbreviation of 4+ letters, as whole
        words); the last one named wins, as a signature comes after the text."""
        haystack = f" {_NON_WORD.sub(' ', text.lower())} "
        best, best_at = None, -1
        for opd in self._opds.values():
            for name in opd.names()[1:]:
                needle = _NON_WORD.sub(" ", name.lower()).strip()
                at = haystack.rfind(f" {needle} ") if len(needle) >= 4 else -1
                if at > best_at:
                    best, best_at = opd, at
        return best

    def find(self, text: str, cutoff: float = 0.85) -> list[Opd]:
        """The OPDs ``text`` names: the exact matches, else the close ones, best first."""
        form = _name_form(text)
        if not form:
            return []
        exact = self._by_name.get(form)
        if exact:
            return list(dict.fromkeys(exact))
        close = difflib.get_close_matches(form, list(self._by_name), n=5, cutoff=cutoff)
        return list(dict.fromkeys(opd for name in close for opd in self._by_name[name]))

    def get(self, key: str) -> Opd | None:
        return self._opds.get(key)

    def lists_address(self, address: str, s: Session | None = None) -> bool:
        """True when the address itself is registered (an OPD address or a penanggung jawab; with
        ``s``, also an address registered by the Pranata Komputer's reply)."""
        addr = normalise_address(address)
        return addr in self._by_address or self._registered(s, addr) is not None

    @property
    def opds(self) -> tuple[Opd, ...]:
        return tuple(self._opds.values())

    def __iter__(self) -> Iterator[Opd]:
        return iter(self._opds.values())

    def __len__(self) -> int:
        return len(self._opds)


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RegistryError(f"{where}: missing or not a non-empty string")
    return value.strip()


def _read_opd(path: Path, key: str, raw: Any) -> Opd:
    where = f"{path}: opd.{key}"
    if not _KEY.match(key):
        raise RegistryError(f"{where}: key must be lowercase letters, digits, '-' or '_'")
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: must be a table")
    unknown = set(raw) - {"name", "addresses", "domains", "pj", "note", "aliases"}
    if unknown:
        raise RegistryError(f"{where}.{sorted(unknown)[0]}: unknown key")
    name = _string(raw.get("name"), f"{where}.name")
    addresses = _string_list(raw.get("addresses", []), f"{where}.addresses", _ADDRESS, "an email address")
    domains = _string_list(raw.get("domains", []), f"{where}.domains", _DOMAIN, "a domain name")
    if not addresses and not domains:
        raise RegistryError(f"{where}: needs addresses or domains")
    pj = None
    if "pj" in raw:
        praw = raw["pj"]
        if not isinstance(praw, dict):
            raise RegistryError(f"{where}.pj: must be a table with name, nip and email")
        unknown = set(praw) - {"name", "nip", "email"}
        if unknown:
            raise RegistryError(f"{where}.pj.{sorted(unknown)[0]}: unknown key")
        nip = _string(praw.get("nip"), f"{where}.pj.nip")
        if not _NIP.match(nip):
            raise RegistryError(f"{where}.pj.nip: must be 18 digits, got {nip!r}")
        email = _string(praw.get("email"), f"{where}.pj.email").lower()
        if not _ADDRESS.match(email):
            raise RegistryError(f"{where}.pj.email: not an email address: {email!r}")
        pj = ResponsiblePerson(_string(praw.get("name"), f"{where}.pj.name"), nip, email)
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise RegistryError(f"{where}.aliases: must be a list of names")
    return Opd(key, name, addresses, domains, pj, tuple(a.strip() for a in aliases))


_BRACKETED = re.compile(r"\(([^()]*)\)")
# "… Kabupaten Lampung Barat", "… Kab. Lampung Barat", "… Lambar": the region every OPD here is in.
_REGION = re.compile(r" (?:(?:pemerintah )?(?:kabupaten|kab|pemkab) )?(?:lampung barat|lambar)$")
_GENERIC_PREFIX = re.compile(r"^(?:dinas|badan|kantor|uptd) ")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _name_form(text: str) -> str:
    """'Dinas Kesehatan', 'DINAS  KESEHATAN.', 'kesehatan', 'Dinkes Kab. Lampung Barat' -> 'kesehatan' / 'dinkes'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _REGION.sub("", _GENERIC_PREFIX.sub("", _NON_WORD.sub(" ", plain).strip()))


def _string_list(value: Any, where: str, pattern: re.Pattern[str], what: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RegistryError(f"{where}: must be a list")
    out = []
    for item in value:
        if not isinstance(item, str) or not pattern.match(item.strip().lower()):
            raise RegistryError(f"{where}: {item!r} is not {what}")
        out.append(item.strip().lower())
    return tuple(out)


def _check_unique(path: Path, opds: tuple[Opd, ...]) -> None:
    owner: dict[str, str] = {}
    for opd in opds:
        own = set(opd.addresses) | ({opd.pj.email} if opd.pj else set())
        for address in sorted(own):
            if address in owner:
                raise RegistryError(f"{path}: opd.{opd.key}: address {address} is already registered "
                                    f"for opd.{owner[address]}")
            owner[address] = opd.key
    domains: dict[str, str] = {}
    for opd in opds:
        for domain in opd.domains:
            if domain in domains:
                raise RegistryError(f"{path}: opd.{opd.key}.domains: {domain} is already registered "
                                    f"for opd.{domains[domain]}")
            domains[domain] = opd.key
