"""The bottom layer: configuration, the clock, dates, errors and the catalogue's vocabulary."""
