"""The service desk's context: configuration, clock, database and the loaded rules, built lazily.

Commands get one ``Desk``; every part asks it for what it needs, so a command that never parses
mail never loads the parser, and rules are compiled once per process.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from mailproc.clock import Clock
from mailproc.config import Config
from mailproc.workers import this_worker


class Desk:
    def __init__(self, config: Config, clock: Clock | None = None):
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
        from mailproc.store.db import make_engine
        return make_engine(self.config.database_url)

    @cached_property
    def sessions(self):
        from mailproc.store.db import make_sessionmaker, require_migrated
        require_migrated(self.engine)
        return make_sessionmaker(self.engine)

    def transaction(self):
        from mailproc.store.db import transaction
        return transaction(self.sessions)

    @cached_property
    def guard(self):
        from mailproc.guard import Guard
        return Guard.load(self.rules_dir, {self.config.service.address})

    @cached_property
    def classifier(self):
        from mailproc.classify import Classifier
        return Classifier.load(self.rules_dir)

    @cached_property
    def intent(self):
        from mailproc.intent import IntentDetector
        return IntentDetector.load(self.rules_dir)

    @cached_property
    def registry(self):
        from mailproc.registry import OpdRegistry
        return OpdRegistry.load(self.rules_dir)

    @cached_property
    def calendar(self):
        from mailproc.sla.calendar import WorkingCalendar
        return WorkingCalendar.load(self.rules_dir)

    @cached_property
    def sla(self):
        from mailproc.sla.targets import SlaTargets
        return SlaTargets.load(self.rules_dir)

    @cached_property
    def grammar(self):
        from mailproc.decisions import KeywordGrammar
        return KeywordGrammar.load(self.rules_dir)

    @cached_property
    def composer(self):
        from mailproc.outbox.compose import Composer
        return Composer(self.config, self.clock)

    def load_rules(self) -> None:
        """Validate every rules file now (start-up), so errors show before any mail is handled."""
        for name in ("guard", "classifier", "intent", "registry", "calendar", "sla", "grammar"):
            getattr(self, name)
