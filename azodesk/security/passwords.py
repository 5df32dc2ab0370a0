"""Passwords: argon2id hashes (argon2-cffi) and the minimum-strength rules.

The rules follow current practice (NIST SP 800-63B): length and a block-list of common choices,
no composition puzzles; a long passphrase is the easiest strong password to remember.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 10
MAX_LENGTH = 256
#: A short block-list of the passwords most often tried first; with the length rule it stops
#: the obvious guesses without an external file.
COMMON = frozenset(
    {
        "password", "password1", "password12", "password123", "passw0rd", "1234567890",
        "0123456789", "12345678910", "qwertyuiop", "1q2w3e4r5t", "qwerty1234", "iloveyou12",
        "admin12345", "administrator", "welcome123", "letmein123", "azodesk123", "azodesk2026",
        "klinik1234", "rahasia123", "indonesia1", "indonesia123", "bismillah1", "sayang1234",
    }
)

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True, slots=True)
class WeakPassword:
    code: str
    message: str


def normalise(password: str) -> str:
    """NFKC, so that the same passphrase typed on two keyboards gives the same hash."""
    return unicodedata.normalize("NFKC", password)


def password_problems(password: str, *, username: str = "", clinic: str = "") -> list[WeakPassword]:
    text = normalise(password)
    folded = text.casefold()
    problems = []
    if len(text) < MIN_LENGTH:
        problems.append(WeakPassword("too_short", f"Use at least {MIN_LENGTH} characters; a short sentence is easiest to remember."))
    if len(text) > MAX_LENGTH:
        problems.append(WeakPassword("too_long", f"Use at most {MAX_LENGTH} characters."))
    if folded in COMMON or len(set(folded)) <= 2:
        problems.append(WeakPassword("common", "This password is too easy to guess; choose another."))
    if folded.isdigit():
        problems.append(WeakPassword("digits_only", "Use letters as well as digits."))
    for name, label in ((username, "your user name"), (clinic, "the clinic's name")):
        if len(name) >= 3 and name.casefold() in folded:
            problems.append(WeakPassword("contains_name", f"Do not use {label} in the password."))
    return problems


def hash_password(password: str) -> str:
    return _hasher.hash(normalise(password))


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, normalise(password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
