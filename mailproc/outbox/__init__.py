"""The outbox: outgoing mail composed from templates, queued in the database, delivered later."""
