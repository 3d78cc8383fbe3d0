"""mailproc: the email-driven service desk of Diskominfo Kabupaten Lampung Barat."""
__version__ = "0.1.0"
