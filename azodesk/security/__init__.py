"""Counselor passwords and sign-in throttling (plain Python over argon2-cffi)."""
