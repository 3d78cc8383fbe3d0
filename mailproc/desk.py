"""The service desk's context: configuration, clock, database and the loaded rules, built lazily.

Commands get one ``Desk``; every part asks it for what it needs, so a command that never parses
mail never loads the parser, and rules are compiled once per process.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from mailproc.core.clock import Clock
from mailproc.chain.states import ROLES
from mailproc.core.config import Config, require_roles
from mailproc.core.workers import this_worker


class Desk:
    def __init__(self, config: Config, clock: Clock | None = None):
        require_roles(config, ROLES)
        self.config = config
        self.clock = clock or Clock()
        self.worker = this_worker()

    @property
    def storage(self) -> Path:
        return self.config.service.storage_dir

    @property
    def rules_dir(self) -> Path:
        return self.config.service.rules_dir

    @cached_property
    def engine(self):
        from mailproc.store.db import make_engine   # start-up: built on first use
        return make_engine(self.config.database_url)

    @cached_property
    def sessions(self):
        from mailproc.store.db import make_sessionmaker, require_migrated   # start-up: built on first use
        require_migrated(self.engine)
        return make_sessionmaker(self.engine)

    def transaction(self):
        from mailproc.store.db import transaction   # start-up: built on first use
        return transaction(self.sessions)

    @cached_property
    def health(self):
        from mailproc.store.health import HealthNotes   # start-up: built on first use
        return HealthNotes(self.transaction, self.clock)

    @cached_property
    def guard(self):
        from mailproc.intake.guard import Guard   # start-up: built on first use
        return Guard.load(self.rules_dir, {self.config.service.address})

    @cached_property
    def classifier(self):
        from mailproc.intake.classify import Classifier   # start-up: built on first use
        return Classifier.load(self.rules_dir)

    @cached_property
    def intent(self):
        from mailproc.intake.intent import IntentDetector   # start-up: built on first use
        return IntentDetector.load(self.rules_dir)

    @cached_property
    def status_rules(self):
        from mailproc.intake.status import StatusRules   # start-up: built on first use
        return StatusRules.load(self.rules_dir)

    @cached_property
    def registry(self):
        from mailproc.intake.registry import OpdRegistry   # start-up: built on first use
        return OpdRegistry.load(self.rules_dir)

    @cached_property
    def calendar(self):
        from mailproc.worktime.calendar import WorkingCalendar   # start-up: built on first use
        return WorkingCalendar.load(self.rules_dir)

    @cached_property
    def sla(self):
        from mailproc.worktime.targets import SlaTargets   # start-up: built on first use
        return SlaTargets.load(self.rules_dir)

    @cached_property
    def grammar(self):
        from mailproc.chain.decisions import KeywordGrammar   # start-up: built on first use
        return KeywordGrammar.load(self.rules_dir)

    @cached_property
    def composer(self):
        from mailproc.outbox.compose import Composer   # start-up: built on first use
        return Composer(self.config, self.clock)

    def load_rules(self) -> None:
        """Validate every rules file now (start-up), so errors show before any mail is handled."""
        for name in ("guard", "classifier", "intent", "status_rules", "registry", "calendar", "sla", "grammar"):
            getattr(self, name)
