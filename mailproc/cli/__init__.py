"""The command line: parsing, printing, exit codes (``mailproc.cli.main``)."""
