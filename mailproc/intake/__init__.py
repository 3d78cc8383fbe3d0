"""One inbound message: keep, guard, intent, classify, the OPD registry, the attached letter."""
