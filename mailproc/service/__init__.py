"""The long-running service and its doors: the run loop, the IMAP mailbox, the pipe from the MTA."""
