"""AzoDesk: a counselling desk for couples facing azoospermia."""

__version__ = "0.1.0"
