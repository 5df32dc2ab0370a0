"""A reason is a key into the knowledge base's statements (``resources/knowledge/reasons.toml``)
plus the values that fill its placeholders; the text and its sources live in the data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Reason:
    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.params)


def reason(key: str, **params: Any) -> Reason:
    return Reason(key, tuple(sorted(params.items())))

