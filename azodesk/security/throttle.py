"""Sign-in throttling: after 5 wrong passwords in a row, a delay that doubles with each further
failure (2 s, 4 s, 8 s, … capped at 5 minutes). A correct password resets the count."""

from __future__ import annotations

import datetime as dt

FREE_ATTEMPTS = 5
MAX_DELAY = dt.timedelta(minutes=5)


def delay_after(failures: int) -> dt.timedelta:
    if failures < FREE_ATTEMPTS:
        return dt.timedelta(0)
    return min(dt.timedelta(seconds=2 ** (failures - FREE_ATTEMPTS + 1)), MAX_DELAY)


def locked_until(failures: int, last_failure: dt.datetime | None) -> dt.datetime | None:
    """When the next attempt is allowed, or ``None`` if it is allowed now."""
    wait = delay_after(failures)
    if not wait or last_failure is None:
        return None
    return last_failure + wait
