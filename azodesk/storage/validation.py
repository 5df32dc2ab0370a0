"""Checks on everything the service is asked to store; each error names the field.

Text is stored exactly as given (no trimming, no normalisation, right-to-left marks and emoji
kept) or refused with a :class:`ValueError`: too long, blank where a value is required, an
unpaired surrogate, or a control character (single-line fields allow none; multi-line fields
allow line feed, carriage return and tab).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from azodesk.domain.vocab import StepId
from azodesk.storage.errors import InvalidInputError

NAME_MAX = 200
RECORD_NUMBER_MAX = 64
USERNAME_MAX = 64
CONTACT_MAX = 2_000
NOTES_MAX = 100_000
REASON_MAX = 2_000
ADDENDUM_MAX = 100_000
PDF_MAX_BYTES = 50 * 1024 * 1024
STEPS_MAX = 100
LANGUAGES = ("en", "id")
EARLIEST_BIRTH = dt.date(1900, 1, 1)
_MULTILINE_ALLOWED = frozenset("\n\r\t")
_LINE_BREAKS = frozenset({"Zl", "Zp"})
_STEP_IDS = frozenset(s.value for s in StepId)


def _bad_character(text: str, multiline: bool) -> str | None:
    for position, char in enumerate(text):
        category = unicodedata.category(char)
        if category == "Cs":
            return f"an unpaired surrogate U+{ord(char):04X} at position {position}"
        if category == "Cc" and not (multiline and char in _MULTILINE_ALLOWED):
            return f"control character U+{ord(char):04X} at position {position}"
        if category in _LINE_BREAKS and not multiline:
            return f"line separator U+{ord(char):04X} at position {position}"
    return None


def text(field: str, value: object, *, max_length: int, multiline: bool = False,
         required: bool = False) -> str | None:
    """Check one text value; ``None`` passes unless ``required``."""
    if value is None:
        if required:
            raise InvalidInputError(f"{field}: required")
        return None
    if not isinstance(value, str):
        raise InvalidInputError(f"{field}: expected text, got {type(value).__name__}")
    if len(value) > max_length:
        raise InvalidInputError(f"{field}: {len(value)} characters is too long; "
                                f"expected at most {max_length}")
    if not value.strip():
        hint = "" if required else "; leave it out"
        raise InvalidInputError(f"{field}: must not be blank{hint}")
    bad = _bad_character(value, multiline)
    if bad:
        allowed = "line breaks and tabs only" if multiline else "no control characters"
        raise InvalidInputError(f"{field}: {bad}; expected text with {allowed}")
    return value


def free_text(field: str, value: object, *, max_length: int) -> str:
    """Multi-line text that may be empty (notes)."""
    if value == "":
        return ""
    checked = text(field, value, max_length=max_length, multiline=True, required=True)
    assert checked is not None
    return checked


def language(field: str, value: object) -> str:
    if value not in LANGUAGES:
        raise InvalidInputError(f"{field}: unknown language {value!r}; expected one of "
                                f"{', '.join(LANGUAGES)}")
    return str(value)


def birth_date(field: str, value: object) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInputError(f"{field}: expected a date, got {type(value).__name__}")
    if not EARLIEST_BIRTH <= value <= dt.date.today():
        raise InvalidInputError(f"{field}: {value.isoformat()} is not a possible birth date; "
                                f"expected a date between {EARLIEST_BIRTH.isoformat()} and today")
    return value


def step_ids(field: str, value: object) -> list[str]:
    """A list of pathway step ids (``StepId`` values), each once, in the order given."""
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidInputError(f"{field}: expected a list of step ids")
    if len(value) > STEPS_MAX:
        raise InvalidInputError(
            f"{field}: {len(value)} steps is too many; expected at most {STEPS_MAX}")
    seen: set[str] = set()
    for index, step in enumerate(value):
        if not isinstance(step, str) or step not in _STEP_IDS:
            raise InvalidInputError(f"{field}[{index}]: unknown step id {step!r}")
        if step in seen:
            raise InvalidInputError(f"{field}[{index}]: step {step!r} given twice")
        seen.add(step)
    return [str(step) for step in value]


def pdf(field: str, value: object) -> bytes:
    if not isinstance(value, (bytes, bytearray)):
        raise InvalidInputError(f"{field}: expected the PDF's bytes, got {type(value).__name__}")
    if not value.startswith(b"%PDF-"):
        raise InvalidInputError(f"{field}: not a PDF file (it does not start with %PDF-)")
    if len(value) > PDF_MAX_BYTES:
        raise InvalidInputError(f"{field}: {len(value)} bytes is too large; expected at most "
                                f"{PDF_MAX_BYTES // (1024 * 1024)} MB")
    return bytes(value)


def sha256_hex(field: str, value: object) -> str:
    if not isinstance(value, str) or len(value) != 64 or any(
            c not in "0123456789abcdefABCDEF" for c in value):
        raise InvalidInputError(f"{field}: expected 64 hexadecimal digits")
    return value.lower()
