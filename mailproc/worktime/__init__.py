"""Working time: the calendar of working days and hours, and the SLA targets measured on it."""
