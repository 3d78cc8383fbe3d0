"""The default rules and templates that ship inside the package.

``mailproc/defaults/rules`` and ``mailproc/defaults/templates`` are symbolic links to the top-level
``rules/`` and ``templates/`` of the source tree (the source of truth): a checkout or an editable
install reads those in place, and a wheel carries copies of them (package data in pyproject.toml).
A config that sets ``service.rules_dir`` / ``templates_dir`` uses its own copy instead.
"""
from __future__ import annotations

from pathlib import Path

DEFAULTS = Path(__file__).resolve().parent.parent / "defaults"
RULES = DEFAULTS / "rules"
TEMPLATES = DEFAULTS / "templates"


def rules_files() -> list[str]:
    """Every file of the shipped rules/: a local copy must have them all (`check` names a missing one)."""
    return sorted(p.name for p in RULES.glob("*.toml"))
