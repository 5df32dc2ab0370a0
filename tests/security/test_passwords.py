from __future__ import annotations

import datetime as dt

import pytest

from azodesk.security.passwords import hash_password, needs_rehash, password_problems, verify_password
from azodesk.security.throttle import delay_after, locked_until


def test_argon2id_hash_verifies_and_rejects() -> None:
    stored = hash_password("kopi tubruk di pagi hari")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "kopi tubruk di pagi hari")
    assert not verify_password(stored, "kopi tubruk di pagi hari!")
    assert not verify_password("not a hash", "anything at all")
    assert not needs_rehash(stored)


def test_the_same_passphrase_typed_differently_normalised_verifies() -> None:
    stored = hash_password("café au lait pagi")  # composed é
    assert verify_password(stored, "cafe\u0301 au lait pagi")  # e + combining accent


@pytest.mark.parametrize(
    ("password", "code"),
    [("short", "too_short"), ("password123", "common"), ("aaaaaaaaaaaa", "common"), ("12345678901234", "digits_only"),
     ("dr.sari-klinik-2026", "contains_name"), ("x" * 300, "too_long")],
)
def test_weak_passwords_are_refused_with_a_reason(password: str, code: str) -> None:
    problems = password_problems(password, username="sari", clinic="Klinik Harapan")
    assert code in {p.code for p in problems}
    assert all(p.message for p in problems)


def test_a_good_passphrase_passes() -> None:
    assert password_problems("nasi goreng dengan telur mata sapi", username="sari") == []


def test_delay_grows_after_five_failures_and_is_capped() -> None:
    assert [delay_after(n).total_seconds() for n in range(8)] == [0, 0, 0, 0, 0, 2, 4, 8]
    assert delay_after(50) == dt.timedelta(minutes=5)
    now = dt.datetime(2026, 11, 21, 9, 0)
    assert locked_until(4, now) is None
    assert locked_until(6, now) == now + dt.timedelta(seconds=4)
