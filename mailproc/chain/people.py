"""Who is who on a ticket: the roles an address may act in, and who holds a step.

The officials come from ``[roles.*]`` of the config, with their Plt./Plh. delegates acting for them;
the officers of a ticket are its assignees.
"""
from __future__ import annotations

from dataclasses import dataclass

from mailproc.chain.states import OFFICER
from mailproc.store.models import Ticket


@dataclass(frozen=True)
class Actor:
    address: str
    roles: frozenset[str]            # chain roles this address may act as on this ticket
    on_behalf_of: dict[str, str]     # role -> the official a delegate acts for


def identify(desk, ticket: Ticket, address: str) -> Actor:
    roles, behalf = set(), {}
    for role, official in desk.config.roles.items():
        if address == official.email:
            roles.add(role)
        elif address in official.delegates:
            roles.add(role)
            behalf[role] = official.email
    if any(a.email == address for a in ticket.assignees):
        roles.add(OFFICER)
    return Actor(address, frozenset(roles), behalf)


def holder_addresses(desk, ticket: Ticket, step: str) -> list[str]:
    if step == OFFICER:
        return [a.email for a in ticket.assignees]
    return [desk.config.roles[step].email]
